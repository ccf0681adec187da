/**
 * `check --json` run again in one process, against the bare pass run again the same way. The
 * whole-process rows (commandLine.ts) count, once per process, Node's start and V8's running and
 * compiling of code it has not seen yet; here the first run in the process pays those, and the runs
 * after it show what the pipeline itself costs once its code is compiled. Each side runs in a
 * process of its own (bench/cli.ts `--warm-probe`), so neither warms the other's code.
 */
import * as vm from 'vm';
import { runCli } from '../../src/cli/run';
import { nodeVaultFs } from '../../src/cli/vaultFs';
import { median, ms } from '../harness';
import { BARE_PASS_SOURCE } from './commandLine';
import type { Row } from '../harness';
import type { BenchInput } from '../inputs';

export const WARM_CHECK_ROW = 'Command line: check --json run again in one process (CPU time, its code compiled)';

/** CPU time (every thread) of each run in one process, the first run first. */
export interface WarmRuns {
  readonly ours: readonly number[];
  readonly bare: readonly number[];
}

function cpuOf(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** `check --json --vault root` as the tool runs it, `times` times in this process; the output is built and dropped. */
export async function checkRuns(root: string, times: number): Promise<number[]> {
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    let written = 0;
    const before = process.cpuUsage();
    const code = await runCli(['check', '--json', '--vault', root], {
      stdout: (text) => {
        written += text.length;
      },
      stderr: () => undefined,
      cwd: process.cwd(),
      version: '0.0.0',
      fs: nodeVaultFs,
    });
    cpu.push(cpuOf(before));
    // check exits 1 when it finds problems, which the generated vaults have on purpose.
    if ((code !== 0 && code !== 1) || written === 0) throw new Error(`check --json ended with ${code} and ${written} characters of output`);
  }
  return cpu;
}

/** BARE_PASS_SOURCE as a function of this process: the number of ID matches in the vault's notes. */
export function barePassHere(): (root: string, source: string) => number {
  const barePass = vm.runInThisContext(`(${BARE_PASS_SOURCE})`) as (root: string, source: string, load: NodeJS.Require) => number;
  return (root, source) => barePass(root, source, require);
}

/** The bare pass (BARE_PASS_SOURCE) `times` times in this process. */
export function bareRuns(root: string, source: string, times: number): number[] {
  const barePass = barePassHere();
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = process.cpuUsage();
    barePass(root, source);
    cpu.push(cpuOf(before));
  }
  return cpu;
}

export function warmCheckRow(input: BenchInput, runs: WarmRuns | null): Row {
  if (runs === null || runs.ours.length < 2 || runs.bare.length < 2) {
    const why = runs === null ? 'the probe processes failed' : 'a process ran no second run';
    return { row: WARM_CHECK_ROW, input: input.label, ours: '—', baseline: '—', ratio: null, target: '', met: null, note: `not measured: ${why}` };
  }
  const ours = median(runs.ours.slice(1));
  const bare = median(runs.bare.slice(1));
  const list = (values: readonly number[]): string => values.slice(1).map((value) => ms(value)).join(', ');
  return {
    row: WARM_CHECK_ROW,
    input: input.label,
    ours: ms(ours),
    baseline: `the bare pass run again: ${ms(bare)}`,
    ratio: bare > 0 ? ours / bare : null,
    target: '',
    met: null,
    note:
      `one process each, Node's start not counted; the first run in the process ${ms(runs.ours[0])} against ${ms(runs.bare[0])}, ` +
      `the runs after it ${list(runs.ours)} against ${list(runs.bare)}`,
  };
}
