/**
 * Applies a previewed repair file by file through a RepairTarget (the vault, or the editor for an
 * open note), re-checking each file's text against what was previewed, with bounded concurrency,
 * cancel between files, and a summary; and undoes the last run the same way.
 */
import { invertEdits } from '../../core/repair/edits';
import { compareCodeUnits } from '../../core/order';
import { countByKind } from '../../core/repair/render';
import type { FileRepairPlan, RepairEdit, RepairKind, TextEdit } from '../../core/repair/types';
import { remapApproved, type LeftOutEdit } from '../../core/repair/remap';
import { recordFileRepair, undoFileRepair, type AppliedFileRecord, type RepairRecord } from '../../core/repair/undo';

/** Thrown inside an update to leave the file exactly as it is. */
export class SkipFile extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipFile';
  }
}

/** What `decide` chose for a file's current text: the edits to apply, and anything it needs to report. */
export interface Decision {
  readonly edits: readonly TextEdit[];
}

/** A file as it was updated: its text before and after, and the decision applied. */
export interface Updated<D extends Decision> {
  /** Where the file is once written: a note renamed while its write was under way is written at its new path. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly decision: D;
}

/** Where repairs are written. `update` is atomic per file: `decide` sees the current text and returns the edits to apply. */
export interface RepairTarget {
  /**
   * Applies the edits `decide` returns to the file's current text in one atomic step. Throws
   * SkipFile (from decide, or when the file no longer exists) to leave the file as it is.
   */
  update<D extends Decision>(path: string, decide: (current: string) => D): Promise<Updated<D>>;
}

/** An approved edit that was not written, with its file. */
export interface LeftOutEditOf extends LeftOutEdit {
  readonly path: string;
}

export interface RunControl {
  /** Files written at the same time, at most. */
  readonly concurrency: number;
  /** Checked before each file starts; files already started finish. */
  isCancelled(): boolean;
  onProgress?(done: number, total: number): void;
  /** A repair wrote this file (called as each write ends, so the undo record can grow with the run). */
  onWritten?(file: AppliedFileRecord): void;
  /** An undo restored the file at this path. */
  onRestored?(path: string): void;
}

export interface RunSummary {
  /** Files changed, with what was applied (the undo record). */
  readonly changed: readonly AppliedFileRecord[];
  readonly editsByKind: Readonly<Record<RepairKind, number>>;
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Approved edits left out of files that were written (the text around them changed since the preview). */
  readonly leftOut: readonly LeftOutEditOf[];
  readonly failed: readonly { readonly path: string; readonly message: string }[];
  /** Files never started because the run was cancelled. */
  readonly notStarted: readonly string[];
}

/** Re-plans one file's current text (used when it changed since the preview). */
export type Replanner = (path: string, text: string) => readonly RepairEdit[];

/** Runs `work` over items with at most `limit` in flight, stopping new starts once cancelled. */
async function pool<T>(items: readonly T[], control: RunControl, work: (item: T) => Promise<void>): Promise<T[]> {
  const notStarted: T[] = [];
  let cursor = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (cursor < items.length) {
      const item = items[cursor++];
      if (control.isCancelled()) {
        notStarted.push(item);
        continue;
      }
      await work(item);
      control.onProgress?.(++done, items.length);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(control.concurrency, items.length)) }, worker);
  await Promise.all(workers);
  return notStarted;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The edits to apply to a file's current text: the approved ones, found again if it changed since the preview. */
function approvedEditsFor(file: FileRepairPlan, current: string, replan: Replanner): Decision & { readonly edits: readonly RepairEdit[]; readonly leftOut: readonly LeftOutEdit[] } {
  // The edits were approved on exactly this text.
  if (current === file.text) return { edits: file.edits, leftOut: [] };
  // Each approved edit is found again by its position carried through the change, never by its text alone.
  const remapped = remapApproved(file.text, current, file.edits, replan(file.path, current));
  if (remapped.edits.length === 0) throw new SkipFile('changed since the preview, and none of its approved edits still fits');
  return remapped;
}

const byPath = (a: { readonly path: string }, b: { readonly path: string }): number => compareCodeUnits(a.path, b.path);

/** Applies the selected edits of each file; a file changed since the preview is re-planned or skipped. */
export async function applyRepairs(files: readonly FileRepairPlan[], target: RepairTarget, replan: Replanner, control: RunControl): Promise<RunSummary> {
  const changed: AppliedFileRecord[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const failed: { path: string; message: string }[] = [];
  const leftOut: LeftOutEditOf[] = [];
  const work = files.filter((f) => f.edits.length > 0);
  const notStarted = await pool(work, control, async (file) => {
    try {
      const { path, before, after, decision } = await target.update(file.path, (current) => approvedEditsFor(file, current, replan));
      const record = recordFileRepair(path, before, decision.edits, after);
      changed.push(record);
      control.onWritten?.(record);
      leftOut.push(...decision.leftOut.map((o) => ({ ...o, path: file.path })));
    } catch (error) {
      if (error instanceof SkipFile) skipped.push({ path: file.path, reason: error.message });
      else failed.push({ path: file.path, message: messageOf(error) });
    }
  });
  return {
    changed: changed.sort(byPath),
    editsByKind: countByKind(changed.flatMap((f) => f.edits)),
    skipped,
    // Sorting is stable: within a file, left-out edits stay in the order they were approved (by position).
    leftOut: leftOut.sort(byPath),
    failed,
    notStarted: notStarted.map((f) => f.path),
  };
}

export interface UndoSummary {
  readonly restored: readonly string[];
  /** Files left as they are, with why (changed since, missing, failed). */
  readonly left: readonly { readonly path: string; readonly reason: string }[];
}

/** Restores each file of the record where it still holds exactly what the repair wrote. */
export async function undoRepairs(record: RepairRecord, target: RepairTarget, control: RunControl): Promise<UndoSummary> {
  const restored: string[] = [];
  const left: { path: string; reason: string }[] = [];
  const notStarted = await pool(record.files, control, async (file) => {
    try {
      await target.update(file.path, (current) => {
        const outcome = undoFileRepair(current, file);
        if (!outcome.ok) throw new SkipFile(outcome.reason);
        return { edits: invertEdits(file.edits) };
      });
      restored.push(file.path);
      control.onRestored?.(file.path);
    } catch (error) {
      left.push({ path: file.path, reason: messageOf(error) });
    }
  });
  for (const file of notStarted) left.push({ path: file.path, reason: 'cancelled' });
  return { restored: restored.sort(compareCodeUnits), left };
}
