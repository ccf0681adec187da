/** The indexer's bookkeeping of per-file work: versions, debounced re-reads and work in flight. */

/** Extra quiet time per megabyte of file before a re-read. */
const LARGE_FILE_MS_PER_MB = 2000;

/**
 * Every vault event bumps its path's version, so an asynchronous read that started before the
 * event can tell its result is stale. Re-reads are debounced per path; `settle` waits for all.
 */
export class FileUpdates {
  private readonly versions = new Map<string, number>();
  private readonly timers = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly debounceMs: number,
    private readonly reread: (path: string) => Promise<void>,
  ) {}

  versionOf(path: string): number {
    return this.versions.get(path) ?? 0;
  }

  bump(path: string): void {
    this.versions.set(path, this.versionOf(path) + 1);
  }

  /**
   * Re-reads the path once no event has touched it for the debounce time, longer for big files:
   * Obsidian saves a note every few seconds while it is typed in, and scanning a note of several
   * megabytes is a long task, better run once the typing pauses.
   */
  schedule(path: string, size = 0): void {
    this.cancel(path);
    const delay = this.debounceMs + Math.round((size / 1_000_000) * LARGE_FILE_MS_PER_MB);
    const timer = window.setTimeout(() => {
      this.timers.delete(path);
      this.track(this.reread(path));
    }, delay);
    this.timers.set(path, timer);
  }

  cancel(path: string): void {
    const timer = this.timers.get(path);
    if (timer !== undefined) window.clearTimeout(timer);
    this.timers.delete(path);
  }

  /** Forgets every pending re-read and version (a rebuild reads everything anyway). */
  reset(): void {
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
    this.versions.clear();
  }

  track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Runs pending re-reads now and waits until no work is in flight. */
  async settle(): Promise<void> {
    for (const path of [...this.timers.keys()]) {
      this.cancel(path);
      this.track(this.reread(path));
    }
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  get idle(): boolean {
    return this.timers.size === 0 && this.inFlight.size === 0;
  }
}
