/**
 * The whole-note scanner: bare IDs in prose and IDs that are link targets, skipping everything
 * PRODUCT.md excludes. A hand-written skip-span lexer: block structure from `proseRanges`, then one
 * pass over each prose range that jumps from one special character to the next. With a preset ID
 * format, the same regex pass finds the IDs too (its digits never overlap a special character).
 * References go to a sink as numbers; no object is made per construct.
 */
import type { IdFormat } from './formats';
import type { LinkParts, ReferenceForm, ScannedReference } from '../types';
import { proseRanges } from './blocks';
import { collectIds, IS_ID, judgeIdMatch, tokensOf, type Tokens } from './prose';
import { endOfWordRun } from './wordRule';
import { linkDefinition } from './definitions';
import { idInDenoteLink, idInLinkTarget } from './links';
import { ForwardSearcher, SEARCH } from './searcher';
import { lineBreakLength } from './lines';

/** Receives a note's references in text order. */
export interface ReferenceSink {
  /** A bare ID in prose at [from, to). */
  bare(from: number, to: number): void;
  /**
   * An ID at [from, to) that a link's target names. The link spans [linkFrom, linkTo); its target
   * [targetFrom, targetTo); its subpath (`#…`) follows the target; its display text, when it has
   * one (-1 length when not), is [displayFrom, displayFrom + displayLength). All are offsets into
   * the text, so every part of the link is a slice of it.
   */
  link(
    form: Exclude<ReferenceForm, 'bare'>, from: number, to: number, linkFrom: number, linkTo: number, embed: boolean,
    targetFrom: number, targetTo: number, subpathLength: number, displayFrom: number, displayLength: number,
  ): void;
}

// Every character that can open an inline construct whose text is not prose. A single character
// class lets the regex engine skip plain text fast; the construct is read from the text afterwards.
const SPECIAL_CLASS = '[`$<%[\\\\]';
const SPECIAL = new RegExp(SPECIAL_CLASS, 'g');
// Sticky, so a tag is matched where it starts without slicing the text.
const HTML_TAG = /<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|![^<>]*>|\?[^<>]*\?>)/y;
const AUTOLINK = /<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/y;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WIKI_PIPE = /\\?\|/;
// A line break (`\r\n`, lone `\r` or `\n`), then only spaces or tabs up to the next one.
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;
const LINE_BREAK = /[\r\n]/g;
// Brackets, escapes, and line breaks (where a blank line may end the paragraph).
const BRACKET_OR_BREAK = /[[\]\\\r\n]/g;

/**
 * Special characters or an ID, whichever comes first: one pass per prose range for preset formats.
 * For an all-digit format the pass finds digit runs (a cheap class for the regex engine, where
 * `\d{12}` as an alternative would be tried at every digit), and a run is an ID candidate exactly
 * when it is as long as the format's IDs.
 */
const SPECIAL_OR_DIGITS = new RegExp(`${SPECIAL_CLASS}|[0-9]+`, 'g');
const combinedCache = new Map<string, RegExp>();

function specialOrId(format: IdFormat): RegExp | null {
  if (format.key === '12' || format.key === '14') return SPECIAL_OR_DIGITS;
  // A custom pattern may start with a special character, so it keeps its own pass.
  if (format.key === 'custom') return null;
  let regex = combinedCache.get(format.source);
  if (regex === undefined) {
    regex = new RegExp(`${SPECIAL_CLASS}|${format.source}`, 'g');
    combinedCache.set(format.source, regex);
  }
  return regex;
}

/** What every construct parser needs: the text, the format, the sink and memoised forward searches. */
interface Scan {
  readonly text: string;
  readonly format: IdFormat;
  readonly sink: ReferenceSink;
  readonly search: ForwardSearcher;
  readonly tokens: Tokens;
  /** Matching `]` for each `[` of the current prose range, computed once per range. */
  brackets: Map<number, number> | null;
  /** Start and end of the current prose range. */
  rangeFrom: number;
  limit: number;
  /** End of the last link reference definition found in the current range, or -1. */
  lastDefinitionEnd: number;
  /** Where `destination` writes its answer ([from, to, end]). */
  readonly destination: number[];
  /**
   * With a custom format, a link's reference waits here until the bare IDs before the link have
   * been found (they come first in text order); null when references go to the sink at once.
   */
  held: Parameters<ReferenceSink['link']> | null;
  holding: boolean;
}

/** A construct parser's answer: where prose resumes after it, or LITERAL when the characters are text. */
const LITERAL = -1;

/** The end of the paragraph holding `at` (a blank line), capped at the range's end. */
function paragraphEnd(scan: Scan, at: number): number {
  const blank = scan.search.regexStart(SEARCH.blankLine, BLANK_LINE, at);
  return blank === -1 ? scan.limit : Math.min(blank, scan.limit);
}

/** The end of the line holding `at` (before its break), capped at the range's end. */
function lineEnd(scan: Scan, at: number): number {
  const newline = scan.search.charStart(SEARCH.lineBreak, LINE_BREAK, at);
  return newline === -1 ? scan.limit : Math.min(newline, scan.limit);
}

function codeSpan(scan: Scan, at: number, ticks: number): number {
  const close = scan.search.backtickRun(ticks, at + ticks);
  return close === -1 || close >= paragraphEnd(scan, at) ? LITERAL : close + ticks;
}

function inlineMath(scan: Scan, at: number): number {
  const first = scan.text[at + 1];
  if (first === undefined || /\s/.test(first)) return LITERAL;
  const close = scan.search.mathCloser(at + 2);
  return close === -1 || close >= lineEnd(scan, at) ? LITERAL : close + 1;
}

/** A comment runs to its closer, or to the end of the range when unclosed (as Obsidian renders it). */
function closedBy(scan: Scan, slot: number, at: number, closer: string): number {
  const close = scan.search.indexOf(slot, closer, at);
  return close === -1 || close + closer.length > scan.limit ? scan.limit : close + closer.length;
}

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

function wikilink(scan: Scan, at: number, embed: boolean): number {
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

function markdownLink(scan: Scan, at: number, embed: boolean): number {
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

function htmlTag(scan: Scan, at: number): number {
  for (const pattern of [AUTOLINK, HTML_TAG]) {
    pattern.lastIndex = at;
    if (pattern.test(scan.text) && pattern.lastIndex <= scan.limit) return pattern.lastIndex;
  }
  return LITERAL;
}

/**
 * The construct opened by the special character at `at`: where prose resumes after it, or, as
 * `-(advance)`, how far to skip when the characters are literal text. `proseFrom` is where the
 * current stretch of prose started (an embed's `!` must lie within it).
 */
function special(scan: Scan, at: number, proseFrom: number): number {
  const { text } = scan;
  const next = text.charCodeAt(at + 1);
  switch (text.charCodeAt(at)) {
    case 96: {
      let end = at + 1;
      while (text.charCodeAt(end) === 96) end++;
      return orSkip(codeSpan(scan, at, end - at), end - at);
    }
    case 36:
      if (next === 36) {
        const close = scan.search.indexOf(SEARCH.displayMath, '$$', at + 2);
        return close === -1 || close + 2 > scan.limit ? -2 : close + 2;
      }
      return orSkip(inlineMath(scan, at), 1);
    case 37:
      return next === 37 ? closedBy(scan, SEARCH.percentClose, at + 2, '%%') : -1;
    case 60:
      if (text.startsWith('<!--', at)) return closedBy(scan, SEARCH.commentClose, at + 4, '-->');
      return orSkip(htmlTag(scan, at), 1);
    case 92:
      return at + 1 < text.length && ASCII_PUNCTUATION.test(text[at + 1]) ? at + 2 : -1;
    default: {
      const embed = at > proseFrom && text.charCodeAt(at - 1) === 33;
      const start = embed ? at - 1 : at;
      return next === 91 ? orSkip(wikilink(scan, start, embed), 2) : orSkip(markdownLink(scan, start, embed), 1);
    }
  }
}

function orSkip(end: number, literalLength: number): number {
  return end === LITERAL ? -literalLength : end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Prose of a preset format: one regex pass finds special characters and IDs (or digit runs) alike. */
function scanRangeWithIds(scan: Scan, regex: RegExp, from: number, to: number): void {
  const { text, sink, tokens } = scan;
  // For all-digit formats the regex finds whole digit runs; Denote's finds its IDs themselves.
  const digits = regex === SPECIAL_OR_DIGITS ? (scan.format.key === '12' ? 12 : 14) : 0;
  let proseFrom = from;
  regex.lastIndex = from;
  for (;;) {
    let at: number;
    let length: number;
    if (digits !== 0) {
      // test() where it is enough: no match array per special character or digit run. A match ends
      // at lastIndex; a digit run starts at the first digit since the search began.
      const searchFrom = regex.lastIndex;
      if (!regex.test(text)) break;
      const end = regex.lastIndex;
      at = end - 1;
      if (isDigit(text.charCodeAt(at))) while (at > searchFrom && isDigit(text.charCodeAt(at - 1))) at--;
      length = end - at;
    } else {
      const match = regex.exec(text);
      if (match === null) break;
      at = match.index;
      length = match[0].length;
    }
    if (at >= to) break;
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      // A digit run (never holding a special character), or for Denote an ID.
      if (digits !== 0 && length !== digits) {
        // As the ID regex would: no match in a shorter run; a longer one is a word the ID is part of.
        if (length > digits) regex.lastIndex = Math.max(endOfWordRun(text, at + digits), at + 1);
        continue;
      }
      const end = at + length;
      if (end > to) break;
      const next = judgeIdMatch(text, tokens, at, end);
      if (next === IS_ID) sink.bare(at, end);
      else regex.lastIndex = next;
      continue;
    }
    const end = special(scan, at, proseFrom);
    if (end < 0) {
      regex.lastIndex = at - end;
      continue;
    }
    proseFrom = end;
    regex.lastIndex = end;
  }
}

/** Prose of a custom format: constructs first, then the IDs of each stretch of prose between them. */
function scanRangeThenIds(scan: Scan, from: number, to: number): void {
  const { text, format, sink, tokens } = scan;
  let proseFrom = from;
  // Each stretch line by line: a custom pattern only ever runs on a capped part of each line
  // (collectIds), so no search for the next ID may run ahead over the whole text.
  const flushBare = (until: number): void => collectIds(text, format, tokens, proseFrom, until, (start, end) => sink.bare(start, end));
  scan.holding = true;
  SPECIAL.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = SPECIAL.exec(text)) !== null && match.index < to) {
    const at = match.index;
    scan.held = null;
    const end = special(scan, at, proseFrom);
    if (end < 0) {
      SPECIAL.lastIndex = at - end;
      continue;
    }
    const embed = text.charCodeAt(at) === 91 && at > proseFrom && text.charCodeAt(at - 1) === 33;
    flushBare(embed ? at - 1 : at);
    const held = scan.held as Parameters<ReferenceSink['link']> | null;
    if (held !== null) sink.link(...held);
    proseFrom = end;
    SPECIAL.lastIndex = end;
  }
  scan.holding = false;
  flushBare(to);
}

/**
 * False when the text holds no match of the ID format, so no reference. Always true for a custom
 * pattern, which must not run over more than a capped part of each line (collectIds).
 */
function mayHoldId(text: string, format: IdFormat): boolean {
  if (format.key === 'custom') return true;
  const ids = format.anywhere;
  ids.lastIndex = 0;
  return ids.exec(text) !== null;
}

/**
 * Sends every ID reference in a note's text to the sink, in text order: bare IDs in prose, and
 * wikilinks and markdown links whose target names an ID. Candidates are not filtered by
 * plausibility here.
 */
export function scanInto(text: string, format: IdFormat, sink: ReferenceSink): void {
  if (!mayHoldId(text, format)) return;
  const scan: Scan = {
    text, format, sink, search: new ForwardSearcher(text), tokens: tokensOf(text), brackets: null, rangeFrom: 0, limit: text.length,
    lastDefinitionEnd: -1, destination: [0, 0, 0], held: null, holding: false,
  };
  const combined = specialOrId(format);
  for (const range of proseRanges(text)) {
    scan.rangeFrom = range.from;
    scan.limit = range.to;
    scan.lastDefinitionEnd = -1;
    scan.brackets = null;
    if (combined !== null) scanRangeWithIds(scan, combined, range.from, range.to);
    else scanRangeThenIds(scan, range.from, range.to);
  }
}

/** Every ID reference in a note's text, sorted by offset, as objects (see scanInto). */
export function scanReferences(text: string, format: IdFormat): ScannedReference[] {
  const out: ScannedReference[] = [];
  scanInto(text, format, {
    bare: (from, to) => out.push({ id: text.slice(from, to), form: 'bare', from, to }),
    link(form, from, to, linkFrom, linkTo, embed, targetFrom, targetTo, subpathLength, displayFrom, displayLength) {
      const target = text.slice(targetFrom, targetTo);
      const subpath = text.slice(targetTo, targetTo + subpathLength);
      const display = displayLength < 0 ? null : text.slice(displayFrom, displayFrom + displayLength);
      // The keys in the order each form has always had them, so serialised output stays the same.
      const link: LinkParts =
        form === 'wikilink'
          ? { from: linkFrom, to: linkTo, embed, target, targetFrom, targetTo, subpath, display }
          : { from: linkFrom, to: linkTo, embed, display, target, targetFrom, targetTo, subpath };
      out.push({ id: text.slice(from, to), form, from, to, link });
    },
  });
  return out;
}
