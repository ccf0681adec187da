/** The principle chain: the notes a note builds on (outgoing) and the notes built on it (incoming), as trees. */
import { EdgeCache } from './edgeCache';
import type { BuildNode, EdgeList, Edges } from './edges';
import { freeze } from './entry';
import { GraphEdges } from './graphEdges';
import { DEFAULT_MAX_NODES, type ChainIndex, type ChainNote, type ChainOptions, type ChainResult, type ChainStart } from './types';

export { DEFAULT_MAX_NODES } from './types';
export type { ChainDirection, ChainIndex, ChainNode, ChainNote, ChainOptions, ChainResult, ChainStart } from './types';

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
  // Both give the same chains (chain.test.ts and the IdIndex properties compare them); the graph's is the fast way.
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
      // An ID no single note owns has no path and no children, so it is never a cycle.
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
  return Math.max(0, Math.floor(value));
}

function pseudoRoot(root: ChainNote, key: number, direction: 'out' | 'in'): BuildNode {
  return { note: root, key, parent: null, level: 0, cycle: false, context: null, mentions: 0, children: [], truncated: 0, direction };
}

/**
 * Notes expand; IDs expand only at the root, where an unresolved or ambiguous ID still has incoming
 * references. Elsewhere an ID has no edges either way (both Edges say so), so this saves lookups only.
 */
function expandable(node: BuildNode): boolean {
  if (node.note.status === 'resolved') return true;
  return node.parent === null && node.direction === 'in' && node.note.id !== null;
}

function childOf(parent: BuildNode, edges: EdgeList, i: number): BuildNode {
  return {
    note: edges.note(i),
    key: edges.key(i),
    parent,
    level: parent.level + 1,
    cycle: false, // set by the caller; here so every node has one shape
    context: edges.context(i),
    mentions: edges.mentions(i),
    children: [],
    truncated: 0,
    direction: parent.direction,
  };
}

function onPath(node: BuildNode | null, path: string): boolean {
  for (let at = node; at !== null; at = at.parent) if (at.note.path === path) return true;
  return false;
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
