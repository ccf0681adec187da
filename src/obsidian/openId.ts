import { Notice, normalizePath, TFile } from 'obsidian';
import type { App, PaneType } from 'obsidian';
import type { IdIndexReader, NoteRecord } from '../core/types';
import { openNotePath } from '../ui/openNote';
import { AmbiguousIdModal, CreateNoteModal } from './chooser';

/** What opening an ID needs: the app and the index (a subset of IdServices). */
export interface OpenIdDeps {
  readonly app: App;
  readonly index: IdIndexReader;
}

/**
 * Opens what an ID names, seen from sourcePath: the note when resolved, a chooser listing every
 * candidate when ambiguous, an offer to create `ID.md` when unresolved.
 */
export async function openId(deps: OpenIdDeps, id: string, sourcePath: string, paneType: PaneType | boolean): Promise<void> {
  const { app, index } = deps;
  const resolution = index.resolve(id);
  const open = (path: string, pane: PaneType | boolean): Promise<void> => openNotePath(app, path, sourcePath, pane);
  if (resolution.status === 'resolved') {
    await open(resolution.paths[0], paneType);
  } else if (resolution.status === 'ambiguous') {
    const candidates = resolution.paths.map(
      (path): NoteRecord => index.note(path) ?? { path, id, title: path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '') },
    );
    new AmbiguousIdModal(app, id, candidates, (path, pane) => void open(path, pane), paneType).open();
  } else {
    const folder = app.fileManager.getNewFileParent(sourcePath, `${id}.md`);
    new CreateNoteModal(app, id, folder.path, (name) => void createAndOpen(app, folder.path, name, sourcePath, paneType)).open();
  }
}

/** Creates `name.md` in the folder (or opens it when it appeared meanwhile) and opens it. */
export async function createAndOpen(
  app: App,
  folderPath: string,
  name: string,
  sourcePath: string,
  paneType: PaneType | boolean,
): Promise<void> {
  // The vault root's path is '/' (obsidian.d.ts); the name is joined without it, whatever normalizePath does with a leading slash.
  const path = normalizePath(folderPath === '/' ? `${name}.md` : `${folderPath}/${name}.md`);
  try {
    const existing = app.vault.getAbstractFileByPath(path);
    if (!(existing instanceof TFile)) await app.vault.create(path, '');
    await openNotePath(app, path, sourcePath, paneType);
  } catch (error) {
    new Notice(`Could not create ${path}: ${(error as Error).message}`);
  }
}
