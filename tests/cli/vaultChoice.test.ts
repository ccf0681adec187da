/**
 * Which folder the tool reads and writes: the current folder unless a vault is named, never an
 * empty name, never a silent default for `repair --apply`; and a folder with nothing to check says
 * so instead of passing as "No problems found".
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { VaultFs } from '../../src/cli/vaultFs';
import { nodeVaultFs } from '../../src/cli/vaultFs';
import { EXAMPLE_VAULT, run, runJson, scratchFolders } from './harness';

const folder = scratchFolders('pc-vault-choice-');
function copyOfExampleVault(): string {
  const dir = folder();
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  return dir;
}

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));

/** A file system that fails the test if anything is read: for arguments rejected before any I/O. */
const untouchable: VaultFs = {
  kind: () => Promise.reject(new Error('the vault was looked at')),
  list: () => Promise.reject(new Error('the vault was listed')),
  read: () => Promise.reject(new Error('a note was read')),
};

describe('the vault is the current folder unless one is named', () => {
  it('reads the current folder with no --vault and no VAULT', async () => {
    const dir = folder({ '202101010900 A.md': 'See 202101011000.\n', '202101011000 B.md': 'Back to 202101010900.\n' });
    const { code, json } = await runJson(['check'], { cwd: dir });
    expect(code).toBe(0);
    expect(json).toMatchObject({ notes: 2, notesWithId: 2, references: 2, resolved: 2 });
  });

  it('reads the named vault, relative to the current folder, over the current folder', async () => {
    const dir = folder({ 'vault/202101010900 A.md': 'Alone.\n', 'elsewhere.md': 'No ID here.\n' });
    expect((await runJson(['check', '--vault', 'vault'], { cwd: dir })).json).toMatchObject({ notes: 1, notesWithId: 1 });
    expect((await runJson(['check', 'vault'], { cwd: dir })).json).toMatchObject({ notes: 1, notesWithId: 1 });
  });

  it.each([
    ['--vault ""', ['check', '--vault', '']],
    ['--vault=', ['check', '--vault=']],
    ['an empty VAULT for check', ['check', '']],
    ['an empty VAULT for repair', ['repair', '']],
    ['an empty VAULT for repair --apply', ['repair', '', '--apply']],
    ['--vault= for repair --apply', ['repair', '--apply', '--vault=']],
    ['--vault= for refs', ['refs', 'x.md', '--vault=']],
    ['--vault= for chain', ['chain', '202201100900', '--vault=']],
  ])('%s is a usage error (exit 2) and nothing is read or written', async (_name, argv) => {
    const result = await run(argv, { fs: untouchable });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^principle-chain: The vault folder is empty text; name a folder \(\. for the current one\)\.\n/);
  });

  it('repair --apply without a named vault writes nothing, not even in the current folder', async () => {
    const dir = copyOfExampleVault();
    const before = snapshot(dir);
    const result = await run(['repair', '--apply'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^principle-chain: repair --apply needs the vault named: give --vault DIR or VAULT \(\. for the current folder\)\.\n/);
    expect(snapshot(dir)).toStrictEqual(before);
  });

  it.each([[['repair', '.', '--apply']], [['repair', '--apply', '--vault', '.']]])('%j writes the current folder when it is named', async (argv) => {
    const dir = copyOfExampleVault();
    const before = snapshot(dir);
    const result = await run(argv, { cwd: dir });
    expect(result.code).toBe(0);
    expect(snapshot(dir)).not.toEqual(before);
    expect((await runJson(['repair'], { cwd: dir })).json).toMatchObject({ files: [] });
  });

  it('a dry run of repair still defaults to the current folder', async () => {
    const dir = copyOfExampleVault();
    const { code, json } = await runJson(['repair'], { cwd: dir });
    expect(code).toBe(1);
    expect((json as { files: unknown[] }).files.length).toBeGreaterThan(0);
  });
});

describe('a folder with nothing to check says so and exits 1', () => {
  const commands: [string, string[]][] = [
    ['check', ['check']],
    ['repair', ['repair']],
    ['refs', ['refs', 'x.md']],
    ['chain', ['chain', '202201100900']],
  ];

  it.each(commands)('%s in a folder without Markdown', async (_name, argv) => {
    const dir = folder({ 'notes.txt': 'not Markdown', '.obsidian/app.md': '202101010900 hidden' });
    for (const json of [false, true]) {
      const result = await run(json ? [...argv, '--json'] : argv, { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `principle-chain: No Markdown notes in the current folder ${dir} (folders starting with "." and node_modules are skipped). ` +
          'Give the vault with --vault DIR or as VAULT.\n',
      );
    }
  });

  it.each(commands)('%s in a vault of 14-digit IDs read as 12 digits suggests --id-format 14', async (_name, argv) => {
    const dir = folder({ '20210101090000 A.md': 'See 20210101100000.\n', '20210101100000 B.md': 'Back.\n', 'Index.md': 'Start here.\n' });
    const result = await run([...argv, '--vault', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`principle-chain: No note has a 12-digit ID in ${dir} (3 notes read); try --id-format 14 (2 of them have a 14-digit ID).\n`);
  });

  it('the suggested format works', async () => {
    const dir = folder({ '20210101090000 A.md': 'See 20210101100000.\n', '20210101100000 B.md': 'Back.\n' });
    const { code, json } = await runJson(['check', '--vault', dir, '--id-format', '14']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ notes: 2, notesWithId: 2, resolved: 1 });
  });

  it('without a format that fits, says where IDs are read from', async () => {
    const dir = folder({ 'Reading list.md': 'Books.\n', 'zk-0001 Notes.md': 'Mentions zk-0002.\n' });
    const result = await run(['check', '--vault', dir, '--id-format', '14']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `principle-chain: No note has a 14-digit ID in ${dir} (2 notes read); a note's ID is read from the start of its file name ` +
        '(202104291524 Title.md), from its folder (202104291524/README.md) or from its frontmatter property "id" ' +
        '(choose with --id-sources and --frontmatter-key); for other IDs ' +
        'give --id-format 14, denote or a REGEX.\n',
    );
  });

  it('names the format it read with, and suggests the preset most notes fit, the first of a tie', async () => {
    const twelve = folder({ '202101010900 A.md': 'See 202101011000.\n', '202101011000 B.md': 'Back.\n' });
    expect((await run(['check', '--vault', twelve, '--id-format', 'denote'])).stderr).toBe(
      `principle-chain: No note has a Denote ID in ${twelve} (2 notes read); try --id-format 12 (2 of them have a 12-digit ID).\n`,
    );
    expect((await run(['check', '--vault', twelve, '--id-format', 'ZK-\\d{1,6}'])).stderr).toBe(
      `principle-chain: No note has a --id-format ZK-\\d{1,6} ID in ${twelve} (2 notes read); try --id-format 12 (2 of them have a 12-digit ID).\n`,
    );
    const mostlyDenote = folder({ '20210101090000 A.md': '', '20210101T090000--b.md': '', '20210101T100000--c.md': '' });
    expect((await run(['check', '--vault', mostlyDenote])).stderr).toMatch(/; try --id-format denote \(2 of them have a Denote ID\)\.\n$/);
    const tie = folder({ '20210101090000 A.md': '', '20210101T090000--b.md': '' });
    expect((await run(['check', '--vault', tie])).stderr).toMatch(/; try --id-format 14 \(1 of them have a 14-digit ID\)\.\n$/);
  });

  it('counts the Markdown notes it could not read as notes, and nothing else it could not read', async () => {
    const dir = folder({ 'Reading list.md': 'Books.\n', 'notes.txt': 'not Markdown', 'locked/x.md': '' });
    writeFileSync(path.join(dir, 'broken.md'), Buffer.from([0xff]));
    const locked: VaultFs = { ...nodeVaultFs, list: (directory) => (directory.endsWith('locked') ? Promise.reject(new Error('EACCES')) : nodeVaultFs.list(directory)) };
    // One note read and one that could not be: Markdown was found, just no ID.
    expect((await run(['check', '--vault', dir, '--id-format', '14'], { fs: locked })).stderr).toMatch(
      new RegExp(`^principle-chain: No note has a 14-digit ID in ${dir} \\(1 note read\\); a note's ID is read from`),
    );
    // Only a folder that could not be listed and a text file: no Markdown at all.
    rmSync(path.join(dir, 'Reading list.md'));
    rmSync(path.join(dir, 'broken.md'));
    expect((await run(['check', '--vault', dir], { fs: locked })).stderr).toMatch(/^principle-chain: No Markdown notes in /);
  });

  it('a vault whose notes all have IDs but no references is fine', async () => {
    const dir = folder({ '202101010900 A.md': 'Alone.\n' });
    const result = await run(['check', '--vault', dir]);
    expect(result).toStrictEqual({ code: 0, stdout: '1 note (1 with an ID), 0 references: 0 resolved, 0 unresolved, 0 ambiguous.\nNo problems found.\n', stderr: '' });
  });

  it('a vault whose only notes cannot be read reports them as problems instead', async () => {
    const dir = folder({ '202101010900 A.md': '' });
    writeFileSync(path.join(dir, '202101010900 A.md'), Buffer.from([0xff, 0xfe, 0x00]));
    const { code, json } = await runJson(['check', '--vault', dir], { fs: nodeVaultFs });
    expect(code).toBe(1);
    expect((json as { problems: { kind: string }[] }).problems.map((p) => p.kind)).toStrictEqual(['unreadable-file']);
  });
});
