/**
 * The index's write path below IdIndex: a note's references and own ID put in place and linked
 * both ways (the ID's owners, the reverse list of referencing notes), or taken out again.
 */
import { compareCodeUnits } from '../order';
import type { IdTable } from './idTable';
import { NONE, SEVERAL } from './idTable';
import type { NoteTable } from './noteTable';
import { EDGE, recordLength, REF_FLAGS, REF_SLOT, type EdgeLists, type ReferenceArena } from './referenceStore';
import type { LinkKeys } from './linkKeys';
import type { NoteInput } from './scannedNote';
import { sameStaged, stageFacts, type Staged } from './staging';
import type { ChangedIdSet } from './changedIds';

/** The index's storage, as the write path and the readers below IdIndex take it. */
export interface IndexStorage {
  /** Replaced when the index is cleared (a new format interns IDs its own way). */
  ids: IdTable;
  readonly notes: NoteTable;
  readonly arena: ReferenceArena;
  readonly edges: EdgeLists;
}

/** Adds or replaces the note; `changed`, when given, collects the IDs whose resolution or references changed. */
export function upsertNote(store: IndexStorage, linkKeys: LinkKeys, input: NoteInput, changed: ChangedIdSet | null): void {
  const table = store.notes;
  let slot = table.slotOf(input.path);
  const staged = stageFacts(input, store.ids, store.arena);
  const idSlot = input.id === null ? NONE : store.ids.intern(input.id);
  if (slot !== NONE) {
    const sameOwner = table.ownId[slot] === idSlot && table.title(slot) === input.title;
    const sameReferences = sameStaged(table, slot, staged);
    if (sameOwner && sameReferences) {
      // Nothing changed: keep the stored note, and drop the space staging took. A note without
      // references records whether it was last read from a text (a repair need not read it again)
      // or given whole, such as known by its name alone.
      if (staged.length === 0) table.textLength[slot] = staged.textLength;
      discardStaged(store, staged);
      return;
    }
    const report: Report = { owner: !sameOwner, references: !sameReferences };
    const released = unlinkNote(store, slot, changed, report);
    attachNote(store, slot, input.title, idSlot, staged, changed, report);
    for (const old of released) store.ids.releaseIfUnused(old);
  } else {
    slot = table.add(input.path);
    linkKeys.add(slot);
    attachNote(store, slot, input.title, idSlot, staged, changed, REPORT_ALL);
  }
  if (store.arena.wasteful) compactArena(store, store.arena.used >> 2);
}

export function removeNote(store: IndexStorage, linkKeys: LinkKeys, path: string, changed: ChangedIdSet | null): void {
  const slot = store.notes.slotOf(path);
  if (slot === NONE) return;
  const released = unlinkNote(store, slot, changed, REPORT_ALL);
  linkKeys.remove(slot);
  store.notes.remove(slot);
  for (const old of released) store.ids.releaseIfUnused(old);
}

/** Moves the arena's records together, leaving `slack` free at the end. */
export function compactArena(store: IndexStorage, slack: number): void {
  store.arena.compact(store.notes.refStart, store.notes.refLength, store.notes.extent, slack);
}

/** Which kinds of change a removal reports (an in-place modification reports only what differs). */
interface Report {
  readonly owner: boolean;
  readonly references: boolean;
}

const REPORT_ALL: Report = { owner: true, references: true };

/** Puts the staged references and the record in place for the note, and links both ways. */
function attachNote(store: IndexStorage, slot: number, title: string, idSlot: number, staged: Staged, changed: ChangedIdSet | null, report: Report): void {
  const table = store.notes;
  table.setTitle(slot, title);
  table.refStart[slot] = staged.start;
  table.refLength[slot] = staged.length;
  table.textLength[slot] = staged.textLength;
  if (staged.given !== null) table.given.set(slot, staged.given);
  if (idSlot !== NONE) addOwner(store, idSlot, slot, report.owner ? changed : null);
  table.ownId[slot] = idSlot;
  const ints = store.arena.ints;
  for (let at = staged.start, end = staged.start + staged.length; at < end; at += recordLength(ints, at)) {
    const id = ints[at + REF_SLOT];
    const head = store.ids.edgeHead[id];
    // Edges of this note go in front as they are added, so a repeat finds the note at the head.
    if (head !== NONE && store.edges.note(head) === slot) continue;
    store.ids.edgeHead[id] = store.edges.push(slot, head);
    ints[at + REF_FLAGS] |= EDGE;
    if (report.references && changed !== null) changed.addSlot(store.ids, id);
  }
}

/** Takes the note out of every list and frees its references; returns the ID slots it used. */
function unlinkNote(store: IndexStorage, slot: number, changed: ChangedIdSet | null, report: Report): number[] {
  const table = store.notes;
  const released: number[] = [];
  const own = table.ownId[slot];
  if (own !== NONE) {
    removeOwner(store, own, slot);
    if (report.owner && changed !== null) changed.addSlot(store.ids, own);
    released.push(own);
    table.ownId[slot] = NONE;
  }
  const ints = store.arena.ints;
  const start = table.refStart[slot];
  for (let at = start, end = start + table.refLength[slot]; at < end; at += recordLength(ints, at)) {
    if ((ints[at + REF_FLAGS] & EDGE) === 0) continue;
    const id = ints[at + REF_SLOT];
    store.ids.edgeHead[id] = store.edges.remove(store.ids.edgeHead[id], slot);
    if (report.references && changed !== null) changed.addSlot(store.ids, id);
    released.push(id);
  }
  store.arena.free(table.refLength[slot]);
  table.refLength[slot] = 0;
  table.given.delete(slot);
  return released;
}

/**
 * Drops the arena space staging took for facts that turned out unchanged. The IDs staging interned
 * need no release: unchanged facts name only IDs the stored note already owns or references.
 */
function discardStaged(store: IndexStorage, staged: Staged): void {
  store.arena.unalloc(staged.start, staged.length);
}

/** Makes the note an owner of the ID (owners of a duplicate ID kept in path order). */
export function addOwner(store: IndexStorage, idSlot: number, note: number, changed: ChangedIdSet | null): void {
  const owner = store.ids.owner[idSlot];
  if (owner === NONE) store.ids.owner[idSlot] = note;
  else {
    const owners = owner === SEVERAL ? (store.ids.several.get(idSlot) as number[]) : [owner];
    const paths = store.notes.paths as string[];
    owners.push(note);
    owners.sort((a, b) => compareCodeUnits(paths[a], paths[b]));
    store.ids.owner[idSlot] = SEVERAL;
    store.ids.several.set(idSlot, owners);
  }
  if (changed !== null) changed.addSlot(store.ids, idSlot);
}

export function removeOwner(store: IndexStorage, idSlot: number, note: number): void {
  const owner = store.ids.owner[idSlot];
  if (owner !== SEVERAL) {
    store.ids.owner[idSlot] = NONE;
    return;
  }
  const rest = (store.ids.several.get(idSlot) as number[]).filter((other) => other !== note);
  if (rest.length > 1) store.ids.several.set(idSlot, rest);
  else {
    store.ids.several.delete(idSlot);
    store.ids.owner[idSlot] = rest[0];
  }
}

/** The paths of the ID's owners, in path order. */
export function ownerPaths(store: IndexStorage, slot: number): string[] {
  const owner = store.ids.owner[slot];
  if (owner === NONE) return [];
  if (owner !== SEVERAL) return [store.notes.path(owner)];
  return (store.ids.several.get(slot) as number[]).map((note) => store.notes.path(note));
}
