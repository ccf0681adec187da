import fc from 'fast-check';
import { buildChain, type ChainNode } from '../../../src/core/chain/chain';
import { facts } from '../index/helpers';
import { sampleIndex } from './sample';

// A handful of notes (two share an ID) referencing random IDs, some of which name no note.
const IDS = ['202101010000', '202101010001', '202101010002', '202101010003', '202101010004', '202101010005'];
const NOTE_IDS = [IDS[0], IDS[1], IDS[2], IDS[3], IDS[3]];

const vault = fc
  .array(fc.array(fc.constantFrom(...IDS), { maxLength: 6 }), { minLength: NOTE_IDS.length, maxLength: NOTE_IDS.length })
  .map((referenceLists) => referenceLists.map((references, i) => facts(`n${i}.md`, NOTE_IDS[i], references)));

function walk(nodes: readonly ChainNode[], visit: (node: ChainNode, ancestors: readonly ChainNode[]) => void, ancestors: ChainNode[] = []): void {
  for (const node of nodes) {
    visit(node, ancestors);
    walk(node.children, visit, [...ancestors, node]);
  }
}

describe('chain properties', () => {
  test('trees are bounded, cycle-safe, duplicate-free, and the two directions mirror each other', () => {
    fc.assert(
      fc.property(vault, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 }), (notes, depth, start) => {
        const index = sampleIndex(notes);
        const root = notes[start];
        const result = buildChain(index, { path: root.path }, { depth, direction: 'both' });
        for (const tree of [result.out, result.in]) {
          walk(tree, (node, ancestors) => {
            const onPath = [root.path, ...ancestors.map((a) => a.path)];
            expect(ancestors.length).toBeLessThan(depth);
            // A note on its own path is marked and never expanded; anything else is not marked.
            expect(node.cycle).toBe(node.path !== null && onPath.includes(node.path));
            if (node.cycle || node.status !== 'resolved') expect(node.children).toStrictEqual([]);
            const keys = node.children.map((child) => child.path ?? child.id);
            expect(new Set(keys).size).toBe(keys.length);
            expect(node.children.some((child) => child.path === node.path && child.path !== null)).toBe(false);
          });
          const keys = tree.map((child) => child.path ?? child.id);
          expect(new Set(keys).size).toBe(keys.length);
        }
        if (depth >= 1) {
          // B builds on A directly exactly when A is built on by B directly (resolved notes only).
          for (const child of result.out.filter((node) => node.status === 'resolved')) {
            const back = buildChain(index, { path: child.path as string }, { depth: 1, direction: 'in' });
            expect(back.in.map((node) => node.path)).toContain(root.path);
          }
          for (const child of result.in) {
            const forward = buildChain(index, { path: child.path as string }, { depth: 1, direction: 'out' });
            expect(forward.out.map((node) => node.id)).toContain(root.id);
          }
        }
        expect(buildChain(index, { path: root.path }, { depth, direction: 'both' })).toStrictEqual(result);
      }),
      { seed: 424242, numRuns: 250 },
    );
  });
});
