/**
 * Notes moving in the index. Facts depend on the path (own ID, title), so a moved note is read
 * again before it moves; meanwhile the move is "in flight", and a second report of it (Obsidian
 * reports a renamed folder's files, then the folder) is recognised and left alone.
 */
import type { TFile } from 'obsidian';
import type { IndexUpdate } from '../../core/index/idIndex';
import { namesOnlyFacts } from '../../core/index/noteFacts';
import type { IndexerContext } from './context';
import { ReadGuard, readNote } from './guardedRead';

export class NoteMoves {
  /** Moves being read, by new path: the old path each came from. */
  private readonly inFlight = new Map<string, string>();
  /** The old paths of those moves (still in the index until the move is applied). */
  private readonly sources = new Set<string>();

  constructor(private readonly context: IndexerContext) {}

  /** Forgets every move in flight (a rebuild or unload drops their results). */
  forget(): void {
    this.inFlight.clear();
    this.sources.clear();
  }

  /** Whether a reported move from → to is already in the index or on its way there. */
  alreadyMoved(from: string, to: string): boolean {
    if (this.inFlight.get(to) === from) return true;
    // `to` still indexed as the source of a move not yet applied is no sign this move happened.
    if (this.sources.has(to)) return false;
    const { index } = this.context;
    return index.note(from) === undefined && index.note(to) !== undefined;
  }

  /** Moves the note, now the Markdown file at `to`, once its text is read (tracked, so whenIdle waits for it). */
  start(from: string, to: string, file: TFile): void {
    const generation = this.context.generation();
    this.inFlight.set(to, from);
    this.sources.add(from);
    const done = (): void => {
      // A rebuild or unload dropped this move's result and forgot it already.
      if (generation !== this.context.generation()) return;
      if (this.inFlight.get(to) === from) this.inFlight.delete(to);
      this.sources.delete(from);
    };
    this.context.updates.track(this.move(from, to, file).finally(done));
  }

  /** Moves a note in the index once its text is read; an event on either path meanwhile wins. */
  private async move(from: string, to: string, file: TFile): Promise<void> {
    const { index, updates, writer, changes, texts } = this.context;
    const guard = new ReadGuard(this.context, to, file);
    const fromVersion = updates.versionOf(from);
    // Moved but unreadable: it moves with names-only facts and is read again later.
    const { text, stat } = await readNote(this.context, file);
    if (!guard.sameBuild()) return;
    const fromUntouched = updates.versionOf(from) === fromVersion;
    if (!guard.holds()) {
      // Moved, deleted (with its folder) or touched again meanwhile: a later event brings its own
      // update, so only the old path is left to clear.
      if (fromUntouched && index.note(from)) changes.emitIds(writer.apply({ kind: 'delete', path: from }));
      return;
    }
    const facts = text === null ? namesOnlyFacts(to, this.context.factOptions()) : this.context.scanner().scan(to, text);
    const update: IndexUpdate = fromUntouched ? { kind: 'rename', oldPath: from, facts } : { kind: 'upsert', facts };
    const change = writer.apply(update, text === null ? undefined : stat);
    if (text !== null) texts.remember(to, text);
    changes.emitIds(change);
    if (text === null) updates.schedule(to);
  }
}
