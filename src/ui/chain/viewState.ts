/** The chain view's state as saved with the workspace: read defensively, written compactly. */

import { CHAIN_SORTS, type ChainSort } from '../../core/chain/shape';
import { MAX_CHAIN_DEPTH } from '../../core/settings';
import { DEFAULT_CONTROLS, type ChainControls } from './controller';

/** The persisted form: only what differs from the defaults. */
export interface ChainViewState {
  depth?: number;
  filter?: string;
  sort?: ChainSort;
  hideExcluded?: boolean;
  pinned?: string;
}

function field(state: unknown, name: keyof ChainViewState): unknown {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[name] : undefined;
}

/** The depth a stored view state holds, when it is a valid one. */
export function storedDepth(state: unknown): number | null {
  const depth = field(state, 'depth');
  return typeof depth === 'number' && Number.isInteger(depth) && depth >= 1 && depth <= MAX_CHAIN_DEPTH ? depth : null;
}

/** The pinned note of a stored view state, when it names one. */
export function storedPin(state: unknown): string | null {
  const pinned = field(state, 'pinned');
  return typeof pinned === 'string' && pinned !== '' ? pinned : null;
}

/**
 * Controls from a stored state: each valid value replaces the current one, anything missing or
 * malformed (hand-edited workspace files, older versions) keeps it.
 */
export function controlsFromState(state: unknown, current: ChainControls): ChainControls {
  const filter = field(state, 'filter');
  const sort = field(state, 'sort');
  const hideExcluded = field(state, 'hideExcluded');
  return {
    depth: storedDepth(state) ?? current.depth,
    filter: typeof filter === 'string' ? filter : current.filter,
    sort: CHAIN_SORTS.find((s) => s === sort) ?? current.sort,
    hideExcluded: typeof hideExcluded === 'boolean' ? hideExcluded : current.hideExcluded,
    pinned: storedPin(state) ?? (field(state, 'pinned') === null ? null : current.pinned),
  };
}

/** The controls to save: defaults left out, so a fresh view saves `{}`. */
export function stateFromControls(controls: ChainControls): ChainViewState {
  const state: ChainViewState = {};
  if (controls.depth !== null) state.depth = controls.depth;
  if (controls.filter !== DEFAULT_CONTROLS.filter) state.filter = controls.filter;
  if (controls.sort !== DEFAULT_CONTROLS.sort) state.sort = controls.sort;
  if (controls.hideExcluded !== DEFAULT_CONTROLS.hideExcluded) state.hideExcluded = controls.hideExcluded;
  if (controls.pinned !== null) state.pinned = controls.pinned;
  return state;
}
