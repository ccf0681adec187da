import { spawnSync } from 'child_process';
import { chmodSync, closeSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { createNodeAtomicWriter, type AtomicWriter } from '../../src/cli/atomicWrite';
import { createRepairCommand } from '../../src/cli/commands/repair';
import { loadVault } from '../../src/cli/loadVault';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { EXAMPLE_VAULT, run, runJson } from '../cli/harness';
import { approvalsIn } from '../approval';
import { defaultVaultSettings } from '../../src/cli/vaultSettings';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));

const copies: string[] = [];
function copyOfExampleVault(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-'));
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.md')).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));

/** `repair --apply --json` on `dir` with the command's writer replaced, as the tool runs it otherwise. */
async function applyWithWriter(dir: string, writerFor: (root: string) => AtomicWriter): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: dir, defaultVault: dir, version: '0', fs: nodeVaultFs };
  const code = await createRepairCommand(writerFor).run({
    io,
    positionals: [],
    options: new Map([['apply', true]]),
    json: true,
    configDir: '.obsidian',
    loadVault: () => loadVault(dir, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs),
  });
  return { code, stdout, stderr };
}

interface RepairJson {
  files: { file: string; edits: { kind: string; line: number; from: number; to: number; before: string; after: string }[] }[];
  problems: { kind: string; file: string; line: number; id: string | null; message: string }[];
  applied: boolean;
}

describe('principle-chain repair', () => {
  it('plans the example vault: one edit of each kind, the problems it leaves, and writes nothing (approved)', async () => {
    const before = snapshot(EXAMPLE_VAULT);
    const text = await run(['repair']);
    expect(text.code).toBe(1);
    expectApproved('example-vault-plan.txt', text.stdout);
    const { code, json } = await runJson(['repair']);
    const plan = json as RepairJson;
    expect(code).toBe(1);
    expect(Object.keys(plan)).toStrictEqual(['files', 'problems', 'applied']);
    expect(plan.applied).toBe(false);
    expect(plan.files.flatMap((f) => f.edits.map((e) => e.kind)).sort()).toStrictEqual(['broken-id', 'stale-link-target', 'stale-title']);
    expect(Object.keys(plan.files[0].edits[0])).toStrictEqual(['kind', 'line', 'from', 'to', 'before', 'after']);
    expect(plan.problems.map((p) => p.kind)).toStrictEqual(['duplicate-id', 'duplicate-id', 'unresolved-id', 'unresolved-id']);
    expect(snapshot(EXAMPLE_VAULT)).toStrictEqual(before);
  });

  it('--apply writes exactly the planned spans, and a second run has nothing left', async () => {
    const dir = copyOfExampleVault();
    const before = snapshot(dir);
    const planned = (await runJson(['repair', '--vault', dir])).json as RepairJson;
    const { code, json } = await runJson(['repair', '--vault', dir, '--apply']);
    expect(code).toBe(0);
    expect((json as RepairJson).applied).toBe(true);
    const after = snapshot(dir);
    for (const name of Object.keys(before)) {
      const file = planned.files.find((f) => f.file === name);
      let expected = before[name];
      for (const edit of [...(file?.edits ?? [])].reverse()) expected = expected.slice(0, edit.from) + edit.after + expected.slice(edit.to);
      expect(after[name]).toBe(expected);
    }
    const again = await runJson(['repair', '--vault', dir]);
    expect(again.code).toBe(0);
    expect((again.json as RepairJson).files).toStrictEqual([]);
    const check = (await runJson(['check', '--vault', dir])).json as { problems: { kind: string }[] };
    expect(check.problems.map((p) => p.kind)).not.toContain('stale-link');
    expect(readdirSync(dir).filter((n) => n.includes('repair-tmp'))).toStrictEqual([]);
  });

  it('--apply leaves a file that changed after planning, says so, and exits 1', async () => {
    const dir = copyOfExampleVault();
    const target = '202208021000 Meetings need an owner and an end.md';
    const theirs = 'Rewritten by someone else.\n';
    const meddling = (root: string): AtomicWriter => ({
      async replaceIfUnchanged(absolutePath, expected, next) {
        if (absolutePath.endsWith(target)) writeFileSync(absolutePath, theirs);
        return createNodeAtomicWriter({ root }).replaceIfUnchanged(absolutePath, expected, next);
      },
    });
    const { code, stdout, stderr } = await applyWithWriter(dir, meddling);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as RepairJson).applied).toBe(false);
    expect(stderr).toBe(`Not written: ${target}: it changed since the repair was planned; run the repair again\n`);
    expect(readFileSync(path.join(dir, target), 'utf8')).toBe(theirs);
  });

  it('--apply keeps a note another program writes just before the swap, and says so in full', async () => {
    const dir = copyOfExampleVault();
    const target = '202208021000 Meetings need an owner and an end.md';
    const theirs = 'Rewritten by someone else.\n';
    // Past the tool's last check, the note is replaced, then the other program's text is put back.
    const racing = (root: string): AtomicWriter =>
      createNodeAtomicWriter({
        root,
        onStep: (step, notePath) => {
          if (step === 'before-rename' && notePath.endsWith(target)) writeFileSync(path.join(dir, target), theirs);
        },
      });
    const { code, stderr } = await applyWithWriter(dir, racing);
    expect(code).toBe(1);
    expect(stderr).toBe(`Not written: ${target}: another program wrote to it while it was being repaired; its text was kept and the repair was not written\n`);
    expect(readFileSync(path.join(dir, target), 'utf8')).toBe(theirs);
  });

  it('--apply goes on past a writer that throws: that note is named with the error, left as it was, and the others are written', async () => {
    const dir = copyOfExampleVault();
    const failing = '202208021000 Meetings need an owner and an end.md';
    const planned = (await runJson(['repair', '--vault', dir])).json as RepairJson;
    const others = planned.files.map((f) => f.file).filter((name) => name !== failing);
    expect(planned.files.map((f) => f.file)).toContain(failing);
    expect(others.length).toBeGreaterThan(0);
    const before = snapshot(dir);
    const throwing = (root: string): AtomicWriter => ({
      async replaceIfUnchanged(absolutePath, expected, next) {
        if (absolutePath.endsWith(failing)) throw new Error('EIO: i/o error, write');
        return createNodeAtomicWriter({ root }).replaceIfUnchanged(absolutePath, expected, next);
      },
    });
    const { code, stdout, stderr } = await applyWithWriter(dir, throwing);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as RepairJson).applied).toBe(false);
    expect(stderr).toBe(`Not written: ${failing}: EIO: i/o error, write\n`);
    const after = snapshot(dir);
    expect(after[failing]).toBe(before[failing]);
    for (const name of others) expect(after[name]).not.toBe(before[name]);
  });

  it('--apply with the tool\'s own writer: a note another program wrote after it was read is left and named; the others are swapped in whole', async () => {
    const dir = copyOfExampleVault();
    const changed = '202208021000 Meetings need an owner and an end.md';
    const theirs = 'Rewritten by someone else.\n';
    const planned = (await runJson(['repair', '--vault', dir])).json as RepairJson;
    const written = planned.files.map((f) => f.file).filter((name) => name !== changed);
    expect(planned.files.map((f) => f.file)).toContain(changed);
    expect(written.length).toBeGreaterThan(0);
    // A reader that opened a note before the run: a swapped-in file leaves it reading the old text whole.
    const reader = openSync(path.join(dir, written[0]), 'r');
    const old = readFileSync(path.join(dir, written[0]), 'utf8');
    try {
      // Another program writes the note right after the tool has read it, before the tool writes.
      const meddlingFs: VaultFs = {
        ...nodeVaultFs,
        async read(absolutePath) {
          const bytes = await nodeVaultFs.read(absolutePath);
          if (absolutePath.endsWith(changed)) writeFileSync(absolutePath, theirs);
          return bytes;
        },
      };
      const result = await run(['repair', '--vault', dir, '--apply'], { fs: meddlingFs });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Not written: ${changed}: it changed since the repair was planned`);
      expect(readFileSync(path.join(dir, changed), 'utf8')).toBe(theirs);
      expect(readFileSync(path.join(dir, written[0]), 'utf8')).not.toBe(old);
      expect(readFileSync(reader, 'utf8')).toBe(old);
    } finally {
      closeSync(reader);
    }
  });

  it('--apply skips a read-only note and names it, and removes temporary files an interrupted run left', async () => {
    const dir = copyOfExampleVault();
    const target = '202208021000 Meetings need an owner and an end.md';
    chmodSync(path.join(dir, target), 0o444);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const leftover = `.${target}.${gone}-a1.repair-tmp`;
    writeFileSync(path.join(dir, leftover), 'half a note');
    const before = readFileSync(path.join(dir, target), 'utf8');
    const result = await run(['repair', '--vault', dir, '--apply']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Not written: ${target}: it is read-only`);
    expect(result.stderr).toContain(`Removed 1 temporary file left by an interrupted repair: ${leftover}`);
    expect(readFileSync(path.join(dir, target), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('repair-tmp'))).toStrictEqual([]);
  });

  it('check and repair agree on which links are stale: a folder link to a note file, case and normalisation variants', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-agree-'));
    copies.push(dir);
    const notes: Record<string, string> = {
      '202101050000.md': '',
      '202101040005 Old Title.md': '',
      '202101040006 Cafe\u0301.md': '',
      's.md': '[a](/202101050000/) [[202101040005 old title]] [[202101040006 CAFÉ]] [b](202101040005%20Gone.md)\n',
    };
    for (const [name, text] of Object.entries(notes)) writeFileSync(path.join(dir, name), text);
    const check = (await runJson(['check', '--vault', dir])).json as { problems: { kind: string; file: string; line: number }[] };
    const repair = (await runJson(['repair', '--vault', dir])).json as RepairJson;
    const stale = check.problems.filter((p) => p.kind === 'stale-link');
    expect(stale).toHaveLength(2);
    expect(repair.files.flatMap((f) => f.edits.map((e) => `${e.kind} ${e.before} → ${e.after}`))).toStrictEqual([
      'stale-link-target /202101050000/ → /202101050000',
      'stale-link-target 202101040005%20Gone.md → 202101040005%20Old%20Title.md',
    ]);
  });

  it('warns on stderr about a damaged repair.json, uses what it can, and leaves the file as it is', async () => {
    const dir = copyOfExampleVault();
    const state = path.join(dir, '.obsidian', 'plugins', 'principle-chain', 'repair.json');
    const damaged = readFileSync(state, 'utf8').slice(0, 40);
    writeFileSync(state, damaged);
    const result = await run(['repair', '--vault', dir]);
    // Nothing of a cut-off file can be used, and the warning says so.
    expect(result.stderr).toContain('principle-chain: warning: .obsidian/plugins/principle-chain/repair.json was not used, as it is not valid JSON (cut short or damaged); stale titles need its rename history.\n');
    expect(readFileSync(state, 'utf8')).toBe(damaged);
  });

  it('warns about a repair.json damaged in part and uses the rename history it could read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-partial-'));
    copies.push(dir);
    const state = path.join(dir, '.obsidian', 'plugins', 'principle-chain', 'repair.json');
    mkdirSync(path.dirname(state), { recursive: true });
    writeFileSync(state, JSON.stringify({ version: 1, renameHistory: { '202104291524': ['Old'], '202104291525': 7 }, lastRun: null }));
    writeFileSync(path.join(dir, '202104291524 New.md'), 'x\n');
    writeFileSync(path.join(dir, '202201010102 In.md'), 'See 202104291524 Old\n');
    const result = await run(['repair', '--vault', dir, '--json']);
    expect(result.stderr).toBe('principle-chain: warning: .obsidian/plugins/principle-chain/repair.json is damaged (part of the rename history is malformed); only what could be read of its rename history is used.\n');
    expect((JSON.parse(result.stdout) as RepairJson).files.map((f) => f.edits.map((e) => e.kind))).toStrictEqual([['stale-title']]);
  });

  it('normalises link style on request, and rejects an unknown style', async () => {
    const plan = (await runJson(['repair', '--link-style', 'wikilink'])).json as RepairJson;
    const styled = plan.files.flatMap((f) => f.edits).filter((e) => e.kind === 'link-style');
    expect(styled.length).toBeGreaterThan(10);
    expect(styled.every((e) => e.after.startsWith('[[') && e.after.endsWith(']]'))).toBe(true);
    expect((await run(['repair', '--link-style', 'fancy'])).code).toBe(2);
  });

  it('warns about a repair.json it cannot read, plans without its history, and leaves the file as it is', async () => {
    const dir = copyOfExampleVault();
    const state = path.join(dir, '.obsidian', 'plugins', 'principle-chain', 'repair.json');
    const unreadable = Buffer.concat([readFileSync(state), Buffer.from([0xff])]);
    writeFileSync(state, unreadable);
    const { code, json } = await runJson(['repair', '--vault', dir]);
    expect(code).toBe(1);
    expect((json as RepairJson).files.flatMap((f) => f.edits.map((e) => e.kind))).not.toContain('stale-title');
    const result = await run(['repair', '--vault', dir]);
    expect(result.stderr).toBe(
      'principle-chain: warning: .obsidian/plugins/principle-chain/repair.json was not used, as it is not valid UTF-8 text; stale titles need its rename history.\n',
    );
    expect(readFileSync(state)).toStrictEqual(unreadable);
    // A folder where the file should be cannot be read at all.
    rmSync(state);
    mkdirSync(state);
    expect((await run(['repair', '--vault', dir])).stderr).toMatch(
      /^principle-chain: warning: \.obsidian\/plugins\/principle-chain\/repair\.json was not used, as it cannot be read \(EISDIR: [^\n]*\); stale titles need its rename history\.\n$/,
    );
  });

  it('finds no stale titles without the rename history, says nothing of a missing repair.json, and rejects two vaults', async () => {
    const dir = copyOfExampleVault();
    rmSync(path.join(dir, '.obsidian'), { recursive: true });
    const result = await run(['repair', '--vault', dir, '--json']);
    expect(result.stderr).toBe('');
    const plan = JSON.parse(result.stdout) as RepairJson;
    expect(plan.files.flatMap((f) => f.edits.map((e) => e.kind))).not.toContain('stale-title');
    expect((await run(['repair', dir, '--vault', dir])).code).toBe(2);
  });

  it('a dry run leaves the temporary files of an interrupted run alone; --apply names how many it removed', async () => {
    const dir = copyOfExampleVault();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const leftovers = ['a', 'b'].map((n) => `.202208021000 Meetings need an owner and an end.md.${gone}-${n}1.repair-tmp`);
    leftovers.forEach((name) => writeFileSync(path.join(dir, name), 'half a note'));
    const dry = await run(['repair', '--vault', dir]);
    expect([dry.stderr, readdirSync(dir).filter((n) => n.endsWith('.repair-tmp')).sort()]).toStrictEqual(['', leftovers.sort()]);
    const applied = await run(['repair', '--vault', dir, '--apply']);
    expect(applied.stderr).toBe(`Removed 2 temporary files left by an interrupted repair: ${leftovers.join(', ')}\n`);
    const again = await run(['repair', '--vault', dir, '--apply']);
    expect([again.code, again.stderr]).toStrictEqual([0, '']);
  });

  it('names on stderr show their control characters as escapes, as stdout does: no forged line, no terminal command', async () => {
    const dir = copyOfExampleVault();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path.join(dir, `.n\x1b[31mX.md.${gone}-a1.repair-tmp`), 'junk');
    const failing = '202208021000 Meetings need an owner and an end.md';
    const throwing = (root: string): AtomicWriter => ({
      async replaceIfUnchanged(absolutePath, expected, next) {
        if (absolutePath.endsWith(failing)) throw new Error("EACCES: open '/v/evil\nFAKE: all good'");
        return createNodeAtomicWriter({ root }).replaceIfUnchanged(absolutePath, expected, next);
      },
    });
    const { stderr } = await applyWithWriter(dir, throwing);
    expect(stderr).toBe(
      `Removed 1 temporary file left by an interrupted repair: .n\\x1b[31mX.md.${gone}-a1.repair-tmp\n` +
        `Not written: ${failing}: EACCES: open '/v/evil\\nFAKE: all good'\n`,
    );
  });

  it('reads the rename history from --config-dir, and rejects a name that is no folder inside the vault', async () => {
    const dir = copyOfExampleVault();
    cpSync(path.join(dir, '.obsidian'), path.join(dir, '.config'), { recursive: true });
    rmSync(path.join(dir, '.obsidian'), { recursive: true });
    const kinds = async (...options: string[]) =>
      ((await runJson(['repair', '--vault', dir, ...options])).json as RepairJson).files.flatMap((f) => f.edits.map((e) => e.kind));
    expect(await kinds()).not.toContain('stale-title');
    expect(await kinds('--config-dir', '.config')).toContain('stale-title');
    for (const bad of ['', ' ', '..', 'a/b', 'a\\b']) {
      const result = await run(['repair', '--vault', dir, '--config-dir', bad]);
      expect([bad, result.code, result.stderr]).toStrictEqual([bad, 2, expect.stringContaining(`--config-dir takes the name of a folder inside the vault, like .obsidian, not "${bad}".`)]);
    }
    expect((await run(['repair', '--vault', dir, '--config-dir'])).code).toBe(2);
  });

  it('a sound repair.json with an empty rename history draws no warning', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-empty-history-'));
    copies.push(dir);
    const state = path.join(dir, '.obsidian', 'plugins', 'principle-chain', 'repair.json');
    mkdirSync(path.dirname(state), { recursive: true });
    writeFileSync(state, JSON.stringify({ version: 1, renameHistory: {}, lastRun: null }));
    writeFileSync(path.join(dir, '202201010102 In.md'), 'x\n');
    const result = await run(['repair', '--vault', dir]);
    expect([result.code, result.stderr]).toStrictEqual([0, '']);
  });

  it('a sound repair.json draws no warning', async () => {
    const result = await run(['repair', '--vault', copyOfExampleVault()]);
    expect(result.stderr).toBe('');
  });

  it('rejects a second VAULT, VAULT with --vault, and --link-style without a style, saying why', async () => {
    const dir = copyOfExampleVault();
    const two = await run(['repair', dir, dir]);
    const both = await run(['repair', dir, '--vault', dir]);
    const bare = await run(['repair', dir, '--link-style']);
    expect([two.code, both.code, bare.code]).toStrictEqual([2, 2, 2]);
    expect(two.stderr).toContain('repair takes at most one VAULT folder.');
    expect(both.stderr).toContain('Give the vault either as VAULT or with --vault, not both.');
  });

  it('--apply writes a note and a symbolic link to it once, and both are written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-link-'));
    copies.push(dir);
    mkdirSync(path.join(dir, '.obsidian', 'plugins', 'principle-chain'), { recursive: true });
    writeFileSync(path.join(dir, '.obsidian', 'plugins', 'principle-chain', 'repair.json'), JSON.stringify({ version: 1, renameHistory: { '202104291524': ['Old'] }, lastRun: null }));
    writeFileSync(path.join(dir, '202104291524 New.md'), 'x\n');
    writeFileSync(path.join(dir, '202201010102 In.md'), 'See 202104291524 Old\n');
    symlinkSync('202201010102 In.md', path.join(dir, '202201010103 Link.md'));
    const { code, stdout, stderr } = await run(['repair', '--vault', dir, '--apply']);
    expect([code, stderr]).toStrictEqual([0, '']);
    expect(stdout).toContain('Wrote 2 of 2 files.');
    expect(readFileSync(path.join(dir, '202201010102 In.md'), 'utf8')).toBe('See 202104291524 New\n');
    expect(lstatSync(path.join(dir, '202201010103 Link.md')).isSymbolicLink()).toBe(true);
  });

  it('--apply writes a note linked from another folder as planned from its own folder, and says why not from the link\'s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-link-'));
    copies.push(dir);
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', '202101010001 New.md'), 'x\n');
    writeFileSync(path.join(dir, 'notes', 'zreal.md'), 'See [m](202101010001%20Old.md)\n');
    // Listed first, in a/b: its plan's link goes up two folders.
    symlinkSync(path.join('..', '..', 'notes', 'zreal.md'), path.join(dir, 'a', 'b', 'alias.md'));
    const first = await run(['repair', '--vault', dir, '--apply']);
    expect(readFileSync(path.join(dir, 'notes', 'zreal.md'), 'utf8')).toBe('See [m](202101010001%20New.md)\n');
    expect([first.code, first.stderr]).toStrictEqual([1, 'Not written: a/b/alias.md: it is the same file as notes/zreal.md (a symbolic link), and that note\'s repairs were written to it\n']);
    const second = await run(['repair', '--vault', dir, '--apply']);
    expect([second.code, second.stderr]).toStrictEqual([0, '']);
    // Links right from the note's own folder and wrong from the link's: the file is left as it is.
    const ownFolder = 'See [m](./202101010001%20New.md)\n';
    writeFileSync(path.join(dir, 'notes', 'zreal.md'), ownFolder);
    const third = await run(['repair', '--vault', dir, '--apply']);
    expect(readFileSync(path.join(dir, 'notes', 'zreal.md'), 'utf8')).toBe(ownFolder);
    expect(third.stderr).toBe('Not written: a/b/alias.md: it is a symbolic link to notes/zreal.md, which needs no repair from its own folder\n');
    expect(lstatSync(path.join(dir, 'a', 'b', 'alias.md')).isSymbolicLink()).toBe(true);
  });

  it('--apply names a note whose file cannot be told (the writer fails), leaves it, and writes the others', async () => {
    const dir = copyOfExampleVault();
    const planned = ((await runJson(['repair', '--vault', dir])).json as RepairJson).files.map((f) => f.file);
    const [failing, ...others] = planned;
    expect(others.length).toBeGreaterThan(0);
    const before = snapshot(dir);
    const blind = (root: string): AtomicWriter => {
      const node = createNodeAtomicWriter({ root });
      return {
        fileOf: async (absolutePath) => (absolutePath.endsWith(failing) ? Promise.reject(new Error('EIO: i/o error, realpath')) : node.fileOf!(absolutePath)),
        replaceIfUnchanged: (absolutePath, expected, next) => node.replaceIfUnchanged(absolutePath, expected, next),
      };
    };
    const { code, stderr } = await applyWithWriter(dir, blind);
    expect([code, stderr]).toStrictEqual([1, `Not written: ${failing}: EIO: i/o error, realpath\n`]);
    const after = snapshot(dir);
    expect(after[failing]).toBe(before[failing]);
    for (const name of others) expect(after[name]).not.toBe(before[name]);
  });

  it('--apply writes one file once when two notes of different plans are that file, and names the second', async () => {
    const dir = copyOfExampleVault();
    const planned = ((await runJson(['repair', '--vault', dir])).json as RepairJson).files.map((f) => f.file);
    expect(planned.length).toBeGreaterThan(1);
    const [first, second] = planned;
    const before = snapshot(dir);
    // The second note's bytes live in the first's file (as a symbolic link's would), though its text differs.
    const oneFile = (root: string): AtomicWriter => {
      const node = createNodeAtomicWriter({ root });
      return {
        fileOf: async (absolutePath) => (absolutePath.endsWith(second) ? path.join(root, first) : absolutePath),
        replaceIfUnchanged: (absolutePath, expected, next) => node.replaceIfUnchanged(absolutePath, expected, next),
      };
    };
    const { code, stderr } = await applyWithWriter(dir, oneFile);
    expect(code).toBe(1);
    expect(stderr).toBe(`Not written: ${second}: it is the same file as ${first} (a symbolic link), and that note's repairs were written to it\n`);
    const after = snapshot(dir);
    expect(after[first]).not.toBe(before[first]);
    expect(after[second]).toBe(before[second]);
  });

  it('a note it cannot read keeps the ID its name gives: references to it are neither broken nor pointed elsewhere', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-repair-unreadable-'));
    copies.push(dir);
    writeFileSync(path.join(dir, '202201010101 Latin.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(path.join(dir, '202301010101 Latin.md'), 'x\n');
    writeFileSync(path.join(dir, '202201010105 Refs.md'), 'See 202201010101 Latin here.\n');
    const { code, json } = await runJson(['repair', '--vault', dir, '--apply']);
    const report = json as RepairJson;
    expect(report.files).toStrictEqual([]);
    expect(report.problems.map((p) => [p.kind, p.file])).toStrictEqual([['unreadable-file', '202201010101 Latin.md']]);
    // --apply exits 0 when every planned file is written: here there was none to write.
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, '202201010105 Refs.md'), 'utf8')).toBe('See 202201010101 Latin here.\n');
    // Beside a readable note of the same ID, the ID is a duplicate, not the readable note's alone.
    writeFileSync(path.join(dir, '202201010101 Readable.md'), 'y\n');
    const refs = (await runJson(['refs', '--vault', dir, '202201010105 Refs.md'])).json as { status: string }[];
    expect(refs.map((r) => r.status)).toStrictEqual(['ambiguous']);
  });

  it('lists a note it cannot read as a problem, in file and line order with the others', async () => {
    const dir = copyOfExampleVault();
    writeFileSync(path.join(dir, '000 bad.md'), Buffer.from([0x61, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'zz.md'), 'see 202201010000 nothing\n\nand 202201010001 none\n\nor 202201010002 either\n');
    const { problems } = (await runJson(['repair', '--vault', dir])).json as RepairJson;
    expect(problems[0]).toStrictEqual({ kind: 'unreadable-file', file: '000 bad.md', line: 1, id: null, message: '000 bad.md was left out: it is not valid UTF-8 text' });
    const order = problems.map((p) => [p.file, p.line] as const);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(order).toStrictEqual(sorted);
    expect(order.filter(([file]) => file === 'zz.md')).toStrictEqual([['zz.md', 1], ['zz.md', 3], ['zz.md', 5]]);
  });
});

