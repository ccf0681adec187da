/**
 * Draws a chain model into a container with Obsidian's DOM helpers (createDiv/createEl; note text
 * is only ever set as text, never parsed as HTML). No obsidian import and no events bound here, so
 * it can be timed in jsdom; the view wires interaction through the data attributes set here.
 *
 * A full render returns what it drew (a RenderedChain); redrawing one entry or adding a page of
 * entries updates that record, so nothing ever searches the DOM for an entry.
 */

import { isSectionOpen, planExpansion } from './expansion';
import { ATTR, renderLevel, renderNode, TRUNCATED_HINT, type EntryContext, type RenderedChain } from './entries';
import { childrenOf, EMPTY_MESSAGES, isKeyWithin, locateEntry, moreKey, type ChainModel, type ChainSectionName, type ChainUiState, type ChainViewModel, type EmptyModel } from './model';

export { ATTR, type EntryTarget, type RenderedChain } from './entries';
/** The caps the drawing follows, for callers that time or test it. */
export { LEVEL_CAP, RENDER_BUDGET } from './expansion';

/** What a render needs besides the model and UI state. */
export interface RenderOptions {
  /** How many notes cite an ID (asked for drawn entries only). */
  readonly citedBy?: (id: string) => number;
  /** Makes the element ids of this render unique in the document (one per view). */
  readonly idPrefix?: string;
}

const SECTION_TITLES: Readonly<Record<ChainSectionName, string>> = Object.freeze({ out: 'Builds on', in: 'Built on by' });
const NO_COUNTS = (): number => 0;

function entryContext(model: ChainViewModel, ui: ChainUiState, rendered: RenderedChain, options: RenderOptions): EntryContext & { closedByBudget: number } {
  const plan = planExpansion(model, ui);
  return {
    ui,
    expanded: plan.expanded,
    closedByBudget: plan.closedByBudget,
    showContext: model.kind === 'chain' && model.showContext,
    citedBy: options.citedBy ?? NO_COUNTS,
    rendered,
  };
}

/** Replaces the container's content with the drawn model and returns what was drawn. */
export function renderChainInto(container: HTMLElement, model: ChainViewModel, ui: ChainUiState, options: RenderOptions = {}): RenderedChain {
  container.empty();
  const rendered: RenderedChain = {
    elements: new Map(),
    targets: new Map(),
    expansion: new Map(),
    tabStops: new Map(),
    trees: new Map(),
    entryCount: 0,
    nextId: 0,
    idPrefix: options.idPrefix ?? 'pc-chain',
  };
  const root = container.createDiv({ cls: model.kind === 'chain' && model.filter !== '' ? 'pc-chain is-filtered' : 'pc-chain' });
  const ctx = entryContext(model, ui, rendered, options);
  renderHeader(root, model);
  renderDepthControl(root, model.depth, model.maxDepth);
  if (model.kind === 'empty') {
    renderEmptyState(root, model);
    return rendered;
  }
  if (model.filter !== '' && model.outgoing.length === 0 && (model.incoming?.length ?? 0) === 0) {
    root.createDiv({ cls: 'pc-chain-empty', text: `No entry matches “${model.filter}”. Press Esc in the filter box to clear it.` });
  }
  renderSection(root, 'out', model, ctx);
  if (model.incoming !== null) renderSection(root, 'in', model, ctx);
  if (ctx.closedByBudget > 0 && ui.defaultOpen === 'all') {
    root.createDiv({ cls: 'pc-chain-capped', text: `${ctx.closedByBudget} entries stay closed to keep the view responsive; open them one by one.` });
  }
  if (model.capped) root.createDiv({ cls: 'pc-chain-capped', text: `${TRUNCATED_HINT}: some entries were not loaded.` });
  for (const section of ['out', 'in'] as const) placeTabStop(rendered, section, ui.activeKey);
  return rendered;
}

/**
 * Redraws one entry and its subtree in place (after it was opened or closed), leaving the rest
 * of the tree untouched. Returns false when the entry is not drawn or no longer in the model.
 */
export function redrawEntry(rendered: RenderedChain, model: ChainViewModel, ui: ChainUiState, key: string, options: RenderOptions = {}): boolean {
  const located = locateEntry(model, key);
  const current = rendered.elements.get(key);
  if (located === null || current === undefined || model.kind !== 'chain') return false;
  forgetWithin(rendered, key);
  const holder = createDiv();
  const replacement = renderNode(holder, located.parentKey, located.node, located.level, entryContext(model, ui, rendered, options));
  current.replaceWith(replacement);
  const section = key.slice(0, key.indexOf('\u001f'));
  // The tree's tab stop was redrawn with the subtree, or closed away with it: put it back.
  const stop = rendered.tabStops.get(section);
  if (stop === undefined || isKeyWithin(stop, key)) {
    rendered.tabStops.delete(section);
    placeTabStop(rendered, section, stop !== undefined && rendered.elements.has(stop) ? stop : key);
  }
  return true;
}

/**
 * Draws the parent's children from `from` up to its shown count where its "Show more" entry
 * stood (with a new one when some are still hidden). Returns the first new entry's key, or null
 * when nothing could be drawn (the caller then draws everything again).
 */
export function revealMore(rendered: RenderedChain, model: ChainViewModel, ui: ChainUiState, parentKey: string, from: number, options: RenderOptions = {}): string | null {
  const nodes = childrenOf(model, parentKey);
  const moreEl = rendered.elements.get(moreKey(parentKey));
  if (nodes === null || moreEl === undefined || model.kind !== 'chain') return null;
  rendered.elements.delete(moreKey(parentKey));
  const level = Number(moreEl.getAttribute('aria-level'));
  const holder = createDiv();
  renderLevel(holder, parentKey, nodes, level, entryContext(model, ui, rendered, options), from);
  const first = holder.firstElementChild;
  moreEl.replaceWith(...Array.from(holder.children));
  return first?.getAttribute(ATTR.key) ?? null;
}

/** Moves the tree's single tab stop to the entry (roving tabindex) and returns its element. */
export function moveTabStop(rendered: RenderedChain, key: string): HTMLElement | null {
  const el = rendered.elements.get(key);
  if (el === undefined) return null;
  const section = key.slice(0, key.indexOf('\u001f'));
  const previous = rendered.tabStops.get(section);
  if (previous !== undefined && previous !== key) rendered.elements.get(previous)?.setAttribute('tabindex', '-1');
  el.setAttribute('tabindex', '0');
  rendered.tabStops.set(section, key);
  return el;
}

/** Puts the section's tab stop on the preferred entry when drawn, else on its first entry. */
function placeTabStop(rendered: RenderedChain, section: string, preferred: string | null): void {
  const first = rendered.trees.get(section)?.firstElementChild ?? null;
  const key = preferred !== null && isKeyWithin(preferred, section) && rendered.elements.has(preferred) ? preferred : first?.getAttribute(ATTR.key) ?? null;
  if (key !== null) moveTabStop(rendered, key);
}

/** Drops the records of an entry and everything drawn under it (they are about to be replaced). */
function forgetWithin(rendered: RenderedChain, key: string): void {
  for (const map of [rendered.elements, rendered.targets, rendered.expansion] as const) {
    for (const drawn of map.keys()) if (isKeyWithin(drawn, key)) map.delete(drawn);
  }
}

function renderHeader(root: HTMLElement, model: ChainViewModel): void {
  const header = root.createDiv({ cls: 'pc-chain-header' });
  if (model.kind === 'empty') {
    header.createDiv({ cls: 'pc-chain-note-title', text: 'Principle chain' });
    return;
  }
  header.createDiv({ cls: 'pc-chain-note-title', text: model.note.title || model.note.path });
  header.createDiv({ cls: model.note.id === null ? 'pc-chain-note-id is-missing' : 'pc-chain-note-id', text: model.note.id ?? 'No ID' });
}

/** What is missing and what to do; a pin to a note that is gone names it and offers to unpin. */
function renderEmptyState(root: HTMLElement, model: EmptyModel): void {
  root.createDiv({ cls: 'pc-chain-empty', text: EMPTY_MESSAGES[model.reason] });
  if (model.missingPin === undefined) return;
  root.createDiv({ cls: 'pc-chain-empty pc-chain-missing-pin', text: model.missingPin });
  root.createEl('button', { cls: 'mod-cta', text: 'Unpin and follow the open note', attr: { [ATTR.action]: 'unpin' } });
}

function renderDepthControl(root: HTMLElement, depth: number, maxDepth: number): void {
  const control = root.createDiv({ cls: 'pc-chain-depth' });
  control.createSpan({ cls: 'pc-chain-depth-label', text: 'Depth' });
  // Icon-like buttons with no visible words: their names are aria-labels.
  const down = control.createEl('button', {
    cls: 'pc-chain-depth-button clickable-icon',
    text: '−',
    attr: { [ATTR.action]: 'depth-down', 'aria-label': 'Decrease depth' },
  });
  down.disabled = depth <= 1;
  control.createSpan({ cls: 'pc-chain-depth-value', text: String(depth), attr: { 'aria-live': 'polite' } });
  const up = control.createEl('button', {
    cls: 'pc-chain-depth-button clickable-icon',
    text: '+',
    attr: { [ATTR.action]: 'depth-up', 'aria-label': 'Increase depth' },
  });
  up.disabled = depth >= maxDepth;
}

function emptySectionText(section: ChainSectionName, model: ChainModel): string {
  if (model.filter !== '') return 'No entry here matches the filter.';
  if (section === 'out') return 'This note mentions no other note by ID.';
  if (model.note.id === null) return 'This note has no ID, so no note can build on it.';
  return 'No note mentions this note\'s ID.';
}

function renderSection(root: HTMLElement, section: ChainSectionName, model: ChainModel, ctx: EntryContext): void {
  const nodes = (section === 'out' ? model.outgoing : model.incoming) ?? [];
  const truncated = section === 'out' ? model.outgoingTruncated : model.incomingTruncated;
  const hidden = section === 'out' ? model.outgoingHidden : model.incomingHidden;
  const expanded = isSectionOpen(ctx.ui, section);
  const { rendered } = ctx;
  rendered.expansion.set(section, expanded);
  const wrapper = root.createDiv({ cls: `pc-chain-section mod-${section}` });
  const header = wrapper.createDiv({
    cls: 'pc-chain-section-header',
    attr: { role: 'button', tabindex: 0, 'aria-expanded': String(expanded), [ATTR.action]: 'toggle-section', [ATTR.key]: section },
  });
  rendered.elements.set(section, header);
  header.createSpan({ cls: expanded ? 'pc-chain-toggle' : 'pc-chain-toggle is-collapsed', attr: { 'aria-hidden': 'true' } });
  const title = header.createSpan({ cls: 'pc-chain-section-title', text: SECTION_TITLES[section], attr: { id: `${rendered.idPrefix}-${section}` } });
  header.createSpan({ cls: 'pc-chain-count', text: String(nodes.length + truncated) });
  if (!expanded) return;
  if (nodes.length === 0 && truncated === 0) wrapper.createDiv({ cls: 'pc-chain-section-empty', text: emptySectionText(section, model) });
  else {
    const tree = wrapper.createDiv({ cls: 'pc-chain-tree', attr: { role: 'tree', 'aria-labelledby': title.id } });
    rendered.trees.set(section, tree);
    renderLevel(tree, section, nodes, 1, ctx);
    if (truncated > 0) wrapper.createDiv({ cls: 'pc-chain-truncated', text: `${truncated} more not loaded`, attr: { title: TRUNCATED_HINT } });
  }
  if (hidden > 0) {
    wrapper.createDiv({ cls: 'pc-chain-hidden-note', text: `${hidden} hidden: in an excluded folder or with an excluded tag` });
  }
}
