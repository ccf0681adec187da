/** The chain's public shapes: where it starts, how far it goes, and the trees it returns. */
import type { IdIndexReader, IndexGraph, ResolutionStatus } from '../types';

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
  /** The notes citing an ID, once each (citation counts). */
  referencingPaths?(id: string): readonly string[];
  /** The index as numbers: edges then cost array reads, not lookups by path or ID. */
  graph?(): IndexGraph;
}

/** Enough for any view to stay responsive on a 100k-note vault, far more than a reader scans. */
export const DEFAULT_MAX_NODES = 10_000;
