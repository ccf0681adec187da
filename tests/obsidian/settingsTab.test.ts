/** @jest-environment jsdom */
import type * as obsidian from 'obsidian';
import { App, Plugin } from '../mocks/obsidian';
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
  tab.display();
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
      ['(a+)+', 'The pattern repeats a group that itself repeats (like (a+)+), which can freeze matching on long text.'],
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
    s.setting('Folder name (README.md or index.md in a folder named by the ID)').querySelector<HTMLElement>('.checkbox-container')!.click();
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
