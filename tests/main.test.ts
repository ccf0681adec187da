/** @jest-environment jsdom */
import { App } from 'obsidian';
import type { PluginManifest } from 'obsidian';
import PrincipleChainPlugin from '../main';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { VaultIndexer } from '../src/obsidian/indexer';
import { loadSettings, saveSettings } from '../src/obsidian/settingsData';
import { showSettingTab } from './mocks/fake/settingsModal';
import manifestJson from '../manifest.json';
import * as fake from './mocks/obsidian';
import * as v8 from 'v8';
import { IDBFactory } from 'fake-indexeddb';
import { INDEX_CACHE_FILE, chooseCacheStore } from '../src/obsidian/indexCacheStores';

const manifest: PluginManifest = { ...manifestJson };
const dataPath = `.obsidian/plugins/${manifest.id}/data.json`;

async function startPlugin(dataJson: string | null, { app, notices } = fake.createFakeApp()) {
  if (dataJson !== null) await app.vault.adapter.write(dataPath, dataJson);
  const plugin = new PrincipleChainPlugin(app as unknown as App, { ...manifest });
  await fake.loadAndWait(plugin);
  return { app: app as unknown as App, plugin, notices, registered: (plugin as unknown as fake.Plugin).registered };
}

describe('loading settings at start-up', () => {
  const cases: [string, string | null, string[]][] = [
    ['no data.json', null, []],
    ['valid settings', JSON.stringify({ ...DEFAULT_SETTINGS, chainDepth: 5 }), []],
    ['corrupt JSON', '{"idFormat": "12",', ['could not be read']],
    ['a list instead of an object', '[1, 2, 3]', ['not an object']],
    ['wrong types', JSON.stringify({ chainDepth: 'deep', idFormat: 'hex', linkTitle: true }), ['"idFormat"', '"chainDepth"']],
    ['custom format without a pattern', JSON.stringify({ idFormat: 'custom' }), ['pattern is empty']],
    ['custom pattern that backtracks', JSON.stringify({ idFormat: 'custom', customPattern: '(a+)+' }), ['custom ID pattern cannot be used']],
  ];

  it.each(cases)('%s', async (_name, data, expected) => {
    const { plugin, notices } = await startPlugin(data);
    expect(notices).toHaveLength(expected.length === 0 ? 0 : 1);
    for (const fragment of expected) expect(notices[0]).toContain(fragment);
    // Start-up never rewrites data.json: a hand-edited file stays as the user left it.
    const stored = await plugin.app.vault.adapter.exists(dataPath);
    expect(stored).toBe(data !== null);
    if (data !== null) expect(await plugin.app.vault.adapter.read(dataPath)).toBe(data);
  });

  it('says so in one notice: a heading, then each replaced setting on a line of its own', async () => {
    const { notices } = await startPlugin(JSON.stringify({ chainDepth: 'deep', idFormat: 'hex' }));
    expect(notices).toStrictEqual([
      [
        'Principle Chain: some stored settings were invalid.',
        '• Setting "idFormat" must be one of 12, 14, denote, custom; using the default.',
        '• Setting "chainDepth" must be a whole number; using the default.',
      ].join('\n'),
    ]);
  });

  it('keeps the valid values next to the replaced ones', async () => {
    const { plugin } = await startPlugin(JSON.stringify({ chainDepth: 'deep', linkTitle: true }));
    const { settings, problems } = await loadSettings(plugin);
    expect(settings.linkTitle).toBe(true);
    expect(settings.chainDepth).toBe(DEFAULT_SETTINGS.chainDepth);
    expect(problems).toHaveLength(1);
  });

  it('reads no vault file before the layout is ready', async () => {
    const fakeApp = fake.createFakeApp();
    const { app } = fakeApp;
    await app.vault.create('202108191025 Ship small.md', 'Builds on 202108191026 Feedback.');
    await app.vault.create('202108191026 Feedback.md', 'Nothing yet.');
    app.workspace.layoutReady = false;
    await startPlugin(null, fakeApp);
    const vault = app.vault;
    expect(vault.reads).toBe(0);
    // Once the layout is ready the indexer reads the notes (paced, so give it a few turns).
    app.workspace.setLayoutReady();
    for (let turn = 0; turn < 100 && vault.reads < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(vault.reads).toBe(2);
  });

  it('unloads cleanly, leaving no listeners or views behind', async () => {
    const { app, plugin } = await startPlugin(null);
    const sources = [app.vault, app.workspace, app.metadataCache] as unknown as fake.Events[];
    const workspace = app.workspace as unknown as fake.Workspace;
    expect((app.vault as unknown as fake.Vault).listenerCount('modify')).toBeGreaterThan(0);
    plugin.unload();
    expect(sources.map((events) => events.listenerCount())).toStrictEqual([0, 0, 0]);
    expect([...workspace.viewCreators.keys()]).toStrictEqual([]);
  });
});

describe('the index cache', () => {
  const cachePath = `.obsidian/plugins/${manifest.id}/${INDEX_CACHE_FILE}`;
  const globals = globalThis as { indexedDB?: IDBFactory; structuredClone?: unknown };
  afterEach(() => {
    delete globals.indexedDB;
  });

  /** Starts the plugin on a one-note vault, lets the first pass index it, then unloads (which writes the cache). */
  async function indexedAndUnloaded(appId: string | undefined): Promise<App> {
    const fakeApp = fake.createFakeApp();
    (fakeApp.app as unknown as { appId?: string }).appId = appId;
    await fakeApp.app.vault.create('202108191025 Ship small.md', 'Builds on 202108191026.');
    const { plugin } = await startPlugin(null, fakeApp);
    for (let turn = 0; turn < 100 && fakeApp.app.vault.reads < 1; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    plugin.unload();
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    return fakeApp.app as unknown as App;
  }

  it('is kept in an IndexedDB database of the vault Obsidian names, not in the vault folder', async () => {
    // jsdom has neither; Obsidian's window has both (Electron and the mobile web views).
    globals.indexedDB = new IDBFactory();
    globals.structuredClone ??= (value: unknown) => v8.deserialize(v8.serialize(value)) as unknown;
    const app = await indexedAndUnloaded('vault-1');
    expect(await app.vault.adapter.exists(cachePath)).toBe(false);
    const store = chooseCacheStore({ appId: 'vault-1', indexedDB: globals.indexedDB, adapter: app.vault.adapter, pluginDir: `.obsidian/plugins/${manifest.id}` });
    expect(await store.read()).toContain('202108191025 Ship small.md');
  });

  it('is kept in the plugin folder when Obsidian names no vault', async () => {
    globals.indexedDB = new IDBFactory();
    const app = await indexedAndUnloaded(undefined);
    expect(await app.vault.adapter.read(cachePath)).toContain('202108191025 Ship small.md');
  });
});

describe('saving settings', () => {
  it('round-trips through data.json without sharing arrays with the live settings', async () => {
    const { plugin } = await startPlugin(null);
    const settings = { ...DEFAULT_SETTINGS, excludedFolders: ['archive'], ownIdSources: [...DEFAULT_SETTINGS.ownIdSources] };
    await saveSettings(plugin, settings);
    settings.excludedFolders.push('later');
    const loaded = await loadSettings(plugin);
    expect(loaded.problems).toStrictEqual([]);
    expect(loaded.settings).toStrictEqual({ ...settings, excludedFolders: ['archive'] });
  });
});

describe('a settings change', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    document.body.replaceChildren();
  });

  async function openTab(dataJson: string | null = null) {
    const { app, registered, notices } = await startPlugin(dataJson);
    const rebuild = jest.spyOn(VaultIndexer.prototype, 'rebuild');
    const notifyAll = jest.spyOn(VaultIndexer.prototype, 'notifyAll');
    let editorRefreshes = 0;
    (app.workspace as unknown as fake.Workspace).on('fake:update-options', () => editorRefreshes++);
    const tab = registered.settingTabs[0];
    showSettingTab(tab);
    const setting = (name: string): HTMLElement =>
      Array.from(tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).find((el) => el.querySelector('.setting-item-name')?.textContent === name)!;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { app, notices, rebuild, notifyAll, setting, settle, editorRefreshes: () => editorRefreshes };
  }

  it('shows a stored custom pattern it refused as chosen, with why, though 12-digit IDs are linked meanwhile', async () => {
    const s = await openTab(JSON.stringify({ idFormat: 'custom', customPattern: '\\d*' }));
    expect(s.setting('ID format').querySelector('select')!.value).toBe('custom');
    const pattern = s.setting('Custom pattern');
    expect(pattern.classList.contains('principle-chain-hidden')).toBe(false);
    expect(pattern.querySelector('input')!.value).toBe('\\d*');
    expect(pattern.querySelector('.principle-chain-problem')?.textContent).toBe(
      'The pattern can match empty text; it must match at least one character. Until it is fixed, or another format chosen, IDs of the 12-digit format are linked.',
    );
    // Choosing the format in use settles it: data.json says so, and the pattern row hides.
    const select = s.setting('ID format').querySelector('select')!;
    select.value = '12';
    select.dispatchEvent(new Event('change'));
    await s.settle();
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ idFormat: '12', customPattern: '\\d*' });
    expect(s.setting('Custom pattern').classList.contains('principle-chain-hidden')).toBe(true);
  });

  it('that changes what the index holds is saved, rebuilds the index and refreshes open editors', async () => {
    const s = await openTab();
    const select = s.setting('ID format').querySelector('select')!;
    select.value = '14';
    select.dispatchEvent(new Event('change'));
    await s.settle();
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ idFormat: '14' });
    expect([s.rebuild.mock.calls.length, s.notifyAll.mock.calls.length, s.editorRefreshes()]).toStrictEqual([1, 0, 1]);
  });

  it('that only changes the display is saved and redraws without a rebuild', async () => {
    const s = await openTab();
    s.setting('Link the title').querySelector<HTMLElement>('.checkbox-container')!.click();
    await s.settle();
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ linkTitle: true });
    expect([s.rebuild.mock.calls.length, s.notifyAll.mock.calls.length, s.editorRefreshes()]).toStrictEqual([0, 1, 1]);
  });

  it('leaves in data.json what this version does not use, and copies an unreadable file aside first', async () => {
    const stored = JSON.stringify({ linkTitle: 'yes', chainDepth: 'deep', futureOption: [1, 2] });
    const s = await openTab(stored);
    s.setting('Link the title').querySelector<HTMLElement>('.checkbox-container')!.click();
    await s.settle();
    // The setting the user changed replaces its stored value; the others stay.
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ linkTitle: true, chainDepth: 'deep', futureOption: [1, 2] });

    const broken = '{"linkTitle": tru';
    const t = await openTab(broken);
    t.setting('Link the title').querySelector<HTMLElement>('.checkbox-container')!.click();
    await t.settle();
    const files = (t.app.vault.adapter as unknown as fake.MemoryAdapter).files;
    const copies = [...files.keys()].filter((path) => path.startsWith(`${dataPath}.damaged-`));
    expect(copies.map((path) => files.get(path))).toStrictEqual([broken]);
    expect(JSON.parse(await t.app.vault.adapter.read(dataPath))).toMatchObject({ linkTitle: true });
  });

  it('that cannot be saved applies for the session and says so', async () => {
    const s = await openTab();
    s.app.vault.adapter.write = async () => {
      throw new Error('EROFS: read-only file system');
    };
    // The tab leaves no rejection unhandled (Jest fails the test on one).
    const select = s.setting('ID format').querySelector('select')!;
    select.value = '14';
    select.dispatchEvent(new Event('change'));
    await s.settle();
    expect(s.notices).toStrictEqual([expect.stringContaining('settings could not be saved (EROFS: read-only file system)')]);
    expect(s.rebuild).toHaveBeenCalledTimes(1);
  });
});

describe('data.json changed on disk (Obsidian Sync, another program)', () => {
  afterEach(() => jest.restoreAllMocks());

  async function started(dataJson: string) {
    const s = await startPlugin(dataJson);
    const rebuild = jest.spyOn(VaultIndexer.prototype, 'rebuild');
    const notifyAll = jest.spyOn(VaultIndexer.prototype, 'notifyAll');
    const changed = async (json: string): Promise<void> => {
      await s.app.vault.adapter.write(dataPath, json);
      await s.plugin.onExternalSettingsChange();
    };
    return { ...s, rebuild, notifyAll, changed };
  }

  it('applies the new settings at once and writes nothing back', async () => {
    const s = await started(JSON.stringify({ chainDepth: 4, futureOption: 1 }));
    const synced = JSON.stringify({ idFormat: '14', chainDepth: 6, futureOption: 2 });
    await s.changed(synced);
    expect([s.rebuild.mock.calls.length, s.notifyAll.mock.calls.length]).toStrictEqual([1, 0]);
    expect(await s.app.vault.adapter.read(dataPath)).toBe(synced);
    // A later change by the user keeps what the synced file holds, not what the plugin first read.
    const tab = s.registered.settingTabs[0];
    showSettingTab(tab);
    const linkTitle = Array.from(tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).find((el) => el.querySelector('.setting-item-name')?.textContent === 'Link the title')!;
    linkTitle.querySelector<HTMLElement>('.checkbox-container')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ idFormat: '14', chainDepth: 6, futureOption: 2, linkTitle: true });
    document.body.replaceChildren();
  });

  it('a display setting redraws without a rebuild; the same settings again change nothing', async () => {
    const s = await started(JSON.stringify({ chainDepth: 4 }));
    await s.changed(JSON.stringify({ chainDepth: 4 }));
    expect([s.rebuild.mock.calls.length, s.notifyAll.mock.calls.length]).toStrictEqual([0, 0]);
    await s.changed(JSON.stringify({ chainDepth: 5 }));
    expect([s.rebuild.mock.calls.length, s.notifyAll.mock.calls.length]).toStrictEqual([0, 1]);
  });

  it('a file that cannot be read now changes nothing and is left alone; invalid values say so', async () => {
    const s = await started(JSON.stringify({ idFormat: '14' }));
    await s.changed('{"idFormat": "12",');
    expect([s.rebuild.mock.calls.length, s.notices]).toStrictEqual([0, []]);
    expect(await s.app.vault.adapter.read(dataPath)).toBe('{"idFormat": "12",');
    await s.changed(JSON.stringify({ idFormat: '14', chainDepth: 'deep' }));
    expect(s.notices).toStrictEqual([expect.stringContaining('"chainDepth" must be a whole number')]);
  });

  it('a file that turned into other JSON than settings is copied aside before a changed setting replaces it', async () => {
    const s = await started(JSON.stringify({ idFormat: '14' }));
    await s.changed('["14"]');
    expect([s.rebuild.mock.calls.length, s.notices]).toStrictEqual([0, []]);
    const tab = s.registered.settingTabs[0];
    showSettingTab(tab);
    const linkTitle = Array.from(tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).find((el) => el.querySelector('.setting-item-name')?.textContent === 'Link the title')!;
    linkTitle.querySelector<HTMLElement>('.checkbox-container')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const files = (s.app.vault.adapter as unknown as fake.MemoryAdapter).files;
    expect([...files.keys()].filter((path) => path.startsWith(`${dataPath}.damaged-`)).map((path) => files.get(path))).toStrictEqual(['["14"]']);
    expect(JSON.parse(await s.app.vault.adapter.read(dataPath))).toMatchObject({ idFormat: '14', linkTitle: true });
    document.body.replaceChildren();
  });
});

describe('the Rebuild ID index command', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads every note again rather than taking any from the cache', async () => {
    const { registered } = await startPlugin(null);
    const rebuild = jest.spyOn(VaultIndexer.prototype, 'rebuild').mockResolvedValue(undefined);
    const command = registered.commands.find((c) => c.id.endsWith('rebuild-id-index'))!;
    command.callback!();
    expect(rebuild.mock.calls).toStrictEqual([[{ readEveryNote: true }]]);
  });
});
