/** The ID index: notes, their own IDs and raw references, with forward and reverse lists kept in step. */
import type { IdFormat } from '../ids/formats';
import type {
  IdIndexReader,
  IncomingReference,
  IndexedReference,
  IndexGraph,
  LinkParts,
  NoteCursor,
  NoteRecord,
  ReferenceForm,
  Resolution,
} from '../types';
import { resolveLinkPath, soleOwner, type LinkPathLookup } from './linkTargets';
import { IdTable, NONE, SEVERAL } from './idTable';
import { NoteTable, NO_TEXT } from './noteTable';
import { EDGE, EdgeLists, recordLength, ReferenceArena, REF_FLAGS, REF_SLOT } from './referenceStore';
import { ReferenceCursor, type NoteTexts } from './referenceCursor';
import { stageFacts, sameStaged, type Staged } from './staging';
import type { NoteInput } from './scannedNote';
import { LinkKeys } from './linkKeys';
import { checkIndexInvariants } from './invariants';
import { compareCodeUnits } from '../order';
import { addNames, type NamesOptions } from './names';
import { ArenaGraph } from './indexGraph';

export type { NoteTexts } from './referenceCursor';

/** One change to the index: a note created or modified, deleted, or renamed (with its new facts). */
export type IndexUpdate =
  | { readonly kind: 'upsert'; readonly facts: NoteInput }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'rename'; readonly oldPath: string; readonly facts: NoteInput };

/** IDs whose resolution (owners, titles) or incoming references changed with an update. */
export type ChangedIds = ReadonlySet<string>;

/** Which kinds of change a removal reports (an in-place modification reports only what differs). */
interface Report {
  readonly owner: boolean;
  readonly references: boolean;
}

const REPORT_ALL: Report = { owner: true, references: true };

/** The live ID index; one instance per vault, updated only through `apply` (or `put` in bulk). */
export class IdIndex implements IdIndexReader {
  /** Where references of scanned notes read their strings back (contexts, link texts); optional. */
  texts: NoteTexts | null;
  private format: IdFormat;
  private ids: IdTable;
  private readonly notesTable = new NoteTable((slot) => this.dropDuplicateName(slot));
  private readonly arena = new ReferenceArena();
  private readonly edges = new EdgeLists();
  private readonly linkKeys = new LinkKeys(this.notesTable);
  private revisionCount = 0;
  private graphView: ArenaGraph | null = null;

  /** The vault's note paths, for link resolution (`resolveLinkPath`). */
  readonly paths: LinkPathLookup = {
    has: (path) => this.notesTable.has(path),
    byBasename: (name) => this.linkKeys.byName(name),
    byPathIgnoringCase: (path) => this.linkKeys.byPathIgnoringCase(path),
    ownerOfId: (id) => soleOwner(this, id),
  };

  constructor(options: { format: IdFormat; texts?: NoteTexts }) {
    this.format = options.format;
    this.ids = new IdTable(options.format);
    this.texts = options.texts ?? null;
  }

  get revision(): number {
    return this.revisionCount;
  }

  /** Number of notes. */
  get size(): number {
    return this.notesTable.size;
  }

  /** Applies one update at the cost of the changed note only; returns the IDs that changed. */
  apply(update: IndexUpdate): ChangedIds {
    const changed = new Set<string>();
    if (update.kind === 'delete') this.remove(update.path, changed);
    else {
      if (update.kind === 'rename' && update.oldPath !== update.facts.path) this.remove(update.oldPath, changed);
      this.upsert(update.facts, changed);
    }
    this.revisionCount++;
    return changed;
  }

  /**
   * Adds or replaces a note without working out which IDs changed: for bulk builds, whose caller
   * tells listeners that everything may have changed.
   */
  put(facts: NoteInput): void {
    this.upsert(facts, null);
    this.revisionCount++;
  }

  /**
   * Adds every path not yet indexed as a note known by its name alone (own ID from the file or
   * folder name, title from the file name, no references): the first pass at start-up, before any
   * file is read. Like `put`, it reports nothing.
   */
  putNames(paths: readonly string[], options: NamesOptions): void {
    // Link keys, once built, follow every added path, which the deferred path map would not.
    addNames(paths, options, this.linkKeys.keys === null, this.notesTable, this.ids, (slot) => {
      this.linkKeys.add(slot);
      const own = this.notesTable.ownId[slot];
      if (own !== NONE) this.addOwner(own, slot, null);
    });
    this.revisionCount++;
  }

  /** Forgets every note; with a format, switches to it (a format change needs a full rebuild). */
  clear(format?: IdFormat): void {
    if (format !== undefined) this.format = format;
    this.ids = new IdTable(this.format);
    this.graphView = null;
    this.notesTable.clear();
    this.arena.clear();
    this.edges.clear();
    this.linkKeys.clear();
    this.revisionCount++;
  }

  /** Shrinks storage to what it holds (after a bulk build; later updates grow it again). */
  trim(): void {
    this.compact(0);
    this.ids.trim();
    this.notesTable.trim();
    this.edges.trim();
  }

  resolve(id: string): Resolution {
    this.notesTable.settle();
    const slot = this.ids.slotOf(id);
    const owner = slot === NONE ? NONE : this.ids.owner[slot];
    const status = owner === NONE ? 'unresolved' : owner === SEVERAL ? 'ambiguous' : 'resolved';
    return { id, status, paths: slot === NONE ? [] : this.ownerPaths(slot) };
  }

  isKnownId(id: string): boolean {
    this.notesTable.settle();
    const slot = this.ids.slotOf(id);
    return slot !== NONE && this.ids.owner[slot] !== NONE;
  }

  note(path: string): NoteRecord | undefined {
    const slot = this.notesTable.slotOf(path);
    return slot === NONE ? undefined : this.recordOf(slot);
  }

  /** Every note record, in no particular order. */
  *notes(): Iterable<NoteRecord> {
    for (const slot of this.notesTable.liveSlots()) yield this.recordOf(slot);
  }

  referencesOf(path: string): readonly IndexedReference[] {
    const references: IndexedReference[] = [];
    const cursor = this.cursor(path);
    while (cursor.next()) if (cursor.counts()) references.push(cursor.reference());
    return references;
  }

  referencesTo(id: string): readonly IncomingReference[] {
    const slot = this.ids.slotOf(id);
    if (slot === NONE || !this.ids.counts(slot)) return [];
    const incoming: IncomingReference[] = [];
    for (const note of this.sourceSlots(slot)) {
      const sourcePath = this.notesTable.path(note);
      const cursor = this.cursorAt(note);
      while (cursor.next()) if (cursor.idSlot === slot) incoming.push({ sourcePath, reference: cursor.reference() });
    }
    return incoming;
  }

  /** Paths of notes that reference the ID (where it counts), sorted: the cheap form of referencesTo. */
  referencingPaths(id: string): readonly string[] {
    const slot = this.ids.slotOf(id);
    if (slot === NONE || !this.ids.counts(slot)) return [];
    return this.sourceSlots(slot).map((note) => this.notesTable.path(note));
  }

  /** The first counting reference to the ID in one note, or undefined. */
  firstReference(path: string, id: string): IndexedReference | undefined {
    const slot = this.ids.slotOf(id);
    if (slot === NONE || !this.ids.counts(slot)) return undefined;
    const cursor = this.cursor(path);
    while (cursor.next()) if (cursor.idSlot === slot) return cursor.reference();
    return undefined;
  }

  /** How many counting references to the ID one note holds (the chain's "×N"). */
  referenceCount(path: string, id: string): number {
    const slot = this.ids.slotOf(id);
    if (slot === NONE || !this.ids.counts(slot)) return 0;
    let count = 0;
    const cursor = this.cursor(path);
    while (cursor.next()) if (cursor.idSlot === slot) count++;
    return count;
  }

  /** A cursor over every reference of the note (counting or not), in text order; empty for unknown paths. */
  cursor(path: string): ReferenceCursor {
    return this.cursorAt(this.notesTable.slotOf(path));
  }

  /** The index as numbers, for the chain's walks (valid until the index next changes). */
  graph(): IndexGraph {
    this.notesTable.settle();
    this.graphView ??= new ArenaGraph({ ids: this.ids, notes: this.notesTable, arena: this.arena, edges: this.edges, cursorAt: (note) => this.cursorAt(note) });
    return this.graphView;
  }

  /** Every note, in no particular order, as one cursor moved from note to note (valid until the next). */
  *noteCursors(): Iterable<NoteCursor> {
    const cursor = this.cursorAt(NONE);
    for (const slot of this.notesTable.liveSlots()) yield cursor.reset(slot);
  }

  /**
   * The note's facts as stored, for the persisted cache: compact (IDs as strings, strings of the
   * references still in the note's text) or, for facts given whole, those facts. Applying them to
   * an index with the same format gives the note back exactly.
   */
  storedFacts(path: string): NoteInput | undefined {
    const slot = this.notesTable.slotOf(path);
    if (slot === NONE) return undefined;
    const record = this.recordOf(slot);
    const given = this.notesTable.given.get(slot);
    const textLength = this.notesTable.textLength[slot];
    if (given !== undefined || textLength === NO_TEXT) return { ...record, references: given ?? [] };
    const start = this.notesTable.refStart[slot];
    const length = this.notesTable.refLength[slot];
    const ints = this.arena.ints.slice(start, start + length);
    const local = new Map<number, number>();
    const keys: number[] = [];
    const ids: string[] = [];
    for (let at = 0; at < length; at += recordLength(ints, at)) {
      const id = ints[at + REF_SLOT];
      let index = local.get(id);
      if (index === undefined) {
        const key = this.ids.keyOf(id);
        index = keys.push(key) - 1;
        ids.push(key >= 0 ? '' : this.ids.idOf(id));
        local.set(id, index);
      }
      ints[at + REF_SLOT] = index;
      ints[at + REF_FLAGS] &= ~EDGE;
    }
    return { ...record, textLength, ints, intsFrom: 0, length, keyCount: ids.length, keys: Float64Array.from(keys), ids };
  }

  duplicates(): ReadonlyMap<string, readonly string[]> {
    this.notesTable.settle();
    const ids = [...this.ids.several.keys()].map((slot) => this.ids.idOf(slot)).sort();
    return new Map(ids.map((id) => [id, this.ownerPaths(this.ids.slotOf(id))]));
  }

  /** The vault path a link names (Obsidian's rules), or null. */
  resolveLink(link: LinkParts, form: ReferenceForm, sourcePath: string): string | null {
    return resolveLinkPath(link, form, sourcePath, this.paths);
  }

  /** Problems with the index's internal consistency; empty when forward and reverse lists agree. */
  checkInvariants(): string[] {
    return checkIndexInvariants({
      format: this.format,
      ids: this.ids,
      notes: this.notesTable,
      arena: this.arena,
      edges: this.edges,
      linkKeys: this.linkKeys,
    });
  }

  // ---- reading ----

  private cursorAt(note: number): ReferenceCursor {
    return new ReferenceCursor(this.ids, this.notesTable, this.arena.ints, this.texts).reset(note);
  }

  private recordOf(slot: number): NoteRecord {
    const ownId = this.notesTable.ownId[slot];
    return { path: this.notesTable.path(slot), id: ownId === NONE ? null : this.ids.idOf(ownId), title: this.notesTable.title(slot) };
  }

  private ownerPaths(slot: number): string[] {
    const owner = this.ids.owner[slot];
    if (owner === NONE) return [];
    if (owner !== SEVERAL) return [this.notesTable.path(owner)];
    return (this.ids.several.get(slot) as number[]).map((note) => this.notesTable.path(note));
  }

  /** The notes referencing the ID, in path order. */
  private sourceSlots(slot: number): number[] {
    const notes: number[] = [];
    for (let edge = this.ids.edgeHead[slot]; edge !== NONE; edge = this.edges.next(edge)) notes.push(this.edges.note(edge));
    const paths = this.notesTable.paths as string[];
    return notes.sort((a, b) => compareCodeUnits(paths[a], paths[b]));
  }

  // ---- writing ----

  private upsert(input: NoteInput, changed: Set<string> | null): void {
    const table = this.notesTable;
    let slot = table.slotOf(input.path);
    const staged = stageFacts(input, this.ids, this.arena);
    const idSlot = input.id === null ? NONE : this.ids.intern(input.id);
    if (slot !== NONE) {
      const sameOwner = table.ownId[slot] === idSlot && table.title(slot) === input.title;
      const sameReferences = sameStaged(table, this.arena.ints, slot, staged);
      if (sameOwner && sameReferences) {
        // Nothing changed: keep the stored note, and drop what staging interned.
        this.discard(staged, idSlot);
        return;
      }
      const report: Report = { owner: !sameOwner, references: !sameReferences };
      const released = this.unlinkNote(slot, changed, report);
      this.attach(slot, input.title, idSlot, staged, changed, report);
      for (const old of released) this.ids.releaseIfUnused(old);
    } else {
      slot = table.add(input.path);
      this.linkKeys.add(slot);
      this.attach(slot, input.title, idSlot, staged, changed, REPORT_ALL);
    }
    if (this.arena.wasteful) this.compact(this.arena.used >> 2);
  }

  private remove(path: string, changed: Set<string> | null): void {
    const slot = this.notesTable.slotOf(path);
    if (slot === NONE) return;
    const released = this.unlinkNote(slot, changed, REPORT_ALL);
    this.linkKeys.remove(slot);
    this.notesTable.remove(slot);
    for (const old of released) this.ids.releaseIfUnused(old);
  }

  /** Puts the staged references and the record in place for the note, and links both ways. */
  private attach(slot: number, title: string, idSlot: number, staged: Staged, changed: Set<string> | null, report: Report): void {
    const table = this.notesTable;
    table.setTitle(slot, title);
    table.refStart[slot] = staged.start;
    table.refLength[slot] = staged.length;
    table.textLength[slot] = staged.textLength;
    if (staged.given !== null) table.given.set(slot, staged.given);
    if (idSlot !== NONE) this.addOwner(idSlot, slot, report.owner ? changed : null);
    table.ownId[slot] = idSlot;
    const ints = this.arena.ints;
    for (let at = staged.start, end = staged.start + staged.length; at < end; at += recordLength(ints, at)) {
      const id = ints[at + REF_SLOT];
      const head = this.ids.edgeHead[id];
      // Edges of this note go in front as they are added, so a repeat finds the note at the head.
      if (head !== NONE && this.edges.note(head) === slot) continue;
      this.ids.edgeHead[id] = this.edges.push(slot, head);
      ints[at + REF_FLAGS] |= EDGE;
      if (report.references && changed !== null) changed.add(this.ids.idOf(id));
    }
  }

  /** Takes the note out of every list and frees its references; returns the ID slots it used. */
  private unlinkNote(slot: number, changed: Set<string> | null, report: Report): number[] {
    const table = this.notesTable;
    const released: number[] = [];
    const own = table.ownId[slot];
    if (own !== NONE) {
      this.removeOwner(own, slot);
      if (report.owner && changed !== null) changed.add(this.ids.idOf(own));
      released.push(own);
      table.ownId[slot] = NONE;
    }
    const ints = this.arena.ints;
    const start = table.refStart[slot];
    for (let at = start, end = start + table.refLength[slot]; at < end; at += recordLength(ints, at)) {
      if ((ints[at + REF_FLAGS] & EDGE) === 0) continue;
      const id = ints[at + REF_SLOT];
      this.ids.edgeHead[id] = this.edges.remove(this.ids.edgeHead[id], slot);
      if (report.references && changed !== null) changed.add(this.ids.idOf(id));
      released.push(id);
    }
    this.arena.free(table.refLength[slot]);
    table.refLength[slot] = 0;
    table.given.delete(slot);
    return released;
  }

  private discard(staged: Staged, idSlot: number): void {
    const ints = this.arena.ints;
    const slots: number[] = [];
    for (let at = staged.start, end = staged.start + staged.length; at < end; at += recordLength(ints, at)) slots.push(ints[at + REF_SLOT]);
    this.arena.unalloc(staged.start, staged.length);
    if (idSlot !== NONE) this.ids.releaseIfUnused(idSlot);
    for (const id of slots) this.ids.releaseIfUnused(id);
  }

  private addOwner(idSlot: number, note: number, changed: Set<string> | null): void {
    const owner = this.ids.owner[idSlot];
    if (owner === NONE) this.ids.owner[idSlot] = note;
    else {
      const owners = owner === SEVERAL ? (this.ids.several.get(idSlot) as number[]) : [owner];
      const paths = this.notesTable.paths as string[];
      owners.push(note);
      owners.sort((a, b) => compareCodeUnits(paths[a], paths[b]));
      this.ids.owner[idSlot] = SEVERAL;
      this.ids.several.set(idSlot, owners);
    }
    if (changed !== null) changed.add(this.ids.idOf(idSlot));
  }

  private removeOwner(idSlot: number, note: number): void {
    const owner = this.ids.owner[idSlot];
    if (owner !== SEVERAL) {
      this.ids.owner[idSlot] = NONE;
      return;
    }
    const rest = (this.ids.several.get(idSlot) as number[]).filter((other) => other !== note);
    if (rest.length > 1) this.ids.several.set(idSlot, rest);
    else {
      this.ids.several.delete(idSlot);
      this.ids.owner[idSlot] = rest[0];
    }
  }

  /** A names-only note whose path was given twice in one names pass: the first keeps the path. */
  private dropDuplicateName(slot: number): void {
    const own = this.notesTable.ownId[slot];
    if (own !== NONE) {
      this.removeOwner(own, slot);
      this.ids.releaseIfUnused(own);
    }
    this.notesTable.free(slot);
  }

  private compact(slack: number): void {
    this.arena.compact(this.notesTable.refStart, this.notesTable.refLength, this.notesTable.extent, slack);
  }
}
