/** The vaults the benchmark runs on: generated ones (made on demand) and the shared real corpora. */
import * as fs from 'fs';
import * as path from 'path';
import { FOURTEEN_DIGIT, TWELVE_DIGIT } from '../src/core/ids/formats';
import type { IdFormat } from '../src/core/ids/formats';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { NoteFactsOptions } from '../src/core/index/noteFacts';
import { ensureVault } from './generate';
import { listMarkdown } from './harness';

export interface BenchInput {
  readonly label: string;
  readonly root: string;
  readonly format: IdFormat;
  /** Vault-relative Markdown paths, sorted. */
  readonly paths: readonly string[];
  readonly generated: boolean;
}

/** A corpus the bench looks for next to the repository. */
export interface CorpusSpec {
  readonly folder: string;
  readonly format: IdFormat;
}

export const CORPORA: readonly CorpusSpec[] = [
  { folder: 'zettelkasten-public-12digit', format: TWELVE_DIGIT },
  { folder: 'zet-conversion-14digit', format: FOURTEEN_DIGIT },
];

export const SEED = 20210429;

export function factOptions(format: IdFormat): NoteFactsOptions {
  return { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
}

export function sizeLabel(notes: number): string {
  return notes >= 1000 && notes % 1000 === 0 ? `${notes / 1000}k` : String(notes);
}

/** A generated vault of `notes` notes under `generatedRoot`, written only if not already there. */
export function generatedInput(generatedRoot: string, notes: number, log: (line: string) => void): BenchInput {
  const label = sizeLabel(notes);
  const root = path.join(generatedRoot, `vault-${label}`);
  const spec = { notes, seed: SEED, hugeNotes: notes >= 1000 };
  const started = Date.now();
  if (ensureVault(root, spec)) log(`generated ${label} vault in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { label: `generated ${label}`, root, format: TWELVE_DIGIT, paths: listMarkdown(root), generated: true };
}

/** A shared corpus, or null when the folder is absent (a fresh clone has no ../shared). */
export function corpusInput(corporaRoot: string, spec: CorpusSpec): BenchInput | null {
  const root = path.join(corporaRoot, spec.folder);
  if (!fs.existsSync(root)) return null;
  return { label: spec.folder, root, format: spec.format, paths: listMarkdown(root), generated: false };
}

export function readText(input: BenchInput, rel: string): string {
  return fs.readFileSync(path.join(input.root, rel), 'utf8');
}

/** Every note's text, read once for the in-memory rows. */
export function readAll(input: BenchInput): string[] {
  return input.paths.map((rel) => readText(input, rel));
}

export function totalBytes(texts: readonly string[]): number {
  let sum = 0;
  for (const text of texts) sum += text.length;
  return sum;
}

export function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
