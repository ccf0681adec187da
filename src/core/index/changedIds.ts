/**
 * The IDs that updates changed, gathered over many updates without a string per ID. A build's
 * content pass reports the IDs of some hundred thousand notes; as strings in a Set each one costs a
 * fresh string and its hash, twice (once per update, once more when the updates' sets are joined),
 * which took more than a quarter of a 100k-note build in memory. Here an ID of a preset format is kept
 * as its integer key (IdKeys) in an open-addressing table, any other ID as its string, and each
 * distinct ID becomes a string once, when the set is drained for the listeners. A set may have a
 * limit: past it the set keeps nothing more and drains as 'all' (every listener redraws what it
 * shows), which a build's first pass reaches with nearly every report.
 */
import type { IdFormat } from '../ids/formats';
import type { IndexChange } from '../types';
import { idKeysFor, type IdKeys } from './idKeys';
import { hashKey, type IdTable } from './idTable';

const EMPTY = -1;
const FIRST_CAPACITY = 16;
const NO_ENTRIES = new Float64Array(0);

export class ChangedIdSet {
  private readonly keys: IdKeys | null;
  /**
   * Open addressing over integer keys (every key is ≥ 0), EMPTY where free; at most half full.
   * Empty until the first key: most single updates' sets are made, drained and dropped.
   */
  private table = NO_ENTRIES;
  /** Entries in the order they were added: a key (≥ 0), or −(n + 1) for the n-th of `strings`. */
  private order = NO_ENTRIES;
  private count = 0;
  private readonly strings: string[] = [];
  private readonly stringSet = new Set<string>();

  /**
   * `limit`: how many distinct IDs the set keeps before it overflows (see drain). `settle`: what
   * adds the changes still held back (an index's bulk batch, see BulkPut), run before the set tells
   * what it holds.
   */
  constructor(
    format: IdFormat,
    private readonly limit = Infinity,
    private readonly settle: () => void = () => undefined,
  ) {
    this.keys = idKeysFor(format);
  }

  get size(): number {
    this.settle();
    return this.count;
  }

  /** Whether more than `limit` distinct IDs were added since the last drain (it keeps no more). */
  get overflowed(): boolean {
    this.settle();
    return this.count > this.limit;
  }

  add(id: string): void {
    if (this.count > this.limit) return;
    const key = this.keys === null ? -1 : this.keys.keyOf(id);
    if (key >= 0) this.addKey(key);
    else if (!this.stringSet.has(id)) {
      this.stringSet.add(id);
      this.push(-this.strings.push(id));
    }
  }

  /** Adds the ID the table keeps at `slot`, by its key when it has one (no string made). */
  addSlot(ids: IdTable, slot: number): void {
    if (this.count > this.limit) return;
    const key = ids.keyOf(slot);
    if (key >= 0) this.addKey(key);
    else this.add(ids.idOf(slot));
  }

  /** Adds the ID of an integer key of this set's format (see IdKeys). */
  addKey(key: number): void {
    if (this.count > this.limit) return;
    if (this.table.length === 0) this.table = new Float64Array(FIRST_CAPACITY).fill(EMPTY);
    const table = this.table;
    const mask = table.length - 1;
    let at = hashKey(key) & mask;
    for (let entry = table[at]; entry !== EMPTY; entry = table[at]) {
      if (entry === key) return;
      at = (at + 1) & mask;
    }
    table[at] = key;
    this.push(key);
    if (this.count * 2 > table.length) this.rehash(table.length * 2);
  }

  /** The change to report: 'all' when the set overflowed, else its IDs (drainIds); the set is left empty. */
  drain(): IndexChange {
    if (!this.overflowed) return this.drainIds();
    this.clear();
    return 'all';
  }

  /** The IDs kept, as strings, in the order they were first added; the set is left empty. */
  drainIds(): Set<string> {
    this.settle();
    const ids = new Set<string>();
    const keys = this.keys;
    for (let i = 0; i < this.count; i++) {
      const entry = this.order[i];
      ids.add(entry >= 0 ? (keys as IdKeys).idOf(entry) : this.strings[-entry - 1]);
    }
    this.clear();
    return ids;
  }

  clear(): void {
    // Settled first: the changes held back would otherwise land in the emptied set.
    this.settle();
    this.count = 0;
    this.strings.length = 0;
    this.stringSet.clear();
    // A drained table starts empty again rather than being wiped entry by entry.
    this.table = NO_ENTRIES;
  }

  private push(entry: number): void {
    if (this.count === this.order.length) {
      const grown = new Float64Array(Math.max(FIRST_CAPACITY, this.order.length * 2));
      grown.set(this.order);
      this.order = grown;
    }
    this.order[this.count++] = entry;
  }

  private rehash(capacity: number): void {
    const table = new Float64Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let i = 0; i < this.count; i++) {
      const key = this.order[i];
      if (key < 0) continue;
      let at = hashKey(key) & mask;
      while (table[at] !== EMPTY) at = (at + 1) & mask;
      table[at] = key;
    }
    this.table = table;
  }
}
