/**
 * Vault paths by file name and by path, with case and Unicode normalisation ignored as Obsidian's
 * own lookup ignores them: what link resolution looks variants up in, for the command line's files
 * and the index's notes alike. A key with one path holds the path itself (no array per note).
 */
import { fileNameOf } from './ownId';

/**
 * The spelling two paths are compared in when the exact one fails: case folded and in Unicode NFC,
 * as Obsidian's normalizePath puts every path it handles (docs.obsidian.md, plugin guidelines:
 * "runs the path through String.prototype.normalize"), so `Café` and `Cafe\u0301` name one file.
 */
export function foldPath(path: string): string {
  // ASCII text is its own NFC form: only case to fold (most vault paths, and much cheaper).
  if (isAscii(path)) return path.toLowerCase();
  return path.normalize('NFC').toLowerCase().normalize('NFC');
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** The key a path is listed under by its file name. */
export function nameKey(path: string): string {
  return foldPath(fileNameOf(path));
}

/** Folded key → path, or paths when several share the key. */
export type ListedPaths = Map<string, string | string[]>;

export class PathKeys {
  /** By folded file name (with extension), and by folded path. */
  readonly byName: ListedPaths = new Map();
  readonly byPath: ListedPaths = new Map();

  add(path: string): void {
    addListed(this.byName, nameKey(path), path);
    addListed(this.byPath, foldPath(path), path);
  }

  remove(path: string): void {
    removeListed(this.byName, nameKey(path), path);
    removeListed(this.byPath, foldPath(path), path);
  }

  /** Every path whose file name is `name`, ignoring case and normalisation. */
  named(name: string): readonly string[] {
    return listed(this.byName.get(foldPath(name)));
  }

  /** Every path equal to `path`, ignoring case and normalisation. */
  equalIgnoringCase(path: string): readonly string[] {
    return listed(this.byPath.get(foldPath(path)));
  }
}

/** The paths under a key, as a fresh array. */
function listed(found: string | readonly string[] | undefined): readonly string[] {
  return found === undefined ? [] : typeof found === 'string' ? [found] : [...found];
}

function addListed(map: ListedPaths, key: string, path: string): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, path);
  else if (typeof found === 'string') map.set(key, [found, path]);
  else found.push(path);
}

/** Takes the path off the key's list (a list of one becomes the path itself). */
function removeListed(map: ListedPaths, key: string, path: string): void {
  const found = map.get(key);
  if (found === undefined || found === path) map.delete(key);
  else if (typeof found !== 'string') {
    const rest = found.filter((other) => other !== path);
    map.set(key, rest.length === 1 ? rest[0] : rest);
  }
}
