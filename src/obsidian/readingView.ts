/**
 * Reading view: a post processor that turns the bare IDs in rendered prose into links (see
 * ./readingViewLinks for what each becomes), and re-renders open Reading views when the whole index
 * changes, so a view open before the plugin was enabled, or before the index was filled, gets them.
 */
import { MarkdownView } from 'obsidian';
import type { MarkdownPostProcessorContext, Plugin } from 'obsidian';
import { findIdsInProse } from '../core/ids/prose';
import { titleAfterId } from '../core/ids/title';
import { isExcluded } from '../core/settings';
import { appendIdElement, ID_LINK_CLASS, IdLinksChild } from './readingViewLinks';
import type { IdServices } from './services';

export { AMBIGUOUS_CLASS, ID_DATA_ATTRIBUTE, ID_LINK_CLASS } from './readingViewLinks';

/**
 * Rendered elements whose text is never a bare reference: code, links (tags are `a.tag`), math,
 * properties, embeds and embedded search results (each rendered on its own), form or media
 * elements that hold no prose, and the ID elements of an earlier run.
 */
const SKIP_SELECTOR = [
  `.${ID_LINK_CLASS}`,
  'code',
  'pre',
  'kbd',
  'samp',
  'a',
  '.math',
  'mjx-container',
  '.frontmatter',
  '.frontmatter-container',
  '.metadata-container',
  '.internal-embed',
  '.markdown-embed',
  '.internal-query',
  '.tag',
  'script',
  'style',
  'svg',
  'button',
  'input',
  'textarea',
  'select',
].join(',');

/**
 * Registers the Reading view post processor. When the whole index changes (first fill, rebuild,
 * settings), open Reading views are re-rendered; single-ID changes update the ID elements in place.
 */
export function registerReadingView(plugin: Plugin, services: IdServices): void {
  plugin.registerMarkdownPostProcessor((el, ctx) => decorateRendered(el, ctx, services));
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

/** The post processor: links the IDs in `el` and keeps them live while the section is shown. */
export function decorateRendered(el: HTMLElement, ctx: MarkdownPostProcessorContext, services: IdServices): void {
  if (isExcluded(ctx.sourcePath, services.settings().excludedFolders)) return;
  const elements = linkIdsInElement(el, services, ctx.sourcePath);
  if (elements.length > 0) ctx.addChild(new IdLinksChild(el, elements, ctx.sourcePath, services));
}

/**
 * Replaces every ID in the prose text of `el` by its ID element and returns those elements. Text
 * nodes are split in place (in the element's own document); note text never becomes markup.
 */
export function linkIdsInElement(el: HTMLElement, services: IdServices, sourcePath: string): HTMLElement[] {
  const format = services.format();
  const index = services.index;
  const linkTitle = services.settings().linkTitle;
  const doc = el.doc;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(SKIP_SELECTOR)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  // Collected first: splitting while walking would confuse the walker.
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) textNodes.push(node as Text);
  }

  const elements: HTMLElement[] = [];
  for (const textNode of textNodes) {
    const text = textNode.data;
    const parent = textNode.parentNode;
    const matches = findIdsInProse(text, format).filter((m) => index.isKnownId(m.id) || format.isPlausible(m.id));
    if (parent === null || matches.length === 0) continue;
    // `rest` holds the text not yet handled, starting at offset `at` of the original.
    let rest = textNode;
    let at = 0;
    for (const match of matches) {
      if (match.from < at) continue;
      let end = match.to;
      if (linkTitle) {
        const resolution = index.resolve(match.id);
        const title = resolution.status === 'resolved' ? index.note(resolution.paths[0])?.title : undefined;
        end = (title !== undefined && titleAfterId(text, match.to, title)) || match.to;
      }
      const idText = rest.splitText(match.from - at);
      rest = idText.splitText(end - match.from);
      const element = appendIdElement(parent, match.id, idText.data, services, sourcePath);
      idText.replaceWith(element);
      elements.push(element);
      at = end;
    }
    // Splitting at the very start or end leaves empty text nodes behind.
    if (textNode.data === '') textNode.remove();
    if (rest.data === '') rest.remove();
  }
  return elements;
}
