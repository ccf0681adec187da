/** Edges read off the index's graph: notes and IDs as numbers, strings made only for the entries kept. */
import type { IndexGraph } from '../types';
import { NO_EDGES, type BuildNode, type ContextSource, type EdgeList, type Edges } from './edges';
import type { ChainIndex, ChainNote } from './types';

/**
 * Edges from an index's graph (IdIndex): notes and IDs are numbers from the start note on, so a
 * 10,000-entry chain makes no lookup by path or ID and no string but the entries' own.
 */
export class GraphEdges implements Edges {
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

  // The early returns below save lookups: the graph answers -1 or no edges for those cases too.
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
