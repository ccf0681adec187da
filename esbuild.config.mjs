import esbuild from 'esbuild';
import process from 'process';
import builtins from 'builtin-modules';

const mode = process.argv[2];
const production = mode === 'production';

const banner = '/* Principle Chain — bundled by esbuild. Source: main.ts and src/. */';

if (mode === 'cli') {
  // The command-line tool runs on Node: bundle src/cli into one CommonJS file that bin/ requires,
  // and its scanning thread (used on large vaults) into another beside it.
  await esbuild.build({
    entryPoints: { cli: 'src/cli/main.ts', scanWorker: 'src/cli/scanWorker.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outdir: 'dist',
    logLevel: 'warning',
  });
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
