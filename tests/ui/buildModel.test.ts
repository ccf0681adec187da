/** From the index to the chain view's model: the directions computed, exclusions, the filter, and context lines. */
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import type { NoteFacts } from '../../src/core/index/noteFacts';
import { ShapeKeys } from '../../src/core/chain/shape';
import { chainViewModel, computeChain, shapeForView } from '../../src/ui/chain/buildModel';
import { DEFAULT_CONTROLS } from '../../src/ui/chain/controller';
import type { ChainViewNode } from '../../src/ui/chain/model';

const ROOT = '202104291524 Root.md';
const CITED = '202108191025 Cited.md';
const CITING = '202104291947 Citing.md';
const EXCLUDED = 'archive/202105010900 Old.md';

/** A note referencing each ID on a line of its own, that line given as the context. */
function note(path: string, id: string, lines: readonly [string, string][]): NoteFacts {
  return {
    path,
    id,
    title: path.slice(13, -3),
    references: lines.map(([refId, line], i) => ({ id: refId, form: 'bare', from: i * 100 + line.indexOf(refId), to: i * 100 + line.indexOf(refId) + refId.length, line: i + 1, column: line.indexOf(refId) + 1, context: line })),
  };
}

function indexOf(...notes: NoteFacts[]): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const facts of notes) index.apply({ kind: 'upsert', facts });
  return index;
}

const index = indexOf(
  note(ROOT, '202104291524', [
    ['202108191025', 'Builds on 202108191025 here.'],
    ['202105010900', 'And on 202105010900 too.'],
    ['202112312359', 'And on 202112312359, which no note owns.'],
  ]),
  note(CITED, '202108191025', []),
  note(EXCLUDED, '202105010900', []),
  note(CITING, '202104291947', [['202104291524', '- [[202104291524|]]']]),
);
const file = { path: ROOT, extension: 'md' };
const inputs = { depth: 3, showIncoming: true, showContext: true, filter: '', noteTitle: (path: string) => path };
const deps = { hasExclusions: () => true, isExcluded: (path: string) => path.startsWith('archive/'), modified: () => 0 };

function modelOf(controls = DEFAULT_CONTROLS, filter = '') {
  const computation = computeChain(index, file, 3, { showIncoming: true });
  if (computation.kind !== 'chain') throw new Error('expected a chain');
  return chainViewModel(shapeForView(computation.result, controls, deps, new ShapeKeys()), { ...inputs, filter });
}

const ids = (nodes: readonly ChainViewNode[]) => nodes.map((node) => node.id);

test('without the incoming section, no incoming entry is computed (they would count toward the node cap)', () => {
  const outOnly = computeChain(index, file, 3, { showIncoming: false });
  const both = computeChain(index, file, 3, { showIncoming: true });
  if (outOnly.kind !== 'chain' || both.kind !== 'chain') throw new Error('expected chains');
  expect([outOnly.result.in.length, both.result.in.length]).toStrictEqual([0, 1]);
  expect(outOnly.result.out.length).toBe(3);
});

test('hiding excluded notes hides those notes only: others, and IDs no note owns, stay', () => {
  expect(ids(modelOf({ ...DEFAULT_CONTROLS, hideExcluded: true }).outgoing)).toStrictEqual(['202108191025', '202112312359']);
  expect(ids(modelOf({ ...DEFAULT_CONTROLS, hideExcluded: false }).outgoing)).toStrictEqual(['202108191025', '202105010900', '202112312359']);
});

test('the filter the model reports is the one typed, trimmed', () => {
  expect(modelOf(DEFAULT_CONTROLS, '  Cited ').filter).toBe('Cited');
});

test('a context line that reads as nothing (a list item of an empty-text link) draws no context', () => {
  const model = modelOf();
  expect(model.incoming?.map((entry) => entry.context)).toStrictEqual([null]);
  expect(model.outgoing[0].context).toStrictEqual({ before: 'Builds on ', id: '202108191025', after: ' here.' });
});
