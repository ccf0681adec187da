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
import { NoteTable } from './noteTable';
import { EdgeLists, ReferenceArena } from './referenceStore';
import { addOwner, compactArena, ownerPaths, removeNote, removeOwner, upsertNote, type IndexStorage } from './noteLinks';
import { storedFactsOf } from './storedFacts';
import { ReferenceCursor, type NoteTexts } from './referenceCursor';
import { isScanned, type NoteInput } from './scannedNote';
import { BulkPut, type BatchSizes } from './bulkPut';
import { ChangedIdSet } from './changedIds';
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

/** The live ID index; one instance per vault, updated only through `apply` (or `put` in bulk). */
export class IdIndex implements IdIndexReader {
  /** Where references of scanned notes read their strings back (contexts, link texts); optional. */
  texts: NoteTexts | null;
  private format: IdFormat;
  private readonly store: IndexStorage;
  private readonly linkKeys: LinkKeys;
  private revisionCount = 0;
  private graphView: ArenaGraph | null = null;
  private readonly bulk: BulkPut;
  /** The slot `put` tries first for the next note: the one after the last put. */
  private putGuess = 0;

  /** The vault's note paths, for link resolution (`resolveLinkPath`). */
  readonly paths: LinkPathLookup = {
    has: (path) => this.notesTable.has(path),
    byBasename: (name) => this.linkKeys.byName(name),
    byPathIgnoringCase: (path) => this.linkKeys.byPathIgnoringCase(path),
    ownerOfId: (id) => soleOwner(this, id),
  };

  /** `bulkBatch`: when the bulk build's puts wait in batches, and how large (BATCH_SIZES unless a test asks for less). */
  constructor(options: { format: IdFormat; texts?: NoteTexts; bulkBatch?: BatchSizes }) {
    this.format = options.format;
    this.store = {
      ids: new IdTable(options.format),
      notes: new NoteTable((slot) => this.dropDuplicateName(slot)),
      arena: new ReferenceArena(),
      edges: new EdgeLists(),
    };
    this.linkKeys = new LinkKeys(this.store.notes);
    this.texts = options.texts ?? null;
    this.bulk = new BulkPut(this.store, options.bulkBatch);
  }

  // The storage's parts by name, as the reading and writing below use them. A bulk batch waiting
  // (see BulkPut) leaves IDs out of the table, records with stand-ins for their IDs, and lists
  // unlinked: those three settle it first. The note table it leaves as it will be.
  private get ids(): IdTable {
    this.bulk.settle();
    return this.store.ids;
  }

  private get notesTable(): NoteTable {
    return this.store.notes;
  }

  private get arena(): ReferenceArena {
    this.bulk.settle();
    return this.store.arena;
  }

  private get edges(): EdgeLists {
    // Every read of the lists follows one of the ID table today, which settles first; they settle anyway.
    this.bulk.settle();
    return this.store.edges;
  }

  get revision(): number {
    return this.revisionCount;
  }

  get size(): number {
    return this.notesTable.size;
  }

  /** Applies one update at the cost of the changed note only; returns the IDs that changed. */
  apply(update: IndexUpdate): ChangedIds {
    const changed = this.changeSet();
    this.applyGathering(update, changed);
    return changed.drainIds();
  }

  /**
   * Applies one update, adding the IDs that changed to `changed`: for a caller that reports many
   * updates at once (a build's content pass), which then makes each changed ID's string once.
   */
  applyGathering(update: IndexUpdate, changed: ChangedIdSet): void {
    if (update.kind === 'delete') removeNote(this.settled(), this.linkKeys, update.path, changed);
    else if (update.kind === 'rename' && update.oldPath !== update.facts.path) {
      removeNote(this.settled(), this.linkKeys, update.oldPath, changed);
      upsertNote(this.store, this.linkKeys, update.facts, changed);
    }
    // The plugin's content pass reads each note over its names-only record: the short way, same changes.
    else if (!this.putOverName(update.facts, changed)) upsertNote(this.settled(), this.linkKeys, update.facts, changed);
    this.revisionCount++;
  }

  /** An empty set of changed IDs for applyGathering, overflowing to 'all' past `limit` IDs (see ChangedIdSet). */
  changeSet(limit = Infinity): ChangedIdSet {
    return new ChangedIdSet(this.format, limit, () => this.bulk.settle());
  }

  /**
   * Adds or replaces a note without working out which IDs changed: for bulk builds, whose caller
   * tells listeners that everything may have changed.
   */
  put(facts: NoteInput): void {
    if (!this.putOverName(facts, null)) upsertNote(this.settled(), this.linkKeys, facts, null);
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
      if (own !== NONE) addOwner(this.store, own, slot, null);
    });
    this.revisionCount++;
  }

  /** Forgets every note; with a format, switches to it (a format change needs a full rebuild). */
  clear(format?: IdFormat): void {
    if (format !== undefined) this.format = format;
    // The batch's records are in the arena cleared below: settled first, it has nothing left to link later.
    this.bulk.settle();
    this.store.ids = new IdTable(this.format);
    this.graphView = null;
    this.notesTable.clear();
    this.arena.clear();
    this.edges.clear();
    this.linkKeys.clear();
    this.revisionCount++;
  }

  /** Shrinks storage to about what it holds (after a bulk build; later updates grow it again). */
  trim(): void {
    this.bulk.trim();
    if (this.arena.trimmable) compactArena(this.store, 0);
    this.ids.trim();
    this.notesTable.trim();
    this.edges.trim();
  }

  resolve(id: string): Resolution {
    this.notesTable.settle();
    const slot = this.ids.slotOf(id);
    const owner = slot === NONE ? NONE : this.ids.owner[slot];
    const status = owner === NONE ? 'unresolved' : owner === SEVERAL ? 'ambiguous' : 'resolved';
    return { id, status, paths: slot === NONE ? [] : ownerPaths(this.store, slot) };
  }

  isKnownId(id: string): boolean {
    this.notesTable.settle();
    const slot = this.ids.slotOf(id);
    return slot !== NONE && this.ids.owner[slot] !== NONE;
  }

  /**
   * isKnownId for the ID of the integer key `keys[at]` of the index's format (IdKeys), without its
   * string; the key is read here rather than boxed for the call.
   */
  isKnownKeyIn(keys: Float64Array, at: number): boolean {
    this.notesTable.settle();
    const slot = this.ids.slotOfKeyIn(keys, at);
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

  /**
   * A cursor over every reference of the note (counting or not), in text order; empty for unknown
   * paths. With `text`, the references' strings are read from it (when it is the text the note was
   * scanned from) instead of from `texts`: repair checks the links of a note it has just read.
   */
  cursor(path: string, text?: string): ReferenceCursor {
    if (text === undefined) return this.cursorAt(this.notesTable.slotOf(path));
    const texts: NoteTexts = { textOf: (asked) => (asked === path ? text : undefined) };
    return new ReferenceCursor(this.ids, this.notesTable, this.arena.ints, texts).reset(this.notesTable.slotOf(path));
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
    // recordOf's read of the ID table would settle the batch too; the stored records must hold no stand-ins.
    return slot === NONE ? undefined : storedFactsOf(this.settled(), slot, this.recordOf(slot));
  }

  duplicates(): ReadonlyMap<string, readonly string[]> {
    this.notesTable.settle();
    const ids = [...this.ids.several.keys()].map((slot) => this.ids.idOf(slot)).sort();
    return new Map(ids.map((id) => [id, ownerPaths(this.store, this.ids.slotOf(id))]));
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

  /** The notes referencing the ID, in path order. */
  private sourceSlots(slot: number): number[] {
    const notes: number[] = [];
    for (let edge = this.ids.edgeHead[slot]; edge !== NONE; edge = this.edges.next(edge)) notes.push(this.edges.note(edge));
    const paths = this.notesTable.paths as string[];
    return notes.sort((a, b) => compareCodeUnits(paths[a], paths[b]));
  }

  // ---- writing ----

  /** The storage, with the bulk build's batch settled: for the writing that takes it whole. */
  private settled(): IndexStorage {
    this.bulk.settle();
    return this.store;
  }

  /** A scanned note over its names-only record, the bulk build's common case (see BulkPut); false when not that case. */
  private putOverName(facts: NoteInput, changed: ChangedIdSet | null): boolean {
    if (!isScanned(facts) || facts.isCurrent?.() === false) return false;
    const slot = this.notesTable.slotOfGuess(facts.path, this.putGuess);
    if (slot === NONE) return false;
    this.putGuess = slot + 1;
    return this.bulk.tryPut(facts, slot, changed);
  }

  /** A names-only note whose path was given twice in one names pass: the first keeps the path. */
  private dropDuplicateName(slot: number): void {
    const own = this.notesTable.ownId[slot];
    if (own !== NONE) {
      removeOwner(this.store, own, slot);
      this.ids.releaseIfUnused(own);
    }
    this.notesTable.free(slot);
  }
}
