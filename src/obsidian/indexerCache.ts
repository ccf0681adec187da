/** The indexer's side of the persisted index cache: which facts were read from which file version. */
import type { IndexUpdate } from '../core/index/idIndex';
import type { NoteFacts } from '../core/index/noteFacts';

/** One note's facts as the persisted cache keeps them, valid while the file's size and mtime match. */
export interface CachedNote {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
  readonly facts: NoteFacts;
}

/** What the persisted index cache stores; `settingsKey` ties it to the settings it was built with. */
export interface IndexSnapshot {
  readonly settingsKey: string;
  readonly notes: readonly CachedNote[];
}

/** Storage for the persisted index cache (built elsewhere); the indexer works without it. */
export interface IndexCache {
  load(): Promise<IndexSnapshot | null>;
  save(snapshot: IndexSnapshot): Promise<void>;
}

/**
 * A copy that shares no string with the note's text: facts hold slices of it (contexts, link parts),
 * and V8 keeps a whole string alive for any slice of it, so keeping raw facts kept every note's text.
 */
function detached(facts: NoteFacts): NoteFacts {
  return JSON.parse(JSON.stringify(facts)) as NoteFacts;
}

/**
 * Tracks, for every note whose full text was read, the facts and the file version they came from,
 * so the snapshot saved after the content pass never pairs old facts with a newer mtime.
 */
export class CacheLedger {
  private readonly notes = new Map<string, CachedNote>();

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

  /**
   * Follows one index update; facts without a file version (names only, unreadable) are not kept.
   * `ownStrings` says the facts share no string with a note's text (they came from the cache).
   */
  record(update: IndexUpdate, stat?: { mtime: number; size: number }, ownStrings = false): void {
    if (update.kind === 'delete') {
      this.notes.delete(update.path);
      return;
    }
    if (update.kind === 'rename') this.notes.delete(update.oldPath);
    const path = update.facts.path;
    if (stat === undefined) this.notes.delete(path);
    else this.notes.set(path, { path, mtime: stat.mtime, size: stat.size, facts: ownStrings ? update.facts : detached(update.facts) });
  }

  async save(settingsKey: string): Promise<void> {
    try {
      await this.cache.save({ settingsKey, notes: [...this.notes.values()] });
    } catch {
      // A cache that cannot be written only costs the next start-up a full read.
    }
  }
}
