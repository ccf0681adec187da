import { Text } from '@codemirror/state';
import { frontmatterEnd, isExcludedNodeName, MAX_FRONTMATTER_LINES } from '../../src/editor/syntaxClassifier';

describe('isExcludedNodeName', () => {
  // Obsidian's editor (HyperMD-derived stream parser): node names are `_`-joined class lists.
  const obsidian: [string, boolean][] = [
    ['hmd-codeblock', true],
    ['hmd-codeblock_HyperMD-codeblock-bg', true],
    ['formatting-code-block_formatting-code-block-begin_hmd-codeblock', true],
    ['keyword_hmd-codeblock', true],
    ['HyperMD-codeblock_HyperMD-codeblock-begin', true],
    ['hmd-indented-code', true],
    ['inline-code', true],
    ['formatting_formatting-code_inline-code', true],
    ['url', true],
    ['string_url', true],
    ['link', true],
    ['hmd-internal-link', true],
    ['hmd-internal-link_link-has-alias', true],
    ['formatting-link_formatting-link-start', true],
    ['hmd-barelink', true],
    ['hmd-footnote', true],
    ['image_image-alt-text_link', true],
    ['hmd-frontmatter', true],
    ['def_hmd-frontmatter', true],
    ['atom_hmd-frontmatter', true],
    ['math', true],
    ['formatting_formatting-math_formatting-math-begin_math_math-block', true],
    ['comment', true],
    ['formatting_formatting-comment_comment', true],
    ['tag', true],
    ['hashtag_hashtag-end_meta', true],
    ['formatting_formatting-hashtag_hashtag_hashtag-begin_meta', true],
    ['tag_hmd-html-begin', true],
    ['attribute', true],
    ['variable_hmd-codeblock', true],
    ['plain_hmd-indented-code', true],
    ['line-HyperMD-codeblock', true],
    ['line-background-HyperMD-codeblock-bg', true],
    ['comment_url', true],
    ['list-1_url', true],
    ['quote_quote-1_url', true],
    ['formatting_formatting-link_link_url', true],
    ['formatting_formatting-link-string_string_url', true],
    ['math-block', true],
    ['hashtag_meta', true],
    // Prose: headings, emphasis, lists, quotes, tables, highlights keep their IDs.
    ['header_header-1', false],
    ['strong', false],
    ['em', false],
    ['em_strong', false],
    ['strikethrough', false],
    ['highlight', false],
    ['list-1', false],
    ['quote_quote-1', false],
    ['hmd-table-sep', false],
    ['hmd-callout', false],
    ['Document', false],
    ['line-HyperMD-quote_line-HyperMD-quote-1', false],
    ['line-HyperMD-list-line_line-HyperMD-list-line-1', false],
    // Class families are matched whole, not as substrings of other words.
    ['linkish', false],
    ['codex', false],
  ];

  // @codemirror/lang-markdown (CommonMark + GFM) and ./markdownSyntax's Obsidian constructs.
  const lezer: [string, boolean][] = [
    ['FencedCode', true],
    ['CodeBlock', true],
    ['InlineCode', true],
    ['CodeText', true],
    ['CodeInfo', true],
    ['URL', true],
    ['Link', true],
    ['Image', true],
    ['Autolink', true],
    ['LinkReference', true],
    ['HTMLBlock', true],
    ['HTMLTag', true],
    ['Comment', true],
    ['CommentBlock', true],
    ['ProcessingInstruction', true],
    ['WikiLink', true],
    ['InlineMath', true],
    ['BlockMath', true],
    ['PercentComment', true],
    ['Paragraph', false],
    ['ATXHeading1', false],
    ['Emphasis', false],
    ['StrongEmphasis', false],
    ['Strikethrough', false],
    ['BulletList', false],
    ['ListItem', false],
    ['Blockquote', false],
    ['Table', false],
    ['TableCell', false],
    ['Task', false],
    ['LinkMark', false],
  ];

  test.each([...obsidian, ...lezer])('%s → excluded %s', (name, excluded) => {
    expect(isExcludedNodeName(name)).toBe(excluded);
  });

  test('a repeated name gets the same verdict (memoised)', () => {
    expect(isExcludedNodeName('inline-code')).toBe(true);
    expect(isExcludedNodeName('inline-code')).toBe(true);
    expect(isExcludedNodeName('strong')).toBe(false);
  });
});

describe('frontmatterEnd', () => {
  const end = (text: string): number => frontmatterEnd(Text.of(text.split('\n')));

  test.each([
    ['---\nid: 202108191025\n---\nbody', '---\nid: 202108191025\n---'.length],
    ['---\nid: 1\n...\nbody', '---\nid: 1\n...'.length],
    ['---  \nid: 1\n---  \nbody', '---  \nid: 1\n---  '.length],
    ['\ufeff---\nid: 1\n---\nbody', '\ufeff---\nid: 1\n---'.length],
    ['---\n---', '---\n---'.length],
  ])('%j ends at %i', (text, expected) => {
    expect(end(text)).toBe(expected);
  });

  test.each([
    ['no frontmatter', 'body\n---\nmore'],
    ['not at the start', '\n---\nid: 1\n---'],
    ['unclosed', '---\nid: 1\nbody'],
    ['a lone rule', '---'],
    ['a longer rule', '----\nid: 1\n----'],
  ])('%s → 0', (_label, text) => {
    expect(end(text)).toBe(0);
  });

  test('reads a bounded number of lines however long the document', () => {
    const lines = ['---', ...Array.from({ length: 50_000 }, (_, i) => `key${i}: 1`), '---'];
    const doc = Text.of(lines);
    let read = 0;
    const counting = { lines: doc.lines, line: (n: number) => (read++, doc.line(n)) };
    expect(frontmatterEnd(counting)).toBe(0);
    expect(read).toBeLessThanOrEqual(MAX_FRONTMATTER_LINES + 1);
  });
});
