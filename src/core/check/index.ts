export { checkVault, type CheckInput, type CheckReport, type TextAfterId } from './checkVault';
export { KeptTextAfterIds } from './keptTextAfterIds';
export type { Problem, ProblemKind } from './problems';
export { KeptLinkTargets, type LinkTargetsOfNotes } from './keptLinkTargets';
