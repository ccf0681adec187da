/**
 * The paragraph around an ID, as the editor reads it to decide brackets and HTML tags: link text,
 * a reference's label and a tag may run over the lines of a paragraph, and end with it (the core
 * scanner pairs brackets and reads tags a paragraph at a time). A paragraph here ends at a blank
 * line or at a line that starts a block (a heading, a fence, a list item, a quote, a thematic
 * break); read so, it is whole, and what its text cannot close is text. Past a few lines or
 * characters it is cut, and what the cut text cannot tell is left to the syntax tree.
 */
import type { Text } from '@codemirror/state';

/** The text read around a line, the document offset it starts at, and whether it is the whole paragraph. */
export interface ParagraphText {
  readonly text: string;
  readonly from: number;
  readonly whole: boolean;
}

const MAX_LINES = 32;
export const MAX_PARAGRAPH_CHARS = 4096;

// A fence of backticks holds none after its opening run (else the line is text, CommonMark).
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|```[^`]*$|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
// A line that is a block of its own (a heading, a fence, a thematic break or setext underline):
// the line after it starts another.
const ONE_LINE_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|```[^`]*$|~~~|(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$|=+[ \t]*$)/;
const QUOTE = /^ {0,3}>/;

const BLANK = /^[ \t]*$/;

function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** Whether `line`, after `previous`, starts a block (a quote line after a quote line goes on). */
function startsBlock(line: string, previous: string): boolean {
  if (isBlank(line) || isBlank(previous) || ONE_LINE_BLOCK.test(previous)) return true;
  if (QUOTE.test(line)) return !QUOTE.test(previous);
  return BLOCK_START.test(line);
}

/** A line of the document as CodeMirror gives it. */
type DocLine = ReturnType<Text['line']>;

/**
 * The paragraph holding `line` (as `doc.line` gives it), at most MAX_LINES lines and
 * MAX_PARAGRAPH_CHARS characters each way.
 */
export function paragraphAround(doc: Text, line: DocLine): ParagraphText {
  let whole = true;
  let first = line;
  let chars = 0;
  while (first.number > 1) {
    const previous = doc.line(first.number - 1);
    if (startsBlock(first.text, previous.text)) break;
    chars += previous.length + 1;
    if (line.number - previous.number > MAX_LINES || chars > MAX_PARAGRAPH_CHARS) {
      whole = false;
      break;
    }
    first = previous;
  }
  let last = line;
  chars = 0;
  while (last.number < doc.lines) {
    const next = doc.line(last.number + 1);
    if (startsBlock(next.text, last.text)) break;
    chars += next.length + 1;
    if (next.number - line.number > MAX_LINES || chars > MAX_PARAGRAPH_CHARS) {
      whole = false;
      break;
    }
    last = next;
  }
  return { text: first === last ? line.text : doc.sliceString(first.from, last.to), from: first.from, whole };
}
