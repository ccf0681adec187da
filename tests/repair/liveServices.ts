/** IdServices over the Obsidian fake's vault, with an index rebuilt after every vault event. */
import type { App, TAbstractFile } from 'obsidian';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import type { IdIndexReader } from '../../src/core/types';
import type { IndexChange } from '../../src/core/types';
import type { IdServices } from '../../src/obsidian/services';
import { indexOf } from './helpers';

export interface LiveServices extends IdServices {
  settingsValue: PrincipleChainSettings;
  /** Resolves once the index has caught up with every vault event so far. */
  indexed(): Promise<void>;
}

export async function liveServices(app: App): Promise<LiveServices> {
  const texts = new Map<string, string>();
  let current: IdIndexReader = indexOf({});
  let pending: Promise<void> = Promise.resolve();
  const listeners = new Set<(change: IndexChange) => void>();
  const rebuild = () => {
    current = indexOf(Object.fromEntries(texts));
    for (const listener of listeners) listener('all');
  };
  const readAll = async () => {
    texts.clear();
    for (const file of app.vault.getMarkdownFiles()) texts.set(file.path, await app.vault.read(file));
    rebuild();
  };
  const onChange = (_file: TAbstractFile) => {
    pending = pending.then(readAll);
  };
  for (const name of ['create', 'modify', 'delete', 'rename'] as const) app.vault.on(name as 'create', onChange);
  await readAll();
  const index: IdIndexReader = {
    get revision() {
      return current.revision;
    },
    resolve: (id) => current.resolve(id),
    isKnownId: (id) => current.isKnownId(id),
    note: (path) => current.note(path),
    notes: () => current.notes(),
    referencesOf: (path) => current.referencesOf(path),
    referencesTo: (id) => current.referencesTo(id),
    duplicates: () => current.duplicates(),
  };
  const services: LiveServices = {
    app,
    settingsValue: { ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], excludedFolders: [] },
    settings: () => services.settingsValue,
    format: () => TWELVE_DIGIT,
    index,
    onIndexChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openId: async () => undefined,
    indexed: () => pending,
  };
  return services;
}
