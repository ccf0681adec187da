import { spawnSync } from 'child_process';
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { EXAMPLE_VAULT, REPOSITORY } from './harness';

// The real thing, laid out as the package is: bin/ runs dist/cli.js, which finds example-vault/ beside
// it. Built into a scratch copy so the test never races a build of the working tree's dist/.
let packageDir: string;
beforeAll(async () => {
  packageDir = mkdtempSync(path.join(tmpdir(), 'principle-chain-package-'));
  mkdirSync(path.join(packageDir, 'bin'));
  cpSync(path.join(REPOSITORY, 'bin/principle-chain.js'), path.join(packageDir, 'bin/principle-chain.js'));
  cpSync(EXAMPLE_VAULT, path.join(packageDir, 'example-vault'), { recursive: true });
  await build({
    entryPoints: [path.join(REPOSITORY, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: path.join(packageDir, 'dist/cli.js'),
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

function cli(...argv: string[]) {
  return spawnSync(process.execPath, [path.join(packageDir, 'bin/principle-chain.js'), ...argv], { cwd: REPOSITORY, encoding: 'utf8' });
}

describe('bin/principle-chain.js', () => {
  it('checks the bundled example vault by default and exits 1 for its planted problems', () => {
    const result = cli('check', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { notes: number; references: number; problems: unknown[] };
    expect(report.notes).toBe(27);
    expect(report.problems).toHaveLength(8);
  });

  it('exits 2 with a one-line reason for a missing vault', () => {
    const result = cli('check', '--vault', 'no-such-folder');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`principle-chain: Vault folder not found: ${path.join(REPOSITORY, 'no-such-folder')}\nRun "principle-chain check --help" for usage.\n`);
  });

  it('prints the package version', () => {
    const result = cli('--version');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
