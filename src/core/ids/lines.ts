/**
 * Lines end at `\n`, `\r\n` or a lone `\r` (old Mac files), everywhere (PRODUCT.md): block
 * structure, frontmatter, titles and line numbers all read lines through here.
 */

/**
 * Finds line breaks from positions that mostly move forward. Each of `\n` and `\r` is searched once
 * and remembered until passed, so walking a whole text costs one pass, whichever breaks it uses.
 */
export class LineBreaks {
  private lf = -1;
  private lfFrom = Infinity;
  private cr = -1;
  private crFrom = Infinity;

  constructor(private text: string) {}

  /** Starts over on another text (one finder reused from note to note makes no garbage). */
  reset(text: string): void {
    this.text = text;
    this.lf = -1;
    this.lfFrom = Infinity;
    this.cr = -1;
    this.crFrom = Infinity;
  }

  /** Start of the first line break at or after `from`, or -1 when the text has none. */
  next(from: number): number {
    if (from < this.lfFrom || (this.lf !== -1 && this.lf < from)) {
      this.lf = this.text.indexOf('\n', from);
      this.lfFrom = from;
    }
    if (from < this.crFrom || (this.cr !== -1 && this.cr < from)) {
      this.cr = this.text.indexOf('\r', from);
      this.crFrom = from;
    }
    if (this.cr === -1) return this.lf;
    return this.lf === -1 || this.cr < this.lf ? this.cr : this.lf;
  }

  /** End of the line holding `from` (before its break), or the text's length. */
  lineEnd(from: number): number {
    const found = this.next(from);
    return found === -1 ? this.text.length : found;
  }
}

/** Length of the line break starting at `at`: 2 for `\r\n`, 1 for a lone `\n` or `\r`, 0 for none. */
export function lineBreakLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
  return code === 10 ? 1 : 0;
}

/**
 * Calls `visit(from, to, next)` for each line from `start`: [from, to) is the line without its
 * break, `next` where the following line starts. Stops early when `visit` returns false.
 */
export function forEachLine(text: string, start: number, visit: (from: number, to: number, next: number) => boolean | void): void {
  const breaks = new LineBreaks(text);
  let from = start;
  while (from < text.length) {
    const to = breaks.lineEnd(from);
    const next = to + lineBreakLength(text, to);
    if (visit(from, to, next) === false) return;
    from = next;
  }
}
