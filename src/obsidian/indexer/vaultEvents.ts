/** Vault events, each updating only the files it touches; a re-read waits for a pause in editing. */
import { TFile, TFolder, type TAbstractFile } from 'obsidian';
import { namesOnlyFacts } from '../../core/index/noteFacts';
import { addAll } from './changeBus';
import { isMarkdown, type IndexerContext } from './context';
import { ReadGuard, readNote } from './guardedRead';
import { NoteMoves } from './moves';

export class VaultEvents {
  readonly moves: NoteMoves;

  constructor(private readonly context: IndexerContext) {
    this.moves = new NoteMoves(context);
  }

  onCreate(file: TAbstractFile): void {
    const { updates, changes } = this.context;
    if (!isMarkdown(file) || !this.context.isIncluded(file.path)) return;
    updates.bump(file.path);
    changes.emitIds(this.putNames(file.path));
    updates.schedule(file.path);
  }

  onModify(file: TAbstractFile): void {
    const { updates, changes, texts, index } = this.context;
    if (!isMarkdown(file) || !this.context.isIncluded(file.path)) return;
    updates.bump(file.path);
    texts.forget(file.path);
    // Edited before the names pass reached it: resolvable now, its references after the re-read.
    if (!index.note(file.path)) changes.emitIds(this.putNames(file.path));
    updates.schedule(file.path, file.stat.size);
  }

  onDelete(file: TAbstractFile): void {
    const { updates, changes, texts, index, writer } = this.context;
    const paths = file instanceof TFolder ? this.indexedPathsUnder(file.path) : [file.path];
    const changed = new Set<string>();
    for (const path of paths) {
      updates.bump(path);
      updates.cancel(path);
      texts.forget(path);
      if (index.note(path)) addAll(changed, writer.apply({ kind: 'delete', path }));
    }
    changes.emitIds(changed);
  }

  onRename(file: TAbstractFile, oldPath: string): void {
    const { app, updates, changes, texts, index, writer } = this.context;
    // Obsidian reports a renamed folder's files one by one, then the folder: each move is handled
    // once, by whichever event brings it first (the order is the fake's; see tests/mocks/fake/app.ts).
    const moves: [string, string][] =
      file instanceof TFolder ? filesUnder(file).map((moved) => [oldPath + moved.path.slice(file.path.length), moved.path]) : [[oldPath, file.path]];
    const changed = new Set<string>();
    for (const [from, to] of moves) {
      if (this.moves.alreadyMoved(from, to)) continue;
      updates.bump(from);
      updates.bump(to);
      updates.cancel(from);
      texts.forget(from);
      texts.forget(to);
      const wasIndexed = index.note(from) !== undefined;
      const target = app.vault.getAbstractFileByPath(to);
      const include = this.context.isIncluded(to) && isMarkdown(target);
      if (wasIndexed && include) this.moves.start(from, to, target);
      else if (wasIndexed) addAll(changed, writer.apply({ kind: 'delete', path: from }));
      else if (include) {
        // Not indexed under its old name (excluded, or a move still being read): read it afresh.
        if (!index.note(to)) addAll(changed, this.putNames(to));
        updates.schedule(to);
      }
    }
    changes.emitIds(changed);
  }

  /** Re-reads one file and applies what it says now; drops the result if an event raced it. */
  async refresh(path: string): Promise<void> {
    const file = this.context.app.vault.getAbstractFileByPath(path);
    // Deletes cancel a path's re-read and exclusions rebuild, so this only guards against a host that does otherwise.
    if (!isMarkdown(file) || !this.context.isIncluded(path)) return;
    const guard = new ReadGuard(this.context, path, file);
    const { text, stat } = await readNote(this.context, file);
    if (text === null || !guard.holds()) return;
    const change = this.context.writer.apply({ kind: 'upsert', facts: this.context.scanner().scan(path, text) }, stat);
    // A view showing the note redraws its context lines from the text the index now holds.
    this.context.texts.remember(path, text);
    this.context.changes.emitIds(change);
  }

  /** The note as its path alone says: resolvable at once, its references once it is read. */
  private putNames(path: string): ReadonlySet<string> {
    return this.context.writer.apply({ kind: 'upsert', facts: namesOnlyFacts(path, this.context.factOptions()) });
  }

  private indexedPathsUnder(folder: string): string[] {
    // The root folder's path is `/` (Vault.getAllFolders in obsidian.d.ts).
    const prefix = folder === '/' ? '' : folder + '/';
    const paths: string[] = [];
    for (const note of this.context.index.notes()) if (note.path.startsWith(prefix)) paths.push(note.path);
    return paths;
  }
}

/** Every file inside a folder, at any depth. */
function filesUnder(folder: TFolder): TFile[] {
  const files: TFile[] = [];
  for (const child of folder.children) {
    if (child instanceof TFile) files.push(child);
    else if (child instanceof TFolder) files.push(...filesUnder(child));
  }
  return files;
}
