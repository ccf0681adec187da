/**
 * ID tokens in a piece of prose: the boundary rules of PRODUCT.md that need no Markdown structure.
 * Everything is checked in code around each regex match, never with lookbehind (iOS < 16.4).
 */
import type { IdFormat } from './formats';
import type { IdMatch } from '../types';
import { endOfWordRun, joinsWordAfter, joinsWordBefore } from './wordRule';

const idRegexCache = new Map<string, RegExp>();

/** A global regex for the format's ID, shared per pattern source (callers reset lastIndex). */
export function idRegex(format: IdFormat): RegExp {
  let regex = idRegexCache.get(format.source);
  if (regex === undefined) {
    regex = new RegExp(format.source, 'g');
    idRegexCache.set(format.source, regex);
  }
  return regex;
}

// Characters a tag or block ID is made of, walked backwards from an ID to find a leading # or ^.
const TAG_CHAR = /[\p{L}\p{N}_/-]/u;
const ATTACHMENT = /\.(?:png|jpe?g|gif|bmp|svg|webp|avif|heic|tiff?|ico|pdf|mp3|wav|m4a|ogg|flac|webm|mp4|mov|mkv|avi|ogv|zip|canvas|excalidraw|base)$/i;
const URL_START = /(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|www\.)/;
const TOKEN_LIMIT = 2048;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** Start of the whitespace-delimited token that holds position `at`. */
function tokenStart(text: string, at: number): number {
  const floor = Math.max(0, at - TOKEN_LIMIT);
  let start = at;
  while (start > floor && !isSpace(text.charCodeAt(start - 1))) start--;
  return start;
}

function tokenEnd(text: string, at: number): number {
  const ceiling = Math.min(text.length, at + TOKEN_LIMIT);
  let end = at;
  while (end < ceiling && !isSpace(text.charCodeAt(end))) end++;
  return end;
}

/** A tag (`#proj/ID`) or block ID (`^ID`): walking back over tag characters reaches # or ^. */
function isInTagOrBlockId(text: string, from: number): boolean {
  let at = from - 1;
  const floor = Math.max(0, from - 256);
  while (at >= floor && TAG_CHAR.test(text[at])) at--;
  return at >= floor && (text[at] === '#' || text[at] === '^');
}

/**
 * Whether the ID at [from, to) is excluded by its surroundings: a tag, a block ID, part of a bare
 * URL, or part of an attachment's file name.
 */
function isExcludedByToken(text: string, from: number, to: number): boolean {
  if (isInTagOrBlockId(text, from)) return true;
  const start = tokenStart(text, from);
  if (start < from && URL_START.test(text.slice(start, from))) return true;
  const end = tokenEnd(text, to);
  if (end > to && ATTACHMENT.test(text.slice(to, end).replace(/[)\]>.,;:!?'"]+$/, ''))) return true;
  return false;
}

/**
 * Appends the IDs in text[from, to) to `out`; boundaries are checked against the whole text, so a
 * range may start or end next to other characters of the same word.
 */
export function collectIdsInRange(text: string, format: IdFormat, from: number, to: number, out: IdMatch[]): void {
  const regex = idRegex(format);
  regex.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (end > to) break;
    if (match[0].length === 0) {
      regex.lastIndex = start + 1;
      continue;
    }
    if (joinsWordBefore(text, start) || joinsWordAfter(text, end)) {
      regex.lastIndex = Math.max(endOfWordRun(text, end), start + 1);
      continue;
    }
    if (!isExcludedByToken(text, start, end)) out.push({ id: match[0], from: start, to: end });
  }
}

/** The ID tokens in plain prose (a DOM text node, a line of editor text between syntax nodes). */
export function findIdsInProse(text: string, format: IdFormat): IdMatch[] {
  const out: IdMatch[] = [];
  collectIdsInRange(text, format, 0, text.length, out);
  return out;
}
