/** @jest-environment jsdom */
import fc from 'fast-check';
import type { EditorView } from '@codemirror/view';
import { decorated, edit, editorWithLinks, testHost, TREE_SHAPES } from './setup';

// Pieces that make and break IDs and the syntax around them.
const PIECES = ['202108191025', '202104291524', '2', 'x', ' ', '\n', '\n\n', '`', '```\n', '[[', ']]', '[', ']', '(x)', '$', '%%', '#', '<b ', '>', 'http://a/', '---\n', 'word ', '<pre>', '</pre>', '> ', '- ', '    ', '<!--', '-->'];

const randomEdit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 4 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((parts) => parts.join('')),
});

describe.each(TREE_SHAPES)('decorations after edits on the %s tree', (shape) => {
  test('equal those of a fresh editor on the same text', () => {
    const host = testHost(['202108191025 Teams.md']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.array(randomEdit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const views: EditorView[] = [];
        try {
          const view = editorWithLinks(start.join(''), host, [], shape);
          views.push(view);
          for (const { at, remove, insert } of edits) {
            const length = view.state.doc.length;
            const from = length === 0 ? 0 : at % (length + 1);
            edit(view, from, Math.min(length, from + remove), insert);
            const fresh = editorWithLinks(view.state.doc.toString(), host, [], shape);
            views.push(fresh);
            expect(decorated(view)).toStrictEqual(decorated(fresh));
          }
        } finally {
          views.forEach((v) => v.destroy());
        }
      }),
      { seed: 20211019, numRuns: 60 },
    );
  });
});
