/** The consistency check behind IdIndex.checkInvariants: every forward fact has its reverse, and back. */
import type { IdFormat } from '../ids/formats';
import { ReferenceReader } from './packing';
import { bagHas, comparePaths, ownerPaths, recordOf, type IdEntry, type LinkMaps, type ListedPaths, type StoredNote } from './storedNote';
import { fileNameOf } from './ownId';

/** The index's internal maps, as the check reads them. */
export interface IndexInternals {
  readonly format: IdFormat;
  readonly byPath: ReadonlyMap<string, StoredNote>;
  readonly byId: ReadonlyMap<string, IdEntry>;
  /** Null until a link lookup built them. */
  readonly linkMaps: LinkMaps | null;
  readonly duplicateIds: ReadonlySet<string>;
}

/** One message per broken invariant; empty when the index is consistent. */
export function checkIndexInvariants(index: IndexInternals): string[] {
  const problems: string[] = [];
  for (const [path, stored] of index.byPath) checkNote(index, path, stored, problems);
  for (const [id, entry] of index.byId) checkEntry(index, id, entry, problems);
  for (const id of index.duplicateIds) {
    if (ownerPaths(index.byId.get(id)?.owners ?? null).length < 2) problems.push(`${id} is listed as a duplicate but has fewer than two owners`);
  }
  if (index.linkMaps !== null) {
    checkListed(index, index.linkMaps.byName, (path) => fileNameOf(path).toLowerCase(), 'file name', problems);
    checkListed(index, index.linkMaps.byPath, (path) => path.toLowerCase(), 'folded path', problems);
  }
  return problems;
}

function checkListed(index: IndexInternals, map: ListedPaths, keyOf: (path: string) => string, what: string, problems: string[]): void {
  let listed = 0;
  for (const [key, found] of map) {
    const paths = typeof found === 'string' ? [found] : found;
    if (typeof found !== 'string' && paths.length < 2) problems.push(`${what} ${key} keeps a list of fewer than two paths`);
    if (new Set(paths).size !== paths.length) problems.push(`${what} ${key} lists a path twice`);
    for (const path of paths) {
      listed++;
      if (!index.byPath.has(path)) problems.push(`${what} ${key} lists ${path}, which is not indexed`);
      if (keyOf(path) !== key) problems.push(`${path} is listed under the ${what} ${key}`);
    }
  }
  if (listed !== index.byPath.size) problems.push(`${what} map lists ${listed} paths for ${index.byPath.size} notes`);
}

function checkNote(index: IndexInternals, path: string, stored: StoredNote, problems: string[]): void {
  const { entries } = stored;
  const record = recordOf(stored);
  if (record.path !== path) problems.push(`${path} is stored with record path ${record.path}`);
  if (record.id !== null) {
    const owners = ownerPaths(index.byId.get(record.id)?.owners ?? null);
    if (!owners.includes(path)) problems.push(`${path} owns ${record.id} but is not among its owners`);
  }
  entries.forEach((entry) => {
    if (index.byId.get(entry.id) !== entry) problems.push(`${path} references ${entry.id} through an entry the index no longer holds`);
    if (!bagHas(entry.sources, path)) problems.push(`${path} references ${entry.id} but is not among its sources`);
  });
  const reader = new ReferenceReader(stored);
  let previousFrom = -1;
  while (reader.next()) {
    if (reader.from < previousFrom) problems.push(`${path} references are not in text order at ${reader.index}`);
    if (reader.to < reader.from || reader.line < 1 || reader.column < 1) problems.push(`${path} reference ${reader.index} has a broken position`);
    previousFrom = reader.from;
  }
  if (!reader.consumedAll()) problems.push(`${path} packed references do not decode to their ends`);
}

function checkEntry(index: IndexInternals, id: string, entry: IdEntry, problems: string[]): void {
  if (entry.id !== id) problems.push(`entry for ${id} is keyed as ${entry.id}`);
  const owners = ownerPaths(entry.owners);
  if (Array.isArray(entry.owners) && entry.owners.length < 2) problems.push(`${id} keeps an owner list of fewer than two paths`);
  if (owners.length === 0 && [...entry.sources].length === 0) problems.push(`${id} has neither owners nor references but is kept`);
  if (entry.plausible !== index.format.isPlausible(id)) problems.push(`${id} has a stale plausibility flag`);
  for (let i = 1; i < owners.length; i++) {
    if (!(owners[i - 1] < owners[i])) problems.push(`owners of ${id} are not sorted and unique`);
  }
  for (const owner of owners) {
    if (index.byPath.get(owner)?.id !== id) problems.push(`${owner} is listed as owner of ${id} but does not own it`);
  }
  if ((owners.length > 1) !== index.duplicateIds.has(id)) problems.push(`duplicate flag of ${id} disagrees with its owners`);
  for (const source of entry.sources) {
    const stored = index.byPath.get(source);
    if (stored === undefined || !stored.entries.includes(entry)) problems.push(`${source} is listed as referencing ${id} but does not`);
  }
  const sources = [...entry.sources];
  if (new Set(sources).size !== sources.length) problems.push(`sources of ${id} list a path twice`);
  if (entry.sortedSources !== null) {
    const expected = sources.sort(comparePaths);
    if (expected.join('\n') !== entry.sortedSources.join('\n')) problems.push(`sorted sources of ${id} are stale`);
  }
}
