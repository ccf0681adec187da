/** The index's packed storage of notes and IDs, shared by the index and its invariant check. */
import type { IndexedReference, LinkParts, NoteRecord, ReferenceForm } from '../types';

/**
 * Everything the index knows of one ID. Notes point at entries directly, so the per-reference
 * "does this count" test is a field read, not a map lookup.
 */
export interface IdEntry {
  /** The ID as a standalone string (never a slice that keeps some note's text alive). */
  readonly id: string;
  readonly plausible: boolean;
  /** Owning paths, sorted; replaced (never mutated) so resolutions handed out stay valid. */
  owners: readonly string[];
  /** Paths of notes holding at least one raw reference to the ID. */
  readonly sources: Set<string>;
  /** `sources` sorted, computed on first read after a change. */
  sortedSources: string[] | null;
}

/**
 * A note as stored: references packed into one typed array and one context string, so 100k notes
 * cost a few hundred bytes each rather than an object graph per reference.
 */
export interface StoredNote {
  readonly record: NoteRecord;
  readonly entries: readonly IdEntry[];
  /** FIELDS numbers per reference, at the offsets below. */
  readonly numbers: Int32Array;
  /** Every reference's context, concatenated; each ends at its CONTEXT_END. */
  readonly contexts: string;
  /** Link parts by reference position; null when the note has no link references. */
  readonly links: readonly (LinkParts | undefined)[] | null;
}

export const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];
export const FIELDS = 6;
export const FROM = 0;
export const TO = 1;
export const LINE = 2;
export const COLUMN = 3;
export const CONTEXT_END = 4;
export const FORM = 5;

/** Whether references to the entry's ID count: it names a note, or could be a real timestamp. */
export function counts(entry: IdEntry): boolean {
  return entry.owners.length > 0 || entry.plausible;
}

/** Code-unit order, the same on every platform and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entry's sources in path order (cached until they change). */
export function sortedSources(entry: IdEntry): string[] {
  entry.sortedSources ??= [...entry.sources].sort(comparePaths);
  return entry.sortedSources;
}

/** The i-th stored reference as the reader interface hands it out. */
export function materialize(stored: StoredNote, i: number): IndexedReference {
  const base = i * FIELDS;
  const numbers = stored.numbers;
  const contextStart = i === 0 ? 0 : numbers[base - FIELDS + CONTEXT_END];
  const link = stored.links === null ? undefined : stored.links[i];
  return {
    id: stored.entries[i].id,
    form: FORMS[numbers[base + FORM]],
    from: numbers[base + FROM],
    to: numbers[base + TO],
    line: numbers[base + LINE],
    column: numbers[base + COLUMN],
    context: stored.contexts.slice(contextStart, numbers[base + CONTEXT_END]),
    ...(link === undefined ? {} : { link }),
  };
}
