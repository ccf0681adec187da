/**
 * The index's storage of notes and IDs. At 100k notes the index must stay well under 1 KB per
 * note: one object per note and per ID, owners and referencing paths as plain strings or small
 * arrays, and a note's references packed into one string (see packing.ts).
 */
import type { NoteRecord } from '../types';

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
  /** The references' numbers, context lines and link texts in one string (see packing.ts). */
  readonly packed: string;
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

/** How many notes own the ID. */
export function ownerCount(owners: Owners): number {
  return owners === null ? 0 : typeof owners === 'string' ? 1 : owners.length;
}

/** The owners as a sorted array (a new one for a single owner). */
export function ownerPaths(owners: Owners): readonly string[] {
  return owners === null ? [] : typeof owners === 'string' ? [owners] : owners;
}

/** The owners with the path added (sorted; unchanged when already there). */
export function addOwner(owners: Owners, path: string): Owners {
  if (owners === null) return path;
  const paths = ownerPaths(owners);
  return paths.includes(path) ? owners : paths.concat(path).sort(comparePaths);
}

/** The owners without the path. */
export function removeOwner(owners: Owners, path: string): Owners {
  const rest = ownerPaths(owners).filter((owner) => owner !== path);
  return rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest;
}

// ---- Paths of referencing notes -------------------------------------------------------------

/** Most IDs are referenced by a few notes: an array is far smaller than a Set until it grows. */
export type PathBag = string[] | Set<string>;
const BAG_TO_SET = 32;

/** Whether the bag holds the path. */
export function bagHas(bag: PathBag, path: string): boolean {
  return Array.isArray(bag) ? bag.includes(path) : bag.has(path);
}

/** How many paths the bag holds. */
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

// ---- Paths by folded key (link resolution) --------------------------------------------------

/** Lower-cased key → path, or paths when several share the key. */
export type ListedPaths = Map<string, string | string[]>;

/** The maps link resolution uses, built on the first link lookup (see IdIndex.paths). */
export interface LinkMaps {
  readonly byName: ListedPaths;
  readonly byPath: ListedPaths;
}

/** The paths under a key, as a fresh array. */
export function listed(found: string | readonly string[] | undefined): readonly string[] {
  return found === undefined ? [] : typeof found === 'string' ? [found] : [...found];
}

/** Lists the path under the key. */
export function addListed(map: ListedPaths, key: string, path: string): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, path);
  else if (typeof found === 'string') map.set(key, [found, path]);
  else found.push(path);
}

/** Takes the path off the key's list (a list of one becomes the path itself). */
export function removeListed(map: ListedPaths, key: string, path: string): void {
  const found = map.get(key);
  if (found === undefined || found === path) map.delete(key);
  else if (typeof found !== 'string') {
    const rest = found.filter((other) => other !== path);
    map.set(key, rest.length === 1 ? rest[0] : rest);
  }
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

// ---- Strings that keep nothing else alive ---------------------------------------------------

/**
 * A flat copy of the string. V8 keeps `text.slice(…)` of 13+ characters as a view into the whole
 * text, so an ID, title or context taken from a note would keep the note's full text alive; joining
 * two parts always builds a fresh flat string.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : [value.slice(0, 1), value.slice(1)].join('');
}
