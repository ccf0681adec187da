/**
 * The plugin's excluded folders, own-ID sources and frontmatter key on the command line: every
 * command reads the vault as the plugin's index holds it, and a value the plugin's settings would
 * refuse is a usage error naming it.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import { run, runJson, scratchFolders } from './harness';

const folder = scratchFolders('pc-vault-settings-');

const untouchable: VaultFs = {
  kind: () => Promise.reject(new Error('the vault was looked at')),
  list: () => Promise.reject(new Error('the vault was listed')),
  read: () => Promise.reject(new Error('a note was read')),
};

interface CheckJson {
  notes: number;
  notesWithId: number;
  references: number;
  resolved: number;
  problems: { kind: string; file: string }[];
}
interface GraphJson {
  nodes: { id: string | null; path: string | null; status: string }[];
}

/** Two notes, and a Templates folder as Obsidian users keep one: a copy of a note's ID, a note the tool cannot read, and a broken ID repair would fix. */
const WITH_TEMPLATES = {
  '202101010900 Alpha.md': 'Builds on 202101011000 Beta.\n',
  '202101011000 Beta.md': 'Back to 202101010900.\n',
  'Templates/202101010900 Template.md': 'A copy of 202101010900 Alpha.\n',
  'Templates/Daily.md': 'Today: 202101011159 Beta.\n',
  'Templates/binary.md': Buffer.from([0x61, 0, 0x62]),
};

describe('--exclude FOLDER', () => {
  it('leaves the folder\'s notes out of check: no duplicate ID, no unreadable file, not counted', async () => {
    const dir = folder(WITH_TEMPLATES);
    const all = await runJson(['check', dir]);
    expect(all.code).toBe(1);
    expect((all.json as CheckJson).problems.map((p) => [p.kind, p.file])).toStrictEqual([
      ['duplicate-id', '202101010900 Alpha.md'],
      ['ambiguous-id', '202101011000 Beta.md'],
      ['unresolved-id', 'Templates/Daily.md'],
      ['unreadable-file', 'Templates/binary.md'],
    ]);
    const excluded = await runJson(['check', dir, '--exclude', 'Templates']);
    expect(excluded.code).toBe(0);
    expect(excluded.json).toMatchObject({ notes: 2, notesWithId: 2, references: 2, resolved: 2, problems: [] });
    const text = await run(['check', dir, '--exclude=Templates']);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toContain('No problems found');
  });

  it('still counts its files as link targets, as Obsidian does: a link into the folder is not stale', async () => {
    const dir = folder({ ...WITH_TEMPLATES, '202101011100 Gamma.md': 'From [[Templates/202101010900 Template]] and [[Templates/202101010900 Gone]].\n' });
    const result = await runJson(['check', dir, '--exclude', 'Templates']);
    // Only the link to a file that is not there is stale.
    const problems = (result.json as { problems: { kind: string; file: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.kind, p.file, p.message.includes('"Templates/202101010900 Gone" names no file')])).toStrictEqual([['stale-link', '202101011100 Gamma.md', true]]);
  });

  it('reports no folder in it that cannot be listed', async () => {
    const dir = folder({ ...WITH_TEMPLATES, 'Templates/locked/x.md': '' });
    const locked: VaultFs = { ...nodeVaultFs, list: (directory) => (directory.endsWith('locked') ? Promise.reject(new Error('EACCES')) : nodeVaultFs.list(directory)) };
    const all = await runJson(['check', dir], { fs: locked });
    expect((all.json as CheckJson).problems.filter((p) => p.kind === 'unreadable-file').map((p) => p.file)).toStrictEqual(['Templates/binary.md', 'Templates/locked']);
    expect((await runJson(['check', dir, '--exclude', 'Templates'], { fs: locked })).json).toMatchObject({ problems: [] });
  });

  it('repair --apply neither plans nor writes a note in the folder', async () => {
    const dir = folder(WITH_TEMPLATES);
    const planned = await runJson(['repair', dir]);
    expect(JSON.stringify(planned.json)).toContain('Templates/Daily.md');
    const result = await runJson(['repair', dir, '--apply', '--exclude', 'Templates']);
    expect(result.code).toBe(0);
    expect(result.json).toStrictEqual({ files: [], problems: [], applied: true });
    expect(readFileSync(path.join(dir, 'Templates/Daily.md'), 'utf8')).toBe('Today: 202101011159 Beta.\n');
  });

  it('an ID only an excluded note owns names no note for chain and graph; the folder\'s notes are no nodes', async () => {
    const dir = folder({ ...WITH_TEMPLATES, 'Templates/202101020900 Only here.md': 'Hidden.\n', '202101011100 Gamma.md': 'See 202101020900.\n' });
    const chain = await runJson(['chain', '202101011100', '--vault', dir, '--exclude', 'Templates']);
    expect(chain.json).toMatchObject({ out: [{ id: '202101020900', path: null, status: 'unresolved' }] });
    const included = await runJson(['chain', '202101011100', '--vault', dir]);
    expect(included.json).toMatchObject({ out: [{ id: '202101020900', path: 'Templates/202101020900 Only here.md', status: 'resolved' }] });
    const graph = (await runJson(['graph', '--vault', dir, '--exclude', 'Templates'])).json as GraphJson;
    expect(graph.nodes.filter((n) => n.path?.startsWith('Templates/') === true)).toStrictEqual([]);
    expect(graph.nodes.find((n) => n.id === '202101010900')).toMatchObject({ path: '202101010900 Alpha.md', status: 'resolved' });
  });

  it('refs and chain name a note in the folder as excluded, not as missing', async () => {
    const dir = folder(WITH_TEMPLATES);
    for (const argv of [['refs', 'Templates/202101010900 Template.md'], ['refs', 'Templates/Daily'], ['chain', 'Templates/Daily.md'], ['graph', 'Templates/Daily.md']]) {
      const result = await run([...argv, '--vault', dir, '--exclude', 'Templates']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^principle-chain: Templates\/\S+( \S+)? is in the excluded folder Templates, whose notes are not read, as the plugin does not index them\.\n/);
    }
    expect((await runJson(['refs', 'Templates/Daily.md', '--vault', dir])).code).toBe(0);
  });

  it('is repeatable, and takes folders as the settings tab does: slashes around and backslashes', async () => {
    const dir = folder({ ...WITH_TEMPLATES, 'Archive/Old/202101010900 Old.md': '' });
    const twice = await runJson(['check', dir, '--exclude', 'Templates/', '--exclude', '\\Archive\\Old']);
    expect(twice.json).toMatchObject({ notes: 2, problems: [] });
    const once = await runJson(['check', dir, '--exclude', 'Templates']);
    expect((once.json as CheckJson).problems.map((p) => p.kind)).toStrictEqual(['duplicate-id', 'ambiguous-id']);
  });

  it('excludes a folder, not every name that starts like it, and is case-sensitive as in the plugin', async () => {
    const dir = folder({ ...WITH_TEMPLATES, 'Templates old/202101011000 Copy.md': '' });
    const result = await runJson(['check', dir, '--exclude', 'Templates']);
    expect((result.json as CheckJson).problems.map((p) => [p.kind, p.file])).toStrictEqual([
      ['ambiguous-id', '202101010900 Alpha.md'],
      ['duplicate-id', '202101011000 Beta.md'],
    ]);
    const lowerCase = await run(['check', dir, '--exclude', 'templates', '--json']);
    expect(JSON.parse(lowerCase.stdout)).toMatchObject({ notes: 5 });
    expect(lowerCase.stderr).toContain('warning: --exclude templates: no file of the vault is in it');
  });

  it('warns of a folder no file of the vault is in, so a typo does not pass unseen', async () => {
    const dir = folder(WITH_TEMPLATES);
    const result = await run(['check', dir, '--exclude', 'Templates', '--exclude', 'Templtes']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('principle-chain: warning: --exclude Templtes: no file of the vault is in it; give folders relative to the vault, with /.\n');
  });

  it('says so when every note is in an excluded folder', async () => {
    const dir = folder({ 'Templates/202101010900 A.md': '', 'Archive/202101011000 B.md': '' });
    const result = await run(['check', dir, '--exclude', 'Templates', '--exclude', 'Archive']);
    expect(result).toStrictEqual({
      code: 1,
      stdout: '',
      stderr:
        `principle-chain: No Markdown notes in ${dir} outside the excluded folders (Templates, Archive), which hold 2 notes. ` +
        'Give other folders to exclude, or the vault with --vault DIR or as VAULT.\n',
    });
  });
});

/** Notes that carry their IDs in the frontmatter property `uid`, as some vaults do. */
const WITH_UIDS = {
  'Alpha.md': '---\nuid: 202101010900\n---\nBuilds on 202101011000.\n',
  'Beta.md': '---\nuid: 202101011000\ntags: [x]\n---\nBack to 202101010900.\n',
};

describe('--frontmatter-key KEY and --id-sources LIST', () => {
  it('reads the IDs of a vault that keeps them in another frontmatter property, and suggests it when not given', async () => {
    const dir = folder(WITH_UIDS);
    const without = await run(['check', dir]);
    expect(without.code).toBe(1);
    expect(without.stderr).toBe(
      `principle-chain: No note has a 12-digit ID in ${dir} (2 notes read); try --frontmatter-key uid (2 of them have a 12-digit ID in their frontmatter property "uid").\n`,
    );
    const given = await runJson(['check', dir, '--frontmatter-key', 'uid']);
    expect(given).toStrictEqual({ code: 0, json: expect.objectContaining({ notes: 2, notesWithId: 2, references: 2, resolved: 2 }) as unknown });
    expect((await runJson(['chain', '202101010900', '--vault', dir, '--frontmatter-key', ' uid '])).json).toMatchObject({ note: { path: 'Alpha.md' }, out: [{ path: 'Beta.md' }] });
  });

  it('takes the sources in the order given, first match wins, as the plugin does', async () => {
    const dir = folder({ '202101010900 A.md': '---\nid: 202101011111\n---\nText.\n', '202101011000 B.md': 'See 202101010900 and 202101011111.\n' });
    const ids = async (...argv: string[]) => ((await runJson(['graph', '--vault', dir, ...argv])).json as GraphJson).nodes.filter((n) => n.path === '202101010900 A.md').map((n) => n.id);
    expect(await ids()).toStrictEqual(['202101010900']);
    expect(await ids('--id-sources', 'frontmatter,filename')).toStrictEqual(['202101011111']);
    expect(await ids('--id-sources', ' frontmatter , folder ')).toStrictEqual(['202101011111']);
    expect(await ids('--id-sources', 'filename')).toStrictEqual(['202101010900']);
    const frontmatterOnly = await runJson(['check', dir, '--id-sources', 'frontmatter']);
    expect(frontmatterOnly.json).toMatchObject({ notesWithId: 1, resolved: 1, unresolved: 1 });
  });

  it('says where IDs are read from when no source gives one, with the sources and key given', async () => {
    const dir = folder({ 'Reading list.md': 'Books.\n' });
    expect((await run(['check', dir, '--id-sources', 'folder,frontmatter', '--frontmatter-key', 'uid'])).stderr).toBe(
      `principle-chain: No note has a 12-digit ID in ${dir} (1 note read); a note's ID is read from its folder (202104291524/README.md) ` +
        'or from its frontmatter property "uid" (choose with --id-sources and --frontmatter-key); for other IDs give --id-format 14, denote or a REGEX.\n',
    );
  });

  it('suggests adding frontmatter to the sources when the IDs are there and it is not among them', async () => {
    const dir = folder(WITH_UIDS);
    expect((await run(['check', dir, '--id-sources', 'filename,folder'])).stderr).toMatch(/; try --frontmatter-key uid --id-sources filename,folder,frontmatter \(2 of them/);
  });

  it.each([
    [['--id-sources', 'filename,body'], '--id-sources must list some of filename, folder, frontmatter, each once, not "filename,body".'],
    [['--id-sources', 'filename,filename'], '--id-sources must list some of filename, folder, frontmatter, each once, not "filename,filename".'],
    [['--id-sources', ''], '--id-sources must list some of filename, folder, frontmatter, each once, not "".'],
    [['--id-sources', 'filename,'], '--id-sources must list some of filename, folder, frontmatter, each once, not "filename,".'],
    [['--frontmatter-key', ' '], '--frontmatter-key must not be empty, not " ".'],
    [['--frontmatter-key', 'a:b'], '--frontmatter-key must not hold ":" (a frontmatter line is read as key: value at its first colon, so such a key is never found), not "a:b".'],
    [['--exclude', '/'], '--exclude must name a folder of the vault, not "/".'],
    [['--exclude', 'Templates', '--exclude', ''], '--exclude must name a folder of the vault, not "".'],
    [
      ['--frontmatter-key', 'uid', '--id-sources', 'filename,folder'],
      '--frontmatter-key uid would not be read: a note\'s own ID comes from filename, folder only. Add frontmatter to --id-sources, or leave --frontmatter-key out.',
    ],
  ])('%j is a usage error naming the value, before anything is read', async (argv, message) => {
    for (const command of [['check'], ['refs', 'a.md'], ['chain', '202101010900'], ['graph'], ['repair', '.', '--apply']]) {
      const result = await run([...command, ...argv], { fs: untouchable });
      expect(result).toStrictEqual({ code: 2, stdout: '', stderr: `principle-chain: ${message}\nRun "principle-chain ${command[0]} --help" for usage.\n` });
    }
  });
});
