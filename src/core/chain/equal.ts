/** Whether two chains are the same, field by field with an early exit: no serialised copies. */
import type { ChainNode, ChainNote, ChainResult } from './chain';

function sameNote(a: ChainNote, b: ChainNote): boolean {
  return (
    a.id === b.id &&
    a.path === b.path &&
    a.title === b.title &&
    a.status === b.status &&
    a.candidates.length === b.candidates.length &&
    a.candidates.every((candidate, i) => candidate === b.candidates[i])
  );
}

function sameNodes(a: readonly ChainNode[], b: readonly ChainNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!sameNote(x, y) || x.cycle !== y.cycle || x.context !== y.context || x.mentions !== y.mentions || x.truncated !== y.truncated) return false;
    if (!sameNodes(x.children, y.children)) return false;
  }
  return true;
}

export function sameChain(a: ChainResult, b: ChainResult): boolean {
  return (
    sameNote(a.root, b.root) &&
    a.direction === b.direction &&
    a.depth === b.depth &&
    a.outTruncated === b.outTruncated &&
    a.inTruncated === b.inTruncated &&
    a.capped === b.capped &&
    sameNodes(a.out, b.out) &&
    sameNodes(a.in, b.in)
  );
}

/** Every ID and every note path in the chain, the root's included: what a change to the index can touch. */
export function chainMembers(result: ChainResult): { ids: Set<string>; paths: Set<string> } {
  const ids = new Set<string>();
  const paths = new Set<string>();
  const add = (note: ChainNote): void => {
    if (note.id !== null) ids.add(note.id);
    if (note.path !== null) paths.add(note.path);
    for (const candidate of note.candidates) paths.add(candidate);
  };
  add(result.root);
  const stack = [...result.out, ...result.in];
  while (stack.length > 0) {
    const node = stack.pop() as ChainNode;
    add(node);
    stack.push(...node.children);
  }
  return { ids, paths };
}
