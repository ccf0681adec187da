/**
 * The index's notes by file name and by path, for link resolution (PathKeys). Built on the first
 * link lookup and kept up to date from then on: only link resolution needs them, and a vault that
 * never asks pays nothing.
 */
import type { NoteTable } from './noteTable';
import { PathKeys } from './pathKeys';

export class LinkKeys {
  /** Null until a link lookup built them. */
  keys: PathKeys | null = null;

  constructor(private readonly notes: NoteTable) {}

  byName(name: string): readonly string[] {
    return this.built().named(name);
  }

  byPathIgnoringCase(path: string): readonly string[] {
    return this.built().equalIgnoringCase(path);
  }

  add(slot: number): void {
    this.keys?.add(this.notes.path(slot));
  }

  remove(slot: number): void {
    this.keys?.remove(this.notes.path(slot));
  }

  clear(): void {
    this.keys = null;
  }

  private built(): PathKeys {
    if (this.keys === null) {
      this.keys = new PathKeys();
      for (const slot of this.notes.liveSlots()) this.keys.add(this.notes.path(slot));
    }
    return this.keys;
  }
}
