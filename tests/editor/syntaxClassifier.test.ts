import { Text } from '@codemirror/state';
import fc from 'fast-check';
import { findFrontmatter } from '../../src/core/ids/frontmatter';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { scanReferences } from '../../src/core/ids/scanner';
import { frontmatterEnd, holdsLiteralText, MAX_FRONTMATTER_LINES, nodeExclusion, type NodeExclusion } from '../../src/editor/syntaxClassifier';

describe('nodeExclusion', () => {
  const L = 'link-text';
  // Obsidian's editor (HyperMD-derived stream parser): node names are `_`-joined class lists.
  const obsidian: [string, NodeExclusion][] = [
    ['hmd-codeblock', 'excluded'],
    ['hmd-codeblock_HyperMD-codeblock-bg', 'excluded'],
    ['formatting-code-block_formatting-code-block-begin_hmd-codeblock', 'excluded'],
    ['keyword_hmd-codeblock', 'excluded'],
    ['HyperMD-codeblock_HyperMD-codeblock-begin', 'excluded'],
    ['hmd-indented-code', 'excluded'],
    ['inline-code', 'excluded'],
    ['formatting_formatting-code_inline-code', 'excluded'],
    ['url', 'excluded'],
    ['string_url', 'excluded'],
    ['link', L],
    ['hmd-internal-link', 'excluded'],
    ['hmd-internal-link_link-has-alias', 'excluded'],
    ['formatting-link_formatting-link-start', L],
    ['hmd-barelink', L],
    ['hmd-footnote', L],
    ['string_url_hmd-footref2', L],
    ['formatting_formatting-link-string_string_url_hmd-footref2', L],
    // The rest of a `[label]:` line, a definition or prose as the note's definitions say.
    ['string_url_hmd-footnote-url', null],
    ['image_image-alt-text_link', L],
    ['hmd-frontmatter', 'excluded'],
    ['def_hmd-frontmatter', 'excluded'],
    ['atom_hmd-frontmatter', 'excluded'],
    ['math', 'excluded'],
    ['formatting_formatting-math_formatting-math-begin_math_math-block', 'excluded'],
    ['comment', 'excluded'],
    ['formatting_formatting-comment_comment', 'excluded'],
    ['tag', 'excluded'],
    ['hashtag_hashtag-end_meta', 'excluded'],
    ['formatting_formatting-hashtag_hashtag_hashtag-begin_meta', 'excluded'],
    ['tag_hmd-html-begin', 'excluded'],
    ['attribute', 'excluded'],
    ['variable_hmd-codeblock', 'excluded'],
    ['plain_hmd-indented-code', 'excluded'],
    ['line-HyperMD-codeblock', 'excluded'],
    ['line-background-HyperMD-codeblock-bg', 'excluded'],
    ['comment_url', 'excluded'],
    ['list-1_url', 'excluded'],
    ['quote_quote-1_url', 'excluded'],
    ['formatting_formatting-link_link_url', 'excluded'],
    ['formatting_formatting-link-string_string_url', 'excluded'],
    ['math-block', 'excluded'],
    ['hashtag_meta', 'excluded'],
    // Prose: headings, emphasis, lists, quotes, tables, highlights keep their IDs.
    ['header_header-1', null],
    ['strong', null],
    ['em', null],
    ['em_strong', null],
    ['strikethrough', null],
    ['highlight', null],
    ['list-1', null],
    ['quote_quote-1', null],
    ['hmd-table-sep', null],
    ['hmd-callout', null],
    ['Document', null],
    ['line-HyperMD-quote_line-HyperMD-quote-1', null],
    ['line-HyperMD-list-line_line-HyperMD-list-line-1', null],
    // Class families are matched whole, not as substrings of other words.
    ['linkish', null],
    ['codex', null],
  ];

  // @codemirror/lang-markdown (CommonMark + GFM) and playground/markdownSyntax.ts's Obsidian constructs.
  const lezer: [string, NodeExclusion][] = [
    ['FencedCode', 'excluded'],
    ['CodeBlock', 'excluded'],
    ['InlineCode', 'excluded'],
    ['CodeText', 'excluded'],
    ['CodeInfo', 'excluded'],
    ['URL', 'excluded'],
    ['LinkLabel', L],
    ['Link', L],
    ['Image', L],
    ['Autolink', 'excluded'],
    // A definition, which lang-markdown also makes of a line continuing a paragraph: its
    // definitions say (its URL stays excluded).
    ['LinkReference', null],
    ['HTMLBlock', 'excluded'],
    ['HTMLTag', 'excluded'],
    ['Comment', 'excluded'],
    ['CommentBlock', 'excluded'],
    ['ProcessingInstruction', 'excluded'],
    ['WikiLink', 'excluded'],
    ['InlineMath', 'excluded'],
    ['BlockMath', 'excluded'],
    ['PercentComment', 'excluded'],
    ['Paragraph', null],
    ['ATXHeading1', null],
    ['Emphasis', null],
    ['StrongEmphasis', null],
    ['Strikethrough', null],
    ['BulletList', null],
    ['ListItem', null],
    ['Blockquote', null],
    ['Table', null],
    ['TableCell', null],
    ['Task', null],
    ['LinkMark', null],
  ];

  test.each([...obsidian, ...lezer])('%s → %s', (name, verdict) => {
    expect(nodeExclusion(name)).toBe(verdict);
  });

  test('a repeated name gets the same verdict (memoised)', () => {
    expect(nodeExclusion('inline-code')).toBe('excluded');
    expect(nodeExclusion('inline-code')).toBe('excluded');
    expect(nodeExclusion('link')).toBe(L);
    expect(nodeExclusion('link')).toBe(L);
    expect(nodeExclusion('strong')).toBe(null);
    expect(nodeExclusion('strong')).toBe(null);
  });

  test('link text inside something excluded is excluded', () => {
    expect(nodeExclusion('link_hmd-footnote_tag')).toBe('excluded');
    expect(nodeExclusion('formatting_formatting-link-string_string_url')).toBe('excluded');
  });
});

describe('holdsLiteralText: where a raw HTML opener opens nothing (../../src/editor/rawHtmlBlocks)', () => {
  test.each<[string, boolean]>([
    // Node names of the HyperMD-shaped tree (tests/editor/hyperMdLanguage.ts).
    ['HyperMD-codeblock_HyperMD-codeblock-bg_hmd-codeblock', true],
    ['formatting_formatting-code-block_HyperMD-codeblock_HyperMD-codeblock-begin', true],
    ['line-HyperMD-codeblock', true],
    ['inline-code_hmd-indented-code', true],
    ['inline-code', true],
    ['formatting_formatting-code_inline-code', true],
    ['math', true],
    ['variable-2_math', true],
    ['keyword_math_formatting_formatting-math_formatting-math-begin_math-2', true],
    ['comment', true],
    ['formatting_formatting-comment_comment', true],
    ['hmd-frontmatter', true],
    // The families, by their members alone.
    ['HyperMD-codeblock-begin-bg', true],
    ['hmd-codeblock-end', true],
    ['math-2', true],
    // An opener's own tag, and other excluded text that is no literal block.
    ['tag_bracket_hmd-html-begin', false],
    ['tagName', false],
    ['url', false],
    ['hashtag_hashtag-end_meta_tag', false],
    ['hmd-internal-link', false],
    ['strong', false],
    // lang-markdown.
    ['FencedCode', true],
    ['CodeBlock', true],
    ['CodeText', true],
    ['InlineCode', true],
    ['BlockMath', true],
    ['CommentBlock', true],
    ['Comment', true],
    ['PercentComment', true],
    ['HTMLBlock', false],
    ['HTMLTag', false],
    ['Paragraph', false],
  ])('%s → %s', (name, literal) => {
    expect(holdsLiteralText(name)).toBe(literal);
    // Memoised: the same verdict again.
    expect(holdsLiteralText(name)).toBe(literal);
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

  test('agrees with the scanner and the note facts on every text (one finder for all three)', () => {
    const line = fc.constantFrom('---', '...', '--- ', '----', 'id: 202104291524', '', ' ---', '# 202104291524');
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { maxLength: 8 }), (bom, lines) => {
        const text = (bom ? '\ufeff' : '') + lines.join('\n');
        const block = findFrontmatter(text);
        expect(end(text)).toBe(block?.closingEnd ?? 0);
        // The scanner finds no ID in frontmatter, and every ID after it.
        const body = block?.body ?? 0;
        expect(scanReferences(text, TWELVE_DIGIT).map((r) => r.from >= body)).not.toContain(false);
      }),
    );
  });

  test('a block longer than the limit is no frontmatter anywhere', () => {
    const long = ['---', ...Array.from({ length: MAX_FRONTMATTER_LINES }, (_, i) => `key${i}: 1`), '---', 'body'].join('\n');
    const limit = ['---', ...Array.from({ length: MAX_FRONTMATTER_LINES - 1 }, (_, i) => `key${i}: 1`), '---', 'body'].join('\n');
    expect([end(long), findFrontmatter(long)]).toStrictEqual([0, null]);
    expect(end(limit)).toBe(findFrontmatter(limit)?.closingEnd);
    expect(end(limit)).toBeGreaterThan(0);
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
