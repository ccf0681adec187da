/** Which vault file a wikilink or markdown link names, following Obsidian's resolution rules. */
import { DENOTE_SCHEME } from '../ids/links';
import type { IdIndexReader, LinkParts, ReferenceForm } from '../types';
import { fileNameOf, hasMarkdownExtension } from './ownId';
import { foldPath, isAscii, PathKeys } from './pathKeys';

export { foldPath } from './pathKeys';

/** The vault's note paths as link resolution needs them. */
export interface LinkPathLookup {
  has(path: string): boolean;
  /**
   * Every path whose file name (with extension) is `name`, ignoring case and, where the lookup can,
   * Unicode normalisation (createPathLookup does both), like Obsidian's own lookup. A lookup that
   * matches exact spelling only still works; it just misses the variants.
   */
  byBasename(name: string): readonly string[];
  /**
   * Every path equal to `path` ignoring case (and normalisation, where it can). Optional: without it,
   * variants are found by walking byBasename(name), which in an `ID/README.md` vault lists every note.
   */
  byPathIgnoringCase?(path: string): readonly string[];
  /**
   * Whether some path's file name is exactly `name`, or (with `orNote`) exactly `name` + `.md`: case
   * and normalisation as written. Optional: without it, byBasename is walked for an exact match,
   * which folds every path's name first.
   */
  hasFileNamedExactly?(name: string, orNote: boolean): boolean;
  /**
   * The one note owning an ID, or null (none, or several). Optional: without it a Denote link
   * (`denote:ID`, which names a note by its ID, not by its file) names no file.
   */
  ownerOfId?(id: string): string | null;
}

/** The lookup with `ownerOfId` answered from the index, for Denote links. */
export function withIdOwners(paths: LinkPathLookup, index: Pick<IdIndexReader, 'resolve'>): LinkPathLookup {
  return {
    has: (path) => paths.has(path),
    byBasename: (name) => paths.byBasename(name),
    // The optional questions, passed on when the lookup has them (their defaults are never reached).
    ...(paths.byPathIgnoringCase === undefined ? {} : { byPathIgnoringCase: (path: string) => paths.byPathIgnoringCase?.(path) ?? [] }),
    ...(paths.hasFileNamedExactly === undefined ? {} : { hasFileNamedExactly: (name: string, orNote: boolean) => paths.hasFileNamedExactly?.(name, orNote) ?? false }),
    ownerOfId: (id) => soleOwner(index, id),
  };
}

/** The path of the one note owning the ID, or null. */
export function soleOwner(index: Pick<IdIndexReader, 'resolve'>, id: string): string | null {
  const resolution = index.resolve(id);
  return resolution.status === 'resolved' ? resolution.paths[0] : null;
}

/** A lookup over vault paths that finds case and normalisation variants. */
export function createPathLookup(given: readonly string[]): LinkPathLookup {
  // Every set is built on the first lookup that needs it (from a copy, so later changes to the
  // caller's array do not show): most links are settled by file name alone, and many runs resolve
  // every link exactly.
  const paths = given.slice();
  let all: Set<string> | null = null;
  let names: Set<string> | null = null;
  let noteNames: Set<string> | null = null;
  let keys: PathKeys | null = null;
  const allPaths = (): Set<string> => (all ??= new Set(paths));
  const folded = (): PathKeys => {
    // (Built again each time, the answers would be the same: this saves the work.)
    if (keys === null) {
      keys = new PathKeys();
      for (const path of allPaths()) keys.add(path);
    }
    return keys;
  };
  return {
    has: (path) => allPaths().has(path),
    byBasename: (name) => folded().named(name),
    byPathIgnoringCase: (path) => folded().equalIgnoringCase(path),
    hasFileNamedExactly: (name, orNote) =>
      (orNote && (noteNames ??= namesOfNotes(paths)).has(name)) || (names ??= new Set(paths.map(fileNameOf))).has(name),
  };
}

/** The file names of the `.md` files, `.md` left off: a link's plain name is looked up as it is. */
function namesOfNotes(paths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) if (path.endsWith('.md')) names.add(path.slice(path.lastIndexOf('/') + 1, -3));
  return names;
}

/** The path as written, composed and decomposed: a lookup that folds case only still finds the other form. */
function spellings(path: string): string[] {
  if (isAscii(path)) return [path]; // (a shortcut: both forms of an ASCII path are the path)
  return [...new Set([path, path.normalize('NFC'), path.normalize('NFD')])];
}

const FOLDER_NOTE_NAMES = ['README.md', 'index.md'];

/**
 * The vault path a link names, or null when it names no file. Wikilinks resolve by vault path
 * (or relative with `./`, `../`) and then by file name anywhere, shortest path winning (Obsidian's
 * rule; ties by path order); `.md` is optional. Markdown links are URL-decoded and resolve relative
 * to the source note's folder, or from the vault root with a leading `/`, then by file name like
 * wikilinks (Obsidian resolves both the same way). A link to a folder names its `README.md` or
 * `index.md`; a target ending in `/` names only a folder. An exact match wins; otherwise case and
 * Unicode normalisation are ignored, as Obsidian does. A Denote link (`[desc](denote:ID)`) names
 * the note owning the ID.
 */
export function resolveLinkPath(
  link: Pick<LinkParts, 'target'>,
  form: ReferenceForm,
  sourcePath: string,
  paths: LinkPathLookup,
): string | null {
  if (form === 'markdown' && link.target.startsWith(DENOTE_SCHEME)) return paths.ownerOfId?.(link.target.slice(DENOTE_SCHEME.length)) ?? null;
  const target = form === 'markdown' ? decodeTarget(link.target) : link.target.trim();
  if (target === '') return null;
  const readings = pathReadings(target, form, sourcePath);
  if (readings === null) return null;
  // A trailing slash names a folder (its folder note), never the file `path.md`.
  const folder = target.endsWith('/');
  const candidates = readings.flatMap((path) => fileCandidates({ path, folder }));
  // Every exact reading is tried before any case-insensitive one: the latter walks every file of
  // that name, which in an `ID/README.md` vault is every note.
  for (const candidate of candidates) if (paths.has(candidate)) return candidate;
  for (const candidate of candidates) {
    const found = shortest(variantsOf(candidate, paths));
    if (found !== null) return found;
  }
  const lastResort = folder || target.startsWith('/') || isExplicitlyRelative(target) ? null : normalizePath(target);
  // (byFileName finds nothing for '' either: said plainly.)
  return lastResort === null || lastResort === '' ? null : byFileName(lastResort, paths);
}

/**
 * Whether the link names a file (resolveLinkPath would give a path). A target that is a plain file
 * name, the usual `[[ID Title]]`, is answered by a lookup of that name first: whatever the exact
 * readings find, the by-name fallback finds a file too, so a hit there settles it.
 */
export function namesAFile(link: Pick<LinkParts, 'target'>, form: ReferenceForm, sourcePath: string, paths: LinkPathLookup): boolean {
  const target = form === 'markdown' ? decodeTarget(link.target) : link.target.trim();
  // A shortcut: where it does not answer, full resolution does, the same way (tests hold the two equal).
  if (target !== '' && target !== '.' && target !== '..' && !target.includes('/') && hasFileNamed(target, paths)) return true;
  return resolveLinkPath(link, form, sourcePath, paths) !== null;
}

/**
 * Whether the link, read by name, names exactly the file at `path` (`[[ID Title]]` and the note
 * `…/ID Title.md`): then it names a file for sure, and no lookup is needed to know it.
 */
export function linkNamesFile(link: Pick<LinkParts, 'target'>, form: ReferenceForm, path: string): boolean {
  const name = form === 'markdown' ? decodeTarget(link.target) : link.target.trim();
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return false;
  const nameStart = path.lastIndexOf('/') + 1;
  const fileLength = path.length - nameStart;
  if (fileLength === name.length) return path.endsWith(name);
  return fileLength === name.length + 3 && !hasMarkdownExtension(name) && path.startsWith(name, nameStart) && path.endsWith('.md');
}

/** Whether a file is named `name` (or `name.md`), exact case: what byFileName finds first for a plain name. */
function hasFileNamed(name: string, paths: LinkPathLookup): boolean {
  if (paths.hasFileNamedExactly !== undefined) return paths.hasFileNamedExactly(name, !hasMarkdownExtension(name));
  if (!hasMarkdownExtension(name) && someEndsWithName(paths.byBasename(`${name}.md`), `${name}.md`)) return true;
  return someEndsWithName(paths.byBasename(name), name);
}

/**
 * byBasename gives only files of that name, any of which the by-name fallback (ignoring case) finds:
 * these exact-spelling checks keep the shortcut exact, but no answer of namesAFile depends on them.
 */
function someEndsWithName(found: readonly string[], name: string): boolean {
  for (const path of found) {
    if (path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 47)) return true;
  }
  return false;
}

/**
 * The vault paths a link target can mean, most likely first; null when it climbs above the root.
 * A leading `/` means the vault root, but a vault kept in a subfolder of a git repository often
 * holds repository-absolute links (`/zet/ID/README.md` where the vault root is `zet/`), so readings
 * with leading segments dropped follow. Dropping segments can only ever find files the link ends
 * with, so it never points a link somewhere its own text does not spell out. Markdown links and
 * `./`, `../` targets are relative to the source note's folder; other wikilinks are read from the
 * vault root (their by-name fallback comes last, in resolveLinkPath).
 */
function pathReadings(target: string, form: ReferenceForm, sourcePath: string): string[] | null {
  if (target.startsWith('/')) {
    // (normalizePath drops empty segments too, so how many slashes go here does not matter.)
    const rooted = normalizePath(target.replace(/^\/+/, ''));
    if (rooted === null || rooted === '') return null;
    const segments = rooted.split('/');
    return segments.map((_, drop) => segments.slice(drop).join('/'));
  }
  const folder = sourcePath.includes('/') ? sourcePath.slice(0, sourcePath.lastIndexOf('/')) : '';
  // (For folder '', `/${target}` would give the same: normalizePath drops empty segments.)
  const relative = normalizePath(folder === '' ? target : `${folder}/${target}`);
  if (isExplicitlyRelative(target)) return relative === null ? null : [relative];
  const fromRoot = normalizePath(target);
  const readings: string[] = [];
  if (form === 'markdown' && relative !== null) readings.push(relative);
  if (fromRoot !== null) readings.push(fromRoot);
  return readings;
}

function isExplicitlyRelative(target: string): boolean {
  return target.startsWith('./') || target.startsWith('../');
}

function variantsOf(path: string, paths: LinkPathLookup): readonly string[] {
  const wanted = foldPath(path);
  // Either way finds the same variants; the first is quicker where the lookup has it.
  const found = spellings(path).flatMap((spelling) =>
    paths.byPathIgnoringCase !== undefined ? paths.byPathIgnoringCase(spelling) : paths.byBasename(fileNameOf(spelling)),
  );
  return [...new Set(found)].filter((other) => foldPath(other) === wanted);
}

/**
 * A reading as a file: the path itself, with `.md` added, or the folder note inside it. A reading
 * that ends in `/` names a folder, so only its folder note.
 */
function fileCandidates(reading: { path: string; folder: boolean }): string[] {
  const { path } = reading;
  // '' is the vault root, not a file: without this, `[[.]]` would name a file called `.md`.
  if (path === '') return [];
  if (reading.folder) return FOLDER_NOTE_NAMES.map((name) => `${path}/${name}`);
  const candidates = [path];
  if (!hasMarkdownExtension(path)) candidates.push(`${path}.md`);
  for (const name of FOLDER_NOTE_NAMES) candidates.push(`${path}/${name}`);
  return candidates;
}

/** Obsidian's fallback: a file with that name anywhere whose path ends with the link's path. */
function byFileName(target: string, paths: LinkPathLookup): string | null {
  const name = fileNameOf(target);
  if (name === '') return null; // (never: a normalized path does not end in '/'; said plainly)
  const names = hasMarkdownExtension(name) ? [name] : [name, `${name}.md`];
  const ends = names.map((candidate) => `/${target.slice(0, target.length - name.length)}${candidate}`);
  const found = [...new Set(names.flatMap((candidate) => spellings(candidate).flatMap((spelling) => paths.byBasename(spelling))))];
  const exact = found.filter((path) => ends.some((end) => `/${path}`.endsWith(end)));
  if (exact.length > 0) return shortest(exact);
  const folded = ends.map(foldPath);
  return shortest(found.filter((path) => folded.some((end) => foldPath(`/${path}`).endsWith(end))));
}

/** The shortest path, ties broken by code-unit order (deterministic); null for none. */
function shortest(candidates: readonly string[]): string | null {
  let best: string | null = null;
  for (const candidate of candidates) {
    if (best === null || candidate.length < best.length || (candidate.length === best.length && candidate < best)) best = candidate;
  }
  return best;
}

function decodeTarget(target: string): string {
  let trimmed = target.trim();
  if (trimmed.startsWith('<') && trimmed.endsWith('>')) trimmed = trimmed.slice(1, -1);
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

/** Resolves `.` and `..` segments and drops empty ones; null when `..` climbs above the root. */
function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}
