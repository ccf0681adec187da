/**
 * Command-line rows: `principle-chain check --json` as a whole process against a whole Node process
 * that reads the same files with readFileSync and runs one ID regex over each, spawned in turn,
 * and the CLI's scanning threads against one thread. CPU time is user + system time of the child,
 * every thread included, as the child reports it when it exits.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ms } from '../harness';
import type { BenchOptions, Row } from '../harness';
import type { BenchInput } from '../inputs';

export const CLI_ROW = 'Command line end to end: check --json, one thread (CPU time)';
export const THREADS_ROW = 'Command line: check --json with scanning threads vs one thread (wall time)';

/** Where the bundled tool is (dist/cli.js and dist/scanWorker.js side by side). */
export interface CliBundle {
  readonly script: string;
}

interface ProcessTime {
  readonly cpu: number;
  readonly wall: number;
  /** Worker threads the process started. */
  readonly workers: number;
  /** The main thread's share of the CPU time, or null where /proc does not tell (not Linux). */
  readonly mainShare: number | null;
}

// Loaded before the child's own code (and before each worker thread's, which stay silent): at exit
// the main thread writes the process's CPU time, every thread's included, how many worker threads
// it started, and the main thread's share of the time its threads still alive have taken (from
// /proc/self/task/*/schedstat, nanoseconds on a CPU; where the kernel has none, from .../stat's
// utime and stime, in clock ticks of 10 ms that a short process may not reach), to file
// descriptor 3. The rest is V8's own threads: compiling and collecting garbage.
const PRELOAD = `const threads = require('worker_threads');
if (threads.isMainThread) {
  let workers = 0;
  const Worker = threads.Worker;
  threads.Worker = class extends Worker { constructor(...args) { super(...args); workers++; } };
  const fs = require('fs');
  const nanosecondsOf = (task) => Number(fs.readFileSync('/proc/self/task/' + task + '/schedstat', 'utf8').split(' ')[0]);
  const ticksOf = (task) => {
    const stat = fs.readFileSync('/proc/self/task/' + task + '/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const shareBy = (timeOf) => {
    let all = 0;
    for (const task of fs.readdirSync('/proc/self/task')) all += timeOf(task);
    return all > 0 ? timeOf(process.pid) / all : null;
  };
  const mainShare = () => {
    try { return shareBy(nanosecondsOf); } catch { /* no schedstat */ }
    try { return shareBy(ticksOf); } catch { return null; }
  };
  process.on('exit', () => {
    const usage = process.cpuUsage();
    try { fs.writeSync(3, JSON.stringify({ cpu: (usage.user + usage.system) / 1000, workers, mainShare: mainShare() })); } catch { /* no pipe */ }
  });
}
`;

/**
 * The floor: list the vault as the tool does, read each note, count ID matches. A function's source,
 * run in a child (and by warmCheck.ts), given Node's `require`.
 */
export const BARE_PASS_SOURCE = `function barePass(root, source, require) {
  const fs = require('fs'); const path = require('path');
  const regex = new RegExp(source, 'g'); let matches = 0;
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) {
        const text = fs.readFileSync(full, 'utf8');
        regex.lastIndex = 0;
        while (regex.exec(text) !== null) matches++;
      }
    }
  })(root);
  return matches;
}`;

/** The floor as a process (BARE_PASS_SOURCE), printing how many matches it counted. */
export function barePassScript(root: string, source: string): string {
  return `process.stdout.write(String((${BARE_PASS_SOURCE})(${JSON.stringify(root)}, ${JSON.stringify(source)}, require)));`;
}

/** Runs a Node child with the preload, its output discarded; returns its CPU and wall time. */
function timedChild(preload: string, argv: readonly string[], env: NodeJS.ProcessEnv): ProcessTime {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', preload, ...argv], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], env, maxBuffer: 1 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error !== undefined) throw child.error;
  // check exits 1 when it finds problems, which the generated vaults have on purpose.
  if (child.status !== 0 && child.status !== 1) throw new Error(`child exited with ${String(child.status)}: ${String(child.output[2]).slice(0, 300)}`);
  const report = JSON.parse(String(child.output[3])) as { cpu: number; workers: number; mainShare: number | null };
  return { cpu: report.cpu, wall, workers: report.workers, mainShare: report.mainShare };
}

/** Runs a and b alternately (after warm-up runs), `runs` times each. */
function alternate(a: () => ProcessTime, b: () => ProcessTime, options: BenchOptions): { a: ProcessTime[]; b: ProcessTime[] } {
  for (let i = 0; i < options.warmup; i++) {
    a();
    b();
  }
  const as: ProcessTime[] = [];
  const bs: ProcessTime[] = [];
  for (let i = 0; i < Math.max(1, options.runs); i++) {
    if (i % 2 === 0) {
      bs.push(b());
      as.push(a());
    } else {
      as.push(a());
      bs.push(b());
    }
  }
  return { a: as, b: bs };
}

function medianOf(times: readonly ProcessTime[], key: 'cpu' | 'wall' | 'workers'): number {
  return median(times.map((time) => time[key]));
}

/** Median CPU time of the main thread and of the other threads, or null when a run could not tell. */
function threadSplit(times: readonly ProcessTime[]): { main: number; others: number } | null {
  if (times.some((time) => time.mainShare === null)) return null;
  const main = median(times.map((time) => time.cpu * (time.mainShare as number)));
  const others = median(times.map((time) => time.cpu * (1 - (time.mainShare as number))));
  return { main, others };
}

/** `; CPU time of the main thread … against …, of V8's other threads … against …` for the two processes, when both could tell; else ''. */
function splitNote(ours: readonly ProcessTime[], bare: readonly ProcessTime[]): string {
  const a = threadSplit(ours);
  const b = threadSplit(bare);
  if (a === null || b === null) return '';
  return `; CPU time of the main thread ${ms(a.main)} against ${ms(b.main)}, of V8's other threads (compiling, collecting garbage) ${ms(a.others)} against ${ms(b.others)}`;
}

function withPreload<T>(work: (preload: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'principle-chain-bench-cli-'));
  const preload = path.join(dir, 'cpu-report.js');
  fs.writeFileSync(preload, PRELOAD);
  try {
    return work(preload);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `check --json` on the vault, one thread, against the bare read-and-regex process. */
export function cliRow(input: BenchInput, cli: CliBundle, options: BenchOptions): Row {
  return withPreload((preload) => {
    const oneThread = { ...process.env, PRINCIPLE_CHAIN_JOBS: '1' };
    const times = alternate(
      () => timedChild(preload, [cli.script, 'check', '--json', '--vault', input.root], oneThread),
      () => timedChild(preload, ['-e', barePassScript(input.root, input.format.source)], process.env),
      options,
    );
    const ours = medianOf(times.a, 'cpu');
    const bare = medianOf(times.b, 'cpu');
    const wall = { ours: medianOf(times.a, 'wall'), bare: medianOf(times.b, 'wall') };
    return {
      row: CLI_ROW,
      input: input.label,
      ours: ms(ours),
      baseline: `node reading the files + one ID regex: ${ms(bare)}`,
      ratio: bare > 0 ? ours / bare : null,
      target: '≤ 2×',
      met: bare > 0 ? ours / bare <= 2 : null,
      note: `both whole processes, spawned in turn; wall time ${ms(wall.ours)} against ${ms(wall.bare)}${wall.bare > 0 ? ` (${(wall.ours / wall.bare).toFixed(2)}×)` : ''}${splitNote(times.a, times.b)}`,
    };
  });
}

/**
 * `check --json` with the threads the tool chooses against one thread, by wall time. The tool starts
 * scanning threads only for cores other processes leave idle (scanVault.ts threadsFor); when it
 * started none, the row says so and claims no speed-up.
 */
export function threadsRow(input: BenchInput, cli: CliBundle, options: BenchOptions, cores: number): Row {
  return withPreload((preload) => {
    const auto = { ...process.env };
    delete auto.PRINCIPLE_CHAIN_JOBS;
    const load = os.loadavg()[0];
    const times = alternate(
      () => timedChild(preload, [cli.script, 'check', '--json', '--vault', input.root], auto),
      () => timedChild(preload, [cli.script, 'check', '--json', '--vault', input.root], { ...process.env, PRINCIPLE_CHAIN_JOBS: '1' }),
      options,
    );
    const threaded = medianOf(times.a, 'wall');
    const single = medianOf(times.b, 'wall');
    const speedUp = threaded > 0 ? single / threaded : 0;
    const workers = Math.max(...times.a.map((time) => time.workers));
    const machine = `${input.paths.length.toLocaleString('en-US')} notes, ${cores} cores, load average ${load.toFixed(1)} at the start`;
    const chose = workers === 0
      ? `the tool started no scanning thread (${machine}), so both columns are one thread`
      : `${workers + 1} threads (${machine}); ${speedUp.toFixed(2)}× speed-up`;
    return {
      row: THREADS_ROW,
      input: input.label,
      ours: ms(threaded),
      baseline: `one thread: ${ms(single)}`,
      ratio: single > 0 ? threaded / single : null,
      target: cores > 1 && workers > 0 ? '< 1× (faster)' : '',
      met: cores > 1 && workers > 0 && single > 0 ? threaded < single : null,
      note: `${chose}; CPU time ${ms(medianOf(times.a, 'cpu'))} against ${ms(medianOf(times.b, 'cpu'))}`,
    };
  });
}
