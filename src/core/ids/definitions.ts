/**
 * Link reference definitions (`[label]: destination "title"`), as CommonMark defines them. Only a
 * true definition is one: its destination is a reference of the markdown form, and nothing else on
 * its lines is prose. Any other line starting with `[label]:` is an ordinary paragraph (footnote
 * lines `[^1]: …` included), scanned as prose and links.
 *
 * What counts, in CommonMark's terms (each pinned by the scanner's tables):
 * - the label stands at the start of a block: first on its line after up to three spaces of
 *   indentation, block quote markers or a list item marker, and the line does not continue a
 *   paragraph (the line before is blank, a heading, a thematic break or setext underline, another
 *   definition, or outside this prose range; a list item that may interrupt a paragraph, a bullet
 *   or an item numbered 1, always starts a block, one of another number only where no paragraph
 *   reaches its line, CommonMark §5.2);
 * - the label holds a non-space character and no unescaped bracket, is at most 999 characters long,
 *   and does not start with `^` (a footnote); it may go on over lines of its paragraph, but not
 *   over a blank one;
 * - the destination follows the colon on the same line or the next one: `<…>` without line breaks,
 *   or a run without spaces or control characters whose parentheses balance;
 * - an optional title (`"…"`, `'…'` or `(…)`, going on over lines of the paragraph but never over a
 *   blank one) follows after a space on the same line, or starts the next line; after the title,
 *   or after the destination, only spaces and tabs to the end of the line. A title on the next line
 *   that does not fit is no part of the definition; a same-line title that does not fit means
 *   there is no definition at all.
 */
import type { BlockStarts } from './blockStarts';
import { lineBreakLength } from './lines';
import { isAsciiPunctuation } from './punctuation';

/** What the definition parser needs to know of the text around it. */
export interface DefinitionContext {
  readonly text: string;
  /** Start of the prose range the label stands in: a line starting there starts a block. */
  readonly rangeFrom: number;
  /** End of that prose range: a definition never runs past it. */
  readonly limit: number;
  /** End of the line holding `at`, before its break, capped at `limit`. */
  lineEnd(at: number): number;
  /** End of the last definition found in this range (its line end), or -1. */
  readonly lastDefinitionEnd: number;
  /**
   * Where the block pass found lines that start a block (a quote after a paragraph, say), when the
   * caller has it; without it, the line before tells.
   */
  readonly blocks?: Pick<BlockStarts, 'firstAfter'>;
}

/** A definition: where its destination stands and where it ends (its last line's end). */
export interface Definition {
  readonly destinationFrom: number;
  readonly destinationTo: number;
  /** End of the destination, or of the title when there is one. */
  readonly linkEnd: number;
  /** Where prose resumes: the end of the definition's last line. */
  readonly end: number;
}

const MAX_PREFIX = 40;
const MAX_LABEL = 999;
// Quote markers, then list markers and quote markers in any order (`> - `, `1. > `, `- 2) `); the
// first list marker, if any, is captured: whether it may interrupt a paragraph says whether the
// line surely opens a block.
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]*)*(?:((?:[-*+]|\d{1,9}[.)])[ \t]+)(?:(?:>|(?:[-*+]|\d{1,9}[.)])[ \t])[ \t]*)*)?$/;
const ATX_HEADING = /^[ \t]*(?:>[ \t]*)*#{1,6}(?:[ \t]|$)/;
// A thematic break or a setext heading's underline: the block before it has ended.
const BREAK_OR_UNDERLINE = /^[ \t]*(?:>[ \t]*)*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const SPACES = /[ \t]*/y;
const QUOTE_CONTINUATION = /[ \t]*(?:>[ \t]*)*/y;

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Start of the line holding `at`: just after the line break before it, or 0. */
function lineStartOf(text: string, at: number): number {
  let start = at;
  while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Start of the line break that ends the line before the one starting at `lineStart`. */
function previousBreak(text: string, lineStart: number): number {
  return text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
}

/** Position after a match of the sticky regex at `at`, or -1. */
function stickyEnd(regex: RegExp, text: string, at: number): number {
  regex.lastIndex = at;
  return regex.test(text) ? regex.lastIndex : -1;
}

/**
 * Whether the line starting at `lineStart`, whose content starts with the label, begins a block;
 * `marker` is the list item marker before the label on it, if any.
 */
function startsBlock(context: DefinitionContext, lineStart: number, marker: string | undefined): boolean {
  const { text, rangeFrom, blocks } = context;
  if (lineStart <= rangeFrom) return true;
  const previousEnd = previousBreak(text, lineStart);
  // A definition is paragraph text until its paragraph closes (commonmark.js reads it out then), so
  // one may follow another's last line; after an item that may not interrupt a paragraph (one
  // numbered 2) the lines before must say.
  const afterDefinition = marker === undefined && previousEnd === context.lastDefinitionEnd;
  if (blocks !== undefined) {
    // The block pass recorded every line that starts a block: a marker or a thematic break it read
    // as a paragraph's text (indented four columns past it) starts none.
    return blocks.firstAfter(lineStart - 1) === lineStart || afterDefinition;
  }
  // Without it, only an item that may interrupt a paragraph surely opens a block; one numbered 2
  // opens one only where no paragraph reaches it (CommonMark §5.2), as the lines before say.
  if (afterDefinition || (marker !== undefined && mayInterrupt(marker))) return true;
  const previousStart = lineStartOf(text, previousEnd);
  if (isParagraphBoundary(text.slice(previousStart, previousEnd))) return true;
  return opensAfterParagraph(text, previousStart, lineStart);
}

/** Whether a list item marker (and the spaces after it) may interrupt a paragraph: a bullet, or a number that is 1. */
function mayInterrupt(marker: string): boolean {
  return ITEM_INTERRUPTING_MARKER.test(marker);
}

/**
 * Whether a label whose line starts with `prefix` (its indentation and container markers) may open
 * a definition right after the line `previous`, without the block pass: false means linkDefinition
 * finds none there, whatever stands before `previous`, when the label's line neither starts the
 * range nor follows a definition's last line (no list item or quote opens on the label's line, and
 * `previous` ends no paragraph). A caller that would read the paragraph only to be told no skips it.
 */
export function mayOpenAfterLine(prefix: string, previous: string): boolean {
  const container = CONTAINER_PREFIX.exec(prefix);
  if (container === null) return false;
  return container[1] !== undefined || prefix.includes('>') || isParagraphBoundary(previous) || LEAVES_NO_PARAGRAPH.test(previous);
}

/**
 * Whether a label whose line starts with `prefix` opens a block right after a definition's last line
 * for that alone. A definition is paragraph text until its paragraph closes (commonmark.js reads it
 * out then), so after an item that may not interrupt a paragraph (one numbered 2) the lines before
 * must say, as linkDefinition reads them.
 */
export function opensAfterDefinition(prefix: string): boolean {
  const container = CONTAINER_PREFIX.exec(prefix);
  return container?.[1] === undefined || mayInterrupt(container[1]);
}

// A line that may leave no paragraph open after it: an empty list item, a setext underline of `-`,
// or indented code.
const LEAVES_NO_PARAGRAPH = /^ {0,3}(?:>[ \t]?)*(?:[ \t]*(?:[-+*]|\d{1,9}[.)]|-+)[ \t]*$| {4})/;

/** Whether a line ends any paragraph before it: a blank one (but for quote markers), a heading, a thematic break or an underline. */
function isParagraphBoundary(line: string): boolean {
  return /^[ \t>]*$/.test(line) || ATX_HEADING.test(line) || BREAK_OR_UNDERLINE.test(line);
}

/**
 * Whether the line at `lineStart` opens a block after the line at `lastStart`, which holds text of
 * a paragraph, read without the block pass. Read back to a line that surely opens a block (after a
 * line that ends any paragraph, or an item that may interrupt one), then forward, keeping how many
 * quote markers opened the open paragraph (its lazy lines may hold fewer) and the content column of
 * the item it is in: a later line opens a block when it opens a deeper quote, an item in a shallower
 * quote (which holds no open paragraph), or an item of its own quote that the paragraph's item does
 * not hold. A paragraph after a line that ends one is read as in no item: the lines before that
 * line are not read.
 */
function opensAfterParagraph(text: string, lastStart: number, lineStart: number): boolean {
  let start = lastStart;
  while (start > 0 && !opensListItem(text, start, ITEM_INTERRUPTING)) {
    const before = lineStartOf(text, previousBreak(text, start));
    if (isParagraphBoundary(text.slice(before, previousBreak(text, start)))) break;
    start = before;
  }
  let depth = quoteDepth(text, start);
  let column = itemColumn(text, start);
  // Whether a paragraph is open: an empty item holds none, and a setext underline ends one.
  let open = !opensListItem(text, start, ITEM_EMPTY);
  // Whether that line opened indented code: only a line as deep in quotes, as far indented, goes on with it.
  let code = column === 0 && markerIndent(text, start) >= 4;
  for (;;) {
    start = nextLineStart(text, start);
    const lineDepth = quoteDepth(text, start);
    if (code) {
      if (lineDepth === depth && markerIndent(text, start) >= column + 4) {
        if (start === lineStart) return false;
        continue;
      }
      code = false;
      open = false;
    }
    const item = lineDepth <= depth ? itemColumn(text, start) : 0;
    const opens =
      !open ||
      lineDepth > depth ||
      (item > 0 && (lineDepth < depth || opensListItem(text, start, ITEM_INTERRUPTING) || markerIndent(text, start) < column));
    if (start === lineStart) return opens;
    if (opens) {
      // A line after an empty item, indented as far as its content, is in it.
      const inEmptyItem = !open && item === 0 && lineDepth === depth && markerIndent(text, start) >= column;
      depth = lineDepth;
      column = inEmptyItem ? column : itemColumn(text, start);
      open = !opensListItem(text, start, ITEM_EMPTY);
      code = open && itemColumn(text, start) === 0 && markerIndent(text, start) >= column + 4;
    } else if (lineDepth === depth && markerIndent(text, start) >= column && opensListItem(text, start, DASH_UNDERLINE)) {
      // An underline only in the paragraph's own item (a line left of it is lazy text).
      open = false;
    }
  }
}

/** Start of the line after the one starting at `lineStart` (which a line break ends). */
function nextLineStart(text: string, lineStart: number): number {
  let at = lineStart;
  while (!isBreak(text.charCodeAt(at))) at++;
  return at + lineBreakLength(text, at);
}

// A list item's marker after at most three spaces: one that may interrupt a paragraph (CommonMark
// §5.2: a bullet, or an ordered item numbered 1, `01.` too, with content after it), and any.
const ITEM_INTERRUPTING = / {0,3}(?:[-+*]|0{0,8}1[.)])[ \t]+\S/y;
const ITEM_INTERRUPTING_MARKER = /^(?:[-+*]|0{0,8}1[.)])/;
const ITEM_ANY = / {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/my;
const ITEM_EMPTY = / {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]*$/my;
// A setext heading's underline of `-` (one alone is an empty item where it underlines nothing).
const DASH_UNDERLINE = / {0,3}-+[ \t]*$/my;
const QUOTE_MARKERS = /(?: {0,3}>[ \t]?)*/y;

/** Where the content after the line's quote markers starts. */
function quoteContentFrom(text: string, lineStart: number): number {
  QUOTE_MARKERS.lastIndex = lineStart;
  QUOTE_MARKERS.test(text);
  return QUOTE_MARKERS.lastIndex;
}

/** Columns of spaces before the content after the line's quote markers. */
function markerIndent(text: string, lineStart: number): number {
  const from = quoteContentFrom(text, lineStart);
  let at = from;
  while (text.charCodeAt(at) === 32) at++;
  return at - from;
}

/**
 * The column (past the line's quote markers) where the content of the list item opening on the
 * line starts, or 0 when none opens; one column past the marker when more than four spaces follow it.
 */
function itemColumn(text: string, lineStart: number): number {
  if (!opensListItem(text, lineStart, ITEM_ANY)) return 0;
  const from = quoteContentFrom(text, lineStart);
  let at = from;
  while (text.charCodeAt(at) === 32) at++;
  while (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
  const markerEnd = at + 1;
  at = markerEnd;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at - markerEnd > 4 || isBreak(text.charCodeAt(at)) || at >= text.length ? markerEnd - from + 1 : at - from;
}

/** Whether the line at `lineStart`, past its quote markers, opens a list item as `item` (sticky) reads one. */
function opensListItem(text: string, lineStart: number, item: RegExp): boolean {
  item.lastIndex = quoteContentFrom(text, lineStart);
  return item.test(text);
}

/** How many quote markers open the line at `lineStart` (each after at most three spaces). */
function quoteDepth(text: string, lineStart: number): number {
  let depth = 0;
  let at = lineStart;
  for (;;) {
    let spaces = 0;
    while (text.charCodeAt(at + spaces) === 32 && spaces < 4) spaces++;
    if (spaces > 3 || text.charCodeAt(at + spaces) !== 62) return depth;
    depth++;
    at += spaces + 1;
  }
}

/** Whether the label between `open` and `close` is one: see the list above. */
function labelIsValid(context: DefinitionContext, open: number, close: number, quoted: boolean): boolean {
  const { text } = context;
  if (close - open - 1 > MAX_LABEL || text.charCodeAt(open + 1) === 94) return false; // ^: a footnote
  let visible = false;
  for (let at = open + 1; at < close; at++) {
    const char = text[at];
    if (char === '\\') {
      // A backslash is visible; it escapes only punctuation (then that character is no bracket).
      visible = true;
      if (isAsciiPunctuation(text.charCodeAt(at + 1))) at++;
    } else if (char === '[' || char === ']') return false;
    else if (char === '\r' || char === '\n') {
      // The next line must go on with the paragraph, and hold more than its quote's markers.
      const next = at + lineBreakLength(text, at);
      if (!continuesOn(context, next, quoted)) return false;
      const content = stickyEnd(quoted ? QUOTE_CONTINUATION : SPACES, text, next);
      if (isBreak(text.charCodeAt(content))) return false;
      at = content - 1;
    } else if (char !== ' ' && char !== '\t') visible = true;
  }
  return visible;
}

/** The destination at `at`: `<…>` or a run without spaces whose parentheses balance. */
function destinationAt(text: string, at: number, lineEnd: number): { from: number; to: number; end: number } | null {
  if (text[at] === '<') {
    for (let i = at + 1; i < lineEnd; i++) {
      const char = text[i];
      if (char === '\\' && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
      else if (char === '<') return null;
      else if (char === '>') return { from: at + 1, to: i, end: i + 1 };
    }
    return null;
  }
  let depth = 0;
  let i = at;
  for (; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code === 127) break;
    if (code === 92 && isAsciiPunctuation(text.charCodeAt(i + 1))) i++; // a backslash escapes punctuation
    else if (code === 40) depth++;
    else if (code === 41 && --depth < 0) return null;
  }
  return i === at || depth !== 0 ? null : { from: at, to: Math.min(i, lineEnd), end: Math.min(i, lineEnd) };
}

/**
 * The definition whose label is the `[` at `open` and the `]` at `close` (a `:` follows it), or
 * null when these characters open no definition (then they are literal text).
 */
export function linkDefinition(context: DefinitionContext, open: number, close: number): Definition | null {
  const { text, limit } = context;
  // Only a short run of indentation and container markers may stand before the label.
  let lineStart = open;
  while (lineStart > 0 && open - lineStart <= MAX_PREFIX && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  if (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) return null;
  // A byte order mark before the first line is no part of it.
  const contentFrom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
  const prefix = CONTAINER_PREFIX.exec(text.slice(contentFrom, open));
  if (prefix === null) return null;
  // In a quote, the lines a definition continues on hold the quote's markers (or none, lazily); a
  // line the block pass says continues the paragraph holds only those of the quote around it.
  const quoted = context.blocks !== undefined || prefix[0].includes('>');
  if (!labelIsValid(context, open, close, quoted) || !startsBlock(context, lineStart, prefix[1])) return null;

  let at = stickyEnd(SPACES, text, close + 2);
  let lineEnd = context.lineEnd(at);
  if (at === lineEnd) {
    // The destination may stand on the next line (a blank one holds none).
    const next = lineEnd + lineBreakLength(text, lineEnd);
    if (next >= limit || !continuesOn(context, next, quoted)) return null;
    at = stickyEnd(quoted ? QUOTE_CONTINUATION : SPACES, text, next);
    lineEnd = context.lineEnd(at);
  }
  const destination = destinationAt(text, at, lineEnd);
  if (destination === null) return null;

  const afterDestination = stickyEnd(SPACES, text, destination.end);
  if (afterDestination === lineEnd) {
    const title = titleOnNextLine(context, lineEnd, quoted);
    const linkEnd = title === null ? destination.end : title.linkEnd;
    return { destinationFrom: destination.from, destinationTo: destination.to, linkEnd, end: title === null ? lineEnd : title.end };
  }
  // A title on the same line must be set off by a space and be all that is left of its last line.
  if (afterDestination === destination.end) return null;
  const title = titleAt(context, destination.end, quoted);
  if (title === null) return null;
  return { destinationFrom: destination.from, destinationTo: destination.to, linkEnd: title.linkEnd, end: title.end };
}

/** A title starting the line after the destination's; null when there is none. */
function titleOnNextLine(context: DefinitionContext, destinationLineEnd: number, quoted: boolean): { linkEnd: number; end: number } | null {
  const { text, limit } = context;
  const next = destinationLineEnd + lineBreakLength(text, destinationLineEnd);
  if (next >= limit || !continuesOn(context, next, quoted)) return null;
  return titleAt(context, quoted ? stickyEnd(QUOTE_CONTINUATION, text, next) : next, quoted);
}

/**
 * A title (`"…"`, `'…'` or `(…)`) after spaces at `from`, and nothing but spaces after it to its
 * line's end: where it ends, and that line's end; null when there is none. A title may go on over
 * lines of its paragraph, but not over a blank line.
 */
function titleAt(context: DefinitionContext, from: number, quoted: boolean): { linkEnd: number; end: number } | null {
  const { text, limit } = context;
  let at = stickyEnd(SPACES, text, from);
  const opener = text.charCodeAt(at);
  if (opener !== 34 && opener !== 39 && opener !== 40) return null;
  const closer = opener === 40 ? 41 : opener;
  for (at++; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === closer) break;
    // A backslash escapes the next character, but a line break is no escape's.
    if (code === 92 && !isBreak(text.charCodeAt(at + 1))) at++;
    else if (code === 40 && opener === 40) return null;
    else if (isBreak(code)) {
      const next = at + lineBreakLength(text, at);
      if (next >= limit || !continuesOn(context, next, quoted)) return null;
      const content = stickyEnd(quoted ? QUOTE_CONTINUATION : SPACES, text, next);
      if (content >= limit || isBreak(text.charCodeAt(content))) return null;
      at = next - 1;
    }
  }
  if (at >= limit) return null;
  const lineEnd = context.lineEnd(at);
  return stickyEnd(SPACES, text, at + 1) === lineEnd ? { linkEnd: at + 1, end: lineEnd } : null;
}

/**
 * Whether the line starting at `lineStart` may continue a definition: not when it starts a block of
 * its own (a quote after an unquoted label's line, or whatever the block pass found).
 */
function continuesOn(context: DefinitionContext, lineStart: number, quoted: boolean): boolean {
  if (context.blocks !== undefined) return context.blocks.firstAfter(lineStart - 1) !== lineStart;
  return quoted || stickyEnd(QUOTE_CONTINUATION, context.text, lineStart) === stickyEnd(SPACES, context.text, lineStart);
}
