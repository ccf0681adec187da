/**
 * The paragraph around an ID, as the editor reads it to decide brackets and HTML tags: link text,
 * a reference's label and a tag may run over the lines of a paragraph, and end with it (the core
 * scanner pairs brackets and reads tags a paragraph at a time). A paragraph here ends at a blank
 * line or at a line that starts a block (a heading, a fence, a list item, a quote, a thematic
 * break), read inside the quotes both lines share; indented code that starts a block is none; read
 * so, it is whole, and what its text cannot close is text. Past a few lines or characters it is cut,
 * and what the cut text cannot tell is left to the syntax tree.
 */
import type { Text } from '@codemirror/state';
import { indentation } from '../core/ids/containers';

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
// A line that is a block of its own (a heading, a fence, a thematic break or setext underline, of
// `=` or of two `-` or more): the line after it starts another. A lone `-` is left out: it may be
// an empty list item, whose paragraph the line after it starts.
const ONE_LINE_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|```[^`]*$|~~~|(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$|=+[ \t]*$|-{2,}[ \t]*$)/;
// A list item that cannot interrupt a paragraph (CommonMark §5.2): an empty one, or an ordered one
// not starting at 1. A lone `-` is not one: it is a setext underline, which ends the paragraph.
const WEAK_ITEM = /^ {0,3}(?:(?:[*+]|\d{1,9}[.)])[ \t]*$|(?!0*1[.)])\d{1,9}[.)][ \t])/;
// A list item's marker and the spaces after it (after five or more its content is code, no paragraph).
const ITEM_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])( {1,4}|$)/;
const BLANK = /^[ \t]*$/;

// Quotes read inside one another, as many as the core scanner nests (containers.ts).
const MAX_QUOTES = 64;
const ENDS = -1;
const GOES_ON = -2;
// Goes on as a lazy line: in fewer quotes than the paragraph, which stays in its own.
const LAZY = -3;

function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** Where the text after a quote marker (`>` after at most three spaces, then a space) starts, or -1. */
function quoteMarkerEnd(text: string): number {
  let at = 0;
  while (at < 3 && text.charCodeAt(at) === 0x20) at++;
  if (text.charCodeAt(at) !== 0x3e) return -1;
  const next = text.charCodeAt(at + 1);
  return next === 0x20 || next === 0x09 ? at + 2 : at + 1;
}

/** How many quotes the line opens with, counted to MAX_QUOTES (the core nests no deeper). */
function quoteDepth(text: string): number {
  let depth = 0;
  for (let end = quoteMarkerEnd(text); depth < MAX_QUOTES && end >= 0; end = quoteMarkerEnd(text)) {
    text = text.slice(end);
    depth++;
  }
  return depth;
}

/** The text inside the quotes the line opens with (at most MAX_QUOTES of them). */
function insideQuotes(text: string): string {
  for (let n = 0, end = quoteMarkerEnd(text); n < MAX_QUOTES && end >= 0; n++, end = quoteMarkerEnd(text)) text = text.slice(end);
  return text;
}

/**
 * Whether `line`, after `previous`, ends the paragraph (ENDS), goes on with it (GOES_ON), goes on
 * lazily in fewer quotes (LAZY), or is a list item that cannot interrupt a paragraph, which ends it
 * only as the next item of a list the paragraph is in: then the number of quotes both lines share,
 * for `weakItemEnds`. After a lazy line, `previous` is the paragraph's last line in its own quotes.
 */
function boundary(line: string, previous: string): number {
  let quotes = 0;
  let lineMarker = quoteMarkerEnd(line);
  let previousMarker = quoteMarkerEnd(previous);
  for (;;) {
    if (isBlank(line) || isBlank(previous)) return ENDS;
    if (lineMarker < 0 || previousMarker < 0) break;
    // Past the core's nesting limit, quote lines go on with each other.
    if (quotes === MAX_QUOTES) return GOES_ON;
    line = line.slice(lineMarker);
    previous = previous.slice(previousMarker);
    quotes++;
    lineMarker = quoteMarkerEnd(line);
    previousMarker = quoteMarkerEnd(previous);
  }
  if (lineMarker >= 0) return ENDS;
  // A line with fewer quotes goes on lazily with the paragraph inside them, unless it starts a block
  // (then any list item does: the quote it leaves is no paragraph, CommonMark §5.1).
  if (previousMarker >= 0) return ONE_LINE_BLOCK.test(insideQuotes(previous)) || BLOCK_START.test(line) ? ENDS : LAZY;
  if (ONE_LINE_BLOCK.test(previous)) return ENDS;
  if (!BLOCK_START.test(line)) return GOES_ON;
  return WEAK_ITEM.test(line) ? quotes : ENDS;
}

/**
 * Whether `line`, starting a block (no paragraph is open before it, in any quote), is indented code:
 * indented four columns inside its quotes (CommonMark §4.4), unless a list item holds it, which the
 * lines read here cannot tell.
 */
function opensIndentedCode(line: string): boolean {
  return indentation(insideQuotes(line)) >= 4;
}

function indentOf(text: string): number {
  let at = 0;
  while (text.charCodeAt(at) === 0x20) at++;
  return at;
}

/**
 * Whether a list item that cannot interrupt a paragraph (`line`, inside `quotes` quotes) ends the
 * paragraph whose first line is `first`: yes when it is not indented as far as the content of the
 * innermost item `first` opens (it is the next item, CommonMark §5.2), no when it is indented at
 * least as far as `first` (the paragraph's containers all go on), else null: only the lines before
 * the paragraph tell whether an item holds it.
 */
function weakItemEnds(first: string, line: string, quotes: number): boolean | null {
  // Both hold those quotes: a paragraph's lines never hold more than its first.
  for (let n = 0; n < quotes; n++) {
    first = first.slice(quoteMarkerEnd(first));
    line = line.slice(quoteMarkerEnd(line));
  }
  // The paragraph is in a quote the line leaves: the line is no lazy continuation but an item.
  if (quoteMarkerEnd(first) >= 0) return true;
  const indent = indentOf(line);
  let contentIndent = -1;
  for (let match = ITEM_MARKER.exec(first), column = 0; match !== null; match = ITEM_MARKER.exec(first)) {
    const [marker, spaces] = match;
    // An empty item's content starts a column past its marker.
    const width = spaces.length === 0 ? marker.length + 1 : marker.length;
    column += width;
    contentIndent = column;
    first = first.slice(width);
    if (quoteMarkerEnd(first) >= 0) return true;
  }
  if (contentIndent >= 0) return indent < contentIndent;
  return indent >= indentOf(first) ? false : null;
}

/** A line of the document as CodeMirror gives it. */
type DocLine = ReturnType<Text['line']>;

/** weakItemEnds for a paragraph starting on `first`: one with only blank lines above it is in no item. */
function weakItemEndsAfter(doc: Text, first: DocLine, line: string, quotes: number): boolean | null {
  const ends = weakItemEnds(first.text, line, quotes);
  if (ends !== null) return ends;
  let above = first.number - 1;
  while (above >= 1 && first.number - above <= MAX_LINES && isBlank(doc.line(above).text)) above--;
  return above === 0 ? false : null;
}

/**
 * The paragraph holding `line` (as `doc.line` gives it), at most MAX_LINES lines and
 * MAX_PARAGRAPH_CHARS characters each way.
 */
export function paragraphAround(doc: Text, line: DocLine): ParagraphText {
  let whole = true;
  // Back to the nearest line that surely starts a block, then down again to `line`: an item that
  // cannot interrupt a paragraph is judged by the paragraph's first line, known only from above,
  // and a line after a lazy one by the paragraph's last line in its own quotes.
  let start = line;
  let chars = 0;
  while (start.number > 1) {
    const previous = doc.line(start.number - 1);
    // A line in more quotes than a line of text before it goes on with the paragraph that line is
    // lazily in, if it is (`> a`, `b`, `> c` is one paragraph): read on, and let the walk down decide.
    if (boundary(start.text, previous.text) === ENDS && (isBlank(previous.text) || quoteDepth(previous.text) >= quoteDepth(start.text))) break;
    chars += previous.length + 1;
    if (line.number - previous.number > MAX_LINES || chars > MAX_PARAGRAPH_CHARS) {
      whole = false;
      break;
    }
    start = previous;
  }
  let first = start;
  // The paragraph's last line in its own quotes: the lines after a lazy one are read against it.
  let own = start;
  // Whether `own` is a line of indented code: no paragraph is open after it. The first line is code
  // when indented so at the note's start or under a line that ends a block (a heading, a fence, a
  // thematic break); under a blank line it may be a list item's paragraph, which is left as it was.
  const above = start.number > 1 ? doc.line(start.number - 1).text : null;
  let code = whole && (above === null || !isBlank(insideQuotes(above))) && opensIndentedCode(start.text);
  for (let previous = start; previous.number < line.number; ) {
    const next = doc.line(previous.number + 1);
    // After code, any line starts a block (more code, if indented as far).
    const quotes: number = code ? ENDS : boundary(next.text, own.text);
    code = quotes === ENDS && opensIndentedCode(next.text);
    if (quotes === ENDS) first = next;
    else if (quotes >= 0) {
      const ends = weakItemEndsAfter(doc, first, next.text, quotes);
      if (ends === null) whole = false;
      if (ends !== false) first = next;
    }
    if (quotes !== LAZY) own = next;
    previous = next;
  }
  let last = line;
  chars = 0;
  while (last.number < doc.lines) {
    const next = doc.line(last.number + 1);
    const quotes = boundary(next.text, own.text);
    if (quotes === ENDS) break;
    if (quotes >= 0) {
      const ends = weakItemEndsAfter(doc, first, next.text, quotes);
      if (ends === null) whole = false;
      if (ends !== false) break;
    }
    chars += next.length + 1;
    if (next.number - line.number > MAX_LINES || chars > MAX_PARAGRAPH_CHARS) {
      whole = false;
      break;
    }
    last = next;
    if (quotes !== LAZY) own = next;
  }
  return { text: first === last ? line.text : doc.sliceString(first.from, last.to), from: first.from, whole };
}
