import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import { SettingsStore, type SettingsChange } from '../../src/core/settingsStore';

const defaults = (): PrincipleChainSettings => ({ ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources] });

function store(initial: Partial<PrincipleChainSettings> = {}, save: (settings: PrincipleChainSettings) => Promise<void> = async () => undefined) {
  const saved: PrincipleChainSettings[] = [];
  const heard: SettingsChange[] = [];
  const settings = new SettingsStore({ ...defaults(), ...initial }, async (next) => {
    saved.push(next);
    await save(next);
  });
  settings.onChange((change) => heard.push(change));
  return { settings, saved, heard };
}

describe('the settings store', () => {
  it('applies a change at once, saves it, then tells its listeners what changed', async () => {
    const { settings, saved, heard } = store();
    const before = settings.get();
    const done = settings.update({ chainDepth: 5 });
    expect(settings.get().chainDepth).toBe(5);
    await done;
    expect(saved).toStrictEqual([settings.get()]);
    expect(heard).toStrictEqual([{ before, after: settings.get(), needsRebuild: false }]);
    expect(before.chainDepth).toBe(DEFAULT_SETTINGS.chainDepth);
  });

  it.each<[string, Partial<PrincipleChainSettings>, Partial<PrincipleChainSettings>, boolean]>([
    ['the ID format', {}, { idFormat: '14' }, true],
    ['the custom pattern of the custom format', { idFormat: 'custom', customPattern: 'Z\\d{4}' }, { customPattern: 'Q\\d{4}' }, true],
    ['the custom pattern while a preset is used', {}, { customPattern: 'Q\\d{4}' }, false],
    ['the own-ID sources', {}, { ownIdSources: ['frontmatter', 'filename'] }, true],
    ['the frontmatter key when frontmatter is a source', {}, { frontmatterKey: 'zettel' }, true],
    ['the frontmatter key when it is not', { ownIdSources: ['filename'] }, { frontmatterKey: 'zettel' }, false],
    ['the excluded folders', {}, { excludedFolders: ['Templates'] }, true],
    ['linking the title', {}, { linkTitle: true }, false],
    ['highlighting unresolved IDs', {}, { highlightUnresolved: false }, false],
    ['the chain depth', {}, { chainDepth: 7 }, false],
    ['what the chain hides', {}, { chainExcludedFolders: ['Daily'], chainExcludedTags: ['meeting'] }, false],
    ['rename handling', {}, { renameHandling: 'always' }, false],
    ['the link style', {}, { linkStyle: 'wikilink' }, false],
  ])('a change of %s needs a rebuild: %s', async (_what, initial, patch, rebuild) => {
    const { settings, heard } = store(initial);
    await settings.update(patch);
    expect(heard.map((change) => change.needsRebuild)).toStrictEqual([rebuild]);
  });

  it('a save that fails still reaches every listener, since the change applies, and then the caller', async () => {
    const { settings, heard } = store({}, async () => {
      throw new Error('disk full');
    });
    const before = settings.get();
    await expect(settings.update({ idFormat: '14' })).rejects.toThrow('disk full');
    expect(settings.get().idFormat).toBe('14');
    // The index is rebuilt for the format the tab shows, saved or not.
    expect(heard).toStrictEqual([{ before, after: settings.get(), needsRebuild: true }]);
  });

  it('tells the save which settings the change set, and only those', async () => {
    const told: string[][] = [];
    const settings = new SettingsStore(defaults(), async (_next, changed) => {
      told.push([...changed]);
    });
    await settings.update({ chainDepth: 4 });
    await settings.update({ chainExcludedFolders: ['Daily'], chainExcludedTags: ['meeting'] });
    await settings.update({});
    expect(told).toStrictEqual([['chainDepth'], ['chainExcludedFolders', 'chainExcludedTags'], []]);
  });

  it('writes the saves in the order of the changes, so a slow first save never overwrites a later one', async () => {
    const written: number[] = [];
    let finishFirst = (): void => undefined;
    const settings = new SettingsStore(defaults(), (next) => {
      if (next.chainDepth === 2) return new Promise<void>((resolve) => (finishFirst = () => { written.push(2); resolve(); }));
      written.push(next.chainDepth);
      return Promise.resolve();
    });
    const first = settings.update({ chainDepth: 2 });
    const second = settings.update({ chainDepth: 3 });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(written).toStrictEqual([]);
    finishFirst();
    await Promise.all([first, second]);
    expect(written).toStrictEqual([2, 3]);
  });

  it('a failed save does not stop the next one', async () => {
    const written: number[] = [];
    const settings = new SettingsStore(defaults(), async (next) => {
      if (next.chainDepth === 2) throw new Error('disk full');
      written.push(next.chainDepth);
    });
    await expect(settings.update({ chainDepth: 2 })).rejects.toThrow('disk full');
    await settings.update({ chainDepth: 3 });
    expect(written).toStrictEqual([3]);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const { settings } = store();
    const heard: boolean[] = [];
    const unsubscribe = settings.onChange((change) => heard.push(change.needsRebuild));
    await settings.update({ idFormat: '14' });
    unsubscribe();
    await settings.update({ idFormat: '12' });
    expect(heard).toStrictEqual([true]);
  });

  it('takes settings stored by someone else: they apply and are heard, but not saved again', async () => {
    const { settings, saved, heard } = store();
    const before = settings.get();
    await settings.replace({ ...defaults(), idFormat: '14', chainDepth: 6 });
    expect(settings.get()).toMatchObject({ idFormat: '14', chainDepth: 6 });
    expect(saved).toStrictEqual([]);
    expect(heard).toStrictEqual([{ before, after: settings.get(), needsRebuild: true }]);
    // The same settings again (a file rewritten as it was) are no change.
    await settings.replace({ ...defaults(), idFormat: '14', chainDepth: 6 });
    expect(heard).toHaveLength(1);
    await settings.replace({ ...defaults(), idFormat: '14', chainDepth: 6, chainExcludedTags: ['x'] });
    expect(heard.map((change) => change.needsRebuild)).toStrictEqual([true, false]);
  });

  it('lets a save under way finish before settings stored by someone else apply', async () => {
    let finish: () => void = () => undefined;
    const settings = new SettingsStore(defaults(), () => new Promise<void>((resolve) => (finish = resolve)));
    const saving = settings.update({ chainDepth: 2 });
    const replacing = settings.replace({ ...defaults(), chainDepth: 9 });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(settings.get().chainDepth).toBe(2);
    finish();
    await Promise.all([saving, replacing]);
    expect(settings.get().chainDepth).toBe(9);
  });
});
