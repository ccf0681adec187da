/** The scanner's link constructs: wikilinks, markdown links and link reference definitions that name an ID. */
import { linkDefinition } from './definitions';
import { isLinkLabel, labelKey } from './referenceLabels';
import { lineBreakLength } from './lines';
import { isAsciiPunctuation } from './punctuation';
import { autolinkOrTagEnd } from './htmlTag';
import { digitIdLength, digitIdOffsetInTarget, idInDenoteLink, idInLinkTarget } from './links';
import { LITERAL, lineEnd, paragraphEnd, type Scan } from './scan';
import { SEARCH } from './searcher';
import { isTrimmed } from './whiteSpace';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// Within a paragraph brackets and escapes matter to pairing, and what binds more tightly than
// brackets: code spans, autolinks and inline HTML (CommonMark §6.3), which a `` ` `` or `<` may open.
const BRACKET_OR_ESCAPE = /[[\]\\`<]/g;

/**
 * Reports the link's reference when its target names an ID. `decodedTarget` is the target as the
 * link names it (a markdown link's is percent-decoded).
 */
function linkReference(
  scan: Scan, form: 'wikilink' | 'markdown', linkFrom: number, linkTo: number, embed: boolean,
  targetFrom: number, target: string, decodedTarget: string, subpathLength: number, displayFrom: number, displayLength: number,
): void {
  let offset: number;
  let id: string;
  const digits = digitIdLength(scan.format);
  if (digits !== 0) {
    // An all-digit format's ID, with no object or string made for it. A target with a scheme names
    // none: a scheme in the raw target is one in the decoded target too, which the search rules out.
    const found = digitIdOffsetInTarget(decodedTarget, digits);
    if (found === -1) return;
    offset = found;
    if (decodedTarget !== target) {
      offset = sameSegmentStart(decodedTarget, found, target);
      if (!target.startsWith(decodedTarget.slice(found, found + digits), offset)) return;
    }
    reportLink(scan, form, targetFrom + offset, targetFrom + offset + digits, linkFrom, linkTo, embed, targetFrom, targetFrom + target.length, subpathLength, displayFrom, displayLength);
    return;
  }
  if (form === 'markdown' && SCHEME.test(target)) {
    // Denote's own link form names the ID itself: `[desc](denote:20200310T094419)`.
    const denote = idInDenoteLink(target, scan.format);
    if (denote === null) return;
    ({ offset, id } = denote);
  } else {
    const found = idInLinkTarget(decodedTarget, scan.format);
    if (found === null) return;
    id = found.id;
    // The ID starts a segment of the decoded target; an escape in a folder's name before it
    // (`my%20notes/`) shortens the decoded target, so its place in the raw target is found by its
    // segment. The raw target must hold the ID itself there (not escaped digits).
    offset = decodedTarget === target ? found.offset : sameSegmentStart(decodedTarget, found.offset, target);
    if (!target.startsWith(id, offset)) return;
  }
  const from = targetFrom + offset;
  reportLink(scan, form, from, from + id.length, linkFrom, linkTo, embed, targetFrom, targetFrom + target.length, subpathLength, displayFrom, displayLength);
}

function reportLink(
  scan: Scan, form: 'wikilink' | 'markdown', from: number, to: number, linkFrom: number, linkTo: number, embed: boolean,
  targetFrom: number, targetTo: number, subpathLength: number, displayFrom: number, displayLength: number,
): void {
  // Held (a custom format's) in an array; otherwise handed straight on, with no array per link.
  if (scan.holding) scan.held = [form, from, to, linkFrom, linkTo, embed, targetFrom, targetTo, subpathLength, displayFrom, displayLength];
  else scan.sink.link(form, from, to, linkFrom, linkTo, embed, targetFrom, targetTo, subpathLength, displayFrom, displayLength);
}

/**
 * Where the segment of `decoded` starting at `offset` starts in `raw`: decodeURI leaves `/` and
 * `%2F` as they are, so both have the same `/` before it.
 */
function sameSegmentStart(decoded: string, offset: number, raw: string): number {
  let start = 0;
  for (let slash = decoded.indexOf('/'); slash !== -1 && slash < offset; slash = decoded.indexOf('/', slash + 1)) start = raw.indexOf('/', start) + 1;
  return start;
}

function safeDecode(target: string): string {
  if (!target.includes('%')) return target;
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/**
 * Where a wikilink's alias starts within its inner text [open, close), as `/\\?\|/` would find
 * it there: the first `|`, or the `\` right before it; -1 for none.
 */
function wikiPipe(scan: Scan, open: number, close: number): number {
  const { text } = scan;
  const bar = scan.search.indexOf(SEARCH.wikilinkPipe, '|', open);
  if (bar === -1 || bar >= close) return -1;
  return bar > open && text.charCodeAt(bar - 1) === 92 ? bar - 1 - open : bar - open;
}

export function wikilink(scan: Scan, at: number, embed: boolean): number {
  const { text } = scan;
  const open = at + (embed ? 3 : 2);
  const close = scan.search.indexOf(SEARCH.wikilinkClose, ']]', open);
  if (close === -1 || close > lineEnd(scan, open)) return LITERAL;
  // A `[[` before the closer opens the link, and this one is text: Obsidian links only the inner of
  // `[[a [[b]] c]]` (its metadata cache, seen in markdown-vault-mcp issue #1384), so a missing `]]`
  // never makes one link of two and the prose between them.
  const inner = scan.search.indexOf(SEARCH.wikilinkOpen, '[[', open);
  if (inner !== -1 && inner < close) return LITERAL;
  // Offsets into the link's inner text [open, close), found in the text itself (searches remembered,
  // so a note of many links is not searched to its end for each): no slice of the inner text.
  const pipe = wikiPipe(scan, open, close);
  const pathEnd = pipe === -1 ? close - open : pipe;
  const hashAt = scan.search.indexOf(SEARCH.wikilinkHash, '#', open);
  const hash = hashAt === -1 ? -1 : hashAt - open;
  const targetLength = hash >= 0 && hash < pathEnd ? hash : pathEnd;
  const target = text.slice(open, open + targetLength);
  const displayFrom = pipe === -1 ? 0 : open + pipe + (text.charCodeAt(open + pipe) === 92 ? 2 : 1);
  const displayLength = pipe === -1 ? -1 : close - displayFrom;
  linkReference(scan, 'wikilink', at, close + 2, embed, open, target, target, pathEnd - targetLength, displayFrom, displayLength);
  return close + 2;
}

/**
 * Pairs every `[` of [from, to), one paragraph's text, with its `]` in one pass. A bracket inside a
 * code span, an autolink or an inline tag pairs with none: those bind more tightly than brackets.
 */
function pairBrackets(scan: Scan, from: number, to: number): Map<number, number> {
  const { text } = scan;
  const pairs = new Map<number, number>();
  const open: number[] = [];
  BRACKET_OR_ESCAPE.lastIndex = from;
  // test(), not exec(): every match is one character, the one before lastIndex.
  while (BRACKET_OR_ESCAPE.test(text)) {
    const at = BRACKET_OR_ESCAPE.lastIndex - 1;
    if (at >= to) break;
    const char = text.charCodeAt(at);
    if (char === 92) BRACKET_OR_ESCAPE.lastIndex = at + 2;
    else if (char === 96) BRACKET_OR_ESCAPE.lastIndex = codeSpanEnd(scan, at, to);
    else if (char === 60) BRACKET_OR_ESCAPE.lastIndex = Math.max(autolinkOrTagEnd(text, at, to), at + 1);
    else if (char === 91) open.push(at);
    else {
      const start = open.pop();
      if (start !== undefined) pairs.set(start, at);
    }
  }
  return pairs;
}

/** Where a code span opened by the backtick run at `at` ends within [at, to), or, when none closes there, where the run ends. */
function codeSpanEnd(scan: Scan, at: number, to: number): number {
  const { text } = scan;
  let end = at;
  while (text.charCodeAt(end) === 96) end++;
  const close = scan.search.backtickRun(end - at, end);
  return close === -1 || close >= to ? end : close + end - at;
}

/**
 * The index of the `]` matching the `[` at `open`, within one paragraph, or -1. Brackets are paired
 * a paragraph at a time, from the first `[` asked about: pairs never cross the paragraph's end (a
 * blank line, or a line that starts another block), and brackets before that `[` can only take a
 * `]` no later `[` pairs with.
 */
function matchingBracket(scan: Scan, open: number): number {
  // Most brackets close on their own line with no bracket or escape inside: pairing would give the
  // first `]` (pairs from an earlier `[` give a later one the same partner, so no cache is needed).
  const { search } = scan;
  const close = search.indexOf(SEARCH.bracketClose, ']', open + 1);
  if (
    close !== -1 &&
    !isBefore(search.indexOf(SEARCH.bracketOpen, '[', open + 1), close) &&
    !isBefore(search.indexOf(SEARCH.backslash, '\\', open + 1), close) &&
    !isBefore(search.indexOf(SEARCH.backtick, '`', open + 1), close) &&
    !isBefore(search.indexOf(SEARCH.lessThan, '<', open + 1), close) &&
    close < lineEnd(scan, open)
  ) {
    return close;
  }
  if (scan.brackets === null || open >= scan.bracketsTo) {
    const end = paragraphEnd(scan, open);
    scan.brackets = pairBrackets(scan, open, end);
    scan.bracketsTo = end;
    scan.linkOpens = null;
  }
  return scan.brackets.get(open) ?? -1;
}

/** Whether a search's answer (-1 for none) comes before `at`. */
function isBefore(found: number, at: number): boolean {
  return found !== -1 && found < at;
}

/**
 * Parses `(dest "title")` at `at`: the destination's range and the end of the construct, written
 * to `found` ([from, to, end]); false when there is none.
 */
function destination(scan: Scan, at: number, found: number[]): boolean {
  const { text, limit } = scan;
  let i = skipSpacesAndTabs(text, at + 1, limit);
  // One line break may stand before the destination (CommonMark §6.3), within the paragraph: the
  // line after it starts no block (a blank one ends the paragraph too, and holds no destination).
  const lineBreak = lineBreakLength(text, i);
  if (lineBreak > 0) {
    const next = afterLineStart(text, i + lineBreak, limit);
    if (next < paragraphEnd(scan, at)) i = next;
  }
  let from: number;
  let to: number;
  if (text[i] === '<') {
    // `<…>`: no line break and no `<` or `>` but escaped ones.
    from = i + 1;
    for (to = from; to < limit; to++) {
      const code = text.charCodeAt(to);
      if (code === 62) break;
      if (code === 60 || code === 10 || code === 13) return false;
      if (code === 92 && isAsciiPunctuation(text.charCodeAt(to + 1))) to++;
    }
    if (to >= limit) return false;
    i = to + 1;
  } else {
    from = i;
    let depth = 0;
    for (; i < limit; i++) {
      const char = text[i];
      // A backslash escapes only punctuation: before a space it is text, and the space ends the destination.
      if (char === '\\' && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
      else if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') break;
    }
    // Its parentheses balance (CommonMark §6.3): `(a` is no destination.
    if (depth !== 0) return false;
    to = i;
  }
  const close = closingParen(scan, i);
  if (close === -1) return false;
  found[0] = from;
  found[1] = to;
  found[2] = close + 1;
  return true;
}

/**
 * Where the `)` ending a link stands after its destination (which ends at `at`), past an optional
 * title in `"…"`, `'…'` or `(…)` (a quoted one may hold a `)`: `[t](ID.md "a)b")`); -1 when
 * anything else stands there.
 */
function closingParen(scan: Scan, at: number): number {
  const { text } = scan;
  // A title, and the `)`, never stand past the paragraph's end (a blank line, or a line that starts a block).
  const limit = paragraphEnd(scan, at);
  let i = skipTrimmed(text, at, limit);
  const opener = text.charCodeAt(i);
  if (opener === 34 || opener === 39) {
    // The next quote of the same kind is near: every opener of a run of links holds one.
    i++;
    while (i < limit && text.charCodeAt(i) !== opener) i += text.charCodeAt(i) === 92 ? 2 : 1;
    if (i >= limit) return -1;
    i = skipTrimmed(text, i + 1, limit);
  } else if (opener === 40) {
    // A remembered search: a line of `[x](a (` with no `)` is searched once, not from every opener.
    // The first `)` ends the title (a `\)` in it too, where CommonMark reads on: rare, and counting
    // backslashes before each `)` could make a hostile line quadratic).
    const close = scan.search.indexOf(SEARCH.parenClose, ')', i + 1);
    if (close === -1 || close >= limit) return -1;
    i = skipTrimmed(text, close + 1, limit);
  }
  return i < limit && text.charCodeAt(i) === 41 ? i : -1;
}

function skipSpacesAndTabs(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** Past white space, line breaks too, and the quote markers that start each line after one. */
export function skipTrimmed(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isTrimmed(text.charCodeAt(i))) i = isBreak(text.charCodeAt(i)) ? afterLineStart(text, i + 1, limit) : i + 1;
  return i;
}

// A line's quote markers (each after at most three spaces) and the white space after them.
const LINE_START = /(?: {0,3}>[ \t]?)*[ \t]*/y;

/** Where the content of the line starting at `lineStart` begins: past its quote markers (a quote's paragraph goes on there) and white space. */
export function afterLineStart(text: string, lineStart: number, limit: number): number {
  LINE_START.lastIndex = lineStart;
  LINE_START.test(text);
  return Math.min(LINE_START.lastIndex, limit);
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Reports the markdown-form reference of a link or definition whose destination is text[destFrom, destTo). */
function markdownReference(scan: Scan, linkFrom: number, linkTo: number, embed: boolean, displayFrom: number, displayTo: number, destFrom: number, destTo: number): void {
  const raw = scan.text.slice(destFrom, destTo);
  const hash = raw.indexOf('#');
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const subpathLength = hash === -1 ? 0 : raw.length - hash;
  linkReference(scan, 'markdown', linkFrom, linkTo, embed, destFrom, target, safeDecode(target), subpathLength, displayFrom, displayTo - displayFrom);
}

/** A link reference definition (`[label]: destination`), or LITERAL when the label opens none. */
function definition(scan: Scan, open: number, close: number): number {
  const found = linkDefinition(
    { text: scan.text, rangeFrom: scan.rangeFrom, limit: scan.limit, lastDefinitionEnd: scan.lastDefinitionEnd, lineEnd: (at) => lineEnd(scan, at), blocks: scan.blocks },
    open,
    close,
  );
  if (found === null) return LITERAL;
  scan.lastDefinitionEnd = found.end;
  markdownReference(scan, open, found.linkEnd, false, open + 1, close, found.destinationFrom, found.destinationTo);
  return found.end;
}

export function markdownLink(scan: Scan, at: number, embed: boolean): number {
  const { text } = scan;
  const open = at + (embed ? 1 : 0);
  const close = matchingBracket(scan, open);
  if (close === -1) return LITERAL;
  // Links may not contain links (CommonMark §6.3): then these brackets are text, and the scan goes
  // on inside them. An image may hold a link.
  if (!embed && holdsLink(scan, open, close)) return LITERAL;
  const after = text.charCodeAt(close + 1);
  if (after === 40) {
    const dest = scan.destination;
    if (destination(scan, close + 1, dest)) {
      const end = dest[2];
      markdownReference(scan, at, end, embed, open + 1, close, dest[0], dest[1]);
      return end;
    }
  } else if (after === 91) {
    // A label right after the text makes a full reference (`[text][label]`) or, empty, a collapsed
    // one (`[text][]`): either is a link only when the note defines its label, and never a shortcut.
    const labelClose = matchingBracket(scan, close + 1);
    if (labelClose > close + 2 && isLinkLabel(text, close + 1, labelClose)) return isDefined(scan, close + 1, labelClose) ? labelClose + 1 : LITERAL;
    if (labelClose === close + 2) return isDefined(scan, open, close) ? labelClose + 1 : LITERAL;
  } else if (after === 58) {
    // A definition's label stands first on its line, so an embed's `!` never opens one.
    const end = definition(scan, open, close);
    if (end !== LITERAL) return end;
  }
  // A shortcut reference (`[text]`).
  return isDefined(scan, open, close) ? close + 1 : LITERAL;
}

/**
 * Whether the brackets at `open` and `close` hold a link: brackets inside them that make an inline
 * link or a defined reference (an image is no link, but what it holds may be). The `[`s of the
 * paragraph that make a link are found once, so nested brackets cost no more than their number.
 */
function holdsLink(scan: Scan, open: number, close: number): boolean {
  if (!isBefore(scan.search.indexOf(SEARCH.bracketOpen, '[', open + 1), close)) return false;
  // An inner `[` means the pairing of the paragraph from `open` on was done (matchingBracket).
  if (scan.linkOpens === null) scan.linkOpens = linkOpensOf(scan, scan.brackets as Map<number, number>);
  const opens = scan.linkOpens;
  let low = 0;
  let high = opens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (opens[middle] <= open) low = middle + 1;
    else high = middle;
  }
  return low < opens.length && opens[low] < close;
}

/**
 * The `[`s among the pairs that make a link, in order. A wikilink's do not: CommonMark has none,
 * and whether Obsidian lets one stand in link text is not known.
 */
function linkOpensOf(scan: Scan, pairs: Map<number, number>): number[] {
  const { text } = scan;
  const opens: number[] = [];
  for (const open of pairs.keys()) {
    const before = text.charCodeAt(open - 1);
    if (before === 33 || before === 91 || text.charCodeAt(open + 1) === 91) continue;
    if (formsLink(scan, open)) opens.push(open);
  }
  return opens.sort((a, b) => a - b);
}

/** Whether the `[` at `open` makes a link as markdownLink reads it (a definition cannot stand in link text). */
function formsLink(scan: Scan, open: number): boolean {
  const { text } = scan;
  const close = matchingBracket(scan, open);
  if (close === -1) return false;
  const after = text.charCodeAt(close + 1);
  if (after === 40 && destination(scan, close + 1, scan.destination)) return true;
  if (after === 91) {
    // A full reference is a link by its label; a collapsed one (`[text][]`) by its text, as a shortcut is.
    const labelClose = matchingBracket(scan, close + 1);
    if (labelClose > close + 2 && isLinkLabel(text, close + 1, labelClose)) return isDefined(scan, close + 1, labelClose);
  }
  return isDefined(scan, open, close);
}

/** Whether the brackets at `open` and `close` hold a label the note defines (read on first need). */
function isDefined(scan: Scan, open: number, close: number): boolean {
  const { text } = scan;
  scan.labels ??= scan.readLabels(scan);
  return scan.labels.size !== 0 && isLinkLabel(text, open, close) && scan.labels.has(labelKey(text, open, close));
}
