/** The syntax tree as diagnostics dump it: every node in order, the whole note parsed, and a cap. */
import { markdown } from '@codemirror/lang-markdown';
import { syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { dumpSyntaxTree } from '../../src/editor/treeDump';

const stateOf = (doc: string) => EditorState.create({ doc, extensions: [markdown()] });

it('dumps every node but the top one, parents before children, with its range', () => {
  expect(dumpSyntaxTree(stateOf('# A\n\nSee `x`.'))).toStrictEqual({
    parsedTo: 13,
    nodes: [
      ['ATXHeading1', 0, 3],
      ['HeaderMark', 0, 1],
      ['Paragraph', 5, 13],
      ['InlineCode', 9, 12],
      ['CodeMark', 9, 10],
      ['CodeMark', 11, 12],
    ],
    truncated: false,
  });
});

it('stops at the cap and says the dump was cut; a tree of exactly the cap is whole', () => {
  const state = stateOf('# A\n\nSee `x`.');
  expect(dumpSyntaxTree(state, 3)).toStrictEqual({ parsedTo: 13, nodes: [['ATXHeading1', 0, 3], ['HeaderMark', 0, 1], ['Paragraph', 5, 13]], truncated: true });
  expect(dumpSyntaxTree(state, 6).truncated).toBe(false);
  expect(dumpSyntaxTree(state, 6).nodes).toHaveLength(6);
});

it('parses a long note to its end first, past what the state had parsed', () => {
  const doc = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} with \`code\` and *emphasis*.\n`).join('\n');
  const state = stateOf(doc);
  expect(syntaxTree(state).length).toBeLessThan(doc.length);
  const dump = dumpSyntaxTree(state, 1_000_000, 10_000);
  expect(dump.parsedTo).toBe(doc.length);
  expect(dump.nodes.filter(([name]) => name === 'Paragraph')).toHaveLength(20_000);
});
