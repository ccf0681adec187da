/** @jest-environment jsdom */
import '../mocks/dom';
import * as path from 'path';
import { renderOutline } from '../../src/core/chain/outline';
import { shapeChain } from '../../src/core/chain/shape';
import { createCitationCounter } from '../../src/core/chain/chain';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { FollowedFile } from '../../src/ui/chain/deps';
import { chainViewModel, computeChain, emptyModel } from '../../src/ui/chain/buildModel';
import { createUiState, type ChainViewModel } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { chainAsText } from './chainText';
import { approvalsIn } from '../approval';
import { exampleVaultFiles, exampleVaultIndex } from '../exampleVault';

const APPROVED = path.join(__dirname, 'approved/example-vault-chains.approved.txt');

const index = exampleVaultIndex();
const settings = { showIncoming: true, showContext: true };

/** The view model of a file's chain as the view builds it (no filter, sort or hiding). */
function chainModelOf(idx: IdIndex, file: FollowedFile | null, depth: number, viewSettings = settings): ChainViewModel {
  const computation = computeChain(idx, file, depth, viewSettings);
  if (computation.kind === 'empty') return emptyModel(computation.reason, depth);
  return chainViewModel(shapeChain(computation.result, {}), { depth, ...viewSettings, filter: '', noteTitle: (p) => idx.note(p)?.title ?? '' });
}

/** The drawn chain as text; context lines are left out because their trimming belongs to the core. */
function drawn(file: string, depth = DEFAULT_SETTINGS.chainDepth, withContext = false): string {
  const container = document.body.createDiv();
  renderChainInto(container, chainModelOf(index, { path: file, extension: 'md' }, depth), createUiState(), { citedBy: createCitationCounter(index) });
  const text = chainAsText(container, withContext);
  container.detach();
  return text;
}

test('every entry shows the line its reference stands in, naming the ID it is about', () => {
  const lines = drawn('202301020900 Team leadership map.md', 2, true).split('\n');
  const entries = lines.filter((line) => / · \d{12}/.test(line) && /^ +[•▾▸]/.test(line));
  expect(entries.length).toBeGreaterThan(10);
  for (const entry of entries) {
    const at = lines.indexOf(entry);
    expect(lines[at + 1]).toMatch(/^ +> /);
  }
  const first = lines.findIndex((line) => line.startsWith('  ▾ Clarity is a gift to the team · 202201100900'));
  expect(lines[first + 1]).toContain('202201100900');
});

test('every note of the example vault draws the approved chain (depth 3, both directions)', () => {
  const files = exampleVaultFiles();
  expect(files.length).toBeGreaterThan(20);
  const actual = files.map((file) => `======== ${file}\n${drawn(file)}`).join('\n');
  approvalsIn(path.dirname(APPROVED))(path.basename(APPROVED), actual);
});

test('depth 1 draws direct references only; deeper levels add entries', () => {
  const map = '202301020900 Team leadership map.md';
  const one = drawn(map, 1);
  expect(one.split('\n').filter((line) => /^ {4}[•▾▸]/.test(line))).toStrictEqual([]);
  expect(drawn(map, 3).split('\n').length).toBeGreaterThan(one.split('\n').length);
});

test('the copied outline is the core outline of the same chain', () => {
  const computation = computeChain(index, { path: '202301020900 Team leadership map.md', extension: 'md' }, 2, DEFAULT_SETTINGS);
  expect(computation.kind === 'chain' && renderOutline(computation.result)).toMatch(/^- 202301020900 Team leadership map\n {2}- Builds on\n {4}- 202201100900 Clarity is a gift to the team\n/);
  expect(computeChain(index, null, 2, DEFAULT_SETTINGS)).toStrictEqual({ kind: 'empty', reason: 'no-note' });
  expect(computeChain(index, { path: 'picture.png', extension: 'png' }, 2, DEFAULT_SETTINGS)).toStrictEqual({ kind: 'empty', reason: 'not-markdown' });
});

test.each([
  [null, 'no-note'],
  [{ path: 'image.png', extension: 'png' }, 'not-markdown'],
  [{ path: 'excluded/never indexed.md', extension: 'md' }, 'not-indexed'],
])('%j has the empty state %s', (file, reason) => {
  expect(chainModelOf(index, file, 3)).toStrictEqual({ kind: 'empty', reason, depth: 3, maxDepth: 10 });
});

test('a note without ID and without references has the "no ID, no references" empty state', () => {
  const own = new IdIndex({ format: TWELVE_DIGIT });
  const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  own.apply({ kind: 'upsert', facts: extractNoteFacts('Loose thought.md', 'Nothing to see, not even 2021.', options) });
  expect(chainModelOf(own, { path: 'Loose thought.md', extension: 'md' }, 3)).toMatchObject({ kind: 'empty', reason: 'no-id-no-refs' });
});

test('showIncoming off leaves the incoming tree out; showContext off drops context lines', () => {
  const model = chainModelOf(index, { path: '202201100900 Clarity is a gift to the team.md', extension: 'md' }, 3, { showIncoming: false, showContext: false });
  expect(model).toMatchObject({ kind: 'chain', incoming: null, showContext: false });
});
