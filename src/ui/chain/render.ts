/**
 * Draws a chain model into a container with Obsidian's DOM helpers (createDiv/createEl; note text
 * is only ever set as text, never parsed as HTML). Pure with respect to the app: no obsidian import, no events bound here, so it can be
 * timed in jsdom. Interaction is wired by the view through the data attributes set here.
 */

import {
  candidateKey,
  entryKey,
  childrenOf,
  EMPTY_MESSAGES,
  locateEntry,
  sectionKey,
  type ChainCandidate,
  type ChainModel,
  type ChainSectionName,
  type ChainUiState,
  type ChainViewModel,
  type ChainViewNode,
} from './model';
import { isExpandable, nextPage, planExpansion, shownCount } from './expansion';

/** The caps the drawing follows, for callers that time or test it. */
export { LEVEL_CAP, RENDER_BUDGET } from './expansion';

/** What an entry opens, drags and previews. */
export interface EntryTarget {
  readonly kind: 'note' | 'candidate';
  readonly id: string | null;
  readonly path: string | null;
  readonly title: string;
}

/** The result of one render: the targets behind each drawn entry key (kept up to date by redrawEntry). */
export interface RenderedChain {
  readonly targets: Map<string, EntryTarget>;
  /** Every drawn entry or section that can open, and whether it was drawn open. */
  readonly expansion: Map<string, boolean>;
  /** Entries drawn (notes and candidates), for the benchmark and tests. */
  readonly entryCount: number;
}

/** Attribute names the view's event handlers read. */
export const ATTR = Object.freeze({ key: 'data-key', action: 'data-action', parent: 'data-parent' });

const TRUNCATED_HINT = 'Left out to keep the view responsive on a large vault';

const SECTION_TITLES: Readonly<Record<ChainSectionName, string>> = Object.freeze({
  out: 'Builds on',
  in: 'Built on by',
});

interface RenderContext {
  readonly ui: ChainUiState;
  readonly expanded: ReadonlySet<string>;
  readonly showContext: boolean;
  readonly targets: Map<string, EntryTarget>;
  readonly drawnExpansion: Map<string, boolean>;
  entryCount: number;
}

/** Replaces the container's content with the drawn model. */
export function renderChainInto(container: HTMLElement, model: ChainViewModel, ui: ChainUiState): RenderedChain {
  container.empty();
  const root = container.createDiv({ cls: 'pc-chain' });
  const ctx: RenderContext = {
    ui,
    showContext: model.kind === 'chain' && model.showContext,
    expanded: planExpansion(model, ui),
    targets: new Map(),
    drawnExpansion: new Map(),
    entryCount: 0,
  };
  renderHeader(root, model);
  renderDepthControl(root, model.depth, model.maxDepth);
  if (model.kind === 'empty') {
    root.createDiv({ cls: 'pc-chain-empty', text: EMPTY_MESSAGES[model.reason] });
  } else {
    renderSection(root, 'out', model.outgoing, model.outgoingTruncated, emptySectionText('out', model), ctx);
    if (model.incoming !== null) {
      renderSection(root, 'in', model.incoming, model.incomingTruncated, emptySectionText('in', model), ctx);
    }
    if (model.capped) root.createDiv({ cls: 'pc-chain-capped', text: `${TRUNCATED_HINT}: some entries were not loaded.` });
  }
  applyRovingTabindex(root, ui.activeKey);
  return { targets: ctx.targets, expansion: ctx.drawnExpansion, entryCount: ctx.entryCount };
}

/** The context for drawing part of an already rendered tree again. */
function redrawContext(model: ChainModel, ui: ChainUiState, rendered: RenderedChain): RenderContext {
  return {
    ui,
    showContext: model.showContext,
    expanded: planExpansion(model, ui),
    targets: rendered.targets,
    drawnExpansion: rendered.expansion,
    entryCount: 0,
  };
}

/**
 * Redraws one entry and its subtree in place (after it was opened or closed), leaving the rest
 * of the tree untouched. Returns false when the entry is not drawn or no longer in the model.
 */
export function redrawEntry(container: HTMLElement, model: ChainViewModel, ui: ChainUiState, rendered: RenderedChain, key: string): boolean {
  const located = locateEntry(model, key);
  const current = Array.from(container.querySelectorAll<HTMLElement>(`[${ATTR.key}]`)).find((el) => el.getAttribute(ATTR.key) === key);
  if (located === null || current === undefined || model.kind !== 'chain') return false;
  const ctx = redrawContext(model, ui, rendered);
  const holder = createDiv();
  renderNode(holder, located.parentKey, located.node, located.level, ctx);
  const replacement = holder.firstElementChild;
  if (replacement === null) return false;
  current.replaceWith(replacement);
  // The tree's tab stop may have been inside the subtree that was just closed.
  const tree = replacement.closest('[role="tree"]');
  const hasTabStop = tree?.querySelector('[role="treeitem"][tabindex="0"]') != null;
  if (!hasTabStop) replacement.setAttribute('tabindex', '0');
  return true;
}

/**
 * Answers a "Show more" entry in place: draws the parent's next page of children where the entry
 * stood (with a new "Show more" after them when some are still hidden) and records it in the UI
 * state. Returns the first new entry, or null when the parent is no longer in the model.
 */
export function revealMore(model: ChainViewModel, ui: ChainUiState, rendered: RenderedChain, moreEl: HTMLElement): HTMLElement | null {
  const parentKey = moreEl.getAttribute(ATTR.parent);
  const nodes = parentKey === null ? null : childrenOf(model, parentKey);
  if (parentKey === null || nodes === null || model.kind !== 'chain') return null;
  const level = Number(moreEl.getAttribute('aria-level'));
  const from = shownCount(parentKey, nodes.length, ui);
  ui.shown.set(parentKey, from + nextPage(nodes.length - from));
  const ctx = redrawContext(model, ui, rendered);
  const holder = createDiv();
  const to = shownCount(parentKey, nodes.length, ui);
  for (let i = from; i < to; i++) renderNode(holder, parentKey, nodes[i], level, ctx);
  if (to < nodes.length) renderShowMore(holder, parentKey, nodes.length - to, level);
  const first = holder.firstElementChild as HTMLElement | null;
  moreEl.replaceWith(...Array.from(holder.children));
  return first;
}

function renderHeader(root: HTMLElement, model: ChainViewModel): void {
  const header = root.createDiv({ cls: 'pc-chain-header' });
  if (model.kind === 'empty') {
    header.createDiv({ cls: 'pc-chain-note-title', text: 'Principle chain' });
    return;
  }
  header.createDiv({ cls: 'pc-chain-note-title', text: model.note.title || model.note.path });
  header.createDiv({
    cls: model.note.id === null ? 'pc-chain-note-id is-missing' : 'pc-chain-note-id',
    text: model.note.id ?? 'No ID',
  });
}

function renderDepthControl(root: HTMLElement, depth: number, maxDepth: number): void {
  const control = root.createDiv({ cls: 'pc-chain-depth' });
  control.createSpan({ cls: 'pc-chain-depth-label', text: 'Depth' });
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
  if (section === 'out') return 'This note mentions no other note by ID.';
  if (model.note.id === null) return 'This note has no ID, so no note can build on it.';
  return 'No note mentions this note\'s ID.';
}

function renderSection(
  root: HTMLElement,
  section: ChainSectionName,
  nodes: readonly ChainViewNode[],
  truncated: number,
  emptyText: string,
  ctx: RenderContext,
): void {
  const key = sectionKey(section);
  const expanded = ctx.ui.expansion.get(key) ?? true;
  ctx.drawnExpansion.set(key, expanded);
  const wrapper = root.createDiv({ cls: `pc-chain-section mod-${section}` });
  const header = wrapper.createDiv({
    cls: 'pc-chain-section-header',
    attr: { role: 'button', tabindex: 0, 'aria-expanded': String(expanded), [ATTR.action]: 'toggle-section', [ATTR.key]: key },
  });
  header.createSpan({ cls: expanded ? 'pc-chain-toggle' : 'pc-chain-toggle is-collapsed', attr: { 'aria-hidden': 'true' } });
  header.createSpan({ cls: 'pc-chain-section-title', text: SECTION_TITLES[section] });
  header.createSpan({ cls: 'pc-chain-count', text: String(nodes.length + truncated) });
  if (!expanded) return;
  if (nodes.length === 0 && truncated === 0) {
    wrapper.createDiv({ cls: 'pc-chain-section-empty', text: emptyText });
    return;
  }
  const tree = wrapper.createDiv({ cls: 'pc-chain-tree', attr: { role: 'tree', 'aria-label': SECTION_TITLES[section] } });
  renderLevel(tree, key, nodes, 1, ctx);
  if (truncated > 0) wrapper.createDiv({ cls: 'pc-chain-truncated', text: `${truncated} more not loaded`, attr: { title: TRUNCATED_HINT } });
}

function renderLevel(
  parentEl: HTMLElement,
  parentKey: string,
  nodes: readonly ChainViewNode[],
  level: number,
  ctx: RenderContext,
): void {
  const shown = shownCount(parentKey, nodes.length, ctx.ui);
  for (let i = 0; i < shown; i++) renderNode(parentEl, parentKey, nodes[i], level, ctx);
  if (shown < nodes.length) renderShowMore(parentEl, parentKey, nodes.length - shown, level);
}

function renderNode(parentEl: HTMLElement, parentKey: string, node: ChainViewNode, level: number, ctx: RenderContext): void {
  const key = entryKey(parentKey, node);
  ctx.entryCount++;
  ctx.targets.set(key, { kind: 'note', id: node.id, path: node.path, title: node.title });
  const expandable = isExpandable(node);
  const expanded = ctx.expanded.has(key);
  if (expandable) ctx.drawnExpansion.set(key, expanded);
  const item = parentEl.createDiv({
    cls: itemClasses(node),
    attr: {
      role: 'treeitem',
      'aria-level': level,
      'aria-label': entryLabel(node),
      tabindex: -1,
      [ATTR.key]: key,
      [ATTR.action]: 'open',
    },
  });
  if (node.id !== null) item.setAttribute('draggable', 'true');
  if (expandable) item.setAttribute('aria-expanded', String(expanded));
  const row = item.createDiv({ cls: 'pc-chain-row' });
  const toggle = row.createSpan({
    cls: expandable ? (expanded ? 'pc-chain-toggle' : 'pc-chain-toggle is-collapsed') : 'pc-chain-toggle is-leaf',
    attr: { 'aria-hidden': 'true' },
  });
  if (expandable) toggle.setAttribute(ATTR.action, 'toggle');
  const title = displayTitle(node);
  row.createSpan({ cls: 'pc-chain-title', text: title });
  if (node.id !== null && node.id !== title) row.createSpan({ cls: 'pc-chain-id', text: node.id });
  renderFlags(row, node);
  if (ctx.showContext && node.context !== '') item.createDiv({ cls: 'pc-chain-context', text: node.context });
  if (!expanded) return;
  const group = item.createDiv({ cls: 'pc-chain-children', attr: { role: 'group' } });
  for (const candidate of node.candidates) renderCandidate(group, key, node, candidate, level + 1, ctx);
  renderLevel(group, key, node.children, level + 1, ctx);
}

function renderCandidate(
  parentEl: HTMLElement,
  parentKey: string,
  node: ChainViewNode,
  candidate: ChainCandidate,
  level: number,
  ctx: RenderContext,
): void {
  const key = candidateKey(parentKey, candidate);
  ctx.entryCount++;
  ctx.targets.set(key, { kind: 'candidate', id: node.id, path: candidate.path, title: candidate.title });
  const item = parentEl.createDiv({
    cls: 'pc-chain-item mod-candidate',
    attr: {
      role: 'treeitem',
      'aria-level': level,
      'aria-label': `${candidate.title}, ${candidate.path}`,
      tabindex: -1,
      draggable: 'true',
      [ATTR.key]: key,
      [ATTR.action]: 'open',
    },
  });
  const row = item.createDiv({ cls: 'pc-chain-row' });
  row.createSpan({ cls: 'pc-chain-toggle is-leaf', attr: { 'aria-hidden': 'true' } });
  row.createSpan({ cls: 'pc-chain-title', text: candidate.title || candidate.path });
  row.createSpan({ cls: 'pc-chain-path', text: candidate.path });
}

function renderShowMore(parentEl: HTMLElement, parentKey: string, hidden: number, level: number): void {
  const page = nextPage(hidden);
  parentEl.createDiv({
    cls: 'pc-chain-more',
    text: page === hidden ? `Show ${hidden} more` : `Show ${page} more (${hidden} not shown)`,
    attr: {
      role: 'treeitem',
      'aria-level': level,
      tabindex: -1,
      [ATTR.key]: parentKey + '\u001fmore',
      [ATTR.action]: 'show-more',
      [ATTR.parent]: parentKey,
    },
  });
}

function itemClasses(node: ChainViewNode): string {
  const classes = ['pc-chain-item'];
  if (node.status === 'unresolved') classes.push('is-unresolved');
  if (node.status === 'ambiguous') classes.push('is-ambiguous');
  if (node.cycle) classes.push('is-cycle');
  return classes.join(' ');
}

function displayTitle(node: ChainViewNode): string {
  if (node.title !== '') return node.title;
  if (node.status === 'resolved' && node.path !== null) return node.path;
  return node.status === 'unresolved' ? 'No note has this ID' : 'Several notes have this ID';
}

function renderFlags(row: HTMLElement, node: ChainViewNode): void {
  if (node.status === 'unresolved') row.createSpan({ cls: 'pc-chain-flag mod-unresolved', text: 'unresolved' });
  if (node.status === 'ambiguous') {
    row.createSpan({ cls: 'pc-chain-flag mod-ambiguous', text: `ambiguous: ${node.candidates.length} notes` });
  }
  if (node.cycle) {
    row.createSpan({ cls: 'pc-chain-flag mod-cycle', text: '↺', attr: { 'aria-label': 'Already in this chain', title: 'Already in this chain' } });
  }
  if (node.truncated > 0) {
    row.createSpan({
      cls: 'pc-chain-flag mod-truncated',
      text: `+${node.truncated} not loaded`,
      attr: { title: TRUNCATED_HINT },
    });
  }
}

function entryLabel(node: ChainViewNode): string {
  const title = displayTitle(node);
  const parts = [title];
  if (node.id !== null && node.id !== title) parts.push(node.id);
  if (node.status !== 'resolved') parts.push(node.status);
  if (node.cycle) parts.push('already in this chain');
  return parts.join(', ');
}

/** Makes exactly one entry per tree reachable by Tab: the active one if drawn, else the first. */
function applyRovingTabindex(root: HTMLElement, activeKey: string | null): void {
  for (const tree of Array.from(root.querySelectorAll<HTMLElement>('[role="tree"]'))) {
    const items = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    if (items.length === 0) continue;
    const active = items.find((item) => item.getAttribute(ATTR.key) === activeKey) ?? items[0];
    active.setAttribute('tabindex', '0');
  }
}
