/** The indexer's side of the persisted index cache: which facts were read from which file version. */
import type { IdFormat } from '../core/ids/formats';
import type { IndexUpdate } from '../core/index/idIndex';
import type { IdIndexReader, IndexedReference } from '../core/types';
import type { CachedNote, IndexSnapshot } from '../core/cache/snapshot';

export type { CachedNote, IndexSnapshot };

/** Storage for the persisted index cache (built elsewhere); the indexer works without it. */
export interface IndexCache {
  load(): Promise<IndexSnapshot | null>;
  save(snapshot: IndexSnapshot): Promise<void>;
}

/** What the ledger keeps per note: the file version its facts were read from, and the odd references. */
interface LedgerEntry {
  readonly mtime: number;
  readonly size: number;
  /**
   * References to IDs that are not plausible timestamps: they count only while some note owns the
   * ID, so the index cannot always give them back. Usually none.
   */
  readonly odd: readonly IndexedReference[];
}

const NONE: readonly IndexedReference[] = Object.freeze([]);

/** Merges two reference lists that are each in text order. */
function inTextOrder(a: readonly IndexedReference[], b: readonly IndexedReference[]): IndexedReference[] {
  if (b.length === 0) return [...a];
  return [...a, ...b].sort((x, y) => x.from - y.from);
}

/**
 * Tracks, for every note whose full text was read, the file version the facts came from, so the
 * snapshot never pairs old facts with a newer mtime. The facts themselves are taken back from the
 * index when saving: keeping them here would double the index's memory (and their strings, slices
 * of the note texts, kept every text alive).
 */
export class CacheLedger {
  private readonly notes = new Map<string, LedgerEntry>();

  constructor(private readonly cache: IndexCache) {}

  clear(): void {
    this.notes.clear();
  }

  /** The stored snapshot by path when it was built with the same settings; null otherwise or on error. */
  async load(settingsKey: string): Promise<Map<string, CachedNote> | null> {
    try {
      const snapshot = await this.cache.load();
      if (!snapshot || snapshot.settingsKey !== settingsKey) return null;
      return new Map(snapshot.notes.map((note) => [note.path, note]));
    } catch {
      return null;
    }
  }

  /** Follows one index update; facts without a file version (names only, unreadable) are not kept. */
  record(update: IndexUpdate, format: IdFormat, stat?: { mtime: number; size: number }): void {
    if (update.kind === 'delete') {
      this.notes.delete(update.path);
      return;
    }
    if (update.kind === 'rename') this.notes.delete(update.oldPath);
    const path = update.facts.path;
    if (stat === undefined) {
      this.notes.delete(path);
      return;
    }
    const odd = ('references' in update.facts ? update.facts.references : []).filter((reference) => !format.isPlausible(reference.id));
    // Copied through JSON so no kept string is a slice of the note's text.
    this.notes.set(path, { mtime: stat.mtime, size: stat.size, odd: odd.length === 0 ? NONE : (JSON.parse(JSON.stringify(odd)) as IndexedReference[]) });
  }

  /**
   * Rebuilds every recorded note's facts from the index and hands the snapshot to the cache. With
   * `pace`, the work yields in slices; without, the snapshot reaches the cache before this returns
   * its promise (for unload, when nothing later would run).
   */
  async save(
    settingsKey: string,
    index: IdIndexReader,
    format: IdFormat,
    pace?: () => Promise<void>,
    stillCurrent: () => boolean = () => true,
  ): Promise<void> {
    const notes: CachedNote[] = [];
    for (const [path, entry] of this.notes) {
      const record = index.note(path);
      if (record === undefined) continue;
      const plausible = index.referencesOf(path).filter((reference) => format.isPlausible(reference.id));
      notes.push({ path, mtime: entry.mtime, size: entry.size, facts: { ...record, references: inTextOrder(plausible, entry.odd) } });
      if (pace) await pace();
    }
    // A rebuild that started meanwhile cleared both: this snapshot would be partial.
    if (!stillCurrent()) return;
    try {
      await this.cache.save({ settingsKey, notes });
    } catch {
      // A cache that cannot be written only costs the next start-up a full read.
    }
  }
}
