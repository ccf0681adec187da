/**
 * The chain view's behaviour without a DOM: its state (the controls saved with the workspace and
 * the UI state of the trees) and what each user intent turns it into, with the least the view must
 * do to show it. The view applies the effect; this file decides.
 */

import { MAX_CHAIN_DEPTH } from '../../core/settings';
import type { ChainSort } from '../../core/chain/shape';
import { nextPage, shownCount } from './expansion';
import { createUiState, type ChainUiState } from './model';

/** What the user set in the view; saved with the workspace (see viewState.ts). */
export interface ChainControls {
  /** The depth chosen in the view; null follows the setting. */
  readonly depth: number | null;
  readonly filter: string;
  readonly sort: ChainSort;
  /** Leave out notes in the folders and tags the settings name. */
  readonly hideExcluded: boolean;
  /** The note the view is locked to; null follows the open note. */
  readonly pinned: string | null;
}

export const DEFAULT_CONTROLS: ChainControls = Object.freeze({ depth: null, filter: '', sort: 'reference', hideExcluded: true, pinned: null });

export interface ChainControllerState {
  readonly controls: ChainControls;
  /** The trees' state for the note without a filter (remembered per note by the view). */
  readonly noteUi: ChainUiState;
  /** The trees' state while a filter is set: starts fresh for each new filter text. */
  readonly filterUi: ChainUiState;
}

/** What the user asked for. `drawn` is what the last render reports as drawn open or closed. */
export type ChainIntent =
  | { readonly kind: 'depth'; readonly depth: number }
  | { readonly kind: 'filter'; readonly text: string }
  | { readonly kind: 'sort'; readonly sort: ChainSort }
  | { readonly kind: 'hide-excluded'; readonly on: boolean }
  | { readonly kind: 'pin'; readonly path: string | null }
  | { readonly kind: 'toggle'; readonly key: string; readonly drawn: ReadonlyMap<string, boolean> }
  | { readonly kind: 'expand-all' }
  | { readonly kind: 'collapse-all' }
  | { readonly kind: 'show-more'; readonly parentKey: string; readonly total: number; readonly drawn: ReadonlyMap<string, boolean> }
  | { readonly kind: 'focus'; readonly key: string | null };

/**
 * The least work that shows the new state: compute the chain again (depth, pinned note), shape it
 * again (filter, sort, hiding), draw the same model again (expansion of many entries), draw one
 * entry's subtree, add a page of entries after a "Show more", or nothing.
 */
export type ChainEffect =
  | { readonly kind: 'chain' }
  | { readonly kind: 'shape' }
  | { readonly kind: 'redraw' }
  | { readonly kind: 'entry'; readonly key: string }
  | { readonly kind: 'more'; readonly parentKey: string; readonly from: number }
  | { readonly kind: 'none' };

export interface ChainTransition {
  readonly state: ChainControllerState;
  readonly effect: ChainEffect;
  /** The controls changed: the workspace layout should be saved. */
  readonly save: boolean;
}

export function initialState(controls: ChainControls = DEFAULT_CONTROLS, noteUi: ChainUiState = createUiState()): ChainControllerState {
  return { controls, noteUi, filterUi: createUiState() };
}

/** The UI state the trees are drawn with now. */
export function activeUi(state: ChainControllerState): ChainUiState {
  return state.controls.filter.trim() === '' ? state.noteUi : state.filterUi;
}

/** The depth drawn: the view's choice, else the setting. */
export function effectiveDepth(controls: ChainControls, settingsDepth: number): number {
  return controls.depth ?? settingsDepth;
}

const NOTHING: ChainEffect = { kind: 'none' };

/** The next state after an intent, given the depth setting (for depth steps that change nothing). */
export function reduce(state: ChainControllerState, intent: ChainIntent, settingsDepth: number): ChainTransition {
  const { controls } = state;
  const same = (): ChainTransition => ({ state, effect: NOTHING, save: false });
  const withControls = (patch: Partial<ChainControls>, effect: ChainEffect): ChainTransition => ({
    state: { ...state, controls: { ...controls, ...patch } },
    effect,
    save: true,
  });
  const withUi = (ui: ChainUiState, effect: ChainEffect): ChainTransition => ({
    state: controls.filter.trim() === '' ? { ...state, noteUi: ui } : { ...state, filterUi: ui },
    effect,
    save: false,
  });
  const ui = activeUi(state);

  switch (intent.kind) {
    case 'depth': {
      const depth = Math.max(1, Math.min(MAX_CHAIN_DEPTH, Math.round(intent.depth)));
      if (!Number.isFinite(depth) || depth === effectiveDepth(controls, settingsDepth)) return same();
      return withControls({ depth }, { kind: 'chain' });
    }
    case 'filter': {
      if (intent.text === controls.filter) return same();
      const next = withControls({ filter: intent.text }, { kind: 'shape' });
      // Each new filter text starts from its own defaults; clearing returns to the note's state.
      return { ...next, state: { ...next.state, filterUi: createUiState() } };
    }
    case 'sort':
      return intent.sort === controls.sort ? same() : withControls({ sort: intent.sort }, { kind: 'shape' });
    case 'hide-excluded':
      return intent.on === controls.hideExcluded ? same() : withControls({ hideExcluded: intent.on }, { kind: 'shape' });
    case 'pin':
      return intent.path === controls.pinned ? same() : withControls({ pinned: intent.path }, { kind: 'chain' });
    case 'toggle': {
      const expansion = withDrawnDefaults(ui.expansion, intent.drawn);
      // The merged expansion already holds every drawn state: the fallbacks only name the type.
      const open = expansion.get(intent.key) ?? intent.drawn.get(intent.key) ?? false;
      expansion.set(intent.key, !open);
      const isSection = intent.key === 'out' || intent.key === 'in';
      return withUi({ ...ui, expansion, activeKey: isSection ? ui.activeKey : intent.key }, isSection ? { kind: 'redraw' } : { kind: 'entry', key: intent.key });
    }
    case 'expand-all':
    case 'collapse-all': {
      // Sections open either way; entries forget the user's choices and take the new default.
      const expansion = new Map<string, boolean>([['out', true], ['in', true]]);
      return withUi({ ...ui, expansion, defaultOpen: intent.kind === 'expand-all' ? 'all' : 'none' }, { kind: 'redraw' });
    }
    case 'show-more': {
      const from = shownCount(intent.parentKey, intent.total, ui);
      if (from >= intent.total) return same();
      const shown = new Map(ui.shown);
      shown.set(intent.parentKey, from + nextPage(intent.total - from));
      return withUi({ ...ui, shown, expansion: withDrawnDefaults(ui.expansion, intent.drawn) }, { kind: 'more', parentKey: intent.parentKey, from });
    }
    case 'focus':
      return intent.key === ui.activeKey ? same() : withUi({ ...ui, activeKey: intent.key }, NOTHING);
  }
}

/**
 * The user's choices plus every drawn default turned into a choice, so that opening or closing one
 * entry (or drawing more) never makes others open or close as the budget shifts.
 */
function withDrawnDefaults(expansion: ReadonlyMap<string, boolean>, drawn: ReadonlyMap<string, boolean>): Map<string, boolean> {
  const next = new Map(drawn);
  for (const [key, open] of expansion) next.set(key, open);
  return next;
}
