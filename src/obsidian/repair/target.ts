/** Writes repairs into Obsidian: through the editor for a note open in one, else through Vault.process. */
import { MarkdownView, type App, type Editor } from 'obsidian';
import { applyEdits, sortEdits } from '../../core/repair/edits';
import type { TextEdit } from '../../core/repair/types';
import { SkipFile, type RepairTarget } from './runner';

/** Marks the transactions the repair makes in an editor, so they can be told apart from typing. */
export const REPAIR_ORIGIN = 'principle-chain-repair';

/** The text a repair would plan on: the editor's buffer for an open note (it may be unsaved), else the file. */
export async function currentText(app: App, path: string): Promise<string | null> {
  const editor = openEditor(app, path);
  if (editor !== null) return editor.getValue();
  const file = app.vault.getFileByPath(path);
  return file === null ? null : app.vault.cachedRead(file);
}

/** The editor of a Markdown view showing the file, if any. */
export function openEditor(app: App, path: string): Editor | null {
  let found: Editor | null = null;
  app.workspace.iterateAllLeaves((leaf) => {
    const view = leaf.view;
    if (found === null && view instanceof MarkdownView && view.file?.path === path && view.editor) found = view.editor;
  });
  return found;
}

export class ObsidianRepairTarget implements RepairTarget {
  constructor(private readonly app: App) {}

  async update(path: string, decide: (current: string) => readonly TextEdit[]): Promise<string> {
    const file = this.app.vault.getFileByPath(path);
    if (file === null) throw new SkipFile('deleted or renamed meanwhile');
    const editor = openEditor(this.app, path);
    if (editor !== null) {
      const edits = decide(editor.getValue());
      // One transaction: the editor maps cursor and selection through it and undoes it as one step.
      const changes = sortEdits(edits).map((e) => ({ from: editor.offsetToPos(e.from), to: editor.offsetToPos(e.to), text: e.after }));
      if (changes.length > 0) editor.transaction({ changes }, REPAIR_ORIGIN);
      return editor.getValue();
    }
    try {
      return await this.app.vault.process(file, (data) => {
        if (file.path !== path) throw new SkipFile('renamed meanwhile');
        return applyEdits(data, decide(data));
      });
    } catch (error) {
      if (!(error instanceof SkipFile) && this.app.vault.getFileByPath(path) === null) throw new SkipFile('deleted or renamed meanwhile');
      throw error;
    }
  }
}
