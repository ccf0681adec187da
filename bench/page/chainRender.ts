/**
 * The page side of the bench's Chromium render row (bundled for the browser by bench/pageBundle.mjs):
 * draws a chain view model into a side-pane-wide container as the view does (one container, emptied
 * and drawn again) and times each draw up to a forced style and layout pass.
 */
import '../../tests/mocks/dom';
import { createUiState, type ChainViewModel } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';

export interface PageRenderTimes {
  /** Milliseconds per timed draw: building the DOM, then the style and layout it needs. */
  readonly times: readonly number[];
  /** The part of each draw spent building the DOM (the rest is style and layout). */
  readonly buildTimes: readonly number[];
  readonly entries: number;
  /** The drawn view's height in pixels (0 would mean nothing was laid out). */
  readonly height: number;
}

declare global {
  interface Window {
    timeChainRender?: (model: ChainViewModel, runs: number, warmup: number) => PageRenderTimes;
  }
}

window.timeChainRender = (model, runs, warmup) => {
  // About as wide as Obsidian's right sidebar, so entries wrap as they would there.
  const pane = document.body.createDiv({ cls: 'view-content' });
  pane.setCssStyles({ width: '320px' });
  const container = pane.createDiv();
  const times: number[] = [];
  const buildTimes: number[] = [];
  let entries = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    entries = renderChainInto(container, model, createUiState()).entryCount;
    const built = performance.now();
    // Reading a size makes Chromium compute style and layout now, inside the timed task.
    void container.offsetHeight;
    if (i >= warmup) {
      times.push(performance.now() - started);
      buildTimes.push(built - started);
    }
  }
  return { times, buildTimes, entries, height: container.getBoundingClientRect().height };
};
