/** "Copy chain as outline" and "Copy chain as Mermaid", shared by the view's menu and the commands. */

import { Notice } from 'obsidian';

const FORMAT_NAMES = { outline: 'outline', mermaid: 'Mermaid' } as const;

/** Copies the chain's text, or says why there is none. */
export async function copyChain(text: string | null, format: 'outline' | 'mermaid'): Promise<void> {
  if (text === null) {
    new Notice('Open a note with an ID or references to copy its chain.');
    return;
  }
  try {
    await navigator.clipboard.writeText(text);
    new Notice(`Chain copied as ${FORMAT_NAMES[format]}.`);
  } catch {
    new Notice('Could not copy to the clipboard.');
  }
}
