/**
 * Which entries are drawn expanded. The user's explicit choices win; every other entry follows the
 * UI state's default: open breadth-first while its children still fit the render budget (so a huge
 * chain shows its upper levels first and the view never draws more than a sidebar can hold), open
 * within a larger budget after "Expand all", or closed after "Collapse all".
 */

import { entryKey, type ChainUiState, type ChainViewModel, type ChainViewNode } from './model';

/** Entries drawn per parent before a "Show more" entry. */
export const LEVEL_CAP = 200;
/** Entries one "Show more" adds: all that are left when few are, else a page that draws quickly. */
export const SHOW_MORE_PAGE = 500;
/** Entries that default expansion may draw in total; past it, entries start collapsed. */
export const RENDER_BUDGET = 500;
/** Entries "Expand all" may draw in total: more than a reader scans, few enough to draw at once. */
export const EXPAND_ALL_BUDGET = 2000;

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

/** Whether a section is drawn open (the user may fold it; "Expand all" opens it again). */
export function isSectionOpen(ui: ChainUiState, section: 'out' | 'in'): boolean {
  return ui.expansion.get(section) ?? true;
}

/** The entries drawn expanded, and how many expandable ones the budget left closed. */
export interface ExpansionPlan {
  readonly expanded: ReadonlySet<string>;
  /** Entries closed only because the budget ran out (not by the user's choice). */
  readonly closedByBudget: number;
}

interface Pending {
  readonly key: string;
  readonly node: ChainViewNode;
}

/** Plans expansion for the model and UI state, breadth-first. */
export function planExpansion(model: ChainViewModel, ui: ChainUiState): ExpansionPlan {
  const expanded = new Set<string>();
  if (model.kind !== 'chain') return { expanded, closedByBudget: 0 };
  let budget = ui.defaultOpen === 'all' ? EXPAND_ALL_BUDGET : RENDER_BUDGET;
  let closedByBudget = 0;
  const queue: Pending[] = [];
  const enqueueLevel = (parentKey: string, nodes: readonly ChainViewNode[]): void => {
    const shown = shownCount(parentKey, nodes.length, ui);
    for (let i = 0; i < shown; i++) queue.push({ key: entryKey(parentKey, nodes[i]), node: nodes[i] });
    budget -= shown;
  };
  for (const [section, nodes] of [['out', model.outgoing], ['in', model.incoming]] as const) {
    if (nodes !== null && isSectionOpen(ui, section)) enqueueLevel(section, nodes);
  }
  for (let head = 0; head < queue.length; head++) {
    const { key, node } = queue[head];
    if (!isExpandable(node)) continue;
    const cost = node.candidates.length + shownCount(key, node.children.length, ui);
    const choice = ui.expansion.get(key);
    const fits = cost <= budget;
    const open = choice ?? (ui.defaultOpen !== 'none' && fits);
    if (!open) {
      if (choice === undefined && ui.defaultOpen !== 'none') closedByBudget++;
      continue;
    }
    expanded.add(key);
    budget -= node.candidates.length;
    enqueueLevel(key, node.children);
  }
  return { expanded, closedByBudget };
}
