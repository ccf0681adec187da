import type { App, PaneType } from 'obsidian';

/**
 * Opens the note at a vault path in the pane asked for, through its link text as Obsidian's own links
 * open. A path holding `#` goes by its file instead: link text reads what follows `#` as a heading
 * (parseLinktext, obsidian.d.ts: "filepath and subpath"), so `202104291524 C# tips.md` would open, or
 * create, `202104291524 C`.
 */
export async function openNotePath(app: App, path: string, sourcePath: string, pane: PaneType | boolean): Promise<void> {
  const file = path.includes('#') ? app.vault.getFileByPath(path) : null;
  // getLeaf(pane).openFile(file): how public plugins open a file in the pane a modifier asks for.
  if (file !== null) await app.workspace.getLeaf(pane).openFile(file);
  else await app.workspace.openLinkText(path, sourcePath, pane);
}
