/** The principle chain: the notes a note builds on (outgoing) and the notes built on it (incoming), as trees. */
import type { IdIndexReader, IndexedReference, IndexGraph, NoteCursor, ResolutionStatus } from '../types';

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
  /** The index as numbers: edges then cost array reads, not lookups by path or ID. */
  graph?(): IndexGraph;
}

/** Enough for any view to stay responsive on a 100k-note vault, far more than a reader scans. */
export const DEFAULT_MAX_NODES = 10_000;

interface BuildNode {
  note: ChainNote;
  /** The note's number in the index's graph; -1 without a graph or for an ID no single note owns. */
  key: number;
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
  const edges: Edges = index.graph !== undefined ? new GraphEdges(index, index.graph()) : new EdgeCache(index);
  const root = 'path' in start ? edges.noteAtPath(start.path) : edges.noteForId(start.id);
  const tops: BuildNode[] = [];
  const rootKey = edges.keyOf(root);
  if (options.direction !== 'in') tops.push(pseudoRoot(root, rootKey, 'out'));
  if (options.direction !== 'out') tops.push(pseudoRoot(root, rootKey, 'in'));

  const queue: BuildNode[] = [...tops];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node.level >= depth || node.cycle || !expandable(node)) continue;
    const edgeList = node.direction === 'out' ? edges.outgoing(node) : edges.incoming(node);
    const kept = Math.min(edgeList.length, maxChildren, budget);
    for (let i = 0; i < kept; i++) {
      const child = childOf(node, edgeList, i);
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

function pseudoRoot(root: ChainNote, key: number, direction: 'out' | 'in'): BuildNode {
  return { note: root, key, parent: null, level: 0, cycle: false, context: null, mentions: 0, children: [], truncated: 0, direction };
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
  /** The child note's number in the graph (see BuildNode.key). */
  key(i: number): number;
  context(i: number): ContextSource;
  mentions(i: number): number;
}

function childOf(parent: BuildNode, edges: EdgeList, i: number): BuildNode {
  return {
    note: edges.note(i),
    key: edges.key(i),
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

/** Where a chain's notes and edges come from. */
interface Edges {
  noteForId(id: string): ChainNote;
  /** The note at a path; a path the index does not hold is an unresolved start with no ID. */
  noteAtPath(path: string): ChainNote;
  /** The note's number in the graph, for the root (see BuildNode.key). */
  keyOf(note: ChainNote): number;
  /** What the note references: one edge per ID, in order of first reference, never itself. */
  outgoing(parent: BuildNode): EdgeList;
  /**
   * The notes referencing the note's ID, by path, once each. An owner of the ID referencing it is
   * a self-reference (with a duplicate ID, every owner's mention of it is), so owners never count.
   */
  incoming(parent: BuildNode): EdgeList;
}

/**
 * Edges and notes looked up once per chain: in a real vault the same notes recur in many branches
 * (paths are not shared, so cycle marks stay per branch), and a 100k-note chain at depth 10 would
 * otherwise redo the same lookups thousands of times.
 */
class EdgeCache implements Edges {
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

  keyOf(): number {
    return -1;
  }

  /** What the note references: one edge per ID, in order of first reference, never itself. */
  outgoing({ note: parent }: BuildNode): EdgeList {
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
  incoming({ note: parent }: BuildNode): EdgeList {
    const id = parent.id;
    if (id === null) return NO_EDGES;
    let edges = this.in.get(id);
    if (edges === undefined) {
      edges = this.incomingEdges(id, new Set(this.index.resolve(id).paths));
      this.in.set(id, edges);
    }
    return edges;
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
      key: noKey,
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
      key: noKey,
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
        key: noKey,
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
    return { length: sources.length, note: (i) => this.noteAtPath(sources[i]), key: noKey, context: (i) => contexts[i], mentions: (i) => counts[i] };
  }
}

/**
 * Edges from an index's graph (IdIndex): notes and IDs are numbers from the start note on, so a
 * 10,000-entry chain makes no lookup by path or ID and no string but the entries' own.
 */
class GraphEdges implements Edges {
  private readonly notes = new Map<number, ChainNote>();
  /** Notes for IDs no single note owns, by the ID's number. */
  private readonly idNotes = new Map<number, ChainNote>();
  private readonly out = new Map<number, EdgeList>();
  private readonly in = new Map<number, EdgeList>();

  constructor(
    private readonly index: ChainIndex,
    readonly graph: IndexGraph,
  ) {}

  noteForId(id: string): ChainNote {
    const resolution = this.index.resolve(id);
    if (resolution.status === 'resolved') return this.noteAtPath(resolution.paths[0]);
    return { id, path: null, title: '', status: resolution.status, candidates: resolution.paths };
  }

  noteAtPath(path: string): ChainNote {
    const note = this.graph.noteOf(path);
    return note === -1 ? { id: null, path, title: '', status: 'unresolved', candidates: [] } : this.noteAt(note);
  }

  keyOf(note: ChainNote): number {
    return note.path === null ? -1 : this.graph.noteOf(note.path);
  }

  outgoing(parent: BuildNode): EdgeList {
    const from = parent.key;
    if (from === -1) return NO_EDGES;
    let edges = this.out.get(from);
    if (edges === undefined) {
      edges = new GraphEdgeList(this, true, from, this.graph.outgoingCount(from));
      this.out.set(from, edges);
    }
    return edges;
  }

  incoming(parent: BuildNode): EdgeList {
    const { note, key } = parent;
    if (note.id === null) return NO_EDGES;
    const id = key === -1 ? this.graph.idOf(note.id) : this.graph.ownId(key);
    if (id === -1) return NO_EDGES;
    let edges = this.in.get(id);
    if (edges === undefined) {
      edges = new GraphEdgeList(this, false, id, -1);
      this.in.set(id, edges);
    }
    return edges;
  }

  noteAt(number: number): ChainNote {
    let note = this.notes.get(number);
    if (note === undefined) {
      const { graph } = this;
      const own = graph.ownId(number);
      note = { id: own === -1 ? null : graph.idString(own), path: graph.path(number), title: graph.title(number), status: 'resolved', candidates: [] };
      this.notes.set(number, note);
    }
    return note;
  }

  /** The note an ID names: its owner's, or one for the ID itself when no single note owns it. */
  noteForIdNumber(id: number): ChainNote {
    const owner = this.ownerOf(id);
    if (owner !== -1) return this.noteAt(owner);
    let note = this.idNotes.get(id);
    if (note === undefined) {
      const { graph } = this;
      const string = graph.idString(id);
      const status = graph.status(id);
      note = { id: string, path: null, title: '', status, candidates: status === 'ambiguous' ? this.index.resolve(string).paths : [] };
      this.idNotes.set(id, note);
    }
    return note;
  }

  /** The one note owning the ID, or -1. */
  ownerOf(id: number): number {
    return this.graph.owner(id);
  }
}

/**
 * One note's outgoing edges (the IDs it references) or one ID's incoming edges (the notes citing
 * it). Outgoing edges are counted first and listed only when a child is made: past the node
 * budget, a note's edges are only counted (for `truncated`).
 */
class GraphEdgeList implements EdgeList {
  private list: { readonly keys: readonly number[]; readonly mentions: readonly number[] } | null = null;
  readonly length: number;

  constructor(
    private readonly edges: GraphEdges,
    private readonly out: boolean,
    /** The note (outgoing) or the ID (incoming). */
    private readonly at: number,
    length: number,
  ) {
    this.length = length === -1 ? this.listed().keys.length : length;
  }

  note(i: number): ChainNote {
    const key = this.listed().keys[i];
    return this.out ? this.edges.noteForIdNumber(key) : this.edges.noteAt(key);
  }

  key(i: number): number {
    const key = this.listed().keys[i];
    return this.out ? this.edges.ownerOf(key) : key;
  }

  context(i: number): ContextSource {
    const key = this.listed().keys[i];
    return this.out ? graphContext(this.edges.graph, this.at, key) : graphContext(this.edges.graph, key, this.at);
  }

  mentions(i: number): number {
    return this.listed().mentions[i];
  }

  private listed(): { readonly keys: readonly number[]; readonly mentions: readonly number[] } {
    if (this.list === null) {
      const { graph } = this.edges;
      if (this.out) {
        const { ids, mentions } = graph.outgoing(this.at);
        this.list = { keys: ids, mentions };
      } else {
        const { notes, mentions } = graph.incoming(this.at);
        this.list = { keys: notes, mentions };
      }
    }
    return this.list;
  }
}

/** A context read when wanted; made out here so it holds three values, not the chain's caches. */
function graphContext(graph: IndexGraph, note: number, id: number): ContextSource {
  return () => graph.context(note, id);
}

const NO_EDGES: EdgeList = { length: 0, note: () => NO_NOTE, key: noKey, context: () => null, mentions: () => 0 };

function noKey(): number {
  return -1;
}
const NO_NOTE: ChainNote = { id: null, path: null, title: '', status: 'unresolved', candidates: [] };

function onPath(node: BuildNode | null, path: string): boolean {
  for (let at = node; at !== null; at = at.parent) if (at.note.path === path) return true;
  return false;
}

/**
 * A chain entry whose `context` is read through a getter: the line is computed when read, because
 * a chain holds up to 10,000 entries while a view draws a few hundred, and on a scanned index each
 * line is recomputed from its note's text (so a redraw shows the text as it is now). The getter is
 * an own enumerable property, so the entry compares and serialises with its context like a plain
 * object with the same fields in the same order.
 */
function freeze(node: BuildNode): ChainNode {
  return new ChainEntry(node);
}

const CONTEXT_SOURCE = Symbol('context source');
// Shared descriptors: defining them per entry allocates nothing and keeps entries of one shape.
const CONTEXT_GETTER: PropertyDescriptor = { get: readContext, enumerable: true };
const HIDDEN_SOURCE: PropertyDescriptor = { value: null, writable: true, enumerable: false };

class ChainEntry {
  declare readonly id: string | null;
  declare readonly path: string | null;
  declare readonly title: string;
  declare readonly status: ResolutionStatus;
  declare readonly candidates: readonly string[];
  declare readonly cycle: boolean;
  declare readonly context: string | null;
  declare readonly mentions: number;
  declare readonly children: readonly ChainNode[];
  declare readonly truncated: number;
  declare [CONTEXT_SOURCE]: ContextSource;

  constructor(node: BuildNode) {
    const { note } = node;
    const self = this as { -readonly [K in keyof ChainEntry]: ChainEntry[K] };
    self.id = note.id;
    self.path = note.path;
    self.title = note.title;
    self.status = note.status;
    self.candidates = note.candidates;
    self.cycle = node.cycle;
    Object.defineProperty(this, 'context', CONTEXT_GETTER);
    Object.defineProperty(this, CONTEXT_SOURCE, HIDDEN_SOURCE);
    self[CONTEXT_SOURCE] = node.context;
    self.mentions = node.mentions;
    self.children = node.children.map(freeze);
    self.truncated = node.truncated;
  }
}

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
