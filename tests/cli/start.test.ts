/** `npm start` shows the example vault whatever folder it is started from: it names the vault. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { REPOSITORY, run } from './harness';

it('runs check and chain on example-vault/, named explicitly, and exits 0', async () => {
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'pc-start-'));
  try {
    const result = spawnSync(process.execPath, [path.join(REPOSITORY, 'scripts', 'start.mjs')], { cwd: elsewhere, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('$ principle-chain check example-vault/\n');
    expect(result.stdout).toContain(`$ principle-chain check example-vault/\n\n${(await run(['check'])).stdout}`);
    expect(result.stdout).toContain('$ principle-chain chain 202201100900 --depth 4 --vault example-vault/\n');
    expect(result.stdout).toContain('202201100900 Clarity is a gift to the team');
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

it('is what `npm start` runs, as `npm test` runs the type check and then every Jest project (README)', () => {
  const { scripts } = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe('node scripts/start.mjs');
  expect(scripts.test).toBe('npm run typecheck && jest -c jest.projects.config.js');
  expect(scripts.typecheck).toBe('tsc --noEmit -skipLibCheck');
});
