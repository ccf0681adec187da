/**
 * Draws the entries of a chain tree: a note (title, ID, markers, counts, the sentence it stands
 * in), an ambiguous ID's candidates, and "Show more". Note text is only ever set as text. Every
 * drawn element is recorded by key in the RenderedChain, so later partial redraws find it there.
 */

import { isExpandable, nextPage, shownCount } from './expansion';
import { candidateKey, entryKey, moreKey, type ChainCandidate, type ChainUiState, type ChainViewNode, type ViewContext } from './model';

/** What an entry opens, drags and previews. */
export interface EntryTarget {
  readonly kind: 'note' | 'candidate';
  readonly id: string | null;
  readonly path: string | null;
  readonly title: string;
}

/** Attribute names the view's event handlers read. */
export const ATTR = Object.freeze({ key: 'data-key', action: 'data-action', parent: 'data-parent' });

export const TRUNCATED_HINT = 'Left out to keep the view responsive on a large vault';

/**
 * What a render drew, kept up to date by partial redraws: the element, target and expansion of
 * every drawn key, and each tree's tab stop.
 */
export interface RenderedChain {
  readonly elements: Map<string, HTMLElement>;
  readonly targets: Map<string, EntryTarget>;
  /** Every drawn entry or section that can open, and whether it was drawn open. */
  readonly expansion: Map<string, boolean>;
  /** The key of the entry holding each tree's single tab stop ('out', 'in'). */
  readonly tabStops: Map<string, string>;
  /** Each section's tree element ('out', 'in'), when drawn. */
  readonly trees: Map<string, HTMLElement>;
  /** Entries drawn by the last full render (notes and candidates), for the benchmark and tests. */
  entryCount: number;
  /** Source of the element ids that tie each entry to its label (unique within the document). */
  nextId: number;
  readonly idPrefix: string;
}

/** The drawing context of one render or partial redraw. */
export interface EntryContext {
  readonly ui: ChainUiState;
  readonly expanded: ReadonlySet<string>;
  readonly showContext: boolean;
  readonly citedBy: (id: string) => number;
  readonly rendered: RenderedChain;
}

/** Draws a parent's children up to its shown count, then "Show more" for the rest. */
export function renderLevel(parentEl: HTMLElement, parentKey: string, nodes: readonly ChainViewNode[], level: number, ctx: EntryContext, from = 0): void {
  const shown = shownCount(parentKey, nodes.length, ctx.ui);
  for (let i = from; i < shown; i++) renderNode(parentEl, parentKey, nodes[i], level, ctx);
  if (shown < nodes.length) renderShowMore(parentEl, parentKey, nodes.length - shown, level, ctx.rendered);
}

function nextId(rendered: RenderedChain): string {
  return `${rendered.idPrefix}-${rendered.nextId++}`;
}

/** An entry of the tree; its accessible name comes from its visible title, ID and markers (aria-labelledby), never a tooltip. */
export function renderNode(parentEl: HTMLElement, parentKey: string, node: ChainViewNode, level: number, ctx: EntryContext): HTMLElement {
  const key = entryKey(parentKey, node);
  const { rendered } = ctx;
  rendered.entryCount++;
  rendered.targets.set(key, { kind: 'note', id: node.id, path: node.path, title: node.title });
  const expandable = isExpandable(node);
  const expanded = ctx.expanded.has(key);
  if (expandable) rendered.expansion.set(key, expanded);
  const item = parentEl.createDiv({
    cls: itemClasses(node),
    attr: { role: 'treeitem', 'aria-level': level, tabindex: -1, [ATTR.key]: key, [ATTR.action]: 'open' },
  });
  rendered.elements.set(key, item);
  if (node.id !== null) item.setAttribute('draggable', 'true');
  if (expandable) item.setAttribute('aria-expanded', String(expanded));
  const row = item.createDiv({ cls: 'pc-chain-row' });
  const toggle = row.createSpan({
    cls: expandable ? (expanded ? 'pc-chain-toggle' : 'pc-chain-toggle is-collapsed') : 'pc-chain-toggle is-leaf',
    attr: { 'aria-hidden': 'true' },
  });
  if (expandable) toggle.setAttribute(ATTR.action, 'toggle');
  const main = row.createSpan({ cls: 'pc-chain-main' });
  const title = displayTitle(node);
  const labelled = [main.createSpan({ cls: 'pc-chain-title', text: title, attr: { id: nextId(rendered) } })];
  renderFlags(main, node, ctx, labelled);
  if (node.id !== null && node.id !== title) labelled.push(row.createSpan({ cls: 'pc-chain-id', text: node.id, attr: { id: nextId(rendered) } }));
  item.setAttribute('aria-labelledby', labelled.map((el) => el.id).join(' '));
  if (ctx.showContext && node.context !== null) renderContext(item, node.context, rendered);
  if (!expanded) return item;
  const group = item.createDiv({ cls: 'pc-chain-children', attr: { role: 'group' } });
  for (const candidate of node.candidates) renderCandidate(group, key, node, candidate, level + 1, ctx);
  renderLevel(group, key, node.children, level + 1, ctx);
  return item;
}

/** The sentence, with the referencing ID highlighted. */
function renderContext(item: HTMLElement, context: ViewContext, rendered: RenderedChain): void {
  const el = item.createDiv({ cls: 'pc-chain-context', attr: { id: nextId(rendered) } });
  el.appendText(context.before);
  if (context.id !== '') el.createSpan({ cls: 'pc-chain-context-id', text: context.id });
  el.appendText(context.after);
  item.setAttribute('aria-describedby', el.id);
}

function renderCandidate(parentEl: HTMLElement, parentKey: string, node: ChainViewNode, candidate: ChainCandidate, level: number, ctx: EntryContext): void {
  const key = candidateKey(parentKey, candidate);
  const { rendered } = ctx;
  rendered.entryCount++;
  rendered.targets.set(key, { kind: 'candidate', id: node.id, path: candidate.path, title: candidate.title });
  const item = parentEl.createDiv({
    cls: 'pc-chain-item mod-candidate',
    attr: { role: 'treeitem', 'aria-level': level, tabindex: -1, draggable: 'true', [ATTR.key]: key, [ATTR.action]: 'open' },
  });
  rendered.elements.set(key, item);
  const row = item.createDiv({ cls: 'pc-chain-row' });
  row.createSpan({ cls: 'pc-chain-toggle is-leaf', attr: { 'aria-hidden': 'true' } });
  const main = row.createSpan({ cls: 'pc-chain-main' });
  const title = main.createSpan({ cls: 'pc-chain-title', text: candidate.title || candidate.path, attr: { id: nextId(rendered) } });
  const path = main.createSpan({ cls: 'pc-chain-path', text: candidate.path, attr: { id: nextId(rendered) } });
  item.setAttribute('aria-labelledby', `${title.id} ${path.id}`);
}

/** "Show N more": one entry standing for the rest of a level. */
export function renderShowMore(parentEl: HTMLElement, parentKey: string, hidden: number, level: number, rendered: RenderedChain): void {
  const page = nextPage(hidden);
  const key = moreKey(parentKey);
  const el = parentEl.createDiv({
    cls: 'pc-chain-more',
    text: page === hidden ? `Show ${hidden} more` : `Show ${page} more (${hidden} not shown)`,
    attr: { role: 'treeitem', 'aria-level': level, tabindex: -1, [ATTR.key]: key, [ATTR.action]: 'show-more', [ATTR.parent]: parentKey },
  });
  rendered.elements.set(key, el);
}

function itemClasses(node: ChainViewNode): string {
  const classes = ['pc-chain-item'];
  if (node.status === 'unresolved') classes.push('is-unresolved');
  if (node.status === 'ambiguous') classes.push('is-ambiguous');
  if (node.cycle) classes.push('is-cycle');
  if (node.match) classes.push('is-match');
  return classes.join(' ');
}

export function displayTitle(node: ChainViewNode): string {
  if (node.title !== '') return node.title;
  if (node.status === 'resolved' && node.path !== null) return node.path;
  return node.status === 'unresolved' ? 'No note has this ID' : 'Several notes have this ID';
}

/** Status markers and counts after the title; the spoken ones join the entry's label. */
function renderFlags(main: HTMLElement, node: ChainViewNode, ctx: EntryContext, labelled: HTMLElement[]): void {
  const flag = (cls: string, text: string, title?: string): HTMLElement => {
    const el = main.createSpan({ cls: `pc-chain-flag ${cls}`, text, attr: { id: nextId(ctx.rendered) } });
    if (title !== undefined) el.setAttribute('title', title);
    labelled.push(el);
    return el;
  };
  if (node.status === 'unresolved') flag('mod-unresolved', 'unresolved');
  if (node.status === 'ambiguous') flag('mod-ambiguous', `ambiguous: ${node.candidates.length} notes`);
  // The arrow alone says nothing: this marker has no visible words, so it keeps an aria-label.
  if (node.cycle) flag('mod-cycle', '↺').setAttribute('aria-label', 'Already in this chain');
  if (node.mentions > 1) flag('mod-mentions', `×${node.mentions}`, `Mentioned ${node.mentions} times`);
  const cited = node.id === null ? 0 : ctx.citedBy(node.id);
  if (cited > 1) flag('mod-cited', `cited by ${cited}`);
  if (node.truncated > 0) flag('mod-truncated', `+${node.truncated} not loaded`, TRUNCATED_HINT);
}
