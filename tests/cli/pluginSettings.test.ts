/**
 * The plugin's own settings in the vault (data.json) apply on the command line as in Obsidian, so a
 * notes repository's CI checks what the plugin shows; each option given overrides its setting; a
 * bad value falls back to its default with a warning, as in the plugin; a file that cannot be read
 * stops the run with a message that says how to go on.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readPluginSettings } from '../../src/cli/pluginSettings';
import { nodeVaultFs } from '../../src/cli/vaultFs';
import { defaultVaultSettings, vaultSettingsFrom } from '../../src/cli/vaultSettings';
import { normalizeSettings } from '../../src/core/settings';
import { run, runJson, scratchFolders } from './harness';

const DATA = '.obsidian/plugins/principle-chain/data.json';

const folder = scratchFolders('pc-plugin-settings-');

interface CheckJson {
  notes: number;
  notesWithId: number;
  problems: { kind: string; file: string }[];
}

/** Two notes, and a Templates folder holding a copy of one's ID and a broken ID repair would fix. */
const NOTES = {
  '202101010900 Alpha.md': 'Builds on 202101011000 Beta.\n',
  '202101011000 Beta.md': 'Back to 202101010900.\n',
  'Templates/202101010900 Template.md': 'A copy of 202101010900 Alpha.\n',
  'Templates/Daily.md': 'Today: 202101011159 Beta.\n',
};
const vaultWith = (settings: unknown, files: Record<string, string | Buffer> = NOTES): string =>
  folder({ ...files, [DATA]: typeof settings === 'string' ? settings : JSON.stringify(settings) });

describe('the plugin\'s settings in the vault apply without options', () => {
  it('check leaves out the plugin\'s excluded folders, as the plugin does: no duplicate ID, exit 0', async () => {
    const dir = vaultWith({ excludedFolders: ['Templates'], showContext: false, someNewerSetting: 1 });
    const result = await run(['check', dir]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('No problems found');
    expect((await runJson(['check', dir])).json).toMatchObject({ notes: 2, notesWithId: 2, problems: [] });
  });

  it('repair --apply neither plans nor writes a note in a folder the plugin excludes', async () => {
    const dir = vaultWith({ excludedFolders: ['Templates'] });
    expect(await runJson(['repair', dir, '--apply'])).toStrictEqual({ code: 0, json: { files: [], problems: [], applied: true } });
    expect(readFileSync(path.join(dir, 'Templates/Daily.md'), 'utf8')).toBe('Today: 202101011159 Beta.\n');
  });

  it('reads IDs with the plugin\'s format, own-ID sources and frontmatter key', async () => {
    const uids = vaultWith({ ownIdSources: ['frontmatter'], frontmatterKey: 'uid' }, {
      'Alpha.md': '---\nuid: 202101010900\n---\nBuilds on 202101011000.\n',
      'Beta.md': '---\nuid: 202101011000\n---\nBack to 202101010900.\n',
    });
    expect(await runJson(['check', uids])).toStrictEqual({ code: 0, json: expect.objectContaining({ notesWithId: 2, resolved: 2 }) as unknown });
    const fourteen = vaultWith({ idFormat: '14' }, { '20210101090000 A.md': 'See 20210101100000.\n', '20210101100000 B.md': '' });
    expect((await runJson(['check', fourteen])).json).toMatchObject({ notesWithId: 2, resolved: 1 });
    const custom = vaultWith({ idFormat: 'custom', customPattern: 'zk-\\d{4}' }, { 'zk-0001 A.md': 'See zk-0002.\n', 'zk-0002 B.md': '' });
    expect((await runJson(['chain', 'zk-0001', '--vault', custom])).json).toMatchObject({ out: [{ id: 'zk-0002', path: 'zk-0002 B.md' }] });
  });

  it('chain and graph follow the plugin\'s chain depth, and repair plans the plugin\'s link style', async () => {
    const dir = vaultWith({ chainDepth: 1, linkStyle: 'wikilink' }, { '202101010900 A.md': 'See 202101011000 B.\n', '202101011000 B.md': 'See 202101011100 C.\n', '202101011100 C.md': '' });
    expect((await runJson(['chain', '202101010900', '--vault', dir, '--direction', 'out'])).json).toMatchObject({ out: [{ id: '202101011000', children: [] }] });
    expect((await runJson(['graph', '202101010900', '--vault', dir, '--direction', 'out'])).json).toMatchObject({ nodes: [{ id: '202101010900' }, { id: '202101011000' }] });
    const plan = (await runJson(['repair', dir])).json as { files: { edits: { kind: string; after: string }[] }[] };
    expect(plan.files.flatMap((f) => f.edits.map((e) => [e.kind, e.after]))).toStrictEqual([
      ['link-style', '[[202101011000 B]]'],
      ['link-style', '[[202101011100 C]]'],
    ]);
  });
});

describe('options override the plugin\'s settings, each its own', () => {
  it('--exclude replaces the plugin\'s folders, --no-plugin-settings drops them', async () => {
    const dir = vaultWith({ excludedFolders: ['Templates'] }, { ...NOTES, 'Archive/202101011000 Old.md': '' });
    const problems = async (...argv: string[]) => ((await runJson(['check', dir, ...argv])).json as CheckJson).problems.map((p) => `${p.kind} ${p.file}`);
    expect(await problems()).toStrictEqual(['ambiguous-id 202101010900 Alpha.md', 'duplicate-id 202101011000 Beta.md']);
    expect(await problems('--exclude', 'Archive')).toStrictEqual([
      'duplicate-id 202101010900 Alpha.md',
      'ambiguous-id 202101011000 Beta.md',
      'unresolved-id Templates/Daily.md',
    ]);
    expect((await runJson(['check', dir, '--exclude', 'Archive', '--exclude', 'Templates'])).json).toMatchObject({ notes: 2, problems: [] });
    expect((await runJson(['check', dir, '--no-plugin-settings'])).json).toMatchObject({ notes: 5 });
  });

  it('--id-format, --id-sources, --frontmatter-key, --depth and --link-style win over the stored values', async () => {
    const dir = vaultWith(
      { idFormat: '14', ownIdSources: ['frontmatter'], frontmatterKey: 'uid', chainDepth: 1, linkStyle: 'wikilink' },
      { '202101010900 A.md': '---\nid: 202101011111\n---\nSee 202101011000 B.\n', '202101011000 B.md': 'See 202101011100 C.\n', '202101011100 C.md': '' },
    );
    expect((await run(['check', dir])).stderr).toMatch(/^principle-chain: No note has a 14-digit ID in /);
    const ids = async (...argv: string[]) => ((await runJson(['graph', '--vault', dir, ...argv])).json as { nodes: { id: string; path: string | null }[] }).nodes.find((n) => n.path === '202101010900 A.md')?.id;
    expect(await ids('--id-format', '12', '--frontmatter-key', 'id')).toBe('202101011111');
    expect(await ids('--id-format', '12', '--id-sources', 'filename')).toBe('202101010900');
    const chain = await runJson(['chain', '202101010900', '--vault', dir, '--id-format', '12', '--id-sources', 'filename', '--depth', '2', '--direction', 'out']);
    expect(chain.json).toMatchObject({ out: [{ id: '202101011000', children: [{ id: '202101011100' }] }] });
    const plan = await runJson(['repair', dir, '--id-format', '12', '--id-sources', 'filename', '--link-style', 'off']);
    expect(plan).toStrictEqual({ code: 0, json: { files: [], problems: [], applied: false } });
  });

  it('a --frontmatter-key the plugin\'s own-ID sources would not read is refused, naming where the sources come from', async () => {
    const dir = vaultWith({ ownIdSources: ['filename'] });
    expect(await run(['check', dir, '--frontmatter-key', 'uid'])).toStrictEqual({
      code: 2,
      stdout: '',
      stderr:
        `principle-chain: --frontmatter-key uid would not be read: a note's own ID comes from filename only (the plugin's settings in ${DATA}). ` +
        'Add frontmatter to --id-sources, or leave --frontmatter-key out.\nRun "principle-chain check --help" for usage.\n',
    });
    expect(await run(['check', dir, '--frontmatter-key', 'uid', '--id-sources', 'filename,frontmatter', '--exclude', 'Templates'])).toMatchObject({ code: 0, stderr: '' });
    // Sources typed on the command line are not the plugin's, though the vault has its settings.
    expect((await run(['check', dir, '--frontmatter-key', 'uid', '--id-sources', 'filename'])).stderr).toBe(
      'principle-chain: --frontmatter-key uid would not be read: a note\'s own ID comes from filename only. ' +
        'Add frontmatter to --id-sources, or leave --frontmatter-key out.\nRun "principle-chain check --help" for usage.\n',
    );
    // The tool checks typed options before it reads the file; the settings' own rule holds with a file read too.
    const stored = { ...normalizeSettings(null).settings, ownIdSources: ['filename' as const] };
    const refusal = (given: Parameters<typeof vaultSettingsFrom>[0], storedIn: string | null = DATA): string => {
      try {
        vaultSettingsFrom(given, stored, storedIn);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ frontmatterKey: 'uid' })).toContain(`comes from filename only (the plugin's settings in ${DATA}). `);
    expect(refusal({ frontmatterKey: 'uid', ownIdSources: ['folder'] })).toContain('comes from folder only. ');
    expect(refusal({ frontmatterKey: 'uid' }, null)).toContain('comes from filename only. ');
    expect(refusal({ frontmatterKey: 'uid', ownIdSources: ['filename', 'frontmatter'] })).toBe('accepted');
  });

  it('a vault without the file has the plugin\'s defaults, read from no file and with no problem', async () => {
    const dir = folder(NOTES);
    expect(await readPluginSettings(dir, '.obsidian', nodeVaultFs, new Set())).toStrictEqual({ settings: normalizeSettings(null).settings, file: null, problems: [] });
    // The tool's defaults for code that reads no settings are the same.
    expect(defaultVaultSettings()).toStrictEqual(vaultSettingsFrom({}));
  });

  it('reads the file in the configuration folder --config-dir names, and warns of one the vault does not have', async () => {
    const dir = folder({ ...NOTES, '.config/plugins/principle-chain/data.json': '{"excludedFolders":["Templates"]}', [DATA]: '{"excludedFolders":[]}' });
    expect(await runJson(['check', dir, '--config-dir', '.config'])).toStrictEqual({ code: 0, json: expect.objectContaining({ notes: 2 }) as unknown });
    expect((await runJson(['check', dir])).code).toBe(1);
    const missing = await run(['check', dir, '--config-dir', '.obsidain', '--json']);
    expect(missing.stderr).toBe('principle-chain: warning: --config-dir .obsidain: the vault has no such folder.\n');
    expect(JSON.parse(missing.stdout)).toMatchObject({ notes: 4 });
  });

  it('names the settings file when no note has an ID with them', async () => {
    const dir = vaultWith({ idFormat: 'denote' });
    expect((await run(['check', dir])).stderr).toBe(
      `principle-chain: No note has a Denote ID in ${dir} (4 notes read, with the plugin's settings in ${DATA}); try --id-format 12 (3 of them have a 12-digit ID).\n`,
    );
    const excluded = vaultWith({ excludedFolders: ['Templates', 'Notes'] }, { 'Templates/202101010900 A.md': '' });
    expect((await run(['check', excluded])).stderr).toBe(
      `principle-chain: No Markdown notes in ${excluded} outside the excluded folders (Templates, Notes, with the plugin's settings in ${DATA}), ` +
        'which hold 1 note. Give other folders to exclude, or the vault with --vault DIR or as VAULT.\n',
    );
  });
});

describe('bad stored settings', () => {
  it('a bad value the tool uses falls back to its default with the plugin\'s own message on stderr', async () => {
    const dir = vaultWith({ excludedFolders: 'Templates', chainDepth: 0, showContext: 'yes' });
    const result = await run(['check', dir, '--json']);
    expect(result.stderr).toBe(
      `principle-chain: warning: ${DATA}: Setting "chainDepth" must be between 1 and 10; using the default.\n` +
        `principle-chain: warning: ${DATA}: Setting "excludedFolders" must be a list; using the default.\n`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ notes: 4 });
    // A value an option overrides is not looked at.
    expect((await run(['check', dir, '--json', '--exclude', 'Templates'])).stderr).toBe(
      `principle-chain: warning: ${DATA}: Setting "chainDepth" must be between 1 and 10; using the default.\n`,
    );
    expect(await run(['chain', '202101010900', '--vault', dir, '--exclude', 'Templates', '--depth', '2', '--json'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('a custom pattern the plugin cannot use is 12 digits, as in the plugin, and says why', async () => {
    const dir = vaultWith({ idFormat: 'custom', customPattern: '(?<=x)\\d+' });
    const result = await run(['check', dir, '--json', '--exclude', 'Templates']);
    expect(result.stderr).toMatch(new RegExp(`^principle-chain: warning: ${DATA}: The custom ID pattern cannot be used \\(The pattern uses lookbehind .*\\); using the 12-digit format\\.\\n$`));
    expect(JSON.parse(result.stdout)).toMatchObject({ notesWithId: 2, problems: [] });
    expect((await run(['check', dir, '--json', '--exclude', 'Templates', '--id-format', '12'])).stderr).toBe('');
  });

  it('null stored is no settings: the defaults, without a word', async () => {
    expect((await run(['check', vaultWith('null'), '--json'])).stderr).toBe('');
  });

  it.each([
    ['not JSON', '{"excludedFolders": ["Templates"]', /it is not JSON \(.+\)/],
    ['a merge conflict', '<<<<<<< HEAD\n{"excludedFolders":["Templates"]}\n=======\n{}\n>>>>>>> other\n', /it is not JSON \(.+\)/],
    ['empty', '', /it is not JSON \(.+\)/],
    ['binary', Buffer.from([0x7b, 0, 0x7d]), /it contains NUL bytes/],
    ['a list', '[{"excludedFolders": ["Templates"]}]', /it holds a list, not an object of settings\./],
    ['a number', '12', /it holds a number, not an object of settings\./],
    ['text', '"Templates"', /it holds text, not an object of settings\./],
    ['a boolean', 'true', /it holds a boolean, not an object of settings\./],
  ])('a file that is %s stops the run (exit 2) with a message naming it, and --no-plugin-settings goes on without it', async (_name, text, why) => {
    const dir = folder({ ...NOTES, [DATA]: text });
    for (const argv of [['check', dir], ['repair', dir, '--apply'], ['chain', '202101010900', '--vault', dir]]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^principle-chain: The plugin's settings in ${DATA.replace(/\./g, '\\.')} cannot be used: `));
      expect(result.stderr).toMatch(why);
      expect(result.stderr).toContain('Fix the file (Obsidian then reads it too), or give --no-plugin-settings to go without it.\n');
    }
    expect(readFileSync(path.join(dir, 'Templates/Daily.md'), 'utf8')).toBe('Today: 202101011159 Beta.\n');
    expect((await runJson(['check', dir, '--no-plugin-settings', '--exclude', 'Templates'])).json).toMatchObject({ notes: 2, problems: [] });
  });

  it('a folder where the file should be stops the run too', async () => {
    const dir = folder({ ...NOTES, [`${DATA}/x`]: '' });
    expect((await run(['check', dir])).stderr).toMatch(/^principle-chain: The plugin's settings in \.obsidian\/plugins\/principle-chain\/data\.json cannot be used: it is not a file\. /);
  });
});
