/**
 * The targets of every note's links, copied out of the note texts as each note is scanned, so
 * check can test links for staleness once the whole vault is indexed without keeping any text
 * alive: a vault's texts kept to the end cost the garbage collector more than the targets cost to
 * copy. Targets are joined into a few long strings, with numbers saying where each one is.
 */
import { LINK, LINK_TARGET_FROM, LINK_TARGET_TO, recordLength, REF_FLAGS, REF_FROM } from '../index/referenceStore';
import { isScanned, type NoteInput } from '../index/scannedNote';

/** The targets as check reads them: note by note, in the order the notes were added. */
export interface LinkTargetsOfNotes {
  /** Makes the note current; false when its targets were never added. */
  startNote(path: string): boolean;
  /** The target of the current note's link whose ID starts at `from`; undefined when there is none. */
  targetAt(from: number): string | undefined;
}

// Targets are joined into strings of about this many characters, or sooner when the texts their
// pending slices keep alive reach TEXTS_HELD characters: a slice holds its whole text, and texts
// still held when the young generation is collected are copied.
const CHUNK = 1 << 16;
const TEXTS_HELD = 1 << 18;
const INITIAL_NOTES = 4;
const INITIAL_LINKS = 4;

export class KeptLinkTargets implements LinkTargetsOfNotes {
  private readonly paths: string[] = [];
  // The arrays start small so that they grow during the first few notes, before V8 optimises add
  // and push: growing first in optimised code throws that code away (doubling from here costs a
  // few copies of a few hundred bytes).
  /** Per note, its first link (its last is before the next note's first) and the string its targets are in. */
  private noteFirst = new Int32Array(INITIAL_NOTES);
  private noteChunk = new Int32Array(INITIAL_NOTES);
  /** Per link: where its ID starts in the note's text, and its target's span in the chunk. */
  private linkFrom = new Int32Array(INITIAL_LINKS);
  private linkStart = new Int32Array(INITIAL_LINKS);
  private linkLength = new Int32Array(INITIAL_LINKS);
  private links = 0;
  private readonly chunks: string[] = [];
  private readonly pending: string[] = [];
  private pendingLength = 0;
  /** Characters of the texts the pending targets are slices of. */
  private textsHeld = 0;
  private byPath: Map<string, number> | null = null;
  // The note startNote made current, and the link targetAt looks at first.
  private note = -1;
  private nextLink = 0;

  /**
   * Adds the note's link targets from its text (the one it was scanned from; a function is called
   * only when the note has a link). Call before the scanner scans another note.
   */
  add(note: NoteInput, text: string | (() => string)): void {
    if (this.pendingLength >= CHUNK || this.textsHeld >= TEXTS_HELD) this.flush();
    const ordinal = this.paths.length;
    this.paths.push(note.path);
    if (ordinal + 2 > this.noteFirst.length) {
      this.noteFirst = grown(this.noteFirst, ordinal + 2);
      this.noteChunk = grown(this.noteChunk, ordinal + 2);
    }
    this.noteFirst[ordinal] = this.links;
    this.noteChunk[ordinal] = this.chunks.length;
    if (!isScanned(note)) {
      // Facts given whole carry their links' strings already.
      for (const { from, link } of note.references) if (link !== undefined) this.push(from, link.target);
    } else {
      const ints = note.ints;
      let known: string | null = typeof text === 'string' ? text : null;
      for (let at = note.intsFrom, end = note.intsFrom + note.length; at < end; at += recordLength(ints, at)) {
        const flags = ints[at + REF_FLAGS];
        if ((flags & LINK) === 0) continue;
        known ??= (text as () => string)();
        if (this.noteFirst[ordinal] === this.links) this.textsHeld += known.length;
        this.push(ints[at + REF_FROM], known.slice(ints[at + LINK_TARGET_FROM], ints[at + LINK_TARGET_TO]));
      }
    }
    this.noteFirst[ordinal + 1] = this.links;
  }

  startNote(path: string): boolean {
    if (this.pending.length > 0) this.flush();
    // Check walks the notes in the order they were added, so the next one is tried first.
    let ordinal = this.note + 1;
    if (this.paths[ordinal] !== path) {
      if (this.byPath === null) this.byPath = new Map(this.paths.map((p, n) => [p, n]));
      ordinal = this.byPath.get(path) ?? -1;
    }
    this.note = ordinal;
    if (ordinal === -1) return false;
    this.nextLink = this.noteFirst[ordinal];
    return true;
  }

  targetAt(from: number): string | undefined {
    if (this.note === -1) return undefined;
    const first = this.noteFirst[this.note];
    const end = this.noteFirst[this.note + 1];
    // Links are asked for in text order, so the search starts after the last one found.
    let link = this.nextLink < end && this.linkFrom[this.nextLink] === from ? this.nextLink : -1;
    for (let i = first; link === -1 && i < end; i++) if (this.linkFrom[i] === from) link = i;
    if (link === -1) return undefined;
    this.nextLink = link + 1;
    const start = this.linkStart[link];
    return this.chunks[this.noteChunk[this.note]].slice(start, start + this.linkLength[link]);
  }

  private push(from: number, target: string): void {
    const link = this.links++;
    if (link >= this.linkFrom.length) {
      const length = link * 2;
      this.linkFrom = grown(this.linkFrom, length);
      this.linkStart = grown(this.linkStart, length);
      this.linkLength = grown(this.linkLength, length);
    }
    this.linkFrom[link] = from;
    this.linkStart[link] = this.pendingLength;
    this.linkLength[link] = target.length;
    this.pending.push(target);
    this.pendingLength += target.length;
  }

  /** Joins the pending targets into one string of their own (slices of the texts would keep the texts alive). */
  private flush(): void {
    // join makes a new string of several; one alone is returned as it is, so it is copied by hand.
    this.chunks.push(this.pending.length === 1 ? ` ${this.pending[0]}`.slice(1) : this.pending.join(''));
    this.pending.length = 0;
    this.pendingLength = 0;
    this.textsHeld = 0;
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(Math.max(length, array.length * 2));
  larger.set(array);
  return larger;
}
