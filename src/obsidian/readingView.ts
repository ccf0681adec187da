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
 * Registers the Reading view post processor. When the whole index changes (first fill, rebuild,
 * settings), open Reading views are re-rendered; single-ID changes update the ID elements in place.
 */
export function registerReadingView(plugin: Plugin, services: IdServices): void {
  const deps = readingViewDeps(services);
  plugin.registerMarkdownPostProcessor((el, ctx) => decorateRendered(el, ctx, deps));
  const unsubscribe = services.onIndexChange((change) => {
    if (change === 'all') rerenderReadingViews(services);
  });
  plugin.register(unsubscribe);
}

function rerenderReadingViews(services: IdServices): void {
  for (const leaf of services.app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.getMode() === 'preview') view.previewMode.rerender(true);
  }
}
