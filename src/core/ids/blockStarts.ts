/**
 * Where a note's lines start a block: a paragraph, a heading, a thematic break, a list item, a
 * quote or a comment block. A paragraph's inline content ends where the next block starts
 * (CommonMark §4.8: at a blank line, or a line that opens another block), so no code span, link or
 * inline HTML reaches past one. Blank lines need no entry: no paragraph is open after one, so the
 * next line that holds anything starts a block. The block pass records them as it walks the lines;
 * the scanner asks where the paragraph holding an offset ends. One is kept from note to note.
 */
export class BlockStarts {
  private starts = new Int32Array(256);
  private count = 0;

  reset(): void {
    this.count = 0;
  }

  /** Records a line start; starts come in text order (one recorded twice changes no answer). */
  add(lineFrom: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = lineFrom;
  }

  /** The first recorded start after `at`, or -1 when none is. */
  firstAfter(at: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] <= at) low = middle + 1;
      else high = middle;
    }
    return low < this.count ? this.starts[low] : -1;
  }
}
