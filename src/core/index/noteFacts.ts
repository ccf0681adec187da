/** What the index learns from one note: its record (path, own ID, title) and every raw reference. */
import { scanReferences } from '../ids/scanner';
import type { IndexedReference, NoteRecord, ScannedReference } from '../types';
import { LineBreaks, lineBreakLength } from '../ids/lines';
import { ownIdOf, type OwnIdOptions } from './ownId';
import { titleOf } from './titles';

export { titleOf } from './titles';

/** Options that decide a note's facts (from settings and the active format): those of its own ID. */
export type NoteFactsOptions = OwnIdOptions;

/**
 * A note's record plus every reference candidate the scanner found, plausible or not, in text
 * order: the index filters at read time, because a note created later can make a candidate count.
 * Plain data, so it can be cached and compared.
 */
export interface NoteFacts extends NoteRecord {
  readonly references: readonly IndexedReference[];
}

/** How many characters of the line to keep on each side of the ID in a context string. */
export const CONTEXT_RADIUS = 40;
/** Marks text left out of a context line. */
export const ELLIPSIS = '…';
const WORD_SNAP = 15;

/** Facts of a note from its path and full text. */
export function extractNoteFacts(path: string, text: string, options: NoteFactsOptions): NoteFacts {
  const own = ownIdOf(path, text, options);
  const id = own === null ? null : own.id;
  const title = titleOf(path, id, text, options.format);
  const references = indexReferences(text, scanReferences(text, options.format));
  return { path, id, title, references };
}

/** Facts from the path alone, for the fast file-name-only first pass (no references, no frontmatter). */
export function namesOnlyFacts(path: string, options: NoteFactsOptions): NoteFacts {
  const own = ownIdOf(path, null, options);
  const id = own === null ? null : own.id;
  return { path, id, title: titleOf(path, id, null, options.format), references: [] };
}

/** Converts scanner output to indexed references with 1-based line/column and a context line. */
export function indexReferences(text: string, scanned: readonly ScannedReference[]): IndexedReference[] {
  const references: IndexedReference[] = [];
  const lines = new LineTracker(text);
  for (const reference of scanned) {
    lines.moveTo(reference.from);
    const indexed: IndexedReference = {
      id: reference.id,
      form: reference.form,
      from: reference.from,
      to: reference.to,
      line: lines.line,
      column: reference.from - lines.lineStart + 1,
      context: contextAround(text, lines.lineStart, lines.lineEnd(), reference.from, reference.to),
      ...(reference.link === undefined ? {} : { link: reference.link }),
    };
    references.push(indexed);
  }
  return references;
}

/**
 * Lines of offsets visited in increasing order (lines end at `\n`, `\r\n` or a lone `\r`): each
 * line break is found once, so a megabyte one-line note stays linear.
 */
export class LineTracker {
  /** 1-based line of the last offset moved to. */
  line = 1;
  /** Offset where that line starts. */
  lineStart = 0;
  private readonly breaks: LineBreaks;
  private end: number;

  constructor(private readonly text: string) {
    this.breaks = new LineBreaks(text);
    this.end = this.breaks.lineEnd(0);
  }

  moveTo(offset: number): void {
    // Offsets are where references start: within the text, never on a line break. So `true` or `<=` for
    // the first test, and `<=` for the second, are equivalent mutants.
    while (this.end < this.text.length && this.end < offset) {
      this.line++;
      this.lineStart = this.end + lineBreakLength(this.text, this.end);
      this.end = this.breaks.lineEnd(this.lineStart);
    }
  }

  /** End of the current line, before its line break. */
  lineEnd(): number {
    return this.end;
  }
}

/** The context line of the reference at [from, to), from the text alone (what indexReferences gives it). */
export function contextAt(text: string, from: number, to: number): string {
  // Looked for within the line only: a search for a `\r` the text lacks would cross the whole text,
  // and a view reading 500 contexts of a megabyte note would cross it 500 times.
  // At 0 stands the ID, and no walk back can start there: `false` for `from === 0`, or 1 for its -1, is an equivalent mutant.
  const lf = from === 0 ? -1 : text.lastIndexOf('\n', from - 1);
  let lineStart = from;
  while (lineStart > lf + 1 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  const next = text.indexOf('\n', from);
  const limit = next === -1 ? text.length : next;
  let lineEnd = from;
  while (lineEnd < limit && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  return contextAround(text, lineStart, lineEnd, from, to);
}

/**
 * The sentence around [from, to) within the line [lineStart, lineEnd), trimmed to about
 * CONTEXT_RADIUS characters each side of the ID: cut at a sentence end where one is near, else at a
 * word boundary with an ellipsis where text was left out. Whole short sentences read best in the
 * chain view, and every character here is kept in memory for every reference in the vault.
 */
export function contextAround(text: string, lineStart: number, lineEnd: number, from: number, to: number): string {
  // The ID's first and last characters are no spaces, so these walks stop at it anyway: their `start < from`
  // and `end > to` as `true`, `<=` or `>=` are equivalent mutants.
  let start = lineStart;
  while (start < from && isSpace(text.charCodeAt(start))) start++;
  let end = lineEnd;
  while (end > to && isSpace(text.charCodeAt(end - 1))) end--;
  let head = Math.max(start, from - CONTEXT_RADIUS);
  let tail = Math.min(end, to + CONTEXT_RADIUS);
  const sentenceStart = lastSentenceStart(text, head, from);
  const sentenceEnd = firstSentenceEnd(text, to, tail, end);
  // Snap to a nearby space so words are not cut, but never give up much context for it (a long
  // run without spaces is cut mid-word), and never scan far on a megabyte line.
  // A sentence found starts or ends past its mark, never at 0: `> 0` or `<= 0` for the tests of
  // sentenceStart and sentenceEnd are equivalent mutants. So is `<=` (`>=`) in the snaps' loops: the
  // strict test after each keeps the cut where it was when the walk reached its limit.
  if (sentenceStart >= 0) head = sentenceStart;
  else if (head > start) {
    const limit = Math.min(from, head + WORD_SNAP);
    let space = head;
    while (space < limit && !isSpace(text.charCodeAt(space))) space++;
    if (space < limit) head = space + 1;
  }
  if (sentenceEnd >= 0) tail = sentenceEnd;
  else if (tail < end) {
    const limit = Math.max(to, tail - WORD_SNAP);
    let space = tail;
    while (space > limit && !isSpace(text.charCodeAt(space))) space--;
    if (space > limit) tail = space;
  }
  // Never split an emoji or other astral character in half at a cut.
  if (head > start && isLowSurrogate(text.charCodeAt(head))) head++;
  // At `end` stands a line break, a trailing space or nothing: `tail <= end` (or `true`) is an equivalent mutant.
  if (tail < end && isLowSurrogate(text.charCodeAt(tail))) tail--;
  const leading = head > start && sentenceStart < 0 ? ELLIPSIS : '';
  const trailing = tail < end && sentenceEnd < 0 ? ELLIPSIS : '';
  return leading + text.slice(head, tail).trim() + trailing;
}

/** Where the sentence holding `before` starts, if a sentence ends in [from, before); else -1. */
function lastSentenceStart(text: string, from: number, before: number): number {
  for (let at = before - 2; at >= from; at--) {
    if (isSentenceEnd(text.charCodeAt(at)) && isSpace(text.charCodeAt(at + 1))) {
      let start = at + 1;
      while (start < before && isSpace(text.charCodeAt(start))) start++;
      return start;
    }
  }
  return -1;
}

/** Just after the first sentence end in [from, to) that is followed by a space or the line's end; else -1. */
function firstSentenceEnd(text: string, from: number, to: number, lineEnd: number): number {
  for (let at = from; at < to; at++) {
    if (isSentenceEnd(text.charCodeAt(at)) && (at + 1 >= lineEnd || isSpace(text.charCodeAt(at + 1)))) return at + 1;
  }
  return -1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
