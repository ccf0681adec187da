/**
 * Timing and table plumbing for the benchmark: interleaved runs of a subject and its baseline
 * (so both see the same machine noise), medians, and the Markdown rows the bench prints.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

export interface BenchOptions {
  /** Timed runs per measurement (the median is reported). */
  readonly runs: number;
  /** Untimed runs before timing, so the JIT and the file cache are warm. */
  readonly warmup: number;
}

/** One line of the results table. `ratio` is subject / baseline when a baseline was measured. */
export interface Row {
  readonly row: string;
  readonly input: string;
  readonly ours: string;
  readonly baseline: string;
  readonly ratio: number | null;
  /** e.g. "≤ 2×"; empty when the row only reports a figure. */
  readonly target: string;
  readonly met: boolean | null;
  readonly note: string;
}

export interface Timed {
  readonly median: number;
  readonly runs: readonly number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `p` (0–1) of the samples fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function timeOnce(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Runs subject and baseline alternately (after warm-up) and returns both medians. */
export function timePair(subject: () => void, baseline: () => void, options: BenchOptions): { subject: Timed; baseline: Timed } {
  for (let i = 0; i < options.warmup; i++) {
    baseline();
    subject();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.max(1, options.runs); i++) {
    // Alternate which goes first, so neither always runs on a cache the other just warmed.
    if (i % 2 === 0) {
      b.push(timeOnce(baseline));
      a.push(timeOnce(subject));
    } else {
      a.push(timeOnce(subject));
      b.push(timeOnce(baseline));
    }
  }
  return { subject: { median: median(a), runs: a }, baseline: { median: median(b), runs: b } };
}

export function timeAlone(work: () => void, options: BenchOptions): Timed {
  for (let i = 0; i < options.warmup; i++) work();
  const runs: number[] = [];
  for (let i = 0; i < Math.max(1, options.runs); i++) runs.push(timeOnce(work));
  return { median: median(runs), runs };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function ratioRow(
  row: string,
  input: string,
  ours: number,
  baselineName: string,
  baseline: number,
  maxRatio: number | null,
  note = '',
): Row {
  const ratio = baseline > 0 ? ours / baseline : null;
  return {
    row,
    input,
    ours: ms(ours),
    baseline: `${baselineName}: ${ms(baseline)}`,
    ratio,
    target: maxRatio === null ? '' : `≤ ${maxRatio}×`,
    met: maxRatio === null || ratio === null ? null : ratio <= maxRatio,
    note,
  };
}

/** A row with a time budget rather than (or besides) a ratio target; a null budget reports the figure only. */
export function absoluteRow(
  row: string,
  input: string,
  ours: number,
  limitMs: number | null,
  baseline: string,
  note = '',
  baselineMs: number | null = null,
): Row {
  return {
    row,
    input,
    ours: ms(ours),
    baseline,
    ratio: baselineMs !== null && baselineMs > 0 ? ours / baselineMs : null,
    target: limitMs === null ? '' : `≤ ${ms(limitMs)}`,
    met: limitMs === null ? null : ours <= limitMs,
    note,
  };
}

/** A row that could not be measured, with the reason in place of figures. */
export function skippedRow(row: string, input: string, why: string): Row {
  return { row, input, ours: '—', baseline: '—', ratio: null, target: '', met: null, note: why };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| Row | Input | Ours (median) | Baseline (median) | Ratio | Target | Met | Note |',
    '|---|---|---:|---:|---:|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    const met = r.met === null ? '' : r.met ? 'Met' : '**Missed**';
    lines.push(`| ${[r.row, r.input, r.ours, r.baseline, ratio, r.target, met, r.note].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Every `.md` file under `root`, vault-relative with '/', sorted; hidden folders are skipped. */
export function listMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(rel);
    }
  };
  walk(root, '');
  return out.sort();
}
