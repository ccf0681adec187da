/** A note's facts as the index stores them, for the persisted cache. */
import type { NoteRecord } from '../types';
import type { IndexStorage } from './noteLinks';
import { NO_TEXT } from './noteTable';
import { EDGE, recordLength, REF_FLAGS, REF_SLOT } from './referenceStore';
import type { NoteInput } from './scannedNote';

/**
 * The note's facts as stored: compact (IDs as strings, strings of the references still in the
 * note's text) or, for facts given whole, those facts. Applying them to an index with the same
 * format gives the note back exactly.
 */
export function storedFactsOf(store: IndexStorage, slot: number, record: NoteRecord): NoteInput {
  const given = store.notes.given.get(slot);
  const textLength = store.notes.textLength[slot];
  // A note given whole has no text length either (staging): the first test names that case, the second suffices.
  if (given !== undefined || textLength === NO_TEXT) return { ...record, references: given ?? [] };
  const start = store.notes.refStart[slot];
  const length = store.notes.refLength[slot];
  const ints = store.arena.ints.slice(start, start + length);
  const local = new Map<number, number>();
  const keys: number[] = [];
  const ids: string[] = [];
  for (let at = 0; at < length; at += recordLength(ints, at)) {
    const id = ints[at + REF_SLOT];
    let index = local.get(id);
    if (index === undefined) {
      const key = store.ids.keyOf(id);
      index = keys.push(key) - 1;
      ids.push(key >= 0 ? '' : store.ids.idOf(id));
      local.set(id, index);
    }
    ints[at + REF_SLOT] = index;
    ints[at + REF_FLAGS] &= ~EDGE;
  }
  return { ...record, textLength, ints, intsFrom: 0, length, keyCount: ids.length, keys: Float64Array.from(keys), ids };
}
