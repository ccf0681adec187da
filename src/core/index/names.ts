/**
 * The first pass at start-up: every note from its path alone, so IDs resolve before any file is
 * read. For the preset formats the own ID and the title are read straight off the path's
 * characters (no regex, no string but the path itself); a custom pattern goes the general way.
 * Either way the result equals what `namesOnlyFacts` gives for each path.
 */
import type { IdFormat } from '../ids/formats';
import { isTrimmed } from '../ids/whiteSpace';
import type { OwnIdSource } from '../settings';
import { idKeysFor, type IdKeys } from './idKeys';
import { NONE, type IdTable } from './idTable';
import { namesOnlyFacts } from './noteFacts';
import type { NoteTable } from './noteTable';

/** What decides a note's own ID from its path. */
export interface NamesOptions {
  readonly format: IdFormat;
  readonly ownIdSources: readonly OwnIdSource[];
  readonly frontmatterKey: string;
}

/** Adds every path not yet in the table, calling `added(slot)` for each (its own ID's slot is set, not yet owned). */
export function addNames(
  paths: readonly string[], options: NamesOptions, mayDefer: boolean, notes: NoteTable, ids: IdTable, added: (slot: number) => void,
): void {
  // Denote titles are not spans of the name (hyphens read as spaces): they go the general way.
  const keys = options.format.key === 'denote' ? null : idKeysFor(options.format);
  const sources = options.ownIdSources.filter((source) => source !== 'frontmatter');
  // Into an empty index (start-up) every path is new: it enters the path map when one is next
  // looked up, not now (a path given twice is dropped then).
  const empty = mayDefer && notes.size === 0;
  const reading = new NameReading();
  ids.reserve(paths.length);
  notes.reserve(paths.length);
  const first = empty ? notes.addUnmapped(paths) : NONE;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    let slot: number;
    if (empty) slot = first + i;
    else {
      if (notes.has(path)) continue;
      slot = notes.add(path);
    }
    if (keys === null) addByFacts(path, slot, options, notes, ids);
    else addByKeys(path, slot, sources, reading, keys, notes, ids);
    added(slot);
  }
}

function addByFacts(path: string, slot: number, options: NamesOptions, notes: NoteTable, ids: IdTable): void {
  const facts = namesOnlyFacts(path, options);
  if (facts.id !== null) notes.ownId[slot] = ids.intern(facts.id);
  notes.setTitle(slot, facts.title);
}

/** Own ID and title as titleOf gives them without a text, read off the path's characters. */
function addByKeys(path: string, slot: number, sources: readonly OwnIdSource[], reading: NameReading, keys: IdKeys, notes: NoteTable, ids: IdTable): void {
  const name = reading.read(path, keys);
  // Indexed, not for…of: the iterator's result objects are garbage once per path.
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    const at = source === 'filename' ? FILE_KEY : source === 'folder' ? FOLDER_KEY : -1;
    // Read in place: a key is a double past the small-integer range, and passing one boxes it.
    if (at >= 0 && name.ownKeys[at] >= 0) {
      notes.ownId[slot] = ids.internKeyIn(name.ownKeys, at);
      break;
    }
  }
  if (name.titleFrom >= 0) return notes.setTitleSpan(slot, name.titleFrom, name.titleTo);
  // A name that holds nothing but its ID (or a folder note, whose heading is not known yet): the ID, else the stem.
  const own = notes.ownId[slot];
  if (own !== NONE) notes.setTitle(slot, ids.idOf(own));
  else notes.setTitleSpan(slot, name.nameStart, name.stemEnd);
}

const FILE_KEY = 0;
const FOLDER_KEY = 1;

/**
 * What a path spells with a preset format, read off its characters (no regex, no string): the
 * own ID of each path source (ownIdOf) and the title the name spells (titleOf's titleInName).
 * One instance is reused path after path.
 */
export class NameReading {
  /** Where the file name starts, and where its stem ends (before `.md`). */
  nameStart = 0;
  stemEnd = 0;
  /**
   * At FILE_KEY, the key of the ID the file name starts with (then its end or a separator); at
   * FOLDER_KEY, for a folder note in a folder named exactly an ID, that ID's key; else -1.
   */
  readonly ownKeys = new Float64Array(2);
  /** For a folder note in a folder named exactly an ID: where the folder's name starts; else -1. */
  folderStart = -1;
  /** The title's span in the path, or -1 when the name spells none (a folder note, or a name of an ID alone). */
  titleFrom = -1;
  titleTo = -1;

  get fileKey(): number {
    return this.ownKeys[FILE_KEY];
  }

  read(path: string, keys: IdKeys): this {
    const nameStart = fileNameStart(path);
    const stemEnd = hasMarkdownExtension(path) ? path.length - 3 : path.length;
    const folderNote = nameStart > 0 && isFolderNoteName(path, nameStart);
    keys.keyInto(path, nameStart, this.ownKeys, FILE_KEY);
    const prefix = this.ownKeys[FILE_KEY] < 0 ? 0 : idPrefix(path, nameStart, stemEnd, keys);
    this.nameStart = nameStart;
    this.stemEnd = stemEnd;
    if (prefix === 0) this.ownKeys[FILE_KEY] = -1;
    this.ownKeys[FOLDER_KEY] = -1;
    this.folderStart = -1;
    this.titleFrom = -1;
    this.titleTo = -1;
    if (folderNote) {
      const folderStart = path.lastIndexOf('/', nameStart - 2) + 1;
      if (nameStart - 1 - folderStart === keys.length) {
        keys.keyInto(path, folderStart, this.ownKeys, FOLDER_KEY);
        if (this.ownKeys[FOLDER_KEY] >= 0) this.folderStart = folderStart;
      }
      return this;
    }
    // The name after the ID and its separators, trimmed; without an ID, the whole stem.
    let start = nameStart + prefix;
    while (start < stemEnd && isSeparator(path.charCodeAt(start))) start++;
    while (start < stemEnd && isTrimmed(path.charCodeAt(start))) start++;
    let end = stemEnd;
    while (end > start && isTrimmed(path.charCodeAt(end - 1))) end--;
    if (start < end) {
      this.titleFrom = start;
      this.titleTo = end;
    } else if (prefix === 0 && nameStart < stemEnd) {
      this.titleFrom = nameStart;
      this.titleTo = stemEnd;
    }
    return this;
  }
}

/** Where the file name starts: after the last `/`, found forwards (V8's lastIndexOf is several times slower on paths). */
function fileNameStart(path: string): number {
  let start = 0;
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) start = slash + 1;
  return start;
}

/**
 * Length of the ID at the start of the stem (its digits already known to be an ID's) when it ends
 * there or before a separator, else 0 (idPrefixLength).
 */
function idPrefix(path: string, nameStart: number, stemEnd: number, keys: IdKeys): number {
  const end = nameStart + keys.length;
  if (end > stemEnd) return 0;
  return end === stemEnd || isSeparator(path.charCodeAt(end)) ? keys.length : 0;
}

function hasMarkdownExtension(path: string): boolean {
  const length = path.length;
  return length >= 3 && path.charCodeAt(length - 3) === 46 && (path.charCodeAt(length - 2) | 32) === 109 && (path.charCodeAt(length - 1) | 32) === 100;
}

/** Whether the file name is `README.md` or `index.md`, any case (isFolderNote, without a copy of the name). */
function isFolderNoteName(path: string, nameStart: number): boolean {
  const length = path.length - nameStart;
  return (length === 9 && equalsIgnoringCase(path, nameStart, 'readme.md')) || (length === 8 && equalsIgnoringCase(path, nameStart, 'index.md'));
}

/** Whether path[from…] is `lower` ignoring ASCII case (`lower` is lower case ASCII). */
function equalsIgnoringCase(path: string, from: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const code = path.charCodeAt(from + i);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (folded !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** ' ', '-' and '_', the separators between a leading ID and the title. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || code === 95;
}
