/** Applying and inverting text edits, refusing anything that does not fit the text exactly. */
import type { TextEdit } from './types';

export class EditConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditConflictError';
  }
}

/** Edits sorted by position; zero-width inserts before a replacement that starts at the same offset. */
export function sortEdits<T extends TextEdit>(edits: readonly T[]): T[] {
  return [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Why the edits cannot be applied to text (out of range, overlapping, or text not as expected), or null. */
export function editsProblem(text: string, edits: readonly TextEdit[]): string | null {
  let previousEnd = 0;
  for (const edit of sortEdits(edits)) {
    if (!Number.isInteger(edit.from) || !Number.isInteger(edit.to) || edit.from < 0 || edit.to < edit.from || edit.to > text.length) {
      return `edit ${edit.from}-${edit.to} lies outside the text (length ${text.length})`;
    }
    if (edit.from < previousEnd) return `edit ${edit.from}-${edit.to} overlaps the edit before it`;
    if (text.slice(edit.from, edit.to) !== edit.before) {
      return `text at ${edit.from}-${edit.to} is no longer ${JSON.stringify(edit.before)}`;
    }
    previousEnd = Math.max(previousEnd, edit.to);
  }
  return null;
}

/**
 * Applies non-overlapping edits; throws EditConflictError rather than guess. Assembled front to
 * back in one pass, so thousands of edits in a megabyte note cost one copy of the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const problem = editsProblem(text, edits);
  if (problem !== null) throw new EditConflictError(problem);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sortEdits(edits)) {
    parts.push(text.slice(at, edit.from), edit.after);
    at = edit.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The edits that turn the result of applyEdits(text, edits) back into text. */
export function invertEdits(edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  return sortEdits(edits).map((edit) => {
    const from = edit.from + shift;
    shift += edit.after.length - edit.before.length;
    return { from, to: from + edit.after.length, before: edit.after, after: edit.before };
  });
}

/** 1-based line number of an offset (any of \n, \r\n, lone \r ends a line, as editors count). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  // `i <= text.length` would be the same (past the end charCodeAt is NaN): an equivalent mutant.
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

/**
 * Where the line holding [from, to) starts and ends (before its line break), looking at most `limit`
 * characters each way, so a megabyte-long line costs no more than a short one.
 */
export function lineBounds(text: string, from: number, to: number, limit: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && from - start < limit && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = to;
  while (end < text.length && end - to < limit && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** A line break position not looked for yet. */
const NOT_LOOKED = -2;

/**
 * Maps offsets to 1-based lines, moving from the previous offset instead of from the start: linear
 * over a file when offsets mostly increase, as references do.
 */
// Mutants of NOT_LOOKED, of `position < target` to `<=`, and of the two look-up/reset conditions to
// `true` are equivalent: they only make the counter search again from `position`, with the same lines.
export function lineCounter(text: string): (offset: number) => number {
  const endsLine = (at: number): boolean => {
    const c = text.charCodeAt(at);
    return c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10);
  };
  let position = 0;
  let line = 1;
  // The first `\n` and `\r` at or after `position` (-1: none left; NOT_LOOKED before the first
  // count), found with indexOf and kept while the counter moves forward, so counting up to each
  // offset in turn walks the text once, and a file nothing is counted in is not walked at all.
  let lf = NOT_LOOKED;
  let cr = NOT_LOOKED;
  return (offset: number) => {
    const target = Math.max(0, Math.min(offset, text.length));
    if (position < target) {
      if (lf === NOT_LOOKED) {
        lf = text.indexOf('\n', position);
        cr = text.indexOf('\r', position);
      }
      for (; lf !== -1 && lf < target; lf = text.indexOf('\n', lf + 1)) line++;
      for (; cr !== -1 && cr < target; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 10) line++;
      position = target;
    }
    if (position > target) {
      for (; position > target; position--) if (endsLine(position - 1)) line--;
      lf = NOT_LOOKED;
      cr = NOT_LOOKED;
    }
    return line;
  };
}

/**
 * A 64-bit fingerprint of a text (two FNV-1a hashes with different offsets, plus the length), to tell
 * whether a file still holds what a repair wrote without keeping the whole text. Not cryptographic.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${text.length.toString(36)}-${hex(a)}${hex(b)}`;
}
