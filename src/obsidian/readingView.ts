import { Keymap, MarkdownRenderChild, MarkdownView } from 'obsidian';
import type { MarkdownPostProcessorContext, Plugin } from 'obsidian';
import { findIdsInProse } from '../core/ids/prose';
import { titleAfterId } from '../core/ids/title';
import { isExcluded } from '../core/settings';
import type { IdServices, IndexChange } from './services';

/** Class on every anchor this plugin makes; shared with the editor and styles.css. */
export const ID_LINK_CLASS = 'principle-chain-id';
/** Marker class for an ID owned by several notes. */
export const AMBIGUOUS_CLASS = 'principle-chain-ambiguous';

/**
 * Rendered elements whose text is never a bare reference: code, links (tags are `a.tag`), math,
 * properties, embeds and embedded search results (each rendered on its own), and form or media
 * elements that hold no prose.
 */
const SKIP_SELECTOR = [
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
 * settings), open Reading views are re-rendered; single-ID changes update existing anchors in place.
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
  const anchors = linkIdsInElement(el, services);
  if (anchors.length > 0) ctx.addChild(new IdLinksChild(el, anchors, ctx.sourcePath, services));
}

/**
 * Replaces every ID in the prose text of `el` by an internal-link anchor and returns the anchors.
 * Text nodes are split with DOM calls; note text never becomes markup.
 */
export function linkIdsInElement(el: HTMLElement, services: IdServices): HTMLAnchorElement[] {
  const format = services.format();
  const index = services.index;
  const linkTitle = services.settings().linkTitle;
  const doc = el.ownerDocument;
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

  const anchors: HTMLAnchorElement[] = [];
  for (const textNode of textNodes) {
    const text = textNode.data;
    const matches = findIdsInProse(text, format).filter((m) => index.isKnownId(m.id) || format.isPlausible(m.id));
    if (matches.length === 0) continue;
    const pieces: Node[] = [];
    let at = 0;
    for (const match of matches) {
      if (match.from < at) continue;
      let end = match.to;
      if (linkTitle) {
        const resolution = index.resolve(match.id);
        const title = resolution.status === 'resolved' ? index.note(resolution.paths[0])?.title : undefined;
        end = (title !== undefined && titleAfterId(text, match.to, title)) || match.to;
      }
      if (match.from > at) pieces.push(doc.createTextNode(text.slice(at, match.from)));
      const anchor = doc.createElement('a');
      anchor.textContent = text.slice(match.from, end);
      anchor.dataset.principleChainId = match.id;
      anchor.setAttribute('target', '_blank');
      anchor.setAttribute('rel', 'noopener');
      anchor.classList.add('internal-link', ID_LINK_CLASS);
      applyResolution(anchor, services);
      pieces.push(anchor);
      anchors.push(anchor);
      at = end;
    }
    if (at < text.length) pieces.push(doc.createTextNode(text.slice(at)));
    textNode.replaceWith(...pieces);
  }
  return anchors;
}

/** Sets target, classes and label of one of our anchors from the ID's current resolution. */
export function applyResolution(anchor: HTMLAnchorElement, services: IdServices): void {
  const id = anchor.dataset.principleChainId ?? '';
  const resolution = services.index.resolve(id);
  const target = resolution.status === 'resolved' ? resolution.paths[0] : id;
  anchor.dataset.href = target;
  anchor.setAttribute('href', target);
  anchor.classList.toggle('is-unresolved', resolution.status === 'unresolved' && services.settings().highlightUnresolved);
  anchor.classList.toggle(AMBIGUOUS_CLASS, resolution.status === 'ambiguous');
  if (resolution.status === 'ambiguous') anchor.setAttribute('aria-label', `${id} is the ID of ${resolution.paths.length} notes`);
  else anchor.removeAttribute('aria-label');
}

/**
 * Lives as long as the rendered section: sends clicks on unresolved and ambiguous IDs to the opener
 * (Obsidian would otherwise create a note straight away or pick one candidate) and keeps the
 * anchors' targets current when their IDs change resolution.
 */
class IdLinksChild extends MarkdownRenderChild {
  constructor(
    containerEl: HTMLElement,
    private readonly anchors: readonly HTMLAnchorElement[],
    private readonly sourcePath: string,
    private readonly services: IdServices,
  ) {
    super(containerEl);
  }

  onload(): void {
    this.registerDomEvent(this.containerEl, 'click', (evt) => this.onClick(evt));
    this.registerDomEvent(this.containerEl, 'auxclick', (evt) => {
      if (evt.button === 1) this.onClick(evt);
    });
    this.register(this.services.onIndexChange((change) => this.onIndexChange(change)));
  }

  private onClick(evt: MouseEvent): void {
    const anchor = (evt.target as Element | null)?.closest?.(`a.${ID_LINK_CLASS}`);
    if (!(anchor instanceof HTMLAnchorElement) || !this.containerEl.contains(anchor)) return;
    const id = anchor.dataset.principleChainId;
    if (id === undefined || this.services.index.resolve(id).status === 'resolved') return;
    evt.preventDefault();
    evt.stopPropagation();
    void this.services.openId(id, this.sourcePath, Keymap.isModEvent(evt));
  }

  private onIndexChange(change: IndexChange): void {
    for (const anchor of this.anchors) {
      const id = anchor.dataset.principleChainId;
      if (id !== undefined && (change === 'all' || change.has(id))) applyResolution(anchor, this.services);
    }
  }
}
