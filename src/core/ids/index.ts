export * from './formats';
export * from './timestamp';
export * from './prose';
export * from './links';
export * from './title';
export * from './scanner';
export { proseRanges, frontmatterEnd } from './blocks';
