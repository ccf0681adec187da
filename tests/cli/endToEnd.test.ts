import { spawnSync } from 'child_process';
import { build } from 'esbuild';
import * as path from 'path';
import { REPOSITORY } from './harness';

// The real thing: the bundle `npm install` builds, run by the package's bin script in a child process.
beforeAll(async () => {
  await build({
    entryPoints: [path.join(REPOSITORY, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: path.join(REPOSITORY, 'dist/cli.js'),
    logLevel: 'silent',
  });
}, 60_000);

function cli(...argv: string[]) {
  return spawnSync(process.execPath, [path.join(REPOSITORY, 'bin/principle-chain.js'), ...argv], { cwd: REPOSITORY, encoding: 'utf8' });
}

describe('bin/principle-chain.js', () => {
  it('checks the bundled example vault by default and exits 1 for its planted problems', () => {
    const result = cli('check', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { notes: number; references: number; problems: unknown[] };
    expect(report.notes).toBe(25);
    expect(report.problems).toHaveLength(9);
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
