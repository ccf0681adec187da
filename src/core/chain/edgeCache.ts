/** Edges read through the index's reader interface, for an index without a graph. */
import type { IndexedReference, NoteCursor } from '../types';
import { NO_EDGES, noKey, type BuildNode, type ContextSource, type EdgeList, type Edges } from './edges';
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
