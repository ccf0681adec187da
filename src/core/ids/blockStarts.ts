import { LineStarts } from './lines';

/**
 * Where a note's lines start a block: a paragraph, a heading, a thematic break, a list item, a
 * quote or a comment block. A paragraph's inline content ends where the next block starts
 * (CommonMark §4.8: at a blank line, or a line that opens another block), so no code span, link or
 * inline HTML reaches past one. Blank lines need no entry: no paragraph is open after one, so the
 * next line that holds anything starts a block. The block pass records them as it walks the lines;
 * the scanner asks where the paragraph holding an offset ends. One is kept from note to note.
 */
export class BlockStarts {
  // The same growing list the line starts use; only its order matters here.
  private readonly starts = new LineStarts();

  reset(): void {
    this.starts.reset(1);
  }

  /** Records a line start; starts come in text order (one recorded twice changes no answer). */
  add(lineFrom: number): void {
    this.starts.add(lineFrom);
  }

  /** The last recorded start before `at`, or -1 when none is. */
  lastBefore(at: number): number {
    const index = this.firstIndexFrom(at, false);
    return index > 0 ? this.starts.starts[index - 1] : -1;
  }

  /** The first recorded start after `at`, or -1 when none is. */
  firstAfter(at: number): number {
    const index = this.firstIndexFrom(at, true);
    return index < this.starts.count ? this.starts.starts[index] : -1;
  }

  /** Index of the first start past `at` (with `pastAt` false, at `at` or past it), by binary search. */
  private firstIndexFrom(at: number, pastAt: boolean): number {
    const { starts, count } = this.starts;
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle] < at || (pastAt && starts[middle] === at)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
