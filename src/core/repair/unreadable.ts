/** Notes a repair could not read: each is one problem, in its file's place among the plan's. */
import type { Problem } from '../check';
import { compareCodeUnits } from '../order';
import type { RepairPlan } from './types';

export interface UnreadableNote {
  readonly path: string;
  readonly reason: string;
}

export function withUnreadableNotes(plan: RepairPlan, unreadable: readonly UnreadableNote[]): RepairPlan {
  if (unreadable.length === 0) return plan;
  const left = unreadable.map(({ path, reason }): Problem => ({ kind: 'unreadable-file', file: path, line: 1, id: null, message: `${path} was left out: ${reason}` }));
  // The plan's problems come by file and line, and a note that was not read has none of them: a
  // stable sort by file puts each in its place.
  return { files: plan.files, problems: [...plan.problems, ...left].sort((a, b) => compareCodeUnits(a.file, b.file)) };
}
