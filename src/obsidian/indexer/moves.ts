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

/** A move being read: where from, and the versions of both paths when it started. */
interface Move {
  readonly from: string;
  readonly guard: ReadGuard;
  readonly fromVersion: number;
}

export class NoteMoves {
  /** Moves being read, by new path (the latest started to each path). */
  private readonly inFlight = new Map<string, Move>();
  /** The old paths of those moves (still in the index until the move is applied), with how many moves left each. */
  private readonly sources = new Map<string, number>();

  constructor(private readonly context: IndexerContext) {}

  /** Forgets every move in flight (a rebuild or unload drops their results). */
  forget(): void {
    this.inFlight.clear();
    this.sources.clear();
  }

  /**
   * Whether a reported move from → to is already in the index or on its way there. A move in flight
   * counts only while it will still be applied (isCurrent): moving the note back touches its new
   * path, so a later report of the same move (a folder moved away, back, then away again) is a move
   * of its own.
   */
  alreadyMoved(from: string, to: string): boolean {
    const move = this.inFlight.get(to);
    if (move !== undefined && move.from === from && this.isCurrent(move)) return true;
    // `to` still indexed as the source of a move not yet applied is no sign this move happened.
    if (this.sources.has(to)) return false;
    const { index } = this.context;
    return index.note(from) === undefined && index.note(to) !== undefined;
  }

  /** Moves the note, now the Markdown file at `to`, once its text is read (tracked, so whenIdle waits for it). */
  start(from: string, to: string, file: TFile): void {
    const generation = this.context.generation();
    const move: Move = { from, guard: new ReadGuard(this.context, to, file), fromVersion: this.context.updates.versionOf(from) };
    this.inFlight.set(to, move);
    this.sources.set(from, (this.sources.get(from) ?? 0) + 1);
    const done = (): void => {
      // A rebuild or unload dropped this move's result and forgot it already.
      if (generation !== this.context.generation()) return;
      // Once applied, the index answers for the move (alreadyMoved's last line), so its entry goes,
      // unless a later move to the same path took its place.
      if (this.inFlight.get(to) === move) this.inFlight.delete(to);
      const left = (this.sources.get(from) ?? 1) - 1;
      if (left > 0) this.sources.set(from, left);
      else this.sources.delete(from);
    };
    this.context.updates.track(this.move(move, to, file).finally(done));
  }

  /**
   * Whether the move will still be applied: nothing touched its new path since it started. (An event
   * on the old path alone, such as a new note there, only makes it an upsert instead of a rename.)
   */
  private isCurrent(move: Move): boolean {
    return move.guard.holds();
  }

  /** Moves a note in the index once its text is read; an event on either path meanwhile wins. */
  private async move({ from, guard, fromVersion }: Move, to: string, file: TFile): Promise<void> {
    const { index, updates, writer, changes, texts } = this.context;
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
