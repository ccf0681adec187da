/**
 * The chain view's model helpers. sameModel decides whether the view draws again after an index
 * change: a field it calls "same" when it changed leaves the view showing the old chain, so every
 * field is checked, both ways round. Entry keys name what the view keeps per entry (open or
 * closed, the tab stop, "Show more" pages).
 */
import { planExpansion } from '../../src/ui/chain/expansion';
import {
  candidateKey, childrenOf, createUiState, entryKey, isKeyWithin, locateEntry, modelShowsAny, moreKey, sameModel,
  type ChainModel, type ChainViewModel, type ChainViewNode, type EmptyModel,
} from '../../src/ui/chain/model';
import { chainModel, node } from './chainModels';

function base(): ChainModel {
  const twin = node({
    id: '202101010100',
    title: 'Twin',
    status: 'ambiguous',
    path: null,
    candidates: [
      { path: 'a/202101010100 Twin.md', title: 'Twin' },
      { path: 'b/202101010100 Twin.md', title: 'Twin' },
    ],
  });
  const child = node({ id: '202101010300', title: 'Child', context: 'see 202101010300 Child' });
  const parent = node({ id: '202101010200', title: 'Parent', children: [child] });
  return chainModel({ outgoing: [parent, twin], incoming: [node({ id: '202101010400', title: 'Later' })] });
}

type Change = (model: ChainModel) => ChainModel;
const withNode = (at: (model: ChainModel) => ChainViewNode, fields: Partial<ChainViewNode>): Change => (model) => {
  Object.assign(at(model), fields);
  return model;
};
const parentOf = (model: ChainModel): ChainViewNode => model.outgoing[0];
const twinOf = (model: ChainModel): ChainViewNode => model.outgoing[1];
const childOf = (model: ChainModel): ChainViewNode => model.outgoing[0].children[0];

const changes: [string, Change][] = [
  ['the note\'s path', (m) => ({ ...m, note: { ...m.note, path: 'other.md' } })],
  ['the note\'s ID', (m) => ({ ...m, note: { ...m.note, id: '202104291525' } })],
  ['the note\'s title', (m) => ({ ...m, note: { ...m.note, title: 'Renamed' } })],
  ['the depth', (m) => ({ ...m, depth: 4 })],
  ['the outgoing entries left out by the cap', (m) => ({ ...m, outgoingTruncated: 1 })],
  ['the incoming entries left out by the cap', (m) => ({ ...m, incomingTruncated: 1 })],
  ['the outgoing entries hidden by the settings', (m) => ({ ...m, outgoingHidden: 1 })],
  ['the incoming entries hidden by the settings', (m) => ({ ...m, incomingHidden: 1 })],
  ['whether the chain stopped at the node cap', (m) => ({ ...m, capped: true })],
  ['whether context lines show', (m) => ({ ...m, showContext: false })],
  ['the filter', (m) => ({ ...m, filter: 'team' })],
  ['the incoming section shown or not', (m) => ({ ...m, incoming: null })],
  ['an incoming entry', (m) => ({ ...m, incoming: [node({ id: '202101010500', title: 'Other' })] })],
  ['an outgoing entry more', (m) => ({ ...m, outgoing: [...m.outgoing, node({ id: '202101010500', title: 'Other' })] })],
  ['an entry\'s ID', withNode(parentOf, { id: '202101010201' })],
  ['an entry\'s path', withNode(parentOf, { path: 'moved/202101010200 Parent.md' })],
  ['an entry\'s title', withNode(parentOf, { title: 'Parent renamed' })],
  ['an entry\'s status', withNode(parentOf, { status: 'unresolved' })],
  ['an entry marked as a cycle', withNode(parentOf, { cycle: true })],
  ['how often an entry is mentioned', withNode(parentOf, { mentions: 2 })],
  ['whether an entry matches the filter', withNode(parentOf, { match: true })],
  ['an entry\'s children left out', withNode(parentOf, { truncated: 3 })],
  ['a candidate fewer', withNode(twinOf, { candidates: [{ path: 'a/202101010100 Twin.md', title: 'Twin' }] })],
  ['a candidate\'s path', withNode(twinOf, { candidates: [{ path: 'a/202101010100 Twin.md', title: 'Twin' }, { path: 'c/202101010100 Twin.md', title: 'Twin' }] })],
  ['a candidate\'s title', withNode(twinOf, { candidates: [{ path: 'a/202101010100 Twin.md', title: 'Twin' }, { path: 'b/202101010100 Twin.md', title: 'Twin too' }] })],
  ['a child\'s title, one level down', withNode(childOf, { title: 'Child renamed' })],
  ['a child more, one level down', withNode(parentOf, { children: [node({ id: '202101010300', title: 'Child' }), node({ id: '202101010301', title: 'Sibling' })] })],
];

describe('sameModel', () => {
  it('a model drawn the same, built again, is the same; context lines are not compared', () => {
    const again = base();
    Object.assign(childOf(again), { context: null });
    expect(sameModel(base(), again)).toBe(true);
  });

  it.each(changes)('a change of %s is a change', (_name, change) => {
    expect([sameModel(base(), change(base())), sameModel(change(base()), base())]).toStrictEqual([false, false]);
  });

  const empty = (fields: Partial<EmptyModel> = {}): EmptyModel => ({ kind: 'empty', reason: 'no-note', depth: 3, maxDepth: 10, ...fields });
  it.each<[string, ChainViewModel | null, ChainViewModel | null, boolean]>([
    ['nothing drawn and nothing to draw', null, null, true],
    ['nothing drawn and a chain', null, base(), false],
    ['a chain and nothing', base(), null, false],
    ['two empty states alike', empty(), empty(), true],
    ['empty states for different reasons', empty(), empty({ reason: 'not-indexed' }), false],
    ['empty states at different depths', empty(), empty({ depth: 4 }), false],
    ['pins to two notes both gone', empty({ reason: 'pin-missing', missingPin: 'a.md' }), empty({ reason: 'pin-missing', missingPin: 'b.md' }), false],
    ['an empty state and a chain', empty(), base(), false],
    ['a chain and an empty state', base(), empty(), false],
  ])('%s: %s', (_name, a, b, same) => {
    expect(sameModel(a, b)).toBe(same);
  });

  it('two chains without the incoming section are the same', () => {
    expect(sameModel({ ...base(), incoming: null }, { ...base(), incoming: null })).toBe(true);
  });
});

describe('modelShowsAny', () => {
  const paths = (...list: string[]) => new Set(list);
  it.each<[string, ChainViewModel | null, ReadonlySet<string>, boolean]>([
    ['nothing drawn', null, paths('202101010200 Parent.md'), false],
    ['an empty state', { kind: 'empty', reason: 'no-note', depth: 3, maxDepth: 10 }, paths('202101010200 Parent.md'), false],
    ['the note the chain is for', base(), paths('202104291524 Execution is the priority of the team.md'), true],
    ['an entry one level down', base(), paths('202101010300 Child.md'), true],
    ['an incoming entry', base(), paths('202101010400 Later.md'), true],
    ['an entry, without the incoming section', { ...base(), incoming: null }, paths('202101010300 Child.md'), true],
    ['no note it shows', base(), paths('elsewhere.md'), false],
  ])('%s', (_name, model, shown, expected) => {
    expect(modelShowsAny(model, shown)).toBe(expected);
  });
});

describe('entry keys and finding entries by them', () => {
  const emptyModel: EmptyModel = { kind: 'empty', reason: 'no-note', depth: 3, maxDepth: 10 };
  const model = base();
  const parentKey = entryKey('out', parentOf(model));
  const childKey = entryKey(parentKey, childOf(model));
  const laterKey = entryKey('in', model.incoming![0]);

  it('finds an entry of either section at its level, under its parent', () => {
    expect(locateEntry(model, parentKey)).toStrictEqual({ node: parentOf(model), parentKey: 'out', level: 1 });
    expect(locateEntry(model, childKey)).toStrictEqual({ node: childOf(model), parentKey, level: 2 });
    expect(locateEntry(model, laterKey)).toStrictEqual({ node: model.incoming![0], parentKey: 'in', level: 1 });
  });

  it('finds nothing for a key no entry has, or in an empty state', () => {
    expect(locateEntry(model, entryKey('out', node({ id: '202101019999', title: 'Gone' })))).toBeNull();
    expect(locateEntry(model, entryKey(parentKey, node({ id: '202101019999', title: 'Gone' })))).toBeNull();
    expect(locateEntry(emptyModel, parentKey)).toBeNull();
  });

  it('lists the children of a section or an entry; none for an unknown key or an empty state', () => {
    expect(childrenOf(model, 'out')).toBe(model.outgoing);
    expect(childrenOf(model, 'in')).toBe(model.incoming);
    expect(childrenOf(model, parentKey)).toBe(parentOf(model).children);
    expect(childrenOf(model, entryKey('out', node({ id: '202101019999', title: 'Gone' })))).toBeNull();
    expect([childrenOf(emptyModel, 'out'), childrenOf(emptyModel, 'in')]).toStrictEqual([null, null]);
  });

  it('gives each parent its own "Show more" and candidate keys, within the parent, apart from its entries', () => {
    const candidate = { path: '202101010300 Child.md', title: 'Child' };
    const keys = [moreKey('out'), moreKey('in'), moreKey(parentKey), candidateKey(parentKey, candidate), candidateKey('out', candidate), childKey];
    expect(new Set(keys).size).toBe(keys.length);
    expect([isKeyWithin(moreKey(parentKey), parentKey), isKeyWithin(candidateKey(parentKey, candidate), parentKey)]).toStrictEqual([true, true]);
    expect([isKeyWithin(moreKey('out'), 'in'), isKeyWithin(childKey, moreKey(parentKey))]).toStrictEqual([false, false]);
  });

  it('plans no expansion for an empty state', () => {
    expect(planExpansion(emptyModel, createUiState())).toStrictEqual({ expanded: new Set(), closedByBudget: 0 });
  });
});
