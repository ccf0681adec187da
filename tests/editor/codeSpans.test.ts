/** @jest-environment jsdom */
/**
 * Inline code its paragraph never closes: HyperMD's mode styles the text after an unclosed backtick
 * run as code, to the line's end and on; CommonMark, and the core scanner, read the run as text.
 * The editor decorates what the scanner counts there, on both trees.
 */
import fc from 'fast-check';
import { decorated, editorWithLinks, scannedBareIds, testHost, TREE_SHAPES } from './setup';

const ID = '202108191025';
const SEED = Number(process.env.EDITOR_CODE_SEED ?? 20261207);
const RUNS = Number(process.env.EDITOR_CODE_RUNS ?? 200);

function editorIds(doc: string, shape: (typeof TREE_SHAPES)[number]): string[] {
  const view = editorWithLinks(doc, testHost([`zet/${ID} Teams exist for a reason.md`]), [], shape);
  try {
    return decorated(view).map((found) => found.text);
  } finally {
    view.destroy();
  }
}

describe.each(TREE_SHAPES)('inline code on the %s tree', (shape) => {
  test.each<[string, string, string[]]>([
    ['an unclosed backtick', `a \` b ${ID} c`, [ID]],
    ['an unclosed backtick, the ID on the next line', `a \` b\n${ID} c`, [ID]],
    ['a closed span after a closed one, then an unclosed run', `\`a\` \` ${ID}`, [ID]],
    ['a run of two that a run of one does not close', `a \`\` b ${ID} \` c`, [ID]],
    ['a run of two closed by a run of two', `a \`\` b \` ${ID} c\`\``, []],
    ['a closed span', `a \`b ${ID}\` c ${ID}`, [ID]],
    ['an unclosed backtick, then math', `a \` b $${ID}$ c ${ID}`, [ID]],
    ['an unclosed backtick, then a comment', `a \` b <!-- ${ID} --> ${ID}`, [ID]],
    ['an unclosed backtick, then a wikilink', `a \` b [[${ID}]] ${ID}`, [ID]],
    ['an unclosed backtick in one list item, an ID in the next', `- a \` b\n- ${ID}`, [ID]],
    ['an unclosed run in the paragraph before', `a \`\` b\n\n${ID} \``, [ID]],
    // HyperMD's code, left open before, closes at the run that opens this span (a sweep found it).
    ['an unclosed run in the paragraph before, then a closed span', `\`\`\n\n\`\`${ID}\`\`${ID}`, [ID]],
    ['an unclosed run before a closed span in one paragraph', `a \` b \`\`${ID}\`\` ${ID}`, [ID]],
    // A list item's second paragraph, indented as its content: read alone, no indented code.
    ['a span in a list item\'s second paragraph', `- item\n\n    text \`a\` ${ID}`, [ID]],
    ['a span in an ordered item\'s second paragraph, indented by a tab', `1. item\n\n\ttext \`a\` ${ID}`, [ID]],
    ['indented code in a quote after a span', `> quote\n>\n>     text \`a\` ${ID}`, []],
    ['an indented code block (HyperMD styles it as inline code too)', `para\n\n    ${ID}`, []],
    // A line too long to read whole is read around its IDs only: a closer past that cannot be told.
    ['a span closed past what a long line has read of it', `a \` b ${ID} ${'x'.repeat(5000)}\``, []],
  ])('%s', (_, doc, expected) => {
    expect(scannedBareIds(doc)).toStrictEqual(expected);
    expect(editorIds(doc, shape)).toStrictEqual(expected);
  });
});

// Notes of backtick runs. (Other constructs after an unclosed run are rows above: random notes of
// brackets, escapes, wikilinks, math, comments and tags find departures of their own.)
const PIECES = [ID, ID, ' ', ' ', 'x', '`', '``', '\n', '(x.md)'];
const note = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''));

describe.each(TREE_SHAPES)('notes of backticks on the %s tree, against the scanner', (shape) => {
  test('the editor decorates exactly the IDs the scanner reads as bare', () => {
    fc.assert(
      fc.property(note, (doc) => {
        expect({ doc, ids: editorIds(doc, shape) }).toStrictEqual({ doc, ids: scannedBareIds(doc) });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
