/**
 * Many notes' compact facts in a few flat arrays, so a batch scanned on another thread crosses to
 * the index as transferable buffers and a handful of strings instead of an object per note.
 */
import { resized } from './idTable';
import { recordLength, REF_SLOT } from './referenceStore';
import type { NoteFacts } from './noteFacts';
import { isScanned, type NoteInput, type ScannedNote } from './scannedNote';

/** Per note: where its ints and references start, how many, its text's length, and where its title starts in its path (ScannedNote.titleFrom). */
const NOTE_INTS_FROM = 0; // so `at - NOTE_INTS_FROM`, where it is written and read, is an equivalent mutant
const NOTE_INTS_LENGTH = 1;
const NOTE_REFS_FROM = 2;
const NOTE_REFS_COUNT = 3;
const NOTE_TEXT_LENGTH = 4;
const NOTE_TITLE_FROM = 5;
const NOTE_FIELDS = 6;

/** The notes of one batch, in the order they were added. */
export interface ScanBatch {
  readonly count: number;
  readonly ints: Int32Array;
  readonly keys: Float64Array;
  /** Per entry of `keys`, the ID when it has no integer key; '' otherwise. */
  readonly ids: readonly string[];
  readonly notes: Int32Array;
  readonly noteIds: readonly (string | null)[];
  readonly titles: readonly string[];
  /** Notes that came as whole facts (their links are not plain spans of the text); null for the rest. */
  readonly whole: readonly (NoteFacts | null)[];
}

export class ScanBatchWriter {
  private ints = new Int32Array(4096);
  private keys = new Float64Array(1024);
  private readonly ids: string[] = [];
  private notes = new Int32Array(NOTE_FIELDS * 64);
  private readonly noteIds: (string | null)[] = [];
  private readonly titles: string[] = [];
  private readonly whole: (NoteFacts | null)[] = [];
  private intsUsed = 0;
  private refsUsed = 0;
  private count = 0;

  add(note: NoteInput): void {
    // Growth only makes room: `>=` for `>` here and below (growing a step early) is an equivalent mutant.
    if ((this.count + 1) * NOTE_FIELDS > this.notes.length) this.notes = resized(this.notes, this.notes.length * 2, Int32Array);
    const at = this.count * NOTE_FIELDS;
    this.noteIds.push(note.id);
    this.titles.push(note.title);
    if (isScanned(note)) {
      if (note.isCurrent?.() === false) throw new Error(`The scanned facts of ${note.path} were used after their scanner scanned another note.`);
      // `/ 2` for `* 2` here and for the keys (growing to just what is needed) is an equivalent mutant: it only grows more often.
      if (this.intsUsed + note.length > this.ints.length) this.ints = resized(this.ints, Math.max(this.intsUsed + note.length, this.ints.length * 2), Int32Array);
      if (this.refsUsed + note.keyCount > this.keys.length) this.keys = resized(this.keys, Math.max(this.refsUsed + note.keyCount, this.keys.length * 2), Float64Array);
      // The batch's notes share its keys: each record's REF_SLOT moves by where the note's keys go.
      // Equivalent mutants: `<=` for `<` in these loops (the int past the note's records is overwritten by the next note, or cut by finish); `at - REF_SLOT` (REF_SLOT is 0).
      for (let i = 0; i < note.length; i++) this.ints[this.intsUsed + i] = note.ints[note.intsFrom + i];
      for (let at = this.intsUsed, end = this.intsUsed + note.length; at < end; at += recordLength(this.ints, at)) this.ints[at + REF_SLOT] += this.refsUsed;
      this.keys.set(note.keys.subarray(0, note.keyCount), this.refsUsed);
      for (let i = 0; i < note.keyCount; i++) this.ids.push(note.keys[i] < 0 ? note.ids[i] : '');
      this.notes[at + NOTE_INTS_FROM] = this.intsUsed;
      this.notes[at + NOTE_INTS_LENGTH] = note.length;
      this.notes[at + NOTE_REFS_FROM] = this.refsUsed;
      this.notes[at + NOTE_REFS_COUNT] = note.keyCount;
      this.notes[at + NOTE_TEXT_LENGTH] = note.textLength;
      this.notes[at + NOTE_TITLE_FROM] = note.titleFrom ?? -1;
      this.intsUsed += note.length;
      this.refsUsed += note.keyCount;
      this.whole.push(null);
    } else this.whole.push(note);
    this.count++;
  }

  /** The batch, its arrays cut to size (their buffers can be transferred). */
  finish(): ScanBatch {
    return {
      count: this.count,
      ints: this.ints.slice(0, this.intsUsed),
      keys: this.keys.slice(0, this.refsUsed),
      ids: this.ids,
      notes: this.notes.slice(0, this.count * NOTE_FIELDS),
      noteIds: this.noteIds,
      titles: this.titles,
      whole: this.whole,
    };
  }
}

/** The batch's notes again, each at its path (given in the order the notes were added). */
export function* notesOfBatch(batch: ScanBatch, paths: readonly string[]): Generator<NoteInput> {
  for (let i = 0; i < batch.count; i++) {
    const whole = batch.whole[i];
    if (whole !== null) {
      yield whole;
      continue;
    }
    const at = i * NOTE_FIELDS;
    const intsFrom = batch.notes[at + NOTE_INTS_FROM];
    const refsFrom = batch.notes[at + NOTE_REFS_FROM];
    const keyCount = batch.notes[at + NOTE_REFS_COUNT];
    const length = batch.notes[at + NOTE_INTS_LENGTH];
    const note: ScannedNote = {
      path: paths[i],
      id: batch.noteIds[i],
      title: batch.titles[i],
      textLength: batch.notes[at + NOTE_TEXT_LENGTH],
      ints: batch.ints,
      intsFrom,
      length,
      keyCount: refsFrom + keyCount,
      keys: batch.keys,
      ids: batch.ids,
      titleFrom: batch.notes[at + NOTE_TITLE_FROM],
    };
    yield note;
  }
}
