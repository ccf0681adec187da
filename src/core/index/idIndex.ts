/** The ID index: notes, their own IDs and raw references, with forward and reverse maps kept in step. */
import type { IdFormat } from '../ids/formats';
import type {
  IdIndexReader,
  IncomingReference,
  IndexedReference,
  LinkParts,
  NoteRecord,
  ReferenceForm,
  Resolution,
} from '../types';
import { resolveLinkPath, soleOwner, type LinkPathLookup } from './linkTargets';
import type { NoteFacts } from './noteFacts';
import { fileNameOf } from './ownId';
import { checkIndexInvariants } from './invariants';
import {
  addOwner,
  bagAdd,
  bagDelete,
  bagEndsWith,
  bagSize,
  counts,
  detach,
  encodeTitle,
  ownerCount,
  ownerPaths,
  recordOf,
  removeOwner,
  sortedSources,
  addListed,
  listed,
  removeListed,
  type IdEntry,
  type LinkMaps,
  type StoredNote,
} from './storedNote';
import { packReferences, ReferenceReader } from './packing';

/** One change to the index: a note created or modified, deleted, or renamed (with its new facts). */
export type IndexUpdate =
  | { readonly kind: 'upsert'; readonly facts: NoteFacts }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'rename'; readonly oldPath: string; readonly facts: NoteFacts };

/** IDs whose resolution (owners, titles) or incoming references changed with an update. */
export type IndexChange = ReadonlySet<string>;

/** Which kinds of change a removal reports (an in-place modification reports only what differs). */
interface Report {
  readonly owner: boolean;
  readonly references: boolean;
}

const REPORT_ALL: Report = { owner: true, references: true };

/** The live ID index; one instance per vault, updated only through `apply`. */
export class IdIndex implements IdIndexReader {
  private format: IdFormat;
  private readonly byPath = new Map<string, StoredNote>();
  private readonly byId = new Map<string, IdEntry>();
  /**
   * Lower-cased file name, and lower-cased path, → path, or paths when several share it (rare, so
   * no array per note). Built on the first link lookup and kept up to date from then on: only link
   * resolution needs them.
   */
  private linkMaps: LinkMaps | null = null;
  private readonly duplicateIds = new Set<string>();
  private revisionCount = 0;

  /** The vault's note paths, for link resolution (`resolveLinkPath`). */
  readonly paths: LinkPathLookup = {
    has: (path) => this.byPath.has(path),
    byBasename: (name) => listed(this.links().byName.get(name.toLowerCase())),
    byPathIgnoringCase: (path) => listed(this.links().byPath.get(path.toLowerCase())),
    ownerOfId: (id) => soleOwner(this, id),
  };

  constructor(options: { format: IdFormat }) {
    this.format = options.format;
  }

  get revision(): number {
    return this.revisionCount;
  }

  /** Number of notes. */
  get size(): number {
    return this.byPath.size;
  }

  /** Applies one update at the cost of the changed note only; returns the IDs that changed. */
  apply(update: IndexUpdate): IndexChange {
    const changed = new Set<string>();
    if (update.kind === 'delete') this.remove(update.path, changed);
    else {
      if (update.kind === 'rename' && update.oldPath !== update.facts.path) this.remove(update.oldPath, changed);
      this.upsert(update.facts, changed);
    }
    this.revisionCount++;
    return changed;
  }

  /** Forgets every note; with a format, switches to it (a format change needs a full rebuild). */
  clear(format?: IdFormat): void {
    if (format !== undefined) this.format = format;
    this.byPath.clear();
    this.byId.clear();
    this.linkMaps = null;
    this.duplicateIds.clear();
    this.revisionCount++;
  }

  resolve(id: string): Resolution {
    const owners = this.byId.get(id)?.owners ?? null;
    const status = owners === null ? 'unresolved' : typeof owners === 'string' ? 'resolved' : 'ambiguous';
    return { id, status, paths: ownerPaths(owners) };
  }

  isKnownId(id: string): boolean {
    const entry = this.byId.get(id);
    return entry !== undefined && entry.owners !== null;
  }

  note(path: string): NoteRecord | undefined {
    const stored = this.byPath.get(path);
    return stored === undefined ? undefined : recordOf(stored);
  }

  /** Every note record, in no particular order. */
  *notes(): Iterable<NoteRecord> {
    for (const stored of this.byPath.values()) yield recordOf(stored);
  }

  referencesOf(path: string): readonly IndexedReference[] {
    const stored = this.byPath.get(path);
    if (stored === undefined) return [];
    const references: IndexedReference[] = [];
    const reader = new ReferenceReader(stored);
    while (reader.next()) if (counts(reader.entry)) references.push(reader.reference());
    return references;
  }

  referencesTo(id: string): readonly IncomingReference[] {
    const entry = this.byId.get(id);
    if (entry === undefined || !counts(entry)) return [];
    const incoming: IncomingReference[] = [];
    for (const sourcePath of sortedSources(entry)) {
      const stored = this.byPath.get(sourcePath);
      if (stored === undefined) continue;
      const reader = new ReferenceReader(stored);
      while (reader.next()) if (reader.entry === entry) incoming.push({ sourcePath, reference: reader.reference() });
    }
    return incoming;
  }

  /** Paths of notes that reference the ID (where it counts), sorted: the cheap form of referencesTo. */
  referencingPaths(id: string): readonly string[] {
    const entry = this.byId.get(id);
    return entry === undefined || !counts(entry) ? NO_PATHS : sortedSources(entry);
  }

  /** The first counting reference to the ID in one note, or undefined. */
  firstReference(path: string, id: string): IndexedReference | undefined {
    const stored = this.byPath.get(path);
    const entry = this.byId.get(id);
    if (stored === undefined || entry === undefined || !counts(entry)) return undefined;
    const reader = new ReferenceReader(stored);
    while (reader.next()) if (reader.entry === entry) return reader.reference();
    return undefined;
  }

  /** How many counting references to the ID one note holds (the chain's "×N"). */
  referenceCount(path: string, id: string): number {
    const stored = this.byPath.get(path);
    const entry = this.byId.get(id);
    if (stored === undefined || entry === undefined || !counts(entry)) return 0;
    let count = 0;
    const reader = new ReferenceReader(stored);
    while (reader.next()) if (reader.entry === entry) count++;
    return count;
  }

  duplicates(): ReadonlyMap<string, readonly string[]> {
    const ids = [...this.duplicateIds].sort();
    return new Map(ids.map((id) => [id, ownerPaths(this.byId.get(id)?.owners ?? null)]));
  }

  /** The vault path a link names (Obsidian's rules), or null. */
  resolveLink(link: LinkParts, form: ReferenceForm, sourcePath: string): string | null {
    return resolveLinkPath(link, form, sourcePath, this.paths);
  }

  /** Problems with the index's internal consistency; empty when forward and reverse maps agree. */
  checkInvariants(): string[] {
    return checkIndexInvariants({
      format: this.format,
      byPath: this.byPath,
      byId: this.byId,
      linkMaps: this.linkMaps,
      duplicateIds: this.duplicateIds,
    });
  }

  private upsert(facts: NoteFacts, changed: Set<string>): void {
    const previous = this.byPath.get(facts.path);
    const stored = this.store(facts);
    // Report an ID only for what really changed: its owners or title, or its incoming references.
    const report: Report = {
      owner: previous === undefined || !sameRecord(previous, stored),
      references: previous === undefined || !sameReferences(previous, stored),
    };
    if (previous !== undefined) {
      if (!report.owner && !report.references) {
        // Nothing changed: keep the stored note (and its interned strings) as it was.
        this.releaseUnused(stored);
        return;
      }
      this.remove(facts.path, changed, report);
      // Removing the old version may have dropped entries the new version shares; put them back.
      for (const entry of stored.entries) if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry);
    }
    const path = stored.path;
    this.byPath.set(path, stored);
    this.addLinkKeys(path);
    if (stored.id !== null) {
      const entry = this.entryFor(stored.id);
      entry.owners = addOwner(entry.owners, path);
      if (ownerCount(entry.owners) > 1) this.duplicateIds.add(entry.id);
      if (report.owner) changed.add(entry.id);
    }
    // The path is in no bag now (a new note, or just removed), so only a repeat within this note
    // can find it there, right where it was added last.
    for (const entry of stored.entries) {
      if (bagEndsWith(entry.sources, path)) continue;
      entry.sources = bagAdd(entry.sources, path);
      entry.sortedSources = null;
      if (report.references) changed.add(entry.id);
    }
  }

  private remove(path: string, changed: Set<string>, report: Report = REPORT_ALL): void {
    const stored = this.byPath.get(path);
    if (stored === undefined) return;
    this.byPath.delete(path);
    this.removeLinkKeys(path);
    if (stored.id !== null) {
      const entry = this.byId.get(stored.id);
      if (entry !== undefined) {
        entry.owners = removeOwner(entry.owners, path);
        if (ownerCount(entry.owners) < 2) this.duplicateIds.delete(entry.id);
        if (report.owner) changed.add(entry.id);
        this.dropIfUnused(entry);
      }
    }
    for (const entry of stored.entries) {
      if (!bagDelete(entry.sources, path)) continue;
      entry.sortedSources = null;
      if (report.references) changed.add(entry.id);
      this.dropIfUnused(entry);
    }
  }

  /** Packs facts into the stored form, interning IDs and detaching every kept string from note text. */
  private store(facts: NoteFacts): StoredNote {
    const path = detach(facts.path);
    const references = inTextOrder(facts.references);
    const entries = references.map((reference) => this.entryFor(reference.id));
    const packed = packReferences(references);
    return {
      path,
      id: facts.id === null ? null : this.entryFor(facts.id).id,
      title: encodeTitle(path, facts.title),
      entries,
      packed,
    };
  }

  private entryFor(id: string): IdEntry {
    let entry = this.byId.get(id);
    if (entry === undefined) {
      const own = detach(id);
      entry = { id: own, plausible: this.format.isPlausible(own), owners: null, sources: [], sortedSources: null };
      this.byId.set(own, entry);
    }
    return entry;
  }

  /** Entries created while packing facts that turned out to be unchanged must not linger. */
  private releaseUnused(stored: StoredNote): void {
    if (stored.id !== null) {
      const entry = this.byId.get(stored.id);
      if (entry !== undefined) this.dropIfUnused(entry);
    }
    for (const entry of stored.entries) this.dropIfUnused(entry);
  }

  private dropIfUnused(entry: IdEntry): void {
    if (entry.owners === null && bagSize(entry.sources) === 0 && this.byId.get(entry.id) === entry) this.byId.delete(entry.id);
  }

  private links(): LinkMaps {
    if (this.linkMaps === null) {
      this.linkMaps = { byName: new Map(), byPath: new Map() };
      for (const path of this.byPath.keys()) this.addLinkKeys(path);
    }
    return this.linkMaps;
  }

  private addLinkKeys(path: string): void {
    if (this.linkMaps === null) return;
    addListed(this.linkMaps.byName, fileNameOf(path).toLowerCase(), path);
    addListed(this.linkMaps.byPath, path.toLowerCase(), path);
  }

  private removeLinkKeys(path: string): void {
    if (this.linkMaps === null) return;
    removeListed(this.linkMaps.byName, fileNameOf(path).toLowerCase(), path);
    removeListed(this.linkMaps.byPath, path.toLowerCase(), path);
  }
}

const NO_PATHS: readonly string[] = Object.freeze([]);

/** The references sorted by offset (the scanner's order already; facts from elsewhere may not be). */
function inTextOrder(references: readonly IndexedReference[]): readonly IndexedReference[] {
  for (let i = 1; i < references.length; i++) {
    if (references[i].from < references[i - 1].from) return [...references].sort((a, b) => a.from - b.from);
  }
  return references;
}

function sameRecord(a: StoredNote, b: StoredNote): boolean {
  return a.path === b.path && a.id === b.id && a.title === b.title;
}

function sameReferences(a: StoredNote, b: StoredNote): boolean {
  if (a.packed !== b.packed || a.entries.length !== b.entries.length) return false;
  return a.entries.every((entry, i) => entry === b.entries[i]);
}
