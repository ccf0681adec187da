/**
 * Forward searches over one text that remember their last answer. The scanner asks "where is the
 * next X after here" from positions that only move forward; remembering the answer keeps a
 * megabyte of unclosed brackets or backticks linear instead of quadratic. Each kind of search has
 * a small integer slot, so remembering costs two array writes, not an object.
 */

/** The searches the scanner makes, each remembered on its own. */
export const SEARCH = {
  lineBreak: 0,
  mathCloser: 1,
  wikilinkClose: 2,
  commentClose: 3,
  percentClose: 4,
  displayMath: 5,
  parenClose: 6,
  wikilinkHash: 7,
  wikilinkPipe: 8,
  bracketOpen: 9,
  bracketClose: 10,
  backslash: 11,
  carriageReturn: 12,
  wikilinkOpen: 13,
  backtick: 14,
  lessThan: 15,
} as const;
const BACKTICK_SLOTS = 16;
/** Backtick runs up to this length have a slot each; longer ones share one memo (rare). */
const MAX_SLOTTED_RUN = 16;
/** -1 read as an unsigned 32-bit number. */
const NOT_FOUND_UNSIGNED = 0xffffffff;

/** A slot per search, none made yet: copied per note (a copy of a packed array is one block copy). */
const NOTHING_SEARCHED: readonly number[] = Array.from({ length: BACKTICK_SLOTS + MAX_SLOTTED_RUN + 1 }, () => -1);

export class ForwardSearcher {
  // Plain arrays: a typed array this size would need an allocation outside the heap per note, and
  // `new Array(n).fill()` makes a holey array slower to fill and to read than a copy of a packed one.
  private readonly from: number[] = NOTHING_SEARCHED.slice();
  private readonly found: number[] = NOTHING_SEARCHED.slice();
  private longRun = -1;

  constructor(private text: string) {}

  /**
   * Forgets every answer and searches `text` from now on: one searcher serves note after note.
   * `hasCarriageReturn` false says the text holds no `\r`, which is then known without a search.
   */
  reset(text: string, hasCarriageReturn: boolean): void {
    this.text = text;
    // A slot whose `from` is -1 holds no answer (recall), so `found` needs no reset.
    const from = this.from;
    for (let slot = 0; slot < from.length; slot++) from[slot] = -1;
    from[SEARCH.carriageReturn] = hasCarriageReturn ? -1 : 0;
    this.found[SEARCH.carriageReturn] = -1;
    this.longRun = -1;
  }

  /** Lets go of the text until the next reset. */
  release(): void {
    this.text = '';
  }

  /** The remembered answer for the slot when it holds for `from`, else undefined. */
  private recall(slot: number, from: number): number | undefined {
    const lastFrom = this.from[slot];
    const found = this.found[slot];
    // Nothing matched in [lastFrom, found): the answer from any position in between is the same.
    return lastFrom !== -1 && from >= lastFrom && (found === -1 || from <= found) ? found : undefined;
  }

  private remember(slot: number, from: number, found: number): number {
    this.from[slot] = from;
    this.found[slot] = found;
    return found;
  }

  /** Like String.indexOf, for the needle searched in `slot`. */
  indexOf(slot: number, needle: string, from: number): number {
    return this.recall(slot, from) ?? this.remember(slot, from, this.text.indexOf(needle, from));
  }

  /** Start of the first line break at or after `from` (`\n`, or `\r` alone or before `\n`), or -1. */
  lineBreak(from: number): number {
    const newline = this.indexOf(SEARCH.lineBreak, '\n', from);
    const carriageReturn = this.indexOf(SEARCH.carriageReturn, '\r', from);
    // Unsigned, -1 is the largest, so the nearer of the two comes without a branch: the first note
    // with a `\r` then takes no path that V8's optimised code has not seen, and keeps that code.
    const nearer = Math.min(newline >>> 0, carriageReturn >>> 0);
    return nearer === NOT_FOUND_UNSIGNED ? -1 : nearer;
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  backtickRun(length: number, from: number): number {
    const slot = length <= MAX_SLOTTED_RUN ? BACKTICK_SLOTS + length - 1 : BACKTICK_SLOTS + MAX_SLOTTED_RUN;
    // Runs longer than the slots share one memo, which holds only for the length it was made for.
    // The memo saves repeats only: without it, the work counted as tests/core/ids/scanWork.test.ts
    // counts it grew linearly for every input tried, as a run's answer is the next run of its
    // length, so no later search for that length passes the same backticks again.
    if (slot !== BACKTICK_SLOTS + MAX_SLOTTED_RUN || this.longRun === length) {
      const known = this.recall(slot, from);
      if (known !== undefined) return known;
    }
    if (slot === BACKTICK_SLOTS + MAX_SLOTTED_RUN) this.longRun = length;
    let search = from;
    for (;;) {
      const start = this.text.indexOf('`', search);
      if (start === -1) return this.remember(slot, from, -1);
      let end = start;
      while (this.text.charCodeAt(end) === 96) end++;
      if (end - start === length) return this.remember(slot, from, start);
      search = end;
    }
  }

  /** The first `$` at or after `from` that can close inline math: not after space or `\`, not before a digit. */
  mathCloser(from: number): number {
    const known = this.recall(SEARCH.mathCloser, from);
    if (known !== undefined) return known;
    for (let at = this.text.indexOf('$', from); at !== -1; at = this.text.indexOf('$', at + 1)) {
      const before = this.text[at - 1];
      if (before === '\\' || before === undefined || /\s/.test(before)) continue;
      if (/\d/.test(this.text[at + 1] ?? '')) continue;
      return this.remember(SEARCH.mathCloser, from, at);
    }
    return this.remember(SEARCH.mathCloser, from, -1);
  }
}
