export { checkVault, type CheckInput, type CheckReport } from './checkVault';
export type { Problem, ProblemKind } from './problems';
export { KeptLinkTargets, type LinkTargetsOfNotes } from './keptLinkTargets';
