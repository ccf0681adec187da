/** Rename history: the titles a note had before, per ID, which stale-title repair looks for. */
import type { IdFormat } from '../ids/formats';
import { idFromFileName, isFolderNote } from '../index/ownId';
import { titleOf } from '../index/noteFacts';
import { compareCodeUnits } from '../order';

/** Former titles per ID, oldest first. */
export type RenameHistory = Map<string, string[]>;

/** Titles kept per ID; the oldest fall off first. */
export const MAX_TITLES_PER_ID = 20;

/**
 * The ID and both titles when a rename kept a note's ID and changed its title; else null. The ID is
 * the file-name ID on both sides, or — for a note whose ID comes from elsewhere (frontmatter) and
 * whose file names hold none — `otherId`, the ID the index knows for the note.
 */
export function titleChange(
  oldPath: string,
  newPath: string,
  format: IdFormat,
  otherId: string | null = null,
): { id: string; oldTitle: string; newTitle: string } | null {
  if (isFolderNote(oldPath) || isFolderNote(newPath)) return null;
  const oldId = idFromFileName(oldPath, format);
  const newId = idFromFileName(newPath, format);
  if (oldId !== newId) return null;
  const id = newId ?? otherId;
  if (id === null) return null;
  const oldTitle = titleOf(oldPath, id, null, format);
  const newTitle = titleOf(newPath, id, null, format);
  // A name that holds no title gives the ID as its title (titleOf never gives '' here).
  if (oldTitle === id || onlyAddsMarks(oldTitle, newTitle)) return null;
  return { id, oldTitle, newTitle };
}

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Whether the new title is the old one, differing at most in Unicode normalisation or in combining
 * marks it adds (`Cafe` → `Cafe\u0301`). Such a change renames nothing a reader would see as
 * different words, and the old title would still match at the start of every new one.
 */
function onlyAddsMarks(oldTitle: string, newTitle: string): boolean {
  const before = oldTitle.normalize('NFD');
  const after = newTitle.normalize('NFD');
  return before.replace(COMBINING_MARKS, '') === after.replace(COMBINING_MARKS, '') && after.length >= before.length;
}

/**
 * Records that the note with `id` was titled `oldTitle` before being titled `newTitle`. A title the
 * note has again is dropped from its history. Returns whether anything changed.
 */
export function recordRename(history: RenameHistory, id: string, oldTitle: string, newTitle: string): boolean {
  const before = history.get(id) ?? [];
  const titles = [...before.filter((t) => t !== oldTitle && t !== newTitle), oldTitle].slice(-MAX_TITLES_PER_ID);
  if (titles.length === before.length && titles.every((t, i) => t === before[i])) return false;
  history.set(id, titles);
  return true;
}

/** Reads stored history (`{ "ID": ["Old title", …] }`), dropping anything malformed. */
export function parseRenameHistory(raw: unknown): RenameHistory {
  const history: RenameHistory = new Map();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return history;
  for (const [id, titles] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(titles)) continue;
    const valid = titles.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
    if (valid.length > 0) history.set(id, [...new Set(valid)].slice(-MAX_TITLES_PER_ID));
  }
  return history;
}

/** The stored form of the history: a plain object, IDs sorted. */
export function serializeRenameHistory(history: RenameHistory): Record<string, string[]> {
  return Object.fromEntries([...history].sort(([a], [b]) => compareCodeUnits(a, b)).map(([id, titles]) => [id, [...titles]]));
}
