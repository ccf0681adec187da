/**
 * What decides whether an indented line is code (CommonMark 0.31: §4.4 indented code, §5.1 block
 * quotes, §5.2 list items): the block quote markers a line starts with, the content columns of the
 * list items it may sit in, and the lines after which no paragraph is open (blank lines, headings,
 * thematic breaks, closing fences), since an indented line only continues an open paragraph.
 * Columns count a tab to the next multiple of 4, as CommonMark does.
 */
import { isTrimmed } from './whiteSpace';

/** The column after a character at `column`: a tab runs to the next multiple of 4. */
export function columnAfter(column: number, code: number): number {
  return code === 9 ? column + 4 - (column % 4) : column + 1;
}

/** How many columns of indentation a line starts with (tabs stop every four columns); -1 for a line of white space only. */
export function indentation(text: string): number {
  let columns = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 32) columns++;
    else if (code === 9) columns += 4 - (columns % 4);
    else return columns;
  }
  return -1;
}

/** The most quotes, and the most list items, the block pass keeps track of. */
const MAX_DEPTH = 64;

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** A line's block quote markers: each `>` after at most three columns of white space, with one optional space after it. */
export class QuoteMarkers {
  /** How many quotes the line is in. */
  depth = 0;
  /**
   * How many of the quotes open above (in `items`) the line continues, from the outermost: a quote
   * opened inside a list item goes on only where the line is indented into that item (`- > a` then
   * `> b`: the `>` opens a new quote, the item and its quote end). The line's markers past these open
   * new quotes.
   */
  matched = 0;
  /** Columns of white space between the markers and the content (what is left of a tab the optional space took one column of, included). */
  indent = 0;
  /** Where the content starts in the line, after that white space. */
  contentFrom = 0;
  /** Columns of white space before the first marker. */
  markerIndent = 0;
  /**
   * The line's column (from its start) where the innermost quote's content starts, to which `indent`
   * counts: a tab's width depends on where it stands in the line, not in the quote.
   */
  contentBase = 0;
  /** Columns of white space before each marker, counted from the content of the quote it sits in. */
  private readonly indents = new Int32Array(MAX_DEPTH + 1);

  /**
   * Reads the line's markers, `most` of them at most. A marker that continues an open quote may sit
   * in a list item of `items`, up to three columns past its content; `opening` says the markers open
   * new quotes only (they follow a list marker on its own line), so none continues one. `fromColumn`
   * is the line's column at `from`.
   */
  read(text: string, from: number, to: number, items: ListItems, most = Infinity, opening = false, fromColumn = 0): void {
    let at = from;
    let column = fromColumn;
    let depth = 0;
    let matched = 0;
    // Columns of a tab after `>` left over once the optional space has taken one.
    let leftOver = 0;
    for (;;) {
      let probe = at;
      let probeColumn = column;
      while (probe < to && isSpaceOrTab(text.charCodeAt(probe))) probeColumn = columnAfter(probeColumn, text.charCodeAt(probe++));
      const indent = leftOver + probeColumn - column;
      if (depth <= MAX_DEPTH) this.indents[depth] = indent;
      // Only quotes the line has continued so far hold open items; a quote it opens holds none yet.
      const continuing = !opening && matched === depth;
      const itemColumn = continuing ? items.containerColumn(indent, depth) : 0;
      if (depth === most || indent - itemColumn > 3 || probe >= to || text.charCodeAt(probe) !== 62) {
        this.depth = depth;
        this.matched = matched;
        this.indent = indent;
        this.contentFrom = probe;
        this.markerIndent = this.indents[0];
        this.contentBase = column - leftOver;
        return;
      }
      // The marker goes on with the quote open at its level when it sits in the item holding that quote.
      if (continuing && depth < items.quoteDepth && items.quoteHolder(depth + 1) === itemColumn) matched++;
      depth++;
      at = probe + 1;
      column = probeColumn + 1;
      leftOver = 0;
      const after = text.charCodeAt(at);
      if (after === 32) {
        at++;
        column++;
      } else if (after === 9) {
        const next = columnAfter(column, 9);
        leftOver = next - column - 1;
        at++;
        column = next;
      }
    }
  }

  /** Columns of white space before the line's marker at `depth` (0 for the first), from the content of the quote it sits in. */
  indentBefore(depth: number): number {
    return this.indents[Math.min(depth, MAX_DEPTH)];
  }
}

/** Where a list marker at `at` ends (after `-`, `*`, `+`, or 1–9 digits and `.` or `)`), when white space or the line's end follows it; else -1. */
function listMarkerEnd(text: string, at: number, to: number): number {
  const first = text.charCodeAt(at);
  let end = at + 1;
  if (first >= 48 && first <= 57) {
    while (end < to && end - at < 10 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const marker = text.charCodeAt(end);
    if (end - at > 9 || end >= to || (marker !== 46 && marker !== 41)) return -1;
    end++;
  } else if (first !== 45 && first !== 42 && first !== 43) {
    return -1;
  }
  return end >= to || isSpaceOrTab(text.charCodeAt(end)) ? end : -1;
}

/** Whether nothing but white space (as `\s` knows it) lies in [from, to). */
export function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!isTrimmed(text.charCodeAt(at))) return false;
  return true;
}

/**
 * The content columns of the open list items, innermost last: a line belongs to an item when
 * indented at least that far. Items inside a quote count columns from the quote's content, so each
 * quote level keeps its own items above those of the levels around it.
 */
export class ListItems {
  private readonly columns = new Int32Array(MAX_DEPTH);
  private count = 0;
  /** For each quote level, where its items start in `columns`. */
  private readonly floors = new Int32Array(MAX_DEPTH + 1);
  /** The quote level the items at the top belong to. */
  private depth = 0;
  /** Whether the last item opened has no content on its line (a blank line after it ends it: §5.2, at most one blank line first). */
  emptyItemOpen = false;
  /** Where the content of the last item opened starts in the text (after its marker and white space). */
  contentFrom = 0;
  /** Whether the last item opened starts with indented code: its marker is followed by five columns of white space or more. */
  opensWithCode = false;

  clear(): void {
    this.count = 0;
    this.depth = 0;
    this.emptyItemOpen = false;
  }

  /** The content column of the innermost open item of the current quote level; 0 outside any. */
  innermost(): number {
    return this.count === this.floors[this.depth] ? 0 : this.columns[this.count - 1];
  }

  /**
   * The content column of the innermost item a line indented `indent` columns, in `depth` quotes,
   * lies in; 0 outside any. A line in fewer quotes than are open (a lazy line, if it opens nothing)
   * lies in no item of the deeper quotes: only those of its own quote level count.
   */
  containerColumn(indent: number, depth = this.depth): number {
    const level = Math.min(depth, this.depth);
    const top = level === this.depth ? this.count : this.floors[level + 1];
    for (let at = top - 1; at >= this.floors[level]; at--) if (this.columns[at] <= indent) return this.columns[at];
    return 0;
  }

  /** How many quotes the open items are counted in. */
  get quoteDepth(): number {
    return this.depth;
  }

  /** The content column of the item (in the quote around it) that holds the open quote at `level` (1 for the outermost); 0 when none does. */
  quoteHolder(level: number): number {
    const floor = this.floors[level];
    return floor > this.floors[level - 1] ? this.columns[floor - 1] : 0;
  }

  /** containerColumn for the items outside every quote: where a line's first quote marker may sit. */
  outerColumn(indent: number): number {
    return this.containerColumn(indent, 0);
  }

  /** Closes the items a line indented `indent` columns (not blank, not a paragraph's continuation) is not inside. */
  closeBelow(indent: number): void {
    while (this.count > this.floors[this.depth] && this.columns[this.count - 1] > indent) this.count--;
  }

  /** Quotes open, down to `depth`, their markers indented `indent` columns: the items they are not inside close. */
  enterQuotes(depth: number, indent: number): void {
    this.closeBelow(indent);
    for (let level = this.depth + 1; level <= Math.min(depth, MAX_DEPTH); level++) this.floors[level] = this.count;
    this.depth = Math.min(depth, MAX_DEPTH);
  }

  /** Quotes deeper than `depth` end, and every item inside them. */
  leaveQuotes(depth: number): void {
    if (depth >= this.depth) return;
    this.count = this.floors[depth + 1];
    this.depth = depth;
  }

  /** At a blank line: an item with nothing on its first line ends. */
  blankLine(): void {
    if (this.emptyItemOpen && this.count > this.floors[this.depth]) this.count--;
    this.emptyItemOpen = false;
  }

  /**
   * Opens the items whose markers start the content at `at` (indented `indent` columns from the
   * line's column `base`, where the content of the quote around starts; `- 1. x` opens two);
   * returns false when no marker starts it.
   */
  open(text: string, at: number, to: number, indent: number, base = 0): boolean {
    // Columns from the line's start while reading, so a tab reaches its tab stop; stored from `base`.
    let column = base + indent;
    let opened = false;
    this.emptyItemOpen = false;
    this.opensWithCode = false;
    // `- - -` after a marker is a thematic break in the item, not three more items.
    for (let end = listMarkerEnd(text, at, to); end !== -1 && !(opened && isThematicBreak(text, at, to)); end = listMarkerEnd(text, at, to)) {
      column += end - at;
      let after = end;
      let contentColumn = column;
      while (after < to && isSpaceOrTab(text.charCodeAt(after))) contentColumn = columnAfter(contentColumn, text.charCodeAt(after++));
      opened = true;
      this.contentFrom = after;
      const empty = isBlankBetween(text, after, to);
      // One column after the marker when the item is empty or its content is indented code (§5.2).
      if (empty || contentColumn - column > 4) {
        this.push(column + 1 - base);
        this.emptyItemOpen = empty;
        this.opensWithCode = !empty;
        break;
      }
      this.push(contentColumn - base);
      column = contentColumn;
      at = after;
    }
    return opened;
  }

  private push(column: number): void {
    if (this.count < MAX_DEPTH) this.columns[this.count++] = column;
  }
}

/** Whether a list item opens at `at` (as ListItems.open would): for the lines that may not interrupt a paragraph. */
export function startsListItem(text: string, at: number, to: number): boolean {
  return listMarkerEnd(text, at, to) !== -1;
}

/**
 * Whether an item at `at` may interrupt a paragraph (§5.2): it has content, and an ordered one
 * starts at 1 (its number, so `01.` as well, as commonmark.js and markdown-it read it).
 */
export function mayInterruptParagraph(text: string, at: number, to: number): boolean {
  const end = listMarkerEnd(text, at, to);
  if (end === -1 || isBlankBetween(text, end, to)) return false;
  const first = text.charCodeAt(at);
  if (first < 48 || first > 57) return true;
  let digit = at;
  while (text.charCodeAt(digit) === 48) digit++;
  return digit === end - 2 && text.charCodeAt(digit) === 49;
}

/**
 * Whether the line's content (from `at`, indented at most three columns) ends any paragraph and
 * opens none, so an indented line after it is code: a heading, a thematic break, or a setext
 * underline, which needs an open paragraph in the line's own containers (`underlines`).
 */
export function closesParagraph(text: string, at: number, to: number, underlines: boolean): boolean {
  const first = text.charCodeAt(at);
  if (first === 35) {
    // `#` to `######`, then white space or the line's end (§4.2).
    const end = runEnd(text, at, to, 35);
    return end - at <= 6 && (end === to || isSpaceOrTab(text.charCodeAt(end)));
  }
  if (first !== 45 && first !== 42 && first !== 95 && first !== 61) return false;
  return isThematicBreak(text, at, to) || (underlines && (first === 45 || first === 61) && onlySpaceOrTab(text, runEnd(text, at, to, first), to));
}

/** Three or more of `-`, `*` or `_`, the same one, with spaces or tabs between them and nothing else (§4.1). */
function isThematicBreak(text: string, at: number, to: number): boolean {
  const mark = text.charCodeAt(at);
  if (mark !== 45 && mark !== 42 && mark !== 95) return false;
  let marks = 0;
  for (let next = at; next < to; next++) {
    const code = text.charCodeAt(next);
    if (code === mark) marks++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return marks >= 3;
}

function runEnd(text: string, at: number, to: number, code: number): number {
  let end = at;
  while (end < to && text.charCodeAt(end) === code) end++;
  return end;
}

function onlySpaceOrTab(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!isSpaceOrTab(text.charCodeAt(at))) return false;
  return true;
}
