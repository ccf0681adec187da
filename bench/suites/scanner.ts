/**
 * The scanner choice: our hand-written skip-span lexer against @lezer/markdown finding prose (plus
 * the same ID rules), on the same texts in memory: speed, and how many files yield the same IDs at
 * the same offsets.
 */
import { scanReferences } from '../../src/core/ids/scanner';
import type { IdFormat } from '../../src/core/ids/formats';
import { ratioRow, timePair } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { lezerReferences } from '../lezerScanner';
import type { FoundId } from '../lezerScanner';
import { readAll } from '../inputs';
import type { BenchInput } from '../inputs';

export const SCANNER_ROW = 'Scanner: our lexer vs @lezer/markdown (GFM + Obsidian syntax) + same ID rules';

export interface Agreement {
  readonly files: number;
  readonly sameFiles: number;
  readonly ours: number;
  readonly lezer: number;
  /** A few differing files with the IDs only one side found, for the report. */
  readonly examples: readonly string[];
}

function key(found: FoundId): string {
  return `${found.from}:${found.id}`;
}

/** Compares the (offset, ID) lists both scanners give for each text. */
export function agreement(paths: readonly string[], texts: readonly string[], format: IdFormat, maxExamples = 5): Agreement {
  let sameFiles = 0;
  let ours = 0;
  let lezer = 0;
  const examples: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = scanReferences(texts[i], format).map(key);
    const b = lezerReferences(texts[i], format).map(key);
    ours += a.length;
    lezer += b.length;
    if (a.length === b.length && a.every((k, j) => k === b[j])) {
      sameFiles++;
      continue;
    }
    if (examples.length < maxExamples) {
      const inB = new Set(b);
      const inA = new Set(a);
      const describe = (k: string): string => {
        const at = Number(k.slice(0, k.indexOf(':')));
        return JSON.stringify(texts[i].slice(Math.max(0, at - 25), at + 20));
      };
      const onlyOurs = a.filter((k) => !inB.has(k)).slice(0, 2).map(describe);
      const onlyLezer = b.filter((k) => !inA.has(k)).slice(0, 2).map(describe);
      examples.push(`${paths[i]}: only ours ${onlyOurs.join(', ') || '—'}; only lezer ${onlyLezer.join(', ') || '—'}`);
    }
  }
  return { files: texts.length, sameFiles, ours, lezer, examples };
}

export function scannerRows(input: BenchInput, options: BenchOptions, log: (line: string) => void): Row[] {
  const texts = readAll(input);
  const timed = timePairOver(texts, input.format, options);
  const agree = agreement(input.paths, texts, input.format);
  for (const example of agree.examples) log(`  scanner disagreement (${input.label}) ${example}`);
  const note =
    `same IDs at same offsets in ${agree.sameFiles.toLocaleString('en-US')} / ${agree.files.toLocaleString('en-US')} files ` +
    `(${(100 * agree.sameFiles / Math.max(1, agree.files)).toFixed(1)}%); references: ours ${agree.ours.toLocaleString('en-US')}, lezer ${agree.lezer.toLocaleString('en-US')}`;
  return [ratioRow(SCANNER_ROW, input.label, timed.subject, '@lezer/markdown', timed.baseline, 1, note)];
}

function timePairOver(texts: readonly string[], format: IdFormat, options: BenchOptions): { subject: number; baseline: number } {
  const result = timePair(
    () => {
      for (const text of texts) scanReferences(text, format);
    },
    () => {
      for (const text of texts) lezerReferences(text, format);
    },
    options,
  );
  return { subject: result.subject.median, baseline: result.baseline.median };
}
