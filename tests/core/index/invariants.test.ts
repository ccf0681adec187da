/**
 * IdIndex.checkInvariants against indexes broken on purpose, one fact at a time: each break is one a
 * bug could make, and the check must name it. Every other test asks for no problems, which a check
 * that never finds any would also give. The parts are reached into the way such a bug would.
 */
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { NONE, type IdTable } from '../../../src/core/index/idTable';
import type { LinkKeys } from '../../../src/core/index/linkKeys';
import type { NoteTable } from '../../../src/core/index/noteTable';
import { EDGE, REF_COLUMN, REF_FLAGS, REF_FROM, REF_INTS, REF_LINE, REF_SLOT, type EdgeLists, type ReferenceArena } from '../../../src/core/index/referenceStore';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { facts } from './helpers';

const A = '202104291524';
const B = '202108191025';
const C = '202104291947';
const D = '202201010000';

interface Parts {
  ids: IdTable;
  notesTable: NoteTable;
  arena: ReferenceArena;
  edges: EdgeLists;
  linkKeys: LinkKeys;
}

/** What a break is given: the index's parts, and slots and record offsets by name. */
interface Broken extends Parts {
  note(path: string): number;
  id(id: string): number;
  /** Where the note's reference record `n` starts (every record here is a bare ID's). */
  record(path: string, n: number): number;
}

/**
 * a.md owns A and names B twice (the second claims no edge) and C; b1.md and b2.md both own B;
 * x/c.md names A. The file-name and path maps are built (a file name was looked up), so they are checked too.
 */
function vault(): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of [facts('a.md', A, [B, B, C]), facts('b1.md', B), facts('b2.md', B), facts('x/c.md', null, [A])]) index.apply({ kind: 'upsert', facts: note });
  index.paths.byBasename('c.md');
  return index;
}

function broken(index: IdIndex): Broken {
  const parts = index as unknown as Parts;
  return {
    ...{ ids: parts.ids, notesTable: parts.notesTable, arena: parts.arena, edges: parts.edges, linkKeys: parts.linkKeys },
    note: (path) => parts.notesTable.slotOf(path),
    id: (id) => parts.ids.slotOf(id),
    record: (path, n) => parts.notesTable.refStart[parts.notesTable.slotOf(path)] + n * REF_INTS,
  };
}

test('the vault the breaks start from is consistent', () => {
  expect(vault().checkInvariants()).toStrictEqual([]);
});

test.each<[string, (index: Broken) => void, string[]]>([
  ['arena garbage miscounted', ({ arena }) => { arena.garbage += 1; }, ['the arena holds 19 live ints for 20 in notes']],
  ['an edge allocated but in no list', ({ edges, note }) => { edges.push(note('a.md'), NONE); }, ['3 edges are listed, 3 references claim one, 4 are allocated']],
  ['a first reference that claims no edge', ({ arena, record }) => { arena.ints[record('a.md', 0) + REF_FLAGS] &= ~EDGE; }, [`a.md reference 0 to ${B} is the first but claims no edge`, '3 edges are listed, 2 references claim one, 3 are allocated']],
  ['a repeated reference that claims an edge', ({ arena, record }) => { arena.ints[record('a.md', 1) + REF_FLAGS] |= EDGE; }, [`a.md reference 1 to ${B} repeats one but claims an edge`, '3 edges are listed, 4 references claim one, 3 are allocated']],
  ['an owner list kept for an ID of one owner', ({ ids, id, note }) => { ids.several.set(id(A), [note('a.md'), note('b1.md')]); }, [`${A} has one owner or none but keeps an owner list`, `${A} keeps several owners but is not marked so`]],
  ['an owner list kept for a freed ID slot', ({ ids, note }) => { ids.several.set(ids.extent, [note('a.md'), note('b1.md')]); }, ['freed ID slot 3 keeps several owners but is not marked so']],
  ['an ID marked as owned by several notes with no owner list', ({ ids, id }) => { ids.several.delete(id(B)); }, [`b1.md owns ${B} but is not among its owners`, `b2.md owns ${B} but is not among its owners`, `${B} keeps an owner list of fewer than two notes`]],
  ['an owner list of one note', ({ ids, id, note }) => { ids.several.set(id(B), [note('b1.md')]); }, [`b2.md owns ${B} but is not among its owners`, `${B} keeps an owner list of fewer than two notes`]],
  ['an owner list out of path order', ({ ids, id, note }) => { ids.several.set(id(B), [note('b2.md'), note('b1.md')]); }, [`owners of ${B} are not sorted and unique`]],
  ['an owner list naming a note twice', ({ ids, id, note }) => { ids.several.set(id(B), [note('b1.md'), note('b1.md'), note('b2.md')]); }, [`owners of ${B} are not sorted and unique`]],
  ['an owner list starting with a freed note slot', ({ ids, id, note, notesTable }) => { ids.several.set(id(B), [notesTable.extent, note('b1.md'), note('b2.md')]); }, [`owners of ${B} are not sorted and unique`, `freed note slot 4 is listed as owner of ${B} but does not own it`]],
  ['an owner that is a freed note slot', ({ ids, id, notesTable }) => { ids.owner[id(A)] = notesTable.extent; }, [`a.md owns ${A} but is not among its owners`, `freed note slot 4 is listed as owner of ${A} but does not own it`]],
  ['an ID slot that holds another slot\'s ID', ({ ids, id }) => { const keys = (ids as unknown as { keyOfSlot: Float64Array }).keyOfSlot; keys[id(C)] = keys[id(A)]; }, ['a.md reference 2 disagrees with the reference given', `${A} is not found under its own key`]],
  ['an ID kept with neither owners nor references', ({ ids }) => { ids.intern(D); }, [`${D} has neither owners nor references but is kept`]],
  ['a stale plausibility flag', ({ ids, id }) => { (ids as unknown as { plausible: Uint8Array }).plausible[id(C)] = 0; }, [`${C} has a stale plausibility flag`]],
  ['a note listed twice among an ID\'s sources', ({ ids, edges, id, note }) => { ids.edgeHead[id(C)] = edges.push(note('a.md'), ids.edgeHead[id(C)]); }, [`sources of ${C} list a note twice`, '4 edges are listed, 3 references claim one, 4 are allocated']],
  ['a note missing from the sources of an ID it names', ({ ids, edges, id, note }) => { ids.edgeHead[id(C)] = edges.remove(ids.edgeHead[id(C)], note('a.md')); }, [`a.md references ${C} but is not among its sources`, `${C} has neither owners nor references but is kept`, '2 edges are listed, 3 references claim one, 2 are allocated']],
  ['an edge list that loops back to its head', ({ ids, edges, id }) => { edges.pairs[ids.edgeHead[id(C)] * 2 + 1] = ids.edgeHead[id(C)]; }, [`sources of ${C} list a note twice`, '6 edges are listed, 3 references claim one, 3 are allocated']],
  ['a note not found under its own path', ({ notesTable, note }) => { notesTable.paths[note('b2.md')] = 'b3.md'; }, ['b3.md is not found under its own path']],
  ['a note that owns a freed ID slot', ({ notesTable, ids, note }) => { notesTable.ownId[note('b1.md')] = ids.extent; }, ['b1.md owns a freed ID slot', `b1.md is listed as owner of ${B} but does not own it`]],
  ['references outside the arena', ({ notesTable, arena, note }) => { notesTable.refStart[note('x/c.md')] = arena.used; }, ['x/c.md references lie outside the arena', `x/c.md reference 0 to ${B} is the first but claims no edge`, 'x/c.md reference 0 has a broken position', 'x/c.md reference 0 disagrees with the reference given', `x/c.md is listed as referencing ${A} but does not`, '3 edges are listed, 2 references claim one, 3 are allocated']],
  ['references before the arena', ({ notesTable, note }) => { notesTable.refStart[note('x/c.md')] = -REF_INTS; }, ['x/c.md references lie outside the arena', 'x/c.md reference 0 names a freed ID slot', `x/c.md is listed as referencing ${A} but does not`, '3 edges are listed, 2 references claim one, 3 are allocated']],
  ['a reference naming a freed ID slot', ({ arena, ids, record }) => { arena.ints[record('x/c.md', 0) + REF_SLOT] = ids.extent; }, ['x/c.md reference 0 names a freed ID slot', `x/c.md is listed as referencing ${A} but does not`, '3 edges are listed, 2 references claim one, 3 are allocated']],
  ['references out of text order', ({ arena, record }) => { arena.ints[record('a.md', 2) + REF_FROM] = arena.ints[record('a.md', 1) + REF_FROM] - 1; }, ['a.md references are not in text order at 2']],
  ['a reference before the text', ({ arena, record }) => { arena.ints[record('x/c.md', 0) + REF_FROM] = -1; }, ['x/c.md reference 0 has a broken position']],
  ['a reference on line 0', ({ arena, record }) => { arena.ints[record('x/c.md', 0) + REF_LINE] = 0; }, ['x/c.md reference 0 has a broken position']],
  ['a reference in column 0', ({ arena, record }) => { arena.ints[record('x/c.md', 0) + REF_COLUMN] = 0; }, ['x/c.md reference 0 has a broken position']],
  ['a block that ends inside a record', ({ notesTable, note }) => { notesTable.refLength[note('a.md')] -= 1; }, ['a.md reference records overrun their block', 'the arena holds 20 live ints for 19 in notes']],
  ['a given reference naming another ID', ({ notesTable, note }) => { notesTable.given.set(note('x/c.md'), facts('x/c.md', null, [C]).references); }, ['x/c.md reference 0 disagrees with the reference given']],
  ['fewer references given than recorded', ({ notesTable, note }) => { notesTable.given.set(note('x/c.md'), []); }, ['x/c.md reference 0 disagrees with the reference given', 'x/c.md keeps 0 given references for 1 records']],
  ['more references given than recorded', ({ notesTable, note }) => { notesTable.given.set(note('x/c.md'), facts('x/c.md', null, [A, C]).references); }, ['x/c.md keeps 2 given references for 1 records']],
  ['a file name that lists a note not indexed', ({ linkKeys }) => { linkKeys.keys?.byName.set('z.md', 'z.md'); }, ['file name z.md lists z.md, which is not indexed', 'file name map lists 5 paths for 4 notes']],
  ['a file name that keeps a list of one path', ({ linkKeys }) => { linkKeys.keys?.byName.set('a.md', ['a.md']); }, ['file name a.md keeps a list of fewer than two paths']],
  ['a file name that lists a path twice', ({ linkKeys }) => { linkKeys.keys?.byName.set('a.md', ['a.md', 'a.md']); }, ['file name a.md lists a path twice', 'file name map lists 5 paths for 4 notes']],
  ['a path listed under another file name', ({ linkKeys }) => { linkKeys.keys?.byName.delete('c.md'); linkKeys.keys?.byName.set('a.md', ['a.md', 'x/c.md']); }, ['x/c.md is listed under the file name a.md']],
  ['a path listed under another folded path', ({ linkKeys }) => { linkKeys.keys?.byPath.delete('x/c.md'); linkKeys.keys?.byPath.set('a.md', ['a.md', 'x/c.md']); }, ['x/c.md is listed under the folded path a.md']],
  ['a folded path missing', ({ linkKeys }) => { linkKeys.keys?.byPath.delete('a.md'); }, ['folded path map lists 3 paths for 4 notes']],
])('%s', (_, breakIt, problems) => {
  const index = vault();
  breakIt(broken(index));
  expect(index.checkInvariants()).toStrictEqual(problems);
});

test('a note with a text and references given whole', () => {
  const index = vault();
  index.put(new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: ['filename'], frontmatterKey: 'id' }).scan('s.md', `See ${A}.`));
  const { notesTable, note } = broken(index);
  notesTable.given.set(note('s.md'), facts('s.md', null, [A]).references);
  expect(index.checkInvariants()).toStrictEqual(['s.md has references given whole and a text to read them from']);
});
