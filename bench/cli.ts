/**
 * `npm run bench` entry (bundled by scripts/bench.mjs, which also bundles the command-line tool and
 * passes it as `--cli`, and the chain view's Chromium page as `--chain-page SCRIPT,CSS,...`): runs every row at full size and writes bench/RESULTS.md. With `--memory-probe ROOT FORMAT LABEL` it only measures index memory and
 * prints it as JSON (run by the main process with --expose-gc, so the heap holds nothing else). With
 * `--warm-probe ours|bare ROOT SOURCE TIMES` it runs `check --json` or the bare pass TIMES times and
 * prints each run's CPU time as JSON (the warm check row, bench/suites/warmCheck.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FOURTEEN_DIGIT, TWELVE_DIGIT } from '../src/core/ids/formats';
import { listMarkdown } from './harness';
import { measureIndexMemory } from './suites/memory';
import type { MemoryFigures } from './suites/memory';
import { BENCH_GROUPS, machineInfo, renderResults, runBench } from './run';
import type { BenchConfig, BenchGroup } from './run';
import type { BenchInput } from './inputs';
import type { ChromiumPage } from './chromium';
import { bareRuns, checkRuns, type WarmRuns } from './suites/warmCheck';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

function commitOf(repo: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    // The results file a previous run wrote is no change to the code measured.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/RESULTS.md'], { cwd: repo, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

/** This bench run again as a probe (`nodeFlags`, then the probe's arguments); its JSON output, or null when it failed. */
function probeInChild<T>(nodeFlags: readonly string[], probe: readonly string[], env: NodeJS.ProcessEnv = process.env): T | null {
  const child = spawnSync(process.execPath, [...nodeFlags, process.argv[1], ...probe], { encoding: 'utf8', maxBuffer: 1 << 20, env });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    return null;
  }
  return JSON.parse(child.stdout) as T;
}

function memoryInChild(input: BenchInput): Promise<MemoryFigures | null> {
  return Promise.resolve(probeInChild<MemoryFigures>(['--expose-gc'], ['--memory-probe', input.root, input.format.key, input.label]));
}

/** Runs after the first in each process of the warm check row (bench/suites/warmCheck.ts). */
const WARM_RUNS_AFTER_FIRST = 3;

/** One side of the warm check row in a process of its own (`--warm-probe ours|bare ROOT SOURCE TIMES`); null when it failed. */
function warmProbe(side: 'ours' | 'bare', input: BenchInput): number[] | null {
  const probe = ['--warm-probe', side, input.root, input.format.source, String(1 + WARM_RUNS_AFTER_FIRST)];
  return probeInChild<number[]>([], probe, { ...process.env, PRINCIPLE_CHAIN_JOBS: '1' });
}

function warmInChildren(input: BenchInput): Promise<WarmRuns | null> {
  const ours = warmProbe('ours', input);
  const bare = warmProbe('bare', input);
  return Promise.resolve(ours === null || bare === null ? null : { ours, bare });
}

/** `--chain-page SCRIPT,CSS,...` (written by bench/pageBundle.mjs) in Debian's Chromium, or another named by BENCH_CHROMIUM. */
function chromiumPage(value: string | undefined): ChromiumPage | null {
  if (value === undefined) return null;
  const [script, ...styles] = value.split(',');
  return { script, styles, chromium: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium' };
}

/** `--only build,cli`: just those groups of rows (bench/run.ts BENCH_GROUPS); a name it does not know is an error. */
function onlyGroups(value: string | undefined): ReadonlySet<BenchGroup> | undefined {
  if (value === undefined) return undefined;
  const groups = value.split(',').filter((group) => group !== '');
  const unknown = groups.filter((group) => !(BENCH_GROUPS as readonly string[]).includes(group));
  if (unknown.length > 0) throw new Error(`--only: unknown group ${unknown.join(', ')}; the groups are ${BENCH_GROUPS.join(', ')}`);
  return new Set(groups as BenchGroup[]);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const probe = option(args, '--memory-probe');
  if (probe !== undefined) {
    const format = args[args.indexOf('--memory-probe') + 2] === '14' ? FOURTEEN_DIGIT : TWELVE_DIGIT;
    const input: BenchInput = { label: args[args.indexOf('--memory-probe') + 3] ?? probe, root: probe, format, paths: listMarkdown(probe), generated: true };
    process.stdout.write(JSON.stringify(measureIndexMemory(input)));
    return;
  }
  const warm = args.indexOf('--warm-probe');
  if (warm !== -1) {
    const [side, root, source, times] = args.slice(warm + 1);
    const cpu = side === 'ours' ? await checkRuns(root, Number(times)) : bareRuns(root, source, Number(times));
    process.stdout.write(JSON.stringify(cpu));
    return;
  }
  const repo = path.resolve(option(args, '--repo') ?? process.cwd());
  const quick = args.includes('--quick');
  const sizes = (option(args, '--sizes') ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
  const runs = Number(option(args, '--runs') ?? 5);
  const config: BenchConfig = {
    generatedRoot: path.join(repo, 'bench', 'generated'),
    corporaRoot: path.resolve(repo, '..', 'shared', 'corpora'),
    sizes,
    mediumSize: 10_000,
    cliSizes: (option(args, '--cli-sizes') ?? (quick ? '10000' : '20000,100000')).split(',').map(Number),
    cli: option(args, '--cli') === undefined ? null : { script: option(args, '--cli') as string },
    chromiumPage: chromiumPage(option(args, '--chain-page')),
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    editorNoteChars: [50_000, 5_000_000],
    keystrokes: quick ? 100 : 200,
    editorRounds: quick ? 1 : 3,
    options: { runs, warmup: 1 },
    bigOptions: { runs: Math.min(runs, 3), warmup: 1 },
    measureMemory: memoryInChild,
    measureWarmCheck: warmInChildren,
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
    only: onlyGroups(option(args, '--only')),
  };
  const report = await runBench(config);
  const text = renderResults(report, machineInfo(commitOf(repo)), config);
  const out = option(args, '--out') ?? path.join(repo, 'bench', 'RESULTS.md');
  fs.writeFileSync(out, text);
  process.stdout.write(text);
  process.stderr.write(`[bench] wrote ${path.relative(repo, out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
