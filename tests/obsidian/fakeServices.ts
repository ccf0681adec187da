/**
 * IdServices over a real core index built from a few notes, with a controllable change feed. The
 * notes are files of the fake vault too, so what Obsidian derives from files (link text) is real.
 */
import type { PaneType } from 'obsidian';
import type * as obsidian from 'obsidian';
import { App } from '../mocks/obsidian';
import { idFormatFor } from '../../src/core/ids/formats';
import { IdIndex, type NoteTexts } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { NoteScanner } from '../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { PrincipleChainSettings } from '../../src/core/settings';
import type { IndexChange } from '../../src/core/types';
import type { IdServices } from '../../src/obsidian/services';

export interface OpenCall {
  id: string;
  sourcePath: string;
  paneType: PaneType | boolean;
}

export interface FakeServices extends IdServices {
  readonly fakeApp: App;
  readonly live: PrincipleChainSettings;
  readonly writable: IdIndex;
  readonly opened: OpenCall[];
  /** Adds or replaces a note and tells listeners which IDs changed. */
  put(path: string, text?: string): void;
  remove(path: string): void;
  emit(change: IndexChange): void;
  /** Tells listeners that these notes' texts arrived (as the indexer's text cache does). */
  textsLoaded(paths: readonly string[]): void;
}

/**
 * With `texts`, notes are put as the plugin puts them (scanned, no text kept) and context lines are
 * read back from `texts`; without, they are put with their context lines.
 */
export function fakeServices(notes: Record<string, string>, patch: Partial<PrincipleChainSettings> = {}, texts?: NoteTexts): FakeServices {
  const live: PrincipleChainSettings = { ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], ...patch };
  const format = idFormatFor(live.idFormat, live.customPattern);
  const index = new IdIndex(texts === undefined ? { format } : { format, texts });
  const options = { format, ownIdSources: live.ownIdSources, frontmatterKey: live.frontmatterKey };
  const scanner = texts === undefined ? null : new NoteScanner(options);
  const listeners = new Set<(change: IndexChange) => void>();
  const textListeners = new Set<(paths: ReadonlySet<string>) => void>();
  const emit = (change: IndexChange): void => {
    for (const listener of [...listeners]) listener(change);
  };
  const fakeApp = new App();
  // The fake vault's create and modify do their work before their first await: the file is there at once.
  const put = (path: string, text = ''): void => {
    const file = fakeApp.vault.getFileByPath(path);
    void (file === null ? fakeApp.vault.create(path, text) : fakeApp.vault.modify(file, text));
    emit(index.apply({ kind: 'upsert', facts: scanner === null ? extractNoteFacts(path, text, options) : scanner.scan(path, text) }));
  };
  const remove = (path: string): void => {
    const file = fakeApp.vault.getFileByPath(path);
    if (file !== null) void fakeApp.vault.delete(file);
    emit(index.apply({ kind: 'delete', path }));
  };
  for (const [path, text] of Object.entries(notes)) put(path, text);
  const opened: OpenCall[] = [];
  return {
    app: fakeApp as unknown as obsidian.App,
    fakeApp,
    live,
    writable: index,
    opened,
    settings: () => live,
    format: () => format,
    index,
    onIndexChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openId: async (id, sourcePath, paneType) => {
      opened.push({ id, sourcePath, paneType });
    },
    onTextsLoaded: (listener) => {
      textListeners.add(listener);
      return () => textListeners.delete(listener);
    },
    put,
    remove,
    emit,
    textsLoaded: (paths) => {
      for (const listener of [...textListeners]) listener(new Set(paths));
    },
  };
}
