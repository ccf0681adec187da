/**
 * The note texts the index reads context lines back from. The index keeps no text: a view asks for
 * a context, the index asks here, and a text not at hand is read in the background (a batch per
 * burst of asks, a few at a time) while the view shows the entry without it; once read, listeners
 * hear of it and redraw. Only recently asked-for texts are kept, within a budget of characters.
 */
import type { NoteTexts } from '../core/index/idIndex';

export interface NoteTextCacheDeps {
  /** The note's current text, or null when it cannot be read (gone, not a note). */
  read(path: string): Promise<string | null>;
  /** Runs the batch load soon (the plugin passes a zero timeout). */
  schedule(run: () => void): void;
  /** Characters kept at most (the texts of the notes a chain view shows fit many times over). */
  readonly budget?: number;
  /** Reads at a time. */
  readonly concurrency?: number;
}

const DEFAULT_BUDGET = 8_000_000;

export class NoteTextCache implements NoteTexts {
  /** Texts by path, least recently used first. */
  private readonly texts = new Map<string, string>();
  /** Paths that could not be read, so they are not asked for again until they change. */
  private readonly unreadable = new Set<string>();
  private readonly wanted = new Set<string>();
  private readonly listeners = new Set<(paths: ReadonlySet<string>) => void>();
  private characters = 0;
  private loading: Promise<void> | null = null;
  /** Bumped by forget and clear, so a read that raced a change is not kept. */
  private readonly versions = new Map<string, number>();
  private generation = 0;

  constructor(private readonly deps: NoteTextCacheDeps) {}

  textOf(path: string): string | undefined {
    const text = this.texts.get(path);
    if (text !== undefined) {
      // Most recently used goes last.
      this.texts.delete(path);
      this.texts.set(path, text);
      return text;
    }
    if (!this.unreadable.has(path)) this.want(path);
    return undefined;
  }

  /**
   * Keeps a text just read elsewhere (the indexer's re-read of an edited note, once the index holds
   * what it says), so it needs no read; listeners hear of it like of a loaded text.
   */
  remember(path: string, text: string): void {
    this.drop(path);
    this.store(path, text);
    this.tell(new Set([path]));
  }

  /** The note changed or went away: its text, if kept, is stale. */
  forget(path: string): void {
    this.versions.set(path, (this.versions.get(path) ?? 0) + 1);
    this.drop(path);
    this.unreadable.delete(path);
  }

  clear(): void {
    this.generation++;
    this.texts.clear();
    this.unreadable.clear();
    this.wanted.clear();
    this.versions.clear();
    this.characters = 0;
  }

  /** Calls the listener with the paths of each batch of texts read or remembered; returns the unsubscribe function. */
  onLoaded(listener: (paths: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no read is pending or running (tests, and the indexer's whenIdle). */
  async settle(): Promise<void> {
    while (this.loading !== null) await this.loading;
  }

  private want(path: string): void {
    this.wanted.add(path);
    if (this.loading !== null) return;
    let done!: () => void;
    this.loading = new Promise((resolve) => (done = resolve));
    this.deps.schedule(() => {
      void this.load().finally(() => {
        this.loading = null;
        done();
        // Asks that came while this batch was read make the next one.
        if (this.wanted.size > 0) this.want([...this.wanted][0]);
      });
    });
  }

  private async load(): Promise<void> {
    const paths = [...this.wanted];
    this.wanted.clear();
    const generation = this.generation;
    let next = 0;
    const loaded = new Set<string>();
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const path = paths[next++];
        const version = this.versions.get(path);
        let text: string | null = null;
        try {
          text = await this.deps.read(path);
        } catch {
          // Unreadable now; a later change of the note makes it worth another try.
        }
        if (generation !== this.generation || version !== this.versions.get(path) || this.texts.has(path)) continue;
        if (text === null) this.unreadable.add(path);
        else {
          this.store(path, text);
          loaded.add(path);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.deps.concurrency ?? 8) }, worker));
    if (loaded.size > 0) this.tell(loaded);
  }

  private tell(paths: ReadonlySet<string>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(paths);
      } catch (error) {
        console.error('Principle Chain: a note text listener failed', error);
      }
    }
  }

  private store(path: string, text: string): void {
    this.texts.set(path, text);
    this.characters += text.length;
    const budget = this.deps.budget ?? DEFAULT_BUDGET;
    // Evict least recently used texts, but never the one just stored.
    for (const [old, kept] of this.texts) {
      if (this.characters <= budget || old === path) break;
      this.texts.delete(old);
      this.characters -= kept.length;
    }
  }

  private drop(path: string): void {
    const text = this.texts.get(path);
    if (text === undefined) return;
    this.texts.delete(path);
    this.characters -= text.length;
  }
}
