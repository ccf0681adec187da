/**
 * Reference links (CommonMark §6.3): `[text][label]`, `[text][]` and `[text]` are links only when
 * the note defines their label (`[label]: destination`, ./definitions), wherever the definition
 * stands. Otherwise their brackets are literal text, and an ID in them is a bare reference, as
 * Reading view shows it. Labels match as commonmark.js matches them: trimmed, each run of white
 * space read as one space, case folded.
 */
import type { BlockStarts } from './blockStarts';
import { linkDefinition } from './definitions';
import { LineBreaks } from './lines';

const MAX_LABEL = 999;

/** A note's defined labels, by their matching keys. */
export type DefinedLabels = ReadonlySet<string>;

export const NO_LABELS: DefinedLabels = new Set<string>();

/**
 * Whether text(open, close), between the brackets at `open` and `close`, has a link label's shape:
 * at most 999 characters and no unescaped bracket. Unlike a definition's, a reference's label may
 * run over lines. One of white space only has the shape too (`[text][ ]`, as commonmark.js reads
 * it): its key is empty, which no definition gives, so it matches nothing.
 */
export function isLinkLabel(text: string, open: number, close: number): boolean {
  if (close - open - 1 > MAX_LABEL) return false;
  for (let at = open + 1; at < close; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 91 || code === 93) return false;
  }
  return true;
}

/**
 * The key a label is matched by (commonmark.js's `normalizeReference`). A label over lines of a
 * quote holds the quote's markers at each line's start, which are no part of it.
 */
export function labelKey(text: string, open: number, close: number): string {
  return text
    .slice(open + 1, close)
    .replace(/(\r\n?|\n)[ \t]*(?:>[ \t]*)*/g, ' ')
    .trim()
    .replace(/[ \t\r\n]+/g, ' ')
    .toLowerCase()
    .toUpperCase();
}

/**
 * The labels the note's definitions give, read from its prose ranges (flat from/to pairs, the
 * first `count` numbers of `ranges`) and the block starts the block pass found in them. Only a
 * line whose label closes with `]:` can hold one, so a note without `]:` is not read at all. A
 * definition whose `[` lies in one of the `skipped` spans (the `$$…$$` and `%%…%%` spans the scan
 * skips, which may run over blank lines) defines nothing.
 */
export function definedLabelsIn(text: string, ranges: readonly number[], count: number, blocks?: BlockStarts, skipped?: readonly number[]): DefinedLabels {
  let marker = text.indexOf(']:');
  if (marker === -1) return NO_LABELS;
  const labels = new Set<string>();
  const breaks = new LineBreaks(text);
  for (let i = 0; i < count && marker !== -1; i += 2) {
    const rangeFrom = ranges[i];
    const limit = ranges[i + 1];
    let lastDefinitionEnd = -1;
    const lineEnd = (at: number): number => Math.min(breaks.lineEnd(at), limit);
    while (marker !== -1 && marker < limit) {
      const open = labelOpen(text, marker, rangeFrom);
      const found = open === -1 || (skipped !== undefined && isInSpan(skipped, open)) ? null : linkDefinition({ text, rangeFrom, limit, lastDefinitionEnd, lineEnd, blocks }, open, marker);
      if (found === null) {
        marker = text.indexOf(']:', marker + 2);
        continue;
      }
      labels.add(labelKey(text, open, marker));
      lastDefinitionEnd = found.end;
      marker = text.indexOf(']:', found.end);
    }
  }
  return labels;
}

/** Whether `at` lies in one of the spans (flat from/to pairs). */
function isInSpan(spans: readonly number[], at: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (at >= spans[i] && at < spans[i + 1]) return true;
  return false;
}

/**
 * The `[` that opens a label closing at `close`, or -1: an escaped `]` closes none, and an escaped
 * `[` opens none. The walk stops at the range's start, another `]` or past the longest label, where
 * no label the parser accepts could open (it checks the label again, its lines too).
 */
export function labelOpen(text: string, close: number, rangeFrom: number): number {
  if (isEscaped(text, close)) return -1;
  for (let at = close - 1; at >= Math.max(rangeFrom, close - MAX_LABEL - 1); at--) {
    const code = text.charCodeAt(at);
    if ((code === 91 || code === 93) && !isEscaped(text, at)) return code === 91 ? at : -1;
  }
  return -1;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes > 0 && text.charCodeAt(at - backslashes - 1) === 92) backslashes++;
  return backslashes % 2 === 1;
}
