/**
 * What the chain view draws: a plain model built from the core's (shaped) chain, and the
 * view-only state (expansion, "show more", the tab stop) that survives redraws. No DOM, no obsidian.
 */

import type { ResolutionStatus } from '../../core/types';

/** Why the view has no chain to show. */
export type EmptyReason = 'no-note' | 'not-markdown' | 'not-indexed' | 'no-id-no-refs' | 'pin-missing';

/** A note an ambiguous ID could mean. */
export interface ChainCandidate {
  readonly path: string;
  readonly title: string;
}

/** A context line split around the ID it stands for (the ID is highlighted when shown). */
export interface ViewContext {
  readonly before: string;
  readonly id: string;
  readonly after: string;
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
  /** The sentence the reference stands in, as prose; null when there is none. */
  readonly context: ViewContext | null;
  /** How many times the referencing note mentions the reference. */
  readonly mentions: number;
  /** Matches the view's filter itself (not only on the way to a match). */
  readonly match: boolean;
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
  /** Entries hidden as excluded notes, per tree. */
  readonly outgoingHidden: number;
  readonly incomingHidden: number;
  /** Whether the core's node budget stopped the expansion anywhere. */
  readonly capped: boolean;
  readonly showContext: boolean;
  /** The filter the trees were narrowed by ('' for none). */
  readonly filter: string;
}

export interface EmptyModel {
  readonly kind: 'empty';
  readonly reason: EmptyReason;
  readonly depth: number;
  readonly maxDepth: number;
  /** The path the view is pinned to when no file is there ('pin-missing'). */
  readonly missingPin?: string;
}

/** Everything one render needs from the data side. */
export type ChainViewModel = ChainModel | EmptyModel;

/** The two trees of the view; the section name is the first part of every entry key. */
export type ChainSectionName = 'out' | 'in';

/** How entries without an explicit choice start: within the render budget, all (within a larger one), or closed. */
export type DefaultOpen = 'budget' | 'all' | 'none';

/** View-only state, keyed by entry keys (path-from-root), kept across redraws. Never mutated: see controller.ts. */
export interface ChainUiState {
  /** Explicit user choices; entries without one follow `defaultOpen`. */
  readonly expansion: ReadonlyMap<string, boolean>;
  /** How many children are drawn for parents whose "Show more" was used (default: the level cap). */
  readonly shown: ReadonlyMap<string, number>;
  /** The entry that holds the tree's single tab stop (roving tabindex). */
  readonly activeKey: string | null;
  readonly defaultOpen: DefaultOpen;
}

/** A fresh UI state with nothing chosen and nothing shown beyond the cap. */
export function createUiState(): ChainUiState {
  return { expansion: new Map(), shown: new Map(), activeKey: null, defaultOpen: 'budget' };
}

/** Wording of each empty state: what is missing and what to do. */
export const EMPTY_MESSAGES: Readonly<Record<EmptyReason, string>> = Object.freeze({
  'no-note': 'Open a note to see the principles it builds on and the notes built on it.',
  'not-markdown': 'The principle chain works on Markdown notes. Open a note to see its chain.',
  'not-indexed':
    'This note is not in the ID index yet: its folder is excluded in the settings, or indexing is still running.',
  'no-id-no-refs':
    'This note has no ID and mentions no other note by ID. Start its file name with an ID (like "202104291524 Title") or mention another note\'s ID.',
  'pin-missing': 'This view is pinned to a note that is no longer in the vault: it was renamed, moved or deleted while the view could not follow it.',
});

const KEY_SEPARATOR = '\u001f';

/**
 * The key of an entry: its parent's key plus what the entry names. Keyed by names rather than
 * positions so an entry keeps its expansion when siblings come and go or the order changes.
 * A section's key is its name ('out', 'in').
 */
export function entryKey(parentKey: string, node: ChainViewNode): string {
  return parentKey + KEY_SEPARATOR + (node.path ?? 'id:' + (node.id ?? ''));
}

/** The key of an ambiguous entry's candidate sub-entry. */
export function candidateKey(parentKey: string, candidate: ChainCandidate): string {
  return parentKey + KEY_SEPARATOR + 'candidate:' + candidate.path;
}

/** The key of a parent's "Show more" entry. */
export function moreKey(parentKey: string): string {
  return parentKey + KEY_SEPARATOR + 'more';
}

/** Whether `key` is `ancestor` itself or lies under it. */
export function isKeyWithin(key: string, ancestor: string): boolean {
  return key === ancestor || key.startsWith(ancestor + KEY_SEPARATOR);
}

/** The key of the entry or section an entry lies directly under; null for a section's own key. */
export function parentKeyOf(key: string): string | null {
  const at = key.lastIndexOf(KEY_SEPARATOR);
  return at < 0 ? null : key.slice(0, at);
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
    const next = nodes.find((node) => isKeyWithin(key, entryKey(parent, node)));
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
  if (parentKey === 'out') return model.outgoing;
  if (parentKey === 'in') return model.incoming;
  return locateEntry(model, parentKey)?.node.children ?? null;
}

/**
 * Whether two models draw the same: compared field by field with an early exit, so an index change
 * that leaves the chain alone costs one walk and no redraw (and no serialised copy of the model).
 * Context lines are left out: they are read from note texts as entries are drawn (reading all of
 * them here would ask for every note of a 10,000-entry chain), and the view redraws when texts of
 * the notes it shows arrive or change.
 */
export function sameModel(a: ChainViewModel | null, b: ChainViewModel | null): boolean {
  if (a === null || b === null) return a === b;
  // Both kinds are checked, though a chain's missing reason would tell it from an empty state anyway.
  if (a.kind === 'empty' || b.kind === 'empty') {
    return a.kind === 'empty' && b.kind === 'empty' && a.reason === b.reason && a.depth === b.depth && a.missingPin === b.missingPin;
  }
  return (
    a.note.path === b.note.path &&
    a.note.id === b.note.id &&
    a.note.title === b.note.title &&
    a.depth === b.depth &&
    a.outgoingTruncated === b.outgoingTruncated &&
    a.incomingTruncated === b.incomingTruncated &&
    a.outgoingHidden === b.outgoingHidden &&
    a.incomingHidden === b.incomingHidden &&
    a.capped === b.capped &&
    a.showContext === b.showContext &&
    a.filter === b.filter &&
    sameNodes(a.outgoing, b.outgoing) &&
    (a.incoming === null || b.incoming === null ? a.incoming === b.incoming : sameNodes(a.incoming, b.incoming))
  );
}

function sameNodes(a: readonly ChainViewNode[], b: readonly ChainViewNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.id !== y.id ||
      x.path !== y.path ||
      x.title !== y.title ||
      x.status !== y.status ||
      x.cycle !== y.cycle ||
      x.mentions !== y.mentions ||
      x.match !== y.match ||
      x.truncated !== y.truncated ||
      x.candidates.length !== y.candidates.length ||
      x.candidates.some((c, j) => c.path !== y.candidates[j].path || c.title !== y.candidates[j].title) ||
      !sameNodes(x.children, y.children)
    ) {
      return false;
    }
  }
  return true;
}

/** Whether the model shows any of the notes (as an entry or as the note the chain is for). */
export function modelShowsAny(model: ChainViewModel | null, paths: ReadonlySet<string>): boolean {
  if (model === null || model.kind !== 'chain') return false;
  if (paths.has(model.note.path)) return true;
  const stack: ChainViewNode[] = [...model.outgoing, ...(model.incoming ?? [])];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.path !== null && paths.has(node.path)) return true;
    stack.push(...node.children);
  }
  return false;
}
