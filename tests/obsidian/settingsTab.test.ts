/** @jest-environment jsdom */
import type * as obsidian from 'obsidian';
import { App, Plugin, requireApiVersion, setFakeApiVersion } from '../mocks/obsidian';
import { searchSettings, showSettingTab } from '../mocks/fake/settingsModal';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { PrincipleChainSettings } from '../../src/core/settings';
import { PrincipleChainSettingTab } from '../../src/obsidian/settingsTab';

function setup(patch: Partial<PrincipleChainSettings> = {}) {
  const app = new App();
  let current: PrincipleChainSettings = { ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], excludedFolders: [], ...patch };
  const rebuild = jest.fn(async () => undefined);
  const refresh = jest.fn();
  let editorRefreshes = 0;
  app.workspace.on('fake:update-options', () => editorRefreshes++);
  const plugin = new (class extends Plugin {})(app as unknown as obsidian.App, { id: 'principle-chain' } as obsidian.PluginManifest);
  const tab = new PrincipleChainSettingTab(app as unknown as obsidian.App, plugin as unknown as obsidian.Plugin, {
    settings: () => current,
    save: async (next) => {
      current = next;
    },
    rebuild,
    refresh,
  });
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
  return { app, tab, rebuild, refresh, setting, settings: () => current, editorRefreshes: () => editorRefreshes };
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
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function errorOf(el: HTMLElement): string | null {
  return el.querySelector('.principle-chain-problem')?.textContent || null;
}

afterEach(() => {
  document.body.replaceChildren();
  jest.useRealTimers();
});

// Obsidian before 1.13 draws the tab through display(); from 1.13 it draws getSettingDefinitions().
// Every behaviour below holds on both.
describe.each(['1.7.2', '1.13.1'])('on Obsidian %s', (version) => {
  beforeEach(() => setFakeApiVersion(version));
  afterEach(() => setFakeApiVersion('1.13.1'));

  describe('settings tab: ID format', () => {
    it('switching to a preset applies it, rebuilds the index and refreshes editors', async () => {
      const s = setup();
      choose(s.setting('ID format').querySelector('select')!, '14');
      await settle();
      expect(s.settings().idFormat).toBe('14');
      expect(s.rebuild).toHaveBeenCalledTimes(1);
      expect(s.editorRefreshes()).toBe(1);
    });

    it('shows the custom pattern field only for the custom format', () => {
      const s = setup();
      const pattern = s.setting('Custom pattern');
      expect(pattern.classList.contains('principle-chain-hidden')).toBe(true);
      choose(s.setting('ID format').querySelector('select')!, 'custom');
      expect(pattern.classList.contains('principle-chain-hidden')).toBe(false);
    });

    it('a rejected custom pattern shows why and is not applied', async () => {
      jest.useFakeTimers();
      const s = setup();
      choose(s.setting('ID format').querySelector('select')!, 'custom');
      const pattern = s.setting('Custom pattern');
      expect(errorOf(pattern)).toBe('The pattern is empty.');
      const input = pattern.querySelector('input')!;
      for (const [bad, message] of [
        ['(x|x)+y', expect.stringMatching(/^The pattern (is too complex to prove it cannot freeze|can match the same text in more than one way)/)],
        ['\\d{4} \\d{4}', expect.stringMatching(/^The pattern can match a space or a line break/)],
        ['(?<=x)\\d+', 'The pattern uses lookbehind ((?<= or (?<!), which Obsidian on older iPhones and iPads cannot run.'],
        ['\\d*', 'The pattern can match empty text; it must match at least one character.'],
        ['[', expect.stringMatching(/^The pattern does not compile: /)],
      ] as const) {
        type(input, bad);
        expect(errorOf(pattern)).toEqual(message);
      }
      jest.advanceTimersByTime(5000);
      s.tab.hide();
      await settle();
      expect(s.settings().idFormat).toBe('12');
      expect(s.settings().customPattern).toBe('');
      expect(s.rebuild).not.toHaveBeenCalled();
    });

    it('a valid custom pattern is applied after a pause in typing', async () => {
      jest.useFakeTimers();
      const s = setup();
      choose(s.setting('ID format').querySelector('select')!, 'custom');
      const pattern = s.setting('Custom pattern');
      type(pattern.querySelector('input')!, 'Z\\d{6}');
      expect(errorOf(pattern)).toBeNull();
      expect(s.settings().idFormat).toBe('12');
      jest.advanceTimersByTime(1000);
      await settle();
      expect([s.settings().idFormat, s.settings().customPattern]).toEqual(['custom', 'Z\\d{6}']);
      expect(s.rebuild).toHaveBeenCalledTimes(1);
    });

    it('a pattern that matches ordinary words is applied, with a warning', async () => {
      jest.useFakeTimers();
      const s = setup();
      choose(s.setting('ID format').querySelector('select')!, 'custom');
      const pattern = s.setting('Custom pattern');
      type(pattern.querySelector('input')!, '[a-z]{2,3}');
      expect(errorOf(pattern)).toMatch(/^The pattern matches ordinary words such as "met", "on", "and"/);
      jest.advanceTimersByTime(1000);
      await settle();
      expect(s.settings().customPattern).toBe('[a-z]{2,3}');
    });

    it('choosing custom with a stored valid pattern applies it at once; closing the tab applies pending typing', async () => {
      const s = setup({ customPattern: 'Z\\d{6}' });
      choose(s.setting('ID format').querySelector('select')!, 'custom');
      await settle();
      expect(s.settings().idFormat).toBe('custom');
      type(s.setting('Custom pattern').querySelector('input')!, 'Q\\d{4}');
      s.tab.hide();
      await settle();
      expect(s.settings().customPattern).toBe('Q\\d{4}');
      expect(s.rebuild).toHaveBeenCalledTimes(2);
    });
    it('says so when the stored custom pattern is rejected (the index then uses 12 digits)', () => {
      const s = setup({ idFormat: 'custom', customPattern: '\\d*' });
      const pattern = s.setting('Custom pattern');
      expect(pattern.classList.contains('principle-chain-hidden')).toBe(false);
      expect(errorOf(pattern)).toBe('The pattern can match empty text; it must match at least one character.');
    });
  });

  describe('settings tab: other settings', () => {
    it('display-only settings redraw without a rebuild', async () => {
      const s = setup();
      s.setting('Link the title').querySelector<HTMLElement>('.checkbox-container')!.click();
      s.setting('Highlight unresolved IDs').querySelector<HTMLElement>('.checkbox-container')!.click();
      await settle();
      expect([s.settings().linkTitle, s.settings().highlightUnresolved]).toEqual([true, false]);
      expect(s.rebuild).not.toHaveBeenCalled();
      expect(s.refresh).toHaveBeenCalledTimes(2);
      expect(s.editorRefreshes()).toBe(2);
    });

    it('excluded folders are normalised, one per line, and rebuild the index', async () => {
      const s = setup();
      type(s.setting('Excluded folders').querySelector('textarea')!, ' Templates/ \n\n/Archive/old\nTemplates');
      s.tab.hide();
      await settle();
      expect(s.settings().excludedFolders).toEqual(['Templates', 'Archive/old']);
      expect(s.rebuild).toHaveBeenCalledTimes(1);
    });

    it('folders and #tags hidden from the chain are one per line, redraw without a rebuild, and show again as typed', async () => {
      const s = setup();
      type(s.setting('Hidden from the chain').querySelector('textarea')!, ' Daily/ \n#meeting\n\n##Private/\nDaily');
      s.tab.hide();
      await settle();
      expect([s.settings().chainExcludedFolders, s.settings().chainExcludedTags]).toEqual([['Daily'], ['meeting', 'Private']]);
      expect(s.rebuild).not.toHaveBeenCalled();
      expect(s.refresh).toHaveBeenCalledTimes(1);
      const shown = setup({ chainExcludedFolders: ['Daily'], chainExcludedTags: ['meeting', 'Private'] });
      expect(shown.setting('Hidden from the chain').querySelector('textarea')!.value).toBe('Daily\n#meeting\n#Private');
    });

    it('own-ID sources can be turned off and reordered, never all off', async () => {
      const s = setup();
      s.setting('Folder name').querySelector<HTMLElement>('.checkbox-container')!.click();
      await settle();
      expect(s.settings().ownIdSources).toEqual(['filename', 'frontmatter']);
      Array.from(s.setting('Frontmatter property').querySelectorAll('button')).find((b) => b.textContent === 'Move up')!.click();
      await settle();
      expect(s.settings().ownIdSources).toEqual(['frontmatter', 'filename']);
      expect(s.rebuild).toHaveBeenCalledTimes(2);
      s.setting('Start of the file name').querySelector<HTMLElement>('.checkbox-container')!.click();
      await settle();
      expect(s.settings().ownIdSources).toEqual(['frontmatter']);
      s.setting('Frontmatter property').querySelector<HTMLElement>('.checkbox-container')!.click();
      await settle();
      expect(s.settings().ownIdSources).toEqual(['frontmatter']);
    });

    it('an empty frontmatter key is refused with a message; a new one rebuilds the index', async () => {
      const s = setup();
      const key = s.setting('Frontmatter key');
      type(key.querySelector('input')!, '  ');
      s.tab.hide();
      await settle();
      expect(errorOf(key)).toBe('The key must not be empty; the last one is kept.');
      expect([s.settings().frontmatterKey, s.rebuild.mock.calls.length]).toEqual(['id', 0]);
      type(key.querySelector('input')!, ' zettel-id ');
      s.tab.hide();
      await settle();
      expect([s.settings().frontmatterKey, s.rebuild.mock.calls.length]).toEqual(['zettel-id', 1]);
    });

    it('chain and repair settings are saved without touching the index', async () => {
      const s = setup();
      const slider = s.setting('Chain depth').querySelector<HTMLInputElement>('input.slider')!;
      slider.value = '5';
      slider.dispatchEvent(new Event('input'));
      choose(s.setting('When a note is renamed').querySelector('select')!, 'always');
      await settle();
      expect([s.settings().chainDepth, s.settings().renameHandling]).toEqual([5, 'always']);
      expect(s.rebuild).not.toHaveBeenCalled();
    });
  });

  describe('settings tab: layout', () => {
    const rows = (s: ReturnType<typeof setup>): HTMLElement[] =>
      Array.from(s.tab.containerEl.querySelectorAll<HTMLElement>('.setting-item')).filter((el) => !el.classList.contains('setting-item-heading'));

    it('each description sits with its control: every row has a name, a description and a control, and nothing stands apart', () => {
      const s = setup();
      expect(rows(s).length).toBe(15);
      for (const row of rows(s)) {
        expect(row.querySelector('.setting-item-name')?.textContent).not.toBe('');
        expect(row.querySelector('.setting-item-description')?.textContent).not.toBe('');
        expect(row.querySelector('.setting-item-control')?.querySelector('input, select, textarea, button, .checkbox-container')).not.toBeNull();
      }
      const loose = Array.from(s.tab.containerEl.querySelectorAll('p, .setting-item-description')).filter((el) => el.closest('.setting-item') === null);
      expect(loose).toEqual([]);
    });

    it('each own-ID source says where it stands, and the order follows a move', async () => {
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
      expect(values()).toEqual(['3']);
      const slider = depth.querySelector<HTMLInputElement>('input.slider')!;
      slider.value = '7';
      slider.dispatchEvent(new Event('input'));
      expect(values()).toEqual(['7']);
    });
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
    expect(defined).toEqual(shown);
    for (const { name } of shown) expect(searchSettings(s.tab, name ?? '')).toContain(name);
  });

  it.each([
    ['depth', ['Chain depth']],
    ['regex', ['Custom pattern']],
    ['frontmatter', ['Start of the file name', 'Folder name', 'Frontmatter property', 'Frontmatter key']],
    ['rename', ['When a note is renamed']],
    ['excluded', ['Excluded folders', 'Hidden from the chain']],
  ])('"%s" finds %j', (query, names) => {
    expect(searchSettings(setup().tab, query)).toEqual(names);
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
    expect(drawn('1.7.2')).toEqual(drawn('1.13.1'));
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
