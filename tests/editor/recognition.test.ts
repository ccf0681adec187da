/** @jest-environment jsdom */
/**
 * The editor agrees with the core on the classes of text real vaults hold: it decorates exactly the
 * bare IDs the scanner finds (the core's word rule decides for both; link forms are Obsidian's own
 * links in the editor and are never decorated).
 */
import type { EditorView } from '@codemirror/view';
import { decorated, editorWithLinks, scannedBareIds, testHost } from './setup';

const A = '202001011200';
const B = '202002021200';
const C = '202003031200';

let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

function editorIds(doc: string): string[] {
  const view = editorWithLinks(doc, testHost([`${A} Small steps.md`, `${B} Write it down.md`]));
  views.push(view);
  return decorated(view).map((d) => d.text);
}

describe('the editor decorates what the core counts as bare IDs', () => {
  test.each<[string, string, string[]]>([
    ['Japanese prose', `詳細は${A}を参照。（${B}と比較）`, [A, B]],
    ['Chinese and Korean', `参见${A}号 참고${B}문서`, [A, B]],
    ['astral Han', `\u{20000}${A}\u{20001}`, [A]],
    ['astral letter joins', `\u{1D400}${A} and ${B}\u{1D400}`, []],
    ['combining mark joins', `e\u0301${A} ${B}\u0301`, []],
    ['combining mark on Hiragana', `か\u3099${A}`, [A]],
    ['Latin still joins', `abc${A} ${B}xyz`, []],
    ['footnote definition line', `Text[^1].\n\n[^1]: as ${C} says`, [C]],
    ['[label]: line that is a paragraph', `[2]: See [x](/n/${A}.md), and ${B} Write it down.`, [B]],
    ['link reference definition', `[notes]: /${A}\n\nand ${B}`, [B]],
    ['an unclosed wikilink before a markdown link (CommonMark: a `[`, then the link)', `[[a](${A}.md) and ${B}`, [B]],
    ['lone-CR line ends around a fence', `a ${A}\r\`\`\`\r${B}\r\`\`\`\rb ${C}`, [A, C]],
    ['wikilink brackets over a line break are text', `[[${A}\n]] and ${B}`, [A, B]],
  ])('%s', (_name, doc, expected) => {
    expect(scannedBareIds(doc)).toStrictEqual(expected);
    expect(editorIds(doc)).toStrictEqual(expected);
  });
});
