/**
 * The tool runs on the oldest Node.js package.json's "engines" allows (README: "Node.js 18 or
 * later"), not only on the Node that develops it: each command, run by that Node and by this one
 * on the same copy of the example vault, prints the same, exits the same and, for a repair, leaves
 * the same files. A Node API newer than the oldest (which type checks against this Node's types
 * would let pass) fails here. `.ci/run` fetches that Node (scripts/oldest-node.mjs) and names it
 * in PRINCIPLE_CHAIN_OLDEST_NODE; without it the suite is skipped, or fails when CI is set (as the
 * browser tests do without Chromium).
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { packagedTool, REPOSITORY } from './harness';

const OLDEST_NODE = process.env.PRINCIPLE_CHAIN_OLDEST_NODE;

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every file of the vault after the run, by path, as text. */
  readonly files: Record<string, string>;
}

function filesUnder(root: string, folder = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, filesUnder(root, relative));
    else files[relative] = readFileSync(path.join(root, relative), 'latin1');
  }
  return files;
}

/** Bad input the tool must name, not choke on: a binary file and a note that is not UTF-8. */
function addBadNotes(vault: string): void {
  writeFileSync(path.join(vault, '202301010000 Binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
  writeFileSync(path.join(vault, '202301010001 Latin-1.md'), Buffer.from('Caf\xe9 202201100900\n', 'latin1'));
}

const SUITE = 'the tool on the oldest Node.js it supports';
const HOW = 'PRINCIPLE_CHAIN_OLDEST_NODE=$(node scripts/oldest-node.mjs) npm test';
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

if (OLDEST_NODE === undefined) {
  if (inCi) {
    describe(SUITE, () => {
      test('has that Node to run the tool with', () => {
        throw new Error(`PRINCIPLE_CHAIN_OLDEST_NODE is not set and CI is: .ci/run sets it (${HOW}).`);
      });
    });
  } else {
    describe.skip(`${SUITE}: PRINCIPLE_CHAIN_OLDEST_NODE not set (${HOW})`, () => {
      test('needs that Node', () => undefined);
    });
  }
} else describe(SUITE, () => {
  let packageDir: string;
  let scratch: string;
  // One path for every run, so paths in messages are the same for both Nodes.
  let vault: string;
  beforeAll(() => {
    packageDir = packagedTool('principle-chain-oldest-node-');
    scratch = mkdtempSync(path.join(tmpdir(), 'principle-chain-oldest-vault-'));
    vault = path.join(scratch, 'example-vault');
  }, 60_000);
  afterAll(() => {
    rmSync(packageDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A fresh copy of the example vault, with the bad notes, at `vault`; returns its files. */
  function freshVault(): Record<string, string> {
    rmSync(vault, { recursive: true, force: true });
    cpSync(path.join(REPOSITORY, 'example-vault'), vault, { recursive: true });
    addBadNotes(vault);
    return filesUnder(vault);
  }

  function runWith(node: string, argv: readonly string[], jobs: string): Outcome {
    freshVault();
    const result = spawnSync(node, [path.join(packageDir, 'bin/principle-chain.js'), ...argv], {
      cwd: vault,
      encoding: 'utf8',
      env: { ...process.env, PRINCIPLE_CHAIN_JOBS: jobs },
    });
    if (result.error !== undefined) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, files: filesUnder(vault) };
  }

  test(`the Node it was given is the oldest "engines" allows`, () => {
    const engines = (JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const version = spawnSync(OLDEST_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version.split('.')[0]).toBe(`v${engines.replace(/^>=\s*/, '')}`);
  });

  // Name, arguments, PRINCIPLE_CHAIN_JOBS, and the exit status the case must end with.
  test.each<[string, string[], string, number]>([
    ['check', ['check'], '1', 1],
    ['check --json', ['check', '--json'], '1', 1],
    ['check --json with two scanning threads', ['check', '--json'], '2', 1],
    ['check with a custom pattern (the pattern checker bundled beside the tool)', ['check', '--json', '--id-format', '\\d{12}'], '1', 1],
    ['check with a pattern that backtracks', ['check', '--id-format', '(a|a){1,20}b'], '1', 2],
    ['refs', ['refs', '202201100900 Clarity is a gift to the team.md', '--json'], '1', 0],
    ['chain', ['chain', '202201100900', '--depth', '4'], '1', 0],
    ['graph', ['graph', '--format', 'dot'], '1', 0],
    ['repair, planned', ['repair', '--json'], '1', 1],
    ['repair --apply (writes notes)', ['repair', '.', '--apply'], '1', 0],
    ['a missing vault', ['check', '--vault', 'no-such-folder'], '1', 2],
    ['--help', ['--help'], '1', 0],
  ])('%s', (_name, argv, jobs, status) => {
    const current = runWith(process.execPath, argv, jobs);
    const oldest = runWith(OLDEST_NODE, argv, jobs);
    expect(current.status).toBe(status);
    expect(oldest).toStrictEqual(current);
    // A repair that wrote nothing would compare equal on both Nodes and prove nothing.
    if (argv.includes('--apply')) expect(current.files).not.toStrictEqual(freshVault());
  }, 30_000);
});
