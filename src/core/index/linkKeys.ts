/**
 * Lower-cased file name, and lower-cased path, → path, or paths when several share it (rare, so no
 * array per note). Built on the first link lookup and kept up to date from then on: only link
 * resolution needs them, and a vault that never asks pays nothing.
 */
import type { NoteTable } from './noteTable';
import { fileNameOf } from './ownId';

/** Lower-cased key → path, or paths when several share the key. */
export type ListedPaths = Map<string, string | string[]>;

export class LinkKeys {
  /** Null until a link lookup built them. */
  maps: { readonly byName: ListedPaths; readonly byPath: ListedPaths } | null = null;

  constructor(private readonly notes: NoteTable) {}

  byName(name: string): readonly string[] {
    return listed(this.built().byName.get(name.toLowerCase()));
  }

  byPathIgnoringCase(path: string): readonly string[] {
    return listed(this.built().byPath.get(path.toLowerCase()));
  }

  add(slot: number): void {
    if (this.maps === null) return;
    const path = this.notes.path(slot);
    addListed(this.maps.byName, fileNameOf(path).toLowerCase(), path);
    addListed(this.maps.byPath, path.toLowerCase(), path);
  }

  remove(slot: number): void {
    if (this.maps === null) return;
    const path = this.notes.path(slot);
    removeListed(this.maps.byName, fileNameOf(path).toLowerCase(), path);
    removeListed(this.maps.byPath, path.toLowerCase(), path);
  }

  clear(): void {
    this.maps = null;
  }

  private built(): { readonly byName: ListedPaths; readonly byPath: ListedPaths } {
    if (this.maps === null) {
      this.maps = { byName: new Map(), byPath: new Map() };
      for (const slot of this.notes.liveSlots()) this.add(slot);
    }
    return this.maps;
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
