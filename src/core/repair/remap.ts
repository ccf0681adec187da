/**
 * Finding the exact edits a user approved in a text that changed after the preview: each edit's
 * position is carried through the change, and only an edit the fresh plan makes at exactly that
 * position, with the same before and after text, is applied. Anything less certain is left out.
 */
import type { RepairEdit } from './types';

/**
 * Where two texts differ, in the old text's offsets: [from, to) is every offset that some shortest
 * alignment of the two changes. A change can often be placed more than one way (deleting one of
 * "A A" leaves "A": the first or the second?), so the region covers all of them.
 */
export interface ChangedRegion {
  readonly from: number;
  readonly to: number;
  /** Length of the new text minus length of the old. */
  readonly shift: number;
}

function commonPrefix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The region where `after` differs from `before`, or null when they are equal. */
export function changedRegion(before: string, after: string): ChangedRegion | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  // Prefix first gives the change's rightmost placement, suffix first its leftmost.
  const prefix = commonPrefix(before, after, shortest);
  const suffixAfterPrefix = commonSuffix(before, after, shortest - prefix);
  const suffix = commonSuffix(before, after, shortest);
  const prefixBeforeSuffix = commonPrefix(before, after, shortest - suffix);
  return { from: prefixBeforeSuffix, to: before.length - suffixAfterPrefix, shift: after.length - before.length };
}

/** The range [from, to) of the old text in the new one, or null when the change touches it. */
export function mapRange(from: number, to: number, region: ChangedRegion | null): { from: number; to: number } | null {
  if (region === null) return { from, to };
  // An empty range on the region's edge could stand on either side of an insertion there.
  if (to < region.from || (to === region.from && from < to)) return { from, to };
  if (from > region.to || (from === region.to && from < to)) return { from: from + region.shift, to: to + region.shift };
  return null;
}

/** An approved edit that was not applied, and why. */
export interface LeftOutEdit {
  readonly edit: RepairEdit;
  readonly reason: string;
}

export interface RemappedEdits {
  /** The fresh plan's edits that are the approved ones, at their new positions. */
  readonly edits: RepairEdit[];
  readonly leftOut: LeftOutEdit[];
}

export const EDIT_TOUCHED = 'the text at or around it changed since the preview';
export const EDIT_GONE = 'the repair no longer plans it there';

/**
 * The approved edits (planned on `previewed`) as they apply to `current`, confirmed by `fresh`, the
 * plan made on `current`: an edit is kept only when its mapped position holds the same repair.
 */
export function remapApproved(previewed: string, current: string, approved: readonly RepairEdit[], fresh: readonly RepairEdit[]): RemappedEdits {
  const region = changedRegion(previewed, current);
  const edits: RepairEdit[] = [];
  const leftOut: LeftOutEdit[] = [];
  for (const edit of approved) {
    const mapped = mapRange(edit.from, edit.to, region);
    if (mapped === null) {
      leftOut.push({ edit, reason: EDIT_TOUCHED });
      continue;
    }
    // Outside the changed region the text is as previewed, so the same span writing the same text is the same repair.
    const same = fresh.find((f) => f.from === mapped.from && f.to === mapped.to && f.after === edit.after);
    if (same === undefined) leftOut.push({ edit, reason: EDIT_GONE });
    else edits.push(same);
  }
  return { edits, leftOut };
}
