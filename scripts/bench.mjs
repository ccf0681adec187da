// `npm run bench`: bundles bench/cli.ts (TypeScript, the core it measures, CodeMirror, jsdom), the
// command-line tool (as npm builds it: esbuild.config.mjs cli) and
// the chain view's Chromium page (bench/pageBundle.mjs) with esbuild into a temporary folder and runs
// the bench with Node; arguments are passed through
// (--quick, --sizes 1000,10000, --cli-sizes 20000,100000, --runs N, --out FILE, --only build,cli,...).
import esbuild from 'esbuild';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';
import { buildChainRenderPage } from '../bench/pageBundle.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'principle-chain-bench-'));
const outfile = join(dir, 'bench.cjs');
try {
  await esbuild.build({
    entryPoints: [join(repo, 'bench', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    // jsdom loads files relative to its own package and has optional native parts, and
    // playwright-core its own files and browser protocols: keep them external.
    external: ['jsdom', 'canvas', 'playwright-core'],
    // The chain view imports obsidian; the bench draws it with the same fake the tests use.
    alias: { obsidian: join(repo, 'tests', 'mocks', 'obsidian.ts') },
    nodePaths: [join(repo, 'node_modules')],
    logLevel: 'warning',
  });
  // The tool as npm builds it (esbuild.config.mjs cli), into the temporary folder.
  const built = spawnSync(process.execPath, ['esbuild.config.mjs', 'cli', join(dir, 'dist')], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Bundling the command-line tool failed.');
  const cli = join(dir, 'dist', 'cli.js');
  const page = await buildChainRenderPage(repo, join(dir, 'page'));
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', outfile, '--repo', repo, '--cli', cli, '--chain-page', [page.script, ...page.styles].join(','), ...process.argv.slice(2)], {
    stdio: 'inherit',
    // The bundle lives in a temporary folder; external packages resolve from the repository.
    env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
