/**
 * Reading view: registers the post processor that links bare IDs (src/ui/reading), and re-renders
 * open Reading views when the whole index changes, so a view open before the plugin was enabled,
 * or before the index was filled, gets them.
 */
import { MarkdownView } from 'obsidian';
import type { Plugin } from 'obsidian';
import type { ReadingViewDeps } from '../ui/reading/deps';
import { decorateRendered } from '../ui/reading/decorate';
import { linktextFor } from './linktext';
import type { IdServices } from './services';

/** What Reading view's ID links need, taken from the plugin's services. */
export function readingViewDeps(services: IdServices): ReadingViewDeps {
  return {
    index: services.index,
    format: () => services.format(),
    settings: () => services.settings(),
    onIndexChange: (listener) => services.onIndexChange(listener),
    openId: (id, sourcePath, paneType) => services.openId(id, sourcePath, paneType),
    linktext: (path, sourcePath) => linktextFor(services.app, path, sourcePath),
  };
}

/**
 * Whole-index changes come in bursts while a vault is indexed (after its names, then with each
 * report of a large first pass or of facts restored from the cache): while indexing runs, open
 * Reading views are re-rendered at once for the first, then at most once per this many
 * milliseconds, the last change of a burst always included. Any other (a setting changed) re-renders
 * at once.
 */
export const RERENDER_INTERVAL_MS = 2000;

/**
 * Registers the Reading view post processor. When the whole index changes (first fill, rebuild,
 * settings), open Reading views are re-rendered; single-ID changes update the ID elements in place.
 */
export function registerReadingView(plugin: Plugin, services: IdServices): void {
  const deps = readingViewDeps(services);
  plugin.registerMarkdownPostProcessor((el, ctx) => decorateRendered(el, ctx, deps));
  let last = -Infinity;
  let pending: number | null = null;
  const rerender = (): void => {
    pending = null;
    last = Date.now();
    rerenderReadingViews(services);
  };
  const unsubscribe = services.onIndexChange((change) => {
    if (change !== 'all') return;
    const indexing = (services.indexingProgress?.() ?? null) !== null;
    if (!indexing) {
      if (pending !== null) window.clearTimeout(pending);
      rerender();
      return;
    }
    if (pending !== null) return;
    const wait = last + RERENDER_INTERVAL_MS - Date.now();
    if (wait <= 0) rerender();
    else pending = window.setTimeout(rerender, wait);
  });
  plugin.register(() => {
    unsubscribe();
    if (pending !== null) window.clearTimeout(pending);
  });
}

function rerenderReadingViews(services: IdServices): void {
  for (const leaf of services.app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.getMode() === 'preview') view.previewMode.rerender(true);
  }
}
