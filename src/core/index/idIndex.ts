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
import { resolveLinkPath, type LinkPathLookup } from './linkTargets';
import type { NoteFacts } from './noteFacts';
import { fileNameOf } from './ownId';
import { checkIndexInvariants } from './invariants';
import {
  COLUMN,
  comparePaths,
  CONTEXT_END,
  counts,
  FIELDS,
  FORM,
  FORMS,
  FROM,
  LINE,
  materialize,
  sortedSources,
  TO,
  type IdEntry,
  type StoredNote,
} from './storedNote';

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
  private readonly byFileName = new Map<string, string[]>();
  private readonly duplicateIds = new Set<string>();
  private revisionCount = 0;

  /** The vault's note paths, for link resolution (`resolveLinkPath`). */
  readonly paths: LinkPathLookup = {
    has: (path) => this.byPath.has(path),
    byBasename: (name) => this.byFileName.get(name) ?? [],
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
    this.byFileName.clear();
    this.duplicateIds.clear();
    this.revisionCount++;
  }

  resolve(id: string): Resolution {
    const owners = this.byId.get(id)?.owners ?? [];
    const status = owners.length === 0 ? 'unresolved' : owners.length === 1 ? 'resolved' : 'ambiguous';
    return { id, status, paths: owners };
  }

  isKnownId(id: string): boolean {
    const entry = this.byId.get(id);
    return entry !== undefined && entry.owners.length > 0;
  }

  note(path: string): NoteRecord | undefined {
    return this.byPath.get(path)?.record;
  }

  /** Every note record, in no particular order. */
  *notes(): Iterable<NoteRecord> {
    for (const stored of this.byPath.values()) yield stored.record;
  }

  referencesOf(path: string): readonly IndexedReference[] {
    const stored = this.byPath.get(path);
    if (stored === undefined) return [];
    const references: IndexedReference[] = [];
    for (let i = 0; i < stored.entries.length; i++) {
      if (counts(stored.entries[i])) references.push(materialize(stored, i));
    }
    return references;
  }

  referencesTo(id: string): readonly IncomingReference[] {
    const entry = this.byId.get(id);
    if (entry === undefined || !counts(entry)) return [];
    const incoming: IncomingReference[] = [];
    for (const sourcePath of sortedSources(entry)) {
      const stored = this.byPath.get(sourcePath);
      if (stored === undefined) continue;
      for (let i = 0; i < stored.entries.length; i++) {
        if (stored.entries[i] === entry) incoming.push({ sourcePath, reference: materialize(stored, i) });
      }
    }
    return incoming;
  }

  /** Paths of notes that reference the ID (where it counts), sorted: the cheap form of referencesTo. */
  referencingPaths(id: string): readonly string[] {
    const entry = this.byId.get(id);
    return entry === undefined || !counts(entry) ? [] : sortedSources(entry);
  }

  /** The first counting reference to the ID in one note, or undefined. */
  firstReference(path: string, id: string): IndexedReference | undefined {
    const stored = this.byPath.get(path);
    const entry = this.byId.get(id);
    if (stored === undefined || entry === undefined || !counts(entry)) return undefined;
    const at = stored.entries.indexOf(entry);
    return at < 0 ? undefined : materialize(stored, at);
  }

  duplicates(): ReadonlyMap<string, readonly string[]> {
    const ids = [...this.duplicateIds].sort();
    return new Map(ids.map((id) => [id, this.byId.get(id)?.owners ?? []]));
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
      byFileName: this.byFileName,
      duplicateIds: this.duplicateIds,
    });
  }

  private upsert(facts: NoteFacts, changed: Set<string>): void {
    const previous = this.byPath.get(facts.path);
    const stored = this.store(facts);
    // Report an ID only for what really changed: its owners or title, or its incoming references.
    const report: Report = {
      owner: previous === undefined || !sameRecord(previous.record, stored.record),
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
    const path = stored.record.path;
    this.byPath.set(path, stored);
    this.addFileName(path);
    if (stored.record.id !== null) {
      const entry = this.entryFor(stored.record.id);
      entry.owners = insertSorted(entry.owners, path);
      if (entry.owners.length > 1) this.duplicateIds.add(entry.id);
      if (report.owner) changed.add(entry.id);
    }
    for (const entry of stored.entries) {
      if (entry.sources.has(path)) continue;
      entry.sources.add(path);
      entry.sortedSources = null;
      if (report.references) changed.add(entry.id);
    }
  }

  private remove(path: string, changed: Set<string>, report: Report = REPORT_ALL): void {
    const stored = this.byPath.get(path);
    if (stored === undefined) return;
    this.byPath.delete(path);
    this.removeFileName(path);
    if (stored.record.id !== null) {
      const entry = this.byId.get(stored.record.id);
      if (entry !== undefined) {
        entry.owners = entry.owners.filter((owner) => owner !== path);
        if (entry.owners.length < 2) this.duplicateIds.delete(entry.id);
        if (report.owner) changed.add(entry.id);
        this.dropIfUnused(entry);
      }
    }
    for (const entry of stored.entries) {
      if (!entry.sources.delete(path)) continue;
      entry.sortedSources = null;
      if (report.references) changed.add(entry.id);
      this.dropIfUnused(entry);
    }
  }

  /** Packs facts into the stored form, interning IDs and detaching every kept string from note text. */
  private store(facts: NoteFacts): StoredNote {
    const path = detach(facts.path);
    const record: NoteRecord = Object.freeze({
      path,
      id: facts.id === null ? null : this.entryFor(facts.id).id,
      title: shareWithPath(path, facts.title),
    });
    const count = facts.references.length;
    const entries: IdEntry[] = new Array<IdEntry>(count);
    const numbers = new Int32Array(count * FIELDS);
    const contexts: string[] = [];
    let contextEnd = 0;
    let links: (LinkParts | undefined)[] | null = null;
    facts.references.forEach((reference, i) => {
      entries[i] = this.entryFor(reference.id);
      const base = i * FIELDS;
      contextEnd += reference.context.length;
      contexts.push(reference.context);
      numbers[base + FROM] = reference.from;
      numbers[base + TO] = reference.to;
      numbers[base + LINE] = reference.line;
      numbers[base + COLUMN] = reference.column;
      numbers[base + CONTEXT_END] = contextEnd;
      numbers[base + FORM] = FORMS.indexOf(reference.form);
      if (reference.link !== undefined) {
        links ??= new Array<LinkParts | undefined>(count);
        links[i] = detachLink(reference.link);
      }
    });
    return { record, entries, numbers, contexts: detach(contexts.join('')), links };
  }

  private entryFor(id: string): IdEntry {
    let entry = this.byId.get(id);
    if (entry === undefined) {
      const own = detach(id);
      entry = { id: own, plausible: this.format.isPlausible(own), owners: [], sources: new Set(), sortedSources: null };
      this.byId.set(own, entry);
    }
    return entry;
  }

  /** Entries created while packing facts that turned out to be unchanged must not linger. */
  private releaseUnused(stored: StoredNote): void {
    if (stored.record.id !== null) {
      const entry = this.byId.get(stored.record.id);
      if (entry !== undefined) this.dropIfUnused(entry);
    }
    for (const entry of stored.entries) this.dropIfUnused(entry);
  }

  private dropIfUnused(entry: IdEntry): void {
    if (entry.owners.length === 0 && entry.sources.size === 0 && this.byId.get(entry.id) === entry) this.byId.delete(entry.id);
  }

  private addFileName(path: string): void {
    const name = fileNameOf(path);
    const list = this.byFileName.get(name);
    if (list === undefined) this.byFileName.set(name, [path]);
    else list.push(path);
  }

  private removeFileName(path: string): void {
    const name = fileNameOf(path);
    const list = this.byFileName.get(name);
    if (list === undefined) return;
    const at = list.indexOf(path);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byFileName.delete(name);
  }
}

function insertSorted(list: readonly string[], path: string): readonly string[] {
  if (list.includes(path)) return list;
  return [...list, path].sort(comparePaths);
}

function sameRecord(a: NoteRecord, b: NoteRecord): boolean {
  return a.path === b.path && a.id === b.id && a.title === b.title;
}

function sameReferences(a: StoredNote, b: StoredNote): boolean {
  if (a.entries.length !== b.entries.length || a.contexts !== b.contexts) return false;
  for (let i = 0; i < a.entries.length; i++) if (a.entries[i] !== b.entries[i]) return false;
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return false;
  for (let i = 0; i < a.entries.length; i++) {
    const left = a.links === null ? undefined : a.links[i];
    const right = b.links === null ? undefined : b.links[i];
    if (!sameLink(left, right)) return false;
  }
  return true;
}

function sameLink(a: LinkParts | undefined, b: LinkParts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.embed === b.embed &&
    a.target === b.target &&
    a.targetFrom === b.targetFrom &&
    a.targetTo === b.targetTo &&
    a.subpath === b.subpath &&
    a.display === b.display
  );
}

/**
 * A copy of the string that keeps no larger string alive. V8 represents `text.slice(…)` of 13+
 * characters as a view into the whole text; concatenating forces a flat copy, so an index of 100k
 * notes never retains the notes' full texts through a kept ID, title or context.
 */
function detach(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

function detachLink(link: LinkParts): LinkParts {
  return Object.freeze({
    ...link,
    target: detach(link.target),
    subpath: detach(link.subpath),
    display: link.display === null ? null : detach(link.display),
  });
}

/** The title as a slice of the path when the path spells it, so it costs no characters of its own. */
function shareWithPath(path: string, title: string): string {
  const at = path.lastIndexOf(title);
  return at >= 0 ? path.slice(at, at + title.length) : detach(title);
}
