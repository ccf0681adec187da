/** Hand-built core chain nodes for tests of what consumes chains (shaping, views, blocks). */
import type { ChainNode, ChainResult } from '../../../src/core/chain/chain';

/** A core chain node with defaults (resolved, titled after its ID, one mention); override any field. */
export function coreNode(id: string | null, title: string, fields: Partial<ChainNode> = {}): ChainNode {
  return {
    id,
    path: id === null ? `${title}.md` : `${id} ${title}.md`,
    title,
    status: 'resolved',
    candidates: [],
    cycle: false,
    context: null,
    mentions: 1,
    children: [],
    truncated: 0,
    ...fields,
  };
}

/** A chain of both directions at depth 3 rooted at a resolved note, with nothing left out. */
export function coreResult(path: string, id: string | null, title: string, out: ChainNode[], incoming: ChainNode[] = []): ChainResult {
  return {
    root: { id, path, title, status: 'resolved', candidates: [] },
    direction: 'both',
    depth: 3,
    out,
    outTruncated: 0,
    in: incoming,
    inTruncated: 0,
    capped: false,
  };
}
