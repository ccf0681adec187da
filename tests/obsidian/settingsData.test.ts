/** data.json as the plugin loads and saves it: what it does not use is written back, an unreadable file is kept aside. */
import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import { loadSettings, SettingsFile, type SettingsStorage } from '../../src/obsidian/settingsData';
import { MemoryAdapter } from '../mocks/fake/app';

const folder = '.obsidian/plugins/principle-chain';
const dataPath = `${folder}/data.json`;
const NOW = new Date('2026-12-04T07:08:09.010Z');
const aside = `${dataPath}.damaged-2026-12-04T07-08-09-010Z`;

/** data.json in a memory adapter, read and written the way the fake Plugin's loadData and saveData do. */
function storedFile(text: string | null) {
  const adapter = new MemoryAdapter();
  if (text !== null) adapter.files.set(dataPath, text);
  const storage: SettingsStorage = {
    loadData: async () => (adapter.files.has(dataPath) ? (JSON.parse(adapter.files.get(dataPath)!) as unknown) : null),
    saveData: async (data) => void adapter.files.set(dataPath, JSON.stringify(data)),
  };
  const told: string[] = [];
  const open = async () => {
    const loaded = await loadSettings(storage);
    return { loaded, file: new SettingsFile(storage, { adapter, folder, now: () => NOW }, loaded, (message) => told.push(message)) };
  };
  const stored = (): Record<string, unknown> => JSON.parse(adapter.files.get(dataPath)!) as Record<string, unknown>;
  return { adapter, storage, told, open, stored };
}

const withPatch = (settings: PrincipleChainSettings, patch: Partial<PrincipleChainSettings>) => ({ ...settings, ...patch });

describe('saving the settings', () => {
  it('writes back a newer version\'s keys and the values replaced by defaults, until the user sets them', async () => {
    const f = storedFile(JSON.stringify({ idFormat: 'iso', chainDepth: 'deep', showContext: false, futureOption: { on: true } }));
    const { loaded, file } = await f.open();
    expect(loaded.settings).toMatchObject({ idFormat: '12', chainDepth: DEFAULT_SETTINGS.chainDepth, showContext: false });

    let live = withPatch(loaded.settings, { linkTitle: true });
    await file.save(live, ['linkTitle']);
    expect(f.stored()).toMatchObject({ idFormat: 'iso', chainDepth: 'deep', showContext: false, linkTitle: true, futureOption: { on: true } });

    // Once the user sets one, the file holds what they set; the others stay as they were stored.
    live = withPatch(live, { chainDepth: 4 });
    await file.save(live, ['chainDepth']);
    expect(f.stored()).toMatchObject({ idFormat: 'iso', chainDepth: 4, futureOption: { on: true } });
    live = withPatch(live, { idFormat: '12' });
    await file.save(live, ['idFormat']);
    expect(f.stored()).toMatchObject({ idFormat: '12', chainDepth: 4, futureOption: { on: true } });
    expect(f.told).toStrictEqual([]);
    // A file that was read is never copied aside.
    expect([...f.adapter.files.keys()]).toStrictEqual([dataPath]);
  });

  it('loads what it saved the same way again: the same settings, the same problems', async () => {
    const f = storedFile(JSON.stringify({ idFormat: 'custom', customPattern: '(a+)+', linkTitle: true, futureOption: 1 }));
    const first = await f.open();
    await first.file.save(withPatch(first.loaded.settings, { showIncoming: false }), ['showIncoming']);
    const again = await f.open();
    expect(again.loaded.settings).toStrictEqual(withPatch(first.loaded.settings, { showIncoming: false }));
    expect(again.loaded.problems).toStrictEqual(first.loaded.problems);
    expect([...again.loaded.kept]).toStrictEqual([...first.loaded.kept]);
  });

  it('copies a data.json it could not read aside, byte for byte, before the first save replaces it', async () => {
    const broken = '{"idFormat": "14", "chainDepth": 5,\n<<<<<<< conflict\n';
    const f = storedFile(broken);
    const { loaded, file } = await f.open();
    expect(loaded.unreadable).toBe(true);
    expect(loaded.problems.join('\n')).toMatch(/could not be read .*kept as data\.json\.damaged-<time>/);
    // Loading alone writes nothing.
    expect([...f.adapter.files.keys()]).toStrictEqual([dataPath]);

    await file.save(withPatch(loaded.settings, { chainDepth: 5 }), ['chainDepth']);
    expect(f.adapter.files.get(aside)).toBe(broken);
    expect(f.stored()).toMatchObject({ chainDepth: 5 });
    // Once only: the next save finds the file it wrote itself.
    await file.save(withPatch(loaded.settings, { chainDepth: 6 }), ['chainDepth']);
    expect([...f.adapter.files.keys()].sort()).toStrictEqual([dataPath, aside]);
  });

  it.each([
    ['a list', '["14", 5]'],
    ['text', '"idFormat: 14"'],
    ['a number', '14'],
    ['a boolean', 'true'],
  ])('copies a data.json holding %s, JSON but no settings, aside before the first save replaces it', async (held, stored) => {
    const f = storedFile(stored);
    const { loaded, file } = await f.open();
    expect([loaded.settings, loaded.unreadable]).toStrictEqual([{ ...DEFAULT_SETTINGS }, true]);
    expect(loaded.problems).toStrictEqual([`Stored settings were not an object but ${held}; using defaults. Before a changed setting is saved, the file is kept as data.json.damaged-<time>.`]);
    await file.save(withPatch(loaded.settings, { chainDepth: 5 }), ['chainDepth']);
    expect(f.adapter.files.get(aside)).toBe(stored);
    expect(f.stored()).toMatchObject({ chainDepth: 5 });
  });

  it('never copies over an earlier copy made at the same time', async () => {
    const f = storedFile('not json');
    f.adapter.files.set(aside, 'older');
    f.adapter.files.set(`${aside}-2`, 'old');
    const { loaded, file } = await f.open();
    await file.save(loaded.settings, []);
    expect(f.adapter.files.get(aside)).toBe('older');
    expect(f.adapter.files.get(`${aside}-2`)).toBe('old');
    expect(f.adapter.files.get(`${aside}-3`)).toBe('not json');
  });

  it('writes nothing over an unreadable file it could not copy, and says so', async () => {
    const f = storedFile('not json');
    f.adapter.copy = async () => {
      throw new Error('EACCES: permission denied');
    };
    const { loaded, file } = await f.open();
    await expect(file.save(withPatch(loaded.settings, { chainDepth: 5 }), ['chainDepth'])).rejects.toThrow('EACCES');
    expect(f.adapter.files.get(dataPath)).toBe('not json');
    expect(f.told).toStrictEqual(['Principle Chain: the settings could not be saved (EACCES: permission denied). The change applies until Obsidian restarts.']);
  });

  it('tells the user when data.json cannot be written', async () => {
    const f = storedFile(null);
    const { loaded, file } = await f.open();
    f.storage.saveData = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    await expect(file.save(loaded.settings, ['linkTitle'])).rejects.toThrow('ENOSPC');
    expect(f.told).toHaveLength(1);
    expect(f.told[0]).toContain('could not be saved (ENOSPC: no space left on device)');
  });

  it('copies nothing when data.json went away before the first save', async () => {
    const f = storedFile('not json');
    const { loaded, file } = await f.open();
    f.adapter.files.delete(dataPath);
    await file.save(loaded.settings, []);
    expect([...f.adapter.files.keys()]).toStrictEqual([dataPath]);
  });
});
