/**
 * Forward searches over one text that remember their last answer. The scanner asks "where is the
 * next X after here" from positions that only move forward; remembering the answer keeps a
 * megabyte of unclosed brackets or backticks linear instead of quadratic.
 */
export class ForwardSearcher {
  private readonly memo = new Map<string, { from: number; found: number }>();

  constructor(private readonly text: string) {}

  private remembered(key: string, from: number, search: () => number): number {
    const last = this.memo.get(key);
    // Nothing matched in [last.from, last.found): the answer from any position in between is the same.
    if (last !== undefined && from >= last.from && (last.found === -1 || from <= last.found)) return last.found;
    const found = search();
    this.memo.set(key, { from, found });
    return found;
  }

  /** Like String.indexOf. */
  indexOf(needle: string, from: number): number {
    return this.remembered(needle, from, () => this.text.indexOf(needle, from));
  }

  /** Start of the first match of a global regex at or after `from`, or -1. */
  regexStart(key: string, regex: RegExp, from: number): number {
    return this.remembered(key, from, () => {
      regex.lastIndex = from;
      const match = regex.exec(this.text);
      return match === null ? -1 : match.index;
    });
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  backtickRun(length: number, from: number): number {
    return this.remembered('`' + length, from, () => {
      let search = from;
      for (;;) {
        const start = this.text.indexOf('`', search);
        if (start === -1) return -1;
        let end = start;
        while (this.text.charCodeAt(end) === 96) end++;
        if (end - start === length) return start;
        search = end;
      }
    });
  }

  /** The first `$` at or after `from` that can close inline math: not after space or `\`, not before a digit. */
  mathCloser(from: number): number {
    return this.remembered('$close', from, () => {
      for (let at = this.text.indexOf('$', from); at !== -1; at = this.text.indexOf('$', at + 1)) {
        const before = this.text[at - 1];
        if (before === '\\' || before === undefined || /\s/.test(before)) continue;
        if (/\d/.test(this.text[at + 1] ?? '')) continue;
        return at;
      }
      return -1;
    });
  }
}
