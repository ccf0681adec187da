import fc from 'fast-check';
import {
  addOwner,
  bagAdd,
  bagDelete,
  bagHas,
  encodeTitle,
  ownerPaths,
  recordOf,
  removeOwner,
  type IdEntry,
  type PathBag,
  type StoredNote,
} from '../../../src/core/index/storedNote';
import { packReferences, ReferenceReader } from '../../../src/core/index/packing';
import type { IndexedReference, LinkParts } from '../../../src/core/types';

const text = fc.string({ unit: fc.constantFrom('a', ' ', '…', 'é', '’', '2', '0', '1', '|', '#', '🙂'), maxLength: 30 });
const id = fc.constantFrom('202104291524', '202108191025', '1', 'x');
const offset = fc.nat({ max: 6_000_000 });

const link: fc.Arbitrary<LinkParts> = fc.record({
  from: offset,
  to: offset,
  embed: fc.boolean(),
  target: text,
  targetFrom: offset,
  targetTo: offset,
  subpath: text,
  display: fc.option(text, { nil: null }),
});

const reference: fc.Arbitrary<IndexedReference> = fc
  .record({ id, form: fc.constantFrom('bare', 'wikilink', 'markdown'), from: offset, length: fc.nat(20), line: fc.integer({ min: 1, max: 200_000 }), column: fc.integer({ min: 1, max: 2_000_000 }), before: text, after: text, link: fc.option(link, { nil: undefined }) })
  .map(({ id: refId, form, from, length, line, column, before, after, link: parts }) => ({
    id: refId,
    form,
    from,
    to: from + length,
    line,
    column,
    context: before + refId + after,
    ...(parts === undefined ? {} : { link: parts }),
  }));

function entry(refId: string): IdEntry {
  return { id: refId, plausible: true, owners: null, sources: [], sortedSources: null };
}

describe('packed references', () => {
  test('decode to exactly what was packed, in any order, with any characters', () => {
    fc.assert(
      fc.property(fc.array(reference, { maxLength: 12 }), (references) => {
        const stored: StoredNote = { path: 'n.md', id: null, title: 'n', entries: references.map((r) => entry(r.id)), packed: packReferences(references) };
        const reader = new ReferenceReader(stored);
        const decoded: IndexedReference[] = [];
        while (reader.next()) decoded.push(reader.reference());
        expect(decoded).toEqual(references);
        expect(reader.consumedAll()).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test('a context without its ID and without ellipses round-trips too', () => {
    const plain: IndexedReference = { id: '202104291524', form: 'bare', from: 3, to: 15, line: 1, column: 4, context: 'no id here' };
    const stored: StoredNote = { path: 'n.md', id: null, title: 'n', entries: [entry(plain.id)], packed: packReferences([plain]) };
    const reader = new ReferenceReader(stored);
    expect(reader.next()).toBe(true);
    expect(reader.reference()).toEqual(plain);
    expect(reader.next()).toBe(false);
  });
});

describe('titles, owners and path bags', () => {
  test.each<[string, string]>([
    ['202104291524 Execution.md', 'Execution'],
    ['a/Execution/202104291524 Execution.md', 'Execution'],
    ['zet/202109260705/README.md', 'A heading, not in the path'],
    ['x.md', ''],
  ])('title of %s', (path, title) => {
    expect(recordOf({ path, id: null, title: encodeTitle(path, title), entries: [], packed: '' }).title).toBe(title);
  });

  test('owners: none, one, several sorted, and back', () => {
    let owners = addOwner(null, 'b.md');
    expect(owners).toBe('b.md');
    owners = addOwner(addOwner(owners, 'a.md'), 'a.md');
    expect(owners).toEqual(['a.md', 'b.md']);
    expect(removeOwner(owners, 'a.md')).toBe('b.md');
    expect(removeOwner('b.md', 'b.md')).toBeNull();
    expect(ownerPaths(null)).toEqual([]);
  });

  test('a path bag grows from an array into a set and keeps every path once', () => {
    let bag: PathBag = [];
    const paths = Array.from({ length: 80 }, (_, i) => `n${i}.md`);
    for (const path of paths) if (!bagHas(bag, path)) bag = bagAdd(bag, path);
    expect(bag).toBeInstanceOf(Set);
    expect([...bag].sort()).toEqual([...paths].sort());
    expect(bagDelete(bag, 'n3.md')).toBe(true);
    expect(bagDelete(bag, 'n3.md')).toBe(false);
    expect(bagHas(bag, 'n3.md')).toBe(false);
  });
});
