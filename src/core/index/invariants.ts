/** The consistency check behind IdIndex.checkInvariants: every forward fact has its reverse, and back. */
import type { IdFormat } from '../ids/formats';
import { NONE, SEVERAL, type IdTable } from './idTable';
import type { LinkKeys } from './linkKeys';
import { foldPath, nameKey, type ListedPaths } from './pathKeys';
import { NO_TEXT, type NoteTable } from './noteTable';
import { EDGE, recordLength, REF_COLUMN, REF_FLAGS, REF_FROM, REF_LINE, REF_SLOT, type EdgeLists, type ReferenceArena } from './referenceStore';

/** The index's parts, as the check reads them. */
export interface IndexInternals {
  readonly format: IdFormat;
  readonly ids: IdTable;
  readonly notes: NoteTable;
  readonly arena: ReferenceArena;
  readonly edges: EdgeLists;
  readonly linkKeys: LinkKeys;
}

/** One message per broken invariant; empty when the index is consistent. */
export function checkIndexInvariants(index: IndexInternals): string[] {
  const problems: string[] = [];
  let liveInts = 0;
  let edgeRecords = 0;
  for (const slot of index.notes.liveSlots()) {
    liveInts += index.notes.refLength[slot];
    edgeRecords += checkNote(index, slot, problems);
  }
  if (liveInts !== index.arena.used - index.arena.garbage) {
    problems.push(`the arena holds ${index.arena.used - index.arena.garbage} live ints for ${liveInts} in notes`);
  }
  let edges = 0;
  for (const slot of index.ids.liveSlots()) edges += checkId(index, slot, problems);
  if (edges !== edgeRecords || edges !== index.edges.size) {
    problems.push(`${edges} edges are listed, ${edgeRecords} references claim one, ${index.edges.size} are allocated`);
  }
  for (const slot of index.ids.several.keys()) {
    if (index.ids.owner[slot] !== SEVERAL) problems.push(`${describe(index, slot)} keeps several owners but is not marked so`);
  }
  const keys = index.linkKeys.keys;
  if (keys !== null) {
    checkListed(index, keys.byName, nameKey, 'file name', problems);
    checkListed(index, keys.byPath, foldPath, 'folded path', problems);
  }
  return problems;
}

function describe(index: IndexInternals, slot: number): string {
  return index.ids.isLive(slot) ? index.ids.idOf(slot) : `freed ID slot ${slot}`;
}

/** Checks one note; returns how many of its references claim an edge. */
function checkNote(index: IndexInternals, slot: number, problems: string[]): number {
  const { notes, ids, arena } = index;
  const path = notes.path(slot);
  if (notes.slotOf(path) !== slot) problems.push(`${path} is not found under its own path`);
  const own = notes.ownId[slot];
  if (own !== NONE) {
    if (!ids.isLive(own)) problems.push(`${path} owns a freed ID slot`);
    else if (!ownersOf(ids, own).includes(slot)) problems.push(`${path} owns ${ids.idOf(own)} but is not among its owners`);
  }
  const given = notes.given.get(slot);
  if (given !== undefined && notes.textLength[slot] !== NO_TEXT) problems.push(`${path} has references given whole and a text to read them from`);
  const start = notes.refStart[slot];
  const end = start + notes.refLength[slot];
  if (start < 0 || end > arena.used) problems.push(`${path} references lie outside the arena`);
  const ints = arena.ints;
  const seen = new Set<number>();
  let count = 0;
  let edges = 0;
  let previousFrom = -1;
  let at = start;
  for (; at < end; at += recordLength(ints, at), count++) {
    const id = ints[at + REF_SLOT]; // REF_SLOT is 0, so `at - REF_SLOT` is an equivalent mutant (here and in referencesId)
    if (!ids.isLive(id)) {
      problems.push(`${path} reference ${count} names a freed ID slot`);
      continue;
    }
    const first = !seen.has(id);
    seen.add(id);
    const claimsEdge = (ints[at + REF_FLAGS] & EDGE) !== 0;
    if (claimsEdge !== first) problems.push(`${path} reference ${count} to ${ids.idOf(id)} ${first ? 'is the first but claims no edge' : 'repeats one but claims an edge'}`);
    if (claimsEdge) {
      edges++;
      if (!sourcesOf(index, id).includes(slot)) problems.push(`${path} references ${ids.idOf(id)} but is not among its sources`);
    }
    const from = ints[at + REF_FROM];
    if (from < previousFrom) problems.push(`${path} references are not in text order at ${count}`);
    if (from < 0 || ints[at + REF_LINE] < 1 || ints[at + REF_COLUMN] < 1) problems.push(`${path} reference ${count} has a broken position`);
    if (given !== undefined && given[count]?.id !== ids.idOf(id)) problems.push(`${path} reference ${count} disagrees with the reference given`);
    previousFrom = from;
  }
  if (at !== end) problems.push(`${path} reference records overrun their block`);
  if (given !== undefined && given.length !== count) problems.push(`${path} keeps ${given.length} given references for ${count} records`);
  return edges;
}

/** Checks one ID; returns the length of its list of referencing notes. */
function checkId(index: IndexInternals, slot: number, problems: string[]): number {
  const { ids, notes, format } = index;
  const id = ids.idOf(slot);
  if (ids.slotOf(id) !== slot) problems.push(`${id} is not found under its own key`);
  const owner = ids.owner[slot];
  const owners = ownersOf(ids, slot);
  if (owner === SEVERAL) {
    // Any default list shorter than two reads the same below: another one is an equivalent mutant.
    const list = ids.several.get(slot) ?? [];
    if (list.length < 2) problems.push(`${id} keeps an owner list of fewer than two notes`);
    for (let i = 1; i < list.length; i++) {
      // The test for a freed slot is for the type: `undefined < path` is false too, so `true` for it is an equivalent mutant.
      if (!(notes.paths[list[i - 1]] !== undefined && (notes.paths[list[i - 1]] as string) < (notes.paths[list[i]] as string))) {
        problems.push(`owners of ${id} are not sorted and unique`);
      }
    }
  } else if (ids.several.has(slot)) problems.push(`${id} has one owner or none but keeps an owner list`);
  for (const note of owners) {
    if (!notes.isLive(note) || notes.ownId[note] !== slot) problems.push(`${noteName(notes, note)} is listed as owner of ${id} but does not own it`);
  }
  const sources = sourcesOf(index, slot);
  if (owners.length === 0 && sources.length === 0) problems.push(`${id} has neither owners nor references but is kept`);
  if (ids.isPlausible(slot) !== format.isPlausible(id)) problems.push(`${id} has a stale plausibility flag`);
  if (new Set(sources).size !== sources.length) problems.push(`sources of ${id} list a note twice`);
  for (const note of sources) {
    if (!notes.isLive(note) || !referencesId(index, note, slot)) problems.push(`${noteName(notes, note)} is listed as referencing ${id} but does not`);
  }
  return sources.length;
}

function noteName(notes: NoteTable, slot: number): string {
  return notes.isLive(slot) ? notes.path(slot) : `freed note slot ${slot}`;
}

function ownersOf(ids: IdTable, slot: number): number[] {
  const owner = ids.owner[slot];
  return owner === NONE ? [] : owner === SEVERAL ? (ids.several.get(slot) ?? []) : [owner];
}

function sourcesOf(index: IndexInternals, slot: number): number[] {
  const sources: number[] = [];
  for (let edge = index.ids.edgeHead[slot]; edge !== NONE && sources.length <= index.edges.size; edge = index.edges.next(edge)) {
    sources.push(index.edges.note(edge));
  }
  return sources;
}

function referencesId(index: IndexInternals, note: number, slot: number): boolean {
  const ints = index.arena.ints;
  const start = index.notes.refStart[note];
  for (let at = start, end = start + index.notes.refLength[note]; at < end; at += recordLength(ints, at)) {
    if (ints[at + REF_SLOT] === slot) return true;
  }
  return false;
}

function checkListed(index: IndexInternals, map: ListedPaths, keyOf: (path: string) => string, what: string, problems: string[]): void {
  let listed = 0;
  for (const [key, found] of map) {
    const paths = typeof found === 'string' ? [found] : found;
    if (typeof found !== 'string' && paths.length < 2) problems.push(`${what} ${key} keeps a list of fewer than two paths`);
    if (new Set(paths).size !== paths.length) problems.push(`${what} ${key} lists a path twice`);
    for (const path of paths) {
      listed++;
      if (!index.notes.has(path)) problems.push(`${what} ${key} lists ${path}, which is not indexed`);
      if (keyOf(path) !== key) problems.push(`${path} is listed under the ${what} ${key}`);
    }
  }
  if (listed !== index.notes.size) problems.push(`${what} map lists ${listed} paths for ${index.notes.size} notes`);
}
