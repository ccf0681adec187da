/**
 * What Obsidian's community directory checks before a plugin is listed (obsidianmd/obsidian-releases,
 * .github/workflows/validate-plugin-entry.yml), and the release workflow that makes the release it
 * looks for.
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { PLUGIN_ID } from '../../src/core/pluginFolder';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(REPOSITORY, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as Record<string, string | boolean>;
const pkg = JSON.parse(read('package.json')) as { version: string; license: string; author: string; repository: { url: string }; bugs: { url: string }; homepage: string };
const versions = JSON.parse(read('versions.json')) as Record<string, string>;

describe('manifest.json and package.json', () => {
  it('name the same version, and versions.json maps it to minAppVersion 1.7.2', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.minAppVersion).toBe('1.7.2');
    expect(versions[pkg.version]).toBe('1.7.2');
  });

  it('a version of numbers and dots only', () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an author, and an authorUrl that is the owner of the repository, not the repository itself', () => {
    const repository = /^git\+https:\/\/github\.com\/([^/]+)\/([^/]+)\.git$/.exec(pkg.repository.url);
    expect(repository).not.toBeNull();
    const [, owner, name] = repository as RegExpExecArray;
    expect(manifest.author).toBe(pkg.author);
    expect(manifest.author).not.toMatch(/@/);
    expect(manifest.authorUrl).toBe(`https://github.com/${owner}`);
    // The directory warns when authorUrl points at the plugin's repository, and rejects obsidian.md.
    expect(String(manifest.authorUrl).toLowerCase()).not.toContain(`github.com/${owner}/${name}`.toLowerCase());
    expect(pkg.homepage).toBe(`https://github.com/${owner}/${name}#readme`);
    expect(pkg.bugs.url).toBe(`https://github.com/${owner}/${name}/issues`);
  });

  it('an id and name without "obsidian" or "plugin", a short description, and no desktop-only flag', () => {
    expect(manifest.id).toBe('principle-chain');
    // The command-line tool finds the plugin's folder (its repair.json) by this id.
    expect(PLUGIN_ID).toBe(manifest.id);
    expect(String(manifest.name).toLowerCase()).not.toMatch(/obsidian|plugin/);
    expect(String(manifest.description).length).toBeLessThanOrEqual(250);
    expect(manifest.isDesktopOnly).toBe(false);
  });

  it('an MIT LICENSE, as package.json says', () => {
    expect(pkg.license).toBe('MIT');
    const license = read('LICENSE');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Principle Chain contributors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('npm version tags the bare version, as the release check wants', () => {
    expect(read('.npmrc')).toMatch(/^tag-version-prefix=""$/m);
  });
});

describe('scripts/check-release.mjs', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pc-check-release-'));
    for (const file of ['package.json', 'manifest.json', 'versions.json']) cpSync(path.join(REPOSITORY, file), path.join(scratch, file));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const check = (tag: string) => spawnSync(process.execPath, [path.join(REPOSITORY, 'scripts', 'check-release.mjs'), tag, scratch], { encoding: 'utf8' });

  it('passes the tag that names the version', () => {
    const result = check(pkg.version);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`check-release: ${pkg.version} is the version of package.json, manifest.json and versions.json.\n`);
  });

  it.each([`v${pkg.version}`, '99.0.0', ''])('refuses the tag %j', (tag) => {
    const result = check(tag);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^check-release: /);
  });

  it('refuses a manifest left behind', () => {
    const behind = { ...manifest, version: '0.0.1' };
    writeFileSync(path.join(scratch, 'manifest.json'), JSON.stringify(behind));
    const result = check(pkg.version);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`check-release: manifest.json has version 0.0.1, the tag is ${pkg.version}`);
  });
});

describe('the release workflow', () => {
  const workflow = read('.github/workflows/release.yml');

  it('runs on every pushed tag and checks it first', () => {
    expect(workflow).toMatch(/on:\n {2}push:\n {4}tags:\n {6}- '\*'\n/);
    expect(workflow).toContain('node scripts/check-release.mjs "$GITHUB_REF_NAME"');
    expect(workflow.indexOf('check-release')).toBeLessThan(workflow.indexOf('npm run build'));
  });

  it('lints, tests and builds before it releases', () => {
    const order = ['npm ci', 'npm run lint', 'npm test', 'npm run build', 'gh release create'].map((step) => workflow.indexOf(step));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toStrictEqual(order);
  });

  it('attaches main.js, manifest.json and styles.css (and the command-line package) to a release named by the tag', () => {
    const create = workflow.slice(workflow.indexOf('gh release create'));
    expect(create).toMatch(/gh release create "\$GITHUB_REF_NAME" --draft --title "\$GITHUB_REF_NAME"/);
    expect(create).toMatch(/\n\s+main\.js manifest\.json styles\.css "principle-chain-\$GITHUB_REF_NAME\.tgz"\n/);
    for (const asset of ['manifest.json', 'styles.css']) expect(existsSync(path.join(REPOSITORY, asset))).toBe(true);
  });

  it('may write releases, and nothing else', () => {
    expect(workflow).toMatch(/\npermissions:\n {2}contents: write\n\njobs:/);
  });
});
