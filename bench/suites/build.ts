/**
 * Index build rows: the plugin's path (names first, then every note read, scanned and applied as
 * its content pass does, every reference resolved) against the floor any scanner has (read the
 * same files, run one plain ID regex), the same in memory, the scanner alone, the stages, and the
 * file-name pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IdIndex, type NoteTexts } from '../../src/core/index/idIndex';
import { REPORT_ALL_PAST } from '../../src/obsidian/indexer/contentPass';
import { DEFAULT_PACING } from '../../src/obsidian/pacing';
import { NoteScanner } from '../../src/core/index/scannedNote';
import { scanInto, type ReferenceSink } from '../../src/core/ids/scanner';
import type { IdFormat } from '../../src/core/ids/formats';
import { ms, ratioRow, timeAlone, timePair } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { factOptions, megabytes, readAll, readText, totalBytes } from '../inputs';
import type { BenchInput } from '../inputs';

export const BUILD_ROW = 'Index build, the plugin’s path (names, read + scan + apply, resolve)';
export const MEMORY_BUILD_ROW = 'Index build, texts in memory, the plugin’s calls (names, scan + apply, resolve)';
export const SCANNER_ALONE_ROW = 'Scanner alone (every reference of every note, as numbers)';

/** Sizes whose build rows carry the targets (smaller vaults and the corpora show figures only). */
const TARGET_SIZES = new Set([10_000, 100_000]);

/** What a build found, so the bench can show it measured real work. */
export interface BuildSummary {
  readonly notes: number;
  readonly references: number;
  readonly resolved: number;
}

/**
 * The plugin's path, as its content pass takes it (src/obsidian/indexer/contentPass.ts) less the
 * awaits: every note known by its file name first, then each note's text scanned and applied as an
 * upsert whose changed IDs are gathered and reported with each progress report (as strings, or
 * 'all' past REPORT_ALL_PAST; the text is dropped, as the plugin keeps none), storage trimmed, and every counting reference
 * resolved by walking the index. `texts` is where the index reads contexts back from.
 */
export function indexAsPlugin(paths: readonly string[], text: (i: number) => string, format: IdFormat, texts?: NoteTexts): { index: IdIndex; summary: BuildSummary } {
  const index = new IdIndex({ format, texts });
  const options = factOptions(format);
  index.putNames(paths, options);
  const scanner = new NoteScanner(options);
  const changed = index.changeSet(REPORT_ALL_PAST);
  let reported = performance.now();
  for (let i = 0; i < paths.length; i++) {
    index.applyGathering({ kind: 'upsert', facts: scanner.scan(paths[i], text(i)) }, changed);
    // The pass reports the changed IDs (as strings) with its progress, every reportEveryMs.
    if (performance.now() - reported >= DEFAULT_PACING.reportEveryMs) {
      changed.drain();
      reported = performance.now();
    }
  }
  index.trim();
  changed.drain();
  return { index, summary: resolveAll(index) };
}

/** Resolves every stored reference (as the views do, one array read each). */
function resolveAll(index: IdIndex): BuildSummary {
  let notes = 0;
  let references = 0;
  let resolved = 0;
  for (const note of index.noteCursors()) {
    notes++;
    while (note.next()) {
      if (!note.counts()) continue;
      references++;
      if (note.status === 'resolved') resolved++;
    }
  }
  return { notes, references, resolved };
}

/** The floor: the same reads (or texts) and one plain ID regex over each. */
export function regexPass(count: number, text: (i: number) => string, format: IdFormat): number {
  const regex = new RegExp(format.source, 'g');
  let matches = 0;
  for (let i = 0; i < count; i++) {
    const body = text(i);
    regex.lastIndex = 0;
    while (regex.exec(body) !== null) matches++;
  }
  return matches;
}

/** Note texts read from the vault's files when the index asks (a context line), kept once read. */
export function textsFromDisk(input: BenchInput): NoteTexts {
  const kept = new Map<string, string>();
  return {
    textOf(notePath) {
      let text = kept.get(notePath);
      if (text === undefined && fs.existsSync(path.join(input.root, notePath))) {
        text = readText(input, notePath);
        kept.set(notePath, text);
      }
      return text;
    },
  };
}

export function fullBuildFromDisk(input: BenchInput, texts?: NoteTexts): { index: IdIndex; summary: BuildSummary } {
  return indexAsPlugin(input.paths, (i) => readText(input, input.paths[i]), input.format, texts);
}

export function barePassFromDisk(input: BenchInput): number {
  return regexPass(input.paths.length, (i) => readText(input, input.paths[i]), input.format);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function buildRows(input: BenchInput, options: BenchOptions): Row[] {
  const targeted = input.generated && TARGET_SIZES.has(input.paths.length);
  let summary: BuildSummary | null = null;
  let matches = 0;
  const disk = timePair(
    () => {
      summary = fullBuildFromDisk(input).summary;
    },
    () => {
      matches = barePassFromDisk(input);
    },
    options,
  );
  const found = summary as BuildSummary | null;
  const what = found === null ? '' : `${count(found.notes)} notes, ${count(found.references)} references (${count(found.resolved)} resolved); regex: ${count(matches)} matches`;
  const rows = [ratioRow(BUILD_ROW, input.label, disk.subject.median, 'read + one ID regex', disk.baseline.median, targeted ? 1.6 : null, what)];

  const texts = readAll(input);
  const memory = timePair(
    () => indexAsPlugin(input.paths, (i) => texts[i], input.format),
    () => regexPass(texts.length, (i) => texts[i], input.format),
    options,
  );
  rows.push(ratioRow(MEMORY_BUILD_ROW, input.label, memory.subject.median, 'one ID regex', memory.baseline.median, targeted ? 4 : null, `${megabytes(totalBytes(texts))} of text`));
  const sink: ReferenceSink = { bare: () => undefined, link: () => undefined };
  const scanner = timePair(
    () => {
      for (const text of texts) scanInto(text, input.format, sink);
    },
    () => regexPass(texts.length, (i) => texts[i], input.format),
    options,
  );
  rows.push(ratioRow(SCANNER_ALONE_ROW, input.label, scanner.subject.median, 'one ID regex', scanner.baseline.median, targeted ? 2.5 : null, 'block structure, inline constructs and the word rule; no index'));
  return rows;
}

/**
 * Where the in-memory build spends its time, stage by stage (each stage timed on its own), so a
 * ratio that misses its target points at the stage to fix.
 */
export function breakdownRow(input: BenchInput, options: BenchOptions): Row {
  const texts = readAll(input);
  const format = input.format;
  const fo = factOptions(format);
  const sink: ReferenceSink = { bare: () => undefined, link: () => undefined };
  const regex = timeAlone(() => regexPass(texts.length, (i) => texts[i], format), options);
  const scan = timeAlone(() => {
    for (const text of texts) scanInto(text, format, sink);
  }, options);
  const facts = timeAlone(() => {
    const scanner = new NoteScanner(fo);
    for (let i = 0; i < texts.length; i++) scanner.scan(input.paths[i], texts[i]);
  }, options);
  const names = timeAlone(() => new IdIndex({ format }).putNames(input.paths, fo), options);
  let index = new IdIndex({ format });
  const put = timeAlone(() => {
    index = new IdIndex({ format });
    index.putNames(input.paths, fo);
    const scanner = new NoteScanner(fo);
    for (let i = 0; i < texts.length; i++) index.put(scanner.scan(input.paths[i], texts[i]));
    index.trim();
  }, options);
  const resolve = timeAlone(() => resolveAll(index), options);
  // The floor the index's own work adds to, against the regex in alternate runs (the stages above are each timed alone).
  const noIndex = timePair(
    () => {
      new IdIndex({ format }).putNames(input.paths, fo);
      const scanner = new NoteScanner(fo);
      for (let i = 0; i < texts.length; i++) scanner.scan(input.paths[i], texts[i]);
    },
    () => regexPass(texts.length, (i) => texts[i], format),
    options,
  );
  const total = put.median + resolve.median;
  return {
    row: 'Index build breakdown, texts in memory',
    input: input.label,
    ours: ms(total),
    baseline: `one ID regex: ${ms(regex.median)}`,
    ratio: regex.median > 0 ? total / regex.median : null,
    target: '',
    met: null,
    note:
      `scanner ${ms(scan.median)}; NoteScanner (scanner + own ID, title, lines, records) ${ms(facts.median)}; names pass ${ms(names.median)}; ` +
      `names + NoteScanner + put + trim ${ms(put.median)}; resolve every reference ${ms(resolve.median)}; ` +
      `with no index at all (names pass + NoteScanner, against the regex in alternate runs) ${noIndex.baseline.median > 0 ? (noIndex.subject.median / noIndex.baseline.median).toFixed(2) : '—'}×`,
  };
}

/** The first pass at layout-ready: every note from its path alone. */
export function namesIndex(paths: readonly string[], format: IdFormat): IdIndex {
  const index = new IdIndex({ format });
  index.putNames(paths, factOptions(format));
  return index;
}

/** The floor for a name index: one prefix regex per path into a plain Map. */
function plainNameMap(paths: readonly string[], format: IdFormat): Map<string, string[]> {
  const prefix = new RegExp(`^(?:${format.source})`);
  const map = new Map<string, string[]>();
  for (const notePath of paths) {
    const name = notePath.slice(notePath.lastIndexOf('/') + 1);
    const match = prefix.exec(name);
    if (match === null) continue;
    const list = map.get(match[0]);
    if (list === undefined) map.set(match[0], [notePath]);
    else list.push(notePath);
  }
  return map;
}

export function namesRow(input: BenchInput, options: BenchOptions): Row {
  const timed = timePair(() => namesIndex(input.paths, input.format), () => plainNameMap(input.paths, input.format), options);
  return ratioRow(
    'File-name index (first pass, no reads)',
    input.label,
    timed.subject.median,
    'regex into a Map',
    timed.baseline.median,
    0.5,
    'own IDs and titles from the paths alone: IDs resolve before any file is read',
  );
}
