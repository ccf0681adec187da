import fc from 'fast-check';
import type { ChainNode, ChainResult } from '../../../src/core/chain/chain';
import { foldForSearch, shapeChain, ShapeKeys } from '../../../src/core/chain/shape';
import { coreNode, coreResult } from './nodes';

const node = coreNode;

function chain(out: ChainNode[], incoming: ChainNode[] = []): ChainResult {
  return coreResult('202101010000 Root.md', '202101010000', 'Root', out, incoming);
}

/** `Title` per node, nested, `*` after a node that matches the filter itself. */
function outline(nodes: readonly ChainNode[], matches: ReadonlySet<ChainNode> = new Set()): unknown[] {
  return nodes.map((n) => {
    const name = `${n.title || n.id}${matches.has(n) ? '*' : ''}`;
    return n.children.length === 0 ? name : { [name]: outline(n.children, matches) };
  });
}

const sample = chain(
  [
    node('202102010000', 'Zebra crossing', {
      context: '- see 202102010000 for the Café rule',
      children: [node('202102020000', 'Éclair recipes'), node('202102030000', 'apple pie', { children: [node('202102040000', 'Deep note')] })],
    }),
    node('202101150000', 'Apple orchard'),
    node('202112311199', '', { path: null, status: 'unresolved', context: 'broken 202112311199 here' }),
  ],
  [node(null, 'Reading list', { context: 'Start at 202101010000.' })],
);

describe('filter', () => {
  test.each([
    ['', ['Zebra crossing', 'Apple orchard', '202112311199'].length],
    ['eclair', 1],
    ['ÉCLAIR', 1],
    ['cafe', 1],
    ['202112311199', 1],
    ['apple', 2],
    ['zzz', 0],
  ])('%j keeps %i top-level entries', (filter, count) => {
    expect(shapeChain(sample, { filter }).result.out).toHaveLength(count);
  });

  test('keeps the path to each match, drops the rest, and marks what matched itself', () => {
    const shaped = shapeChain(sample, { filter: 'deep' });
    expect(outline(shaped.result.out, shaped.matches)).toStrictEqual([{ 'Zebra crossing': [{ 'apple pie': ['Deep note*'] }] }]);
    expect(shaped.result.in).toStrictEqual([]);
  });

  test('a matching entry keeps only the children that match or lead to a match', () => {
    const shaped = shapeChain(sample, { filter: 'apple' });
    expect(outline(shaped.result.out, shaped.matches)).toStrictEqual([{ 'Zebra crossing': ['apple pie*'] }, 'Apple orchard*']);
  });

  test('every word must appear somewhere in the entry; context counts, list markers aside', () => {
    expect(outline(shapeChain(sample, { filter: 'zebra café' }).result.out)).toStrictEqual(['Zebra crossing']);
    expect(shapeChain(sample, { filter: 'zebra pie' }).result.out).toStrictEqual([]);
    expect(shapeChain(sample, { filter: '- see' }).result.out).toStrictEqual([]);
  });

  test('an entry matches by its own ID, which neither its title nor its context need show', () => {
    const citing = chain([], [node('202105050505', 'Quiet note', { context: 'builds on the root' }), node(null, 'Loose', { context: 'no ID' })]);
    expect(outline(shapeChain(citing, { filter: '202105050505' }).result.in)).toStrictEqual(['Quiet note']);
    expect(shapeChain(citing, { filter: 'null' }).result.in).toStrictEqual([]);
  });

  test('without a filter nothing is marked and untouched subtrees stay the same objects', () => {
    const shaped = shapeChain(sample, {});
    expect(shaped.matches.size).toBe(0);
    expect(shaped.result.out[0]).toBe(sample.out[0]);
  });

  test('the input chain is left as it was', () => {
    const before = JSON.stringify(sample);
    shapeChain(sample, { filter: 'deep', sort: 'title', hidden: (n) => n.title === 'Apple orchard' });
    expect(JSON.stringify(sample)).toBe(before);
  });

  test('folding: case and accents, composed or not', () => {
    expect(foldForSearch('Ünïcödé É\u0301')).toBe('unicode e');
    expect(foldForSearch('Cafe\u0301')).toBe(foldForSearch('Café'));
  });
});

describe('sort within each level', () => {
  const titles = (nodes: readonly ChainNode[]): string[] => nodes.map((n) => n.title || `(${n.id})`);

  test('reference order leaves each level as the chain built it', () => {
    expect(titles(shapeChain(sample, { sort: 'reference' }).result.out)).toStrictEqual(['Zebra crossing', 'Apple orchard', '(202112311199)']);
  });

  test('title: case- and accent-insensitive, entries without a title by their ID', () => {
    const shaped = shapeChain(sample, { sort: 'title' });
    expect(titles(shaped.result.out)).toStrictEqual(['(202112311199)', 'Apple orchard', 'Zebra crossing']);
    expect(titles(shaped.result.out[2].children)).toStrictEqual(['apple pie', 'Éclair recipes']);
  });

  test('id: oldest first, entries without an ID last', () => {
    const withLoose = chain([node(null, 'Loose'), ...sample.out]);
    expect(titles(shapeChain(withLoose, { sort: 'id' }).result.out)).toStrictEqual(['Apple orchard', 'Zebra crossing', '(202112311199)', 'Loose']);
  });

  test('modified: newest first, unknown times last, ties by path', () => {
    const times: Record<string, number> = { '202101150000 Apple orchard.md': 9, '202102010000 Zebra crossing.md': 5 };
    const shaped = shapeChain(sample, { sort: 'modified', modified: (path) => times[path] });
    expect(titles(shaped.result.out)).toStrictEqual(['Apple orchard', 'Zebra crossing', '(202112311199)']);
    const tied = chain([node('202103010000', 'Later path', { path: 'b.md' }), node('202103020000', 'Earlier path', { path: 'a.md' }), node(null, 'Unknown', { path: 'c.md' })]);
    const same = shapeChain(tied, { sort: 'modified', modified: (path) => (path === 'c.md' ? undefined : 7) });
    expect(titles(same.result.out)).toStrictEqual(['Earlier path', 'Later path', 'Unknown']);
  });

  test('modified without a way to know times: every time unknown, so ties throughout', () => {
    const order = shapeChain(sample, { sort: 'modified' }).result.out.map((n) => n.path ?? n.id);
    // Ties by path, and an unresolved ID has none, so it comes first.
    expect(order).toStrictEqual(['202112311199', '202101150000 Apple orchard.md', '202102010000 Zebra crossing.md']);
  });

  test('ties fall back to the path, then the ID, whatever order they came in', () => {
    const twins = [
      node('202103020000', 'Same', { path: 'b.md' }),
      node('202103010000', 'Same', { path: null, status: 'unresolved' }),
      node('202103030000', 'Same', { path: 'a.md' }),
      node('202103000000', 'Same', { path: null, status: 'unresolved' }),
    ];
    const order = (nodes: readonly ChainNode[]): (string | null)[] => nodes.map((n) => n.path ?? n.id);
    const expected = ['202103000000', '202103010000', 'a.md', 'b.md'];
    expect(order(shapeChain(chain(twins), { sort: 'title' }).result.out)).toStrictEqual(expected);
    expect(order(shapeChain(chain([...twins].reverse()), { sort: 'title' }).result.out)).toStrictEqual(expected);
    // Unresolved IDs have no time, so they come last.
    const byTime = ['a.md', 'b.md', '202103000000', '202103010000'];
    expect(order(shapeChain(chain(twins), { sort: 'modified', modified: () => 3 }).result.out)).toStrictEqual(byTime);
    expect(order(shapeChain(chain([...twins].reverse()), { sort: 'modified', modified: () => 3 }).result.out)).toStrictEqual(byTime);
  });

  test('id: an entry without an ID sorts after every ID, whichever side of the comparison it is on', () => {
    const loose = [node(null, 'Loose b', { path: 'b.md' }), node('202103010000', 'With ID'), node(null, 'Loose a', { path: 'a.md' })];
    expect(titles(shapeChain(chain(loose), { sort: 'id' }).result.out)).toStrictEqual(['With ID', 'Loose a', 'Loose b']);
    expect(titles(shapeChain(chain([...loose].reverse()), { sort: 'id' }).result.out)).toStrictEqual(['With ID', 'Loose a', 'Loose b']);
  });
});

describe('hidden notes', () => {
  test('leave with everything under them, counted per tree', () => {
    const shaped = shapeChain(sample, { hidden: (n) => n.title === 'apple pie' || n.title === 'Reading list' });
    expect(outline(shaped.result.out)).toStrictEqual([{ 'Zebra crossing': ['Éclair recipes'] }, 'Apple orchard', '202112311199']);
    expect([shaped.hiddenOut, shaped.hiddenIn]).toStrictEqual([1, 1]);
  });
});

describe('properties', () => {
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'Délta', 'EPSILON');
  const tree: fc.Memo<ChainNode> = fc.memo((depth) =>
    fc
      .record({
        title: word,
        context: word,
        children: depth > 1 ? fc.array(tree(depth - 1), { maxLength: 3 }) : fc.constant([]),
      })
      .map(({ title, context, children }) => node(null, title, { context, children })),
  );

  test('an entry is kept exactly when it or something under it matches, and keeps its order', () => {
    fc.assert(
      fc.property(fc.array(tree(4), { maxLength: 4 }), word, (out, filter) => {
        const keys = new ShapeKeys();
        const shaped = shapeChain(chain(out), { filter }, keys);
        const folded = foldForSearch(filter);
        const check = (original: readonly ChainNode[], kept: readonly ChainNode[]): void => {
          const expected = original.filter(function leads(n: ChainNode): boolean {
            return keys.searchText(n).includes(folded) || n.children.some(leads);
          });
          expect(kept.map((n) => n.title)).toStrictEqual(expected.map((n) => n.title));
          kept.forEach((n, i) => {
            expect(shaped.matches.has(n)).toBe(keys.searchText(expected[i]).includes(folded));
            check(expected[i].children, n.children);
          });
        };
        check(out, shaped.result.out);
      }),
    );
  });
});
