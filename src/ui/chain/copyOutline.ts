/** "Copy chain as outline", shared by the view's pane menu and the command. */

import { Notice } from 'obsidian';
import type { ChainSource, FollowedFile } from './source';

/** Copies a file's chain as a Markdown outline, or says why there is none. */
export async function copyChainOutline(source: ChainSource, file: FollowedFile | null, depth: number): Promise<void> {
  const outline = source.outline(file, depth);
  if (outline === null) {
    new Notice('Open a note with an ID or references to copy its chain.');
    return;
  }
  try {
    await navigator.clipboard.writeText(outline);
    new Notice('Chain copied as outline.');
  } catch {
    new Notice('Could not copy to the clipboard.');
  }
}
