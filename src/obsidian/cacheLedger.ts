/** The indexer's side of the persisted index cache: which facts were read from which file version. */
import type { IdIndex, IndexUpdate } from '../core/index/idIndex';
import type { CachedNote, IndexSnapshot } from '../core/cache/snapshot';

export type { CachedNote, IndexSnapshot };

/** Storage for the persisted index cache (built elsewhere); the indexer works without it. */
export interface IndexCache {
  load(): Promise<IndexSnapshot | null>;
  save(snapshot: IndexSnapshot): Promise<void>;
}

/** The file version a note's facts were read from. */
interface FileVersion {
  readonly mtime: number;
  readonly size: number;
}

/**
 * Tracks, for every note whose full text was read, the file version the facts came from, so the
 * snapshot never pairs old facts with a newer mtime. The facts themselves are taken back from the
 * index when saving (IdIndex.storedFacts), in the compact form it keeps them in.
 */
export class CacheLedger {
  private readonly notes = new Map<string, FileVersion>();

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
  record(update: IndexUpdate, stat?: FileVersion): void {
    if (update.kind === 'delete') {
      this.notes.delete(update.path);
      return;
    }
    // Only memory: save skips a path the index no longer holds, and a note created there is recorded afresh.
    if (update.kind === 'rename') this.notes.delete(update.oldPath);
    const path = update.facts.path;
    if (stat === undefined) this.notes.delete(path);
    else this.notes.set(path, { mtime: stat.mtime, size: stat.size });
  }

  /**
   * Takes every recorded note's facts from the index and hands the snapshot to the cache, unless
   * `stillCurrent` says another build started meanwhile. With `pace`, the work yields in slices;
   * without, the snapshot reaches the cache before this returns its promise (for unload, when
   * nothing later would run).
   */
  async save(
    settingsKey: string,
    index: Pick<IdIndex, 'storedFacts'>,
    pace: (() => Promise<void>) | undefined,
    stillCurrent: () => boolean,
  ): Promise<void> {
    const notes: CachedNote[] = [];
    // The paths as they are now: a note deleted and recorded again while a paced save walks them
    // would come round again at the end of the map, and a snapshot with a path twice is thrown away
    // whole when loaded. Each path's version is read when its turn comes, with its facts.
    for (const path of [...this.notes.keys()]) {
      const version = this.notes.get(path);
      const facts = version === undefined ? undefined : index.storedFacts(path);
      if (version === undefined || facts === undefined) continue;
      notes.push({ path, mtime: version.mtime, size: version.size, facts });
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
