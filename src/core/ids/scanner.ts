/**
 * The whole-note scanner: bare IDs in prose and IDs that are link targets, skipping everything
 * PRODUCT.md excludes. A hand-written skip-span lexer: block structure from `proseRanges`, then one
 * pass over each prose range that jumps from one special character to the next.
 */
import type { IdFormat } from './formats';
import type { IdMatch, LinkParts, ScannedReference } from '../types';
import { proseRanges } from './blocks';
import { collectIdsInRange } from './prose';
import { idInLinkTarget } from './links';

// Everything that can open an inline construct whose text is not prose.
const SPECIAL = /`+|\$\$?|<!--|%%|!?\[\[|!?\[|<[A-Za-z/!?]|\\[!-/:-@[-`{-~]/g;
const HTML_TAG = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|![^<>]*>|\?[^<>]*\?>)/;
const AUTOLINK = /^<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

interface Span {
  /** End of the construct: prose resumes here. */
  readonly end: number;
  readonly reference?: ScannedReference;
}

/** The end of the paragraph holding `at` (a blank line), capped at `limit`. */
function paragraphEnd(text: string, at: number, limit: number): number {
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = at;
  const match = blank.exec(text);
  return match === null ? limit : Math.min(match.index, limit);
}

function lineEnd(text: string, at: number, limit: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 ? limit : Math.min(newline, limit);
}

function codeSpan(text: string, at: number, ticks: number, limit: number): Span | null {
  const end = paragraphEnd(text, at, limit);
  let search = at + ticks;
  while (search < end) {
    const next = text.indexOf('`', search);
    if (next === -1 || next >= end) return null;
    let run = next;
    while (run < end && text[run] === '`') run++;
    if (run - next === ticks) return { end: run };
    search = run;
  }
  return null;
}

function inlineMath(text: string, at: number, limit: number): Span | null {
  const first = text[at + 1];
  if (first === undefined || /\s/.test(first)) return null;
  const end = lineEnd(text, at, limit);
  for (let close = text.indexOf('$', at + 1); close !== -1 && close < end; close = text.indexOf('$', close + 1)) {
    if (text[close - 1] === '\\' || /\s/.test(text[close - 1])) continue;
    if (/\d/.test(text[close + 1] ?? '')) continue;
    return { end: close + 1 };
  }
  return null;
}

function closedBy(text: string, at: number, closer: string, limit: number): Span {
  const close = text.indexOf(closer, at);
  return { end: close === -1 || close + closer.length > limit ? limit : close + closer.length };
}

function linkReference(format: IdFormat, form: 'wikilink' | 'markdown', link: LinkParts, decodedTarget: string): ScannedReference | undefined {
  if (form === 'markdown' && SCHEME.test(link.target)) return undefined;
  const found = idInLinkTarget(decodedTarget, format);
  if (found === null) return undefined;
  // Percent-decoding never changes the characters before the ID's own segment ends, so the offset
  // into the decoded target is valid only when the raw target holds the same ID at the same place.
  const from = link.targetFrom + found.offset;
  if (link.target.slice(found.offset, found.offset + found.id.length) !== found.id) return undefined;
  return { id: found.id, form, from, to: from + found.id.length, link };
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

function wikilink(text: string, format: IdFormat, at: number, embed: boolean, limit: number): Span | null {
  const open = at + (embed ? 3 : 2);
  const close = text.indexOf(']]', open);
  if (close === -1 || close > lineEnd(text, open, limit)) return null;
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

/** The index of the `]` matching the `[` at `open`, within one paragraph, or -1. */
function matchingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
    else if (char === '\n' && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 4))) return -1;
  }
  return -1;
}

/** Parses `(dest "title")` at `at`; returns the destination's range and the end of the construct. */
function destination(text: string, at: number, limit: number): { from: number; to: number; end: number } | null {
  let i = at + 1;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  let from: number;
  let to: number;
  if (text[i] === '<') {
    from = i + 1;
    to = text.indexOf('>', from);
    if (to === -1 || to >= limit || text.slice(from, to).includes('\n')) return null;
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
      } else if (/\s/.test(char)) break;
    }
    to = i;
  }
  const close = text.indexOf(')', i);
  if (close === -1 || close >= limit) return null;
  const between = text.slice(i, close).trim();
  if (between !== '' && !/^(?:"[^"]*"|'[^']*'|\([^)]*\))$/.test(between)) return null;
  return { from, to, end: close + 1 };
}

function markdownLink(text: string, format: IdFormat, at: number, embed: boolean, limit: number): Span | null {
  const open = at + (embed ? 1 : 0);
  const close = matchingBracket(text, open, paragraphEnd(text, open, limit));
  if (close === -1) return null;
  const after = text[close + 1];
  if (after === '[') {
    const refClose = text.indexOf(']', close + 2);
    if (refClose !== -1 && refClose < lineEnd(text, close, limit)) return { end: refClose + 1 };
    return null;
  }
  if (after === ':' && (open === 0 || text[open - 1] === '\n')) return { end: lineEnd(text, close, limit) };
  if (after !== '(') return null;
  const dest = destination(text, close + 1, limit);
  if (dest === null) return null;
  const raw = text.slice(dest.from, dest.to);
  const hash = raw.indexOf('#');
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const link: LinkParts = {
    from: at,
    to: dest.end,
    embed,
    target,
    targetFrom: dest.from,
    targetTo: dest.from + target.length,
    subpath: hash === -1 ? '' : raw.slice(hash),
    display: text.slice(open + 1, close),
  };
  return { end: dest.end, reference: linkReference(format, 'markdown', link, safeDecode(target)) };
}

/** The construct that starts with `token` at `at`, or null when the characters are literal text. */
function specialSpan(text: string, format: IdFormat, at: number, token: string, limit: number): Span | null {
  const first = token[0];
  if (first === '`') return codeSpan(text, at, token.length, limit);
  if (first === '\\') return { end: at + 2 };
  if (token === '$$') {
    const close = text.indexOf('$$', at + 2);
    return close === -1 || close + 2 > limit ? null : { end: close + 2 };
  }
  if (first === '$') return inlineMath(text, at, limit);
  if (token === '<!--') return closedBy(text, at + 4, '-->', limit);
  if (token === '%%') return closedBy(text, at + 2, '%%', limit);
  if (token === '[[' || token === '![[') return wikilink(text, format, at, first === '!', limit);
  if (token === '[' || token === '![') return markdownLink(text, format, at, first === '!', limit);
  if (first === '<') {
    const rest = text.slice(at, Math.min(limit, at + 2048));
    const tag = AUTOLINK.exec(rest) ?? HTML_TAG.exec(rest);
    return tag === null ? null : { end: at + tag[0].length };
  }
  return null;
}

function scanProseRange(text: string, format: IdFormat, from: number, to: number, out: ScannedReference[]): void {
  const special = new RegExp(SPECIAL.source, 'g');
  special.lastIndex = from;
  let proseFrom = from;
  const bare: IdMatch[] = [];
  const flushBare = (until: number): void => {
    bare.length = 0;
    collectIdsInRange(text, format, proseFrom, until, bare);
    for (const match of bare) out.push({ id: match.id, form: 'bare', from: match.from, to: match.to });
  };
  let match: RegExpExecArray | null;
  while ((match = special.exec(text)) !== null && match.index < to) {
    const span = specialSpan(text, format, match.index, match[0], to);
    if (span === null) {
      special.lastIndex = match.index + (match[0][0] === '!' ? 1 : match[0].length);
      continue;
    }
    flushBare(match.index);
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
  for (const range of proseRanges(text)) scanProseRange(text, format, range.from, range.to, out);
  return out;
}
