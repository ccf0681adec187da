/** The consistency check behind IdIndex.checkInvariants: every forward fact has its reverse, and back. */
import type { IdFormat } from '../ids/formats';
import { CONTEXT_END, FIELDS, FROM, type IdEntry, type StoredNote } from './storedNote';
import { fileNameOf } from './ownId';

/** The index's internal maps, as the check reads them. */
export interface IndexInternals {
  readonly format: IdFormat;
  readonly byPath: ReadonlyMap<string, StoredNote>;
  readonly byId: ReadonlyMap<string, IdEntry>;
  readonly byFileName: ReadonlyMap<string, readonly string[]>;
  readonly duplicateIds: ReadonlySet<string>;
}

/** One message per broken invariant; empty when the index is consistent. */
export function checkIndexInvariants(index: IndexInternals): string[] {
  const problems: string[] = [];
  for (const [path, stored] of index.byPath) checkNote(index, path, stored, problems);
  for (const [id, entry] of index.byId) checkEntry(index, id, entry, problems);
  for (const id of index.duplicateIds) {
    if ((index.byId.get(id)?.owners.length ?? 0) < 2) problems.push(`${id} is listed as a duplicate but has fewer than two owners`);
  }
  let named = 0;
  for (const [name, paths] of index.byFileName) {
    if (paths.length === 0) problems.push(`file name ${name} has an empty path list`);
    if (new Set(paths).size !== paths.length) problems.push(`file name ${name} lists a path twice`);
    for (const path of paths) {
      named++;
      if (!index.byPath.has(path)) problems.push(`file name ${name} lists ${path}, which is not indexed`);
      if (fileNameOf(path) !== name) problems.push(`${path} is listed under the file name ${name}`);
    }
  }
  if (named !== index.byPath.size) problems.push(`file-name map lists ${named} paths for ${index.byPath.size} notes`);
  return problems;
}

function checkNote(index: IndexInternals, path: string, stored: StoredNote, problems: string[]): void {
  const { record, entries, numbers, contexts, links } = stored;
  if (record.path !== path) problems.push(`${path} is stored with record path ${record.path}`);
  if (record.id !== null) {
    const owners = index.byId.get(record.id)?.owners ?? [];
    if (!owners.includes(path)) problems.push(`${path} owns ${record.id} but is not among its owners`);
  }
  if (numbers.length !== entries.length * FIELDS) problems.push(`${path} has ${numbers.length} packed numbers for ${entries.length} references`);
  if (links !== null && links.length !== entries.length) problems.push(`${path} has ${links.length} link slots for ${entries.length} references`);
  let previousFrom = -1;
  let previousEnd = 0;
  entries.forEach((entry, i) => {
    if (index.byId.get(entry.id) !== entry) problems.push(`${path} references ${entry.id} through an entry the index no longer holds`);
    if (!entry.sources.has(path)) problems.push(`${path} references ${entry.id} but is not among its sources`);
    const from = numbers[i * FIELDS + FROM];
    const end = numbers[i * FIELDS + CONTEXT_END];
    if (from < previousFrom) problems.push(`${path} references are not in text order at ${i}`);
    if (end < previousEnd || end > contexts.length) problems.push(`${path} context bounds are broken at ${i}`);
    previousFrom = from;
    previousEnd = end;
  });
}

function checkEntry(index: IndexInternals, id: string, entry: IdEntry, problems: string[]): void {
  if (entry.id !== id) problems.push(`entry for ${id} is keyed as ${entry.id}`);
  if (entry.owners.length === 0 && entry.sources.size === 0) problems.push(`${id} has neither owners nor references but is kept`);
  if (entry.plausible !== index.format.isPlausible(id)) problems.push(`${id} has a stale plausibility flag`);
  for (let i = 1; i < entry.owners.length; i++) {
    if (!(entry.owners[i - 1] < entry.owners[i])) problems.push(`owners of ${id} are not sorted and unique`);
  }
  for (const owner of entry.owners) {
    if (index.byPath.get(owner)?.record.id !== id) problems.push(`${owner} is listed as owner of ${id} but does not own it`);
  }
  if ((entry.owners.length > 1) !== index.duplicateIds.has(id)) problems.push(`duplicate flag of ${id} disagrees with its owners`);
  for (const source of entry.sources) {
    const stored = index.byPath.get(source);
    if (stored === undefined || !stored.entries.includes(entry)) problems.push(`${source} is listed as referencing ${id} but does not`);
  }
  if (entry.sortedSources !== null) {
    const expected = [...entry.sources].sort();
    if (expected.join('\n') !== entry.sortedSources.join('\n')) problems.push(`sorted sources of ${id} are stale`);
  }
}
