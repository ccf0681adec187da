/** Writes repairs into Obsidian: through the editor for a note open in editing mode, else through Vault.process. */
import { MarkdownView, type App, type Editor, type TFile } from 'obsidian';
import { applyEdits, sortEdits } from '../../core/repair/edits';
import { changedRegion } from '../../core/repair/remap';
import type { TextEdit } from '../../core/repair/types';
import { SkipFile, type Decision, type RepairTarget, type Updated } from './runner';

/** Marks the transactions the repair makes in an editor, so they can be told apart from typing. */
export const REPAIR_ORIGIN = 'principle-chain-repair';

/** The text with every line break as `\n`. */
function withLineFeeds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Whether an open editor's buffer is the file's own text read with other line breaks, so nothing in
 * it is unsaved. CodeMirror 6, which Obsidian's editor wraps, splits a document's lines at `\r\n`,
 * `\r` and `\n` and joins them with `\n` (@codemirror/state's Text, unless a lineSeparator is set),
 * so a note with `\r\n` breaks never reads in the editor as it reads on disk. Such a note is
 * planned on and written as the file's bytes, its line breaks kept; writing it through the editor
 * would leave Obsidian to save the buffer with `\n` breaks throughout.
 */
function editorShowsFile(buffer: string, fileText: string): boolean {
  return fileText.includes('\r') && withLineFeeds(buffer) === withLineFeeds(fileText);
}

/**
 * The text a repair would plan on: the editor's buffer for an open note (it may be unsaved), else
 * the file; the file too for an open note whose buffer only reads its line breaks otherwise.
 */
export async function currentText(app: App, path: string): Promise<string | null> {
  const editor = openEditor(app, path);
  const file = app.vault.getFileByPath(path);
  if (editor === null) return file === null ? null : app.vault.cachedRead(file);
  const buffer = editor.getValue();
  if (file === null) return buffer;
  const fileText = await app.vault.cachedRead(file);
  return editorShowsFile(buffer, fileText) ? fileText : buffer;
}

/**
 * The editor of a Markdown view showing the file in editing mode (Live Preview or Source), if any.
 * A view in Reading mode holds no text being typed: the file itself is what it shows.
 */
export function openEditor(app: App, path: string): Editor | null {
  let found: Editor | null = null;
  app.workspace.iterateAllLeaves((leaf) => {
    const view = leaf.view;
    if (found === null && view instanceof MarkdownView && view.file?.path === path && view.getMode() === 'source' && view.editor) found = view.editor;
  });
  return found;
}

/** The paths of the notes open in editing mode (whose text may be ahead of the file). */
export function pathsOpenInEditors(app: App): Set<string> {
  const paths = new Set<string>();
  app.workspace.iterateAllLeaves((leaf) => {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || view.getMode() !== 'source' || !view.editor) return;
    const path = view.file?.path;
    if (path !== undefined) paths.add(path);
  });
  return paths;
}

/**
 * Applies the edits in one editor transaction and checks the result. obsidian.d.ts does not say
 * whether a transaction's change positions refer to the text before it (as CodeMirror's do) or to
 * the text after the changes before them (unknown), so the changes go last first: right either way.
 * Whatever the editor made of them, the note ends as planned or as it was, never half-repaired.
 */
function applyInEditor(editor: Editor, current: string, edits: readonly TextEdit[]): string {
  const planned = applyEdits(current, edits);
  const changes = sortEdits(edits)
    .reverse()
    .map((e) => ({ from: editor.offsetToPos(e.from), to: editor.offsetToPos(e.to), text: e.after }));
  if (changes.length === 0) return current;
  // One transaction: the editor maps cursor and selection through it and undoes it as one step.
  editor.transaction({ changes }, REPAIR_ORIGIN);
  const result = editor.getValue();
  if (result === planned) return result;
  const region = changedRegion(current, result);
  if (region !== null) {
    const restore = { from: editor.offsetToPos(region.from), to: editor.offsetToPos(region.to + region.shift), text: current.slice(region.from, region.to) };
    editor.transaction({ changes: [restore] }, REPAIR_ORIGIN);
  }
  if (editor.getValue() !== current) throw new Error('the editor did not apply the repair as planned, and its text could not be put back; check the note');
  throw new SkipFile('the editor did not apply the repair as planned; the note was left as it was');
}

/** Thrown from Vault.process's callback when the open editor's buffer is no longer the file's text: the file is left as it is. */
class EditorAhead extends Error {}

export class ObsidianRepairTarget implements RepairTarget {
  constructor(private readonly app: App) {}

  async update<D extends Decision>(path: string, decide: (current: string) => D): Promise<Updated<D>> {
    const file = this.app.vault.getFileByPath(path);
    if (file === null) throw new SkipFile('deleted or renamed before it could be written');
    const editor = openEditor(this.app, path);
    if (editor !== null) {
      if (editorShowsFile(editor.getValue(), await this.app.vault.cachedRead(file))) {
        const written = await this.process(file, path, decide, editor);
        if (written !== null) return written;
      }
      const before = editor.getValue();
      const decision = decide(before);
      return { path: file.path, before, after: applyInEditor(editor, before, decision.edits), decision };
    }
    return (await this.process(file, path, decide, null)) as Updated<D>;
  }

  /**
   * Writes through Vault.process; with `editor`, only while its buffer still reads as the file
   * (checked in the callback, so no keystroke comes between), else null and nothing written.
   */
  private async process<D extends Decision>(file: TFile, path: string, decide: (current: string) => D, editor: Editor | null): Promise<Updated<D> | null> {
    // What was decided on the text process handed over. obsidian.d.ts does not say that process calls
    // back only once (it might call again on a text changed meanwhile): the last call's text is the one written.
    let seen: { before: string; decision: D } | null = null;
    try {
      const after = await this.app.vault.process(file, (data) => {
        if (file.path !== path) throw new SkipFile('renamed while it was being written');
        if (editor !== null && !editorShowsFile(editor.getValue(), data)) throw new EditorAhead();
        const decision = decide(data);
        seen = { before: data, decision };
        return applyEdits(data, decision.edits);
      });
      if (seen === null) throw new Error('Vault.process wrote the note without calling back');
      const { before, decision } = seen;
      // Obsidian renames a TFile in place (its rename event hands the same object over), so this is where the note is now.
      return { path: file.path, before, after, decision };
    } catch (error) {
      if (error instanceof EditorAhead) return null;
      if (!(error instanceof SkipFile) && this.app.vault.getFileByPath(path) === null) throw new SkipFile('deleted or renamed while it was being written');
      throw error;
    }
  }
}
