/**
 * The chain view's render row in real Chromium (bench/chromium.ts), where jsdom's DOM, far slower
 * than a browser's, can only give an upper bound. The model is the one the jsdom row draws.
 */
import * as fs from 'fs';
import { chromiumRenderTimes, type ChromiumPage } from '../chromium';
import { createUiState, type ChainViewModel, type ChainViewNode } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { absoluteRow, median, ms, skippedRow, timeAlone } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { TASK_BUDGET_MS } from './chain';

export const CHROMIUM_RENDER_ROW = 'Chain view render (capped) in Chromium, depth 3';

/**
 * The entries whose context a draw reads: the view model reads an entry's context from the index
 * when the entry is drawn (a getter), and the view draws a few hundred of up to 10,000 entries. Found
 * by drawing once in this process's DOM (jsdom) with each getter watched.
 */
export function entriesDrawn(model: ChainViewModel): Set<ChainViewNode> {
  const drawn = new Set<ChainViewNode>();
  if (model.kind === 'empty') return drawn;
  const watched = (node: ChainViewNode): ChainViewNode => {
    const copy = { ...node, children: node.children.map(watched) };
    return Object.defineProperty(copy, 'context', { get: () => (drawn.add(node), node.context) });
  };
  const probe = { ...model, outgoing: model.outgoing.map(watched), incoming: model.incoming?.map(watched) ?? null };
  const container = document.body.createDiv();
  renderChainInto(container, probe, createUiState());
  container.remove();
  return drawn;
}

/** The model as plain data for the page: the drawn entries' contexts read, the others' left null. */
export function withContextsRead(model: ChainViewModel, drawn: ReadonlySet<ChainViewNode>): ChainViewModel {
  if (model.kind === 'empty') return model;
  const plain = (node: ChainViewNode): ChainViewNode => ({ ...node, context: drawn.has(node) ? node.context : null, children: node.children.map(plain) });
  return { ...model, outgoing: model.outgoing.map(plain), incoming: model.incoming?.map(plain) ?? null };
}

/**
 * One draw of the view as a task in the app: the contexts read (timed here, in Node, where the index
 * is) plus the DOM built and laid out (timed in Chromium).
 */
export async function chromiumRenderRow(model: ChainViewModel, label: string, page: ChromiumPage | null, options: BenchOptions): Promise<Row> {
  if (page === null) return skippedRow(CHROMIUM_RENDER_ROW, label, 'not measured: the page could not be bundled');
  if (!fs.existsSync(page.chromium)) return skippedRow(CHROMIUM_RENDER_ROW, label, `not measured: ${page.chromium} is missing (apt-get install -y chromium)`);
  const read = entriesDrawn(model);
  const contexts = timeAlone(() => {
    for (const node of read) void node.context;
  }, options).median;
  const drawn = await chromiumRenderTimes(withContextsRead(model, read), page, options);
  const draw = median(drawn.times);
  return absoluteRow(
    CHROMIUM_RENDER_ROW,
    label,
    contexts + draw,
    TASK_BUDGET_MS,
    '—',
    `${drawn.entries.toLocaleString('en-US')} entries: ${read.size.toLocaleString('en-US')} contexts read ${ms(contexts)} (Node) + drawn and laid out ${ms(draw)} (Chromium: DOM ${ms(median(drawn.buildTimes))}, the rest style and layout; a 320 px pane ${Math.round(drawn.height).toLocaleString('en-US')} px tall, the plugin's styles.css; up to a forced layout, paint not included)`,
  );
}
