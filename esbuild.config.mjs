import esbuild from 'esbuild';
import process from 'process';
import builtins from 'builtin-modules';

const mode = process.argv[2];
const production = mode === 'production';

const banner = '/* Principle Chain — bundled by esbuild. Source: main.ts and src/. */';

if (mode === 'cli') {
  // The command-line tool runs on Node: src/cli bundled into one CommonJS file that bin/ requires,
  // its scanning thread (used on large vaults) into another beside it, and what checks a custom ID
  // pattern (redos-detector and regjsparser) into a third. Those two packages are half the tool's
  // code and only a custom pattern needs them: the other two files load them on first use
  // (src/cli/lazyPatternDeps.ts) rather than parse them at every start. `cli DIR` writes to DIR.
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', outdir: process.argv[3] ?? 'dist', logLevel: 'warning' };
  const lazy = 'src/cli/lazyPatternDeps.ts';
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { cli: 'src/cli/main.ts', scanWorker: 'src/cli/scanWorker.ts' },
      alias: { 'redos-detector': `./${lazy}`, regjsparser: `./${lazy}` },
      // Loaded at run time from beside the bundle.
      external: ['./patternDeps.js'],
    }),
    esbuild.build({ ...common, entryPoints: { patternDeps: 'src/cli/patternDeps.ts' } }),
  ]);
} else {
  const context = await esbuild.context({
    banner: { js: banner },
    entryPoints: ['main.ts'],
    bundle: true,
    external: [
      'obsidian',
      'electron',
      '@codemirror/*',
      '@lezer/*',
      ...builtins,
    ],
    format: 'cjs',
    target: 'es2018',
    logLevel: 'info',
    sourcemap: production ? false : 'inline',
    treeShaking: true,
    outfile: 'main.js',
    minify: production,
  });
  if (production) {
    await context.rebuild();
    process.exit(0);
  } else {
    await context.watch();
  }
}
