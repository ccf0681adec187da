/**
 * The text the editor gives the core's definition parser for each definition: the lines around its
 * label (./definitionLines). A run of definitions one after another, each starting a block of its
 * own, shares one reading of its lines, so reading a note's definitions costs its lines once, not
 * each definition's MAX_DEFINITION_LINES again.
 */
import type { Line, Text } from '@codemirror/state';

// How many lines after a definition's label are read for its destination and title.
export const MAX_DEFINITION_LINES = 64;

// How many lines of the paragraph before a definition's label are read (for the quotes it is in).
export const MAX_LINES_BEFORE = 32;

// How many lines past a label one reading of a run of definitions holds; the next definition past
// it (less MAX_DEFINITION_LINES) starts another.
const RUN_LINES = 512;

/** Whether a line holds only white space (the core's blank line, which ends a paragraph). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The start of the first line after a blank one before line `number`, at most MAX_LINES_BEFORE back. */
function paragraphStartBefore(doc: Text, number: number): number {
  let first = number;
  while (first > 1 && number - first < MAX_LINES_BEFORE && !isBlank(doc.line(first - 1).text)) first--;
  return doc.line(first).from;
}

/** The text one definition is read in, as the core's parser takes it (DefinitionContext). */
export interface DefinitionWindow {
  readonly text: string;
  /** Where `text` starts in the document. */
  readonly from: number;
  /** Where the label's block may start, in `text`: a line starting there starts one. */
  readonly rangeFrom: number;
  /** Where the definition must end, in `text`: a blank line after its label's line, or MAX_DEFINITION_LINES past it. */
  readonly limit: number;
}

/**
 * Windows for definitions asked in document order. Each line is looked at once for where its
 * paragraph ends, however many definitions ask (`walked`); the lines of a run are sliced once.
 */
export class DefinitionWindows {
  // Lines (walkFrom, walked] are not blank; `blankAfter`: line walked + 1 is.
  private walkFrom = 0;
  private walked = 0;
  private blankAfter = false;
  private run: { readonly from: number; readonly to: number; readonly text: string } | null = null;

  constructor(private readonly doc: Text) {}

  /**
   * The window for the label opening on line `opening`, whose last line is number `labelLast`.
   * `startsBlock`: the label's line starts a block whatever stands before it (after a blank line, a
   * block or another definition), so the run's reading serves; else the paragraph before it is read too.
   */
  around(opening: Line, labelLast: number, startsBlock: boolean): DefinitionWindow {
    const to = this.doc.line(this.lastLine(labelLast, MAX_DEFINITION_LINES)).to;
    if (!startsBlock) {
      // From the paragraph's start: a quote opening on the label's line interrupts it only when the
      // paragraph is in no quote as deep (its lazy lines may hold fewer markers).
      const from = opening.number > 1 ? paragraphStartBefore(this.doc, opening.number - 1) : opening.from;
      return { text: this.doc.sliceString(from, to), from, rangeFrom: 0, limit: to - from };
    }
    let run = this.run;
    if (run === null || opening.from < run.from || to > run.to) {
      const runTo = this.doc.line(this.lastLine(labelLast, RUN_LINES)).to;
      run = this.run = { from: opening.from, to: runTo, text: this.doc.sliceString(opening.from, runTo) };
    }
    return { text: run.text, from: run.from, rangeFrom: opening.from - run.from, limit: to - run.from };
  }

  /** The number of the last line before a blank one after line `number`, at most `reach` lines on. */
  private lastLine(number: number, reach: number): number {
    if (number < this.walkFrom || number > this.walked) {
      this.walkFrom = number;
      this.walked = number;
      this.blankAfter = false;
    }
    const cap = Math.min(this.doc.lines, number + reach);
    while (!this.blankAfter && this.walked < cap) {
      if (isBlank(this.doc.line(this.walked + 1).text)) this.blankAfter = true;
      else this.walked++;
    }
    return Math.min(this.walked, cap);
  }
}
