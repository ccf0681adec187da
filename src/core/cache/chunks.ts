/**
 * Up to NOTES_PER_STEP notes of the cache in one JSON line, column by column: one parse and a few
 * loops over flat arrays per chunk, and no object per reference, so a 100k-note cache decodes in a
 * fraction of the time a line per note took. Every value is checked when read back.
 */
import type { NoteFacts } from '../index/noteFacts';
import { isScanned, type NoteInput, type ScannedNote } from '../index/scannedNote';
import { LINK, LINK_REF_INTS, REF_FLAGS, REF_INTS, REF_SLOT } from '../index/referenceStore';
import { decodeRecords, encodeRecords } from './recordCodes';
import { recordsProblem } from './records';
import { isInt, isString, isTime } from './values';
import { packReference, unpackWhole, type PackedReference } from './wholeFacts';

/** One note's facts, valid while the file's size and mtime are unchanged. */
export interface CachedNote {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
  /** As IdIndex.storedFacts gives them. */
  readonly facts: NoteInput;
}

/** Integer keys (IdKeys) are below 10^15; anything bigger was not written by us. */
const KEY_LIMIT = 1e15;

/**
 * [paths, mtimes, sizes, ids, titles, textLengths (-1: facts given whole), record lengths, records
 * (each REF_SLOT an index into the table; as text, see recordCodes.ts), the chunk's IDs (integer
 * keys or strings), whole facts by note number].
 */
type ChunkLine = [string[], number[], number[], (string | null)[], string[], number[], number[], string, (number | string)[], [number, PackedReference[]][]];

export function packChunk(notes: readonly CachedNote[]): ChunkLine {
  const paths: string[] = [];
  const mtimes: number[] = [];
  const sizes: number[] = [];
  const ids: (string | null)[] = [];
  const titles: string[] = [];
  const textLengths: number[] = [];
  const lengths: number[] = [];
  const ints: number[] = [];
  const table: (number | string)[] = [];
  const wholes: [number, PackedReference[]][] = [];
  const byKey = new Map<number, number>();
  const byString = new Map<string, number>();
  // Integer keys are 0 or more (0 is the ID of twelve zeros); an ID kept as a string has key -1.
  const entry = (key: number, id: string): number => {
    let at = key >= 0 ? byKey.get(key) : byString.get(id);
    if (at === undefined) {
      at = table.push(key >= 0 ? key : id) - 1;
      if (key >= 0) byKey.set(key, at);
      else byString.set(id, at);
    }
    return at;
  };
  notes.forEach((note, n) => {
    const { facts } = note;
    paths.push(note.path);
    mtimes.push(note.mtime);
    sizes.push(note.size);
    ids.push(facts.id);
    titles.push(facts.title);
    if (!isScanned(facts)) {
      textLengths.push(-1);
      lengths.push(0);
      wholes.push([n, facts.references.map(packReference)]);
      return;
    }
    textLengths.push(facts.textLength);
    lengths.push(facts.length);
    const start = ints.length;
    for (let i = 0; i < facts.length; i++) ints.push(facts.ints[facts.intsFrom + i]);
    for (let at = start; at < ints.length; at += (ints[at + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS) {
      const reference = ints[at + REF_SLOT];
      ints[at + REF_SLOT] = entry(facts.keys[reference], facts.ids[reference]);
    }
  });
  return [paths, mtimes, sizes, ids, titles, textLengths, lengths, encodeRecords(ints), table, wholes];
}

/** The chunk's notes appended to `out`; false (out partly filled) when the line is not one we wrote. */
export function unpackChunk(raw: unknown, out: CachedNote[]): boolean {
  if (!Array.isArray(raw) || raw.length !== 10 || !raw.every((column, i) => (i === 7 ? isString(column) : Array.isArray(column)))) return false;
  const [paths, mtimes, sizes, ids, titles, textLengths, lengths, , table, wholes] = raw as unknown[][];
  const count = paths.length;
  if (![mtimes, sizes, ids, titles, textLengths, lengths].every((column) => column.length === count)) return false;
  const records = decodeRecords(raw[7] as string);
  const entries = tableOf(table);
  const given = wholesOf(wholes, count);
  if (records === null || entries === null || given === null) return false;
  let from = 0;
  for (let n = 0; n < count; n++) {
    const path: unknown = paths[n];
    const mtime: unknown = mtimes[n];
    const size: unknown = sizes[n];
    const id: unknown = ids[n];
    const title: unknown = titles[n];
    const textLength: unknown = textLengths[n];
    const length: unknown = lengths[n];
    if (!isString(path) || path === '' || !isTime(mtime) || !isInt(size) || (id !== null && (!isString(id) || id === '')) || !isString(title)) return false;
    // Records past the end would also fail the last check (`from` only grows): this stops sooner.
    if (!isInt(length) || from + length > records.length || (textLength !== -1 && !isInt(textLength))) return false;
    let facts: ScannedNote | NoteFacts | null;
    if (textLength === -1) {
      const references = given.get(n);
      facts = references === undefined || length !== 0 ? null : unpackWhole(path, id, title, references);
    } else {
      const end = from + length;
      const problem = recordsProblem(records, from, end, (i) => entries.lengths[i] ?? -1, textLength);
      facts = problem !== null || given.has(n) ? null : { path, id, title, textLength, ints: records, intsFrom: from, length, keyCount: entries.keys.length, keys: entries.keys, ids: entries.ids };
      from = end;
    }
    if (facts === null) return false;
    out.push({ path, mtime, size, facts });
  }
  return from === records.length;
}

/** The chunk's IDs: integer keys and strings, and how long each ID is (1 for a key: its format is not known here). */
function tableOf(values: unknown[]): { keys: Float64Array; ids: string[]; lengths: number[] } | null {
  const keys = new Float64Array(values.length);
  const ids: string[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isInt(value) && value < KEY_LIMIT) {
      keys[i] = value;
      // Never read for an entry with a key (see ScannedNote.ids).
      ids.push('');
      lengths.push(1);
    } else if (isString(value) && value !== '') {
      // (An empty ID would fail any record naming it anyway, as naming no ID.)
      keys[i] = -1;
      ids.push(value);
      lengths.push(value.length);
    } else return null;
  }
  return { keys, ids, lengths };
}

function wholesOf(values: unknown[], count: number): Map<number, unknown> | null {
  const given = new Map<number, unknown>();
  for (const value of values) {
    if (!Array.isArray(value) || value.length !== 2) return null;
    const note: unknown = value[0];
    if (!isInt(note) || note >= count || given.has(note)) return null;
    given.set(note, value[1]);
  }
  return given;
}
