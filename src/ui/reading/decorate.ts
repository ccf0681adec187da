/**
 * Reading view's bare IDs: the post processor that turns the IDs in rendered prose into links (see
 * ./idElements for what each becomes) and keeps them live while the section is shown.
 */
import type { MarkdownPostProcessorContext } from 'obsidian';
import { ID_CLASS } from '../../core/idMarkup';
import { findIdsInProse } from '../../core/ids/prose';
import { titleAfterId } from '../../core/ids/title';
import { isExcluded } from '../../core/settings';
import type { ReadingViewDeps } from './deps';
import { appendIdElement, IdLinksChild } from './idElements';

/**
 * Rendered elements whose text is never a bare reference: code, links (tags are `a.tag`), math,
 * properties, embeds and embedded search results (each rendered on its own), form or media
 * elements that hold no prose, and the ID elements of an earlier run.
 */
const SKIP_SELECTOR = [
  `.${ID_CLASS}`,
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

/** The post processor: links the IDs in `el` and keeps them live while the section is shown. */
export function decorateRendered(el: HTMLElement, ctx: MarkdownPostProcessorContext, deps: ReadingViewDeps): void {
  if (isExcluded(ctx.sourcePath, deps.settings().excludedFolders)) return;
  const elements = linkIdsInElement(el, deps, ctx.sourcePath);
  if (elements.length > 0) ctx.addChild(new IdLinksChild(el, elements, ctx.sourcePath, deps));
}

/**
 * Replaces every ID in the prose text of `el` by its ID element and returns those elements. Text
 * nodes are split in place (in the element's own document); note text never becomes markup.
 */
export function linkIdsInElement(el: HTMLElement, deps: ReadingViewDeps, sourcePath: string): HTMLElement[] {
  const format = deps.format();
  const index = deps.index;
  const linkTitle = deps.settings().linkTitle;
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
      const element = appendIdElement(parent, match.id, idText.data, deps, sourcePath);
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
