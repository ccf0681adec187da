/**
 * Which notes' titles follow an ID in a text (`202201010900 Clarity is…`): the lookup behind check's
 * message for a broken ID ("it is followed by the title of …") and repair's broken-ID fix.
 */
import { isWordCharAt, isWordCharBefore } from '../ids/wordRule';
import { compareCodeUnits } from '../order';

/** A note with an ID, as the lookup returns it. */
export interface TitledNote {
  readonly path: string;
  readonly id: string;
  readonly title: string;
}

// A title longer than this after an ID is not looked for; it keeps one-line megabyte notes cheap.
// (A title is part of a file name, which file systems keep to 255 bytes.)
const LONGEST_TITLE = 250;

/**
 * How much text from an ID's end the lookup reads (the space, the longest title, the code point
 * after it): notesTitledAfter and titlesStartingAfter answer the same for the first this many
 * characters from idEnd as for the whole text, so a caller may keep only those.
 */
export const TEXT_READ_AFTER_ID = LONGEST_TITLE + 3;

export class TitleLookup {
  private readonly byTitle = new Map<string, TitledNote[]>();
  private longest = 0;

  /**
   * Notes with an ID and a title of their own (neither empty nor the ID itself). `wanted` leaves
   * out titles no text will ask for (see titlesStartingAfter), so a few broken IDs cost no map of
   * every title.
   */
  constructor(notes: Iterable<{ readonly path: string; readonly id: string | null; readonly title: string }>, wanted?: (title: string) => boolean) {
    for (const { path, id, title } of notes) {
      // An empty title is never asked for (each slice looked up holds a character); kept out all the same.
      if (id === null || title === '' || title === id || title.length > LONGEST_TITLE) continue;
      // Only saves memory: with every title kept, the answers are the same.
      if (wanted !== undefined && !wanted(title)) continue;
      const list = this.byTitle.get(title);
      if (list === undefined) this.byTitle.set(title, [{ path, id, title }]);
      else list.push({ path, id, title });
      this.longest = Math.max(this.longest, title.length);
    }
  }

  /**
   * The notes whose whole title follows the ID that ends at idEnd (one space, then the title, then
   * no word character), each once, by path.
   */
  notesTitledAfter(text: string, idEnd: number): TitledNote[] {
    // (An empty map would find nothing anyway: a shortcut.)
    if (text[idEnd] !== ' ' || this.byTitle.size === 0) return [];
    const start = idEnd + 1;
    // No title is longer than the longest one held, nor crosses a line break.
    const limit = Math.min(text.length, start + this.longest);
    const found = new Map<string, TitledNote>();
    for (let end = start + 1; end <= limit; end++) {
      // A title ends where a word does (as titleAfterId asks), so only those ends are looked up.
      if (!(isWordCharBefore(text, end) && isWordCharAt(text, end))) {
        for (const note of this.byTitle.get(text.slice(start, end)) ?? []) found.set(note.path, note);
      }
      if (text[end] === '\n' || text[end] === '\r') break;
    }
    return [...found.values()].sort((a, b) => compareCodeUnits(a.path, b.path));
  }
}

/** Characters of a title that the text after an ID must start with for the title to be wanted. */
const HEAD = 6;

/**
 * A `wanted` filter for TitleLookup: titles that start like the text after one of these IDs. It
 * keeps every title the lookup could find after them.
 */
export function titlesStartingAfter(places: Iterable<{ readonly text: string; readonly idEnd: number }>): (title: string) => boolean {
  const heads = new Set<string>();
  for (const { text, idEnd } of places) {
    for (let length = 1; length <= HEAD; length++) heads.add(text.slice(idEnd + 1, idEnd + 1 + length));
  }
  return (title) => heads.has(title.slice(0, HEAD));
}
