/**
 * The persisted index cache as text: one header line, then one JSON line per chunk of notes, each
 * chunk column by column (see chunks.ts). Chunk by chunk so big vaults can be encoded and decoded
 * in slices between yields; validated field by field so a corrupt, truncated, foreign or outdated
 * file is rejected whole (the caller then reads every note) rather than ever feeding the index
 * wrong facts.
 *
 * A note is kept in the index's compact form (its reference records as numbers, its IDs as integer
 * keys or strings; context lines and link texts stay in the note, read back when shown) or, for
 * facts given whole, with every reference spelled out.
 */
import { packChunk, unpackChunk, type CachedNote } from './chunks';
import { isInt, isString } from './values';

/**
 * Bump whenever the encoding below changes, or the scanner reads notes differently (4: indented code
 * and fences in lists and quotes; 5: email addresses, HTML tags and raw HTML blocks; 6: comments at
 * a block's start, and text after a raw HTML block's end tag; 7: reference links by their
 * definitions, definitions in quotes and titles over lines; 8: definition labels over lines; 9: no
 * link in another's text; 10: no definition in a comment or math over blank lines; 11: an item
 * numbered 01 interrupts a paragraph; 12: an item numbered 2 that continues a paragraph defines
 * nothing; 13: nor after a definition; 14: a lazy line in fewer quotes than a list item lies in
 * none of its items; 15: a fence in a list item in a quote ends with the item; 16: and one in a
 * quote in a list item; 17: autolinks and declarations as CommonMark 0.31 spells them; 18: code
 * spans, autolinks and tags bind more tightly than brackets, and a link destination is read as
 * CommonMark reads it; 19: a backslash escapes only punctuation in a definition; 20: an inline
 * link stays within its paragraph, past a quote's markers; 21: a quote opened in a list item goes
 * on only on lines indented into the item, quotes and items open in turn on one line, and tabs
 * in them reach the line's tab stops; 22: a list marker that opens no item (indented four columns
 * past a paragraph, or a thematic break in a quote) starts no definition or item; 23: a definition
 * may follow list and quote markers in any order, and where the block pass ran only a line it says
 * starts a block starts one; 24: a setext underline under a paragraph of definitions only is its
 * text; 25: an underline under a label is no destination), so facts read the old way are not
 * reused by a build of the same plugin version.
 */
export const CACHE_FORMAT_VERSION = 25;
const MAGIC = 'principle-chain-index-cache';

export type { CachedNote } from './chunks';

/** The cached index; `settingsKey` names the settings the facts were extracted with. */
export interface IndexSnapshot {
  readonly settingsKey: string;
  readonly notes: readonly CachedNote[];
}

/**
 * Ties a cache file to the code that wrote it: facts extracted by another plugin version may follow
 * other recognition rules, so they are never reused.
 */
export interface CacheStamp {
  readonly pluginVersion: string;
}

interface Header {
  readonly magic: string;
  readonly version: number;
  readonly pluginVersion: string;
  readonly settingsKey: string;
  readonly notes: number;
  /** Hash of every chunk line, so damage inside a string (which still parses) is caught too. */
  readonly checksum: number;
}

/** Notes per chunk line: encoded or decoded between two yields of the stepwise functions. */
export const NOTES_PER_STEP = 500;

/**
 * Encodes the snapshot, yielding after every chunk of NOTES_PER_STEP notes so a caller can hand
 * the main thread back; the generator's return value is the text.
 */
export function* encodeSnapshotSteps(snapshot: IndexSnapshot, stamp: CacheStamp): Generator<void, string, void> {
  const lines = [''];
  let checksum = FNV_OFFSET;
  for (let from = 0; from < snapshot.notes.length; from += NOTES_PER_STEP) {
    if (from > 0) yield;
    const line = JSON.stringify(packChunk(snapshot.notes.slice(from, from + NOTES_PER_STEP)));
    checksum = hashLine(checksum, line);
    lines.push(line);
  }
  const header: Header = {
    magic: MAGIC,
    version: CACHE_FORMAT_VERSION,
    pluginVersion: stamp.pluginVersion,
    settingsKey: snapshot.settingsKey,
    notes: snapshot.notes.length,
    checksum,
  };
  lines[0] = JSON.stringify(header);
  return lines.join('\n') + '\n';
}

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a over the line's UTF-16 code units and a separator, continuing from `hash`. */
function hashLine(hash: number, line: string): number {
  let h = hash;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 10, 0x01000193) >>> 0;
}

function readHeader(line: string, stamp: CacheStamp): Header | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const header = raw as Partial<Header>;
  if (header.magic !== MAGIC || header.version !== CACHE_FORMAT_VERSION || header.pluginVersion !== stamp.pluginVersion) return null;
  if (!isString(header.settingsKey) || !isInt(header.notes) || !isInt(header.checksum)) return null;
  return header as Header;
}

/**
 * Decodes a cache file, yielding after every chunk; returns null (never throws) when the text is
 * not a complete cache written with this encoding by this plugin version.
 */
export function* decodeSnapshotSteps(text: string, stamp: CacheStamp): Generator<void, IndexSnapshot | null, void> {
  if (typeof text !== 'string') return null;
  const lines = text.split('\n');
  // A complete file ends with a newline, so the last piece is empty; anything else was cut short.
  if (lines.length < 2 || lines[lines.length - 1] !== '') return null;
  lines.pop();
  const header = readHeader(lines[0], stamp);
  if (header === null || lines.length - 1 !== Math.ceil(header.notes / NOTES_PER_STEP)) return null;
  const notes: CachedNote[] = [];
  const seen = new Set<string>();
  let checksum = FNV_OFFSET;
  for (let i = 1; i < lines.length; i++) {
    checksum = hashLine(checksum, lines[i]);
    let raw: unknown;
    try {
      raw = JSON.parse(lines[i]);
    } catch {
      return null;
    }
    const from = notes.length;
    if (!unpackChunk(raw, notes)) return null;
    // Every chunk but the last is full, so a chunk moved or dropped does not go unnoticed.
    if (notes.length - from !== Math.min(NOTES_PER_STEP, header.notes - from)) return null;
    for (let n = from; n < notes.length; n++) {
      if (seen.has(notes[n].path)) return null;
      seen.add(notes[n].path);
    }
    yield;
  }
  // The count per chunk and the line count already force notes.length; the last test restates it.
  return checksum === header.checksum && notes.length === header.notes ? { settingsKey: header.settingsKey, notes } : null;
}

function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The whole encoding in one go (tests, the command line). */
export function encodeSnapshot(snapshot: IndexSnapshot, stamp: CacheStamp): string {
  return runToEnd(encodeSnapshotSteps(snapshot, stamp));
}

/** The whole decoding in one go; null when the text cannot be trusted. */
export function decodeSnapshot(text: string, stamp: CacheStamp): IndexSnapshot | null {
  return runToEnd(decodeSnapshotSteps(text, stamp));
}
