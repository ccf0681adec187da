/**
 * Block-level structure of a Markdown note: which stretches of lines are prose, as opposed to
 * frontmatter, fenced or indented code, and display math. Inline structure is the scanner's job.
 */
import { findFrontmatter } from './frontmatter';
import { LineBreaks, lineBreakLength, lineNumberAt, type LineStarts } from './lines';
import { closesParagraph, columnAfter, isBlankBetween, ListItems, mayInterruptParagraph, QuoteMarkers, startsListItem } from './containers';
import { isTrimmed } from './whiteSpace';
import { opensRawHtml, opensRawHtmlAt, rawHtmlEndIn } from './rawHtml';
import { commentBlockEnd } from './commentBlocks';
import type { BlockStarts } from './blockStarts';
import { holdsOnlyDefinitions } from './definitionParagraph';

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})\s*$/;
/** The list markers a line's content starts with (`- `, `1. `, `- 2) `): a fence or display math may open after them. */
const LIST_MARKERS = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+/;

/** Whether a line starting with this character code is prose: no indentation, quote, fence, math or list marker. */
function isPlainProseStart(code: number): boolean {
  return (
    !Number.isNaN(code) && // NaN past the end of the text
    code !== 32 && code !== 9 && code !== 13 && code !== 10 &&
    code !== 96 && code !== 126 && code !== 36 && code !== 62 && // ` ~ $ >
    code !== 45 && code !== 42 && code !== 43 // - * +
  );
}

/**
 * LIST_ITEM for a line starting with a digit: one to nine digits, `.` or `)`, then white space or
 * the line's end (what the regex decides, without a slice and a regex per line). Returns where the
 * marker ends (after its `.` or `)`), or -1 when the line starts with none.
 */
function orderedMarkerEnd(text: string, lineFrom: number, lineTo: number): number {
  let at = lineFrom;
  while (at < lineTo && at - lineFrom < 10) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) break;
    at++;
  }
  const digits = at - lineFrom;
  if (digits < 1 || digits > 9 || at >= lineTo) return -1;
  const marker = text.charCodeAt(at);
  if (marker !== 46 && marker !== 41) return -1;
  return at + 1 >= lineTo || WHITE_SPACE.test(text[at + 1]) ? at + 1 : -1;
}

const WHITE_SPACE = /^\s$/;

/** Past every list marker from `at` and the white space after each (`- 1. `); `at` itself when none starts there. */
function afterListMarkers(text: string, at: number, lineTo: number): number {
  for (;;) {
    const code = text.charCodeAt(at);
    const end = code === 45 || code === 42 || code === 43 ? at + 1 : code >= 48 && code <= 57 ? orderedMarkerEnd(text, at, lineTo) : -1;
    if (end === -1 || (end < lineTo && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 9)) return at;
    at = end;
    while (at < lineTo && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  }
}

/**
 * Whether what follows a line's list markers at `at` is anything but plain prose: a fence, display
 * math, a quote, raw HTML or a comment (` ~ $ > <pre <!-- %%). Such lines take the general way, as
 * do those whose markers may open indented code (mayOpenCodeBetweenMarkers).
 */
function opensBlockAfterMarkers(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 96 || code === 126 || code === 36 || code === 62) return true;
  // The opener's look-ahead stops at the line's break, white space as well.
  if (code === 60 && opensRawHtmlAt(text, at, text.length)) return true;
  // A comment that may open a block (./commentBlocks): the general way decides.
  return code === 60 ? text.startsWith('<!--', at) : code === 37 && text.charCodeAt(at + 1) === 37;
}

/**
 * Whether white space between the list markers in [from, to) may open indented code: more than four
 * columns after a marker (`1.     - x`: the item's content is the code `- x`), or a tab, whose width
 * the general way works out.
 */
function mayOpenCodeBetweenMarkers(text: string, from: number, to: number): boolean {
  let run = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 9) return true;
    run = code === 32 ? run + 1 : 0;
    if (run > 4) return true;
  }
  return false;
}

/** `- text`, `* text`, `+ text` (nested ones too: `- - text`, `- 1. text`) whose text is plain prose (see opensBlockAfterMarkers). */
function isBulletThenProse(text: string, from: number, lineTo: number): boolean {
  const first = text.charCodeAt(from);
  if ((first !== 45 && first !== 42 && first !== 43) || text.charCodeAt(from + 1) !== 32) return false;
  const content = afterListMarkers(text, from, lineTo);
  return isPlainProseStart(text.charCodeAt(content)) && !opensBlockAfterMarkers(text, content) && !mayOpenCodeBetweenMarkers(text, from, content);
}

/**
 * For a line starting with a digit: whether it is prose as a whole, which an ordered list item is
 * unless its content, past any nested markers, opens a fence, display math, a quote or indented code
 * (`1. ````, `1. - ````, `1.     code`, decided by the general way).
 */
function isProseAfterDigit(text: string, lineFrom: number, lineTo: number): boolean {
  if (orderedMarkerEnd(text, lineFrom, lineTo) === -1) return true;
  const content = afterListMarkers(text, lineFrom, lineTo);
  return !opensBlockAfterMarkers(text, content) && !mayOpenCodeBetweenMarkers(text, lineFrom, content);
}

/** Whether a line starting with `first` is prose as a whole: a plain start, and no fence or math after a number's list marker. */
function isPlainProseLine(text: string, first: number, lineFrom: number, lineTo: number): boolean {
  if (!isPlainProseStart(first)) return false;
  return first < 48 || first > 57 || isProseAfterDigit(text, lineFrom, lineTo);
}

/**
 * False when the line inside a fence cannot close it: its first character after blockquote markers
 * and indentation (what stripContainers removes) is not the fence's. Most code lines are answered
 * here, without a slice and two regexes each.
 */
function mayCloseFence(text: string, lineFrom: number, lineTo: number, fenceChar: number): boolean {
  let at = lineFrom;
  while (at < lineTo) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 62) break;
    at++;
  }
  if (at >= lineTo) return false;
  const code = text.charCodeAt(at);
  // Other white space (\s knows more than space and tab) is left to the general way.
  return code === fenceChar || code > 127 || (code >= 10 && code <= 13);
}

/** `fenceChar` of an open raw HTML block (`<pre>` … `</pre>`, ./rawHtml), which ends as a fence does but for its closer. */
const RAW_HTML = 60;
/**
 * `fenceChar` of an open comment block (./commentBlocks), which ends with its closer or its
 * container, as a fence does. Its lines stay prose for the scanner's comment rule when it closes;
 * when its container or the note ends first, they are no prose (the rule reads an unclosed `<!--`
 * as text, as in a paragraph).
 */
const COMMENT = 33;

const YES = 1;
const NO = 0;
const UNSURE = -1;

/** How many times `code` repeats from `from` (before `to`). */
function runOf(text: string, from: number, to: number, code: number): number {
  let at = from;
  while (at < to && text.charCodeAt(at) === code) at++;
  return at - from;
}

/**
 * For a line inside a fence that starts with the fence's character: whether it closes the fence as
 * the general way decides (`^(`{3,}|~{3,})\s*$` on the line); UNSURE when anything but spaces and
 * tabs follows the run (other white space, which \s knows, is left to that way).
 */
function fenceCloses(text: string, lineFrom: number, lineTo: number, fenceChar: number, fenceLength: number): number {
  const run = runOf(text, lineFrom, lineTo, fenceChar);
  if (run < 3) return NO;
  for (let at = lineFrom + run; at < lineTo; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return UNSURE;
  }
  return run >= fenceLength ? YES : NO;
}

/**
 * For a line outside any block that starts with a backtick or a tilde: the length of the fence it
 * opens as the general way decides (FENCE_OPEN, an info string without a backtick after backticks),
 * or 0 when not sure (a shorter run, or an info string the general way must judge).
 */
function fenceOpens(text: string, lineFrom: number, lineTo: number, fenceChar: number): number {
  const run = runOf(text, lineFrom, lineTo, fenceChar);
  if (run < 3) return 0;
  for (let at = lineFrom + run; at < lineTo; at++) {
    const code = text.charCodeAt(at);
    // A backtick after backticks makes no fence; `.` in FENCE_OPEN stops at U+2028 and U+2029.
    if ((code === 96 && fenceChar === 96) || code === 0x2028 || code === 0x2029) return 0;
  }
  return run;
}

/** Writes the stretch of prose [proseStart, end) to `out` at `count` when it holds anything; returns the new count. */
function endProse(out: number[], count: number, proseStart: number, end: number): number {
  if (proseStart === -1 || end <= proseStart) return count;
  out[count] = proseStart;
  out[count + 1] = end;
  return count + 2;
}

/** The line's content after blockquote markers and indentation, as fences may sit in quotes and lists. */
function stripContainers(line: string): string {
  return line.replace(/^(?:\s*>)*\s*/, '');
}

/** Width of a line's start in columns. */
function columnsOf(start: string): number {
  let width = 0;
  for (let at = 0; at < start.length; at++) width = columnAfter(width, start.charCodeAt(at));
  return width;
}

/** Whether the line, not blank, is indented less than `width` columns: it is not in the list item. */
function endsListItem(text: string, lineFrom: number, lineTo: number, width: number): boolean {
  let column = 0;
  for (let at = lineFrom; at < lineTo; at++) {
    const code = text.charCodeAt(at);
    // A character before the item's column: the line is less indented.
    if (code !== 32 && code !== 9) return true;
    column = columnAfter(column, code);
    if (column >= width) return false;
  }
  return false;
}

/** The quote markers of the line at hand (proseRangesInto runs one note at a time, to its end). */
const QUOTE = new QuoteMarkers();
/** The list items open at the line at hand. */
const LIST_ITEMS = new ListItems();

/**
 * Opens the list items whose markers start the line at `at`; returns whether an indented line may
 * open code after it: the last item is empty, or its content is a heading or a thematic break.
 */
/**
 * Whether the line at `lineFrom`, its content from `at` to `to`, would underline the open
 * paragraph of its own container but for the paragraph holding link reference definitions only:
 * then it is the paragraph's text (./definitionParagraph). A heading or a thematic break closes it
 * whatever it holds.
 */
function underlinesDefinitionsOnly(text: string, lineFrom: number, at: number, to: number, blockStarts: BlockStarts | null): boolean {
  if (blockStarts === null || closesParagraph(text, at, to, false)) return false;
  const paragraphFrom = blockStarts.lastBefore(lineFrom);
  return paragraphFrom !== -1 && holdsOnlyDefinitions(text, paragraphFrom, lineFrom, blockStarts);
}

function opensItems(text: string, at: number, to: number, indent: number, base = 0): boolean {
  LIST_ITEMS.open(text, at, to, indent, base);
  return LIST_ITEMS.emptyItemOpen || closesParagraph(text, LIST_ITEMS.contentFrom, to, false);
}

/**
 * The ranges of the text that hold prose (paragraphs, headings, lists, quotes, tables), in order,
 * written to `out` as flat pairs (from, to) from its start; returns how many numbers it wrote. `out`
 * is reused from note to note, with no object per range. `hasCarriageReturn` false says the text holds no `\r`, so lines end at `\n` only. One loop with its state in local variables, as it runs once per line of every note.
 * `lines`, when given, gets the start of every line from the first after the frontmatter;
 * `blockStarts` the start of every line of prose that starts a block (see BlockStarts).
 */
export function proseRangesInto(
  text: string, out: number[], hasCarriageReturn: boolean, lines: LineStarts | null = null, blockStarts: BlockStarts | null = null,
): number {
  let count = 0;
  let proseStart = -1;
  // The open fence's character code (0 when none) and length.
  let fenceChar = 0;
  let fenceLength = 0;
  // For a fence opened in a list item, the column its content starts at: a line indented less
  // (not blank) ends the item, and the fence with it (CommonMark); 0 for any other fence.
  let fenceIndent = 0;
  // How many quotes the open fence is in: a line in fewer ends them, and the fence with them.
  let fenceDepth = 0;
  // For a fence opened in a list item inside its innermost quote, the item's content column there
  // (counted from the quote's content): a line in that quote indented less ends the item and the
  // fence; 0 for any other fence.
  let fenceItemColumn = 0;
  let inMath = false;
  // Where the open comment block's closer ends (Infinity when it has none, ./commentBlocks), and where its first line starts.
  let commentEnd = -1;
  let commentFrom = 0;
  // Whether no paragraph is open, so that an indented line opens code rather than continuing one:
  // at the start, and after a blank line, a heading, a thematic break or a closing fence.
  let codeMayFollow = true;
  // How many quotes the open blocks are in (a paragraph's lazy continuation line keeps them open).
  let quoteDepth = 0;
  let inIndentedCode = false;
  // The open indented code's quote depth, and the indentation its lines need (4 past its item's content).
  let codeDepth = 0;
  let codeIndent = 4;
  LIST_ITEMS.clear();
  blockStarts?.reset();

  // A byte order mark is no part of the first line's content, as it is none before a fence or frontmatter.
  const start = findFrontmatter(text)?.body ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  lines?.reset(start === 0 ? 1 : lineNumberAt(text, start));
  // Most notes have `\n` line ends only: their lines are found with one indexOf each.
  const breaks = hasCarriageReturn && text.indexOf('\r', start) !== -1 ? new LineBreaks(text) : null;
  lines: for (let lineFrom = start, next = start; lineFrom < text.length; lineFrom = next) {
    lines?.add(lineFrom);
    let lineTo: number;
    if (breaks === null) {
      lineTo = text.indexOf('\n', lineFrom);
      if (lineTo === -1) lineTo = next = text.length;
      else next = lineTo + 1;
    } else {
      lineTo = breaks.lineEnd(lineFrom);
      next = lineTo + lineBreakLength(text, lineTo);
    }
    if (fenceChar !== 0 && fenceIndent > 0 && endsListItem(text, lineFrom, lineTo, fenceIndent)) {
      if (fenceChar === COMMENT) {
        count = endProse(out, count, proseStart, commentFrom);
        proseStart = -1;
      }
      fenceChar = 0;
      fenceIndent = 0;
      // The fence ends with its item, and no paragraph is open after it.
      codeMayFollow = true;
    }
    if (fenceChar !== 0 && fenceDepth > 0) {
      // Fenced code has no lazy lines: a line that does not go on with each of the fence's quotes
      // (in fewer quotes, an empty one too, or not indented into an item holding one) ends the
      // fence, and so does one indented less than the item holding it, in the fence's quote (more
      // `>` there are no indentation).
      QUOTE.read(text, lineFrom, lineTo, LIST_ITEMS, fenceDepth);
      if (QUOTE.matched < fenceDepth || (QUOTE.indent < fenceItemColumn && !isBlankBetween(text, QUOTE.contentFrom, lineTo))) {
        if (fenceChar === COMMENT) {
          count = endProse(out, count, proseStart, commentFrom);
          proseStart = -1;
        }
        fenceChar = 0;
        codeMayFollow = true;
      }
    }
    if (fenceChar === COMMENT) {
      // The line holding the closer is the block's last.
      if (commentEnd <= lineTo) fenceChar = 0;
      continue;
    }
    if (fenceChar === RAW_HTML) {
      // Wherever the end tag stands on a line, that line ends the block (blank lines do not).
      const endAt = rawHtmlEndIn(text, lineFrom, lineTo);
      if (endAt !== -1) {
        fenceChar = 0;
        codeMayFollow = true;
        proseStart = endAt;
      }
      continue;
    }
    // Fast paths: an empty line, or a line of plain prose, outside any block construct needs no
    // closer look (the general way below decides each the same).
    const first = text.charCodeAt(lineFrom);
    if (lineFrom === lineTo && fenceChar === 0 && !inMath) {
      if (!inIndentedCode && proseStart === -1) proseStart = lineFrom;
      codeMayFollow = true;
      if (quoteDepth !== 0) {
        quoteDepth = 0;
        LIST_ITEMS.leaveQuotes(0);
      }
      if (LIST_ITEMS.emptyItemOpen) LIST_ITEMS.blankLine();
      continue;
    }
    // A line of plain prose at column 0, within a stretch of prose or starting one (a note's first
    // line, or one after a fence, display math or indented code), unless it starts with white space
    // only `\s` knows.
    if (fenceChar === 0 && !inMath && isPlainProseLine(text, first, lineFrom, lineTo) && ((!inIndentedCode && proseStart !== -1) || !isTrimmed(first))) {
      inIndentedCode = false;
      if (first === 60 && opensRawHtmlAt(text, lineFrom, lineTo)) {
        // Raw HTML at column 0 interrupts a paragraph and ends every item and quote, as a fence does.
        count = endProse(out, count, proseStart, lineFrom);
        const endAt = rawHtmlEndIn(text, lineFrom, lineTo);
        proseStart = endAt;
        LIST_ITEMS.clear();
        quoteDepth = 0;
        fenceChar = endAt === -1 ? RAW_HTML : 0;
        fenceDepth = 0;
        fenceItemColumn = 0;
        fenceIndent = 0;
        codeMayFollow = true;
        continue;
      }
      if (proseStart === -1) proseStart = lineFrom;
      if (first === 60 || first === 37) {
        const end = commentBlockEnd(text, lineFrom, lineTo);
        if (end !== -1) {
          // Like raw HTML at column 0, but its lines stay prose.
          blockStarts?.add(lineFrom);
          LIST_ITEMS.clear();
          quoteDepth = 0;
          commentEnd = end;
          commentFrom = lineFrom;
          fenceChar = end <= lineTo ? 0 : COMMENT;
          fenceDepth = 0;
          fenceItemColumn = 0;
          fenceIndent = 0;
          codeMayFollow = true;
          continue;
        }
      }
      if (first > 61 && first !== 95) {
        // Text (a letter, most lines): it continues an open paragraph, lazily in whatever item or
        // quote holds it; with none open it is a new paragraph, outside every item and quote.
        if (codeMayFollow) {
          blockStarts?.add(lineFrom);
          LIST_ITEMS.clear();
          quoteDepth = 0;
        }
        codeMayFollow = false;
        continue;
      }
      const paragraphOpen: boolean = !codeMayFollow;
      // An item may interrupt a paragraph of its own container only with content, an ordered one
      // from 1 (§5.2); at column 0 that is a paragraph outside every item and quote.
      const ownParagraph: boolean = paragraphOpen && quoteDepth === 0 && LIST_ITEMS.innermost() === 0;
      // An underline only for a paragraph of the line's own container (a lazy line has none).
      const closes = closesParagraph(text, lineFrom, lineTo, ownParagraph) && !(ownParagraph && underlinesDefinitionsOnly(text, lineFrom, lineFrom, lineTo, blockStarts));
      const item: boolean = first >= 48 && first <= 57 && (ownParagraph ? mayInterruptParagraph(text, lineFrom, lineTo) : startsListItem(text, lineFrom, lineTo));
      // A heading, a thematic break or a list item at column 0 ends every item and quote; an
      // underline ends only the paragraph above it.
      if (item || (closes && first !== 61) || !paragraphOpen) {
        blockStarts?.add(lineFrom);
        LIST_ITEMS.clear();
        quoteDepth = 0;
      } else if (closes) {
        // An underline ends the paragraph's text above it (a definition's destination on the line
        // after its label is no underline), and no item or quote.
        blockStarts?.add(lineFrom);
      }
      codeMayFollow = item ? opensItems(text, lineFrom, lineTo, 0) : closes;
      continue;
    }
    if (fenceChar === 0 && !inMath && !inIndentedCode && proseStart !== -1 && isBulletThenProse(text, lineFrom, lineTo)) {
      blockStarts?.add(lineFrom);
      LIST_ITEMS.clear();
      quoteDepth = 0;
      codeMayFollow = opensItems(text, lineFrom, lineTo, 0);
      continue;
    }
    if (fenceChar !== 0 && !mayCloseFence(text, lineFrom, lineTo, fenceChar)) continue;
    if (fenceChar !== 0 && first === fenceChar && fenceDepth === 0) {
      // A closer with nothing before it on the line, most of them: decided without a slice or a regex.
      const closes = fenceCloses(text, lineFrom, lineTo, fenceChar, fenceLength);
      if (closes !== UNSURE) {
        if (closes === YES) {
          fenceChar = 0;
          codeMayFollow = true;
        }
        continue;
      }
    }
    if (fenceChar === 0 && !inMath && (first === 96 || first === 126)) {
      // An opener with nothing before it on the line, decided the same way.
      const length = fenceOpens(text, lineFrom, lineTo, first);
      if (length > 0) {
        inIndentedCode = false;
        count = endProse(out, count, proseStart, lineFrom);
        proseStart = -1;
        fenceChar = first;
        fenceLength = length;
        fenceIndent = 0;
        fenceDepth = 0;
        fenceItemColumn = 0;
        LIST_ITEMS.clear();
        quoteDepth = 0;
        continue;
      }
    }
    const raw = text.slice(lineFrom, lineTo);
    if (fenceChar !== 0) {
      // A closer in the fence's own quotes, indented at most three columns past its item's content
      // (in a quote, the item's inside that quote: the quote's own item holder is no indentation there).
      QUOTE.read(text, lineFrom, lineTo, LIST_ITEMS);
      const closing = QUOTE.depth === fenceDepth && QUOTE.indent - (fenceDepth === 0 ? fenceIndent : fenceItemColumn) <= 3 ? FENCE_CLOSE.exec(text.slice(QUOTE.contentFrom, lineTo)) : null;
      if (closing && closing[1].charCodeAt(0) === fenceChar && closing[1].length >= fenceLength) {
        fenceChar = 0;
        codeMayFollow = true;
      }
      continue;
    }
    if (inMath) {
      if (raw.includes('$$')) inMath = false;
      codeMayFollow = false;
      continue;
    }
    QUOTE.read(text, lineFrom, lineTo, LIST_ITEMS);
    const depth = QUOTE.depth;
    const indent = QUOTE.indent;
    const contentFrom = QUOTE.contentFrom;
    const blank = isBlankBetween(text, contentFrom, lineTo);
    if (inIndentedCode) {
      // Code goes on in its own quotes only: a marker not indented into the item holding one opens a new quote.
      if (depth === codeDepth && QUOTE.matched === depth && (blank || indent >= codeIndent)) continue;
      inIndentedCode = false;
      codeMayFollow = true;
    }
    const paragraphOpen = !codeMayFollow;
    if (QUOTE.matched < depth) {
      // Markers past those that go on with the open quotes open new ones (so the line is no lazy
      // one): the quotes past them end, with their items.
      LIST_ITEMS.leaveQuotes(QUOTE.matched);
      quoteDepth = QUOTE.matched;
    }
    if (depth > quoteDepth) {
      // A quote opens: nothing in it to continue yet. The items its marker is not indented into end.
      LIST_ITEMS.enterQuotes(depth, QUOTE.indentBefore(quoteDepth));
      codeMayFollow = true;
      quoteDepth = depth;
    } else if (depth < quoteDepth && (blank || !paragraphOpen)) {
      LIST_ITEMS.leaveQuotes(depth);
      quoteDepth = depth;
    }
    if (blank) {
      LIST_ITEMS.blankLine();
      codeMayFollow = true;
      if (proseStart === -1) proseStart = lineFrom;
      continue;
    }
    // What the line opens, if anything, where it is indented less than code would be in its item.
    const nested = indent < LIST_ITEMS.containerColumn(indent, depth) + 4;
    // Whether an open paragraph is in the line's own container: only then may the line underline
    // it, and may an item interrupt it only with content (an ordered one from 1, §5.2).
    const ownParagraph: boolean = !codeMayFollow && depth === quoteDepth && indent >= LIST_ITEMS.innermost();
    const closes: boolean =
      nested && closesParagraph(text, contentFrom, lineTo, ownParagraph) && !(ownParagraph && underlinesDefinitionsOnly(text, lineFrom, contentFrom, lineTo, blockStarts));
    const item: boolean = nested && !closes && (ownParagraph ? mayInterruptParagraph(text, contentFrom, lineTo) : startsListItem(text, contentFrom, lineTo));
    // A line continuing an open paragraph (lazily, §5.1) ends no item; any other line ends the items
    // it is indented less than.
    if (codeMayFollow || closes || item) {
      // No paragraph was open (or a quote opened above), or the line ends the one that was.
      blockStarts?.add(lineFrom);
      LIST_ITEMS.leaveQuotes(depth);
      quoteDepth = depth;
      LIST_ITEMS.closeBelow(indent);
    }
    const indentedCode = codeMayFollow && indent >= LIST_ITEMS.innermost() + 4;
    if (!indentedCode && !nested) {
      // Indented as far as code would be, under an open paragraph: more of its text, nothing opens.
      LIST_ITEMS.emptyItemOpen = false;
      if (proseStart === -1) proseStart = lineFrom;
      continue;
    }
    if (indentedCode) LIST_ITEMS.emptyItemOpen = false;
    else if (item) {
      codeMayFollow = opensItems(text, contentFrom, lineTo, indent, QUOTE.contentBase);
      // The line's column where the innermost item's content starts (when no code opens it).
      let itemBase = QUOTE.contentBase;
      // `- > …`, `1. > - > …`: quotes and items open in turn on the item's own line. The innermost
      // one's content may be a blank, indented code, a fence, a comment block or raw HTML, or else prose.
      while (text.charCodeAt(LIST_ITEMS.contentFrom) === 62 && !LIST_ITEMS.opensWithCode) {
        const itemColumn = LIST_ITEMS.innermost();
        QUOTE.read(text, LIST_ITEMS.contentFrom, lineTo, LIST_ITEMS, Infinity, true, itemBase + itemColumn);
        quoteDepth += QUOTE.depth;
        LIST_ITEMS.enterQuotes(quoteDepth, itemColumn);
        let innerFrom = QUOTE.contentFrom;
        const innerBlank = isBlankBetween(text, innerFrom, lineTo);
        // An item in the quote, on the same line (not a thematic break, `- --`): its content is read in turn.
        const innerItem = !innerBlank && QUOTE.indent < 4 && !closesParagraph(text, innerFrom, lineTo, false) && startsListItem(text, innerFrom, lineTo);
        if (innerItem) {
          codeMayFollow = opensItems(text, innerFrom, lineTo, QUOTE.indent, QUOTE.contentBase);
          itemBase = QUOTE.contentBase;
          if (text.charCodeAt(LIST_ITEMS.contentFrom) === 62 && !LIST_ITEMS.opensWithCode) continue;
          innerFrom = LIST_ITEMS.contentFrom;
        }
        if (innerItem ? LIST_ITEMS.opensWithCode : QUOTE.indent >= 4 && !innerBlank) {
          count = endProse(out, count, proseStart, lineFrom);
          proseStart = -1;
          inIndentedCode = true;
          codeMayFollow = true;
          codeDepth = quoteDepth;
          codeIndent = LIST_ITEMS.innermost() + 4;
          continue lines;
        }
        const innerFirst = text.charCodeAt(innerFrom);
        const fence = innerFirst === 96 || innerFirst === 126 ? fenceOpens(text, innerFrom, lineTo, innerFirst) : 0;
        // What opens in the innermost quote ends with it and with the item holding it: read by the
        // quote markers that go on (QuoteMarkers.matched), and by the indentation in the quote for
        // an item inside the innermost quote.
        const innerItemColumn = innerItem ? LIST_ITEMS.innermost() : 0;
        if (fence > 0) {
          count = endProse(out, count, proseStart, lineFrom);
          proseStart = -1;
          fenceChar = innerFirst;
          fenceLength = fence;
          fenceDepth = quoteDepth;
          fenceItemColumn = innerItemColumn;
          fenceIndent = 0;
          codeMayFollow = false;
          continue lines;
        }
        // A comment block or raw HTML, the same way.
        const comment = commentBlockEnd(text, innerFrom, lineTo);
        const rawHtml = comment === -1 && opensRawHtml(text.slice(innerFrom, lineTo));
        if (comment !== -1 || rawHtml) {
          if (rawHtml) {
            count = endProse(out, count, proseStart, lineFrom);
            proseStart = rawHtmlEndIn(text, innerFrom, lineTo);
            fenceChar = proseStart === -1 ? RAW_HTML : 0;
          } else {
            blockStarts?.add(lineFrom);
            if (proseStart === -1) proseStart = lineFrom;
            commentEnd = comment;
            commentFrom = lineFrom;
            fenceChar = comment <= lineTo ? 0 : COMMENT;
          }
          fenceDepth = quoteDepth;
          fenceItemColumn = innerItemColumn;
          fenceIndent = 0;
          codeMayFollow = true;
          continue lines;
        }
        if (!innerItem) codeMayFollow = innerBlank || closesParagraph(text, innerFrom, lineTo, false);
        if (proseStart === -1) proseStart = lineFrom;
        continue lines;
      }
    } else {
      LIST_ITEMS.emptyItemOpen = false;
      codeMayFollow = closes;
    }
    // Indented code, or an item whose first line is (`-     code`: the marker holds no ID).
    if (indentedCode || (item && LIST_ITEMS.opensWithCode)) {
      count = endProse(out, count, proseStart, lineFrom);
      proseStart = -1;
      inIndentedCode = true;
      codeMayFollow = true;
      codeDepth = depth;
      codeIndent = LIST_ITEMS.innermost() + 4;
      continue;
    }
    // Text that looks like list markers but opens no item (`2) ```` under a paragraph, which only
    // an item from 1 may interrupt) is more of the paragraph: no fence or display math opens after it.
    if (!item && LIST_MARKERS.test(text.slice(contentFrom, lineTo))) {
      if (proseStart === -1) proseStart = lineFrom;
      continue;
    }
    // A fence or display math opens after blockquote markers and indentation, and after a list
    // item's markers (`- ````, `> 1. $$`). Closing fences are looked for without list markers
    // (above): `- ```` inside a fence is code.
    const listed = LIST_MARKERS.exec(raw);
    const content = listed === null ? stripContainers(raw).replace(LIST_MARKERS, '') : raw.slice(listed[0].length);
    // `content` ends the line: it starts content.length before the line's end.
    const comment = commentBlockEnd(text, lineTo - content.length, lineTo);
    if (comment !== -1) {
      blockStarts?.add(lineFrom);
      if (!item) {
        LIST_ITEMS.leaveQuotes(depth);
        quoteDepth = depth;
        LIST_ITEMS.closeBelow(indent);
      }
      if (proseStart === -1) proseStart = lineFrom;
      commentEnd = comment;
      commentFrom = lineFrom;
      fenceChar = comment <= lineTo ? 0 : COMMENT;
      fenceDepth = depth;
      fenceIndent = listed !== null ? columnsOf(listed[0]) : depth === 0 ? LIST_ITEMS.innermost() : LIST_ITEMS.outerColumn(QUOTE.markerIndent);
      fenceItemColumn = depth > 0 && listed === null ? LIST_ITEMS.innermost() : 0;
      codeMayFollow = true;
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(content);
    const rawHtml = fenceOpen === null && opensRawHtml(content);
    if ((fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) || rawHtml) {
      count = endProse(out, count, proseStart, lineFrom);
      proseStart = -1;
      if (fenceOpen !== null) {
        fenceChar = fenceOpen[1].charCodeAt(0);
        fenceLength = fenceOpen[1].length;
      } else {
        // Raw HTML, closed on its own line (prose after its end tag) or open until the line holding its end tag.
        proseStart = rawHtmlEndIn(text, lineTo - content.length, lineTo);
        fenceChar = proseStart === -1 ? RAW_HTML : 0;
      }
      fenceDepth = depth;
      if (!item) {
        // A fence interrupts a paragraph: whatever item or quote the paragraph was lazily in ends.
        LIST_ITEMS.leaveQuotes(depth);
        quoteDepth = depth;
        LIST_ITEMS.closeBelow(indent);
      }
      // Its item's content column: a line indented less ends the item and the fence (in a quote,
      // counted inside the quote: fenceItemColumn).
      fenceIndent = listed !== null ? columnsOf(listed[0]) : depth === 0 ? LIST_ITEMS.innermost() : LIST_ITEMS.outerColumn(QUOTE.markerIndent);
      fenceItemColumn = depth > 0 && listed === null ? LIST_ITEMS.innermost() : 0;
      codeMayFollow = fenceChar === 0;
      continue;
    }
    if (content.startsWith('$$') && !content.slice(2).includes('$$')) {
      count = endProse(out, count, proseStart, lineFrom);
      proseStart = -1;
      inMath = true;
      codeMayFollow = false;
      continue;
    }
    if (content.startsWith('$$') && content.trimEnd().endsWith('$$') && content.trim().length >= 4) {
      count = endProse(out, count, proseStart, lineFrom);
      proseStart = -1;
      codeMayFollow = false;
      continue;
    }
    if (proseStart === -1) proseStart = lineFrom;
  }
  // A comment block left open at the end holds no prose.
  return endProse(out, count, proseStart, fenceChar === COMMENT ? commentFrom : text.length);
}
