/**
 * A vault's notes shared out while they are scanned: the main thread takes them one by one from the
 * front, scanning threads take runs from the back, and they meet wherever their speeds bring them.
 * A fixed split leaves one thread idle while another works whenever a thread starts later, runs
 * slower or shares its core; this one needs no guess. The counters live in shared memory, so no
 * thread waits on another to learn what is left.
 *
 * Every note is claimed exactly once: each claim first takes its count off one shared total (a
 * claim that finds it spent takes nothing), so the main thread's notes and the runs together are
 * the vault's notes. The main thread's are 0, 1, 2, … in order, and the runs, placed back to back
 * from the end in the order they were claimed, cover the rest.
 */

/** Index of the count of notes claimed so far (may run past the total by what failed claims asked). */
const CLAIMED = 0;
/** Index of the count of notes the runs from the back hold. */
const FROM_BACK = 1;

export class NoteClaims {
  /** Counters for `total` notes, none claimed, in memory any thread it is handed to shares. */
  static create(total: number): NoteClaims {
    return new NoteClaims(new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)), total);
  }

  /** `counters` from create, on any thread (as structured clone hands a SharedArrayBuffer over shared). */
  constructor(
    readonly counters: Int32Array,
    readonly total: number,
  ) {}

  /** Whether the main thread gets its next note: its notes are 0, 1, 2, … up to its first false. */
  claimNext(): boolean {
    return Atomics.add(this.counters, CLAIMED, 1) < this.total;
  }

  /** A run of up to `count` notes from the back, [from, to), or null once every note is claimed. */
  claimRun(count: number): readonly [from: number, to: number] | null {
    const before = Atomics.add(this.counters, CLAIMED, count);
    if (before >= this.total) return null;
    const taken = Math.min(count, this.total - before);
    const end = this.total - Atomics.add(this.counters, FROM_BACK, taken);
    return [end - taken, end];
  }
}
