/**
 * The text after each bare ID that may turn out unresolved, copied while its note is at hand, so
 * check's title search ("followed by the title of …") needs no note read again. Check drops each
 * text once scanned; asking for it again read some 6 % of a generated vault's notes a second time,
 * the largest ones among them. A bare ID may turn out unresolved only when no note owns it yet by
 * its file or folder name (the index holds the names pass when notes are added): those are few.
 */
import { flatCopy } from '../index/idTable';
import type { IdIndex } from '../index/idIndex';
import { LINK, recordLength, REF_FLAGS, REF_FROM, REF_SLOT } from '../index/referenceStore';
import type { ScannedNote } from '../index/scannedNote';
import { TEXT_READ_AFTER_ID } from '../index/titleLookup';
import type { TextAfterId } from './checkVault';

export class KeptTextAfterIds {
  /** Per note path: the text kept after each such ID, by the ID's end offset. */
  private readonly byNote = new Map<string, Map<number, string>>();
  /** Where the records of the note's bare IDs no note owns start (see unownedBareIds). */
  private found = new Int32Array(64);

  /** `idLength`: the length of every ID of a preset format (IdKeys), or 0 for a custom pattern. */
  constructor(
    private readonly index: Pick<IdIndex, 'isKnownId' | 'isKnownKeyIn'>,
    private readonly idLength: number,
  ) {}

  /** Keeps what follows each bare ID of the note that no note owns yet. Call before the scanner scans another note. */
  add(note: ScannedNote, text: string): void {
    const count = this.unownedBareIds(note);
    if (count === 0) return;
    const kept = new Map<number, string>();
    const { ints, keys, ids } = note;
    for (let i = 0; i < count; i++) {
      const at = this.found[i];
      const reference = ints[at + REF_SLOT];
      const idEnd = ints[at + REF_FROM] + (keys[reference] >= 0 ? this.idLength : ids[reference].length);
      // Only a space may start a title: anything else is kept as its one character.
      const length = text.charCodeAt(idEnd) === 32 ? TEXT_READ_AFTER_ID : 1;
      kept.set(idEnd, flatCopy(text.slice(idEnd, idEnd + length)));
    }
    this.byNote.set(note.path, kept);
  }

  /**
   * Writes to `found` where the record of each bare ID no note owns starts; returns how many. The
   * loop takes the same steps for every bare ID and nothing follows it. V8 compiles a hot loop
   * while a call is in it (on-stack replacement), and that code, meeting a step it had never seen
   * run, went back to the interpreter for each note that had such an ID: 780 times in one 20k check.
   */
  private unownedBareIds(note: ScannedNote): number {
    const { ints, keys, ids } = note;
    if (this.found.length < note.length) this.found = new Int32Array(note.length);
    const found = this.found;
    let count = 0;
    for (let at = note.intsFrom, end = note.intsFrom + note.length; at < end; at += recordLength(ints, at)) {
      if ((ints[at + REF_FLAGS] & LINK) !== 0) continue;
      const reference = ints[at + REF_SLOT];
      const known = keys[reference] >= 0 ? this.index.isKnownKeyIn(keys, reference) : this.index.isKnownId(ids[reference]);
      found[count] = at;
      count += known ? 0 : 1;
    }
    return count;
  }

  /** The text kept after the ID ending at `idEnd` in the note; undefined when none was. */
  textAfterId(path: string, idEnd: number): TextAfterId | undefined {
    const text = this.byNote.get(path)?.get(idEnd);
    return text === undefined ? undefined : { text, idEnd: 0 };
  }
}
