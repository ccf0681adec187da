/**
 * Chain rows: computing a chain on a big index, and drawing the capped chain view in jsdom (the
 * same model is drawn in Chromium by chromiumRender.ts, which gives the render verdict).
 */
import { buildChain } from '../../src/core/chain/chain';
import type { IdIndex } from '../../src/core/index/idIndex';
import { shapeChain, ShapeKeys, type ShapeOptions } from '../../src/core/chain/shape';
import { chainViewModel, computeChain, emptyModel } from '../../src/ui/chain/buildModel';
import { createUiState, type ChainViewModel } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { LEVEL_CAP, RENDER_BUDGET } from '../../src/ui/chain/expansion';
import { ensureDom } from '../dom';
import { absoluteRow, timeAlone } from '../harness';
import type { BenchOptions, Row } from '../harness';

/** The main thread's budget per task (the "no main-thread task exceeds ~50 ms"). */
export const TASK_BUDGET_MS = 50;
/** The whole chain the view computes (to the core's node cap), after a note switch or index change. */
export const UNCAPPED_CHAIN_MS = 30;

/** Start notes that make big chains: the most-cited note, and the note citing the most notes. */
export function chainStarts(index: IdIndex, paths: readonly string[]): { hub: string; reader: string } {
  let hub = paths[0];
  let hubCount = -1;
  let reader = paths[0];
  let readerCount = -1;
  for (const path of paths) {
    const note = index.note(path);
    if (note?.id) {
      const cited = index.referencingPaths(note.id).length;
      if (cited > hubCount) [hub, hubCount] = [path, cited];
    }
    const cites = new Set(index.referencesOf(path).map((r) => r.id)).size;
    if (cites > readerCount) [reader, readerCount] = [path, cites];
  }
  return { hub, reader };
}

function nodeCount(nodes: readonly { children: readonly unknown[] }[]): number {
  let count = 0;
  const stack = [...nodes] as { children: readonly unknown[] }[];
  while (stack.length > 0) {
    const node = stack.pop() as { children: readonly { children: readonly unknown[] }[] };
    count++;
    stack.push(...node.children);
  }
  return count;
}

/** The chain rows, and the view model the jsdom row drew (the Chromium row draws it too). */
export function chainRows(index: IdIndex, paths: readonly string[], label: string, options: BenchOptions): { rows: Row[]; model: ChainViewModel } {
  const { hub } = chainStarts(index, paths);
  const hubCited = index.referencingPaths(index.note(hub)?.id ?? '').length;
  const rows: Row[] = [];
  // A chain takes milliseconds: more runs cost little, and the view computes one on every note switch.
  const chainOptions: BenchOptions = { runs: Math.max(options.runs, 7), warmup: Math.max(options.warmup, 3) };
  for (const depth of [3, 10]) {
    let size = 0;
    let capped = false;
    const timed = timeAlone(() => {
      const result = buildChain(index, { path: hub }, { depth, direction: 'both' });
      size = nodeCount(result.out) + nodeCount(result.in);
      capped = result.capped;
    }, chainOptions);
    rows.push(
      absoluteRow(`Chain compute, depth ${depth}, both directions`, label, timed.median, depth === 3 ? UNCAPPED_CHAIN_MS : TASK_BUDGET_MS, '—', `start: the most-cited note (${hubCited.toLocaleString('en-US')} citing notes); ${size.toLocaleString('en-US')} nodes${capped ? ', stopped at the node cap' : ''}`),
    );
  }

  {
    let size = 0;
    const timed = timeAlone(() => {
      const result = buildChain(index, { path: hub }, { depth: 3, direction: 'both', maxChildren: LEVEL_CAP, maxNodes: RENDER_BUDGET });
      size = nodeCount(result.out) + nodeCount(result.in);
    }, chainOptions);
    rows.push(
      absoluteRow('Chain compute, depth 3, capped as the view draws', label, timed.median, TASK_BUDGET_MS, '—', `maxChildren ${LEVEL_CAP}, maxNodes ${RENDER_BUDGET} (the view's LEVEL_CAP and RENDER_BUDGET); ${size.toLocaleString('en-US')} nodes`),
    );
  }

  ensureDom();
  const settings = { showIncoming: true, showContext: true };
  const file = { path: hub, extension: 'md' };
  const viewModel = (shape: ShapeOptions = {}, keys = new ShapeKeys()): ChainViewModel => {
    const computation = computeChain(index, file, 3, settings);
    if (computation.kind === 'empty') return emptyModel(computation.reason, 3);
    return chainViewModel(shapeChain(computation.result, shape, keys), { depth: 3, ...settings, filter: shape.filter ?? '', noteTitle: (path) => index.note(path)?.title ?? '' });
  };
  const model = viewModel();
  const container = document.body.createDiv();
  let entries = 0;
  const timed = timeAlone(() => {
    entries = renderChainInto(container, model, createUiState()).entryCount;
  }, options);
  const modelTime = timeAlone(() => viewModel(), options);
  container.remove();
  // No target here: jsdom's DOM is far slower than a browser's, so the verdict is the Chromium row's.
  rows.push(
    absoluteRow('Chain view render (capped) in jsdom, depth 3', label, timed.median, null, '—', `${entries.toLocaleString('en-US')} entries drawn (${((1000 * timed.median) / Math.max(1, entries)).toFixed(0)} µs each; jsdom is far slower than a browser's DOM, see the Chromium row); view model (chain + mapping) ${modelTime.median.toFixed(1)} ms more`),
  );
  rows.push(shapeRow(index, hub, label, options));
  return { rows, model };
}

/**
 * What one keystroke in the view's filter box costs on the biggest chain the core gives the view
 * (its 10,000-node cap): folding and matching every entry, sorting every level by title, and mapping
 * to the view model. Search texts are folded once per chain, as the view keeps them.
 */
function shapeRow(index: IdIndex, hub: string, label: string, options: BenchOptions): Row {
  const result = buildChain(index, { path: hub }, { depth: 10, direction: 'both' });
  const size = nodeCount(result.out) + nodeCount(result.in);
  const keys = new ShapeKeys();
  shapeChain(result, { filter: 'x' }, keys);
  const inputs = { depth: 10, showIncoming: true, showContext: true, noteTitle: (path: string) => index.note(path)?.title ?? '' };
  const timed = timeAlone(() => {
    const shaped = shapeChain(result, { filter: 'team', sort: 'title' }, keys);
    chainViewModel(shaped, { ...inputs, filter: 'team' });
  }, options);
  return absoluteRow('Chain view filter + sort (one keystroke)', label, timed.median, TASK_BUDGET_MS, '—', `${size.toLocaleString('en-US')}-node chain (the core's cap), filter "team", sorted by title; search texts folded once per chain`);
}
