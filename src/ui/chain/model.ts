/**
 * What the chain view draws: a plain, serialisable model built from the core's chain result, and
 * the view-only state (expansion, "show more") that survives re-renders. No DOM, no obsidian.
 */

import { MAX_CHAIN_DEPTH } from '../../core/settings';
import type { ResolutionStatus } from '../../core/types';

/** Why the view has no chain to show. */
export type EmptyReason = 'no-note' | 'not-markdown' | 'not-indexed' | 'no-id-no-refs';

/** A note an ambiguous ID could mean. */
export interface ChainCandidate {
  readonly path: string;
  readonly title: string;
}

/** One entry of a chain tree, as the view draws it. */
export interface ChainViewNode {
  /** The ID the reference names; null for an incoming note that has no ID of its own. */
  readonly id: string | null;
  readonly path: string | null;
  readonly title: string;
  readonly status: ResolutionStatus;
  readonly candidates: readonly ChainCandidate[];
  /** Already on the path from the root: drawn with a marker and never expanded. */
  readonly cycle: boolean;
  /** The line of the parent note the reference stands in. */
  readonly context: string;
  readonly children: readonly ChainViewNode[];
  /** Children the core left out to stay within its node budget. */
  readonly truncated: number;
}

/** The note the chain is drawn for. */
export interface ChainRootNote {
  readonly path: string;
  readonly id: string | null;
  readonly title: string;
}

export interface ChainModel {
  readonly kind: 'chain';
  readonly note: ChainRootNote;
  readonly depth: number;
  readonly maxDepth: number;
  /** "Builds on": what the note references, recursively. */
  readonly outgoing: readonly ChainViewNode[];
  /** "Built on by": what references the note, recursively; null when the setting hides it. */
  readonly incoming: readonly ChainViewNode[] | null;
  /** Top-level entries the core left out of each tree to stay within its node budget. */
  readonly outgoingTruncated: number;
  readonly incomingTruncated: number;
  /** Whether the core's node budget stopped the expansion anywhere. */
  readonly capped: boolean;
  readonly showContext: boolean;
}

export interface EmptyModel {
  readonly kind: 'empty';
  readonly reason: EmptyReason;
  readonly depth: number;
  readonly maxDepth: number;
}

/** Everything one render needs from the data side. */
export type ChainViewModel = ChainModel | EmptyModel;

/** The two trees of the view; the section name is the first part of every entry key. */
export type ChainSectionName = 'out' | 'in';

/** View-only state, keyed by entry keys (path-from-root), kept across re-renders. */
export interface ChainUiState {
  /** Explicit user choices; entries without one follow the default (expanded within the budget). */
  readonly expansion: Map<string, boolean>;
  /** How many children are drawn for parents whose "Show more" was used (default: the level cap). */
  readonly shown: Map<string, number>;
  /** The entry that holds the tree's single tab stop (roving tabindex). */
  activeKey: string | null;
}

/** A fresh UI state with nothing collapsed and nothing shown beyond the cap. */
export function createUiState(): ChainUiState {
  return { expansion: new Map(), shown: new Map(), activeKey: null };
}

/** Wording of each empty state: what is missing and what to do. */
export const EMPTY_MESSAGES: Readonly<Record<EmptyReason, string>> = Object.freeze({
  'no-note': 'Open a note to see the principles it builds on and the notes built on it.',
  'not-markdown': 'The principle chain works on Markdown notes. Open a note to see its chain.',
  'not-indexed':
    'This note is not in the ID index yet: its folder is excluded in the settings, or indexing is still running.',
  'no-id-no-refs':
    'This note has no ID and mentions no other note by ID. Start its file name with an ID (like "202104291524 Title") or mention another note\'s ID.',
});

const KEY_SEPARATOR = '\u001f';

/** The key of a section's tree (the parent key of its top-level entries). */
export function sectionKey(section: ChainSectionName): string {
  return section;
}

/**
 * The key of an entry: its parent's key plus what the entry names. Keyed by names rather than
 * positions so an entry keeps its expansion when siblings come and go.
 */
export function entryKey(parentKey: string, node: ChainViewNode): string {
  return parentKey + KEY_SEPARATOR + (node.path ?? 'id:' + (node.id ?? ''));
}

/** The key of an ambiguous entry's candidate sub-entry. */
export function candidateKey(parentKey: string, candidate: ChainCandidate): string {
  return parentKey + KEY_SEPARATOR + 'candidate:' + candidate.path;
}

/** A drawn entry found by its key: the node, its parent's key and its tree level (1 = top). */
export interface LocatedEntry {
  readonly node: ChainViewNode;
  readonly parentKey: string;
  readonly level: number;
}

/** Finds the note entry a key names by walking the model from its section; null when gone. */
export function locateEntry(model: ChainViewModel, key: string): LocatedEntry | null {
  if (model.kind !== 'chain') return null;
  const section = key.slice(0, key.indexOf(KEY_SEPARATOR));
  let nodes = section === 'out' ? model.outgoing : section === 'in' ? model.incoming : null;
  let parentKey = section;
  for (let level = 1; nodes !== null; level++) {
    const parent = parentKey;
    const next = nodes.find((node) => {
      const candidate = entryKey(parent, node);
      return key === candidate || key.startsWith(candidate + KEY_SEPARATOR);
    });
    if (next === undefined) return null;
    const nextKey = entryKey(parent, next);
    if (nextKey === key) return { node: next, parentKey: parent, level };
    parentKey = nextKey;
    nodes = next.children;
  }
  return null;
}

/** The children listed under a parent key: a section's top entries or an entry's children. */
export function childrenOf(model: ChainViewModel, parentKey: string): readonly ChainViewNode[] | null {
  if (model.kind !== 'chain') return null;
  if (parentKey === sectionKey('out')) return model.outgoing;
  if (parentKey === sectionKey('in')) return model.incoming;
  return locateEntry(model, parentKey)?.node.children ?? null;
}

/** A cheap identity of the model, to skip re-renders when nothing visible changed. */
export function modelSignature(model: ChainViewModel): string {
  return JSON.stringify(model);
}

/** The chain view's persisted state: only a depth the user chose in the view. */
export interface ChainViewState {
  depth?: number;
}

/** The depth a stored view state holds, when it is a valid one. */
export function storedDepth(state: unknown): number | null {
  const depth = (state as ChainViewState | null | undefined)?.depth;
  return typeof depth === 'number' && Number.isInteger(depth) && depth >= 1 && depth <= MAX_CHAIN_DEPTH ? depth : null;
}
