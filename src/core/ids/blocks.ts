/**
 * Block-level structure of a Markdown note: which stretches of lines are prose, as opposed to
 * frontmatter, fenced or indented code, and display math. Inline structure is the scanner's job.
 */
import { findFrontmatter } from './frontmatter';
import { forEachLine } from './lines';

export interface TextRange {
  readonly from: number;
  readonly to: number;
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

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
 * the line's end (what the regex decides, without a slice and a regex per line).
 */
function isOrderedListMarker(text: string, lineFrom: number, lineTo: number): boolean {
  let at = lineFrom;
  while (at < lineTo && at - lineFrom < 10) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) break;
    at++;
  }
  const digits = at - lineFrom;
  if (digits < 1 || digits > 9 || at >= lineTo) return false;
  const marker = text.charCodeAt(at);
  if (marker !== 46 && marker !== 41) return false;
  return at + 1 >= lineTo || WHITE_SPACE.test(text[at + 1]);
}

const WHITE_SPACE = /^\s$/;

/** `- text`, `* text`, `+ text` whose text cannot open a fence or display math. */
function isBulletThenProse(text: string, from: number): boolean {
  const bullet = text.charCodeAt(from);
  if (bullet !== 45 && bullet !== 42 && bullet !== 43) return false;
  if (text.charCodeAt(from + 1) !== 32) return false;
  const next = text.charCodeAt(from + 2);
  return isPlainProseStart(next) || next === 45 || next === 42 || next === 43;
}

/**
 * False when the line inside a fence cannot close it: its first character after blockquote markers
 * and indentation (what stripContainers removes) is not the fence's. Most code lines are answered
 * here, without a slice and two regexes each.
 */
function mayCloseFence(text: string, lineFrom: number, lineTo: number, fenceChar: string): boolean {
  let at = lineFrom;
  while (at < lineTo) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 62) break;
    at++;
  }
  if (at >= lineTo) return false;
  const code = text.charCodeAt(at);
  // Other white space (\s knows more than space and tab) is left to the general way.
  return code === fenceChar.charCodeAt(0) || code > 127 || (code >= 10 && code <= 13);
}

/** The line's content after blockquote markers and indentation, as fences may sit in quotes and lists. */
function stripContainers(line: string): string {
  return line.replace(/^(?:\s*>)*\s*/, '');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The ranges of the text that hold prose (paragraphs, headings, lists, quotes, tables), in order. */
export function proseRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let proseStart = -1;
  const openProse = (at: number): void => {
    if (proseStart === -1) proseStart = at;
  };
  const closeProse = (at: number): void => {
    if (proseStart !== -1 && at > proseStart) ranges.push({ from: proseStart, to: at });
    proseStart = -1;
  };

  let fence: { char: string; length: number } | null = null;
  let inMath = false;
  let previousBlank = true;
  let inList = false;
  let inIndentedCode = false;

  const line = (lineFrom: number, lineTo: number): void => {
    // Fast paths: an empty line, or a line of plain prose, outside any block construct needs no
    // closer look (the general way below decides each the same).
    const first = text.charCodeAt(lineFrom);
    if (lineFrom === lineTo && fence === null && !inMath) {
      if (!inIndentedCode) openProse(lineFrom);
      previousBlank = true;
      return;
    }
    if (fence === null && !inMath && !inIndentedCode && proseStart !== -1) {
      if (isPlainProseStart(first)) {
        inList = first >= 48 && first <= 57 && isOrderedListMarker(text, lineFrom, lineTo);
        previousBlank = false;
        return;
      }
      if (isBulletThenProse(text, lineFrom)) {
        inList = true;
        previousBlank = false;
        return;
      }
    }
    if (fence !== null && !mayCloseFence(text, lineFrom, lineTo, fence.char)) {
      previousBlank = false;
      return;
    }
    const raw = text.slice(lineFrom, lineTo);
    if (fence !== null) {
      const closing = /^(`{3,}|~{3,})\s*$/.exec(stripContainers(raw));
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length) fence = null;
      previousBlank = false;
      return;
    }
    if (inMath) {
      if (raw.includes('$$')) inMath = false;
      previousBlank = false;
      return;
    }
    const blank = isBlank(raw);
    const indented = !blank && indentWidth(raw) >= 4;
    if (inIndentedCode && (indented || blank)) {
      previousBlank = blank;
      return;
    }
    inIndentedCode = false;
    if (indented && previousBlank && !inList) {
      closeProse(lineFrom);
      inIndentedCode = true;
      previousBlank = false;
      return;
    }
    const content = stripContainers(raw);
    const fenceOpen = FENCE_OPEN.exec(content);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) {
      closeProse(lineFrom);
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      previousBlank = false;
      return;
    }
    if (content.startsWith('$$') && !content.slice(2).includes('$$')) {
      closeProse(lineFrom);
      inMath = true;
      previousBlank = false;
      return;
    }
    if (content.startsWith('$$') && content.trimEnd().endsWith('$$') && content.trim().length >= 4) {
      closeProse(lineFrom);
      previousBlank = false;
      return;
    }
    if (LIST_ITEM.test(raw)) inList = true;
    else if (!blank && !indented) inList = false;
    openProse(lineFrom);
    previousBlank = blank;
  };
  const start = findFrontmatter(text)?.body ?? 0;
  // Most notes have `\n` line ends only: their lines are found with one indexOf each.
  if (text.indexOf('\r', start) === -1) {
    for (let from = start; from < text.length; ) {
      const to = text.indexOf('\n', from);
      if (to === -1) {
        line(from, text.length);
        break;
      }
      line(from, to);
      from = to + 1;
    }
  } else forEachLine(text, start, (from, to) => line(from, to));
  closeProse(text.length);
  return ranges;
}
