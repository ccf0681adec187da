/**
 * The benchmark as a function: which rows run on which inputs, and the Markdown it produces.
 * `bench/cli.ts` runs it at full size for `npm run bench`; the test runs it on a tiny vault.
 */
import * as os from 'os';
import { BUILD_ROW, breakdownRow, fullBuildFromDisk, buildRows, namesIndex, namesRow, textsFromDisk } from './suites/build';
import { CLI_ROW, cliRow, THREADS_ROW, threadsRow, type CliBundle } from './suites/commandLine';
import { WARM_START_ROW, warmStartRow } from './suites/warmStart';
import type { IdIndex } from '../src/core/index/idIndex';
import type { IdFormat } from '../src/core/ids/formats';
import { SCANNER_ROW, scannerRows } from './suites/scanner';
import { chainRows } from './suites/chain';
import type { ChromiumPage } from './chromium';
import { CHROMIUM_RENDER_ROW, chromiumRenderRow } from './suites/chromiumRender';
import type { ChainViewModel } from '../src/ui/chain/model';
import { repairRows } from './suites/repair';
import { editorRows, type EditorNote } from './suites/editor';
import { markdownTable, skippedRow } from './harness';
import { hostLoadLines, isBusy, sampleBusyCores } from './hostLoad';
import type { BenchOptions, Row } from './harness';
import { CORPORA, corpusInput, generatedInput, readText, sizeLabel } from './inputs';
import type { BenchInput } from './inputs';
import type { MemoryFigures } from './suites/memory';
import { WARM_CHECK_ROW, warmCheckRow, type WarmRuns } from './suites/warmCheck';

export interface BenchConfig {
  readonly generatedRoot: string;
  /** Folder holding the shared corpora; rows for absent corpora are skipped with a note. */
  readonly corporaRoot: string;
  /** Generated vault sizes; the largest is used for names, chain, cache and memory rows. */
  readonly sizes: readonly number[];
  /** The generated size used for the scanner comparison, repair and the editor's notes. */
  readonly mediumSize: number;
  /** Generated vault sizes the command line is run on (as whole processes). */
  readonly cliSizes: readonly number[];
  /** The bundled command-line tool; null when it could not be built (its rows say so). */
  readonly cli: CliBundle | null;
  /** The chain view's bench page and the Chromium to draw it in; null when the page could not be bundled. */
  readonly chromiumPage: ChromiumPage | null;
  /** Cores of the machine (the scanning threads row needs more than one). */
  readonly cores: number;
  /** Editor note sizes in characters, cut from the medium vault's biggest note. */
  readonly editorNoteChars: readonly number[];
  readonly keystrokes: number;
  readonly editorRounds: number;
  readonly options: BenchOptions;
  /** Options for inputs of 50k notes and more, where each run takes seconds. */
  readonly bigOptions: BenchOptions;
  /** Measures index memory in a process with `--expose-gc` (null figures: not measurable here). */
  readonly measureMemory: (input: BenchInput) => Promise<MemoryFigures | null>;
  /** Runs `check --json` and the bare pass again in a process each (warmCheck.ts); null: the probes failed. */
  readonly measureWarmCheck: (input: BenchInput) => Promise<WarmRuns | null>;
  readonly log: (line: string) => void;
  /** Only these groups of rows (see BENCH_GROUPS); all when absent. For checking a few rows quickly. */
  readonly only?: ReadonlySet<BenchGroup>;
  /** Cores' worth of other work on the host as the bench starts; sampleBusyCores when absent. */
  readonly busyCores?: () => Promise<number>;
}

/** The groups of rows, in the order they run; `--only build,cli` runs just those. */
export const BENCH_GROUPS = ['build', 'names', 'scanner', 'chain', 'repair', 'warm', 'cli', 'editor', 'memory'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

export interface BenchReport {
  readonly rows: readonly Row[];
  readonly seconds: number;
  /** Cores' worth of other work on the host as the bench started (see hostLoad.ts). */
  readonly busyAtStart: number;
}

function optionsFor(config: BenchConfig, input: BenchInput): BenchOptions {
  return input.paths.length >= 50_000 ? config.bigOptions : config.options;
}

function kb(chars: number): string {
  if (chars < 1000) return `${chars} B`;
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(0)} MB` : `${(chars / 1000).toFixed(0)} KB`;
}

/** Cuts the note down to about `chars`, at a paragraph break, so the editor sees whole Markdown. */
function noteOfSize(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf('\n\n', chars);
  return text.slice(0, cut > chars / 2 ? cut : chars);
}

const DEFINITION_LAYOUTS = ['a definition after each paragraph', 'its definitions at the end', 'its definitions at the end, an ID in brackets in view'] as const;

/**
 * The note with a link reference definition (to a web page, with a title) per paragraph, after
 * each one or all after the last; the last layout opens with brackets around an ID, which the
 * extension reads every definition for (their labels may make the brackets a link).
 */
function withDefinitions(text: string, layout: (typeof DEFINITION_LAYOUTS)[number], format: IdFormat): string {
  const paragraphs = text.split('\n\n');
  const definition = (n: number): string => `[ref ${n}]: https://example.com/${n} "title ${n}"`;
  if (layout === 'a definition after each paragraph') return paragraphs.map((paragraph, n) => `${paragraph}\n\n${definition(n + 1)}`).join('\n\n');
  const atEnd = `${text}\n\n${paragraphs.map((_, n) => definition(n + 1)).join('\n')}\n`;
  if (layout === 'its definitions at the end') return atEnd;
  const id = new RegExp(format.source).exec(text)?.[0] ?? '';
  return `See [${id} in brackets] first.\n\n${atEnd}`;
}

/** The editor rows with a target: the cost of brackets around an ID grows with the note's definitions, a figure to watch. */
function editorTarget(layout: (typeof DEFINITION_LAYOUTS)[number]): boolean {
  return layout !== 'its definitions at the end, an ID in brackets in view';
}

function section(config: BenchConfig, name: string, started: number): void {
  config.log(`${name} done at ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Runs one group of rows; if the code it measures throws (an API mid-change, a bug), the group
 * becomes one row that says so instead of ending the whole run.
 */
function measured(config: BenchConfig, rows: Row[], row: string, input: string, work: () => Row[]): void {
  try {
    rows.push(...work());
  } catch (error) {
    rows.push(failedRow(config, row, input, error));
  }
}

/** measured, for rows whose measurement waits on another process (a browser). */
async function measuredAsync(config: BenchConfig, rows: Row[], row: string, input: string, work: () => Promise<Row[]>): Promise<void> {
  try {
    rows.push(...(await work()));
  } catch (error) {
    rows.push(failedRow(config, row, input, error));
  }
}

/** The row of a group whose measured code threw, the stack logged. */
function failedRow(config: BenchConfig, row: string, input: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  config.log(`${row} (${input}) failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
  return skippedRow(row, input, `not measured: the measured code threw "${message.slice(0, 120)}"`);
}

function memoryRow(input: BenchInput, memory: MemoryFigures | null): Row {
  if (memory === null) return skippedRow(MEMORY_ROW, input.label, 'not measured: needs node --expose-gc');
  return {
    row: MEMORY_ROW,
    input: input.label,
    ours: `${Math.round(memory.bytesPerNote).toLocaleString('en-US')} B/note`,
    baseline: '—',
    ratio: null,
    target: '≤ 400 B/note',
    met: memory.bytesPerNote <= 400,
    note: `${(memory.heapDelta / 1_000_000).toFixed(1)} MB for ${memory.notes.toLocaleString('en-US')} notes, built the plugin's way (names, then each note read, scanned and put; no text kept)`,
  };
}

const MEMORY_ROW = 'Index memory per note (heap and array buffers after − before, GC settled)';

export async function runBench(config: BenchConfig): Promise<BenchReport> {
  const busyAtStart = await (config.busyCores ?? (() => sampleBusyCores(config.cores)))();
  if (isBusy(busyAtStart)) config.log(`the host is busy (${busyAtStart.toFixed(2)} of ${config.cores} cores at work): rows with a time target in milliseconds will read slow`);
  const started = Date.now();
  const rows: Row[] = [];
  const runs = (group: BenchGroup): boolean => config.only === undefined || config.only.has(group);
  const sizes = [...config.sizes].sort((a, b) => a - b);
  const generated = sizes.map((notes) => generatedInput(config.generatedRoot, notes, config.log));
  const largest = generated[generated.length - 1];
  const medium = generated.find((input) => input.paths.length >= config.mediumSize) ?? largest;
  const corpora = CORPORA.map((spec) => ({ spec, input: corpusInput(config.corporaRoot, spec) }));
  section(config, 'vaults ready', started);

  if (runs('build')) {
    for (const input of generated) measured(config, rows, BUILD_ROW, input.label, () => buildRows(input, optionsFor(config, input)));
    for (const { spec, input } of corpora) {
      if (input === null) rows.push(skippedRow(BUILD_ROW, spec.folder, `not measured: ${config.corporaRoot} is absent`));
      else measured(config, rows, BUILD_ROW, input.label, () => buildRows(input, config.options));
    }
    // At the largest size too, where the in-memory build's target is missed: the stages say by how much the index could.
    for (const input of new Set([medium, largest])) measured(config, rows, 'Index build breakdown', input.label, () => [breakdownRow(input, optionsFor(config, input))]);
    section(config, 'index build', started);
  }

  // Each pair takes well under 0.1 s even at 100k notes, so this row runs as often as the small inputs' rows.
  if (runs('names')) measured(config, rows, 'File-name index', largest.label, () => [namesRow(largest, config.options)]);

  if (runs('scanner')) {
    for (const { spec, input } of corpora) {
      if (input === null) rows.push(skippedRow(SCANNER_ROW, spec.folder, 'corpus absent'));
      else measured(config, rows, SCANNER_ROW, input.label, () => scannerRows(input, config.options, config.log));
    }
    measured(config, rows, SCANNER_ROW, medium.label, () => scannerRows(medium, config.options, config.log));
    section(config, 'scanner choice', started);
  }

  if (runs('chain')) {
    const drawn: { model: ChainViewModel | null } = { model: null };
    measured(config, rows, 'Chain compute and render', largest.label, () => {
      const chain = chainRows(fullBuildFromDisk(largest, textsFromDisk(largest)).index, largest.paths, largest.label, optionsFor(config, largest));
      drawn.model = chain.model;
      return chain.rows;
    });
    const model = drawn.model;
    if (model !== null) {
      await measuredAsync(config, rows, CHROMIUM_RENDER_ROW, largest.label, async () => [await chromiumRenderRow(model, largest.label, config.chromiumPage, config.options)]);
    }
    section(config, 'chain', started);
  }

  let mediumIndex: IdIndex | null = null;
  if (runs('repair')) {
    measured(config, rows, 'Repair planning', medium.label, () => {
      mediumIndex = fullBuildFromDisk(medium).index;
      return repairRows(medium, mediumIndex, config.options);
    });
    section(config, 'repair', started);
  }

  if (runs('warm')) {
    measured(config, rows, WARM_START_ROW, largest.label, () => [warmStartRow(largest, optionsFor(config, largest))]);
    section(config, 'warm start', started);
  }

  const cliInputs = runs('cli') ? config.cliSizes.map((notes) => generatedInput(config.generatedRoot, notes, config.log)) : [];
  for (const input of cliInputs) {
    const cli = config.cli;
    if (cli === null) rows.push(skippedRow(CLI_ROW, input.label, 'not measured: the command-line bundle could not be built'));
    else measured(config, rows, CLI_ROW, input.label, () => [cliRow(input, cli, optionsFor(config, input))]);
    await measuredAsync(config, rows, WARM_CHECK_ROW, input.label, async () => [warmCheckRow(input, await config.measureWarmCheck(input))]);
  }
  const threadsInput = cliInputs[cliInputs.length - 1];
  if (threadsInput !== undefined && config.cli !== null) {
    const cli = config.cli;
    measured(config, rows, THREADS_ROW, threadsInput.label, () => [threadsRow(threadsInput, cli, optionsFor(config, threadsInput), config.cores)]);
  }
  section(config, 'command line', started);

  if (runs('editor')) {
    measured(config, rows, 'Editor keystroke', medium.label, () => {
      const biggest = medium.paths.reduce((best, path) => {
        const text = readText(medium, path);
        return text.length > best.length ? text : best;
      }, '');
      const notes: EditorNote[] = config.editorNoteChars.map((chars) => ({ label: `${kb(chars)} note (${medium.label})`, text: noteOfSize(biggest, chars) }));
      // The smallest note again with link reference definitions, which the extension reads for brackets and titles.
      const [smallest] = config.editorNoteChars;
      for (const layout of DEFINITION_LAYOUTS) {
        notes.push({ label: `${kb(smallest)} note, ${layout} (${medium.label})`, text: withDefinitions(noteOfSize(biggest, smallest), layout, medium.format), targeted: editorTarget(layout) });
      }
      const index = mediumIndex ?? namesIndex(medium.paths, medium.format);
      return editorRows(notes, index, medium.format, config.keystrokes, config.editorRounds);
    });
    section(config, 'editor', started);
  }

  if (runs('memory')) {
    rows.push(memoryRow(largest, await config.measureMemory(largest)));
    section(config, 'memory', started);
  }
  return { rows, seconds: (Date.now() - started) / 1000, busyAtStart };
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  readonly date: string;
  readonly commit: string;
}

export function machineInfo(commit: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
  };
}

/** bench/RESULTS.md: where and when it ran, the table, and how to read it. */
export function renderResults(report: BenchReport, machine: MachineInfo, config: Pick<BenchConfig, 'sizes' | 'options' | 'bigOptions'>): string {
  const missed = report.rows.filter((row) => row.met === false);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench.mjs). Do not edit by hand; rerun it.`,
    '',
    `- Date: ${machine.date}`,
    `- Commit: ${machine.commit}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.platform}`,
    `- Node: ${machine.node}`,
    `- Generated vaults: ${config.sizes.map(sizeLabel).join(', ')} notes (bench/generate.ts, fixed seed)`,
    `- Runs: median of ${config.options.runs} after ${config.options.warmup} warm-up (${config.bigOptions.runs} after ${config.bigOptions.warmup} at 50k notes and more, but for the file-name index); subject and baseline alternate`,
    `- Total bench time: ${report.seconds.toFixed(0)} s`,
    ...hostLoadLines(report.busyAtStart, machine.cores),
    '',
    markdownTable(report.rows),
    '',
    missed.length === 0
      ? 'Every row with a target met it on this run.'
      : `Rows that missed their target on this run: ${missed.map((row) => `${row.row} (${row.input})`).join('; ')}. Where their time goes, and what was tried: CONTRIBUTING.md, Performance.`,
    '',
    'How to read it: "Ratio" is ours divided by the baseline measured in the same run on the same input.',
    'Build and repair baselines read the same files and run one plain ID regex (the floor for any scanner).',
    'The command-line rows spawn the bundled tool and a bare Node process (readFileSync and one ID regex',
    'per note) in turn; each child reports its own CPU time (user + system, all threads) when it exits.',
    'The "run again in one process" rows run the tool\'s check and the bare pass several times each, in a',
    'process of their own, and compare the runs after the first: the pipeline once V8 has compiled it.',
    'The scanner row compares our skip-span lexer with @lezer/markdown finding prose and then applying',
    'the same ID rules; agreement counts files where both report the same IDs at the same offsets.',
    'Editor rows type into real EditorViews in jsdom (no layout), so they measure update work, not paint;',
    'each keystroke goes to the editor with ID links and to the one without in turn.',
    '',
  ].join('\n');
}
