/**
 * Where the index keeps references: a few Int32 per reference in one arena (each note's references
 * one contiguous block, in text order), and for each ID a list of the notes that reference it (one
 * edge per note and ID). No object per reference or per edge: at 100k notes there are about half a
 * million references, and objects would cost several times the numbers they hold.
 */
import { resized, worthTrimming } from './idTable';

// A reference record: its ID's slot, where it stands, and flags; a link's spans follow when LINK.
export const REF_SLOT = 0;
export const REF_FROM = 1;
export const REF_LINE = 2;
export const REF_COLUMN = 3;
export const REF_FLAGS = 4;
export const REF_INTS = 5;
// Link spans, all offsets into the note's text: the whole link, its target, the subpath right
// after the target (length), and the display text (start and length; length -1 when none).
export const LINK_FROM = 5;
export const LINK_TO = 6;
export const LINK_TARGET_FROM = 7;
export const LINK_TARGET_TO = 8;
export const LINK_SUBPATH_LENGTH = 9;
export const LINK_DISPLAY_FROM = 10;
export const LINK_DISPLAY_LENGTH = 11;
export const LINK_REF_INTS = 12;

// Flags: the form in the low two bits (0 bare, 1 wikilink, 2 markdown), then:
export const FORM_MASK = 3;
export const LINK = 4;
export const EMBED = 8;
/** This record is the note's first reference to its ID: the one that put the note in the ID's list. */
export const EDGE = 16;

/** Ints the record at `at` takes. */
export function recordLength(ints: Int32Array, at: number): number {
  return (ints[at + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS;
}

/** A growable Int32Array of note blocks; freed blocks are reclaimed by compaction. */
export class ReferenceArena {
  ints = new Int32Array(1024);
  /** Ints handed out, freed ones included. */
  used = 0;
  /** Ints in freed blocks. */
  garbage = 0;

  clear(): void {
    this.ints = new Int32Array(1024);
    this.used = 0;
    this.garbage = 0;
  }

  /** Room for `length` more ints at the end; returns where they start. */
  alloc(length: number): number {
    const start = this.used;
    if (start + length > this.ints.length) this.ints = resized(this.ints, Math.max(start + length, Math.ceil(this.ints.length * 1.5)), Int32Array);
    this.used += length;
    return start;
  }

  /** Grows the array to `capacity` ints at once (a bulk build that knows roughly what it will hold). */
  reserve(capacity: number): void {
    if (capacity > this.ints.length) this.ints = resized(this.ints, capacity, Int32Array);
  }

  /** Gives back the last `length` ints handed out (a block staged but not kept). */
  unalloc(start: number, length: number): void {
    if (start + length === this.used) this.used = start;
    else this.garbage += length;
  }

  free(length: number): void {
    this.garbage += length;
  }

  /** Whether trimming (compacting with no slack) would pay: freed blocks, or much room unused. */
  get trimmable(): boolean {
    return this.garbage > 0 || worthTrimming(this.used, this.ints.length);
  }

  /** Whether compaction would now pay for itself. */
  get wasteful(): boolean {
    return this.garbage > 65_536 && this.garbage * 2 > this.used;
  }

  /**
   * Moves every live block to the front, in note order, into an array of exactly the live size
   * plus `slack`; `starts` and `lengths` (per note, -1 start for free notes) are rewritten. (Blocks
   * are found through `starts` alone: their order in the arena is no promise.)
   */
  compact(starts: Int32Array, lengths: Int32Array, notes: number, slack: number): void {
    // Nothing freed: every int up to `used` is in a live block, so the blocks stay where they are and
    // only the array is cut to size (one copy, no loop per note; a bulk build's trim is this case).
    if (this.garbage === 0) {
      this.ints = resized(this.ints, Math.max(1024, this.used + slack), Int32Array);
      return;
    }
    const live = this.used - this.garbage;
    const next = new Int32Array(Math.max(1024, live + slack));
    let to = 0;
    for (let note = 0; note < notes; note++) {
      const start = starts[note];
      if (start < 0) continue;
      const length = lengths[note];
      // A loop, not set(subarray): a view object per note is garbage a whole build's trim makes 100k of.
      for (let i = 0; i < length; i++) next[to + i] = this.ints[start + i];
      starts[note] = to;
      to += length;
    }
    this.ints = next;
    this.used = to;
    this.garbage = 0;
  }
}

const EDGE_NOTE = 0;
const EDGE_NEXT = 1;

/** Singly linked lists of note slots, one per ID, in one Int32Array of (note, next) pairs. */
export class EdgeLists {
  pairs = new Int32Array(2048);
  private used = 0;
  private freeHead = -1;
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** Edges handed out, freed ones included. */
  get handedOut(): number {
    return this.used;
  }

  /** Edges the array has room for. */
  get capacity(): number {
    return this.pairs.length >> 1;
  }

  /** Grows the array to `capacity` edges at once (a bulk build that knows roughly how many it will hold). */
  reserve(capacity: number): void {
    if (capacity * 2 > this.pairs.length) this.pairs = resized(this.pairs, capacity * 2, Int32Array);
  }

  clear(): void {
    this.pairs = new Int32Array(2048);
    this.used = 0;
    this.freeHead = -1;
    this.live = 0;
  }

  note(edge: number): number {
    return this.pairs[edge * 2 + EDGE_NOTE];
  }

  next(edge: number): number {
    return this.pairs[edge * 2 + EDGE_NEXT];
  }

  /** A new edge for `note` in front of `head`; returns it (the list's new head). */
  push(note: number, head: number): number {
    let edge = this.freeHead;
    if (edge >= 0) this.freeHead = this.pairs[edge * 2 + EDGE_NEXT];
    else {
      edge = this.used++;
      if (edge * 2 + 2 > this.pairs.length) this.pairs = resized(this.pairs, Math.max(edge * 2 + 2, Math.ceil(this.pairs.length * 1.5)), Int32Array);
    }
    this.pairs[edge * 2 + EDGE_NOTE] = note;
    this.pairs[edge * 2 + EDGE_NEXT] = head;
    this.live++;
    return edge;
  }

  /** Unlinks `note` from the list starting at `head`; returns the list's head afterwards. */
  remove(head: number, note: number): number {
    let previous = -1;
    for (let edge = head; edge >= 0; previous = edge, edge = this.pairs[edge * 2 + EDGE_NEXT]) {
      if (this.pairs[edge * 2 + EDGE_NOTE] !== note) continue;
      const next = this.pairs[edge * 2 + EDGE_NEXT];
      if (previous < 0) head = next;
      else this.pairs[previous * 2 + EDGE_NEXT] = next;
      this.pairs[edge * 2 + EDGE_NEXT] = this.freeHead;
      this.pairs[edge * 2 + EDGE_NOTE] = -1;
      this.freeHead = edge;
      this.live--;
      return head;
    }
    return head;
  }

  /** Shrinks the array to the edges handed out (after a bulk build), unless little would be gained. */
  trim(): void {
    const length = Math.max(2, this.used * 2);
    if (worthTrimming(length, this.pairs.length)) this.pairs = resized(this.pairs, length, Int32Array);
  }
}
