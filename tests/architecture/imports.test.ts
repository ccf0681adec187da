/**
 * Imports point one way: core <- ui, editor, cli <- obsidian (the adapters) <- main.ts, and no
 * module imports itself round a cycle. The lint rules of eslint.config.mjs hold the layers; this file
 * checks that those rules forbid exactly what they should, and that the import graph has no cycle.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { importCycles, pluginImportGraph, type ImportGraph } from './importGraph';

type Layer = 'core' | 'ui' | 'editor' | 'cli' | 'obsidian' | 'main';

/** What each layer may import besides itself. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  ui: ['core'],
  editor: ['core'],
  cli: ['core'],
  obsidian: ['core', 'ui', 'editor'],
  main: ['core', 'ui', 'editor', 'obsidian'],
};
const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

/** A file of each layer at each depth its files stand at. */
const PROBE_FILES: readonly [Layer, string][] = [
  ['core', 'src/core/settings.ts'],
  ['core', 'src/core/ids/probe.ts'],
  ['ui', 'src/ui/chainView.ts'],
  ['ui', 'src/ui/chain/probe.ts'],
  ['editor', 'src/editor/probe.ts'],
  ['cli', 'src/cli/probe.ts'],
  ['cli', 'src/cli/commands/probe.ts'],
  ['obsidian', 'src/obsidian/probe.ts'],
  ['obsidian', 'src/obsidian/repair/probe.ts'],
  ['main', 'main.ts'],
];

function specifierTo(from: string, target: Layer): string {
  const to = target === 'main' ? 'main' : `src/${target}/probe`;
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

interface LintedProbe {
  readonly file: string;
  readonly specifier: string;
  readonly reported: readonly boolean[];
}

function lintProbes(probes: readonly { file: string; specifier: string }[]): LintedProbe[] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lintImports.mjs')], { input: JSON.stringify(probes), encoding: 'utf8' });
  return JSON.parse(output) as LintedProbe[];
}

describe('the lint rules of each layer', () => {
  it('forbid every import of a layer above or beside it, in every form, and allow the rest', () => {
    const probes = PROBE_FILES.flatMap(([layer, file]) =>
      LAYERS.filter((target) => !(layer === 'main' && target === 'main')).map((target) => ({ layer, target, file, specifier: specifierTo(file, target) })),
    );
    const linted = lintProbes(probes);
    const verdicts = probes.map((probe, i) => `${probe.file} -> ${probe.target}: ${linted[i].reported.join(' ')}`);
    const expected = probes.map((probe) => {
      const allowed = probe.target === probe.layer || MAY_IMPORT[probe.layer].includes(probe.target);
      return `${probe.file} -> ${probe.target}: ${[!allowed, !allowed, !allowed].join(' ')}`;
    });
    expect(verdicts).toStrictEqual(expected);
  });

  it('keep Obsidian, the editor and Node out of the core, and Obsidian out of the command-line tool', () => {
    const packages = ['obsidian', '@codemirror/view', '@lezer/markdown', 'fs', 'node:path', 'axios', 'yaml'];
    const probes = ['src/core/ids/probe.ts', 'src/cli/probe.ts', 'src/ui/probe.ts'].flatMap((file) => packages.map((specifier) => ({ file, specifier })));
    const reported = lintProbes(probes).filter((probe) => probe.reported[0]).map((probe) => `${probe.file} ${probe.specifier}`);
    expect(reported).toStrictEqual([
      'src/core/ids/probe.ts obsidian',
      'src/core/ids/probe.ts @codemirror/view',
      'src/core/ids/probe.ts @lezer/markdown',
      'src/core/ids/probe.ts fs',
      'src/core/ids/probe.ts node:path',
      // The recommended set's ban of HTTP libraries (Obsidian has requestUrl) holds in every layer.
      'src/core/ids/probe.ts axios',
      'src/cli/probe.ts obsidian',
      'src/cli/probe.ts axios',
      'src/ui/probe.ts axios',
    ]);
  });
});

describe('import cycles', () => {
  it('are found round two files, round several, and a file importing itself; a graph without them has none', () => {
    const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));
    expect(importCycles(graph({ a: ['b'], b: ['c'], c: [] }))).toStrictEqual([]);
    expect(importCycles(graph({ a: ['b', 'c'], b: ['c'], c: ['a'], d: ['a'] }))).toStrictEqual([['a', 'b', 'c']]);
    expect(importCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }))).toStrictEqual([['a', 'b'], ['c', 'd']]);
    expect(importCycles(graph({ a: ['a'], b: ['a'] }))).toStrictEqual([['a']]);
  });

  it('do not exist in the plugin', () => {
    const graph = pluginImportGraph();
    // The graph is the real one: main.ts reaches the settings through its imports.
    expect(graph.get('main.ts')).toContain('src/core/settingsStore.ts');
    expect(graph.get('src/core/settingsStore.ts')).toContain('src/core/settings.ts');
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toStrictEqual([]);
  });
});
