/**
 * The persisted index cache as text: one header line, then one JSON line per note with its facts
 * packed into arrays. Line by line so big vaults can be encoded and decoded in slices between
 * yields; validated field by field so a corrupt, truncated, foreign or outdated file is rejected
 * whole (the caller then reads every note) rather than ever feeding the index wrong facts.
 *
 * A note is kept in the index's compact form (its reference records as numbers, its IDs as
 * strings; context lines and link texts stay in the note, read back when shown) or, for facts
 * given whole, with every reference spelled out.
 */
import type { IndexedReference, LinkParts, ReferenceForm } from '../types';
import type { NoteFacts } from '../index/noteFacts';
import { isScanned, type NoteInput, type ScannedNote } from '../index/scannedNote';
import { recordsProblem } from './records';

/** Bump whenever the encoding below changes. */
export const CACHE_FORMAT_VERSION = 2;
const MAGIC = 'principle-chain-index-cache';

/** One note's facts, valid while the file's size and mtime are unchanged. */
export interface CachedNote {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
  /** Compact facts must name their IDs as strings (`ids`), as IdIndex.storedFacts gives them. */
  readonly facts: NoteInput;
}

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
  /** Hash of every note line, so damage inside a string (which still parses) is caught too. */
  readonly checksum: number;
}

const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];
/** Notes encoded or decoded between two yields of the stepwise functions. */
export const NOTES_PER_STEP = 500;

type PackedLink = [number, number, 0 | 1, string, number, number, string, string | null];
type PackedReference = [string, number, number, number, number, number, string] | [string, number, number, number, number, number, string, PackedLink];
type WholeNote = [string, number, number, string | null, string, PackedReference[]];
type CompactNote = [string, number, number, string | null, string, number, string[], number[]];

function packLink(link: LinkParts): PackedLink {
  return [link.from, link.to, link.embed ? 1 : 0, link.target, link.targetFrom, link.targetTo, link.subpath, link.display];
}

function packReference(r: IndexedReference): PackedReference {
  const head: [string, number, number, number, number, number, string] = [r.id, FORMS.indexOf(r.form), r.from, r.to, r.line, r.column, r.context];
  return r.link === undefined ? head : [...head, packLink(r.link)];
}

function packNote(note: CachedNote): WholeNote | CompactNote {
  const { facts } = note;
  if (!isScanned(facts)) return [note.path, note.mtime, note.size, facts.id, facts.title, facts.references.map(packReference)];
  const ids = facts.ids.slice(0, facts.keyCount);
  if (ids.some((id) => id === '')) throw new Error(`The cached facts of ${note.path} name an ID by key only; cache IdIndex.storedFacts.`);
  return [note.path, note.mtime, note.size, facts.id, facts.title, facts.textLength, ids, Array.from(facts.ints.subarray(0, facts.length))];
}

/**
 * Encodes the snapshot, yielding after every NOTES_PER_STEP notes so a caller can hand the main
 * thread back; the generator's return value is the text.
 */
export function* encodeSnapshotSteps(snapshot: IndexSnapshot, stamp: CacheStamp): Generator<void, string, void> {
  const lines = [''];
  let checksum = FNV_OFFSET;
  for (let i = 0; i < snapshot.notes.length; i++) {
    if (i > 0 && i % NOTES_PER_STEP === 0) yield;
    const line = JSON.stringify(packNote(snapshot.notes[i]));
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

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Modification times may carry fractions of a millisecond on some platforms; JSON keeps them exactly. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function unpackLink(raw: unknown): LinkParts | null {
  if (!Array.isArray(raw) || raw.length !== 8) return null;
  const from: unknown = raw[0];
  const to: unknown = raw[1];
  const embed: unknown = raw[2];
  const target: unknown = raw[3];
  const targetFrom: unknown = raw[4];
  const targetTo: unknown = raw[5];
  const subpath: unknown = raw[6];
  const display: unknown = raw[7];
  if (!isInt(from) || !isInt(to) || to < from || (embed !== 0 && embed !== 1)) return null;
  if (!isString(target) || !isInt(targetFrom) || !isInt(targetTo) || targetTo < targetFrom) return null;
  if (targetFrom < from || targetTo > to || !isString(subpath) || (display !== null && !isString(display))) return null;
  return { from, to, embed: embed === 1, target, targetFrom, targetTo, subpath, display };
}

function unpackReference(raw: unknown): IndexedReference | null {
  if (!Array.isArray(raw) || (raw.length !== 7 && raw.length !== 8)) return null;
  const id: unknown = raw[0];
  const formIndex: unknown = raw[1];
  const from: unknown = raw[2];
  const to: unknown = raw[3];
  const line: unknown = raw[4];
  const column: unknown = raw[5];
  const context: unknown = raw[6];
  if (!isString(id) || id === '' || !isInt(formIndex) || formIndex >= FORMS.length) return null;
  if (!isInt(from) || !isInt(to) || to - from !== id.length || !isInt(line) || line < 1 || !isInt(column) || column < 1) return null;
  if (!isString(context)) return null;
  const form = FORMS[formIndex];
  if (raw.length === 7) return form === 'bare' ? { id, form, from, to, line, column, context } : null;
  const link = unpackLink(raw[7]);
  if (link === null || form === 'bare' || from < link.targetFrom || to > link.targetTo) return null;
  return { id, form, from, to, line, column, context, link };
}

function unpackNote(line: string): CachedNote | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || (raw.length !== 6 && raw.length !== 8)) return null;
  const path: unknown = raw[0];
  const mtime: unknown = raw[1];
  const size: unknown = raw[2];
  const id: unknown = raw[3];
  const title: unknown = raw[4];
  if (!isString(path) || path === '' || !isTime(mtime) || !isInt(size)) return null;
  if ((id !== null && (!isString(id) || id === '')) || !isString(title)) return null;
  const facts = raw.length === 6 ? unpackWhole(path, id, title, raw[5]) : unpackCompact(path, id, title, raw[5], raw[6], raw[7]);
  return facts === null ? null : { path, mtime, size, facts };
}

function unpackWhole(path: string, id: string | null, title: string, packedReferences: unknown): NoteFacts | null {
  if (!Array.isArray(packedReferences)) return null;
  const references: IndexedReference[] = [];
  let previousFrom = -1;
  for (let i = 0; i < packedReferences.length; i++) {
    const reference = unpackReference(packedReferences[i]);
    // The index relies on text order; anything else was not written by us.
    if (reference === null || reference.from < previousFrom) return null;
    previousFrom = reference.from;
    references.push(reference);
  }
  return { path, id, title, references };
}

function unpackCompact(path: string, id: string | null, title: string, textLength: unknown, ids: unknown, ints: unknown): ScannedNote | null {
  if (!isInt(textLength) || !Array.isArray(ids) || !Array.isArray(ints)) return null;
  if (!ids.every((one) => isString(one) && one !== '') || !ints.every((value) => Number.isSafeInteger(value))) return null;
  const records = Int32Array.from(ints as number[]);
  // Int32Array.from wraps what does not fit; a value that changed on the way was not written by us.
  if (records.some((value, i) => value !== ints[i])) return null;
  if (recordsProblem(records, ids as string[], textLength) !== null) return null;
  const keys = new Float64Array(ids.length).fill(-1);
  return { path, id, title, textLength, ints: records, length: records.length, keyCount: ids.length, keys, ids: ids as string[] };
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
 * Decodes a cache file, yielding after every NOTES_PER_STEP notes; returns null (never throws)
 * when the text is not a complete cache written with this encoding by this plugin version.
 */
export function* decodeSnapshotSteps(text: string, stamp: CacheStamp): Generator<void, IndexSnapshot | null, void> {
  if (typeof text !== 'string') return null;
  const lines = text.split('\n');
  // A complete file ends with a newline, so the last piece is empty; anything else was cut short.
  if (lines.length < 2 || lines[lines.length - 1] !== '') return null;
  lines.pop();
  const header = readHeader(lines[0], stamp);
  if (header === null || header.notes !== lines.length - 1) return null;
  const notes: CachedNote[] = [];
  const seen = new Set<string>();
  let checksum = FNV_OFFSET;
  for (let i = 1; i < lines.length; i++) {
    if (i % NOTES_PER_STEP === 0) yield;
    checksum = hashLine(checksum, lines[i]);
    const note = unpackNote(lines[i]);
    if (note === null || seen.has(note.path)) return null;
    seen.add(note.path);
    notes.push(note);
  }
  return checksum === header.checksum ? { settingsKey: header.settingsKey, notes } : null;
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
