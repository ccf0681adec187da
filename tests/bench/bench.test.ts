/** @jest-environment jsdom */
/**
 * Runs the benchmark code on a tiny vault (one run each) so it cannot rot. Never asserts timings:
 * only that every row is produced, measured what it claims, and that the generator is deterministic.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureVault, generateNotes, GENERATOR_VERSION } from '../../bench/generate';
import { listMarkdown, markdownTable, median, percentile } from '../../bench/harness';
import { machineInfo, renderResults, runBench } from '../../bench/run';
import { busyCores, cpuTimes, hostLoadLines, sampleBusyCores, SAMPLE_MS } from '../../bench/hostLoad';
import type { BenchConfig } from '../../bench/run';
import type { Row } from '../../bench/harness';
import { agreement } from '../../bench/suites/scanner';
import { barePassHere, bareRuns, checkRuns, warmCheckRow } from '../../bench/suites/warmCheck';
import { barePassScript } from '../../bench/suites/commandLine';
import { chromiumRenderRow, entriesDrawn, withContextsRead } from '../../bench/suites/chromiumRender';
import type { ChainViewModel, ChainViewNode } from '../../src/ui/chain/model';
import { createUiState } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { RENDER_BUDGET } from '../../src/ui/chain/expansion';
import { lezerReferences } from '../../bench/lezerScanner';
import { scanReferences } from '../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';

const REPOSITORY = path.join(__dirname, '..', '..');
const EXAMPLE_VAULT = path.join(REPOSITORY, 'example-vault');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-test-'));
}

describe('vault generator', () => {
  const spec = { notes: 60, seed: 42, hugeNotes: false };

  it('makes the same vault from the same seed, and another from another seed', () => {
    const a = [...generateNotes(spec)];
    expect([...generateNotes(spec)]).toStrictEqual(a);
    expect([...generateNotes({ ...spec, seed: 43 })]).not.toEqual(a);
  });

  it('writes notes in the seed style, with references the core recognises and decoys it must skip', () => {
    const notes = [...generateNotes({ ...spec, notes: 400 })];
    expect(notes).toHaveLength(400);
    expect(new Set(notes.map((n) => n.path)).size).toBe(400);
    for (const note of notes) expect(note.path).toMatch(/^\d{4}\/\d{12} [A-Z][a-z ]+( \d+)?\.md$/);
    const all = notes.map((n) => n.text).join('\n');
    expect(all).toMatch(/\d{12} [A-Z][a-z]+/); // bare `ID Title`
    expect(all).toContain('[['); // wikilinks
    expect(all).toMatch(/```|~~~/); // code blocks with IDs inside
    expect(all).toContain('\r\n'); // CRLF notes
    const references = notes.reduce((sum, n) => sum + scanReferences(n.text, TWELVE_DIGIT).length, 0);
    const digitRuns = (all.match(/\d{12}/g) ?? []).length;
    expect(references).toBeGreaterThan(400);
    expect(references).toBeLessThan(digitRuns);
  });

  it('adds a ~5 MB note and a ~1 MB single-line note when asked', () => {
    const [huge, oneLine] = [...generateNotes({ notes: 3, seed: 1, hugeNotes: true })];
    expect(huge.text.length).toBeGreaterThan(5_000_000);
    expect(oneLine.text.length).toBeGreaterThan(1_000_000);
    expect(oneLine.text).not.toContain('\n');
  });

  it('reuses a vault on disk from the same generator version and spec, and redoes it otherwise', () => {
    const dir = path.join(tempDir(), 'vault');
    expect(ensureVault(dir, spec)).toBe(true);
    expect(ensureVault(dir, spec)).toBe(false);
    expect(ensureVault(dir, { ...spec, notes: 61 })).toBe(true);
    fs.writeFileSync(path.join(dir, '.generator.json'), JSON.stringify({ version: GENERATOR_VERSION - 1, ...spec }));
    expect(ensureVault(dir, { ...spec, notes: 61 })).toBe(true);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});

describe('scanner comparison', () => {
  it('counts a file as agreeing only when both scanners give the same IDs at the same offsets', () => {
    const texts = ['See 202104291524 Title.', 'In $202104291524$ math and [[202104291524|x]].'];
    const result = agreement(['a.md', 'b.md'], texts, TWELVE_DIGIT);
    expect(result.sameFiles).toBe(2);
    expect(result.ours).toBe(scanReferences(texts[0], TWELVE_DIGIT).length + scanReferences(texts[1], TWELVE_DIGIT).length);
    // A construct lezer reads differently from our lexer shows up as a disagreement, with an example.
    const differs = agreement(['c.md'], ['<span>202104291524</span> text'], TWELVE_DIGIT);
    expect(differs.sameFiles + differs.examples.length).toBe(1);
  });

  it('lezer finds the IDs of the example vault where our scanner does', () => {
    for (const name of fs.readdirSync(EXAMPLE_VAULT).filter((n) => n.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(EXAMPLE_VAULT, name), 'utf8');
      const ours = scanReferences(text, TWELVE_DIGIT).map((r) => `${r.from}:${r.id}`);
      const lezer = lezerReferences(text, TWELVE_DIGIT).map((r) => `${r.from}:${r.id}`);
      expect({ name, ids: lezer }).toStrictEqual({ name, ids: ours });
    }
  });
});

describe('harness', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
  });

  it("tells how busy the host's cores were from two readings of their CPU times", async () => {
    expect(busyCores({ busy: 1000, total: 4000 }, { busy: 1500, total: 5000 }, 2)).toBe(1);
    expect(busyCores({ busy: 1000, total: 4000 }, { busy: 1100, total: 5000 }, 4)).toBeCloseTo(0.4);
    // No time passed between the readings: nothing to tell, so no work.
    expect(busyCores({ busy: 1000, total: 4000 }, { busy: 1000, total: 4000 }, 2)).toBe(0);
    // The host's busy time counts this process's own: 100 ms of work show up in it.
    const before = cpuTimes();
    const ownBefore = process.cpuUsage();
    while (process.cpuUsage(ownBefore).user < 100_000);
    const after = cpuTimes();
    expect(after.busy - before.busy).toBeGreaterThanOrEqual(90);
    expect(after.total - after.busy).toBeGreaterThanOrEqual(before.total - before.busy);
    const readings = [{ busy: 0, total: 0 }, { busy: 250, total: 1000 }];
    const started = Date.now();
    expect(await sampleBusyCores(2, () => readings.shift() ?? { busy: NaN, total: NaN })).toBe(0.5);
    // The readings are SAMPLE_MS apart (timers may fire a little early).
    expect(Date.now() - started).toBeGreaterThanOrEqual(SAMPLE_MS - 20);
  });

  it('states how busy the host was at the start, and says so when other work took half a core', () => {
    expect(hostLoadLines(0.034, 2)).toStrictEqual(['- Host at the start: 0.03 of 2 cores busy with other work (CPU time over 0.5 s before the first row)']);
    expect(hostLoadLines(0.49, 2)).toHaveLength(1);
    expect(hostLoadLines(0.5, 2)).toStrictEqual([
      '- Host at the start: 0.50 of 2 cores busy with other work (CPU time over 0.5 s before the first row)',
      '- The host was busy when the bench started: rows with a time target in milliseconds (the chain, the render, the warm start) read slow',
    ]);
  });

  it('counts the same ID matches in the bare pass as a child runs it and as the warm row runs it here', () => {
    const regex = new RegExp(TWELVE_DIGIT.source, 'g');
    const expected = listMarkdown(EXAMPLE_VAULT).reduce((sum, file) => sum + (fs.readFileSync(path.join(EXAMPLE_VAULT, file), 'utf8').match(regex) ?? []).length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(barePassHere()(EXAMPLE_VAULT, TWELVE_DIGIT.source)).toBe(expected);
    expect(execFileSync(process.execPath, ['-e', barePassScript(EXAMPLE_VAULT, TWELVE_DIGIT.source)], { encoding: 'utf8' })).toBe(String(expected));
  });

  it('reads the warm check row off the runs after each process\'s first, and says when the probes failed', () => {
    const input = { label: 'generated 20k', root: '/vault', format: TWELVE_DIGIT, paths: [], generated: true };
    const row = warmCheckRow(input, { ours: [900, 300, 500, 400], bare: [400, 200, 250, 210] });
    expect(row).toMatchObject({ ours: '400 ms', baseline: 'the bare pass run again: 210 ms', ratio: 400 / 210, target: '', met: null });
    expect(row.note).toBe("one process each, Node's start not counted; the first run in the process 900 ms against 400 ms, the runs after it 300 ms, 500 ms, 400 ms against 200 ms, 250 ms, 210 ms");
    expect(warmCheckRow(input, null).note).toBe('not measured: the probe processes failed');
    // A first run alone tells nothing about the compiled code.
    expect(warmCheckRow(input, { ours: [900], bare: [400, 200] })).toMatchObject({ ratio: null, note: 'not measured: a process ran no second run' });
  });

  it('escapes pipes in cells so a note cannot break the table', () => {
    const table = markdownTable([{ row: 'r', input: 'a|b', ours: '1 ms', baseline: '—', ratio: 2, target: '≤ 2×', met: true, note: '' }]);
    expect(table.split('\n')[2]).toBe('| r | a\\|b | 1 ms | — | 2.00× | ≤ 2× | Met |  |');
  });
});

describe('the Chromium render row', () => {
  /** A chain of `count` top-level entries with two children each, whose contexts count their reads. */
  function countedChain(count: number): { model: ChainViewModel; reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const node = (id: string, children: ChainViewNode[]): ChainViewNode =>
      Object.defineProperty({ id, path: `${id} Note.md`, title: `Note ${id}`, status: 'resolved', candidates: [], cycle: false, mentions: 1, match: false, children, truncated: 0 }, 'context', {
        get: () => {
          reads.set(id, (reads.get(id) ?? 0) + 1);
          return { before: 'Builds on ', id, after: ' as said.' };
        },
      }) as unknown as ChainViewNode;
    const outgoing = Array.from({ length: count }, (_, i) => {
      const id = String(202101010000 + i * 10);
      return node(id, [node(`${id.slice(0, 11)}1`, []), node(`${id.slice(0, 11)}2`, [])]);
    });
    const model: ChainViewModel = {
      kind: 'chain', note: { path: 'root.md', id: null, title: 'Root' }, depth: 3, maxDepth: 10, outgoing, incoming: null,
      outgoingTruncated: 0, incomingTruncated: 0, outgoingHidden: 0, incomingHidden: 0, capped: false, showContext: true, filter: '',
    };
    return { model, reads };
  }

  it('reads the contexts of exactly the entries a draw shows, and the plain model draws the same view', () => {
    // 200 top-level entries (the level cap) and their children: more than the render budget opens.
    const { model, reads } = countedChain(200);
    const drawn = entriesDrawn(model);
    const original = createDiv();
    const entries = renderChainInto(original, model, createUiState()).entryCount;
    expect(drawn.size).toBe(entries);
    expect(entries).toBeGreaterThanOrEqual(RENDER_BUDGET);
    expect(entries).toBeLessThan(600);
    reads.clear();
    const plain = withContextsRead(model, drawn);
    expect(reads.size).toBe(drawn.size);
    // Plain data: what crosses to the page (serialised) is the whole model.
    const copied = JSON.parse(JSON.stringify(plain)) as ChainViewModel;
    const again = createDiv();
    renderChainInto(again, copied, createUiState());
    expect(again.innerHTML).toBe(original.innerHTML);
  });

  it('says why it measured nothing when the page or Chromium is missing', async () => {
    const { model } = countedChain(3);
    const options = { runs: 1, warmup: 0 };
    expect((await chromiumRenderRow(model, 'tiny', null, options)).note).toBe('not measured: the page could not be bundled');
    const page = { script: 'page.js', styles: [], chromium: path.join(tempDir(), 'no-chromium') };
    expect(await chromiumRenderRow(model, 'tiny', page, options)).toMatchObject({ ours: '—', met: null, note: `not measured: ${page.chromium} is missing (apt-get install -y chromium)` });
  });
});

describe('benchmark on a tiny vault', () => {
  jest.setTimeout(180_000);

  // The command-line rows run the bundled tool, bundled as scripts/bench.mjs does; esbuild runs in
  // a Node child because it refuses to load under jsdom.
  let bundleDir: string;
  beforeAll(() => {
    bundleDir = tempDir();
    const options = {
      entryPoints: { cli: path.join(REPOSITORY, 'src/cli/main.ts'), scanWorker: path.join(REPOSITORY, 'src/cli/scanWorker.ts') },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      outdir: bundleDir,
      logLevel: 'silent',
    };
    execFileSync(process.execPath, ['-e', `require('esbuild').buildSync(${JSON.stringify(options)})`], { cwd: REPOSITORY });
  }, 60_000);
  afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

  /** A bench over a 50-note vault, one run each, logging to `lines`. */
  function tinyConfig(root: string, lines: string[]): BenchConfig {
    const corpora = path.join(root, 'corpora');
    // One corpus present (the example vault stands in), one absent: both paths of the code run.
    fs.mkdirSync(corpora);
    fs.cpSync(EXAMPLE_VAULT, path.join(corpora, 'zettelkasten-public-12digit'), { recursive: true });
    return {
      generatedRoot: path.join(root, 'generated'),
      corporaRoot: corpora,
      sizes: [50],
      mediumSize: 50,
      cliSizes: [60],
      cli: { script: path.join(bundleDir, 'cli.js') },
      // The Chromium row is tested in tests/browser/benchChromium.browser.test.ts.
      chromiumPage: null,
      cores: 2,
      editorNoteChars: [500, 2000],
      keystrokes: 10,
      editorRounds: 1,
      options: { runs: 1, warmup: 0 },
      bigOptions: { runs: 1, warmup: 0 },
      measureMemory: () => Promise.resolve({ notes: 50, heapDelta: 25_000, bytesPerNote: 500 }),
      // In this process, not a child of its own each as `npm run bench` runs them: the same code, timed the same way.
      measureWarmCheck: async (input) => ({ ours: await checkRuns(input.root, 2), bare: bareRuns(input.root, input.format.source, 2) }),
      log: (line) => lines.push(line),
    };
  }

  it('produces every row, measured, and a results file with the machine and the table', async () => {
    const root = tempDir();
    const lines: string[] = [];
    const config = tinyConfig(root, lines);
    const report = await runBench(config);
    const byRow = (prefix: string) => report.rows.filter((r) => r.row.startsWith(prefix));

    expect(byRow('Index build, the plugin').map((r) => r.input)).toStrictEqual(['generated 50', 'zettelkasten-public-12digit', 'zet-conversion-14digit']);
    expect(byRow('Index build, the plugin')[2].note).toMatch(/absent/);
    expect(byRow('Index build, the plugin')[0].note).toMatch(/^50 notes, [\d,]+ references/);
    expect(byRow('Index build, texts in memory')).toHaveLength(2);
    expect(byRow('Scanner alone')).toHaveLength(2);
    expect(byRow('File-name index')).toHaveLength(1);
    expect(byRow('Index build breakdown')).toHaveLength(1);
    expect(byRow('Index build breakdown')[0].note).toMatch(/^scanner .+; NoteScanner .+; names pass .+; names \+ NoteScanner \+ put \+ trim .+; resolve every reference .+; with no index at all \(names pass \+ NoteScanner, against the regex in alternate runs\) [\d.]+×$/);
    expect(byRow('Scanner:').map((r) => r.note)).toStrictEqual([
      expect.stringMatching(/^same IDs at same offsets in \d+ \/ \d+ files/),
      'corpus absent',
      expect.stringMatching(/^same IDs at same offsets in 50 \/ 50 files/),
    ]);
    expect(byRow('Chain compute').map((r) => [r.row, r.target])).toStrictEqual([
      ['Chain compute, depth 3, both directions', '≤ 30.0 ms'],
      ['Chain compute, depth 10, both directions', '≤ 50.0 ms'],
      ['Chain compute, depth 3, capped as the view draws', '≤ 50.0 ms'],
    ]);
    expect(byRow('Chain view render').map((r) => [r.row, r.target, r.met])).toStrictEqual([
      ['Chain view render (capped) in jsdom, depth 3', '', null],
      ['Chain view render (capped) in Chromium, depth 3', '', null],
    ]);
    expect(byRow('Chain view render')[0].note).toMatch(/^[1-9][\d,]* entries drawn/);
    expect(byRow('Chain view render')[1].note).toBe('not measured: the page could not be bundled');
    expect(byRow('Chain view filter + sort')[0].note).toMatch(/^[1-9][\d,]*-node chain/);
    const fields = (row: Row | undefined) => [row?.input, row?.target, row?.note];
    expect(fields(byRow('Repair planning')[0])).toStrictEqual(['generated 50', '≤ 2×', expect.stringMatching(/edits planned/) as unknown]);
    expect(fields(byRow('Warm start')[0])).toStrictEqual(['generated 50', '≤ 1,000 ms', expect.stringMatching(/^50 notes restored, [1-9][\d,]* entries drawn/) as unknown]);
    expect(fields(byRow('Command line end to end')[0])).toStrictEqual(['generated 60', '≤ 2×', expect.stringMatching(/wall time [^;]+ \([0-9.]+×\)/) as unknown]);
    // Linux tells each thread's CPU time (/proc/self/task), so the row says where the time went.
    if (fs.existsSync('/proc/self/task')) {
      const split = /; CPU time of the main thread ([\d.,]+) ms against ([\d.,]+) ms, of V8's other threads \(compiling, collecting garbage\) ([\d.,]+) ms against ([\d.,]+) ms$/.exec(byRow('Command line end to end')[0].note);
      expect(split).not.toBeNull();
      const [bareMain, bareOthers] = [split?.[2], split?.[4]].map((figure) => Number(figure?.replace(/,/g, '')));
      // The bare process reads and matches on its main thread; V8 has next to nothing to compile for it.
      expect(bareMain).toBeGreaterThan(bareOthers);
    }
    const warm = byRow('Command line: check --json run again')[0];
    expect(fields(warm)).toStrictEqual(['generated 60', '', expect.stringMatching(/^one process each, Node's start not counted; the first run in the process [\d.,]+ ms against [\d.,]+ ms, the runs after it [\d.,]+ ms against [\d.,]+ ms$/) as unknown]);
    expect(warm.ratio).toBeGreaterThan(0);
    // 60 notes are too few for a scanning thread: the row says so and claims no speed-up.
    expect(fields(byRow('Command line: check --json with scanning threads')[0])).toStrictEqual(['generated 60', '', expect.stringMatching(/^the tool started no scanning thread \(60 notes, 2 cores, load average [\d.]+ at the start\), so both columns are one thread; CPU time /) as unknown]);
    expect(byRow('Editor keystroke').map((r) => r.input)).toStrictEqual([
      '500 B note (generated 50)',
      '2 KB note (generated 50)',
      '500 B note, a definition after each paragraph (generated 50)',
      '500 B note, its definitions at the end (generated 50)',
      '500 B note, its definitions at the end, an ID in brackets in view (generated 50)',
    ]);
    for (const row of byRow('Editor keystroke')) expect(row.note).toMatch(/^[1-9]\d* IDs decorated/);
    expect(byRow('Editor keystroke').map((row) => row.target !== '')).toStrictEqual([true, true, true, true, false]);
    expect(byRow('Index memory per note')[0]).toMatchObject({ ours: '500 B/note', target: '≤ 400 B/note', met: false });

    for (const row of report.rows.filter((r) => r.ours !== '—')) expect(row.ours).toMatch(/\d/);
    const text = renderResults(report, machineInfo('abc1234'), config);
    expect(text).toContain('- Commit: abc1234');
    expect(text).toMatch(/- Machine: .+, \d+ cores/);
    expect(text).toContain(`- Node: ${process.version}`);
    // The bench sampled the host itself (this config gives no busyCores).
    expect(text).toMatch(/\n- Total bench time: \d+ s\n- Host at the start: \d+\.\d\d of \d+ cores busy with other work /);
    expect(text).toContain('| Row | Input | Ours (median) | Baseline (median) | Ratio | Target | Met | Note |');
    expect(text.split('\n').filter((l) => l.startsWith('| ')).length).toBe(report.rows.length + 1);
    // The memory row's 500 B/note misses its target: the line naming it points at the reasons.
    expect(text).toMatch(/\nRows that missed their target on this run: .*Index memory per note \(heap and array buffers after − before, GC settled\) \(generated 50\).*\. Where their time goes, and what was tried: CONTRIBUTING\.md, Performance\.\n/);
    expect(lines.some((l) => l.startsWith('generated 50 vault'))).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('warns at once when other work keeps the host busy, and keeps the figure for the results', async () => {
    const root = tempDir();
    const lines: string[] = [];
    const config = { ...tinyConfig(root, lines), only: new Set(['names'] as const), busyCores: () => Promise.resolve(1) };
    expect((await runBench(config)).busyAtStart).toBe(1);
    expect(lines[0]).toBe('the host is busy (1.00 of 2 cores at work): rows with a time target in milliseconds will read slow');
    lines.length = 0;
    expect((await runBench({ ...config, busyCores: () => Promise.resolve(0.2) })).busyAtStart).toBe(0.2);
    expect(lines.filter((line) => line.includes('busy'))).toStrictEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs only the groups asked for', async () => {
    const root = tempDir();
    const report = await runBench({ ...tinyConfig(root, []), only: new Set(['names', 'memory'] as const) });
    expect(report.rows.map((r) => r.row.split(' (')[0])).toStrictEqual(['File-name index', 'Index memory per note']);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
