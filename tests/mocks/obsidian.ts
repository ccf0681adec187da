/**
 * A hand-written fake of the Obsidian runtime (obsidian 1.13.1), mapped to `obsidian` by Jest's
 * moduleNameMapper. Types come from the real declarations; this file supplies small, honest
 * behaviour. Members marked "Fake only" do not exist in Obsidian: reach them by importing this
 * module by path (it is the same module instance as `obsidian`).
 */
export * from './fake/base';
export * from './fake/ui';
export * from './fake/app';
