/**
 * @jest-environment jsdom
 *
 * The settings tab draws the settings form's rows with Obsidian's widgets, on the app versions that
 * draw it differently. What each control does is the form's, tested through its deps in
 * tests/ui/settingsForm.test.ts; here, that every row is drawn and every widget reaches the form.
 */
import type * as obsidian from 'obsidian';
import { App, Plugin, requireApiVersion, setFakeApiVersion } from '../mocks/obsidian';
import { searchSettings, showSettingTab } from '../mocks/fake/settingsModal';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { PrincipleChainSettings } from '../../src/core/settings';
import { SettingsStore } from '../../src/core/settingsStore';
import { PrincipleChainSettingTab } from '../../src/obsidian/settingsTab';
import { SettingsForm } from '../../src/ui/settings/form';

function setup(patch: Partial<PrincipleChainSettings> = {}) {
  const app = new App();
  const store = new SettingsStore({ ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], excludedFolders: [], ...patch }, async () => undefined);
  const plugin = new (class extends Plugin {})(app as unknown as obsidian.App, { id: 'principle-chain' } as obsidian.PluginManifest);
  const tab = new PrincipleChainSettingTab(app as unknown as obsidian.App, plugin as unknown as obsidian.Plugin, store);
  plugin.addSettingTab(tab);
  showSettingTab(tab);
  document.body.appendChild(tab.containerEl);
  const setting = (name: string): HTMLElement => {
    const found = Array.from(tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).find(
      (el) => el.querySelector('.setting-item-name')?.textContent === name,
    );
    if (!found) throw new Error(`no setting ${name}`);
    return found;
  };
  return { app, tab, store, setting, settings: () => store.get() };
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function errorOf(el: HTMLElement): string | null {
  return el.querySelector('.principle-chain-problem')?.textContent || null;
}

/** The widget Obsidian draws for each kind of control. */
const WIDGETS = { dropdown: 'select', text: 'input[type="text"]', textarea: 'textarea', toggle: '.checkbox-container', slider: 'input.slider', button: 'button' };

afterEach(() => {
  document.body.replaceChildren();
  jest.useRealTimers();
});

// Obsidian before 1.13 draws the tab through display(); from 1.13 it draws getSettingDefinitions().
// Every behaviour below holds on both.
describe.each(['1.7.2', '1.13.1'])('on Obsidian %s', (version) => {
  beforeEach(() => setFakeApiVersion(version));
  afterEach(() => setFakeApiVersion('1.13.1'));

  it('draws every row of the form under its heading, each with its name, its description and a widget per control', () => {
    const s = setup();
    const drawn = Array.from(s.tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).map((row) =>
      row.classList.contains('setting-item-heading')
        ? `# ${row.querySelector('.setting-item-name')?.textContent}`
        : [
            row.querySelector('.setting-item-name')?.textContent,
            row.querySelector('.setting-item-description')?.textContent,
            ...Object.entries(WIDGETS).flatMap(([kind, selector]) => Array.from(row.querySelectorAll(`.setting-item-control ${selector}`), () => kind)),
          ].join(' | '),
    );
    const expected = new SettingsForm(s.store, () => undefined, { has: () => true, all: () => [] })
      .sections()
      .flatMap((section) => [
        ...(section.heading === undefined ? [] : [`# ${section.heading}`]),
        ...section.rows.map((row) =>
          [row.name, row.desc, ...Object.keys(WIDGETS).flatMap((kind) => row.controls.filter((c) => c.kind === kind).map(() => kind))].join(' | '),
        ),
      ]);
    expect(drawn).toStrictEqual(expected);
    // Rows without a message carry no empty message element.
    expect(s.tab.containerEl.querySelectorAll('.principle-chain-problem')).toHaveLength(0);
    // Nothing stands apart from its row.
    const loose = Array.from(s.tab.containerEl.querySelectorAll('p, .setting-item-description')).filter((el) => el.closest('.setting-item') === null);
    expect(loose).toStrictEqual([]);
  });

  it('each kind of widget changes the settings through the form', async () => {
    const s = setup();
    choose(s.setting('ID format').querySelector('select')!, '14');
    s.setting('Link the title').querySelector<HTMLElement>('.checkbox-container')!.click();
    const slider = s.setting('Chain depth').querySelector<HTMLInputElement>('input.slider')!;
    slider.value = '5';
    slider.dispatchEvent(new Event('input'));
    Array.from(s.setting('Frontmatter property').querySelectorAll('button')).find((b) => b.textContent === 'Move up')!.click();
    await settle();
    type(s.setting('Excluded folders').querySelector('textarea')!, 'Templates');
    type(s.setting('Frontmatter key').querySelector('input')!, ' zettel-id ');
    s.tab.hide();
    await settle();
    const { idFormat, linkTitle, chainDepth, excludedFolders, frontmatterKey, ownIdSources } = s.settings();
    expect({ idFormat, linkTitle, chainDepth, excludedFolders, frontmatterKey, ownIdSources }).toStrictEqual({
      idFormat: '14',
      linkTitle: true,
      chainDepth: 5,
      excludedFolders: ['Templates'],
      frontmatterKey: 'zettel-id',
      ownIdSources: ['filename', 'frontmatter', 'folder'],
    });
  });

  it('a row shows its message and hides as the form says, while the user types', () => {
    const s = setup();
    const pattern = s.setting('Custom pattern');
    expect([pattern.classList.contains('principle-chain-hidden'), errorOf(pattern)]).toStrictEqual([true, null]);
    choose(s.setting('ID format').querySelector('select')!, 'custom');
    expect([pattern.classList.contains('principle-chain-hidden'), errorOf(pattern)]).toStrictEqual([false, 'The pattern is empty.']);
    type(pattern.querySelector('input')!, 'Z\\d{6}');
    expect(errorOf(pattern)).toBeNull();
    const key = s.setting('Frontmatter key');
    type(key.querySelector('input')!, '  ');
    expect(errorOf(key)).toBe('The key must not be empty; the last one is kept.');
    choose(s.setting('ID format').querySelector('select')!, '14');
    expect(pattern.classList.contains('principle-chain-hidden')).toBe(true);
  });

  it('names under the excluded folders those the vault has no folder for, asking the vault itself', async () => {
    const s = setup();
    await s.app.vault.createFolder('Templates');
    const row = s.setting('Excluded folders');
    type(row.querySelector('textarea')!, 'templates\n./Templates');
    expect(errorOf(row)).toBe('No folder in the vault is at "templates" (there is "Templates": letter case counts); until there is, this entry matches no note.');
    type(row.querySelector('textarea')!, 'Templates');
    expect(errorOf(row)).toBeNull();
  });

  it('says at once when the stored custom pattern is rejected', () => {
    const pattern = setup({ idFormat: 'custom', customPattern: '\\d*' }).setting('Custom pattern');
    expect(pattern.classList.contains('principle-chain-hidden')).toBe(false);
    expect(errorOf(pattern)).toBe('The pattern can match empty text; it must match at least one character.');
  });

  const rows = (s: ReturnType<typeof setup>): HTMLElement[] =>
    Array.from(s.tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).filter((el) => !el.classList.contains('setting-item-heading'));

  it('draws the rows again when they change: a source moved up is drawn first, with its standing', async () => {
    const s = setup();
    const desc = (name: string): string => s.setting(name).querySelector('.setting-item-description')?.textContent ?? '';
    expect(desc('Start of the file name')).toMatch(/Tried first\./);
    expect(desc('Frontmatter property')).toMatch(/Tried when the sources above find no ID\./);
    s.setting('Folder name').querySelector<HTMLElement>('.checkbox-container')!.click();
    await settle();
    expect(desc('Folder name')).toMatch(/Off\.$/);
    Array.from(s.setting('Frontmatter property').querySelectorAll('button')).find((b) => b.textContent === 'Move up')!.click();
    await settle();
    expect(desc('Frontmatter property')).toMatch(/Tried first\./);
    expect(desc('Start of the file name')).toMatch(/Tried when the sources above find no ID\./);
    const names = rows(s).map((r) => r.querySelector('.setting-item-name')?.textContent);
    expect(names.indexOf('Frontmatter property')).toBeLessThan(names.indexOf('Start of the file name'));
  });

  it('the chain depth slider shows its value, once, and follows it', () => {
    const s = setup({ chainDepth: 3 });
    const depth = s.setting('Chain depth');
    const values = (): string[] =>
      Array.from(depth.querySelectorAll('.slider-value, .principle-chain-slider-value')).map((el) => el.textContent ?? '');
    expect(values()).toStrictEqual(['3']);
    const slider = depth.querySelector<HTMLInputElement>('input.slider')!;
    slider.value = '7';
    slider.dispatchEvent(new Event('input'));
    expect(values()).toStrictEqual(['7']);
  });
});

describe('settings search (Obsidian 1.13 and later)', () => {
  it('knows every setting the tab shows, by name and description', () => {
    const s = setup();
    const shown = Array.from(s.tab.containerEl.querySelectorAll<HTMLElement>('.setting-item:not(.setting-item-heading)')).map((row) => ({
      name: row.querySelector('.setting-item-name')?.textContent,
      desc: row.querySelector('.setting-item-description')?.textContent,
    }));
    const defined = s.tab.settingItems
      .flatMap((group) => ('type' in group && group.type === 'group' ? (group.items ?? []) : [group]))
      .map((item) => ('name' in item ? { name: item.name, desc: item.desc } : null));
    expect(defined).toStrictEqual(shown);
    for (const { name } of shown) expect(searchSettings(s.tab, name ?? '')).toContain(name);
  });

  it.each([
    ['depth', ['Chain depth']],
    ['regex', ['Custom pattern']],
    ['frontmatter', ['Start of the file name', 'Folder name', 'Frontmatter property', 'Frontmatter key']],
    ['rename', ['When a note is renamed']],
    ['excluded', ['Excluded folders', 'Hidden from the chain']],
  ])('"%s" finds %j', (query, names) => {
    expect(searchSettings(setup().tab, query)).toStrictEqual(names);
  });

  it('rows that change are drawn again by the app from the definitions, in its groups, each once', async () => {
    const s = setup();
    const update = jest.spyOn(s.tab, 'update');
    Array.from(s.setting('Frontmatter property').querySelectorAll('button')).find((b) => b.textContent === 'Move up')!.click();
    await settle();
    expect(update).toHaveBeenCalledTimes(1);
    expect(s.tab.containerEl.querySelectorAll(':scope > .setting-group')).toHaveLength(5);
    expect(s.tab.containerEl.querySelectorAll('.setting-item:not(.setting-item-heading)')).toHaveLength(15);
  });

  it('before 1.13 the tab draws itself again and never calls update(), which those apps lack', async () => {
    setFakeApiVersion('1.7.2');
    try {
      const s = setup();
      const update = jest.spyOn(s.tab, 'update');
      Array.from(s.setting('Frontmatter property').querySelectorAll('button')).find((b) => b.textContent === 'Move up')!.click();
      await settle();
      expect(update).not.toHaveBeenCalled();
      const names = Array.from(s.tab.containerEl.querySelectorAll('.setting-item-name'), (el) => el.textContent);
      expect(names.indexOf('Frontmatter property')).toBeLessThan(names.indexOf('Folder name'));
    } finally {
      setFakeApiVersion('1.13.1');
    }
  });

  it('the same rows are drawn by display() on Obsidian before 1.13', () => {
    const drawn = (version: string): (string | null | undefined)[][] => {
      setFakeApiVersion(version);
      try {
        return Array.from(setup().tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).map((row) => [
          row.querySelector('.setting-item-name')?.textContent,
          row.querySelector('.setting-item-description')?.textContent,
          row.classList.contains('setting-item-heading') ? 'heading' : null,
        ]);
      } finally {
        setFakeApiVersion('1.13.1');
      }
    };
    expect(drawn('1.7.2')).toStrictEqual(drawn('1.13.1'));
    expect(drawn('1.7.2')).toHaveLength(15 + 4);
  });
});

describe("the fake's requireApiVersion", () => {
  it.each([
    ['1.13.1', '1.13.0', true],
    ['1.13.0', '1.13.0', true],
    ['1.7.2', '1.13.0', false],
    ['1.12.9', '1.13.0', false],
    ['2.0', '1.13.0', true],
  ])('on %s, %s is %s', (app, wanted, result) => {
    setFakeApiVersion(app);
    try {
      expect(requireApiVersion(wanted)).toBe(result);
    } finally {
      setFakeApiVersion('1.13.1');
    }
  });
});
