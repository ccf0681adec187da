/**
 * The whole-note scanner: bare IDs in prose and IDs that are link targets, skipping everything
 * PRODUCT.md excludes. A hand-written skip-span lexer: block structure from `proseRanges`, then one
 * pass over each prose range that jumps from one special character to the next.
 */
import type { IdFormat } from './formats';
import type { IdMatch, LinkParts, ScannedReference } from '../types';
import { proseRanges } from './blocks';
import { collectIdsInRange, idRegex } from './prose';
import { linkDefinition } from './definitions';
import { idInDenoteLink, idInLinkTarget } from './links';
import { ForwardSearcher } from './searcher';

// Every character that can open an inline construct whose text is not prose. A single character
// class lets the regex engine skip plain text fast; the token is read from the text afterwards.
const SPECIAL = /[`$<%[\\]/g;
// Sticky, so a tag is matched where it starts without slicing the text.
const HTML_TAG = /<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|![^<>]*>|\?[^<>]*\?>)/y;
const AUTOLINK = /<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/y;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** What every construct parser needs: the text, the format, and memoised forward searches. */
interface Scan {
  readonly text: string;
  readonly format: IdFormat;
  readonly search: ForwardSearcher;
  /** Matching `]` for each `[` of the current prose range, computed once per range. */
  brackets: Map<number, number> | null;
  /** Start and end of the current prose range. */
  rangeFrom: number;
  limit: number;
  /** End of the last link reference definition found in the current range, or -1. */
  lastDefinitionEnd: number;
}

interface Span {
  /** End of the construct: prose resumes here. */
  readonly end: number;
  readonly reference?: ScannedReference;
}

// A line break (`\r\n`, lone `\r` or `\n`), then only spaces or tabs up to the next one.
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;
const LINE_BREAK = /[\r\n]/g;

/** The end of the paragraph holding `at` (a blank line), capped at the range's end. */
function paragraphEnd(scan: Scan, at: number): number {
  const blank = scan.search.regexStart('blank', BLANK_LINE, at);
  return blank === -1 ? scan.limit : Math.min(blank, scan.limit);
}

/** The end of the line holding `at` (before its break), capped at the range's end. */
function lineEnd(scan: Scan, at: number): number {
  const newline = scan.search.regexStart('eol', LINE_BREAK, at);
  return newline === -1 ? scan.limit : Math.min(newline, scan.limit);
}

function codeSpan(scan: Scan, at: number, ticks: number): Span | null {
  const close = scan.search.backtickRun(ticks, at + ticks);
  return close === -1 || close >= paragraphEnd(scan, at) ? null : { end: close + ticks };
}

function inlineMath(scan: Scan, at: number): Span | null {
  const first = scan.text[at + 1];
  if (first === undefined || /\s/.test(first)) return null;
  const close = scan.search.mathCloser(at + 2);
  return close === -1 || close >= lineEnd(scan, at) ? null : { end: close + 1 };
}

/** A comment runs to its closer, or to the end of the range when unclosed (as Obsidian renders it). */
function closedBy(scan: Scan, at: number, closer: string): Span {
  const close = scan.search.indexOf(closer, at);
  return { end: close === -1 || close + closer.length > scan.limit ? scan.limit : close + closer.length };
}

function linkReference(format: IdFormat, form: 'wikilink' | 'markdown', link: LinkParts, decodedTarget: string): ScannedReference | undefined {
  if (form === 'markdown' && SCHEME.test(link.target)) {
    // Denote's own link form names the ID itself: `[desc](denote:20200310T094419)`.
    const denote = idInDenoteLink(link.target, format);
    return denote === null ? undefined : { id: denote.id, form, from: link.targetFrom + denote.offset, to: link.targetFrom + denote.offset + denote.id.length, link };
  }
  const found = idInLinkTarget(decodedTarget, format);
  if (found === null) return undefined;
  // Percent-decoding never changes the characters before the ID's own segment ends, so the offset
  // into the decoded target is valid only when the raw target holds the same ID at the same place.
  const from = link.targetFrom + found.offset;
  if (link.target.slice(found.offset, found.offset + found.id.length) !== found.id) return undefined;
  return { id: found.id, form, from, to: from + found.id.length, link };
}

function safeDecode(target: string): string {
  if (!target.includes('%')) return target;
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

function wikilink(scan: Scan, at: number, embed: boolean): Span | null {
  const { text, format } = scan;
  const open = at + (embed ? 3 : 2);
  const close = scan.search.indexOf(']]', open);
  if (close === -1 || close > lineEnd(scan, open)) return null;
  const inner = text.slice(open, close);
  const pipe = inner.search(/\\?\|/);
  const pathPart = pipe === -1 ? inner : inner.slice(0, pipe);
  const hash = pathPart.indexOf('#');
  const target = hash === -1 ? pathPart : pathPart.slice(0, hash);
  const display = pipe === -1 ? null : inner.slice(pipe + (inner[pipe] === '\\' ? 2 : 1));
  const link: LinkParts = {
    from: at,
    to: close + 2,
    embed,
    target,
    targetFrom: open,
    targetTo: open + target.length,
    subpath: hash === -1 ? '' : pathPart.slice(hash),
    display,
  };
  return { end: link.to, reference: linkReference(format, 'wikilink', link, target) };
}

const BRACKET_OR_BREAK = /[[\]\\]|(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;

/** Pairs every `[` of the range with its `]` in one pass; brackets never pair across a blank line. */
function pairBrackets(text: string, from: number, to: number): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  BRACKET_OR_BREAK.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = BRACKET_OR_BREAK.exec(text)) !== null && match.index < to) {
    const char = match[0];
    if (char === '\\') BRACKET_OR_BREAK.lastIndex = match.index + 2;
    else if (char === '[') open.push(match.index);
    else if (char === ']') {
      const start = open.pop();
      if (start !== undefined) pairs.set(start, match.index);
    } else open.length = 0;
  }
  return pairs;
}

/** The index of the `]` matching the `[` at `open`, within one paragraph, or -1. */
function matchingBracket(scan: Scan, open: number): number {
  if (scan.brackets === null) scan.brackets = pairBrackets(scan.text, open, scan.limit);
  return scan.brackets.get(open) ?? -1;
}

/** Parses `(dest "title")` at `at`; returns the destination's range and the end of the construct. */
function destination(scan: Scan, at: number): { from: number; to: number; end: number } | null {
  const { text, limit } = scan;
  let i = at + 1;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  let from: number;
  let to: number;
  if (text[i] === '<') {
    from = i + 1;
    to = text.indexOf('>', from);
    if (to === -1 || to >= limit || /[\r\n]/.test(text.slice(from, to))) return null;
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
  const close = scan.search.indexOf(')', i);
  if (close === -1 || close >= limit) return null;
  const between = text.slice(i, close).trim();
  if (between !== '' && !/^(?:"[^"]*"|'[^']*'|\([^)]*\))$/.test(between)) return null;
  return { from, to, end: close + 1 };
}

/** The markdown-form reference of a link or definition whose destination is text[destFrom, destTo). */
function markdownReference(scan: Scan, parts: { from: number; to: number; embed: boolean; display: string }, destFrom: number, destTo: number): ScannedReference | undefined {
  const raw = scan.text.slice(destFrom, destTo);
  const hash = raw.indexOf('#');
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const link: LinkParts = {
    ...parts,
    target,
    targetFrom: destFrom,
    targetTo: destFrom + target.length,
    subpath: hash === -1 ? '' : raw.slice(hash),
  };
  return linkReference(scan.format, 'markdown', link, safeDecode(target));
}

/** A link reference definition (`[label]: destination`), or null when the label opens none. */
function definition(scan: Scan, open: number, close: number): Span | null {
  const found = linkDefinition(
    { text: scan.text, rangeFrom: scan.rangeFrom, limit: scan.limit, lastDefinitionEnd: scan.lastDefinitionEnd, lineEnd: (at) => lineEnd(scan, at) },
    open,
    close,
  );
  if (found === null) return null;
  scan.lastDefinitionEnd = found.end;
  const parts = { from: open, to: found.linkEnd, embed: false, display: scan.text.slice(open + 1, close) };
  return { end: found.end, reference: markdownReference(scan, parts, found.destinationFrom, found.destinationTo) };
}

function markdownLink(scan: Scan, at: number, embed: boolean): Span | null {
  const { text } = scan;
  const open = at + (embed ? 1 : 0);
  const close = matchingBracket(scan, open);
  if (close === -1) return null;
  const after = text[close + 1];
  if (after === '[') {
    const refClose = matchingBracket(scan, close + 1);
    return refClose === -1 ? null : { end: refClose + 1 };
  }
  // A definition's label stands first on its line, so an embed's `!` never opens one.
  if (after === ':') return definition(scan, open, close);
  if (after !== '(') return null;
  const dest = destination(scan, close + 1);
  if (dest === null) return null;
  const parts = { from: at, to: dest.end, embed, display: text.slice(open + 1, close) };
  return { end: dest.end, reference: markdownReference(scan, parts, dest.from, dest.to) };
}

/** The construct that starts with `token` at `at`, or null when the characters are literal text. */
function htmlTag(scan: Scan, at: number): Span | null {
  for (const pattern of [AUTOLINK, HTML_TAG]) {
    pattern.lastIndex = at;
    const match = pattern.exec(scan.text);
    if (match !== null && at + match[0].length <= scan.limit) return { end: at + match[0].length };
  }
  return null;
}

function specialSpan(scan: Scan, at: number, token: string): Span | null {
  const first = token[0];
  if (first === '`') return codeSpan(scan, at, token.length);
  if (first === '\\') return token.length === 2 ? { end: at + 2 } : null;
  if (token === '$$') {
    const close = scan.search.indexOf('$$', at + 2);
    return close === -1 || close + 2 > scan.limit ? null : { end: close + 2 };
  }
  if (first === '$') return inlineMath(scan, at);
  if (token === '<!--') return closedBy(scan, at + 4, '-->');
  if (token === '%%') return closedBy(scan, at + 2, '%%');
  if (token === '[[' || token === '![[') return wikilink(scan, at, first === '!');
  if (token === '[' || token === '![') return markdownLink(scan, at, first === '!');
  if (token === '<') return htmlTag(scan, at);
  return null;
}

/** The construct opener at `at` (where SPECIAL matched), widened to a preceding `!` for embeds. */
function tokenAt(text: string, at: number, proseFrom: number): string {
  const char = text[at];
  const next = text[at + 1];
  switch (char) {
    case '`': {
      let end = at + 1;
      while (text.charCodeAt(end) === 96) end++;
      return text.slice(at, end);
    }
    case '$':
      return next === '$' ? '$$' : '$';
    case '%':
      return next === '%' ? '%%' : '%';
    case '<':
      return text.startsWith('<!--', at) ? '<!--' : '<';
    case '\\':
      return next !== undefined && /[!-/:-@[-`{-~]/.test(next) ? '\\' + next : '\\';
    default: {
      const bracket = next === '[' ? '[[' : '[';
      return at > proseFrom && text[at - 1] === '!' ? '!' + bracket : bracket;
    }
  }
}

function scanProseRange(scan: Scan, from: number, to: number, out: ScannedReference[]): void {
  const { text, format } = scan;
  scan.rangeFrom = from;
  scan.limit = to;
  scan.lastDefinitionEnd = -1;
  scan.brackets = null;
  // Shared regex: scanning is synchronous and never re-entered, so lastIndex is ours until we return.
  const special = SPECIAL;
  special.lastIndex = from;
  let proseFrom = from;
  const bare: IdMatch[] = [];
  const ids = idRegex(format);
  const flushBare = (until: number): void => {
    // Most stretches between two constructs hold no ID: ask once where the next one is. Not for a
    // custom pattern, which only ever runs on a capped part of each line (collectIdsInRange).
    const next = format.key === 'custom' ? proseFrom : scan.search.regexStart('id', ids, proseFrom);
    if (next === -1 || next >= until) return;
    bare.length = 0;
    collectIdsInRange(text, format, next, until, bare);
    for (const match of bare) out.push({ id: match.id, form: 'bare', from: match.from, to: match.to });
  };
  let match: RegExpExecArray | null;
  while ((match = special.exec(text)) !== null && match.index < to) {
    const token = tokenAt(text, match.index, proseFrom);
    const start = token[0] === '!' ? match.index - 1 : match.index;
    const span = specialSpan(scan, start, token);
    if (span === null) {
      special.lastIndex = match.index + (token[0] === '!' ? token.length - 1 : token.length);
      continue;
    }
    flushBare(start);
    if (span.reference !== undefined) out.push(span.reference);
    proseFrom = span.end;
    special.lastIndex = span.end;
  }
  flushBare(to);
}

/**
 * Every ID reference in a note's text, sorted by offset: bare IDs in prose, and wikilinks and
 * markdown links whose target names an ID. Candidates are not filtered by plausibility here.
 */
export function scanReferences(text: string, format: IdFormat): ScannedReference[] {
  const out: ScannedReference[] = [];
  const scan: Scan = { text, format, search: new ForwardSearcher(text), brackets: null, rangeFrom: 0, limit: text.length, lastDefinitionEnd: -1 };
  for (const range of proseRanges(text)) scanProseRange(scan, range.from, range.to, out);
  return out;
}
