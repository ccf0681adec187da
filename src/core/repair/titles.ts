/** Which note titles follow an ID in a text: the lookups behind stale-title and broken-ID repairs. */
import { titleAfterId } from '../ids/title';
import type { IdIndexReader, NoteRecord } from '../types';

const KEY_LENGTH = 4;

/** The longest of `titles` written right after the ID that ends at idEnd, with where it ends. */
export function longestTitleAfter(text: string, idEnd: number, titles: readonly string[]): { title: string; end: number } | null {
  let best: { title: string; end: number } | null = null;
  for (const title of titles) {
    if (title === '' || (best !== null && title.length <= best.title.length)) continue;
    const end = titleAfterId(text, idEnd, title);
    if (end !== null) best = { title, end };
  }
  return best;
}

/**
 * Notes with an ID, keyed by the start of their title, so finding which titles follow a broken ID
 * costs a few map lookups instead of a pass over every note.
 */
export class TitleLookup {
  private readonly byPrefix = new Map<string, NoteRecord[]>();

  constructor(index: IdIndexReader) {
    for (const note of index.notes()) {
      if (note.id === null || note.title === '' || note.title === note.id) continue;
      const key = note.title.slice(0, KEY_LENGTH);
      const bucket = this.byPrefix.get(key);
      if (bucket) bucket.push(note);
      else this.byPrefix.set(key, [note]);
    }
  }

  /** Notes whose whole title follows the ID that ends at idEnd (one space, then the title). */
  notesTitledAfter(text: string, idEnd: number): NoteRecord[] {
    const start = idEnd + 1;
    const found: NoteRecord[] = [];
    const tried = new Set<string>();
    for (let length = 1; length <= KEY_LENGTH; length++) {
      const key = text.slice(start, start + length);
      if (tried.has(key)) continue;
      tried.add(key);
      const bucket = this.byPrefix.get(key);
      if (!bucket) continue;
      for (const note of bucket) {
        if (titleAfterId(text, idEnd, note.title) !== null) found.push(note);
      }
    }
    return found;
  }
}
