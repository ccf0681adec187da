// Bundles the bench's Chromium page (bench/page/chainRender.ts) for the browser: one script, with
// the plugin's styles.css and the playground's stand-in for Obsidian's own CSS beside it. Used by
// scripts/bench.mjs and by the test of the Chromium render row.
import esbuild from 'esbuild';
import { copyFileSync } from 'fs';
import { join } from 'path';

/** Writes chainRender.js, playground.css and styles.css into dir; returns their paths. */
export async function buildChainRenderPage(repo, dir) {
  const script = join(dir, 'chainRender.js');
  await esbuild.build({
    entryPoints: [join(repo, 'bench', 'page', 'chainRender.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: script,
    alias: { obsidian: join(repo, 'playground', 'obsidian.ts') },
    logLevel: 'warning',
  });
  const styles = ['playground.css', 'styles.css'].map((name) => join(dir, name));
  copyFileSync(join(repo, 'playground', 'playground.css'), styles[0]);
  copyFileSync(join(repo, 'styles.css'), styles[1]);
  return { script, styles };
}
