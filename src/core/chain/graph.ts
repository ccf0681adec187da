/**
 * A chain, or the whole vault, as a graph: each note or ID once, each reference once. The trees of
 * a chain repeat notes (one per branch) and mark cycles; a graph needs neither, so pictures
 * (Mermaid, Graphviz) and other tools get one node per note and an edge per "builds on".
 */
import { compareCodeUnits } from '../order';
import type { ChainNode, ChainNote, ChainResult } from './chain';
import type { IdIndexReader, ResolutionStatus } from '../types';

/** One note, or one ID that names no note or several. */
export interface GraphNode {
  /** The note's path, or the ID when it resolves to no single note (paths end in .md, IDs never do). */
  readonly key: string;
  readonly id: string | null;
  readonly path: string | null;
  readonly title: string;
  readonly status: ResolutionStatus;
}

/** `from` builds on `to`: the note `from` mentions the ID of `to`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

export interface ChainGraph {
  /** The key of the start note; null for the whole vault's graph. */
  readonly root: string | null;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

function keyOf(note: ChainNote): string {
  return note.path ?? note.id ?? ''; // a note has a path or an ID; '' only satisfies the type
}

function graphNode(note: ChainNote): GraphNode {
  return { key: keyOf(note), id: note.id, path: note.path, title: note.title, status: note.status };
}

/** Collects nodes and edges once each, in order of first appearance. */
class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  add(note: ChainNote): string {
    const key = keyOf(note);
    if (!this.nodes.has(key)) this.nodes.set(key, graphNode(note));
    return key;
  }

  /** No caller passes a note's edge to itself (chains have none; vaultGraph skips them); this holds it anyway. */
  link(from: string, to: string): void {
    const key = `${from}\u0000${to}`;
    if (from !== to && !this.edges.has(key)) this.edges.set(key, { from, to });
  }

  build(root: string | null): ChainGraph {
    return { root, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/**
 * The chain as a graph, breadth-first from the start note: "Builds on" entries as edges from
 * parent to child, "Built on by" entries as edges from child to parent. A cycle entry is an edge to
 * a node already there, which is what a cycle is.
 */
export function chainGraph(result: ChainResult): ChainGraph {
  const builder = new GraphBuilder();
  const root = builder.add(result.root);
  const queue: { parent: string; node: ChainNode; direction: 'out' | 'in' }[] = [
    ...result.out.map((node) => ({ parent: root, node, direction: 'out' as const })),
    ...result.in.map((node) => ({ parent: root, node, direction: 'in' as const })),
  ];
  for (let head = 0; head < queue.length; head++) {
    const { parent, node, direction } = queue[head];
    const key = builder.add(node);
    if (direction === 'out') builder.link(parent, key);
    else builder.link(key, parent);
    for (const child of node.children) queue.push({ parent: key, node: child, direction });
  }
  return builder.build(root);
}

/**
 * Every note of the vault and every reference between notes: notes sorted by path, each note's
 * references in order of first mention, once per ID, self-references left out. An ID that names
 * no note or several is a node of its own.
 */
export function vaultGraph(index: IdIndexReader): ChainGraph {
  const builder = new GraphBuilder();
  const notes = [...index.notes()].sort((a, b) => compareCodeUnits(a.path, b.path));
  const resolved = new Map<string, ChainNote>();
  const noteFor = (id: string): ChainNote => {
    let note = resolved.get(id);
    if (note === undefined) {
      const resolution = index.resolve(id);
      const record = resolution.status === 'resolved' ? index.note(resolution.paths[0]) : undefined;
      // A resolved ID's owner always has a record; 'unresolved' only covers the type.
      note =
        record === undefined
          ? { id, path: null, title: '', status: resolution.status === 'resolved' ? 'unresolved' : resolution.status, candidates: resolution.paths }
          : { id: record.id, path: record.path, title: record.title, status: 'resolved', candidates: [] };
      resolved.set(id, note);
    }
    return note;
  };
  for (const record of notes) builder.add({ ...record, status: 'resolved', candidates: [] });
  for (const record of notes) {
    for (const reference of index.referencesOf(record.path)) {
      if (reference.id === record.id) continue;
      const target = noteFor(reference.id);
      if (target.path === record.path) continue;
      builder.link(record.path, builder.add(target));
    }
  }
  return builder.build(null);
}
