/**
 * The bulk build's short way in: a scanned note put over a record that holds no references yet
 * (the names pass's), with the same own ID and title. Nothing needs taking out, so the note's
 * references are copied, interned and linked in one pass, without staging them apart, unlinking
 * the owner and linking it again, or the path map: at 100k notes those cost more than the linking.
 *
 * Interning and linking wait for a batch of notes (`settle`): a probe into the ID table right after
 * a note's text has passed through the cache mostly misses it, and a batch's probes find the table
 * still cached (a 100k-note build in memory, about 5 % faster). Until then the records' REF_SLOT
 * holds an index into `pendingKeys`, so the index settles the batch before it reads or otherwise
 * writes anything (IdIndex), and a change set before it tells what changed (ChangedIdSet).
 */
import type { ChangedIdSet } from './changedIds';
import { NONE, type IdTable } from './idTable';
import type { IndexStorage } from './noteLinks';
import type { NoteTable } from './noteTable';
import { EDGE, LINK, LINK_REF_INTS, recordLength, REF_FLAGS, REF_INTS, REF_SLOT } from './referenceStore';
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
/** When puts wait in batches, and how many references a batch holds before it settles. */
export interface BatchSizes {
  /**
   * IDs the table holds before puts wait. A smaller table (its buckets and keys under 512 KB) stays
   * in the cache anyway: batching it measured 1–3 % slower at 10k notes, and added 3 % to the
   * instructions of `check` at 20k.
   */
  readonly fromIds: number;
  /**
   * References a batch holds (their keys take 8 bytes each): enough that most of a batch's probes
   * find the table's lines brought in by earlier ones. By CPU profile of the 100k build, interning
   * and linking took about 54–69 ms a build unbatched or in batches of 2^14, 41–48 ms in batches of 2^16 to 2^18.
   */
  readonly references: number;
}

export const BATCH_SIZES: BatchSizes = { fromIds: 1 << 15, references: 1 << 16 };

export class BulkPut {
  /** ID slots the note being put has linked so far (its first SEEN_LIMIT distinct ones). */
  private readonly seen = new Int32Array(SEEN_LIMIT);
  /** The integer keys of the batch's references, in the order they were put. */
  private pendingKeys = new Float64Array(0);
  private pendingKeyCount = 0;
  /** The batch's notes, three numbers each: slot, start and end of its records in the arena. */
  private readonly pendingNotes: number[] = [];
  /** Where the batch's changed IDs go: every note of a batch was put with the same set. */
  private pendingChanged: ChangedIdSet | null = null;

  /** `batch`: BATCH_SIZES, or smaller where a test needs batches of a few notes. */
  constructor(
    private readonly store: IndexStorage,
    private readonly batch = BATCH_SIZES,
  ) {}

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
    // At most one key (and one edge) per record, and a record takes REF_INTS or more.
    const records = Math.floor(input.length / REF_INTS);
    const { fromIds, references } = this.batch;
    const deferred = this.store.ids.extent >= fromIds && records <= references && allKeyed(input);
    if (!deferred || changed !== this.pendingChanged || records > references - this.pendingKeyCount) this.settle();
    this.makeRoom(input, slot, records);
    const start = this.copyRecords(input, deferred);
    notes.refStart[slot] = start;
    notes.refLength[slot] = input.length;
    notes.textLength[slot] = input.textLength;
    if (deferred) {
      this.pendingNotes.push(slot, start, start + input.length);
      this.pendingChanged = changed;
    } else this.link(slot, start, start + input.length, changed);
    return true;
  }

  /** Interns and links the batch's references, note by note in the order they were put: as tryPut would have at once. */
  settle(): void {
    const batch = this.pendingNotes;
    if (batch.length === 0) return;
    const { arena, ids } = this.store;
    const ints = arena.ints;
    for (let n = 0; n < batch.length; n += 3) {
      for (let at = batch[n + 1], end = batch[n + 2]; at < end; at += recordLength(ints, at)) ints[at + REF_SLOT] = ids.internKeyIn(this.pendingKeys, ints[at + REF_SLOT]);
    }
    const changed = this.pendingChanged;
    // Emptied before linking: should linking ever reach something that settles, nothing is linked twice.
    const notes = batch.splice(0);
    this.pendingKeyCount = 0;
    this.pendingChanged = null;
    for (let n = 0; n < notes.length; n += 3) this.link(notes[n], notes[n + 1], notes[n + 2], changed);
  }

  /** Settles the batch and lets go of its keys' array (after a bulk build). */
  trim(): void {
    this.settle();
    this.pendingKeys = new Float64Array(0);
  }

  /**
   * Grows the arena and the edge lists, when they are full, to what the whole build will likely
   * need, judged from the notes put so far: a build puts notes in slot order, so `slot` tells how
   * far it is. Growing by half each time would allocate about three times the final arena, and
   * that much fresh memory makes V8 collect the whole heap (external memory pressure).
   */
  private makeRoom(input: ScannedNote, slot: number, records: number): void {
    const { arena, edges, notes } = this.store;
    const done = slot + 1;
    const total = notes.extent;
    if (arena.used + input.length > arena.ints.length) arena.reserve(plannedCapacity(arena.used, arena.ints.length, arena.used + input.length, done, total));
    // The batch's records link their edges when it settles: counted as handed out already.
    const edgesUsed = edges.handedOut + this.pendingKeyCount;
    if (edgesUsed + records > edges.capacity) edges.reserve(plannedCapacity(edgesUsed, edges.capacity, edgesUsed + records, done, total));
  }

  /**
   * Copies the note's records to the end of the arena; returns where they start. Each REF_SLOT
   * becomes its ID's slot, or, `deferred`, the index of its ID's key in `pendingKeys` (see settle).
   */
  private copyRecords(input: ScannedNote, deferred: boolean): number {
    const { arena, ids } = this.store;
    if (deferred && this.pendingKeys.length === 0) this.pendingKeys = new Float64Array(this.batch.references);
    const start = arena.alloc(input.length);
    const ints = arena.ints;
    const keys = input.keys;
    // One plain copy of the whole run, then each record's slot and flags rewritten in place.
    copyInts(input.ints, input.intsFrom, ints, start, input.length);
    for (let at = start, end = start + input.length; at < end; ) {
      const length = (ints[at + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS;
      const reference = ints[at + REF_SLOT];
      const key = keys[reference];
      if (deferred) {
        this.pendingKeys[this.pendingKeyCount] = key;
        ints[at + REF_SLOT] = this.pendingKeyCount++;
      } else ints[at + REF_SLOT] = key >= 0 ? ids.internKeyIn(keys, reference) : ids.intern(input.ids[reference]);
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

/** Whether every ID the note's records name has an integer key (none is kept as a string). */
function allKeyed(input: ScannedNote): boolean {
  const { ints, keys } = input;
  for (let at = input.intsFrom, end = at + input.length; at < end; at += recordLength(ints, at)) if (keys[ints[at + REF_SLOT]] < 0) return false;
  return true;
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

/**
 * Copies `length` Int32 values. A function of its own: written as one loop inside copyRecords, V8
 * optimised that loop on the stack (OSR) for a huge note, compiled the code after it with no type
 * feedback, and threw copyRecords' optimised code away note after note (479 times in 12 builds of
 * the bench's 100k vault).
 */
function copyInts(source: Int32Array, from: number, target: Int32Array, to: number, length: number): void {
  for (let i = 0; i < length; i++) target[to + i] = source[from + i];
}

/** Whether the note's own ID slot holds `id` (both none, or the same ID), without interning it. */
function sameOwnId(ids: IdTable, own: number, id: string | null): boolean {
  if (id === null || own === NONE) return id === null && own === NONE;
  return ids.idLength(own) === id.length && ids.isAt(own, id, 0);
}
