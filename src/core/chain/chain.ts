/** The principle chain: the notes a note builds on (outgoing) and the notes built on it (incoming), as trees. */
import type { IdIndexReader, IndexedReference, NoteCursor, ResolutionStatus } from '../types';

/** Which trees to build: what the note builds on, what builds on it, or both. */
export type ChainDirection = 'out' | 'in' | 'both';

/** How far and how wide a chain goes. */
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

/** One entry of a chain tree. */
export interface ChainNode extends ChainNote {
  /** Already on the path from the root: shown, never expanded again. */
  readonly cycle: boolean;
  /**
   * The line the reference stands in, trimmed around the ID: in the parent note for outgoing
   * children, in this (referencing) note for incoming children.
   */
  readonly context: string | null;
  /**
   * How many times the referencing note mentions the reference: the parent note naming this
   * entry (outgoing), or this note naming its parent (incoming).
   */
  readonly mentions: number;
  readonly children: readonly ChainNode[];
  /** Children left out by maxChildren or maxNodes. */
  readonly truncated: number;
}

/** Both trees of a chain, with what was left out. */
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

/**
 * Optional fast paths an index may offer (IdIndex does), so edges are found without materialising
 * every reference, and context lines are computed only for the entries someone reads.
 */
export interface ChainIndex extends IdIndexReader {
  referencingPaths?(id: string): readonly string[];
  firstReference?(path: string, id: string): IndexedReference | undefined;
  referenceCount?(path: string, id: string): number;
  cursor?(path: string): NoteCursor;
}

/** Enough for any view to stay responsive on a 100k-note vault, far more than a reader scans. */
export const DEFAULT_MAX_NODES = 10_000;

interface BuildNode {
  note: ChainNote;
  parent: BuildNode | null;
  level: number;
  cycle: boolean;
  context: ContextSource;
  mentions: number;
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
  const depth = countOption(options.depth, 0);
  const maxChildren = countOption(options.maxChildren, Infinity);
  let budget = countOption(options.maxNodes, DEFAULT_MAX_NODES);
  let capped = false;
  const edges = new EdgeCache(index);
  const root = 'path' in start ? edges.noteAtPath(start.path) : edges.noteForId(start.id);
  const tops: BuildNode[] = [];
  if (options.direction !== 'in') tops.push(pseudoRoot(root, 'out'));
  if (options.direction !== 'out') tops.push(pseudoRoot(root, 'in'));

  const queue: BuildNode[] = [...tops];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node.level >= depth || node.cycle || !expandable(node)) continue;
    const edgeList = node.direction === 'out' ? edges.outgoing(node.note) : edges.incoming(node.note);
    const kept = Math.min(edgeList.length, maxChildren, budget);
    for (let i = 0; i < kept; i++) {
      const child = edges.child(node, edgeList, i);
      child.cycle = child.note.path !== null && onPath(node, child.note.path);
      node.children.push(child);
      queue.push(child);
    }
    budget -= kept;
    node.truncated = edgeList.length - kept;
    if (kept < Math.min(edgeList.length, maxChildren)) capped = true;
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

/** A whole, non-negative count; a missing or non-numeric one falls back (NaN must not mean "unlimited"). */
function countOption(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return value === Infinity ? Infinity : Math.max(0, Math.floor(value));
}

function pseudoRoot(root: ChainNote, direction: 'out' | 'in'): BuildNode {
  return { note: root, parent: null, level: 0, cycle: false, context: null, mentions: 0, children: [], truncated: 0, direction };
}

/** Notes expand; IDs expand only at the root, where an unresolved or ambiguous ID still has incoming references. */
function expandable(node: BuildNode): boolean {
  if (node.note.status === 'resolved') return true;
  return node.parent === null && node.direction === 'in' && node.note.id !== null;
}

/** Where a child's context line is: a function computing it when first read, or the line itself. */
type ContextSource = (() => string | null) | string | null;

/** The children of one note in one direction: notes, where their context lines come from, and counts. */
interface EdgeList {
  readonly length: number;
  note(i: number): ChainNote;
  context(i: number): ContextSource;
  mentions(i: number): number;
}

/**
 * Edges and notes looked up once per chain: in a real vault the same notes recur in many branches
 * (paths are not shared, so cycle marks stay per branch), and a 100k-note chain at depth 10 would
 * otherwise redo the same lookups thousands of times.
 */
class EdgeCache {
  private readonly byId = new Map<string, ChainNote>();
  private readonly byPath = new Map<string, ChainNote>();
  private readonly out = new Map<string, EdgeList>();
  private readonly in = new Map<string, EdgeList>();

  constructor(private readonly index: ChainIndex) {}

  noteForId(id: string): ChainNote {
    let note = this.byId.get(id);
    if (note === undefined) {
      const resolution = this.index.resolve(id);
      note =
        resolution.status === 'resolved'
          ? this.noteAtPath(resolution.paths[0])
          : { id, path: null, title: '', status: resolution.status, candidates: resolution.paths };
      this.byId.set(id, note);
    }
    return note;
  }

  /** The note at a path; a path the index does not hold is an unresolved start with no ID. */
  noteAtPath(path: string): ChainNote {
    let note = this.byPath.get(path);
    if (note === undefined) {
      const record = this.index.note(path);
      note =
        record === undefined
          ? { id: null, path, title: '', status: 'unresolved', candidates: [] }
          : { id: record.id, path: record.path, title: record.title, status: 'resolved', candidates: [] };
      this.byPath.set(path, note);
    }
    return note;
  }

  /** What the note references: one edge per ID, in order of first reference, never itself. */
  outgoing(parent: ChainNote): EdgeList {
    const path = parent.path;
    if (path === null) return NO_EDGES;
    let edges = this.out.get(path);
    if (edges === undefined) {
      edges = this.index.cursor !== undefined ? this.outgoingByCursor(path, this.index.cursor(path)) : this.outgoingByReferences(path, parent);
      this.out.set(path, edges);
    }
    return edges;
  }

  /**
   * The notes referencing the note's ID, by path, once each. An owner of the ID referencing it is
   * a self-reference (with a duplicate ID, every owner's mention of it is), so owners never count.
   */
  incoming(parent: ChainNote): EdgeList {
    const id = parent.id;
    if (id === null) return NO_EDGES;
    let edges = this.in.get(id);
    if (edges === undefined) {
      edges = this.incomingEdges(id, new Set(this.index.resolve(id).paths));
      this.in.set(id, edges);
    }
    return edges;
  }

  child(parent: BuildNode, edges: EdgeList, i: number): BuildNode {
    const note = edges.note(i);
    return {
      note,
      parent,
      level: parent.level + 1,
      cycle: false,
      context: edges.context(i),
      mentions: edges.mentions(i),
      children: [],
      truncated: 0,
      direction: parent.direction,
    };
  }

  /**
   * Counts the note's distinct IDs first (as numbers: each ID's first reference is flagged), and
   * makes the strings only of those a child is made for: a huge note may reference tens of
   * thousands of IDs of which the node budget keeps a few.
   */
  private outgoingByCursor(path: string, cursor: NoteCursor): EdgeList {
    const counted = (at: NoteCursor): boolean => at.counts() && at.idSlot !== at.ownIdSlot;
    let length = 0;
    const mentions = new Map<number, number>();
    while (cursor.next()) {
      if (!counted(cursor)) continue;
      if (cursor.isFirst) length++;
      mentions.set(cursor.idSlot, (mentions.get(cursor.idSlot) ?? 0) + 1);
    }
    cursor.rewind();
    const walker = cursor;
    const notes: ChainNote[] = [];
    const ids: string[] = [];
    const slots: number[] = [];
    const take = (i: number): void => {
      while (notes.length <= i && walker.next()) {
        if (!walker.isFirst || !counted(walker)) continue;
        const id = walker.id();
        ids.push(id);
        slots.push(walker.idSlot);
        notes.push(this.noteForReference(id, walker));
      }
    };
    return {
      length,
      note: (i) => (take(i), notes[i]),
      context: (i) => (take(i), this.firstContext(path, ids[i])),
      mentions: (i) => (take(i), mentions.get(slots[i]) ?? 0),
    };
  }

  /** The note a reference's ID names, resolved from the cursor standing on it (no lookup by ID). */
  private noteForReference(id: string, at: NoteCursor): ChainNote {
    let note = this.byId.get(id);
    if (note === undefined) {
      const status = at.status;
      const owner = at.ownerPath();
      note =
        status === 'resolved' && owner !== null
          ? this.noteAtPath(owner)
          : { id, path: null, title: '', status, candidates: status === 'ambiguous' ? this.index.resolve(id).paths : [] };
      this.byId.set(id, note);
    }
    return note;
  }

  private outgoingByReferences(path: string, parent: ChainNote): EdgeList {
    const firsts: IndexedReference[] = [];
    const counts = new Map<string, number>();
    for (const reference of this.index.referencesOf(path)) {
      if (reference.id === parent.id) continue;
      const seen = counts.get(reference.id);
      counts.set(reference.id, (seen ?? 0) + 1);
      if (seen === undefined) firsts.push(reference);
    }
    return {
      length: firsts.length,
      note: (i) => this.noteForId(firsts[i].id),
      context: (i) => firsts[i].context,
      mentions: (i) => counts.get(firsts[i].id) ?? 0,
    };
  }

  /** The context of the note's first reference to the ID, computed when someone reads it. */
  private firstContext(path: string, id: string): ContextSource {
    const { index } = this;
    return index.firstReference === undefined ? null : () => index.firstReference?.(path, id)?.context ?? null;
  }

  private incomingEdges(id: string, owners: ReadonlySet<string>): EdgeList {
    const { index } = this;
    const sources: string[] = [];
    if (index.referencingPaths !== undefined && index.firstReference !== undefined && index.referenceCount !== undefined) {
      const referenceCount = index.referenceCount.bind(index);
      for (const sourcePath of index.referencingPaths(id)) if (!owners.has(sourcePath)) sources.push(sourcePath);
      return {
        length: sources.length,
        note: (i) => this.noteAtPath(sources[i]),
        context: (i) => this.firstContext(sources[i], id),
        mentions: (i) => referenceCount(sources[i], id),
      };
    }
    const contexts: string[] = [];
    const counts: number[] = [];
    for (const { sourcePath, reference } of index.referencesTo(id)) {
      if (owners.has(sourcePath)) continue;
      if (sourcePath === sources[sources.length - 1]) {
        counts[counts.length - 1]++;
        continue;
      }
      sources.push(sourcePath);
      contexts.push(reference.context);
      counts.push(1);
    }
    return { length: sources.length, note: (i) => this.noteAtPath(sources[i]), context: (i) => contexts[i], mentions: (i) => counts[i] };
  }
}

const NO_EDGES: EdgeList = { length: 0, note: () => NO_NOTE, context: () => null, mentions: () => 0 };
const NO_NOTE: ChainNote = { id: null, path: null, title: '', status: 'unresolved', candidates: [] };

function onPath(node: BuildNode | null, path: string): boolean {
  for (let at = node; at !== null; at = at.parent) if (at.note.path === path) return true;
  return false;
}

/**
 * A chain entry as a plain object whose `context` is read through a getter: the line is computed
 * when read, because a chain holds up to 10,000 entries while a view draws a few hundred, and on a
 * scanned index each line is recomputed from its note's text (so a redraw shows the text as it is
 * now). The getter is an own enumerable property, so the entry compares and serialises with its
 * context like any plain object.
 */
function freeze(node: BuildNode): ChainNode {
  const { note } = node;
  const frozen = { id: note.id, path: note.path, title: note.title, status: note.status, candidates: note.candidates, cycle: node.cycle };
  Object.defineProperty(frozen, CONTEXT_SOURCE, { value: node.context });
  Object.defineProperty(frozen, 'context', { get: readContext, enumerable: true });
  return Object.assign(frozen, { mentions: node.mentions, children: node.children.map(freeze), truncated: node.truncated }) as unknown as ChainNode;
}

const CONTEXT_SOURCE = Symbol('context source');

function readContext(this: { readonly [CONTEXT_SOURCE]: ContextSource }): string | null {
  const source = this[CONTEXT_SOURCE];
  return typeof source === 'function' ? source() : source;
}

/**
 * How many notes cite an ID, its owners' mentions of it left out (0 for none): asked only for the
 * entries a view draws, so a 10,000-node chain does not pay for counts nobody sees. Memoised per
 * counter; make a new one after the index changes.
 */
export function createCitationCounter(index: ChainIndex): (id: string) => number {
  const counts = new Map<string, number>();
  return (id) => {
    let count = counts.get(id);
    if (count === undefined) {
      count = 0;
      const owners = new Set(index.resolve(id).paths);
      if (index.referencingPaths !== undefined) {
        for (const path of index.referencingPaths(id)) if (!owners.has(path)) count++;
      } else {
        let last: string | null = null;
        for (const { sourcePath } of index.referencesTo(id)) {
          if (sourcePath !== last && !owners.has(sourcePath)) count++;
          last = sourcePath;
        }
      }
      counts.set(id, count);
    }
    return count;
  };
}
