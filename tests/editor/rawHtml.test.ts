/** @jest-environment jsdom */
/**
 * Raw HTML blocks (`<pre>`, `<script>`, `<style>`, `<textarea>`): the editor decorates no ID in one,
 * as the scanner counts none and Reading view links none, on both syntax trees. HyperMD's mode, the
 * ancestor of Obsidian's, styles only such a block's tags, as it styles an inline `<span>`'s, so the
 * extension finds the block from the text (./rawHtmlBlocks).
 */
import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { MAX_CONTAINER_READ, RawHtmlLookup, rawHtmlLines } from '../../src/editor/rawHtmlBlocks';
import { Tree } from '@lezer/common';
import { RAW_HTML_ROWS } from '../core/ids/rawHtml.rows';
import { COMMENT_BLOCK_ROWS } from '../core/ids/commentBlocks.rows';
import { decorated, editorWithLinks, scannedBareIds, testHost, TREE_SHAPES, type TreeShape } from './setup';

const A = '202104291524';
const B = '202108191025';

let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

function editorIds(doc: string, shape: TreeShape): string[] {
  const view = editorWithLinks(doc, testHost([`${A} Old.md`, `${B} New.md`]), [], shape);
  views.push(view);
  return decorated(view).map((d) => d.text);
}

// Rows each tree reads otherwise than the scanner, and the editor with it. lang-markdown (the
// playground's parser only) keeps the text after an end tag or `-->` in its HTML block. HyperMD's
// mode reads an indented line after a comment as text, a `<!--` in a paragraph as a comment, a
// comment in a list item as going on past the item's end, and no fence in a quote after a comment;
// after the test language's `%%` it reads an indented line as code. CONTRIBUTING lists them.
const TREE_READS_OTHERWISE: Record<TreeShape, readonly string[]> = {
  'lang-markdown': [
    'a script block interrupts a paragraph; text after its end tag is prose',
    'the opener in any case, closed on its own line',
    'any of the four end tags ends it, not only its own',
    'only the first end tag on the line counts',
    'a code span cannot reach back before the end tag',
    'the comment itself holds no reference',
    'text after the closer on its line is prose',
    'right after a fence, in a quote: the text after the closer',
  ],
  HyperMD: [
    'an indented line right after it is code',
    'opened mid-line it is no block, and a fence after it opens',
    'an unclosed comment in a paragraph that is no list item is text',
    'an unclosed comment on a paragraph’s indented line is text',
    'closed on its line in a quote, the next line follows the usual rules',
    'a %% comment closed at its line’s end is inline text too',
    'a closer past the paragraph’s end closes nothing in it',
    'in an item after a blank line, it ends with the item',
  ],
};

describe.each(TREE_SHAPES)('the rows the %s tree reads otherwise', (shape) => {
  const rows = [...RAW_HTML_ROWS, ...COMMENT_BLOCK_ROWS].filter(([name]) => TREE_READS_OTHERWISE[shape].includes(name));

  test('are rows that exist, each named once', () => {
    expect(rows.map(([name]) => name).sort()).toStrictEqual([...TREE_READS_OTHERWISE[shape]].sort());
  });

  // A row the tree came to read as the scanner does would fail here: the list holds no stale name.
  test.each(rows)('%s: the editor follows the tree there', (_name, input) => {
    expect(editorIds(input, shape)).not.toStrictEqual(scannedBareIds(input));
  });
});

describe.each(TREE_SHAPES)('on the %s tree, the editor decorates what the scanner counts', (shape) => {
  const rows = RAW_HTML_ROWS.filter(([name]) => !TREE_READS_OTHERWISE[shape].includes(name));
  test.each(rows)('%s', (_name, input) => {
    expect(editorIds(input, shape)).toStrictEqual(scannedBareIds(input));
  });
});

// Cases the editor decides differently from the tree's reading, or by the tree. [case, input, the
// IDs decorated, the trees it holds for (both when not given)]
const EDITOR_ROWS: [string, string, string[], (readonly TreeShape[])?][] = [
  ['an opener in fenced code opens nothing', `\`\`\`\n<pre>\n\`\`\`\n${B}`, [B]],
  ['an HTML sample in fenced code opens nothing, and a block after it does', `\`\`\`html\n<pre>\n</pre>\n<style>\n\`\`\`\n${B}\n<pre>\n${A}\n</pre>\n${B}`, [B, B]],
  ['an opener in display math opens nothing', `$$\n<pre>\n$$\n\n${B}`, [B]],
  ['an opener in a %% comment opens nothing', `%%\n<pre>\n%%\n\n${B}`, [B]],
  ['an opener in an HTML comment opens nothing', `<!--\n<pre>\n-->\n\n${B}`, [B]],
  // lang-markdown (the playground's parser) knows no frontmatter: its HTMLBlock runs on.
  ['an opener in frontmatter opens nothing', `---\n<pre>\n---\n${B}`, [B], ['HyperMD']],
  ['an opener indented as code opens nothing', `para\n\n    <pre>\n\n${B}`, [B]],
  ['a fence opener inside the block opens nothing', `<pre>\n\`\`\`\n${A}\n</pre>\n${B}`, [B]],
  ['an end tag with no block open changes nothing', `x </pre>\n${B}\n\n${B}`, [B, B]],
  ['indented code right after the end line runs over indented lines', `<pre>\n</pre>\n    ${A}\n\t${A}\n\n${B}`, [B]],
  ['a line indented less ends that code', `<pre>\n</pre>\n    ${A}\n${B}`, [B]],
  ['after a blank line, an indented line is code on both readings', `<pre>\n</pre>\n\n    ${A}\n\n${B}`, [B]],
  ['a quote ended by a line without its marker ends the block', `> <pre>\n> ${A}\nx ${B}`, [B]],
  ['indented code after a block in a quote', `> <pre>\n> </pre>\n>     ${A}\n\n${B}`, [B]],
  ['a nested list item', `- a\n  - <script>\n    ${A}\n- ${B}`, [B]],
  ['a second block after the first', `<pre>\n</pre>\n${B}\n<style>\n${A}`, [B]],
  ['one line, then prose', `<textarea>${A}</textarea>\n${B}`, [B]],
  // Each list marker the opener may follow, and what is no list marker.
  ...['* ', '+ ', '1) ', '10. ', '123456789. ', '-\t', '- 2. '].map((marker): [string, string, string[]] => [`after the list marker ${JSON.stringify(marker)}`, `${marker}<pre> ${A}\n\n${B}`, [B]]),
  ['after ten digits, no list marker, nor an opener', `1234567890. <pre> ${A}\n\n${B}`, [A, B]],
  ['after a marker with no space, no opener', `1.<pre> ${A}\n\n${B}`, [A, B]],
  ['after a bullet and a letter, no opener', `-x<pre> ${A}\n\n${B}`, [A, B]],
  ['after a number, a dot and a letter, no opener', `1.x<pre> ${A}\n\n${B}`, [A, B]],
  ['a tag in a block’s text does not end it', `<pre>\nx <b>\n${A}\n</pre>\n${B}`, [B]],
  ['the opener’s own line holds its text', `<pre class="x"> ${A}\n</pre>\n${B}`, [B]],
  ['text right after the end tag is prose', `<pre>\nx\n</pre>${B}`, [B], ['HyperMD']],
  ['an end tag with no block open, on the ID’s line', `x ${B} </pre>`, [B]],
  ['a line indented by a tab right after the end line is code', `<pre>\n</pre>\n\t${A}\n\n${B}`, [B]],
  ['indented code after a block closed on its own line', `<pre>x</pre>\n    ${A}\n\n${B}`, [B]],
  ['indented code on the note’s last line', `<pre>\n</pre>\n    ${A}`, []],
  ['a block in a quote, after other text', `${'text '.repeat(10)}\n\n> <pre>\n> ${A}\n\n${B}`, [B]],
  ['an end tag in fenced code ends nothing', `\`\`\`\n</pre>\n\`\`\`\n${B}`, [B]],
];

describe.each(TREE_SHAPES)('on the %s tree', (shape) => {
  test.each(EDITOR_ROWS)('%s', (_name, input, expected, shapes = TREE_SHAPES) => {
    expect(scannedBareIds(input)).toStrictEqual(expected);
    if (shapes.includes(shape)) expect(editorIds(input, shape)).toStrictEqual(expected);
  });
});

describe.each(TREE_SHAPES)('comments at a block start, on the %s tree: the editor decorates what the scanner counts', (shape) => {
  const rows = COMMENT_BLOCK_ROWS.filter(([name]) => !TREE_READS_OTHERWISE[shape].includes(name));
  test.each(rows)('%s', (_name, input) => {
    expect(editorIds(input, shape)).toStrictEqual(scannedBareIds(input));
  });
});

describe('the text read back from an opener in a quote or list item', () => {
  const A = '202104291524';
  // Text before the opener, so that an offset taken from the note's start and one taken from the opener differ.
  const before = `${'text '.repeat(80_000)}\n\n`;
  const quoted = '> a\n'.repeat(100_000);
  const doc = `${before}> <pre>\n${quoted}after the quote ${A}\n${'> b\n'.repeat(250_000)}`;
  const state = EditorState.create({ doc, extensions: rawHtmlLines });
  const idAt = doc.indexOf(`after the quote ${A}`) + 'after the quote '.length;

  test('is read exactly within the bound: the quote ends the block, and the ID after it is prose', () => {
    const lookup = new RawHtmlLookup(state, Tree.empty, 0, doc.length);
    expect(lookup.contains(idAt)).toBe(false);
    expect(lookup.contains(doc.indexOf('> a\n', before.length + 10) + 2)).toBe(true);
  });

  test('is never more than the bound, however far the visible text lies', () => {
    const slices = jest.spyOn(state.doc, 'sliceString');
    try {
      const lookup = new RawHtmlLookup(state, Tree.empty, 0, doc.length);
      // Past the bound, the block is taken to go on, as an unindented one's does to its end tag.
      expect(lookup.contains(doc.length - 3)).toBe(true);
      for (const [from, to = doc.length] of slices.mock.calls) expect(to - from).toBeLessThanOrEqual(MAX_CONTAINER_READ);
      expect(slices).toHaveBeenCalled();
    } finally {
      slices.mockRestore();
    }
  });
});
