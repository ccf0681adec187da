/**
 * Turning a note's facts into a block of reference records at the end of the arena, IDs interned,
 * before the index decides whether anything changed and links the block in.
 */
import type { IndexedReference } from '../types';
import type { IdTable } from './idTable';
import { NO_TEXT, type NoteTable } from './noteTable';
import {
  EDGE, EMBED, LINK, LINK_DISPLAY_FROM, LINK_DISPLAY_LENGTH, LINK_FROM, LINK_REF_INTS, LINK_SUBPATH_LENGTH, LINK_TARGET_FROM,
  LINK_TARGET_TO, LINK_TO, recordLength, REF_COLUMN, REF_FLAGS, REF_FROM, REF_INTS, REF_LINE, REF_SLOT, type ReferenceArena,
} from './referenceStore';
import { isScanned, keptWhole, type NoteInput } from './scannedNote';

/** A note's references written to the arena, not yet linked into the index. */
export interface Staged {
  readonly start: number;
  readonly length: number;
  /** The scanned text's length, or NO_TEXT for facts given whole. */
  readonly textLength: number;
  /** The references as given (facts given whole with at least one reference), else null. */
  readonly given: readonly IndexedReference[] | null;
}

const FORM_CODES = { bare: 0, wikilink: 1, markdown: 2 } as const;

export function stageFacts(input: NoteInput, ids: IdTable, arena: ReferenceArena): Staged {
  if (isScanned(input)) {
    if (input.isCurrent?.() === false) throw new Error(`The scanned facts of ${input.path} were used after their scanner scanned another note.`);
    const start = arena.alloc(input.length);
    copyInterned(input.ints, input.intsFrom, input.length, input.keys, input.ids, ids, arena.ints, start);
    return { start, length: input.length, textLength: input.textLength, given: null };
  }
  const references = inTextOrder(input.references);
  let length = 0;
  for (const reference of references) length += reference.link === undefined ? REF_INTS : LINK_REF_INTS;
  const start = arena.alloc(length);
  const ints = arena.ints;
  let at = start;
  for (const reference of references) {
    ints[at + REF_SLOT] = ids.intern(reference.id);
    ints[at + REF_FROM] = reference.from;
    ints[at + REF_LINE] = reference.line;
    ints[at + REF_COLUMN] = reference.column;
    const link = reference.link;
    ints[at + REF_FLAGS] = FORM_CODES[reference.form] | (link === undefined ? 0 : LINK | (link.embed ? EMBED : 0));
    if (link !== undefined) {
      ints[at + LINK_FROM] = link.from;
      ints[at + LINK_TO] = link.to;
      ints[at + LINK_TARGET_FROM] = link.targetFrom;
      ints[at + LINK_TARGET_TO] = link.targetTo;
      ints[at + LINK_SUBPATH_LENGTH] = link.subpath.length;
      ints[at + LINK_DISPLAY_FROM] = 0;
      ints[at + LINK_DISPLAY_LENGTH] = link.display === null ? -1 : link.display.length;
      at += LINK_REF_INTS;
    } else at += REF_INTS;
  }
  return { start, length, textLength: NO_TEXT, given: references.length === 0 ? null : keptWhole(references) };
}

/**
 * Copies `length` ints of records from `source` to `ints` at `start`, each record's ID interned.
 * Its own function over arrays and numbers: a huge note makes V8 compile the loops mid-call, and
 * in a function that also reads the note's fields after them, that code went back and forth
 * between optimized and not thousands of times in one 20k-note run (--trace-deopt).
 */
function copyInterned(source: Int32Array, from: number, length: number, keys: Float64Array, strings: readonly string[], ids: IdTable, ints: Int32Array, start: number): void {
  // A loop, not set(subarray()): no view object per note.
  for (let i = 0; i < length; i++) ints[start + i] = source[from + i];
  for (let at = start, end = start + length; at < end; at += recordLength(ints, at)) {
    const reference = ints[at + REF_SLOT];
    ints[at + REF_SLOT] = keys[reference] >= 0 ? ids.internKeyIn(keys, reference) : ids.intern(strings[reference]);
    ints[at + REF_FLAGS] &= ~EDGE;
  }
}

/**
 * Whether the staged references are those the note holds. References read from a text are never
 * taken as unchanged: the text around them (their context lines) may have changed while every
 * number stayed the same, and the index does not keep the text to compare. Facts given whole keep
 * every field of every reference in `given`, context included, which their records only repeat.
 */
export function sameStaged(notes: NoteTable, slot: number, staged: Staged): boolean {
  const length = notes.refLength[slot];
  if (length !== staged.length) return false;
  if (length === 0) return true;
  if (notes.textLength[slot] !== NO_TEXT || staged.textLength !== NO_TEXT) return false;
  return JSON.stringify(notes.given.get(slot)) === JSON.stringify(staged.given);
}

/** The references sorted by offset (the scanner's order already; facts from elsewhere may not be). */
function inTextOrder(references: readonly IndexedReference[]): readonly IndexedReference[] {
  for (let i = 1; i < references.length; i++) {
    if (references[i].from < references[i - 1].from) return [...references].sort((a, b) => a.from - b.from);
  }
  return references;
}
