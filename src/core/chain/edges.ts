/** What building a chain reads its edges through: the node being built, and one parent's children. */
import type { ChainNote } from './types';

export interface BuildNode {
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

/** Where a child's context line is: a function computing it when first read, or the line itself. */
export type ContextSource = (() => string | null) | string | null;

/** The children of one note in one direction: notes, where their context lines come from, and counts. */
export interface EdgeList {
  readonly length: number;
  note(i: number): ChainNote;
  /** The child note's number in the graph (see BuildNode.key). */
  key(i: number): number;
  context(i: number): ContextSource;
  mentions(i: number): number;
}

/** Where a chain's notes and edges come from. */
export interface Edges {
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

export const NO_EDGES: EdgeList = { length: 0, note: () => NO_NOTE, key: noKey, context: () => null, mentions: () => 0 };

/** Keys are read by GraphEdges alone, which never gets a list that gives this. */
export function noKey(): number {
  return -1;
}
export const NO_NOTE: ChainNote = { id: null, path: null, title: '', status: 'unresolved', candidates: [] };
