/** @jest-environment jsdom */
/**
 * The chain view's markup: every element's tag, classes, ARIA and other attributes and own text,
 * compared with an approved file. styles.css, Obsidian's theme classes (`nav-header`,
 * `clickable-icon`, `is-active`) and screen readers all read this markup, and the
 * text outline in chainText.ts leaves most of it out.
 */
import * as fs from 'fs';
import * as path from 'path';
import { approvalsIn } from '../approval';
import { markup } from './markup';
import type { ChainNode } from '../../src/core/chain/chain';
import type { ChainComputation } from '../../src/ui/chain/deps';
import { LEVEL_CAP } from '../../src/ui/chain/expansion';
import { coreChain, coreNode, EXECUTION, mixedChain, openChainView, type Harness } from './chainViewHarness';

const APPROVED = path.join(__dirname, 'approved');
const STYLES = fs.readFileSync(path.join(__dirname, '../../styles.css'), 'utf8');

/** What a state does in the view after it opened, as a user would (or as Obsidian restoring it would). */
type Act = (h: Harness) => unknown;

/** The markup of the view opened on `chain`'s note (or on none), after `act`. */
async function viewMarkup(chain: ChainComputation, open: boolean, act: Act | null): Promise<string> {
  const h = await openChainView(() => chain);
  h.citations['202108191025'] = 3;
  h.excluded.add(HIDDEN);
  if (open) h.openFile(EXECUTION);
  await jest.runOnlyPendingTimersAsync();
  if (act !== null) {
    await act(h);
    await jest.runOnlyPendingTimersAsync();
  }
  return `${markup(h.content()).join('\n')}\n`;
}

/** An incoming note in an excluded folder, which the view hides (its default). */
const HIDDEN = 'Archive/202001010000 Old note.md';

/** `count` notes with IDs 2021MMDDhhmm from `month`, titled `Note {prefix}{n}`. */
function notes(count: number, month: number, prefix: string, fields: (i: number) => Partial<ChainNode> = () => ({})): ChainNode[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `2021${String(month).padStart(2, '0')}${String(1 + Math.floor(i / 60)).padStart(2, '0')}00${String(i % 60).padStart(2, '0')}`;
    return coreNode(id, `Note ${prefix}${i}`, fields(i));
  });
}

/**
 * A chain past every limit of the view: more direct references than a level shows (a "more"
 * entry), entries the core left out (at the root and past its node cap), and an incoming note
 * that is hidden.
 */
function wideChain(): ChainComputation {
  const out = notes(LEVEL_CAP + 10, 1, '', (i) => (i < 20 ? { children: notes(30, 2 + (i % 10), `${i}.`) } : {}));
  const hidden = { ...coreNode('202001010000', 'Old note'), path: HIDDEN };
  const chain = coreChain(EXECUTION, '202104291524', 'Execution is the priority of the team', out, [hidden, coreNode(null, 'Reading list')]);
  return chain.kind === 'chain' ? { kind: 'chain', result: { ...chain.result, outTruncated: 5, capped: true } } : chain;
}

beforeEach(() => jest.useFakeTimers());

afterEach(() => {
  jest.useRealTimers();
  document.body.empty();
});

/** Types a filter into the toolbar's box. */
const filterBy =
  (text: string): Act =>
  (h) => {
    const input = h.content().querySelector<HTMLInputElement>('.pc-chain-filter-input')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

/** Closes the first entry of the tree and the "Built on by" section, each with a click. */
const closeFirstEntryAndIncoming: Act = (h) => {
  const content = h.content();
  const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
  click(content.querySelector('[role="treeitem"] [data-action="toggle"]')!);
  click(content.querySelector('[data-action="toggle-section"][data-key="in"]')!);
};

/**
 * A note without an ID that mentions one note in a line that does not show its ID (which mentions
 * another), and a note whose title is empty.
 */
const noIdChain = (): ChainComputation =>
  coreChain('Reading list.md', null, 'Reading list', [
    coreNode('202108191025', 'Teams exist for a reason', { context: 'Start with why teams exist.', children: [coreNode('202109260705', 'Ownership is shared')] }),
    { ...coreNode('202110010900', ''), path: '202110010900.md' },
  ]);

const states: [string, () => ChainComputation, boolean, Act | null][] = [
  ['chain-view-no-note.approved.txt', () => ({ kind: 'empty', reason: 'no-note' }), false, null],
  ['chain-view-mixed.approved.txt', mixedChain, true, null],
  ['chain-view-wide.approved.txt', wideChain, true, null],
  ['chain-view-lone-note.approved.txt', () => coreChain(EXECUTION, '202104291524', 'Execution is the priority of the team', []), true, null],
  ['chain-view-filtered.approved.txt', mixedChain, true, filterBy('reason')],
  ['chain-view-no-id-closed.approved.txt', noIdChain, true, closeFirstEntryAndIncoming],
  ['chain-view-pin-missing.approved.txt', mixedChain, true, (h) => h.view.setState({ pinned: 'zet/202104291524 Old title.md' }, { history: false })],
];

test.each(states)('the view draws the approved markup (%s)', async (name, chain, open, act) => {
  approvalsIn(APPROVED)(name, await viewMarkup(chain(), open, act));
});

/** The classes of an approved file's elements (each line starts `tag.class.class`). */
function drawnClasses(name: string): string[] {
  return fs
    .readFileSync(path.join(APPROVED, name), 'utf8')
    .split('\n')
    .flatMap((line) => line.trim().split(' ')[0].split('.').slice(1));
}

test('every class the chain view\'s rules in styles.css name is drawn in one of the approved states', () => {
  const drawn = new Set(states.flatMap(([name]) => drawnClasses(name)));
  const rules = STYLES.replace(/\/\*[\s\S]*?\*\//g, '').match(/[^{}]+\{/g) ?? [];
  const selectors = rules.filter((selector) => selector.includes('.pc-chain'));
  const styled = new Set(selectors.flatMap((selector) => (selector.match(/\.[a-z][a-z-]*/g) ?? []).map((name) => name.slice(1))));
  expect(styled.size).toBeGreaterThan(10);
  expect([...styled].filter((name) => !drawn.has(name))).toStrictEqual([]);
});
