import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { REPOSITORY, run } from './harness';
import { approvalsIn } from '../approval';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'principle-chain-bad-'));
  writeFileSync(path.join(scratch, 'plain-file.md'), 'not a folder');
  writeFileSync(path.join(scratch, 'notes.txt'), 'not a note');
  writeFileSync(path.join(scratch, '202101010900 A note.md'), 'So the folder is a vault.\n');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bad input: exit 2, a clear message on stderr, nothing on stdout, no stack trace', () => {
  it.each<[string, () => string[], RegExp]>([
    ['no command', () => [], new RegExp(`No command given; the commands are ${COMMANDS.map((c) => c.name).join(', ')}\\.`)],
    ['an unknown command', () => ['chek'], /Unknown command "chek"\. Did you mean "check"\?/],
    ['an unknown option', () => ['check', '--jsn'], /Unknown option --jsn\. Did you mean --json\?/],
    ['an option of another command', () => ['check', '--depth', '2'], /check does not take --depth\./],
    ['a missing vault', () => ['check', '--vault', path.join(scratch, 'nowhere')], /Vault folder not found: .*nowhere/],
    ['a vault that is a file', () => ['check', '--vault', path.join(scratch, 'plain-file.md')], /The vault must be a folder, but .*plain-file\.md is not one\./],
    ['the vault given twice', () => ['check', 'example-vault', '--vault', 'example-vault'], /either as VAULT or with --vault, not both/],
    ['two vaults', () => ['check', 'example-vault', 'other-vault'], /check takes at most one VAULT folder\./],
    ['a pattern that can hang', () => ['check', '--id-format', '(x|x){1,20}y'], /--id-format "\(x\|x\)\{1,20\}y" cannot be used: The pattern (is too complex|can match the same text in more than one way)/],
    ['a pattern that spans words', () => ['check', '--id-format', '.{12}'], /--id-format "\.\{12\}" cannot be used: The pattern can match a space or a line break/],
    ['a pattern that does not compile', () => ['check', '--id-format', '[0-9'], /--id-format "\[0-9" cannot be used: The pattern does not compile/],
    ['a pattern matching empty text', () => ['check', '--id-format', '\\d*'], /can match empty text/],
    ['refs without a FILE', () => ['refs'], /refs needs at least one FILE\./],
    ['a missing FILE', () => ['refs', 'No such note.md'], /No such file: No such note\.md \(looked in the vault .*example-vault and in the current folder\)\./],
    ['a FILE outside the vault', () => ['refs', path.join(REPOSITORY, 'package.json')], /package\.json is outside the vault/],
    ['a FILE that is a folder', () => ['refs', '202203011000'], /202203011000 is a folder, not a note\./],
    ['a FILE that is the vault itself', () => ['refs', '.'], /^principle-chain: \. is a folder, not a note\./],
    ['a FILE that is no note', () => ['refs', '--vault', scratch, 'notes.txt'], /notes\.txt is not a note of the vault: notes are \.md files outside folders whose name starts with "\.", node_modules and symlinked folders \(not followed\)\./],
    ['an empty FILE', () => ['refs', ''], /^principle-chain: The note is empty text; name a note of the vault\./],
    ['an empty ID or PATH', () => ['chain', ' '], /^principle-chain: The note is empty text; name a note of the vault\./],
    ['a link style repair does not know', () => ['repair', '--link-style', 'wiki'], /--link-style must be one of off, wikilink, bare, not "wiki"\./],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^principle-chain: /);
    const named = ['check', 'refs', 'chain', 'graph', 'repair'].find((c) => argv().includes(c));
    expect(result.stderr).toMatch(new RegExp(`Run "principle-chain${named === undefined ? '' : ` ${named}`} --help" for usage\\.\\n$`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns on stderr, and goes on, when the ID pattern matches ordinary words', async () => {
    const result = await run(['check', '--id-format', '[a-z]{2,3}']);
    expect(result.stderr).toMatch(/^principle-chain: warning: The pattern matches ordinary words such as "met", "on", "and"/);
    // Not a usage error: the check runs (and finds that no note is named by such an ID).
    expect(result.code).not.toBe(2);
  });

  it('says so when the current folder, the default vault, is gone', async () => {
    const result = await run(['check'], { cwd: path.join(scratch, 'deleted') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^principle-chain: Vault folder not found: .*deleted\n/);
  });

  it('reports an unexpected failure in one line, without a stack trace', async () => {
    const failing = { kind: () => Promise.reject(new Error('disk on fire')), list: () => Promise.resolve([]), read: () => Promise.resolve(new Uint8Array()) };
    const result = await run(['check'], { fs: failing });
    expect(result).toStrictEqual({ code: 2, stdout: '', stderr: 'principle-chain: unexpected error: disk on fire\n' });
  });
});

describe('help and version', () => {
  it.each([[['--help']], [['-h']]])('%j prints the overall help', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: principle-chain COMMAND \[options\]/);
    for (const command of ['check', 'refs', 'chain']) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
  });

  it.each(['check', 'refs', 'chain'])('%s --help prints its usage and options', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: principle-chain ${command} `));
    expect(result.stdout).toContain('--vault DIR');
    expect(result.stdout).toContain('--id-format 12|14|denote|REGEX');
  });

  // What users read before they run a command (and what the README quotes): any change shows in review.
  it.each([['overall', ['--help']], ...COMMANDS.map((c) => [c.name, [c.name, '--help']] as [string, string[]])])('the %s help reads as approved', async (name, argv) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectApproved(`help-${name}.txt`, result.stdout);
  });

  it('help alone prints the overall help, as --help does', async () => {
    expect(await run(['help'])).toStrictEqual(await run(['--help']));
    expect((await run(['help'])).code).toBe(0);
  });

  it.each(['check', 'refs', 'chain', 'graph', 'repair'])('help %s prints what %s --help prints', async (command) => {
    const result = await run(['help', command]);
    expect(result).toStrictEqual(await run([command, '--help']));
    expect(result.stdout).toMatch(new RegExp(`^Usage: principle-chain ${command} `));
  });

  it('help with a command it does not know, or with two, is a usage error that names the commands', async () => {
    const unknown = await run(['help', 'chian']);
    expect(unknown).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: 'principle-chain: No command "chian". Did you mean "chain"? Give one of check, refs, chain, graph, repair, or nothing for the overall help.\nRun "principle-chain --help" for usage.\n',
    });
    expect((await run(['help', 'xyz'])).stderr).toBe(
      'principle-chain: No command "xyz". Give one of check, refs, chain, graph, repair, or nothing for the overall help.\nRun "principle-chain --help" for usage.\n',
    );
    const two = await run(['help', 'check', 'refs']);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe('');
    expect(two.stderr).toContain('help takes one command.');
  });

  it('help takes no option but --help, as the other commands refuse options not theirs', async () => {
    expect(await run(['help', 'check', '--json'])).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: 'principle-chain: help does not take --json.\nRun "principle-chain check --help" for usage.\n',
    });
    expect(await run(['help', '--help'])).toStrictEqual(await run(['--help']));
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toStrictEqual({ code: 0, stdout: '9.9.9-test\n', stderr: '' });
  });
});
