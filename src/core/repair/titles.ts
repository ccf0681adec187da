/** The longest of a note's titles (its own and its old ones) written after its ID: what a stale-title repair replaces. */
import { titleAfterId } from '../ids/title';

/** The longest of `titles` written right after the ID that ends at idEnd, with where it ends. */
export function longestTitleAfter(text: string, idEnd: number, titles: readonly string[]): { title: string; end: number } | null {
  let best: { title: string; end: number } | null = null;
  for (const title of titles) {
    // titleAfterId finds no empty title; `<` for `<=` is an equivalent mutant (two titles of one length cannot both be there).
    if (best !== null && title.length <= best.title.length) continue;
    const end = titleAfterId(text, idEnd, title);
    if (end !== null) best = { title, end };
  }
  return best;
}
