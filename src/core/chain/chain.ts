/** The principle chain: the notes a note builds on (outgoing) and the notes built on it (incoming), as trees. */
import type { IdIndexReader, IndexedReference, ResolutionStatus } from '../types';

export type ChainDirection = 'out' | 'in' | 'both';

export interface ChainOptions {
  /** Levels below the start note; 1 = direct references only; 0 = none. */
  readonly depth: number;
  readonly direction: ChainDirection;
  /** Children kept per node; the rest are counted in `truncated`. Default: no limit. */
  readonly maxChildren?: number;
  /** Nodes in the whole result (both trees); expansion stops there. Default DEFAULT_MAX_NODES. */
  readonly maxNodes?: number;
}

/** Where the chain starts: a note by path, or an ID (which may be unresolved or ambiguous). */
export type ChainStart = { readonly path: string } | { readonly id: string };

/** A note or ID as the chain shows it. */
export interface ChainNote {
  /** Null for a note without an own ID (it can still appear as a referencing note). */
  readonly id: string | null;
  /** Null when unresolved or ambiguous. */
  readonly path: string | null;
  /** The note's title; '' when unresolved or ambiguous. */
  readonly title: string;
  readonly status: ResolutionStatus;
  /** Every owner of an ambiguous ID, sorted; empty otherwise. */
  readonly candidates: readonly string[];
}

export interface ChainNode extends ChainNote {
  /** Already on the path from the root: shown, never expanded again. */
  readonly cycle: boolean;
  /**
   * The line the reference stands in, trimmed around the ID: in the parent note for outgoing
   * children, in this (referencing) note for incoming children.
   */
  readonly context: string | null;
  readonly children: readonly ChainNode[];
  /** Children left out by maxChildren or maxNodes. */
  readonly truncated: number;
}

export interface ChainResult {
  readonly root: ChainNote;
  readonly direction: ChainDirection;
  readonly depth: number;
  /** What the root builds on; empty unless direction is 'out' or 'both'. */
  readonly out: readonly ChainNode[];
  readonly outTruncated: number;
  /** What builds on the root; empty unless direction is 'in' or 'both'. */
  readonly in: readonly ChainNode[];
  readonly inTruncated: number;
  /** Whether maxNodes stopped the expansion somewhere. */
  readonly capped: boolean;
}

/** Optional fast paths an index may offer (IdIndex does) so incoming children avoid materialising every reference. */
export interface ChainIndex extends IdIndexReader {
  referencingPaths?(id: string): readonly string[];
  firstReference?(path: string, id: string): IndexedReference | undefined;
}

/** Enough for any view to stay responsive on a 100k-note vault, far more than a reader scans. */
export const DEFAULT_MAX_NODES = 10_000;

interface BuildNode {
  note: ChainNote;
  parent: BuildNode | null;
  level: number;
  cycle: boolean;
  context: string | null;
  children: BuildNode[];
  truncated: number;
  direction: 'out' | 'in';
}

/**
 * Builds both trees breadth-first, so a node budget fills the upper levels first. Deterministic:
 * outgoing children in order of their first reference in the note, incoming children by path.
 * Self-references are never edges; an ID referenced twice from one note appears once; ambiguous
 * and unresolved IDs are leaves.
 */
export function buildChain(index: ChainIndex, start: ChainStart, options: ChainOptions): ChainResult {
  const depth = Math.max(0, Math.floor(options.depth));
  const maxChildren = options.maxChildren ?? Infinity;
  let budget = options.maxNodes ?? DEFAULT_MAX_NODES;
  let capped = false;
  const root = rootNote(index, start);
  const tops: BuildNode[] = [];
  if (options.direction !== 'in') tops.push(pseudoRoot(root, 'out'));
  if (options.direction !== 'out') tops.push(pseudoRoot(root, 'in'));

  const queue: BuildNode[] = [...tops];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node.level >= depth || node.cycle || !expandable(node)) continue;
    const children = node.direction === 'out' ? outgoing(index, node) : incoming(index, node);
    const kept = Math.min(children.count, maxChildren, budget);
    for (let i = 0; i < kept; i++) {
      const child = children.make(i);
      child.cycle = child.note.path !== null && onPath(node, child.note.path);
      node.children.push(child);
      queue.push(child);
    }
    budget -= kept;
    node.truncated = children.count - kept;
    if (kept < Math.min(children.count, maxChildren)) capped = true;
  }
  const outTop = tops.find((top) => top.direction === 'out');
  const inTop = tops.find((top) => top.direction === 'in');
  return {
    root,
    direction: options.direction,
    depth,
    out: outTop === undefined ? [] : outTop.children.map(freeze),
    outTruncated: outTop?.truncated ?? 0,
    in: inTop === undefined ? [] : inTop.children.map(freeze),
    inTruncated: inTop?.truncated ?? 0,
    capped,
  };
}

function rootNote(index: ChainIndex, start: ChainStart): ChainNote {
  if ('path' in start) {
    const record = index.note(start.path);
    if (record === undefined) return { id: null, path: start.path, title: '', status: 'unresolved', candidates: [] };
    return { id: record.id, path: record.path, title: record.title, status: 'resolved', candidates: [] };
  }
  return noteForId(index, start.id);
}

function noteForId(index: ChainIndex, id: string): ChainNote {
  const resolution = index.resolve(id);
  if (resolution.status === 'resolved') {
    const path = resolution.paths[0];
    return { id, path, title: index.note(path)?.title ?? '', status: 'resolved', candidates: [] };
  }
  return { id, path: null, title: '', status: resolution.status, candidates: resolution.paths };
}

function pseudoRoot(root: ChainNote, direction: 'out' | 'in'): BuildNode {
  return { note: root, parent: null, level: 0, cycle: false, context: null, children: [], truncated: 0, direction };
}

/** Notes expand; IDs expand only at the root, where an unresolved or ambiguous ID still has incoming references. */
function expandable(node: BuildNode): boolean {
  if (node.note.status === 'resolved') return true;
  return node.parent === null && node.direction === 'in' && node.note.id !== null;
}

/** A node's children, counted up front and built only when kept (a hub may have thousands). */
interface Children {
  readonly count: number;
  make(i: number): BuildNode;
}

function outgoing(index: ChainIndex, parent: BuildNode): Children {
  const { path, id: ownId } = parent.note;
  const firsts: IndexedReference[] = [];
  if (path !== null) {
    const seen = new Set<string>();
    for (const reference of index.referencesOf(path)) {
      if (reference.id === ownId || seen.has(reference.id)) continue;
      seen.add(reference.id);
      firsts.push(reference);
    }
  }
  return { count: firsts.length, make: (i) => child(parent, noteForId(index, firsts[i].id), firsts[i].context) };
}

function incoming(index: ChainIndex, parent: BuildNode): Children {
  const id = parent.note.id;
  const sources: string[] = [];
  const contexts: (string | null)[] = [];
  const fast = index.referencingPaths !== undefined && index.firstReference !== undefined;
  if (id !== null && fast) {
    for (const sourcePath of index.referencingPaths?.(id) ?? []) if (sourcePath !== parent.note.path) sources.push(sourcePath);
  } else if (id !== null) {
    for (const { sourcePath, reference } of index.referencesTo(id)) {
      if (sourcePath === parent.note.path || sourcePath === sources[sources.length - 1]) continue;
      sources.push(sourcePath);
      contexts.push(reference.context);
    }
  }
  const contextOf = (i: number): string | null =>
    fast && id !== null ? index.firstReference?.(sources[i], id)?.context ?? null : contexts[i];
  return {
    count: sources.length,
    make: (i) => {
      const record = index.note(sources[i]);
      const note: ChainNote = { id: record?.id ?? null, path: sources[i], title: record?.title ?? '', status: 'resolved', candidates: [] };
      return child(parent, note, contextOf(i));
    },
  };
}

function child(parent: BuildNode, note: ChainNote, context: string | null): BuildNode {
  return { note, parent, level: parent.level + 1, cycle: false, context, children: [], truncated: 0, direction: parent.direction };
}

function onPath(node: BuildNode | null, path: string): boolean {
  for (let at = node; at !== null; at = at.parent) if (at.note.path === path) return true;
  return false;
}

function freeze(node: BuildNode): ChainNode {
  return {
    ...node.note,
    cycle: node.cycle,
    context: node.context,
    children: node.children.map(freeze),
    truncated: node.truncated,
  };
}
