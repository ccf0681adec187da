/**
 * `npm version patch|minor|major` keeps package.json, manifest.json and versions.json on one
 * version, commits them together and tags the commit with the bare version, as Obsidian's release
 * check expects. Runs npm and git for real in a scratch repository (nothing needs the network).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { plainEnv } from './plainEnv';

jest.setTimeout(180_000);

const REPOSITORY = path.resolve(__dirname, '..', '..');
const FILES = ['package.json', 'manifest.json', 'versions.json', 'version-bump.mjs', '.npmrc'];

let scratch: string;
let repo: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pc-version-'));
  repo = path.join(scratch, 'repo');
  git(scratch, 'init', '-q', repo);
  for (const file of FILES) copyFileSync(path.join(REPOSITORY, file), path.join(repo, file));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'start');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A plain shell's environment, without the user's git configuration. */
function env(): NodeJS.ProcessEnv {
  return plainEnv(scratch, {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release test',
    GIT_AUTHOR_EMAIL: 'release@test.invalid',
    GIT_COMMITTER_NAME: 'Release test',
    GIT_COMMITTER_EMAIL: 'release@test.invalid',
  });
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: env() });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function npmVersion(bump: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['version', bump], { cwd: repo, encoding: 'utf8', env: env() });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface Files {
  pkg: { version: string };
  manifest: { version: string; minAppVersion: string };
  versions: Record<string, string>;
}
function files(): Files {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(repo, name), 'utf8'));
  return { pkg: read('package.json') as Files['pkg'], manifest: read('manifest.json') as Files['manifest'], versions: read('versions.json') as Files['versions'] };
}

function expectConsistent(version: string): void {
  const { pkg, manifest, versions } = files();
  expect([pkg.version, manifest.version]).toStrictEqual([version, version]);
  expect(versions[version]).toBe(manifest.minAppVersion);
}

it('starts from the repository, which is consistent itself', () => {
  expectConsistent(files().pkg.version);
});

it.each([
  ['patch', (major: number, minor: number, patch: number) => `${major}.${minor}.${patch + 1}`],
  ['minor', (major: number, minor: number) => `${major}.${minor + 1}.0`],
  ['major', (major: number) => `${major + 1}.0.0`],
])('npm version %s bumps all three files, keeps earlier versions, commits them and tags the bare version', (bump, next) => {
  const before = files();
  const [major, minor, patch] = before.pkg.version.split('.').map(Number);
  const expected = next(major, minor, patch);
  const { status, output } = npmVersion(bump);
  expect(output).not.toMatch(/ERR!/);
  expect(status).toBe(0);
  expectConsistent(expected);
  expect(files().versions).toStrictEqual({ ...before.versions, [expected]: before.manifest.minAppVersion });
  expect(files().manifest).toStrictEqual({ ...before.manifest, version: expected });
  expect(git(repo, 'tag', '--points-at', 'HEAD').trim()).toBe(expected);
  expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toStrictEqual(['manifest.json', 'package.json', 'versions.json']);
  expect(git(repo, 'status', '--porcelain')).toBe('');
});

it.each(['prerelease', '9.0.0-beta.1'])('npm version %s is refused before anything is written (Obsidian takes only numbers and dots)', (bump) => {
  const before = files();
  const head = git(repo, 'rev-parse', 'HEAD');
  const { status, output } = npmVersion(bump);
  expect(status).not.toBe(0);
  expect(output).toMatch(/version-bump: ".*" is not a version Obsidian accepts \(numbers and dots, like 1\.2\.3\); nothing was changed\./);
  expect(files()).toStrictEqual(before);
  expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  expect(git(repo, 'status', '--porcelain')).toBe('');
});
