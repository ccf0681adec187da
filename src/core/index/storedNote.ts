/**
 * The index's packed storage of notes and IDs. At 100k notes the index must stay well under 1 KB
 * per note, so a note's references are not kept as objects: their numbers are delta-encoded
 * varints in one Latin-1 string, their context lines share one string, and only IDs (interned
 * entries) and link parts (rare) are separate objects. Readers decode on demand.
 */
import type { IndexedReference, LinkParts, NoteRecord, ReferenceForm } from '../types';

/**
 * Everything the index knows of one ID. Notes point at entries directly, so the per-reference
 * "does this count" test is a field read, not a map lookup.
 */
export interface IdEntry {
  /** The ID as a standalone string (never a slice that keeps some note's text alive). */
  readonly id: string;
  readonly plausible: boolean;
  owners: Owners;
  /** Paths of notes holding at least one raw reference to the ID: a small array, a Set when large. */
  sources: PathBag;
  /** `sources` sorted, computed on first read after a change. */
  sortedSources: readonly string[] | null;
}

/**
 * A note as stored. The record's fields live here directly (one object per note, not two), and
 * the title is kept as its position in the path when the path spells it (the usual `ID Title.md`).
 */
export interface StoredNote {
  readonly path: string;
  readonly id: string | null;
  /** The title, or `start * TITLE_SPAN + length` of the title inside the path. */
  readonly title: string | number;
  /** One entry per reference, in text order. */
  readonly entries: readonly IdEntry[];
  /** The references' numbers, varint-encoded (see packReferences). */
  readonly layout: string;
  /** Per reference: its context line (without its ID and ellipses), then link target, subpath, display. */
  readonly contexts: string;
}

const TITLE_SPAN = 4096;

/** The title encoded against the path: a number when it is a short slice of the path. */
export function encodeTitle(path: string, title: string): string | number {
  const at = path.lastIndexOf(title);
  return at >= 0 && title.length < TITLE_SPAN && at < 2 ** 18 ? at * TITLE_SPAN + title.length : detach(title);
}

/** The note's public record (a fresh object: the stored note is not handed out). */
export function recordOf(stored: StoredNote): NoteRecord {
  const { path, id, title } = stored;
  if (typeof title === 'string') return { path, id, title };
  const start = Math.floor(title / TITLE_SPAN);
  return { path, id, title: path.slice(start, start + (title % TITLE_SPAN)) };
}

// ---- Owners ---------------------------------------------------------------------------------

/**
 * The notes owning an ID: none, one path (nearly always), or a sorted array of two or more
 * (duplicates). Arrays are replaced, never mutated, so resolutions handed out stay valid.
 */
export type Owners = null | string | readonly string[];

export function ownerCount(owners: Owners): number {
  return owners === null ? 0 : typeof owners === 'string' ? 1 : owners.length;
}

/** The owners as a sorted array (a new one for a single owner). */
export function ownerPaths(owners: Owners): readonly string[] {
  return owners === null ? [] : typeof owners === 'string' ? [owners] : owners;
}

export function addOwner(owners: Owners, path: string): Owners {
  if (owners === null) return path;
  const paths = ownerPaths(owners);
  return paths.includes(path) ? owners : paths.concat(path).sort(comparePaths);
}

export function removeOwner(owners: Owners, path: string): Owners {
  const rest = ownerPaths(owners).filter((owner) => owner !== path);
  return rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest;
}

// ---- Paths of referencing notes -------------------------------------------------------------

/** Most IDs are referenced by a few notes: an array is far smaller than a Set until it grows. */
export type PathBag = string[] | Set<string>;
const BAG_TO_SET = 32;

export function bagHas(bag: PathBag, path: string): boolean {
  return Array.isArray(bag) ? bag.includes(path) : bag.has(path);
}

export function bagSize(bag: PathBag): number {
  return Array.isArray(bag) ? bag.length : bag.size;
}

/** Whether the path is the last one added (arrays append, so a repeat is found at the end). */
export function bagEndsWith(bag: PathBag, path: string): boolean {
  return Array.isArray(bag) ? bag.length > 0 && bag[bag.length - 1] === path : bag.has(path);
}

/** Adds the path (absent) and returns the bag to keep (an array grows into a Set). */
export function bagAdd(bag: PathBag, path: string): PathBag {
  if (!Array.isArray(bag)) return bag.add(path);
  // concat makes an exact-size copy; push would reserve room for 17 paths on the first add.
  if (bag.length < BAG_TO_SET) return bag.concat(path);
  const set = new Set(bag);
  set.add(path);
  return set;
}

/** Removes the path; returns whether it was there. */
export function bagDelete(bag: PathBag, path: string): boolean {
  if (!Array.isArray(bag)) return bag.delete(path);
  const at = bag.indexOf(path);
  if (at < 0) return false;
  bag[at] = bag[bag.length - 1];
  bag.pop();
  return true;
}

// ---- Ordering and counting ------------------------------------------------------------------

/** Code-unit order, the same on every platform and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether references to the entry's ID count: it names a note, or could be a real timestamp. */
export function counts(entry: IdEntry): boolean {
  return entry.owners !== null || entry.plausible;
}

/** The entry's sources in path order (cached until they change). */
export function sortedSources(entry: IdEntry): readonly string[] {
  entry.sortedSources ??= [...entry.sources].sort(comparePaths);
  return entry.sortedSources;
}

// ---- Packing references ---------------------------------------------------------------------

const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];
const ELLIPSIS = '…';
// Flag bits below the context length: form (2 bits), leading ellipsis, trailing ellipsis, ID cut
// out, link parts follow.
const FLAG_BITS = 6;
const LEADING = 4;
const TRAILING = 8;
const ID_CUT = 16;
const LINKED = 32;

/** The packed form of a note's references. */
export interface PackedReferences {
  readonly layout: string;
  readonly contexts: string;
}

const NOTHING_PACKED: PackedReferences = { layout: '', contexts: '' };

/** Packs references (any order) into a layout string and a context string. */
export function packReferences(references: readonly IndexedReference[]): PackedReferences {
  if (references.length === 0) return NOTHING_PACKED;
  const codes: number[] = [];
  const texts: string[] = [];
  let previousFrom = 0;
  let previousLine = 0;
  for (const reference of references) {
    const { context, id, link } = reference;
    let flags = FORMS.indexOf(reference.form) | (link === undefined ? 0 : LINKED);
    let start = 0;
    let end = context.length;
    if (context.startsWith(ELLIPSIS)) {
      flags |= LEADING;
      start += ELLIPSIS.length;
    }
    if (end - start >= ELLIPSIS.length && context.endsWith(ELLIPSIS)) {
      flags |= TRAILING;
      end -= ELLIPSIS.length;
    }
    // The ID is known from the entry, so the context keeps only what surrounds its first occurrence.
    const idAt = id === '' ? -1 : context.indexOf(id, start);
    const cut = idAt >= 0 && idAt + id.length <= end;
    if (cut) {
      flags |= ID_CUT;
      texts.push(context.slice(start, idAt), context.slice(idAt + id.length, end));
    } else texts.push(context.slice(start, end));
    pushVarint(codes, zigzag(reference.from - previousFrom));
    pushVarint(codes, zigzag(reference.to - reference.from));
    pushVarint(codes, zigzag(reference.line - previousLine));
    pushVarint(codes, zigzag(reference.column));
    pushVarint(codes, (end - start - (cut ? id.length : 0)) * 2 ** FLAG_BITS + flags);
    if (cut) pushVarint(codes, idAt - start);
    if (link !== undefined) packLink(link, reference, codes, texts);
    previousFrom = reference.from;
    previousLine = reference.line;
  }
  return { layout: fromCodes(codes), contexts: compactCopy(texts.join('')) };
}

/** Link offsets relative to the ID, and its texts after the context (display: 0 = none, else length + 1). */
function packLink(link: LinkParts, reference: IndexedReference, codes: number[], texts: string[]): void {
  pushVarint(codes, zigzag(reference.from - link.from));
  pushVarint(codes, zigzag(link.to - reference.to));
  pushVarint(codes, zigzag(link.targetFrom - link.from));
  pushVarint(codes, zigzag(link.targetTo - link.targetFrom));
  pushVarint(codes, link.embed ? 1 : 0);
  pushVarint(codes, link.target.length);
  pushVarint(codes, link.subpath.length);
  pushVarint(codes, link.display === null ? 0 : link.display.length + 1);
  texts.push(link.target, link.subpath, link.display ?? '');
}

/**
 * Reads a note's references one by one without allocating per reference; `reference()` builds
 * the public object for the current one only when a caller keeps it.
 */
export class ReferenceReader {
  index = -1;
  from = 0;
  to = 0;
  line = 0;
  column = 0;
  /** The current reference's link parts (decoded with it; links are the rarer form). */
  link: LinkParts | undefined = undefined;
  private flags = 0;
  private contextStart = 0;
  private contextLength = 0;
  private contextEnd = 0;
  private idAt = 0;
  private position = 0;

  constructor(private readonly stored: StoredNote) {}

  /** Moves to the next reference; false after the last. */
  next(): boolean {
    if (this.index + 1 >= this.stored.entries.length) return false;
    this.index++;
    this.from += unzigzag(this.varint());
    this.to = this.from + unzigzag(this.varint());
    this.line += unzigzag(this.varint());
    this.column = unzigzag(this.varint());
    const field = this.varint();
    this.flags = field % 2 ** FLAG_BITS;
    this.contextStart = this.contextEnd;
    this.contextLength = Math.floor(field / 2 ** FLAG_BITS);
    this.contextEnd = this.contextStart + this.contextLength;
    this.idAt = (this.flags & ID_CUT) !== 0 ? this.varint() : 0;
    this.link = (this.flags & LINKED) !== 0 ? this.readLink() : undefined;
    return true;
  }

  private readLink(): LinkParts {
    const from = this.from - unzigzag(this.varint());
    const to = this.to + unzigzag(this.varint());
    const targetFrom = from + unzigzag(this.varint());
    const targetTo = targetFrom + unzigzag(this.varint());
    const embed = this.varint() === 1;
    const texts = this.stored.contexts;
    const target = texts.slice(this.contextEnd, (this.contextEnd += this.varint()));
    const subpath = texts.slice(this.contextEnd, (this.contextEnd += this.varint()));
    const displayLength = this.varint();
    const display = displayLength === 0 ? null : texts.slice(this.contextEnd, (this.contextEnd += displayLength - 1));
    return { from, to, embed, target, targetFrom, targetTo, subpath, display };
  }

  /** After the last next(): whether the layout and contexts were read exactly to their ends. */
  consumedAll(): boolean {
    return this.position === this.stored.layout.length && this.contextEnd === this.stored.contexts.length;
  }

  get entry(): IdEntry {
    return this.stored.entries[this.index];
  }

  /** The current reference as the reader interface hands it out. */
  reference(): IndexedReference {
    const link = this.link;
    return {
      id: this.entry.id,
      form: FORMS[this.flags & 3],
      from: this.from,
      to: this.to,
      line: this.line,
      column: this.column,
      context: this.context(),
      ...(link === undefined ? {} : { link }),
    };
  }

  private context(): string {
    const { contexts } = this.stored;
    let context = contexts.slice(this.contextStart, this.contextStart + this.contextLength);
    if ((this.flags & ID_CUT) !== 0) context = context.slice(0, this.idAt) + this.entry.id + context.slice(this.idAt);
    if ((this.flags & LEADING) !== 0) context = ELLIPSIS + context;
    if ((this.flags & TRAILING) !== 0) context += ELLIPSIS;
    return context;
  }

  private varint(): number {
    const layout = this.stored.layout;
    let value = 0;
    let scale = 1;
    for (;;) {
      const code = layout.charCodeAt(this.position++);
      value += (code & 127) * scale;
      if (code < 128) return value;
      scale *= 128;
    }
  }
}

function pushVarint(codes: number[], value: number): void {
  while (value >= 128) {
    codes.push((value % 128) + 128);
    value = Math.floor(value / 128);
  }
  codes.push(value);
}

function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/** The codes (each below 256) as a one-byte string. */
function fromCodes(codes: readonly number[]): string {
  if (codes.length <= CODES_PER_CALL) return String.fromCharCode.apply(null, codes as number[]);
  const chunks: string[] = [];
  // fromCharCode takes its codes as arguments; chunk to stay far below engine argument limits.
  for (let at = 0; at < codes.length; at += CODES_PER_CALL) {
    chunks.push(String.fromCharCode.apply(null, codes.slice(at, at + CODES_PER_CALL)));
  }
  return chunks.join('');
}

const CODES_PER_CALL = 8192;

/**
 * A flat copy of the text, one byte per character when every character fits. Joined slices of a
 * note keep the note's representation: a note with a single curly quote anywhere is two bytes per
 * character, so its contexts would cost twice what they need; and a single slice would keep the
 * whole note alive. V8's JSON parser builds fresh strings, one-byte whenever it can, and
 * round-trips every string exactly (lone surrogates included), at about a microsecond per note.
 */
function compactCopy(text: string): string {
  return text === '' ? '' : (JSON.parse(JSON.stringify(text)) as string);
}

// ---- Strings that keep nothing else alive ---------------------------------------------------

/**
 * A flat copy of the string. V8 keeps `text.slice(…)` of 13+ characters as a view into the whole
 * text, so an ID, title or context taken from a note would keep the note's full text alive; joining
 * two parts always builds a fresh flat string.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : [value.slice(0, 1), value.slice(1)].join('');
}
