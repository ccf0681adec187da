import type { App } from 'obsidian';

/**
 * The link text Obsidian itself writes for a note, seen from sourcePath (`metadataCache.fileToLinktext`:
 * the file name when it is unique, else the path; no `.md`), so drag, copy and hover over an ID link
 * give what a native link gives. A path the vault does not know falls back to the path without `.md`.
 */
export function linktextFor(app: App, path: string, sourcePath: string): string {
  const file = app.vault.getFileByPath(path);
  return file === null ? path.replace(/\.md$/i, '') : app.metadataCache.fileToLinktext(file, sourcePath);
}
