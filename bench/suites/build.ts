/**
 * Index build rows: the full build (read + scan + resolve) against the floor any scanner has (read
 * the same files, run one plain ID regex), the same two in memory, the file-name pass, and a
 * restart from the persisted cache.
 */
import * as fs from 'fs';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts, namesOnlyFacts } from '../../src/core/index/noteFacts';
import type { NoteFacts } from '../../src/core/index/noteFacts';
import { scanReferences } from '../../src/core/ids/scanner';
import { decodeSnapshot, encodeSnapshot } from '../../src/core/cache/snapshot';
import type { CachedNote } from '../../src/core/cache/snapshot';
import type { IdFormat } from '../../src/core/ids/formats';
import type { IndexedReference } from '../../src/core/types';
import { absoluteRow, ms, ratioRow, timeAlone, timeOnce, timePair } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { factOptions, megabytes, readAll, readText, totalBytes } from '../inputs';
import type { BenchInput } from '../inputs';

export const BUILD_ROW = 'Index build (read + scan + resolve)';

/** What a build found, so the bench can show it measured real work. */
export interface BuildSummary {
  readonly notes: number;
  readonly references: number;
  readonly resolved: number;
}

/** Adds every note to the index, then resolves every reference ID the notes hold. */
export function indexTexts(paths: readonly string[], text: (i: number) => string, format: IdFormat): { index: IdIndex; summary: BuildSummary } {
  const index = new IdIndex({ format });
  const options = factOptions(format);
  const referenced: (readonly IndexedReference[])[] = [];
  for (let i = 0; i < paths.length; i++) {
    const facts = extractNoteFacts(paths[i], text(i), options);
    index.apply({ kind: 'upsert', facts });
    referenced.push(facts.references);
  }
  // Resolution runs once every note is in: a reference may name a note indexed after it.
  let references = 0;
  let resolved = 0;
  for (const list of referenced) {
    for (const reference of list) {
      const resolution = index.resolve(reference.id);
      if (resolution.status === 'unresolved' && !format.isPlausible(reference.id)) continue;
      references++;
      if (resolution.status === 'resolved') resolved++;
    }
  }
  return { index, summary: { notes: paths.length, references, resolved } };
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

export function fullBuildFromDisk(input: BenchInput): { index: IdIndex; summary: BuildSummary } {
  return indexTexts(input.paths, (i) => readText(input, input.paths[i]), input.format);
}

export function barePassFromDisk(input: BenchInput): number {
  return regexPass(input.paths.length, (i) => readText(input, input.paths[i]), input.format);
}

export function buildRows(input: BenchInput, options: BenchOptions): Row[] {
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
  const what = found === null ? '' : `${found.notes.toLocaleString('en-US')} notes, ${found.references.toLocaleString('en-US')} references (${found.resolved.toLocaleString('en-US')} resolved); regex: ${matches.toLocaleString('en-US')} matches`;
  const rows = [ratioRow(BUILD_ROW, input.label, disk.subject.median, 'read + one ID regex', disk.baseline.median, 2, what)];

  const texts = readAll(input);
  const memory = timePair(
    () => indexTexts(input.paths, (i) => texts[i], input.format),
    () => regexPass(texts.length, (i) => texts[i], input.format),
    options,
  );
  rows.push(
    ratioRow('Index build, texts in memory (scan + resolve)', input.label, memory.subject.median, 'one ID regex', memory.baseline.median, null, `${megabytes(totalBytes(texts))} of text; no target, shows the scanner's own cost`),
  );
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
  const regex = timeAlone(() => regexPass(texts.length, (i) => texts[i], format), options);
  const scan = timeAlone(() => {
    for (const text of texts) scanReferences(text, format);
  }, options);
  let facts: NoteFacts[] = [];
  const extract = timeAlone(() => {
    facts = input.paths.map((path, i) => extractNoteFacts(path, texts[i], fo));
  }, options);
  let index = new IdIndex({ format });
  const fill = timeAlone(() => {
    index = new IdIndex({ format });
    for (const noteFacts of facts) index.apply({ kind: 'upsert', facts: noteFacts });
  }, options);
  const resolve = timeAlone(() => {
    for (const noteFacts of facts) for (const reference of noteFacts.references) index.resolve(reference.id);
  }, options);
  const total = extract.median + fill.median + resolve.median;
  return {
    row: 'Index build breakdown, texts in memory',
    input: input.label,
    ours: ms(total),
    baseline: `one ID regex: ${ms(regex.median)}`,
    ratio: regex.median > 0 ? total / regex.median : null,
    target: '',
    met: null,
    note:
      `scanReferences ${ms(scan.median)}; extractNoteFacts (scan + own ID, title, lines, contexts) ${ms(extract.median)}; ` +
      `IdIndex.apply ${ms(fill.median)}; resolve every reference ${ms(resolve.median)}`,
  };
}

/** The first pass at layout-ready: every note from its path alone. */
export function namesIndex(paths: readonly string[], format: IdFormat): IdIndex {
  const index = new IdIndex({ format });
  const options = factOptions(format);
  for (const path of paths) index.apply({ kind: 'upsert', facts: namesOnlyFacts(path, options) });
  return index;
}

/** The floor for a name index: one prefix regex per path into a plain Map. */
function plainNameMap(paths: readonly string[], format: IdFormat): Map<string, string[]> {
  const prefix = new RegExp(`^(?:${format.source})`);
  const map = new Map<string, string[]>();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const match = prefix.exec(name);
    if (match === null) continue;
    const list = map.get(match[0]);
    if (list === undefined) map.set(match[0], [path]);
    else list.push(path);
  }
  return map;
}

export function namesRow(input: BenchInput, options: BenchOptions): Row {
  const timed = timePair(() => namesIndex(input.paths, input.format), () => plainNameMap(input.paths, input.format), options);
  return ratioRow('File-name index (first pass, no reads)', input.label, timed.subject.median, 'regex into a Map', timed.baseline.median, null, 'the issue expects tens of ms at 100k');
}

/**
 * A restart from the persisted cache: decode the file, check each note's size and mtime, and fill
 * a fresh index, against building the same notes from their files.
 */
export function cacheRows(input: BenchInput, notes: number, options: BenchOptions): Row[] {
  const paths = input.paths.slice(0, notes);
  const format = input.format;
  const cached: CachedNote[] = [];
  const fo = factOptions(format);
  for (const path of paths) {
    const stat = fs.statSync(`${input.root}/${path}`);
    const noteFacts = extractNoteFacts(path, readText(input, path), fo);
    cached.push({ path, mtime: Math.floor(stat.mtimeMs), size: stat.size, facts: noteFacts });
  }
  const stamp = { pluginVersion: 'bench' };
  const snapshot = { settingsKey: 'bench', notes: cached };
  let text = '';
  const encode = timeAlone(() => {
    text = encodeSnapshot(snapshot, stamp);
  }, { runs: Math.min(3, options.runs), warmup: 0 });
  // What Obsidian keeps in memory as TFile.stat, so checking it costs no I/O.
  const stats = new Map(cached.map((note) => [note.path, { mtime: note.mtime, size: note.size }]));

  const restore = (): void => {
    const decoded = decodeSnapshot(text, stamp);
    if (decoded === null) throw new Error('the bench cache did not decode');
    const index = new IdIndex({ format });
    for (const note of decoded.notes) {
      const stat = stats.get(note.path);
      if (stat !== undefined && stat.mtime === note.mtime && stat.size === note.size) index.apply({ kind: 'upsert', facts: note.facts });
    }
  };
  const timed = timePair(restore, () => indexTexts(paths, (i) => readText(input, paths[i]), format), options);
  const label = `${input.label}, first ${paths.length.toLocaleString('en-US')} notes`;
  const decodeOnly = timeOnce(() => decodeSnapshot(text, stamp));
  return [
    absoluteRow(
      'Restart from index cache (decode + check + fill)',
      label,
      timed.subject.median,
      1000,
      `full build from files: ${ms(timed.baseline.median)}`,
      `cache file ${megabytes(text.length)}; decode alone ${ms(decodeOnly)}; encode ${ms(encode.median)} (written in slices after indexing)`,
      timed.baseline.median,
    ),
  ];
}
