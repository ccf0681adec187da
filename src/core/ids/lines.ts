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

  constructor(private readonly text: string) {}

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

/**
 * The starts of a text's lines, in order, as a scan that walks them records them (one kept from
 * note to note): a sink finds each reference's line and column from them with a forward cursor,
 * instead of walking the lines again.
 */
export class LineStarts {
  starts = new Int32Array(256);
  count = 0;
  /** The 1-based number of the line that starts at `starts[0]`. */
  firstLine = 1;

  reset(firstLine: number): void {
    this.count = 0;
    this.firstLine = firstLine;
  }

  add(start: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = start;
  }
}

/** The 1-based number of the line that starts at `offset` (itself a line start). */
export function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  const breaks = new LineBreaks(text);
  for (let from = 0; from < offset; line++) {
    const to = breaks.lineEnd(from);
    // `offset` within this line: not a line start (callers give one), so it counts as this line.
    if (to >= offset) break;
    from = to + lineBreakLength(text, to);
  }
  return line;
}
