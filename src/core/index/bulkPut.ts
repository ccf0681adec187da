/**
 * The bulk build's short way in: a scanned note put over a record that holds no references yet
 * (the names pass's), with the same own ID and title. Nothing needs taking out, so the note's
 * references are copied, interned and linked in one pass, without staging them apart, unlinking
 * the owner and linking it again, or the path map: at 100k notes those cost more than the linking.
 */
import type { ChangedIdSet } from './changedIds';
import { NONE, type IdTable } from './idTable';
import type { IndexStorage } from './noteLinks';
import type { NoteTable } from './noteTable';
import { EDGE, LINK, LINK_REF_INTS, REF_FLAGS, REF_INTS, REF_SLOT } from './referenceStore';
import type { ScannedNote } from './scannedNote';

/** Notes with up to this many distinct IDs find repeats in a small list instead of the edge lists. */
const SEEN_LIMIT = 32;
/** Notes put before the arrays grow to a size estimated from them (fewer, and the estimate is noise). */
const PLAN_SAMPLE = 256;
/**
 * Past the sample, an array grows at least by the share of notes still to come, within these: a
 * growth of a sixteenth leaves less than a sixteenth unused, which the build's trim does not copy
 * for (worthTrimming).
 */
const LEAST_FLOOR = 1 / 16;
const MOST_FLOOR = 1 / 4;

export class BulkPut {
  /** ID slots the note being put has linked so far (its first SEEN_LIMIT distinct ones). */
  private readonly seen = new Int32Array(SEEN_LIMIT);

  constructor(private readonly store: IndexStorage) {}

  /**
   * Puts the note at `slot` when its record there holds no references and the same own ID and
   * title; returns false, changing nothing, otherwise. The result equals upsertNote's, and so do
   * the IDs `changed` (when given) collects: those the note now references, in the order it
   * references them first (the owner stays, so its ID is not among them).
   */
  tryPut(input: ScannedNote, slot: number, changed: ChangedIdSet | null): boolean {
    const { notes, ids } = this.store;
    if (notes.refLength[slot] !== 0 || !sameOwnId(ids, notes.ownId[slot], input.id) || !sameTitle(notes, slot, input)) return false;
    // No references before or after: only that the note was read from a text changes (as upsertNote records it).
    if (input.length === 0) {
      notes.textLength[slot] = input.textLength;
      return true;
    }
    this.makeRoom(input, slot);
    const start = this.copyInterned(input);
    notes.refStart[slot] = start;
    notes.refLength[slot] = input.length;
    notes.textLength[slot] = input.textLength;
    this.link(slot, start, start + input.length, changed);
    return true;
  }

  /**
   * Grows the arena and the edge lists, when they are full, to what the whole build will likely
   * need, judged from the notes put so far: a build puts notes in slot order, so `slot` tells how
   * far it is. Growing by half each time would allocate about three times the final arena, and
   * that much fresh memory makes V8 collect the whole heap (external memory pressure).
   */
  private makeRoom(input: ScannedNote, slot: number): void {
    const { arena, edges, notes } = this.store;
    const done = slot + 1;
    const total = notes.extent;
    if (arena.used + input.length > arena.ints.length) arena.reserve(plannedCapacity(arena.used, arena.ints.length, arena.used + input.length, done, total));
    // At most one edge per record, and a record takes REF_INTS or more.
    const records = Math.floor(input.length / REF_INTS);
    if (edges.handedOut + records > edges.capacity) edges.reserve(plannedCapacity(edges.handedOut, edges.capacity, edges.handedOut + records, done, total));
  }

  /** Copies the note's records to the end of the arena with each ID interned; returns where they start. */
  private copyInterned(input: ScannedNote): number {
    const { arena, ids } = this.store;
    const start = arena.alloc(input.length);
    const ints = arena.ints;
    const source = input.ints;
    const keys = input.keys;
    const offset = input.intsFrom - start;
    for (let at = start, end = start + input.length; at < end; ) {
      const length = (source[at + offset + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS;
      for (let i = 0; i < length; i++) ints[at + i] = source[at + offset + i];
      const reference = ints[at + REF_SLOT];
      const key = keys[reference];
      ints[at + REF_SLOT] = key >= 0 ? ids.internKeyIn(keys, reference) : ids.intern(input.ids[reference]);
      ints[at + REF_FLAGS] &= ~EDGE;
      at += length;
    }
    return start;
  }

  /** Adds the note to the list of each ID it references, once per ID, flagging the record that did. */
  private link(slot: number, start: number, end: number, changed: ChangedIdSet | null): void {
    const { arena, ids, edges } = this.store;
    const ints = arena.ints;
    const seen = this.seen;
    let seenCount = 0;
    for (let at = start; at < end; at += (ints[at + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS) {
      const id = ints[at + REF_SLOT];
      const head = ids.edgeHead[id];
      if (seenCount < SEEN_LIMIT) {
        if (holds(seen, seenCount, id)) continue;
        seen[seenCount++] = id;
      }
      // Past the list: this note's edges go in front as they are added, so a repeat finds the note at the head.
      else if (head !== NONE && edges.note(head) === slot) continue;
      ids.edgeHead[id] = edges.push(slot, head);
      ints[at + REF_FLAGS] |= EDGE;
      if (changed !== null) changed.addSlot(ids, id);
    }
  }
}

/**
 * The capacity for an array that must hold `needed` and has `used` of `capacity` filled after
 * `done` of `total` notes: their share scaled to all notes, plus 5 %; half again when too few
 * notes tell. Never more than 4 times the old capacity (notes put out of slot order mislead), and
 * at least the share of the notes still to come more, between a sixteenth and a quarter (so an
 * estimate a little short does not grow it note by note, and a growth near the end does not leave
 * so much room unused that the build's trim copies the whole array once more).
 */
export function plannedCapacity(used: number, capacity: number, needed: number, done: number, total: number): number {
  if (done < PLAN_SAMPLE || done >= total) return Math.max(needed, Math.ceil(capacity * 1.5));
  const expected = Math.ceil((used / done) * total * 1.05);
  const least = Math.ceil(capacity * (1 + Math.min(MOST_FLOOR, Math.max(LEAST_FLOOR, (total - done) / total))));
  return Math.max(needed, least, Math.min(expected, capacity * 4));
}

function holds(list: Int32Array, count: number, value: number): boolean {
  for (let i = 0; i < count; i++) if (list[i] === value) return true;
  return false;
}

/**
 * Whether the note at `slot` has the input's title: as two numbers when both read it off the same
 * path (a string comparison per note cost a twentieth of a 100k-note build), else as strings.
 */
function sameTitle(notes: NoteTable, slot: number, input: ScannedNote): boolean {
  const from = input.titleFrom;
  return (from !== undefined && notes.titleIsSpanOf(slot, input.path, from, input.title.length)) || notes.titleIs(slot, input.title);
}

/** Whether the note's own ID slot holds `id` (both none, or the same ID), without interning it. */
function sameOwnId(ids: IdTable, own: number, id: string | null): boolean {
  if (id === null || own === NONE) return id === null && own === NONE;
  return ids.idLength(own) === id.length && ids.isAt(own, id, 0);
}
