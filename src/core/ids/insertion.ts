/**
 * Text the "Insert link to note by ID" command puts at the cursor: `ID Title`, with a space on a
 * side where the text beside it would make the ID, or the title, part of a word (`see|` would give
 * `see202108191025`, which is no ID). CJK letters and punctuation need none (PRODUCT.md).
 */
import { joinsWordAfter, joinsWordBefore } from './wordRule';

/** `inserted` as it should go between `before` and `after` (the line's text on either side of the selection). */
export function spacedInsertion(before: string, inserted: string, after: string): string {
  // At the start or end of the line nothing is beside the text: neither test finds a word there.
  const lead = joinsWordBefore(before + inserted, before.length) ? ' ' : '';
  const trail = joinsWordAfter(inserted + after, inserted.length) ? ' ' : '';
  return lead + inserted + trail;
}
