/**
 * ID tokens in a piece of prose: the boundary rules of PRODUCT.md that need no Markdown structure.
 * Everything is checked in code around each regex match, never with lookbehind (iOS < 16.4).
 */
import type { IdFormat } from './formats';
import type { IdMatch } from '../types';
import { endOfWordRun, joinsWordAfter, joinsWordBefore } from './wordRule';

// What a tag or block ID is made of, between its leading # or ^ and an ID inside it.
const TAG_BODY = /^[\p{L}\p{N}_/-]*$/u;
/** A file name that ends like an attachment's, not a note's (an image, audio, video, PDF, canvas…). */
export const ATTACHMENT = /\.(?:png|jpe?g|gif|bmp|svg|webp|avif|heic|tiff?|ico|pdf|mp3|wav|m4a|ogg|flac|webm|mp4|mov|mkv|avi|ogv|zip|canvas|excalidraw|base)$/i;
const URL_START = /(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|www\.)/;
// An email address as GFM's extended autolinks find one in text, which Obsidian links in both
// views (joethei/obsidian-link-favicon#54: a bare email is a `url` token in its editor and a
// `mailto:` link in Reading view): a local part, '@', two or more dotted labels, no '-' or '_' last.
const EMAIL = /^[a-zA-Z0-9.+_-]+@[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]+)+$/;
const EMAIL_LIMIT = 256;
const TOKEN_LIMIT = 2048;
const TAG_LIMIT = 256;

/** What an email address is made of, '@' included (GFM's extended email autolink). */
function isEmailCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 43 || code === 45 || code === 95 || code === 64;
}

/** An ID's neighbour that an email address may hold but a word does not join: '@', '.', '+', '-'. */
function mayJoinEmail(code: number): boolean {
  return code === 64 || code === 46 || code === 43 || code === 45;
}

/**
 * Whether the ID at [from, to) is part of an email address (`me@202201100911.com`,
 * `202201100911@example.org`): the run of email characters around it, less the periods that end a
 * sentence, is one.
 */
function isInEmailAddress(text: string, from: number, to: number): boolean {
  // Read past either end of the text, charCodeAt gives NaN, which sends V8's optimised code back.
  const before = from > 0 ? text.charCodeAt(from - 1) : 0;
  const after = to < text.length ? text.charCodeAt(to) : 0;
  if (!mayJoinEmail(before) && !mayJoinEmail(after)) return false;
  // An ID before a sentence's period, most of the IDs here, is ruled out without a slice or a regex.
  let hasAt = false;
  let start = from;
  while (start > 0 && from - start < EMAIL_LIMIT && isEmailCharacter(text.charCodeAt(start - 1))) {
    start--;
    hasAt ||= text.charCodeAt(start) === 64;
  }
  let end = to;
  while (end < text.length && end - to < EMAIL_LIMIT && isEmailCharacter(text.charCodeAt(end))) {
    hasAt ||= text.charCodeAt(end) === 64;
    end++;
  }
  if (!hasAt) return false;
  while (end > to && text.charCodeAt(end - 1) === 46) end--;
  const last = text.charCodeAt(end - 1);
  return last !== 45 && last !== 95 && EMAIL.test(text.slice(start, end));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/**
 * The whitespace-delimited token around IDs that come in text order, each side looked at up to
 * TOKEN_LIMIT characters away. What one walk learned (no whitespace between here and there) is kept
 * for the next ID, so text without spaces (Japanese prose, a megabyte of IDs) is walked once, not
 * once per ID.
 */
export class Tokens {
  /** No whitespace in [knownStart, knownStartOf): the start walk from knownStartOf ended at knownStart. */
  private knownStartOf = -1;
  private knownStart = -1;
  /** No whitespace in [knownEndOf, knownEnd). */
  private knownEndOf = -1;
  private knownEnd = -1;

  constructor(private text: string) {}

  /** Forgets what was learned and walks `text` from now on: one walker serves note after note. */
  reset(text: string): void {
    this.text = text;
    this.knownStartOf = -1;
    this.knownStart = -1;
    this.knownEndOf = -1;
    this.knownEnd = -1;
  }

  /** Lets go of the text until the next reset. */
  release(): void {
    this.text = '';
  }

  /** Start of the token holding `at`, at most TOKEN_LIMIT characters back. */
  start(at: number): number {
    const floor = Math.max(0, at - TOKEN_LIMIT);
    let start = at;
    while (start > floor && !isSpace(this.text.charCodeAt(start - 1))) {
      if (start === this.knownStartOf) {
        start = Math.max(floor, this.knownStart);
        break;
      }
      start--;
    }
    this.knownStartOf = at;
    this.knownStart = start;
    return start;
  }

  /** End of the token holding `at`, at most TOKEN_LIMIT characters on. */
  end(at: number): number {
    const ceiling = Math.min(this.text.length, at + TOKEN_LIMIT);
    // knownEnd is at most knownEndOf + TOKEN_LIMIT, so never past this ceiling.
    let end = at >= this.knownEndOf && at <= this.knownEnd ? this.knownEnd : at;
    while (end < ceiling && !isSpace(this.text.charCodeAt(end))) end++;
    if (!(at >= this.knownEndOf && at <= this.knownEnd)) this.knownEndOf = at;
    this.knownEnd = end;
    return end;
  }
}

/** A tag (`#proj/ID`) or block ID (`^ID`): only tag characters stand between a leading # or ^ and the ID. */
function isInTagOrBlockId(text: string, from: number): boolean {
  const floor = Math.max(0, from - TAG_LIMIT);
  let marker = from - 1;
  for (; marker >= floor; marker--) {
    const code = text.charCodeAt(marker);
    if (code === 35 || code === 94) break;
    if (isSpace(code)) return false;
  }
  return marker >= floor && TAG_BODY.test(text.slice(marker + 1, from));
}

/**
 * Whether the ID at [from, to) is excluded by its surroundings: a tag, a block ID, part of a bare
 * URL or email address, or part of an attachment's file name.
 */
function isExcludedByToken(text: string, tokens: Tokens, from: number, to: number): boolean {
  if (isInTagOrBlockId(text, from) || isInEmailAddress(text, from, to)) return true;
  const start = tokens.start(from);
  if (start < from) {
    const before = text.slice(start, from);
    if ((before.includes('://') || before.includes('www.')) && URL_START.test(before)) return true;
  }
  const end = tokens.end(to);
  if (end > to) {
    const after = text.slice(to, end);
    if (after.includes('.') && ATTACHMENT.test(after.replace(/[)\]>.,;:!?'"]+$/, ''))) return true;
  }
  return false;
}

/** What judgeIdMatch says of a match that is an ID. */
export const IS_ID = -1;

/**
 * Whether the format's match at [start, end) is an ID in prose: IS_ID, or where to look for the
 * next match (past the word it is part of, or past itself when its token excludes it). Matches
 * must come in text order for `tokens` to stay linear.
 */
export function judgeIdMatch(text: string, tokens: Tokens, start: number, end: number): number {
  if (joinsWordBefore(text, start) || joinsWordAfter(text, end)) return Math.max(endOfWordRun(text, end), start + 1);
  return isExcludedByToken(text, tokens, start, end) ? end : IS_ID;
}

/** The token walker judgeIdMatch needs, for one text. */
export function tokensOf(text: string): Tokens {
  return new Tokens(text);
}

/**
 * Appends the IDs in text[from, to) to `out`; boundaries are checked against the whole text, so a
 * range may start or end next to other characters of the same word.
 */
export function collectIdsInRange(text: string, format: IdFormat, from: number, to: number, out: IdMatch[]): void {
  collectIds(text, format, new Tokens(text), from, to, (start, end, id) => out.push({ id, from: start, to: end }));
}

/**
 * Characters of each line a custom pattern is run on. The pattern check proves an accepted pattern
 * cannot backtrack badly; this bounds the cost should it be wrong. IDs further along are not seen.
 */
export const CUSTOM_PATTERN_LINE_CAP = 20_000;

/**
 * Calls `found` for each ID in text[from, to), in text order. A custom pattern runs on at most
 * CUSTOM_PATTERN_LINE_CAP characters of each line; a preset one on the whole range.
 */
export function collectIds(
  text: string, format: IdFormat, tokens: Tokens, from: number, to: number, found: (start: number, end: number, id: string) => void,
): void {
  if (format.key !== 'custom') {
    collectInWindow(text, tokens, format.anywhere, text, 0, from, to, found);
    return;
  }
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = lineStart;
    while (lineEnd < to && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const windowEnd = Math.min(lineEnd, lineStart + CUSTOM_PATTERN_LINE_CAP);
    collectInWindow(text, tokens, format.anywhere, text.slice(lineStart, windowEnd), lineStart, lineStart, windowEnd, found);
    lineStart = lineEnd + 1;
  }
}

/** The IDs in text[from, to), searched in `subject`, which is the text from offset `at` on. */
function collectInWindow(
  text: string, tokens: Tokens, regex: RegExp, subject: string, at: number, from: number, to: number,
  found: (start: number, end: number, id: string) => void,
): void {
  regex.lastIndex = from - at;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(subject)) !== null) {
    const start = match.index + at;
    const end = start + match[0].length;
    if (end > to) break;
    if (match[0].length === 0) {
      regex.lastIndex = start + 1 - at;
      continue;
    }
    const next = judgeIdMatch(text, tokens, start, end);
    if (next === IS_ID) found(start, end, match[0]);
    else regex.lastIndex = next - at;
  }
}

/** The ID tokens in plain prose (a DOM text node, a line of editor text between syntax nodes). */
export function findIdsInProse(text: string, format: IdFormat): IdMatch[] {
  const out: IdMatch[] = [];
  collectIdsInRange(text, format, 0, text.length, out);
  return out;
}
