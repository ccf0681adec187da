import fc from 'fast-check';
import { EditorState, Text, type StateField } from '@codemirror/state';
import { definitionLines } from '../../src/editor/definitionLines';
import type { KeptLine } from '../../src/editor/keptLines';
import { rawHtmlLines } from '../../src/editor/rawHtmlBlocks';

// Each kept field, the pieces its notes and edits are made of, and a document of many lines where
// every hundredth is of its kind, with a line of its kind to type.
const FIELDS: [string, StateField<readonly KeptLine[]>, string[], (n: number) => string, string][] = [
  ['the lines that may open or end a raw HTML block', rawHtmlLines, ['<pre>', '</pre>', '<style', '</STYLE>', '> ', '- ', '1. ', '  ', '\n', 'x', '<', '/'], (n) => (n % 100 === 0 ? '<pre>' : n % 100 === 50 ? '</pre>' : `line ${n}`), '<pre> '],
  ['the lines that may hold a link reference definition', definitionLines, ['[ref]', ']:', ':', '[', ']', '\\', ' /u', '> ', '- ', '   ', '\n', 'x', 'ref'], (n) => (n % 100 === 0 ? `[label ${n}]: /u` : `line ${n}`), '[x]: /y '],
];

describe.each(FIELDS)('%s, kept through edits', (_name, field, pieces, line, typed) => {
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((parts) => parts.join(''));
  const change = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });

  test('equal those read afresh from the edited text, whatever the edits (several ranges in one)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (start, edits) => {
        let state = EditorState.create({ doc: start, extensions: field });
        for (const ranges of edits) {
          const length = state.doc.length;
          // Changes in one transaction are sorted and disjoint, in the document before it.
          const points = ranges.map(({ at, remove, insert }) => ({ from: at % (length + 1), remove, insert })).sort((a, b) => a.from - b.from);
          const specs: { from: number; to: number; insert: string }[] = [];
          let free = 0;
          for (const { from, remove, insert } of points) {
            if (from < free) continue;
            const to = Math.min(length, from + remove);
            specs.push({ from, to, insert });
            free = to + 1;
          }
          state = state.update({ changes: specs }).state;
          const fresh = EditorState.create({ doc: state.doc, extensions: field });
          expect(state.field(field)).toStrictEqual(fresh.field(field));
        }
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });

  test('an edit reads only the lines it touches', () => {
    const doc = Array.from({ length: 10_000 }, (_, n) => line(n)).join('\n');
    let state = EditorState.create({ doc, extensions: field });
    const before = state.field(field);
    const lineReads = jest.spyOn(Text.prototype, 'line');
    const wholeReads = jest.spyOn(Text.prototype, 'iterLines');
    try {
      state = state.update({ changes: { from: state.doc.line(5_002).from, insert: typed } }).state;
      // The typed line is read again; the lines of the kind are moved, not read.
      expect(lineReads.mock.calls.length).toBeLessThanOrEqual(3);
      expect(wholeReads).not.toHaveBeenCalled();
    } finally {
      lineReads.mockRestore();
      wholeReads.mockRestore();
    }
    const after = state.field(field);
    expect(after).toHaveLength(before.length + 1);
    // Those before the edit are kept as they were.
    expect(after[0]).toBe(before[0]);
    expect(after[50]).toBe(before[50]);
  });

  test('an edit of a document with no line of the kind keeps the field as it was', () => {
    let state = EditorState.create({ doc: 'plain\ntext', extensions: field });
    const before = state.field(field);
    state = state.update({ changes: { from: 5, insert: ' more' } }).state;
    expect(state.field(field)).toBe(before);
  });
});
