import { buildChain } from '../../../src/core/chain/chain';
import { chainMembers, sameChain } from '../../../src/core/chain/equal';
import { A, B, C, D, MISSING, sampleIndex, sampleNotes } from './sample';
import { facts } from '../index/helpers';
import type { ChainNode, ChainResult } from '../../../src/core/chain/chain';
import { coreNode, coreResult } from './nodes';

describe('sameChain', () => {
  test('the same vault gives the same chain; any change to an entry, a count or a context differs', () => {
    const chain = buildChain(sampleIndex(), { id: A }, { depth: 3, direction: 'both' });
    expect(sameChain(chain, buildChain(sampleIndex(), { id: A }, { depth: 3, direction: 'both' }))).toBe(true);
    const renamed = sampleNotes().map((note) => (note.id === C ? { ...note, title: 'Serve others well' } : note));
    expect(sameChain(chain, buildChain(sampleIndex(renamed), { id: A }, { depth: 3, direction: 'both' }))).toBe(false);
    const mentionedAgain = sampleNotes().map((note) => (note.id === A ? facts(note.path, A, [A, B, C, B, MISSING, D, C], 'Execution') : note));
    expect(sameChain(chain, buildChain(sampleIndex(mentionedAgain), { id: A }, { depth: 3, direction: 'both' }))).toBe(false);
    expect(sameChain(chain, buildChain(sampleIndex(), { id: A }, { depth: 2, direction: 'both' }))).toBe(false);
  });
});

describe('sameChain, field by field', () => {
  /** A chain with every field set, made anew on each call so no two calls share an object. */
  function base(): ChainResult {
    const grandchild = coreNode('202103030000', 'Grandchild', { context: 'see 202103030000' });
    const ambiguous = coreNode('202103040000', '', { path: null, status: 'ambiguous', candidates: ['a/x.md', 'b/x.md'] });
    const child = coreNode('202103020000', 'Child', { context: 'on 202103020000', mentions: 2, children: [grandchild, ambiguous], truncated: 1 });
    const citing = coreNode(null, 'Citing', { context: 'from here 202103010000' });
    return { ...coreResult('202103010000 Root.md', '202103010000', 'Root', [child], [citing]), outTruncated: 3, inTruncated: 4, capped: true };
  }
  const outChild = (chain: ChainResult): ChainNode => chain.out[0];
  type Writable<T> = { -readonly [K in keyof T]: T[K] };
  const changes: [string, (chain: Writable<ChainResult>) => void][] = [
    ['the root\'s ID', (c) => (c.root = { ...c.root, id: '202103019999' })],
    ['the root\'s path', (c) => (c.root = { ...c.root, path: 'elsewhere.md' })],
    ['the root\'s title', (c) => (c.root = { ...c.root, title: 'Root again' })],
    ['the root\'s status', (c) => (c.root = { ...c.root, status: 'unresolved' })],
    ['the root\'s candidates, one more', (c) => (c.root = { ...c.root, candidates: ['z.md'] })],
    ['the direction', (c) => (c.direction = 'out')],
    ['the depth', (c) => (c.depth = 4)],
    ['the entries left out of Builds on', (c) => (c.outTruncated = 0)],
    ['the entries left out of Built on by', (c) => (c.inTruncated = 0)],
    ['the cap', (c) => (c.capped = false)],
    ['one entry fewer in Builds on', (c) => (c.out = [])],
    ['one entry fewer in Built on by', (c) => (c.in = [])],
    ['an entry\'s cycle mark', (c) => ((outChild(c) as Writable<ChainNode>).cycle = true)],
    ['an entry\'s context', (c) => ((outChild(c) as Writable<ChainNode>).context = 'on 202103020000 and more')],
    ['an entry\'s mentions', (c) => ((outChild(c) as Writable<ChainNode>).mentions = 1)],
    ['an entry\'s children left out', (c) => ((outChild(c) as Writable<ChainNode>).truncated = 0)],
    ['a child\'s title, a level down', (c) => ((outChild(c).children[0] as Writable<ChainNode>).title = 'Grandchild renamed')],
    ['a candidate of an ambiguous ID', (c) => ((outChild(c).children[1] as Writable<ChainNode>).candidates = ['a/x.md', 'c/x.md'])],
    ['a candidate fewer', (c) => ((outChild(c).children[1] as Writable<ChainNode>).candidates = ['a/x.md'])],
  ];

  test('two chains made alike are the same', () => {
    expect(sameChain(base(), base())).toBe(true);
  });

  test.each(changes)('%s makes them differ, both ways round', (_what, change) => {
    const changed = base() as Writable<ChainResult>;
    change(changed);
    expect(sameChain(base(), changed)).toBe(false);
    expect(sameChain(changed, base())).toBe(false);
  });
});

describe('chainMembers', () => {
  test('lists every ID and path in both trees, the root and ambiguous candidates included', () => {
    const { ids, paths } = chainMembers(buildChain(sampleIndex(), { id: A }, { depth: 1, direction: 'both' }));
    expect([...ids].sort()).toStrictEqual([A, B, C, D, MISSING].sort());
    expect(paths).toContain(`${A} Execution.md`);
    expect(paths).toContain(`dup/${D} Hard decisions.md`);
    expect(paths).toContain('Reading list.md');
  });
});
