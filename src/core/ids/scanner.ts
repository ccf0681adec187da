/**
 * The whole-note scanner: bare IDs in prose and IDs that are link targets, skipping everything
 * PRODUCT.md excludes. A hand-written skip-span lexer: block structure from `proseRanges`, then one
 * pass over each prose range that jumps from one special character to the next. With a preset ID
 * format, the same regex pass finds the IDs too (its digits never overlap a special character).
 * References go to a sink as numbers; no object is made per construct.
 */
import type { IdFormat } from './formats';
import type { LinkParts, ScannedReference } from '../types';
import { proseRangesInto } from './blocks';
import { collectIds, IS_ID, judgeIdMatch } from './prose';
import { endOfWordRun } from './wordRule';
import { SEARCH } from './searcher';
import { autolinkOrTagEnd } from './htmlTag';
import { isAsciiPunctuation } from './punctuation';
import { closedBy, emptyScanState, endScan, LITERAL, lineEnd, NO_SINK, paragraphEnd, resetScan, startScan, type ReferenceSink, type Scan } from './scan';
import { definedLabelsIn, type DefinedLabels } from './referenceLabels';
import { markdownLink, wikilink } from './scanLinks';

export type { ReferenceSink } from './scan';

// Every character that can open an inline construct whose text is not prose. A single character
// class lets the regex engine skip plain text fast; the construct is read from the text afterwards.
// Those six only: with a seventh (`]`, `!` or `|`, each tried), SPECIAL_OR_DIGITS ran two to six
// times slower over the 100k bench vault's texts, V8's fast scan for the class lost.
const SPECIAL_CLASS = '[`$<%[\\\\]';
const SPECIAL = new RegExp(SPECIAL_CLASS, 'g');

/**
 * Special characters or an ID, whichever comes first: one pass per prose range for preset formats.
 * For an all-digit format the pass finds digit runs (a cheap class for the regex engine, where
 * `\d{12}` as an alternative would be tried at every digit), and a run is an ID candidate exactly
 * when it is as long as the format's IDs. One regex rather than SPECIAL and the ID regex each
 * searching ahead on its own: each of those runs on through text the one regex never searches (to
 * its next match, past constructs and code the scan skips): the scanner alone over the 100k bench
 * vault's texts took 367 and 407 ms that way against 305 and 328 ms (medians of two runs of seven).
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

function codeSpan(scan: Scan, at: number, ticks: number): number {
  const close = scan.search.backtickRun(ticks, at + ticks);
  if (close === -1) return LITERAL;
  // A closer on the same line is within the paragraph: no search for the paragraph's end.
  return close < lineEnd(scan, at) || close < paragraphEnd(scan, at) ? close + ticks : LITERAL;
}

function inlineMath(scan: Scan, at: number): number {
  const first = scan.text[at + 1];
  if (first === undefined || /\s/.test(first)) return LITERAL;
  const close = scan.search.mathCloser(at + 2);
  return close === -1 || close >= lineEnd(scan, at) ? LITERAL : close + 1;
}

function htmlTag(scan: Scan, at: number): number {
  // A tag may span lines, but not the paragraph's end (CommonMark §6.6).
  const end = autolinkOrTagEnd(scan.text, at, paragraphEnd(scan, at));
  return end === -1 ? LITERAL : end;
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
      // From `at` itself, so the loop's body runs for every span: a body V8 has never seen run
      // deoptimises `special` the first time a note has a double backtick.
      let end = at;
      while (text.charCodeAt(end) === 96) end++;
      return orSkip(codeSpan(scan, at, end - at), end - at);
    }
    case 36:
      if (next === 36) {
        const close = scan.search.indexOf(SEARCH.displayMath, '$$', at + 2);
        if (close === -1 || close + 2 > scan.limit) return -2;
        scan.skippedSpans?.push(at, close + 2);
        return close + 2;
      }
      return orSkip(inlineMath(scan, at), 1);
    case 37: {
      if (next !== 37) return -1;
      const end = closedBy(scan, SEARCH.percentClose, at + 2, '%%');
      scan.skippedSpans?.push(at, end);
      return end;
    }
    case 60:
      if (text.startsWith('<!--', at)) {
        // Never closed in its paragraph, it is text, and the references after it count
        // (CommonMark); one at a block's start that never closes holds no prose (./commentBlocks),
        // and one that does ends its block, so its closer is always within the paragraph's end.
        const close = scan.search.indexOf(SEARCH.commentClose, '-->', at + 2);
        return close === -1 || close + 3 > paragraphEnd(scan, at) ? -1 : close + 3;
      }
      return orSkip(htmlTag(scan, at), 1);
    case 92:
      return isAsciiPunctuation(text.charCodeAt(at + 1)) ? at + 2 : -1;
    default: {
      const embed = at > proseFrom && text.charCodeAt(at - 1) === 33;
      const start = embed ? at - 1 : at;
      // Either way one `[` is literal when nothing opens there: after an unclosed `[[` the second
      // may open a markdown link (CommonMark, and Obsidian's editor, tests/editor/recognition.test.ts).
      return orSkip(next === 91 ? wikilink(scan, start, embed) : markdownLink(scan, start, embed), 1);
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
  // Stopping at `to` saves work only: a construct found past it would be literal, as each one
  // checks the range's limit (mutation testing found no input where it matters).
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
  return ids.test(text);
}

/**
 * Sends every ID reference in a note's text to the sink, in text order: bare IDs in prose, and
 * wikilinks and markdown links whose target names an ID. Candidates are not filtered by
 * plausibility here.
 */
export function scanInto(text: string, format: IdFormat, sink: ReferenceSink): void {
  if (!mayHoldId(text, format)) return;
  const state = startScan(text, format, sink, readLabels);
  try {
    const { scan, ranges } = state;
    const lines = sink.lines === undefined ? null : state.lines;
    scan.rangeCount = proseRangesInto(text, ranges, scan.hasCarriageReturn, lines, scan.blocks);
    if (lines !== null) sink.lines?.(lines);
    scanRanges(scan);
  } finally {
    endScan(state);
  }
}

/** Scans each of the note's prose ranges (the first `rangeCount` numbers of `ranges`, from the block pass). */
function scanRanges(scan: Scan): void {
  const combined = specialOrId(scan.format);
  const { ranges } = scan;
  for (let i = 0; i < scan.rangeCount; i += 2) {
    const from = ranges[i];
    const to = ranges[i + 1];
    scan.rangeFrom = from;
    scan.limit = to;
    scan.lastDefinitionEnd = -1;
    scan.brackets = null;
    if (combined !== null) scanRangeWithIds(scan, combined, from, to);
    else scanRangeThenIds(scan, from, to);
  }
}

/**
 * The labels the note defines, less those whose definition lies in a `$$…$$` or `%%…%%` span the
 * scan skips: such a span may run over blank lines, so a definition can start a paragraph inside
 * it, and it is math or a comment, not a definition. Read when a reference link first needs them.
 */
function readLabels(scan: Scan): DefinedLabels {
  const { text, ranges, rangeCount, blocks } = scan;
  const labels = definedLabelsIn(text, ranges, rangeCount, blocks);
  if (labels.size === 0 || (!text.includes('$$') && !text.includes('%%'))) return labels;
  const skipped = skippedSpansOf(scan, labels);
  return skipped.length === 0 ? labels : definedLabelsIn(text, ranges, rangeCount, blocks, skipped);
}

/**
 * The `$$…$$` and `%%…%%` spans a scan of the note skips, found by a scan of its own (its own
 * state, no sink) that takes every label in `labels` as defined. Were a link made by a label the
 * spans then rule out to hold `$$` or `%%`, the spans are not read again (a rare shape whose
 * reading could change once more). The scan that asked resumes by setting where its regex searches
 * from, as it does after every construct, so this scan's use of the shared regexes does not disturb it.
 */
function skippedSpansOf(outer: Scan, labels: DefinedLabels): number[] {
  const state = resetScan(emptyScanState(outer.format, () => labels, outer.blocks), outer.text, outer.format, NO_SINK);
  const { scan, ranges } = state;
  for (let i = 0; i < outer.rangeCount; i++) ranges.push(outer.ranges[i]);
  scan.rangeCount = outer.rangeCount;
  scan.skippedSpans = [];
  scanRanges(scan);
  return scan.skippedSpans;
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
