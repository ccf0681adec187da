// `npm run bench`: bundles bench/cli.ts (TypeScript, the core it measures, CodeMirror, jsdom) and the
// command-line tool (as npm builds it: dist/cli.js with its scanning thread dist/scanWorker.js) and
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
  await esbuild.build({
    entryPoints: { cli: join(repo, 'src', 'cli', 'main.ts'), scanWorker: join(repo, 'src', 'cli', 'scanWorker.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outdir: join(dir, 'dist'),
    logLevel: 'warning',
  });
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
