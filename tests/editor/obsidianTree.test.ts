/** @jest-environment jsdom */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { idLinksExtension } from '../../src/editor/idLinks';
import { obsidianLikeLanguage } from './obsidianLanguage';
import { decorated, idElements, parseViewport, testHost } from './setup';

// The same extension on a tree shaped like Obsidian's editor parser's (flat, class-list node names).
const ID = '202108191025';
let views: EditorView[] = [];
function open(doc: string): EditorView {
  const host = testHost(['zet/202108191025 Teams exist for a reason.md']);
  const state = EditorState.create({ doc, extensions: [obsidianLikeLanguage, idLinksExtension(host.deps)] });
  const view = new EditorView({ state, parent: document.body });
  parseViewport(view);
  views.push(view);
  return view;
}
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

describe("on Obsidian's editor tree", () => {
  test.each<[string, string, string[]]>([
    ['prose', `After all, ${ID} Teams exist.`, [ID]],
    ['bold', `**${ID}** stands`, [ID]],
    ['fenced code', `\`\`\`\n${ID}\n\`\`\`\nafter ${ID}`, [ID]],
    ['inline code', `see \`${ID}\` and ${ID}`, [ID]],
    ['wikilink', `[[${ID} Teams]] and ${ID}`, [ID]],
    ['embed', `![[${ID}]]`, []],
    ['markdown link', `[${ID}](${ID}%20Teams.md)`, []],
    ['bare URL', `https://example.com/${ID}`, []],
    ['frontmatter', `---\nid: ${ID}\n---\n${ID}`, [ID]],
    ['math', `$${ID}$`, []],
    ['comment', `%%${ID}%%`, []],
    ['tag', `#${ID}`, []],
    ['HTML', `<span id="${ID}">`, []],
  ])('%s', (_label, doc, expected) => {
    expect(decorated(open(doc)).map((d) => d.text)).toEqual(expected);
  });

  test('text past the end of the parsed tree waits for the parser, then is decorated', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} mentions ${ID}.`);
    const doc = [...lines, '```', ID, '```', `after ${ID}`].join('\n');
    const view = open(doc);
    view.dispatch({ effects: EditorView.scrollIntoView(doc.length, { y: 'end' }) });
    expect(idElements(view)).toEqual([]);
    parseViewport(view);
    const tail = idElements(view).map((el) => view.posAtDOM(el)).filter((pos) => pos > doc.length - 40);
    expect(tail).toEqual([doc.length - ID.length]);
  });
});
