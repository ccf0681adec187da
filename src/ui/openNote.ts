import type { App, PaneType } from 'obsidian';
import { linktextCanName } from '../core/linktext';

/**
 * Opens the note at a vault path in the pane asked for, through its link text as Obsidian's own links
 * open; a path that link text cannot name (see linktextCanName) goes by its file instead.
 */
export async function openNotePath(app: App, path: string, sourcePath: string, pane: PaneType | boolean): Promise<void> {
  const file = linktextCanName(path) ? null : app.vault.getFileByPath(path);
  // getLeaf(pane).openFile(file): how public plugins open a file in the pane a modifier asks for.
  if (file !== null) await app.workspace.getLeaf(pane).openFile(file);
  else await app.workspace.openLinkText(path, sourcePath, pane);
}
