import fc from 'fast-check';
import { EXPAND_ALL_BUDGET, LEVEL_CAP, planExpansion as plan, RENDER_BUDGET } from '../../src/ui/chain/expansion';
import { createUiState, entryKey, type ChainUiState, type ChainViewModel, type ChainViewNode } from '../../src/ui/chain/model';
import { RememberedUiStates } from '../../src/ui/chain/uiStates';
import { chainModel, node } from './chainModels';

/** A chain `length` levels deep below one top entry. */
function deep(length: number, prefix: string): ChainViewNode {
  let current = node({ id: `${prefix}${String(length).padStart(4, '0')}`, title: `${prefix} ${length}` });
  for (let level = length - 1; level >= 1; level--) {
    current = node({ id: `${prefix}${String(level).padStart(4, '0')}`, title: `${prefix} ${level}`, children: [current] });
  }
  return current;
}

function drawnCount(nodes: readonly ChainViewNode[], parentKey: string, expanded: ReadonlySet<string>): number {
  let count = 0;
  for (const n of nodes.slice(0, LEVEL_CAP)) {
    count += 1;
    const key = entryKey(parentKey, n);
    if (expanded.has(key)) count += n.candidates.length + drawnCount(n.children, key, expanded);
  }
  return count;
}

const planExpansion = (model: ChainViewModel, ui: ChainUiState): ReadonlySet<string> => plan(model, ui).expanded;

describe('planExpansion', () => {
  test('small chains open completely', () => {
    const model = chainModel({ outgoing: [deep(10, '2021010100')], incoming: [deep(3, '2022010100')] });
    expect(planExpansion(model, createUiState()).size).toBe(9 + 2);
  });

  test('opens breadth-first: upper levels of every entry before deeper levels of one', () => {
    const wideChildren = Array.from({ length: 150 }, (_, i) => node({ id: `2023${String(i).padStart(8, '0')}`, title: `w${i}` }));
    const first = node({ id: '202101010000', title: 'first', children: [deep(400, '20220101')] });
    const second = node({ id: '202101010001', title: 'second', children: wideChildren });
    const expanded = planExpansion(chainModel({ outgoing: [first, second] }), createUiState());
    expect(expanded.has(entryKey('out', second))).toBe(true);
    expect(expanded.has(entryKey('out', first))).toBe(true);
  });

  test('an explicit collapse frees the budget for other entries; an explicit open always wins', () => {
    const big = (i: number): ChainViewNode =>
      node({ id: `2021010100${String(i).padStart(2, '0')}`, title: `big ${i}`, children: Array.from({ length: 199 }, (_, j) => node({ id: `2022${String(i * 1000 + j).padStart(8, '0')}`, title: `c${j}` })) });
    const model = chainModel({ outgoing: [big(0), big(1), big(2), big(3)] });
    const ui = createUiState();
    const before = planExpansion(model, ui);
    expect([0, 1, 2, 3].map((i) => before.has(entryKey('out', big(i))))).toStrictEqual([true, true, false, false]);
    expect(plan(model, ui).closedByBudget).toBe(2);
    const expansion = new Map([[entryKey('out', big(0)), false], [entryKey('out', big(3)), true]]);
    const after = planExpansion(model, { ...ui, expansion });
    expect([0, 1, 2, 3].map((i) => after.has(entryKey('out', big(i))))).toStrictEqual([false, true, true, true]);
  });

  test('an entry the user closed is not counted as closed by the budget', () => {
    const big = (i: number): ChainViewNode =>
      node({ id: `2021010100${String(i).padStart(2, '0')}`, title: `big ${i}`, children: Array.from({ length: 199 }, (_, j) => node({ id: `2022${String(i * 1000 + j).padStart(8, '0')}`, title: `c${j}` })) });
    const model = chainModel({ outgoing: [big(0), big(1), big(2), big(3)] });
    const expansion = new Map([[entryKey('out', big(3)), false]]);
    // big(0) and big(1) open; big(2) is left closed by the budget, big(3) by the user.
    expect(plan(model, { ...createUiState(), expansion }).closedByBudget).toBe(1);
  });

  test('an ambiguous entry\'s candidates take their share of the budget', () => {
    const candidates = Array.from({ length: 150 }, (_, i) => ({ path: `x${i}/202101010100 Twin.md`, title: 'Twin' }));
    const ambiguous = (i: number): ChainViewNode => node({ id: `2021010101${String(i).padStart(2, '0')}`, title: `twin ${i}`, status: 'ambiguous', path: null, candidates });
    const model = chainModel({ outgoing: [0, 1, 2, 3].map(ambiguous) });
    // 4 entries, then 150 candidates each: three fit in 500, the fourth does not.
    const expanded = planExpansion(model, createUiState());
    expect([0, 1, 2, 3].map((i) => expanded.has(entryKey('out', ambiguous(i))))).toStrictEqual([true, true, true, false]);
  });

  test('after "Expand all" entries open within a larger budget; after "Collapse all" only chosen ones open', () => {
    const big = (i: number): ChainViewNode =>
      node({ id: `2021010100${String(i).padStart(2, '0')}`, title: `big ${i}`, children: Array.from({ length: 199 }, (_, j) => node({ id: `2022${String(i * 1000 + j).padStart(8, '0')}`, title: `c${j}` })) });
    const model = chainModel({ outgoing: Array.from({ length: 12 }, (_, i) => big(i)) });
    const all = plan(model, { ...createUiState(), defaultOpen: 'all' });
    const fits = Math.floor((EXPAND_ALL_BUDGET - 12) / 199);
    expect(all.expanded.size).toBe(fits);
    expect(all.closedByBudget).toBe(12 - fits);
    const none = plan(model, { ...createUiState(), defaultOpen: 'none', expansion: new Map([[entryKey('out', big(5)), true]]) });
    expect([...none.expanded]).toStrictEqual([entryKey('out', big(5))]);
    expect(none.closedByBudget).toBe(0);
  });

  test('"Expand all" draws up to 2,000 entries (the README\'s figure), not one more', () => {
    const big = (i: number): ChainViewNode =>
      node({ id: `2021010100${String(i).padStart(2, '0')}`, title: `big ${i}`, children: Array.from({ length: 198 }, (_, j) => node({ id: `2022${String(i * 1000 + j).padStart(8, '0')}`, title: `c${j}` })) });
    const opened = (entries: number): number => plan(chainModel({ outgoing: Array.from({ length: entries }, (_, i) => big(i)) }), { ...createUiState(), defaultOpen: 'all' }).expanded.size;
    // 20 entries and 10 opened draw 20 + 10 × 198 = 2,000; with 21 entries the tenth would make 2,001.
    expect([opened(20), opened(21)]).toStrictEqual([10, 9]);
  });

  // Sibling IDs are unique, as the core guarantees (one entry per referenced ID and per citing note).
  test('property: default expansion never draws more than the budget or the top levels', () => {
    const arbNode = fc.memo((depth: number): fc.Arbitrary<ChainViewNode> =>
      fc
        .record({
          n: fc.integer({ min: 0, max: 99_999_999 }),
          cycle: fc.boolean(),
          children: depth <= 1 ? fc.constant([]) : fc.uniqueArray(arbNode(depth - 1), { maxLength: 8, size: 'large', selector: (n) => n.id }),
        })
        .map(({ n, cycle, children }) => node({ id: `2021${String(n).padStart(8, '0')}`, title: `t${n}`, cycle, children })),
    );
    fc.assert(
      fc.property(fc.uniqueArray(arbNode(3), { maxLength: 120, size: 'large', selector: (n) => n.id }), fc.uniqueArray(arbNode(3), { maxLength: 30, selector: (n) => n.id }), (outgoing, incoming) => {
        const model = chainModel({ outgoing, incoming });
        const expanded = planExpansion(model, createUiState());
        const drawn = drawnCount(outgoing, 'out', expanded) + drawnCount(incoming, 'in', expanded);
        const tops = Math.min(outgoing.length, LEVEL_CAP) + Math.min(incoming.length, LEVEL_CAP);
        return drawn <= Math.max(RENDER_BUDGET, tops);
      }),
      { seed: 20261125, numRuns: 30, endOnFailure: true },
    );
  });
});

describe('RememberedUiStates', () => {
  test('keeps the most recently used notes and forgets the oldest', () => {
    const states = new RememberedUiStates(2);
    const a = { ...createUiState(), activeKey: 'a' };
    const b = { ...createUiState(), activeKey: 'b' };
    states.remember('a.md', a);
    states.remember('b.md', b);
    states.remember('a.md', a);
    states.remember('c.md', createUiState());
    expect(states.of('a.md')).toBe(a);
    expect(states.of('b.md')).toStrictEqual(createUiState());
  });
});
