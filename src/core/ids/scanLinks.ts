/** The scanner's link constructs: wikilinks, markdown links and link reference definitions that name an ID. */
import { linkDefinition } from './definitions';
import { lineBreakLength } from './lines';
import { idInDenoteLink, idInLinkTarget } from './links';
import { LITERAL, lineEnd, type ReferenceSink, type Scan } from './scan';
import { SEARCH } from './searcher';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const WIKI_PIPE = /\\?\|/;
// Brackets, escapes, and line breaks (where a blank line may end the paragraph).
const BRACKET_OR_BREAK = /[[\]\\\r\n]/g;

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
  if (form === 'markdown' && SCHEME.test(target)) {
    // Denote's own link form names the ID itself: `[desc](denote:20200310T094419)`.
    const denote = idInDenoteLink(target, scan.format);
    if (denote === null) return;
    ({ offset, id } = denote);
  } else {
    const found = idInLinkTarget(decodedTarget, scan.format);
    if (found === null) return;
    ({ offset, id } = found);
    // Percent-decoding never changes the characters before the ID's own segment ends, so the offset
    // into the decoded target is valid only when the raw target holds the same ID at the same place.
    if (!target.startsWith(id, offset)) return;
  }
  const from = targetFrom + offset;
  const args: Parameters<ReferenceSink['link']> = [form, from, from + id.length, linkFrom, linkTo, embed, targetFrom, targetFrom + target.length, subpathLength, displayFrom, displayLength];
  if (scan.holding) scan.held = args;
  else scan.sink.link(...args);
}

function safeDecode(target: string): string {
  if (!target.includes('%')) return target;
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

export function wikilink(scan: Scan, at: number, embed: boolean): number {
  const { text } = scan;
  const open = at + (embed ? 3 : 2);
  const close = scan.search.indexOf(SEARCH.wikilinkClose, ']]', open);
  if (close === -1 || close > lineEnd(scan, open)) return LITERAL;
  const inner = text.slice(open, close);
  const pipe = inner.search(WIKI_PIPE);
  const pathEnd = pipe === -1 ? inner.length : pipe;
  const hash = inner.indexOf('#');
  const targetLength = hash !== -1 && hash < pathEnd ? hash : pathEnd;
  const target = inner.slice(0, targetLength);
  const displayFrom = pipe === -1 ? 0 : open + pipe + (inner[pipe] === '\\' ? 2 : 1);
  const displayLength = pipe === -1 ? -1 : close - displayFrom;
  linkReference(scan, 'wikilink', at, close + 2, embed, open, target, target, pathEnd - targetLength, displayFrom, displayLength);
  return close + 2;
}

/** Length of the blank line starting with the line break at `at` (through its second break), or 0. */
function blankLineLength(text: string, at: number): number {
  let end = at + lineBreakLength(text, at);
  while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
  const second = lineBreakLength(text, end);
  return second === 0 ? 0 : end + second - at;
}

/** Pairs every `[` of the range with its `]` in one pass; brackets never pair across a blank line. */
function pairBrackets(text: string, from: number, to: number): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  BRACKET_OR_BREAK.lastIndex = from;
  // test(), not exec(): every match is one character, the one before lastIndex.
  while (BRACKET_OR_BREAK.test(text)) {
    const at = BRACKET_OR_BREAK.lastIndex - 1;
    if (at >= to) break;
    const char = text.charCodeAt(at);
    if (char === 92) BRACKET_OR_BREAK.lastIndex = at + 2;
    else if (char === 91) open.push(at);
    else if (char === 93) {
      const start = open.pop();
      if (start !== undefined) pairs.set(start, at);
    } else {
      // A line break: a blank line after it ends the paragraph, and no bracket pairs across it.
      const blank = blankLineLength(text, at);
      if (blank > 0) {
        open.length = 0;
        BRACKET_OR_BREAK.lastIndex = at + blank;
      }
    }
  }
  return pairs;
}

/** The index of the `]` matching the `[` at `open`, within one paragraph, or -1. */
function matchingBracket(scan: Scan, open: number): number {
  if (scan.brackets === null) scan.brackets = pairBrackets(scan.text, open, scan.limit);
  return scan.brackets.get(open) ?? -1;
}

/**
 * Parses `(dest "title")` at `at`: the destination's range and the end of the construct, written
 * to `found` ([from, to, end]); false when there is none.
 */
function destination(scan: Scan, at: number, found: number[]): boolean {
  const { text, limit } = scan;
  let i = at + 1;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  let from: number;
  let to: number;
  if (text[i] === '<') {
    from = i + 1;
    to = text.indexOf('>', from);
    if (to === -1 || to >= limit || /[\r\n]/.test(text.slice(from, to))) return false;
    i = to + 1;
  } else {
    from = i;
    let depth = 0;
    for (; i < limit; i++) {
      const char = text[i];
      if (char === '\\') i++;
      else if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') break;
    }
    to = i;
  }
  const close = scan.search.indexOf(SEARCH.parenClose, ')', i);
  if (close === -1 || close >= limit) return false;
  const between = text.slice(i, close).trim();
  if (between !== '' && !/^(?:"[^"]*"|'[^']*'|\([^)]*\))$/.test(between)) return false;
  found[0] = from;
  found[1] = to;
  found[2] = close + 1;
  return true;
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
    { text: scan.text, rangeFrom: scan.rangeFrom, limit: scan.limit, lastDefinitionEnd: scan.lastDefinitionEnd, lineEnd: (at) => lineEnd(scan, at) },
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
  const after = text[close + 1];
  if (after === '[') {
    const refClose = matchingBracket(scan, close + 1);
    return refClose === -1 ? LITERAL : refClose + 1;
  }
  // A definition's label stands first on its line, so an embed's `!` never opens one.
  if (after === ':') return definition(scan, open, close);
  if (after !== '(') return LITERAL;
  const dest = scan.destination;
  if (!destination(scan, close + 1, dest)) return LITERAL;
  const end = dest[2];
  markdownReference(scan, at, end, embed, open + 1, close, dest[0], dest[1]);
  return end;
}
