/** @jest-environment jsdom */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { idLinksExtension } from '../../src/editor/idLinks';
import { nodeExclusion } from '../../src/editor/syntaxClassifier';
import { hyperMdLanguage } from './hyperMdLanguage';
import { decorated, idElements, parseViewport, testHost } from './setup';

// The test language itself: HyperMD's own mode, with the node names public plugins read in Obsidian.
const ID = '202108191025';

/** Every node of the tree as `name:text`, in document order. */
function nodes(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: [hyperMdLanguage] });
  const tree = ensureSyntaxTree(state, doc.length, 10_000);
  if (tree === null) throw new Error('not parsed');
  const found: string[] = [];
  tree.iterate({ enter: (node) => void (node.name !== 'Document' && found.push(`${node.name}:${doc.slice(node.from, node.to)}`)) });
  return found;
}

/** The name of the node holding `text` in `doc`. */
function nameOf(doc: string, text: string): string {
  const node = nodes(doc).find((entry) => entry.endsWith(`:${text}`));
  if (node === undefined) throw new Error(`no node for ${text} in ${nodes(doc).join(' | ')}`);
  return node.slice(0, node.length - text.length - 1);
}

describe('the HyperMD-shaped test language', () => {
  test('runs the vendored HyperMD 0.3.11 mode byte for byte', () => {
    const source = readFileSync(join(__dirname, 'hypermd', 'hypermd.js'));
    expect(createHash('sha256').update(source).digest('hex')).toBe('dde71fb753d7d23761dffa939e65f07d779f82f444eb8566e87a1d10bed01418');
  });

  // The names (or the parts of them) that public plugins read from Obsidian's tree.
  test.each<[string, string, string, string]>([
    ['code fence opening', '```js\nx\n```', '```js', 'HyperMD-codeblock-begin'],
    ['code fence content', '```js\nx\n```', 'x', 'hmd-codeblock'],
    ['inline code backtick', 'a `x` b', '`', 'formatting_formatting-code_inline-code'],
    ['inline code', 'a `x` b', 'x', 'inline-code'],
    ['wikilink opening', 'a [[x]] b', '[[', 'formatting-link_formatting-link-start'],
    ['wikilink', 'a [[x]] b', 'x', 'hmd-internal-link'],
    ['wikilink target before an alias', 'a [[x|y]] b', 'x', 'hmd-internal-link_link-has-alias'],
    ['wikilink in a list item', '- [[x]] b', 'x', 'hmd-internal-link'],
    ['wikilink in a numbered list item', '1. [[x]] b', 'x', 'hmd-internal-link'],
    ['comment in a list item', '- %%x%% b', 'x', 'comment'],
    ['frontmatter', `---\nid: ${ID}\n---\n`, ID, 'hmd-frontmatter'],
    ['link destination', '[a](x.md)', 'x.md', 'string_url'],
    ['bare URL', 'see https://example.com/x now', 'https://example.com/x', 'url'],
    ['inline math', 'a $x$ b', 'x', 'math'],
    ['math opening', 'a $x$ b', '$', 'formatting-math-begin'],
    ['comment', 'a %%x%% b', 'x', 'comment'],
    ['hashtag', 'a #tag b', 'tag', 'hashtag_meta_tag_hashtag-end'],
    ['heading line', '# x', '# ', 'HyperMD-header'],
    ['image alt text', '![a](b.png)', 'a', 'image_image-alt-text_link'],
  ])('%s', (_label, doc, text, part) => {
    expect(nameOf(doc, text)).toContain(part);
  });

  test('an ID alone in brackets is styled as a link, as in HyperMD and lang-markdown alike', () => {
    expect(nodeExclusion(nameOf(`[${ID}]`, ID))).toBe('link-text');
  });

  test("a digit-only hashtag is no tag (Obsidian's rule, HyperMD's too)", () => {
    expect(nodes(`#${ID}`).some((entry) => entry.includes('hashtag'))).toBe(false);
  });
});

describe("the editor extension on Obsidian's tree shape", () => {
  let views: EditorView[] = [];
  afterEach(() => {
    views.forEach((view) => view.destroy());
    views = [];
  });

  test('text past the end of the parsed tree waits for the parser, then is decorated', () => {
    const host = testHost(['zet/202108191025 Teams exist for a reason.md']);
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} mentions ${ID}.`);
    const doc = [...lines, '```', ID, '```', `after ${ID}`].join('\n');
    const state = EditorState.create({ doc, extensions: [hyperMdLanguage, idLinksExtension(host.deps)] });
    const view = new EditorView({ state, parent: document.body });
    views.push(view);
    parseViewport(view);
    view.dispatch({ effects: EditorView.scrollIntoView(doc.length, { y: 'end' }) });
    expect(idElements(view)).toStrictEqual([]);
    parseViewport(view);
    const tail = idElements(view).map((el) => view.posAtDOM(el)).filter((pos) => pos > doc.length - 40);
    expect(tail).toStrictEqual([doc.length - ID.length]);
    expect(decorated(view).every((d) => d.text === ID)).toBe(true);
  });
});
