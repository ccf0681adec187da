/** @jest-environment jsdom */
/**
 * The decoration pass reads only the definitions that may reach the lines it reads
 * (documentDefinitions with `near`): for every position there, they must say what all of the
 * note's definitions say, whether a definition holds it and whether one opens at it. And it reads
 * none for an ID where definitionLineNear says no definition may hold it: none may.
 */
import fc from 'fast-check';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { definitionLineNear, definitionLines, documentDefinitions, insideDefinition } from '../../src/editor/definitionLines';
import { languageFor, scannedBareIds, TREE_SHAPES } from './setup';

const ID = '202108191025';
const line = fc.constantFrom(
  '', '', '', `text ${ID}`, 'more text', '> quoted', '- item', '```', '# Heading',
  `[ref]: /u "t ${ID}"`, '[a]: /u', `[b]: ${ID}.md`, '"a title"', `'t ${ID}'`, '[see', `${ID}]: /u`, `[see\n${ID}\nmore]: /u`, `[c]:\n/dest\n"a\ntitle ${ID}"`, '> [q]: /u', '- [l]: /u', '[c]:', '/dest',
);
// Runs of definitions one after another, longer than a definition reaches (64 lines), so that
// what is read near a window depends on definitions far above it.
const definitionRun = fc.array(fc.constantFrom('[a]: /u', `[b]: ${ID}.md`, `[ref]: /u "t ${ID}"`), { minLength: 1, maxLength: 90, size: 'max' });
const block = fc.oneof({ weight: 3, arbitrary: line.map((one) => [one]) }, { weight: 1, arbitrary: definitionRun });
const note = fc.array(block, { minLength: 1, maxLength: 12, size: 'max' }).map((blocks) => blocks.flat().join('\n'));

describe.each(TREE_SHAPES)('definitions near the lines read, on the %s tree', (shape) => {
  test('say what all the definitions say about each position in reach', () => {
    fc.assert(
      // The window: where it starts, in thousandths of the note, and how long it is.
      fc.property(note, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), (doc, at, length) => {
        const state = EditorState.create({ doc, extensions: [languageFor(shape), definitionLines] });
        const tree = ensureSyntaxTree(state, doc.length, 10_000);
        if (tree === null) throw new Error('no tree');
        const from = Math.floor((doc.length * at) / 1000);
        const to = Math.min(doc.length, from + length);
        const all = documentDefinitions(state, tree, 0);
        const near = documentDefinitions(state, tree, 0, { from, to });
        for (let pos = from; pos <= to; pos++) {
          expect({ pos, inside: insideDefinition(near, pos), opens: near.opens.has(pos) }).toStrictEqual({ pos, inside: insideDefinition(all, pos), opens: all.opens.has(pos) });
          if (insideDefinition(all, pos)) expect({ pos, mayHold: definitionLineNear(state, pos) }).toStrictEqual({ pos, mayHold: true });
        }
        // A window that ends at a definition's `[`, whose label may close lines below it, and one
        // on a definition's last character, which may stand lines below its label.
        // (Every eighth: each reading walks back over the definitions before it.)
        for (let i = 0; i < all.spans.length; i += 16) {
          const open = all.spans[i];
          expect({ open, near: documentDefinitions(state, tree, 0, { from: open, to: open }).opens.has(open) }).toStrictEqual({ open, near: true });
        }
        for (let i = 1; i < all.spans.length; i += 16) {
          const last = all.spans[i] - 1;
          expect({ last, inside: insideDefinition(documentDefinitions(state, tree, 0, { from: last, to: last }), last) }).toStrictEqual({ last, inside: true });
          expect({ last, mayHold: definitionLineNear(state, last) }).toStrictEqual({ last, mayHold: true });
        }
      }),
      { seed: Number(process.env.EDITOR_DEFINITION_SEED ?? 20261207), numRuns: Number(process.env.EDITOR_DEFINITION_RUNS ?? 60) },
    );
  });

  test('a title running past the lines read for a definition (64 after its label) is prose there, a departure from the scanner', () => {
    // So that a keystroke never costs a whole paragraph; the scanner reads the title to its end.
    const holdsId = (titleLines: number, before = ''): { inside: boolean; labels: string[]; scannerBare: string[] } => {
      const doc = `${before}[ref]: /u\n"t${'\na'.repeat(titleLines)}\n${ID}"\n\n[see][ref]`;
      const state = EditorState.create({ doc, extensions: [languageFor(shape), definitionLines] });
      const tree = ensureSyntaxTree(state, doc.length, 10_000);
      if (tree === null) throw new Error('no tree');
      const all = documentDefinitions(state, tree, 0);
      return { inside: insideDefinition(all, doc.indexOf(ID)), labels: [...all.labels], scannerBare: scannedBareIds(doc) };
    };
    expect(holdsId(62)).toStrictEqual({ inside: true, labels: ['REF'], scannerBare: [] });
    expect(holdsId(63)).toStrictEqual({ inside: false, labels: ['REF'], scannerBare: [] });
    // Right after another definition, whose lines are read once with the lines after it.
    expect(holdsId(63, '[a]: /u\n')).toStrictEqual({ inside: false, labels: ['A', 'REF'], scannerBare: [] });
  });
});
