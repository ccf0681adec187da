/**
 * The index as numbers for walks over many notes (see IndexGraph): a note's distinct references
 * are found in its arena block with one pass and a stamp per ID, the notes citing an ID from its
 * edge list, and no string is made or looked up per step.
 */
import type { IndexGraph, ResolutionStatus } from '../types';
import { NONE, SEVERAL, type IdTable } from './idTable';
import type { NoteTable } from './noteTable';
import { EDGE, recordLength, REF_FLAGS, REF_SLOT, type EdgeLists, type ReferenceArena } from './referenceStore';
import type { ReferenceCursor } from './referenceCursor';
import { compareCodeUnits } from '../order';

export interface GraphParts {
  readonly ids: IdTable;
  readonly notes: NoteTable;
  readonly arena: ReferenceArena;
  readonly edges: EdgeLists;
  /** A cursor on the note, for the strings of its references. */
  readonly cursorAt: (note: number) => ReferenceCursor;
}

export class ArenaGraph implements IndexGraph {
  /** Per ID slot: where it stands in the list being built (set at its first reference, read at repeats). */
  private position = new Int32Array(0);

  constructor(private readonly parts: GraphParts) {}

  noteOf(path: string): number {
    return this.parts.notes.slotOf(path);
  }

  path(note: number): string {
    return this.parts.notes.path(note);
  }

  title(note: number): string {
    return this.parts.notes.title(note);
  }

  ownId(note: number): number {
    return this.parts.notes.ownId[note];
  }

  idOf(id: string): number {
    return this.parts.ids.slotOf(id);
  }

  idString(id: number): string {
    return this.parts.ids.idOf(id);
  }

  status(id: number): ResolutionStatus {
    const owner = this.parts.ids.owner[id];
    return owner === NONE ? 'unresolved' : owner === SEVERAL ? 'ambiguous' : 'resolved';
  }

  owner(id: number): number {
    const owner = this.parts.ids.owner[id];
    return owner < 0 ? NONE : owner;
  }

  outgoing(note: number): { readonly ids: readonly number[]; readonly mentions: readonly number[] } {
    const { ids, notes, arena } = this.parts;
    const ints = arena.ints;
    const own = notes.ownId[note];
    const start = notes.refStart[note];
    const end = start + notes.refLength[note];
    if (this.position.length < ids.extent) this.position = new Int32Array(ids.extent);
    const position = this.position;
    const found: number[] = [];
    const counts: number[] = [];
    for (let at = start; at < end; at += recordLength(ints, at)) {
      const slot = ints[at + REF_SLOT];
      if (slot === own || !ids.counts(slot)) continue;
      // The EDGE record is the note's first reference to the ID (an invariant): repeats come after it.
      if ((ints[at + REF_FLAGS] & EDGE) !== 0) {
        position[slot] = found.length;
        found.push(slot);
        counts.push(1);
      } else {
        counts[position[slot]]++;
      }
    }
    return { ids: found, mentions: counts };
  }

  outgoingCount(note: number): number {
    const { ids, notes, arena } = this.parts;
    const ints = arena.ints;
    const own = notes.ownId[note];
    const start = notes.refStart[note];
    const end = start + notes.refLength[note];
    let count = 0;
    for (let at = start; at < end; at += recordLength(ints, at)) {
      const slot = ints[at + REF_SLOT];
      if ((ints[at + REF_FLAGS] & EDGE) !== 0 && slot !== own && ids.counts(slot)) count++;
    }
    return count;
  }

  incoming(id: number): { readonly notes: readonly number[]; readonly mentions: readonly number[] } {
    const { ids, notes, edges } = this.parts;
    if (!ids.counts(id)) return { notes: [], mentions: [] };
    const owner = ids.owner[id];
    const owners = owner === SEVERAL ? (ids.several.get(id) ?? []) : [owner];
    const sources: number[] = [];
    for (let edge = ids.edgeHead[id]; edge !== NONE; edge = edges.next(edge)) {
      const source = edges.note(edge);
      if (!owners.includes(source)) sources.push(source);
    }
    const paths = notes.paths as string[];
    sources.sort((a, b) => compareCodeUnits(paths[a], paths[b]));
    return { notes: sources, mentions: sources.map((source) => this.count(source, id)) };
  }

  context(note: number, id: number): string | null {
    if (!this.parts.ids.counts(id)) return null;
    const cursor = this.parts.cursorAt(note);
    while (cursor.next()) if (cursor.idSlot === id) return cursor.context();
    return null;
  }

  private count(note: number, id: number): number {
    const { notes, arena } = this.parts;
    const ints = arena.ints;
    const start = notes.refStart[note];
    const end = start + notes.refLength[note];
    let count = 0;
    for (let at = start; at < end; at += recordLength(ints, at)) if (ints[at + REF_SLOT] === id) count++;
    return count;
  }
}
