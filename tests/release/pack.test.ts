/**
 * `npm pack` makes a package that installs the command-line tool on its own: packed from a copy of
 * the repository (so its `prepare` build never races the working tree's dist/), installed from the
 * tarball into a scratch prefix with npm offline, and run from there.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run, runJson } from '../cli/harness';
import { plainEnv } from './plainEnv';

// Packing bundles the tool and npm installs it: seconds when idle, far more on a loaded machine.
jest.setTimeout(300_000);

const REPOSITORY = path.resolve(__dirname, '..', '..');
const EXAMPLE_VAULT = path.join(REPOSITORY, 'example-vault');
const { version } = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { version: string };
/** What the package needs to build itself: sources, build config and the files npm always packs. */
const SOURCES = ['package.json', 'package-lock.json', 'bin', 'src', 'esbuild.config.mjs', 'tsconfig.json', 'README.md', 'LICENSE'];

let scratch: string;
let prefix: string;
let packed: { files: { path: string }[]; filename: string };

const env = (): NodeJS.ProcessEnv => plainEnv(scratch);

function succeed(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pc-pack-'));
  const copy = path.join(scratch, 'source');
  mkdirSync(copy);
  for (const entry of SOURCES) cpSync(path.join(REPOSITORY, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(REPOSITORY, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const out = path.join(scratch, 'out');
  mkdirSync(out);
  const json = succeed(spawnSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: copy, encoding: 'utf8', env: env() }), 'npm pack');
  [packed] = JSON.parse(json.slice(json.indexOf('['))) as (typeof packed)[];
  prefix = path.join(scratch, 'prefix');
  succeed(
    spawnSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(out, packed.filename)], {
      cwd: scratch,
      encoding: 'utf8',
      env: env(),
    }),
    'npm install of the tarball',
  );
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function installed(cwd: string, ...argv: string[]): SpawnSyncReturns<string> {
  return spawnSync(path.join(prefix, 'bin', 'principle-chain'), argv, { cwd, encoding: 'utf8', env: env() });
}

it('holds the tool and nothing else: its launcher, its bundle, scanning thread and pattern checker, the manifest, README and LICENSE', () => {
  expect(packed.filename).toBe(`principle-chain-${version}.tgz`);
  // Without dist/scanWorker.js beside dist/cli.js the installed tool never scans on more than one
  // thread; without dist/patternDeps.js it cannot take a custom ID pattern.
  expect(packed.files.map((f) => f.path).sort()).toStrictEqual(['LICENSE', 'README.md', 'bin/principle-chain.js', 'dist/cli.js', 'dist/patternDeps.js', 'dist/scanWorker.js', 'package.json']);
});

it('takes a custom ID pattern, checked by the pattern checker it installed', () => {
  const custom = installed(EXAMPLE_VAULT, 'check', '--json', '--id-format', '\\d{12}');
  expect(custom.stderr).toBe('');
  expect((JSON.parse(custom.stdout) as { notes: number }).notes).toBe(27);
  expect(installed(EXAMPLE_VAULT, 'check', '--id-format', '(a+)+b').status).toBe(2);
});

it('installs offline and runs --version from the installed launcher', () => {
  expect(existsSync(path.join(prefix, 'bin', 'principle-chain'))).toBe(true);
  const result = installed(scratch, '--version');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(`${version}\n`);
});

it('runs check on the current folder and on a named vault, as the tool from the sources does', async () => {
  const fromSources = await run(['check']);
  const here = installed(EXAMPLE_VAULT, 'check');
  expect(here.stderr).toBe('');
  expect([here.status, here.stdout]).toStrictEqual([fromSources.code, fromSources.stdout]);
  const named = installed(scratch, 'check', '--vault', EXAMPLE_VAULT, '--json');
  expect([named.status, JSON.parse(named.stdout)]).toStrictEqual([1, (await runJson(['check'])).json]);
});
