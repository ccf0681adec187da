/**
 * How busy the host was when the bench started, from the CPU times Node reports for every core
 * (os.cpus(), on every platform). A sample, not the load average: the one-minute average still
 * counts a run that has just ended, and Windows keeps none.
 */
import * as os from 'os';

export interface CpuTimes {
  /** Milliseconds the cores spent on any work, summed over cores. */
  readonly busy: number;
  /** Milliseconds in all, idle included, summed over cores. */
  readonly total: number;
}

export function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/** Cores' worth of work done between two readings (0 when no time passed). */
export function busyCores(before: CpuTimes, after: CpuTimes, cores: number): number {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * cores : 0;
}

export const SAMPLE_MS = 500;

/** Cores' worth of other work over SAMPLE_MS, measured while the bench itself waits. */
export async function sampleBusyCores(cores: number, read: () => CpuTimes = cpuTimes): Promise<number> {
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  return busyCores(before, read(), cores);
}

/** Half a core taken by other work already slows the rows that have a target in milliseconds. */
export function isBusy(busy: number): boolean {
  return busy >= 0.5;
}

/** The results' header lines on the host's load at the start. */
export function hostLoadLines(busy: number, cores: number): string[] {
  const line = `- Host at the start: ${busy.toFixed(2)} of ${cores} cores busy with other work (CPU time over ${SAMPLE_MS / 1000} s before the first row)`;
  if (!isBusy(busy)) return [line];
  return [line, '- The host was busy when the bench started: rows with a time target in milliseconds (the chain, the render, the warm start) read slow'];
}
