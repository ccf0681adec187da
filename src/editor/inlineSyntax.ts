/**
 * Inline syntax the editor's syntax tree leaves ambiguous, decided from the text around an ID (its
 * paragraph, ./paragraph) the way the core scanner decides it, so that the editor and the core
 * agree on every bare ID:
 *
 * - `[text]` is a link only with a destination `(…)`, as a definition `[label]:` at the start of a
 *   line, inside `[[…]]` (a wikilink), or as a reference (`[text][label]`, `[text][]`, `[text]`)
 *   whose label the note defines; `[202108191025]` alone is literal text (CommonMark, and
 *   Obsidian's Reading view), while both parsers style any `[…]` as link text.
 * - An HTML tag's attributes are not prose; a stream parser styles their values as plain strings.
 *
 * Positions are offsets into that text.
 */
import { HTML_TAG_SOURCE } from '../core/ids/htmlTag';
import { isLinkLabel } from '../core/ids/referenceLabels';
import { isAsciiPunctuation } from '../core/ids/punctuation';
import { afterLineStart, skipTrimmed } from '../core/ids/scanLinks';

// The tag shapes the core scanner skips: open and close tags, declarations, processing instructions.
const HTML_TAG = new RegExp(HTML_TAG_SOURCE, 'y');

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Where a text's brackets and `<` stand, found once for all the IDs in it: the walks from an ID go
 * from one to the next instead of over every character.
 */
export class TextMarks {
  /** Offsets of every `[` and `]` (escaped ones too), in order. */
  readonly brackets: number[] = [];
  /** Offsets of every `<`, in order. */
  readonly angles: number[] = [];

  constructor(readonly text: string) {
    let open = text.indexOf('[');
    let close = text.indexOf(']');
    while (open !== -1 || close !== -1) {
      if (close === -1 || (open !== -1 && open < close)) {
        this.brackets.push(open);
        open = text.indexOf('[', open + 1);
      } else {
        this.brackets.push(close);
        close = text.indexOf(']', close + 1);
      }
    }
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) this.angles.push(at);
  }
}

/** The index in `offsets` (sorted) of the last offset before `at`, or -1. */
function lastIndexBefore(offsets: readonly number[], at: number): number {
  if (offsets.length === 0 || offsets[0] >= at) return -1;
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle] < at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The `]` that closes the `[` at `brackets[index]`, or -1 when the text ends first. */
function closingBracket(marks: TextMarks, index: number): number {
  const { text, brackets } = marks;
  let depth = 0;
  for (let i = index + 1; i < brackets.length; i++) {
    const at = brackets[i];
    if (isEscaped(text, at)) continue;
    if (text[at] === '[') depth++;
    else if (depth === 0) return at;
    else depth--;
  }
  return -1;
}

/** What the note's link reference definitions say about brackets in a text of the note. */
export interface NoteLabels {
  /** Whether the brackets at `open` and `close` hold a label the note defines. */
  defined(text: string, open: number, close: number): boolean;
  /** Whether the `[` at `open` opens a definition, as the whole note reads it. */
  opensDefinition(open: number): boolean;
}

/**
 * Whether the brackets around [from, to) make it link syntax. What the text cannot tell (brackets
 * that close past its end, when it is cut short of its paragraph's) is left to the parser:
 * `parserSaysLink` is what to answer then.
 */
export function bracketsFormLink(marks: TextMarks, from: number, to: number, labels: NoteLabels, parserSaysLink: boolean): boolean {
  const { text, brackets } = marks;
  let depth = 0;
  let sawPair = false;
  for (let index = lastIndexBefore(brackets, from); index >= 0; index--) {
    const open = brackets[index];
    if (isEscaped(text, open)) continue;
    if (text[open] === ']') {
      depth++;
      continue;
    }
    if (depth > 0) {
      depth--;
      continue;
    }
    const close = closingBracket(marks, index);
    if (close === -1) return parserSaysLink;
    if (close < to) continue;
    sawPair = true;
    // Links may not contain links (CommonMark): then these brackets are text. An image may hold one.
    if (text[open - 1] !== '!' && holdsLink(marks, index, close, labels)) continue;
    const after = text[close + 1];
    if (after === '(') {
      // An inline link; if what follows is no destination, the text may still be a shortcut.
      const inline = inlineDestination(text, close + 1);
      if (inline ?? parserSaysLink) return true;
    }
    // `[[…]]` on one line is a wikilink, whichever way a parser styles its inner brackets; over a
    // line break it is none (as the core scanner reads it), and its inner brackets decide below.
    if (after === ']' && open > 0 && text[open - 1] === '[' && !/[\r\n]/.test(text.slice(open, close))) return true;
    if (after === '[') {
      // A full or collapsed reference: a link when its label is defined, and never a shortcut.
      // The label's `[` is the last bracket before close + 2.
      const labelClose = closingBracket(marks, lastIndexBefore(brackets, close + 2));
      if (labelClose === -1) {
        // A label that a whole paragraph never closes is text: the brackets before it may still
        // be a shortcut (below). Where the text is cut short, the parser says.
        if (parserSaysLink) return true;
      } else if (labelClose > close + 2 && isLinkLabel(text, close + 1, labelClose)) {
        if (labels.defined(text, close + 1, labelClose)) return true;
        continue;
      } else if (labelClose === close + 2) {
        if (labels.defined(text, open, close)) return true;
        continue;
      }
    } else if (after === ':' && labels.opensDefinition(open)) {
      return true;
    }
    // A shortcut reference.
    if (labels.defined(text, open, close)) return true;
  }
  return !sawPair && parserSaysLink;
}

/**
 * Whether brackets inside the pair whose `[` is `brackets[index]` and whose `]` is at `close` make a
 * link, as the core scanner reads one (src/core/ids/scanLinks.ts holdsLink): an inline link or a
 * defined reference; a wikilink's and an image's brackets do not.
 */
function holdsLink(marks: TextMarks, index: number, close: number, labels: NoteLabels): boolean {
  const { text, brackets } = marks;
  for (let i = index + 1; i < brackets.length && brackets[i] < close; i++) {
    const open = brackets[i];
    if (text[open] !== '[' || isEscaped(text, open) || text[open - 1] === '!' || text[open - 1] === '[' || text[open + 1] === '[') continue;
    if (formsLinkAt(marks, i, labels)) return true;
  }
  return false;
}

/** Whether the `[` at `brackets[index]` makes a link itself: an inline link, or a reference the note defines. */
function formsLinkAt(marks: TextMarks, index: number, labels: NoteLabels): boolean {
  const { text, brackets } = marks;
  const open = brackets[index];
  const close = closingBracket(marks, index);
  if (close === -1) return false;
  const after = text[close + 1];
  if (after === '(' && inlineDestination(text, close + 1) === true) return true;
  if (after === '[') {
    // A full reference is a link by its label; a collapsed one (`[text][]`) by its text, as a shortcut is.
    const labelClose = closingBracket(marks, lastIndexBefore(brackets, close + 2));
    if (labelClose > close + 2 && isLinkLabel(text, close + 1, labelClose)) return labels.defined(text, close + 1, labelClose);
  }
  return labels.defined(text, open, close);
}

function skipSpacesAndTabs(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/**
 * Whether the `(` at `paren` opens an inline link's destination and title, closed by `)`, as the
 * core scanner reads one (src/core/ids/scanLinks.ts); null when they run past the text.
 */
function inlineDestination(text: string, paren: number): boolean | null {
  let at = skipSpacesAndTabs(text, paren + 1);
  // One line break may stand before the destination (CommonMark §6.3).
  const lineBreak = text.startsWith('\r\n', at) ? 2 : text[at] === '\n' || text[at] === '\r' ? 1 : 0;
  if (lineBreak > 0) at = afterLineStart(text, at + lineBreak, text.length);
  if (text[at] === '<') {
    // An angle destination holds no line break, and no `<` or `>` but escaped ones.
    let close = at + 1;
    for (; close < text.length; close++) {
      const code = text.charCodeAt(close);
      if (code === 62) break;
      if (code === 60 || code === 10 || code === 13) return false;
      if (code === 92 && isAsciiPunctuation(text.charCodeAt(close + 1))) close++;
    }
    if (close >= text.length) return null;
    at = close + 1;
  } else {
    let depth = 0;
    for (; at < text.length; at++) {
      const char = text[at];
      // A backslash escapes only punctuation: before a space it is text, and the space ends the destination.
      if (char === '\\' && isAsciiPunctuation(text.charCodeAt(at + 1))) at++;
      else if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') break;
    }
    // Its parentheses balance (CommonMark §6.3): `(a` is no destination.
    if (depth !== 0) return at >= text.length ? null : false;
  }
  // After the destination and the title, any white space, line breaks too (the scanner's skipTrimmed).
  at = skipTrimmed(text, at, text.length);
  const opener = text[at];
  if (opener === '"' || opener === "'") {
    at++;
    while (at < text.length && text[at] !== opener) at += text[at] === '\\' ? 2 : 1;
    at = skipTrimmed(text, at + 1, text.length);
  } else if (opener === '(') {
    const close = text.indexOf(')', at + 1);
    if (close === -1) return null;
    at = skipTrimmed(text, close + 1, text.length);
  }
  return at >= text.length ? null : text[at] === ')';
}

/** Whether [from, to) lies inside an HTML tag (`<span data-x="…">`). */
export function insideHtmlTag(marks: TextMarks, from: number, to: number): boolean {
  const { text, angles } = marks;
  // A tag holds no `<`, so only the nearest one before the ID can open it.
  const index = lastIndexBefore(angles, from);
  const open = index < 0 ? -1 : angles[index];
  // A comment is no tag (the declaration's shape would take it): the tree marks comments, and the
  // core reads them by their own rule.
  if (open < 0 || text.startsWith('<!--', open)) return false;
  HTML_TAG.lastIndex = open;
  const tag = HTML_TAG.exec(text);
  return tag !== null && open + tag[0].length >= to;
}
