/**
 * Edges read through the index's reader interface alone, for an index without a graph (IdIndex has
 * one, and GraphEdges reads it): tests hold both to the same chains.
 */
import type { IndexedReference } from '../types';
import { NO_EDGES, noKey, type BuildNode, type EdgeList, type Edges } from './edges';
import type { ChainIndex, ChainNote } from './types';

/**
 * Edges and notes looked up once per chain: in a real vault the same notes recur in many branches
 * (paths are not shared, so cycle marks stay per branch), and a 100k-note chain at depth 10 would
 * otherwise redo the same lookups thousands of times.
 */
export class EdgeCache implements Edges {
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
      edges = this.outgoingByReferences(path, parent);
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

  private incomingEdges(id: string, owners: ReadonlySet<string>): EdgeList {
    const { index } = this;
    const sources: string[] = [];
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
