/**
 * @jest-environment jsdom
 *
 * The settings tab's rows and what their controls do, through the form's own deps (the settings
 * store): no Obsidian widgets. tests/obsidian/settingsTab.test.ts checks that the tab draws them.
 */
import { DEFAULT_SETTINGS, type OwnIdSource, type PrincipleChainSettings } from '../../src/core/settings';
import { SettingsStore, type SettingsChange } from '../../src/core/settingsStore';
import { SettingsForm, TYPING_PAUSE_MS } from '../../src/ui/settings/form';
import type { SettingControl, SettingRow } from '../../src/ui/settings/rows';

type Kind = SettingControl['kind'];
type ControlOf<K extends Kind> = Extract<SettingControl, { kind: K }>;

/** The folders of the vault the form is drawn for. */
const VAULT_FOLDERS = ['Templates', 'Archive', 'Archive/old', 'Daily'];

function setup(patch: Partial<PrincipleChainSettings> = {}) {
  const settings = new SettingsStore({ ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], ...patch }, async () => undefined);
  const changes: SettingsChange[] = [];
  settings.onChange((change) => changes.push(change));
  let redraws = 0;
  // As the tab does: when the form asks, the rows are made again from the settings as they are.
  const folders = { has: (path: string) => VAULT_FOLDERS.includes(path), all: () => VAULT_FOLDERS };
  const form: SettingsForm = new SettingsForm(settings, () => {
    redraws++;
    rows = form.sections().flatMap((section) => section.rows);
  }, folders);
  let rows: SettingRow[] = form.sections().flatMap((section) => section.rows);
  const row = (name: string): SettingRow => {
    const found = rows.find((r) => r.name === name);
    if (found === undefined) throw new Error(`no setting ${name}`);
    return found;
  };
  const control = <K extends Kind>(name: string, kind: K): ControlOf<K> => {
    const found = row(name).controls.find((c): c is ControlOf<K> => c.kind === kind);
    if (found === undefined) throw new Error(`no ${kind} in ${name}`);
    return found;
  };
  return {
    form,
    settings: () => settings.get(),
    rows: () => rows,
    row,
    control,
    /** Whether each saved change needed a rebuild, in order. */
    rebuilds: () => changes.map((change) => change.needsRebuild),
    redraws: () => redraws,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

afterEach(() => jest.useRealTimers());

describe('ID format', () => {
  it('switching to a preset applies it, and the change needs a rebuild', async () => {
    const s = setup();
    s.control('ID format', 'dropdown').change('14');
    await settle();
    expect(s.settings().idFormat).toBe('14');
    expect(s.rebuilds()).toStrictEqual([true]);
  });

  it('offers the presets, then a custom pattern', () => {
    expect(setup().control('ID format', 'dropdown').options.map(([value]) => value)).toStrictEqual(['12', '14', 'denote', 'custom']);
  });

  it('shows the custom pattern field only for the custom format', () => {
    const s = setup();
    expect(s.form.hidden('Custom pattern')).toBe(true);
    s.control('ID format', 'dropdown').change('custom');
    expect(s.form.hidden('Custom pattern')).toBe(false);
  });

  it('a rejected custom pattern shows why and is not applied', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('ID format', 'dropdown').change('custom');
    expect(s.form.problem('Custom pattern')).toBe('The pattern is empty.');
    for (const [bad, message] of [
      ['(x|x){1,20}y', expect.stringMatching(/^The pattern (is too complex to prove it cannot freeze|can match the same text in more than one way)/)],
      ['\\d{4} \\d{4}', expect.stringMatching(/^The pattern can match a space or a line break/)],
      ['(?<=x)\\d+', 'The pattern uses lookbehind ((?<= or (?<!), which Obsidian on older iPhones and iPads cannot run.'],
      ['\\d*', 'The pattern can match empty text; it must match at least one character.'],
      ['[', expect.stringMatching(/^The pattern does not compile: /)],
    ] as const) {
      s.control('Custom pattern', 'text').change(bad);
      expect(s.form.problem('Custom pattern')).toStrictEqual(message);
    }
    jest.advanceTimersByTime(5000);
    s.form.flush();
    await settle();
    expect(s.settings().idFormat).toBe('12');
    expect(s.settings().customPattern).toBe('');
    expect(s.rebuilds()).toStrictEqual([]);
  });

  it('a valid custom pattern is applied after a pause in typing of 0.8 s', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('ID format', 'dropdown').change('custom');
    s.control('Custom pattern', 'text').change('Z\\d{6}');
    expect(s.form.problem('Custom pattern')).toBeNull();
    expect(s.settings().idFormat).toBe('12');
    jest.advanceTimersByTime(799);
    await settle();
    expect(s.settings().idFormat).toBe('12');
    jest.advanceTimersByTime(1);
    await settle();
    expect([s.settings().idFormat, s.settings().customPattern]).toStrictEqual(['custom', 'Z\\d{6}']);
    expect(s.rebuilds()).toStrictEqual([true]);
  });

  it('a pattern that matches ordinary words is applied, with a warning', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('ID format', 'dropdown').change('custom');
    s.control('Custom pattern', 'text').change('[a-z]{2,3}');
    expect(s.form.problem('Custom pattern')).toMatch(/^The pattern matches ordinary words such as "met", "on", "and"/);
    jest.advanceTimersByTime(1000);
    await settle();
    expect(s.settings().customPattern).toBe('[a-z]{2,3}');
  });

  it('choosing custom with a stored valid pattern applies it at once; closing the tab applies pending typing', async () => {
    const s = setup({ customPattern: 'Z\\d{6}' });
    s.control('ID format', 'dropdown').change('custom');
    await settle();
    expect(s.settings().idFormat).toBe('custom');
    s.control('Custom pattern', 'text').change('Q\\d{4}');
    s.form.flush();
    await settle();
    expect(s.settings().customPattern).toBe('Q\\d{4}');
    expect(s.rebuilds()).toStrictEqual([true, true]);
  });

  it('choosing custom again checks the pattern its field shows, never an older stored one', async () => {
    const s = setup({ idFormat: 'custom', customPattern: 'Z\\d{6}' });
    s.control('Custom pattern', 'text').change('\\d*');
    s.control('ID format', 'dropdown').change('12');
    await settle();
    s.control('ID format', 'dropdown').change('custom');
    await settle();
    expect(s.form.problem('Custom pattern')).toBe('The pattern can match empty text; it must match at least one character.');
    expect([s.settings().idFormat, s.settings().customPattern]).toStrictEqual(['12', 'Z\\d{6}']);
    // Corrected in the field, it applies as shown.
    s.control('Custom pattern', 'text').change('Q\\d{4}');
    s.control('ID format', 'dropdown').change('14');
    s.control('ID format', 'dropdown').change('custom');
    await settle();
    expect([s.form.problem('Custom pattern'), s.settings().idFormat, s.settings().customPattern]).toStrictEqual([null, 'custom', 'Q\\d{4}']);
  });

  it('says so when the stored custom pattern is rejected (the index then uses 12 digits)', () => {
    const s = setup({ idFormat: 'custom', customPattern: '\\d*' });
    expect(s.form.hidden('Custom pattern')).toBe(false);
    expect(s.form.problem('Custom pattern')).toBe('The pattern can match empty text; it must match at least one character.');
  });
});

describe('other settings', () => {
  it('display-only settings are saved without a rebuild', async () => {
    const s = setup();
    s.control('Link the title', 'toggle').change(true);
    s.control('Highlight unresolved IDs', 'toggle').change(false);
    await settle();
    expect([s.settings().linkTitle, s.settings().highlightUnresolved]).toStrictEqual([true, false]);
    expect(s.rebuilds()).toStrictEqual([false, false]);
  });

  it('excluded folders are normalised, one per line, and need a rebuild', async () => {
    const s = setup();
    s.control('Excluded folders', 'textarea').change(' Templates/ \n\n/Archive/old\nTemplates');
    s.form.flush();
    await settle();
    expect(s.settings().excludedFolders).toStrictEqual(['Templates', 'Archive/old']);
    expect(s.rebuilds()).toStrictEqual([true]);
  });

  it('excluded folders are resolved within the vault, and those it does not have are named under the row', async () => {
    const s = setup();
    s.control('Excluded folders', 'textarea').change('./Templates\ntemplates\nDaily/../Archive\n../Elsewhere\nC:\\Vault\\Templates');
    expect(s.form.problem('Excluded folders')).toBe(
      '"../Elsewhere" is left out: it names no folder inside the vault. No folder in the vault is at "templates" (there is "Templates": letter case counts), "C:/Vault/Templates"; until there is, these entries match no note.',
    );
    s.form.flush();
    await settle();
    expect(s.settings().excludedFolders).toStrictEqual(['Templates', 'templates', 'Archive', 'C:/Vault/Templates']);
    s.control('Excluded folders', 'textarea').change('Templates');
    expect(s.form.problem('Excluded folders')).toBeNull();
  });

  it('stored folders the vault does not have are named when the tab opens, for the chain\'s folders too', () => {
    const s = setup({ excludedFolders: ['Templates', 'Attic'], chainExcludedFolders: ['daily'] });
    expect(s.form.problem('Excluded folders')).toBe('No folder in the vault is at "Attic"; until there is, this entry matches no note.');
    expect(s.form.problem('Hidden from the chain')).toBe('No folder in the vault is at "daily" (there is "Daily": letter case counts); until there is, this entry matches no note.');
    s.control('Hidden from the chain', 'textarea').change('./Daily\n#daily\n..');
    expect(s.form.problem('Hidden from the chain')).toBe('".." is left out: it names no folder inside the vault.');
  });

  it('folders and #tags hidden from the chain are one per line, need no rebuild, and show again as typed', async () => {
    const s = setup();
    s.control('Hidden from the chain', 'textarea').change(' Daily/ \n  #meeting  \n\n##Private/\nDaily');
    s.form.flush();
    await settle();
    expect([s.settings().chainExcludedFolders, s.settings().chainExcludedTags]).toStrictEqual([['Daily'], ['meeting', 'Private']]);
    expect(s.rebuilds()).toStrictEqual([false]);
    const shown = setup({ chainExcludedFolders: ['Daily'], chainExcludedTags: ['meeting', 'Private'] });
    expect(shown.control('Hidden from the chain', 'textarea').value).toBe('Daily\n#meeting\n#Private');
  });

  it('own-ID sources can be turned off and reordered, never all off', async () => {
    const s = setup();
    s.control('Folder name', 'toggle').change(false);
    await settle();
    expect(s.settings().ownIdSources).toStrictEqual(['filename', 'frontmatter']);
    s.control('Frontmatter property', 'button').click();
    await settle();
    expect(s.settings().ownIdSources).toStrictEqual(['frontmatter', 'filename']);
    expect(s.rebuilds()).toStrictEqual([true, true]);
    s.control('Start of the file name', 'toggle').change(false);
    await settle();
    expect(s.settings().ownIdSources).toStrictEqual(['frontmatter']);
    expect(s.control('Frontmatter property', 'toggle').disabled).toBe(true);
    s.control('Frontmatter property', 'toggle').change(false);
    await settle();
    expect(s.settings().ownIdSources).toStrictEqual(['frontmatter']);
    // A source turned on again is tried last, after the others.
    s.control('Folder name', 'toggle').change(true);
    await settle();
    expect(s.settings().ownIdSources).toStrictEqual(['frontmatter', 'folder']);
  });

  it('an empty frontmatter key is refused with a message; a new one needs a rebuild', async () => {
    const s = setup();
    s.control('Frontmatter key', 'text').change('  ');
    s.form.flush();
    await settle();
    expect(s.form.problem('Frontmatter key')).toBe('The key must not be empty; the last one is kept.');
    expect([s.settings().frontmatterKey, s.rebuilds()]).toStrictEqual(['id', []]);
    s.control('Frontmatter key', 'text').change(' zettel-id ');
    expect(s.form.problem('Frontmatter key')).toBeNull();
    s.form.flush();
    await settle();
    expect([s.settings().frontmatterKey, s.rebuilds()]).toStrictEqual(['zettel-id', [true]]);
  });

  it('a frontmatter key is taken as a frontmatter line names it; one holding a colon is refused', async () => {
    const s = setup();
    s.control('Frontmatter key', 'text').change('zk:id');
    expect(s.form.problem('Frontmatter key')).toBe(
      'The key must not hold ":" (a frontmatter line is read as key: value at its first colon, so such a key is never found); the last one is kept.',
    );
    s.form.flush();
    await settle();
    expect(s.settings().frontmatterKey).toBe('id');
    s.control('Frontmatter key', 'text').change(' "uid": ');
    expect(s.form.problem('Frontmatter key')).toBeNull();
    s.form.flush();
    await settle();
    expect(s.settings().frontmatterKey).toBe('uid');
  });

  it('chain and repair settings are saved without a rebuild', async () => {
    const s = setup();
    s.control('Show incoming references', 'toggle').change(false);
    s.control('Show context', 'toggle').change(false);
    await settle();
    expect([s.settings().showIncoming, s.settings().showContext]).toStrictEqual([false, false]);
    expect(s.rebuilds()).toStrictEqual([false, false]);
    s.control('Show context', 'toggle').change(true);
    await settle();
    expect([s.settings().showIncoming, s.settings().showContext]).toStrictEqual([false, true]);
    s.control('Chain depth', 'slider').change(5);
    s.control('When a note is renamed', 'dropdown').change('always');
    s.control('Link style normalisation', 'dropdown').change('bare');
    await settle();
    expect([s.settings().chainDepth, s.settings().renameHandling, s.settings().linkStyle]).toStrictEqual([5, 'always', 'bare']);
    expect(s.rebuilds()).toStrictEqual([false, false, false, false, false, false]);
  });

  it('a change made at once applies a change still waiting for a pause in typing first', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('Excluded folders', 'textarea').change('Templates');
    s.control('Link the title', 'toggle').change(true);
    await settle();
    expect([s.settings().excludedFolders, s.settings().linkTitle]).toStrictEqual([['Templates'], true]);
    jest.advanceTimersByTime(5000);
    await settle();
    expect(s.rebuilds()).toStrictEqual([true, false]);
  });
});

describe('typing in one field', () => {
  it('saves once, the last value, however many values were typed before the pause', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('Excluded folders', 'textarea').change('Temp');
    jest.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    s.control('Excluded folders', 'textarea').change('Templates');
    jest.advanceTimersByTime(TYPING_PAUSE_MS * 3);
    await settle();
    expect([s.settings().excludedFolders, s.rebuilds()]).toStrictEqual([['Templates'], [true]]);
  });

  it('a valid value still waiting is dropped when a refused one is typed after it', async () => {
    jest.useFakeTimers();
    const s = setup({ frontmatterKey: 'id' });
    s.control('Frontmatter key', 'text').change('uid');
    s.control('Frontmatter key', 'text').change('   ');
    jest.advanceTimersByTime(TYPING_PAUSE_MS * 3);
    await settle();
    expect([s.settings().frontmatterKey, s.rebuilds()]).toStrictEqual(['id', []]);
  });
});

describe('typing in two fields', () => {
  it('keeps both changes when the second field is typed in before the first one\'s pause ends', async () => {
    jest.useFakeTimers();
    const s = setup();
    s.control('Excluded folders', 'textarea').change('Templates');
    s.control('Frontmatter key', 'text').change('zettel-id');
    jest.advanceTimersByTime(TYPING_PAUSE_MS);
    await settle();
    expect([s.settings().excludedFolders, s.settings().frontmatterKey]).toStrictEqual([['Templates'], 'zettel-id']);
  });

  it('refusing one field\'s value drops only that field\'s waiting change', async () => {
    const s = setup();
    s.control('Excluded folders', 'textarea').change('Templates');
    s.control('Frontmatter key', 'text').change('zettel-id');
    s.control('Frontmatter key', 'text').change(' ');
    s.form.flush();
    await settle();
    expect([s.settings().excludedFolders, s.settings().frontmatterKey]).toStrictEqual([['Templates'], 'id']);
  });
});

describe('rows', () => {
  it('every row has a name, a description and a control', () => {
    const rows = setup().rows();
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(row.name).not.toBe('');
      expect(row.desc).not.toBe('');
      expect(row.controls.length).toBeGreaterThan(0);
    }
  });

  it('each own-ID source says where it stands, and the order follows a move', async () => {
    const s = setup();
    expect(s.row('Start of the file name').desc).toMatch(/Tried first\./);
    expect(s.row('Frontmatter property').desc).toMatch(/Tried when the sources above find no ID\./);
    s.control('Folder name', 'toggle').change(false);
    await settle();
    expect(s.redraws()).toBe(1);
    expect(s.row('Folder name').desc).toMatch(/Off\.$/);
    s.control('Frontmatter property', 'button').click();
    await settle();
    expect(s.row('Frontmatter property').desc).toMatch(/Tried first\./);
    expect(s.row('Start of the file name').desc).toMatch(/Tried when the sources above find no ID\./);
    const names = s.rows().map((r) => r.name);
    expect(names.indexOf('Frontmatter property')).toBeLessThan(names.indexOf('Start of the file name'));
  });

  it.each<[OwnIdSource[], string[]]>([
    [['filename', 'folder', 'frontmatter'], ['Start of the file name', 'Folder name', 'Frontmatter property']],
    [['filename'], ['Start of the file name', 'Folder name', 'Frontmatter property']],
    [['folder'], ['Folder name', 'Start of the file name', 'Frontmatter property']],
    [['frontmatter'], ['Frontmatter property', 'Start of the file name', 'Folder name']],
    [['frontmatter', 'filename'], ['Frontmatter property', 'Start of the file name', 'Folder name']],
  ])('lists the sources tried, in their order %j, then those that are off: file name, folder, frontmatter', (ownIdSources, listed) => {
    const sources = new Set(['Start of the file name', 'Folder name', 'Frontmatter property']);
    expect(setup({ ownIdSources }).rows().map((r) => r.name).filter((name) => sources.has(name))).toStrictEqual(listed);
  });

  it('the first source cannot move up, nor a source that is off', () => {
    const s = setup({ ownIdSources: ['filename', 'frontmatter'] });
    expect(['Start of the file name', 'Frontmatter property', 'Folder name'].map((name) => s.control(name, 'button').disabled)).toStrictEqual([true, false, true]);
  });
});
