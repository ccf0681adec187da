/**
 * Which entries are drawn expanded. The user's explicit choices win; every other entry opens
 * breadth-first while its children still fit the render budget, so a huge chain shows its upper
 * levels first and the view never draws more than a sidebar can hold.
 */

import { entryKey, sectionKey, type ChainUiState, type ChainViewModel, type ChainViewNode } from './model';

/** Entries drawn per parent before a "Show more" entry. */
export const LEVEL_CAP = 200;
/** Entries one "Show more" adds: all that are left when few are, else a page that draws quickly. */
export const SHOW_MORE_PAGE = 500;
/** Entries that default expansion may draw in total; past it, entries start collapsed. */
export const RENDER_BUDGET = 500;

/** How many of a parent's children are drawn: up to the cap, plus the pages "Show more" added. */
export function shownCount(parentKey: string, total: number, ui: ChainUiState): number {
  return Math.min(total, ui.shown.get(parentKey) ?? LEVEL_CAP);
}

/** How many children the parent's next "Show more" adds. */
export function nextPage(hidden: number): number {
  return Math.min(hidden, SHOW_MORE_PAGE);
}

/** Whether an entry can open at all (cycles never do). */
export function isExpandable(node: ChainViewNode): boolean {
  return !node.cycle && (node.children.length > 0 || node.candidates.length > 0);
}

interface Pending {
  readonly key: string;
  readonly node: ChainViewNode;
}

/** The keys of entries drawn expanded, for the model and the UI state. */
export function planExpansion(model: ChainViewModel, ui: ChainUiState): Set<string> {
  const expanded = new Set<string>();
  if (model.kind !== 'chain') return expanded;
  let budget = RENDER_BUDGET;
  const queue: Pending[] = [];
  const enqueueLevel = (parentKey: string, nodes: readonly ChainViewNode[]): void => {
    const shown = shownCount(parentKey, nodes.length, ui);
    for (let i = 0; i < shown; i++) queue.push({ key: entryKey(parentKey, nodes[i]), node: nodes[i] });
    budget -= shown;
  };
  for (const [section, nodes] of [['out', model.outgoing], ['in', model.incoming]] as const) {
    if (nodes !== null && (ui.expansion.get(sectionKey(section)) ?? true)) enqueueLevel(sectionKey(section), nodes);
  }
  for (let head = 0; head < queue.length; head++) {
    const { key, node } = queue[head];
    if (!isExpandable(node)) continue;
    const cost = node.candidates.length + shownCount(key, node.children.length, ui);
    if (!(ui.expansion.get(key) ?? cost <= budget)) continue;
    expanded.add(key);
    budget -= node.candidates.length;
    enqueueLevel(key, node.children);
  }
  return expanded;
}

/**
 * Turns the drawn defaults into explicit choices, so that opening or closing one entry never
 * makes others open or close as the budget shifts.
 */
export function pinExpansion(ui: ChainUiState, drawn: ReadonlyMap<string, boolean>): void {
  for (const [key, expanded] of drawn) if (!ui.expansion.has(key)) ui.expansion.set(key, expanded);
}
