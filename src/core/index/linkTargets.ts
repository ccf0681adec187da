/** Which vault file a wikilink or markdown link names, following Obsidian's resolution rules. */
import type { LinkParts, ReferenceForm } from '../types';
import { fileNameOf, hasMarkdownExtension } from './ownId';

/** The vault's note paths as link resolution needs them. */
export interface LinkPathLookup {
  has(path: string): boolean;
  /**
   * Every path whose file name (with extension) is `name`, ignoring case, like Obsidian's own
   * lookup. A lookup that matches exact case only still works; it just misses case variants.
   */
  byBasename(name: string): readonly string[];
}

const FOLDER_NOTE_NAMES = ['README.md', 'index.md'];

/**
 * The vault path a link names, or null when it names no file. Wikilinks resolve by vault path
 * (or relative with `./`, `../`) and then by file name anywhere, shortest path winning (Obsidian's
 * rule; ties by path order); `.md` is optional. Markdown links are URL-decoded and resolve relative
 * to the source note's folder, or from the vault root with a leading `/`, then by file name like
 * wikilinks (Obsidian resolves both the same way). A link to a folder names its `README.md` or
 * `index.md`. An exact-case match wins; otherwise case is ignored, as Obsidian does.
 */
export function resolveLinkPath(
  link: LinkParts,
  form: ReferenceForm,
  sourcePath: string,
  paths: LinkPathLookup,
): string | null {
  const target = form === 'markdown' ? decodeTarget(link.target) : link.target.trim();
  if (target === '') return null;
  const folder = sourcePath.includes('/') ? sourcePath.slice(0, sourcePath.lastIndexOf('/')) : '';

  if (target.startsWith('/')) return resolveRooted(target, paths);
  const explicitlyRelative = target.startsWith('./') || target.startsWith('../');
  const relative = joinPath(folder, target);
  if (form === 'markdown' || explicitlyRelative) {
    const found = relative === null ? null : existing(relative, paths);
    if (found !== null || explicitlyRelative) return found;
  }
  const fromRoot = normalizePath(target);
  const direct = fromRoot === null ? null : existing(fromRoot, paths);
  if (direct !== null) return direct;
  return fromRoot === null ? null : byFileName(fromRoot, paths);
}

/**
 * A leading `/` means the vault root, but a vault kept in a subfolder of a git repository often
 * holds repository-absolute links (`/zet/ID/README.md` where the vault root is `zet/`). When the
 * vault-absolute reading names nothing, leading segments are dropped one at a time and the first
 * reading that names a file wins. Dropping segments can only ever find files the link ends with,
 * so it never points a link somewhere its own text does not spell out.
 */
function resolveRooted(target: string, paths: LinkPathLookup): string | null {
  const normalized = normalizePath(target.replace(/^\/+/, ''));
  if (normalized === null || normalized === '') return null;
  const segments = normalized.split('/');
  for (let drop = 0; drop < segments.length; drop++) {
    const found = existing(segments.slice(drop).join('/'), paths);
    if (found !== null) return found;
  }
  return null;
}

/** The path itself, with `.md` added, or the folder note inside it, whichever exists. */
function existing(path: string, paths: LinkPathLookup): string | null {
  if (path === '') return null;
  const folder = path.replace(/\/+$/, '');
  const candidates = [path];
  if (!hasMarkdownExtension(path)) candidates.push(`${path}.md`);
  for (const name of FOLDER_NOTE_NAMES) candidates.push(folder === '' ? name : `${folder}/${name}`);
  for (const candidate of candidates) if (paths.has(candidate)) return candidate;
  for (const candidate of candidates) {
    const wanted = candidate.toLowerCase();
    const found = shortest(paths.byBasename(fileNameOf(candidate)).filter((other) => other.toLowerCase() === wanted));
    if (found !== null) return found;
  }
  return null;
}

/** Obsidian's fallback: a file with that name anywhere whose path ends with the link's path. */
function byFileName(target: string, paths: LinkPathLookup): string | null {
  const name = fileNameOf(target);
  if (name === '') return null;
  const names = hasMarkdownExtension(name) ? [name] : [name, `${name}.md`];
  const ends = names.map((candidate) => `/${target.slice(0, target.length - name.length)}${candidate}`);
  const found = names.flatMap((candidate) => paths.byBasename(candidate));
  const exact = found.filter((path) => ends.some((end) => `/${path}`.endsWith(end)));
  if (exact.length > 0) return shortest(exact);
  const folded = ends.map((end) => end.toLowerCase());
  return shortest(found.filter((path) => folded.some((end) => `/${path}`.toLowerCase().endsWith(end))));
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

/** `folder` joined with a relative path; null when `..` climbs above the vault root. */
function joinPath(folder: string, relative: string): string | null {
  return normalizePath(folder === '' ? relative : `${folder}/${relative}`);
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
