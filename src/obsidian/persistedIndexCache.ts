/**
 * The persisted index cache, so a restart reuses the facts of every note whose size and mtime are
 * unchanged instead of reading the whole vault again. Where its text lives: indexCacheStores.ts.
 */
import { decodeSnapshotSteps, encodeSnapshotSteps } from '../core/cache/snapshot';
import type { IndexCache, IndexSnapshot } from './cacheLedger';
import type { CacheTextStore } from './indexCacheStores';

export interface PersistedIndexCacheDeps {
  readonly store: CacheTextStore;
  /** `manifest.version`: a cache written by another version is ignored. */
  readonly pluginVersion: string;
  /** Quiet time after the last save request before the text is written. */
  readonly debounceMs?: number;
  /** Hands the main thread back between slices of encoding and decoding. */
  readonly yieldToEventLoop?: () => Promise<void>;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

/** Runs a stepwise computation, yielding to the event loop between its steps. */
async function drive<T>(steps: Generator<void, T, void>, yieldToEventLoop: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await yieldToEventLoop();
  }
}

/** An `IndexCache` for the indexer, kept in a store; never throws to its caller. */
export class PersistedIndexCache implements IndexCache {
  private readonly store: CacheTextStore;
  private readonly stamp: { pluginVersion: string };
  private readonly debounceMs: number;
  private readonly yieldToEventLoop: () => Promise<void>;
  private pending: IndexSnapshot | null = null;
  private timer: number | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(deps: PersistedIndexCacheDeps) {
    this.store = deps.store;
    this.stamp = { pluginVersion: deps.pluginVersion };
    this.debounceMs = deps.debounceMs ?? 2000;
    this.yieldToEventLoop = deps.yieldToEventLoop ?? defaultYield;
  }

  /** The stored snapshot, or null when there is none or it cannot be trusted. */
  async load(): Promise<IndexSnapshot | null> {
    try {
      // A snapshot still waiting to be written is newer than the stored one.
      if (this.pending !== null) return this.pending;
      const text = await this.store.read();
      if (text === null) return null;
      return await drive(decodeSnapshotSteps(text, this.stamp), this.yieldToEventLoop);
    } catch {
      return null;
    }
  }

  /** Schedules a write; bursts of saves (rebuilds in a row) write once, with the last snapshot. */
  save(snapshot: IndexSnapshot): Promise<void> {
    this.pending = snapshot;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
    return Promise.resolve();
  }

  /** Writes a scheduled snapshot now (on unload); resolves when it is stored or failed. */
  flush(): Promise<void> {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    const snapshot = this.pending;
    if (snapshot === null) return this.writing;
    this.pending = null;
    this.writing = this.writing.then(() => this.write(snapshot));
    return this.writing;
  }

  private async write(snapshot: IndexSnapshot): Promise<void> {
    try {
      const text = await drive(encodeSnapshotSteps(snapshot, this.stamp), this.yieldToEventLoop);
      await this.store.write(text);
    } catch {
      // A cache that cannot be written only costs the next start-up a full read.
    }
  }
}
