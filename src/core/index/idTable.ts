/**
 * Every ID the index knows, each interned once as a small integer (its slot), with what the index
 * keeps per ID in typed arrays: the owning note, the head of its list of referencing notes, and
 * whether it could be a real timestamp. IDs of the preset formats are found by their integer key in
 * an open-addressing table; any other string (custom patterns, odd IDs from elsewhere) in a Map.
 */
import type { IdFormat } from '../ids/formats';
import { idKeysFor, type IdKeys } from './idKeys';

/** No note (owner), no edge, no slot. */
export const NONE = -1;
/** Owned by two notes or more: the owners are in `several`. */
export const SEVERAL = -2;

const EMPTY = 0;

/** A well-mixed 32-bit hash of an integer key (up to 2^53). */
export function hashKey(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 4294967296);
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0xc2b2ae35) ^ (hash >>> 13);
}

export class IdTable {
  /** Owning note slot, NONE, or SEVERAL. */
  owner = new Int32Array(0);
  /** First edge of the ID's list of referencing notes (see EdgeList), or NONE. */
  edgeHead = new Int32Array(0);
  /** Owners of IDs owned by several notes, in path order (kept so by the index). */
  readonly several = new Map<number, number[]>();
  private readonly format: IdFormat;
  private readonly keys: IdKeys | null;
  private keyOfSlot = new Float64Array(0);
  private plausible = new Uint8Array(0);
  private strings: (string | undefined)[] = [];
  private readonly byString = new Map<string, number>();
  /** Open addressing over integer keys: slot + 1, or EMPTY. */
  private buckets = new Int32Array(16);
  /** Where internKey and slotOfKey put their key for internKeyIn and slotOfKeyIn. */
  private readonly keyScratch = new Float64Array(1);
  private keyed = 0;
  private slotsUsed = 0;
  private readonly freeSlots: number[] = [];

  constructor(format: IdFormat) {
    this.format = format;
    this.keys = idKeysFor(format);
  }

  get size(): number {
    return this.slotsUsed - this.freeSlots.length;
  }

  /** Slots handed out so far, free ones included (an upper bound for arrays by slot). */
  get extent(): number {
    return this.slotsUsed;
  }

  /** The slot of the ID, or NONE. */
  slotOf(id: string): number {
    const key = this.keys === null ? -1 : this.keys.keyOf(id);
    return key >= 0 ? this.slotOfKey(key) : (this.byString.get(id) ?? NONE);
  }

  /** The slot of an integer key (see IdKeys), or NONE. */
  slotOfKey(key: number): number {
    this.keyScratch[0] = key;
    return this.slotOfKeyIn(this.keyScratch, 0);
  }

  /** slotOfKey of `keys[at]`, read here rather than boxed for the call (see internKeyIn). */
  slotOfKeyIn(keys: Float64Array, at: number): number {
    const key = keys[at];
    const mask = this.buckets.length - 1;
    for (let bucket = hashKey(key) & mask; ; bucket = (bucket + 1) & mask) {
      const entry = this.buckets[bucket];
      if (entry === EMPTY) return NONE;
      if (this.keyOfSlot[entry - 1] === key) return entry - 1;
    }
  }

  /** The ID's slot, made when new. */
  intern(id: string): number {
    const key = this.keys === null ? -1 : this.keys.keyOf(id);
    if (key >= 0) return this.internKey(key);
    let slot = this.byString.get(id);
    if (slot === undefined) {
      slot = this.newSlot();
      this.keyOfSlot[slot] = NaN;
      this.plausible[slot] = this.format.isPlausible(id) ? 1 : 0;
      // A flat copy: an ID sliced from a note's text would keep the whole text alive.
      this.strings[slot] = flatCopy(id);
      this.byString.set(this.strings[slot] as string, slot);
    }
    return slot;
  }

  /**
   * internKey of `keys[at]`. A key is a double past the small-integer range, so passing it to a
   * call V8 does not inline boxes it: read here, a build's 600k keys make no garbage.
   */
  internKeyIn(keys: Float64Array, at: number): number {
    if (this.keys === null) throw new Error(`An integer ID key (${keys[at]}) was given to an index of a custom ID format.`);
    const key = keys[at];
    const mask = this.buckets.length - 1;
    let bucket = hashKey(key) & mask;
    for (; ; bucket = (bucket + 1) & mask) {
      const entry = this.buckets[bucket];
      if (entry === EMPTY) break;
      if (this.keyOfSlot[entry - 1] === key) return entry - 1;
    }
    return this.addKey(bucket, keys, at);
  }

  /** The slot of an integer key (see IdKeys), made when new. */
  internKey(key: number): number {
    this.keyScratch[0] = key;
    return this.internKeyIn(this.keyScratch, 0);
  }

  /** A new slot for `keys[at]`, entered in `bucket` (the empty one its probe ended on). */
  private addKey(bucket: number, keys: Float64Array, at: number): number {
    const slot = this.newSlot();
    this.keyOfSlot[slot] = keys[at];
    this.plausible[slot] = (this.keys as IdKeys).isPlausibleIn(keys, at) ? 1 : 0;
    this.buckets[bucket] = slot + 1;
    if (++this.keyed * 2 > this.buckets.length) this.rehash(this.buckets.length * 2);
    return slot;
  }

  idOf(slot: number): string {
    const key = this.keyOfSlot[slot];
    return Number.isNaN(key) ? (this.strings[slot] as string) : (this.keys as IdKeys).idOf(key);
  }

  /** The slot's integer key (IdKeys), or -1 when its ID is kept as a string. */
  keyOf(slot: number): number {
    const key = this.keyOfSlot[slot];
    return Number.isNaN(key) ? -1 : key;
  }

  /** Length of the slot's ID, without making its string. */
  idLength(slot: number): number {
    return Number.isNaN(this.keyOfSlot[slot]) ? (this.strings[slot] as string).length : (this.keys as IdKeys).length;
  }

  /** Whether `text` holds the slot's ID at `from`. */
  isAt(slot: number, text: string, from: number): boolean {
    const key = this.keyOfSlot[slot];
    return Number.isNaN(key) ? text.startsWith(this.strings[slot] as string, from) : (this.keys as IdKeys).isAt(key, text, from);
  }

  isPlausible(slot: number): boolean {
    return this.plausible[slot] === 1;
  }

  /** Whether references to the ID count: it names a note, or could be a real timestamp. */
  counts(slot: number): boolean {
    return this.owner[slot] !== NONE || this.plausible[slot] === 1;
  }

  /** Whether the slot holds an ID (not freed). */
  isLive(slot: number): boolean {
    return slot >= 0 && slot < this.slotsUsed && (!Number.isNaN(this.keyOfSlot[slot]) || this.strings[slot] !== undefined);
  }

  /** Frees the slot when no note owns or references the ID; returns whether it did. */
  releaseIfUnused(slot: number): boolean {
    if (this.owner[slot] !== NONE || this.edgeHead[slot] !== NONE || !this.isLive(slot)) return false;
    const key = this.keyOfSlot[slot];
    if (!Number.isNaN(key)) this.removeKey(key);
    else {
      this.byString.delete(this.strings[slot] as string);
      this.strings[slot] = undefined;
    }
    this.keyOfSlot[slot] = NaN;
    this.freeSlots.push(slot);
    return true;
  }

  /** Every live slot, in slot order. */
  *liveSlots(): Generator<number> {
    for (let slot = 0; slot < this.slotsUsed; slot++) if (this.isLive(slot)) yield slot;
  }

  /** Shrinks the arrays to what they hold (after a bulk build), unless little would be gained. */
  trim(): void {
    if (worthTrimming(this.slotsUsed, this.owner.length)) this.resize(this.slotsUsed);
  }

  /** Makes room for `more` IDs at once (a bulk build), so the arrays and the table grow once. */
  reserve(more: number): void {
    const needed = this.slotsUsed + more;
    if (needed > this.owner.length) this.resize(needed);
    let capacity = this.buckets.length;
    while ((this.keyed + more) * 2 > capacity) capacity *= 2;
    if (capacity !== this.buckets.length) this.rehash(capacity);
  }

  /** A slot with no owner and no references; the caller sets its key and plausibility. */
  private newSlot(): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotsUsed++;
      if (slot >= this.owner.length) this.resize(Math.max(64, Math.ceil(this.owner.length * 1.5)));
    }
    this.owner[slot] = NONE;
    this.edgeHead[slot] = NONE;
    return slot;
  }

  private resize(capacity: number): void {
    this.owner = resized(this.owner, capacity, Int32Array);
    this.edgeHead = resized(this.edgeHead, capacity, Int32Array);
    this.keyOfSlot = resized(this.keyOfSlot, capacity, Float64Array);
    this.plausible = resized(this.plausible, capacity, Uint8Array);
  }

  private rehash(capacity: number): void {
    const old = this.buckets;
    this.buckets = new Int32Array(capacity);
    const mask = capacity - 1;
    for (const entry of old) {
      if (entry === EMPTY) continue;
      let at = hashKey(this.keyOfSlot[entry - 1]) & mask;
      while (this.buckets[at] !== EMPTY) at = (at + 1) & mask;
      this.buckets[at] = entry;
    }
  }

  /** Linear-probing deletion that shifts later entries back, so no tombstones are needed. */
  private removeKey(key: number): void {
    const mask = this.buckets.length - 1;
    let at = hashKey(key) & mask;
    while (this.keyOfSlot[this.buckets[at] - 1] !== key) at = (at + 1) & mask;
    let hole = at;
    for (let next = (hole + 1) & mask; this.buckets[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hashKey(this.keyOfSlot[this.buckets[next] - 1]) & mask;
      // The entry may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (!stays) {
        this.buckets[hole] = this.buckets[next];
        hole = next;
      }
    }
    this.buckets[hole] = EMPTY;
    this.keyed--;
  }
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A copy of the array with `length` elements (the rest zero). */
export function resized<T extends TypedArray>(array: T, length: number, make: new (length: number) => T): T {
  const next = new make(length);
  next.set(length >= array.length ? array : array.subarray(0, length));
  return next;
}

/**
 * Whether a trim would give back enough to pay for copying: more than 1/16 of the array unused.
 * Every array the index trims is a fresh ArrayBuffer, and a build that allocates some 64 MB of
 * them makes V8 run a full garbage collection (external memory pressure).
 */
export function worthTrimming(used: number, capacity: number): boolean {
  return capacity - used > capacity >> 4;
}

/**
 * A flat copy of the string. V8 keeps `text.slice(…)` of 13+ characters as a view into the whole
 * text; joining two parts always builds a fresh flat string.
 */
export function flatCopy(value: string): string {
  return value.length < 13 ? value : [value.slice(0, 1), value.slice(1)].join('');
}
