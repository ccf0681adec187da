/** The record of an applied repair, and undoing it only where a file still holds what was written. */
import { applyEdits, editsProblem, invertEdits, textHash } from './edits';
import { REPAIR_KINDS, type RepairKind, type TextEdit } from './types';

/** One edit as applied: offsets into the text before the repair. */
export interface AppliedEdit extends TextEdit {
  readonly kind: RepairKind;
}

export interface AppliedFileRecord {
  readonly path: string;
  readonly edits: readonly AppliedEdit[];
  /** Fingerprints (textHash) of the file before and right after the repair. */
  readonly beforeHash: string;
  readonly afterHash: string;
}

/** The last repair run, as stored in the plugin data. */
export interface RepairRecord {
  readonly createdAt: number;
  readonly files: readonly AppliedFileRecord[];
}

export function recordFileRepair(path: string, before: string, edits: readonly AppliedEdit[], after: string): AppliedFileRecord {
  return { path, edits: edits.map(({ kind, from, to, before: b, after: a }) => ({ kind, from, to, before: b, after: a })), beforeHash: textHash(before), afterHash: textHash(after) };
}

export type UndoOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** The text before the repair, when `current` is exactly what the repair wrote; otherwise why not. */
export function undoFileRepair(current: string, record: AppliedFileRecord): UndoOutcome {
  if (textHash(current) !== record.afterHash) return { ok: false, reason: 'changed since the repair' };
  const inverse = invertEdits(record.edits);
  const problem = editsProblem(current, inverse);
  if (problem !== null) return { ok: false, reason: `the record does not fit the file (${problem})` };
  const restored = applyEdits(current, inverse);
  if (textHash(restored) !== record.beforeHash) return { ok: false, reason: 'the record does not restore the original text' };
  return { ok: true, text: restored };
}

/** The record with `path` renamed, so undo still finds a file the user moved after the repair. */
export function renameInRecord(record: RepairRecord, oldPath: string, newPath: string): RepairRecord {
  return { ...record, files: record.files.map((f) => (f.path === oldPath ? { ...f, path: newPath } : f)) };
}

/** Reads a stored record back, or null when it is missing or malformed (never throws). */
export function parseRepairRecord(raw: unknown): RepairRecord | null {
  if (!isObject(raw) || typeof raw.createdAt !== 'number' || !Array.isArray(raw.files)) return null;
  const files: AppliedFileRecord[] = [];
  for (const file of raw.files) {
    if (!isObject(file) || typeof file.path !== 'string' || typeof file.beforeHash !== 'string' || typeof file.afterHash !== 'string') return null;
    if (!Array.isArray(file.edits) || !file.edits.every(isAppliedEdit)) return null;
    files.push({ path: file.path, edits: file.edits, beforeHash: file.beforeHash, afterHash: file.afterHash });
  }
  return { createdAt: raw.createdAt, files };
}

function isAppliedEdit(value: unknown): value is AppliedEdit {
  return (
    isObject(value) &&
    (REPAIR_KINDS as readonly unknown[]).includes(value.kind) &&
    Number.isInteger(value.from) &&
    Number.isInteger(value.to) &&
    typeof value.before === 'string' &&
    typeof value.after === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
