import { buildChain, createCitationCounter, type ChainNode, type ChainOptions } from '../../../src/core/chain/chain';
import { facts, genericReader } from '../index/helpers';
import { A, B, C, D, E, F, MISSING, sampleIndex, sampleNotes } from './sample';

/** `ID` per node, nested, with markers: compact enough to read in an assertion. */
function shape(nodes: readonly ChainNode[]): unknown[] {
  return nodes.map((node) => {
    const name = `${node.id ?? node.path}${node.cycle ? ' cycle' : ''}${node.status === 'resolved' ? '' : ` ${node.status}`}`;
    const tail = node.truncated > 0 ? [`+${node.truncated}`] : [];
    return node.children.length === 0 && tail.length === 0 ? name : { [name]: [...shape(node.children), ...tail] };
  });
}

const both = (depth: number, extra: Partial<ChainOptions> = {}): ChainOptions => ({ depth, direction: 'both', ...extra });

describe('outgoing', () => {
  test('children in order of first reference, once each, self-references never edges', () => {
    const result = buildChain(sampleIndex(), { path: `${A} Execution.md` }, { depth: 1, direction: 'out' });
    expect(result.root).toStrictEqual({ id: A, path: `${A} Execution.md`, title: 'Execution', status: 'resolved', candidates: [] });
    expect(shape(result.out)).toStrictEqual([B, C, `${MISSING} unresolved`, `${D} ambiguous`]);
    expect(result.in).toStrictEqual([]);
  });

  test('unresolved and ambiguous IDs are leaves; the ambiguous one lists every candidate', () => {
    const result = buildChain(sampleIndex(), { id: A }, both(5));
    const missing = result.out.find((node) => node.id === MISSING);
    const ambiguous = result.out.find((node) => node.id === D);
    expect(missing).toMatchObject({ path: null, title: '', status: 'unresolved', children: [], candidates: [] });
    expect(ambiguous).toMatchObject({ path: null, status: 'ambiguous', children: [], candidates: [`${D} Hard decisions.md`, `dup/${D} Hard decisions.md`] });
  });

  test('a note already on the path is marked as a cycle and not expanded; elsewhere it expands again', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 4, direction: 'out' });
    expect(shape(result.out)).toStrictEqual([
      { [B]: [{ [C]: [{ [E]: [F] }] }, `${A} cycle`] },
      { [C]: [{ [E]: [F] }] },
      `${MISSING} unresolved`,
      `${D} ambiguous`,
    ]);
  });

  test('depth limits: 0 gives nothing, 1 gives direct references only, 2 one level more', () => {
    const index = sampleIndex();
    expect(buildChain(index, { id: A }, both(0))).toMatchObject({ out: [], in: [], outTruncated: 0 });
    expect(buildChain(index, { id: A }, both(1)).out.every((node) => node.children.length === 0)).toBe(true);
    expect(shape(buildChain(index, { id: A }, { depth: 2, direction: 'out' }).out)).toStrictEqual([
      { [B]: [C, `${A} cycle`] },
      { [C]: [E] },
      `${MISSING} unresolved`,
      `${D} ambiguous`,
    ]);
  });

  test('each node carries the line its reference stands in', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 2, direction: 'out' });
    expect(result.out[0].context).toBe(`see ${B}`);
    expect(result.out[0].children[1].context).toBe(`see ${A}`);
  });
});

describe('incoming', () => {
  test('children sorted by path, once per note, self excluded, context from the referencing note', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 1, direction: 'in' });
    expect(result.in.map((node) => [node.path, node.id, node.context])).toStrictEqual([
      [`${B} Teams exist.md`, B, `see ${A}`],
      ['Reading list.md', null, `see ${A}`],
    ]);
    expect(result.out).toStrictEqual([]);
  });

  test('recursion and cycles', () => {
    const result = buildChain(sampleIndex(), { path: `${C} Serve others.md` }, { depth: 3, direction: 'in' });
    expect(shape(result.in)).toStrictEqual([
      { [A]: [{ [B]: [`${A} cycle`] }, 'Reading list.md'] },
      { [B]: [{ [A]: [`${B} cycle`, 'Reading list.md'] }] },
      'Reading list.md',
    ]);
  });

  test('an unresolved ID still shows who references it', () => {
    const result = buildChain(sampleIndex(), { id: MISSING }, both(2));
    expect(result.root).toStrictEqual({ id: MISSING, path: null, title: '', status: 'unresolved', candidates: [] });
    expect(result.out).toStrictEqual([]);
    expect(shape(result.in)).toStrictEqual([{ [A]: [B, 'Reading list.md'] }]);
  });

  test('an ambiguous start lists candidates and who references the ID', () => {
    const result = buildChain(sampleIndex(), { id: D }, both(1));
    expect(result.root.candidates).toHaveLength(2);
    expect(shape(result.in)).toStrictEqual([A]);
  });

  test('the generic reader path (referencesTo) gives the same trees as the fast path', () => {
    const index = sampleIndex();
    const plain = genericReader(index);
    for (const start of [{ id: A }, { id: C }, { id: MISSING }, { path: `${F} Slow feedback.md` }, { path: 'nowhere.md' }]) {
      expect(buildChain(plain, start, both(4))).toStrictEqual(buildChain(index, start, both(4)));
    }
  });
});

describe('counts', () => {
  test('mentions: how often the referencing note names the reference, in both directions', () => {
    const result = buildChain(sampleIndex(), { id: A }, both(1));
    expect(result.out.map((node) => [node.id, node.mentions])).toStrictEqual([[B, 2], [C, 1], [MISSING, 1], [D, 1]]);
    expect(result.in.map((node) => [node.path, node.mentions])).toStrictEqual([[`${B} Teams exist.md`, 1], ['Reading list.md', 2]]);
  });

  test('citations: the notes citing an ID, its owners\' self-references left out; the same through the generic reader', () => {
    const index = sampleIndex();
    const plain = genericReader(index);
    for (const counter of [createCitationCounter(index), createCitationCounter(plain)]) {
      expect([A, B, C, D, MISSING, F, '209901010000'].map(counter)).toStrictEqual([2, 1, 3, 1, 1, 1, 0]);
    }
  });
});

describe('limits and determinism', () => {
  test('a path outside the index gives an empty chain', () => {
    const result = buildChain(sampleIndex(), { path: 'nowhere.md' }, both(3));
    expect(result).toMatchObject({ root: { path: 'nowhere.md', id: null, status: 'unresolved' }, out: [], in: [], capped: false });
  });

  test('maxChildren keeps the first children and counts the rest', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 2, direction: 'both', maxChildren: 1 });
    expect(shape(result.out)).toStrictEqual([{ [B]: [C, '+1'] }]);
    expect(result.outTruncated).toBe(3);
    expect(result.inTruncated).toBe(1);
    expect(result.capped).toBe(false);
  });

  test('maxNodes fills the upper levels first and says it capped', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 5, direction: 'out', maxNodes: 5 });
    expect(shape(result.out)).toStrictEqual([{ [B]: [{ [C]: ['+1'] }, '+1'] }, { [C]: ['+1'] }, `${MISSING} unresolved`, `${D} ambiguous`]);
    expect(result.capped).toBe(true);
  });

  // Without a cap of its own a chain stops at 10,000 entries: a hub citing that many is shown whole,
  // one citing one more is cut there and says so.
  test.each([
    [10_000, 10_000, 0, false],
    [10_001, 10_000, 1, true],
  ])('a note citing %i IDs, no cap given: %i entries shown, %i left out', (cited, shown, left, capped) => {
    // Minutes from 2021-01-01 00:00 on: unresolved, so each must be a plausible time to count.
    const two = (n: number): string => String(n).padStart(2, '0');
    const ids = Array.from({ length: cited }, (_, i) => `202101${two(1 + Math.floor(i / 1440))}${two(Math.floor(i / 60) % 24)}${two(i % 60)}`);
    const result = buildChain(sampleIndex([facts('202001011200 Hub.md', '202001011200', ids)]), { id: '202001011200' }, { depth: 1, direction: 'out' });
    expect([result.out.length, result.outTruncated, result.capped]).toStrictEqual([shown, left, capped]);
  });

  test('the same vault gives the same chain whatever order notes were indexed in', () => {
    const forward = buildChain(sampleIndex(), { id: A }, both(6));
    const backward = buildChain(sampleIndex(sampleNotes().reverse()), { id: A }, both(6));
    expect(backward).toStrictEqual(forward);
  });

  test('a long cycle stays finite at any depth', () => {
    const ring = Array.from({ length: 30 }, (_, i) => {
      const id = `2021010112${String(i).padStart(2, '0')}`;
      const next = `2021010112${String((i + 1) % 30).padStart(2, '0')}`;
      return facts(`${id}.md`, id, [next]);
    });
    const result = buildChain(sampleIndex(ring), { id: '202101011200' }, both(50));
    let depth = 0;
    for (let nodes = result.out; nodes.length > 0; nodes = nodes[0].children) depth++;
    expect(depth).toBe(30);
  });
});

describe('bad options', () => {
  test.each<[string, Partial<ChainOptions>]>([
    ['NaN depth', { depth: Number.NaN }],
    ['negative depth', { depth: -3 }],
    ['negative budget', { depth: 3, maxNodes: -5 }],
    ['zero children', { depth: 3, maxChildren: 0 }],
  ])('%s gives a finite, empty-or-capped chain', (_name, options) => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 3, direction: 'both', ...options });
    expect(result.out).toStrictEqual([]);
    expect(result.in).toStrictEqual([]);
  });

  test('a fractional depth rounds down and an infinite budget is allowed', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 1.9, direction: 'out', maxNodes: Infinity });
    expect(result.depth).toBe(1);
    expect(result.out.every((node) => node.children.length === 0)).toBe(true);
  });
});
