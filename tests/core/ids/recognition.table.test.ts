/**
 * Before/after tables for what real vaults hold beyond the basic rows (scanner.table.test.ts):
 * `[label]:` lines, IDs touching CJK text, astral letters and combining marks, lone-CR line ends and
 * Denote's names and links. Every row is also run through the metamorphic variants: frontmatter
 * prepended, CRLF and lone-CR line ends, and a code fence around the whole text.
 */
import { DENOTE, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { mark } from './mark';

const A = '202001011200';
const B = '202002021200';
const C = '202003031200';

// [case, input, expected marking]
type Row = [string, string, string];

const definitions: Row[] = [
  ['definition: the destination is a markdown reference', `[notes]: /${A}`, `[notes]: /«m:${A}»`],
  ['definition: relative destination with a title', `[notes]: ../${A} "Small steps"`, `[notes]: ../«m:${A}» "Small steps"`],
  ['definition: title in single quotes and in parentheses', `[a]: /${A} 'x ${B}'\n[b]: /${B} (y ${C})`, `[a]: /«m:${A}» 'x ${B}'\n[b]: /«m:${B}» (y ${C})`],
  ['definition: angle-bracket destination', `[notes]: </notes/${A} Small steps.md>`, `[notes]: </notes/«m:${A}» Small steps.md>`],
  ['definition: destination on the next line', `[notes]:\n  /${A}`, `[notes]:\n  /«m:${A}»`],
  ['definition: title alone on the next line', `[a]: /${A}\n"about ${B}"`, `[a]: /«m:${A}»\n"about ${B}"`],
  ['definition: a next line that is no title is prose', `[a]: /${A}\nabout ${B}`, `[a]: /«m:${A}»\nabout «b:${B}»`],
  ['definition: several in a row', `[a]: /${A}\n[b]: /${B}`, `[a]: /«m:${A}»\n[b]: /«m:${B}»`],
  ['definition: with a heading', `[a]: /${A}#Part`, `[a]: /«m:${A}»#Part`],
  ['definition: indented up to three spaces', `   [a]: /${A}`, `   [a]: /«m:${A}»`],
  ['definition: in a quote', `> [a]: /${A}`, `> [a]: /«m:${A}»`],
  ['definition: in a list item', `- [a]: /${A}`, `- [a]: /«m:${A}»`],
  ['definition: after a heading', `# Title\n[a]: /${A}`, `# Title\n[a]: /«m:${A}»`],
  ['definition: after a setext heading', `Title\n=====\n[a]: /${A}`, `Title\n=====\n[a]: /«m:${A}»`],
  ['definition: after a thematic break', `Text\n\n* * *\n[a]: /${A}`, `Text\n\n* * *\n[a]: /«m:${A}»`],
  ['definition: a list item interrupts a paragraph', `Text\n- [a]: /${A}`, `Text\n- [a]: /«m:${A}»`],
  ['definition: after an empty quote line', `> Text\n>\n> [a]: /${A}`, `> Text\n>\n> [a]: /«m:${A}»`],
  ['not a definition: it continues a quoted paragraph', `> Text\n> [a]: /${A}`, `> Text\n> [a]: /«b:${A}»`],
  ['not a definition: unbalanced parenthesis in the destination', `[a]: /${A}(x`, `[a]: /«b:${A}»(x`],
  ['not a definition: it continues a list item\'s paragraph', `- item\n  [a]: /${A}`, `- item\n  [a]: /«b:${A}»`],
  ['not a definition: four spaces of indentation after a paragraph', `Text\n    [a]: /${A}`, `Text\n    [a]: /«b:${A}»`],
  ['definition: after a blank line', `Text.\n\n[a]: /${A}`, `Text.\n\n[a]: /«m:${A}»`],
  ['definition: label with spaces', `[my notes]: /${A}`, `[my notes]: /«m:${A}»`],
  ['definition: the label is no prose', `[${A}]: https://example.org/x`, `[${A}]: https://example.org/x`],
  ['definition: a URL destination names no note', `[ref]: https://x.org/${A}`, `[ref]: https://x.org/${A}`],
  ['not a definition: it continues a paragraph', `Text\n[a]: /${A}`, `Text\n[a]: /«b:${A}»`],
  ['not a definition: words after the destination', `[a]: /${A} and more`, `[a]: /«b:${A}» and more`],
  ['not a definition: words after the title', `[a]: /${A} "t" x`, `[a]: /«b:${A}» "t" x`],
  ['not a definition: no space before the title', `[a]: </${A}>"t"`, `[a]: </«b:${A}»>"t"`],
  ['not a definition: empty label', `[]: /${A}`, `[]: /«b:${A}»`],
  ['not a definition: bracket in the label', `[a[b]]: /${A}`, `[a[b]]: /«b:${A}»`],
  ['not a definition: not first on its line', `see [a]: /${A}`, `see [a]: /«b:${A}»`],
  ['not a definition: an embed', `![a]: /${A}`, `![a]: /«b:${A}»`],
  ['not a definition: escaped bracket', `\\[a]: /${A}`, `\\[a]: /«b:${A}»`],
  ['not a definition: no destination before a blank line', `[a]:\n\n${A}`, `[a]:\n\n«b:${A}»`],
  ['footnote-style line with a link is a paragraph', `[1]: [${A} Small steps compound](/notes/${A}-small-steps)`, `[1]: [${A} Small steps compound](/notes/«m:${A}»-small-steps)`],
  ['footnote-style line with prose is a paragraph', `[2]: See [${A} Small](/n/${A}.md), and ${B} Write it down.`, `[2]: See [${A} Small](/n/«m:${A}».md), and «b:${B}» Write it down.`],
  ['footnote definition is prose', `[^1]: as ${C} says`, `[^1]: as «b:${C}» says`],
  ['footnote definition with a path is prose', `[^1]: /${C}`, `[^1]: /«b:${C}»`],
  ['footnote with a continuation line', `[^1]: as ${A} says\n    and ${B} too`, `[^1]: as «b:${A}» says\n    and «b:${B}» too`],
];

const cjk: Row[] = [
  ['Japanese: Han before, Hiragana after', `詳細は${A}を参照`, `詳細は«b:${A}»を参照`],
  ['Japanese: full-width brackets', `（${B}と比較）`, `（«b:${B}»と比較）`],
  ['Japanese: Katakana with the prolonged sound mark', `データー${A}メモ`, `データー«b:${A}»メモ`],
  ['Japanese: half-width Katakana', `ﾃﾞｰﾀ${A}ﾒﾓ`, `ﾃﾞｰﾀ«b:${A}»ﾒﾓ`],
  ['Japanese: iteration mark', `人々${A}`, `人々«b:${A}»`],
  ['Japanese: ideographic punctuation', `、${A}。「${B}」`, `、«b:${A}»。「«b:${B}»」`],
  ['Chinese', `参见${A}号笔记`, `参见«b:${A}»号笔记`],
  ['Korean (Hangul)', `참고${A}문서`, `참고«b:${A}»문서`],
  ['astral Han (CJK Extension B)', `\u{20000}${A}\u{20001}`, `\u{20000}«b:${A}»\u{20001}`],
  ['CJK then underscore', `詳細_${A}`, `詳細_«b:${A}»`],
  ['CJK does not split a longer digit run', `詳細は20200101120000を`, `詳細は20200101120000を`],
  ['CJK in a tag is the tag', `#タグ${A}`, `#タグ${A}`],
  ['astral Han in a tag is the tag', `#\u{20000}${A}`, `#\u{20000}${A}`],
  ['CJK punctuation ends a tag', `#タグ、${A}`, `#タグ、«b:${A}»`],
  ['CJK next to a wikilink target', `[[${A}詳細]]`, `[[«w:${A}»詳細]]`],
  ['Latin letters still join', `abc${A} ${A}xyz`, `abc${A} ${A}xyz`],
  // A token is looked at up to 2048 characters each side of an ID, for each ID on its own.
  ['a URL start more than 2048 characters back in prose without spaces', `https://h.org/${'詳'.repeat(2030)}${A}${'詳'.repeat(20)}${B}`, `https://h.org/${'詳'.repeat(2030)}${A}${'詳'.repeat(20)}«b:${B}»`],
  ['an attachment name more than 2048 characters on', `${A}${'詳'.repeat(20)}${B}${'詳'.repeat(2030)}.png`, `«b:${A}»${'詳'.repeat(20)}${B}${'詳'.repeat(2030)}.png`],
  ['an ID joined to a word does not hide the next one after a CJK letter', `x${A}を${B}`, `x${A}を«b:${B}»`],
  ['nor after an ID joined by a digit', `${A}7を${B}`, `${A}7を«b:${B}»`],
  ['full-width digits join (digits)', `２${A}`, `２${A}`],
  ['full-width Latin letters join (letters)', `Ａ${A}`, `Ａ${A}`],
  ['Thai letters join (not CJK)', `ดู${A}`, `ดู${A}`],
  ['Bopomofo joins (not CJK)', `ㄅ${A}`, `ㄅ${A}`],
];

const astralAndMarks: Row[] = [
  ['astral letter before', `\u{1D400}${A}`, `\u{1D400}${A}`],
  ['astral letter after', `${A}\u{1D400}`, `${A}\u{1D400}`],
  ['astral letter beyond an underscore', `\u{1D400}_${A}`, `\u{1D400}_${A}`],
  ['emoji is no letter', `\u{1F600}${A}\u{1F600}`, `\u{1F600}«b:${A}»\u{1F600}`],
  ['combining mark on a Latin letter (NFD é) before', `e\u0301${A}`, `e\u0301${A}`],
  ['combining mark after the ID', `${A}\u0301`, `${A}\u0301`],
  ['combining mark standing alone before', ` \u0301${A}`, ` \u0301${A}`],
  ['combining mark on a CJK letter reads as CJK', `か\u3099${A}`, `か\u3099«b:${A}»`],
  ['two marks on a Latin letter', `a\u0301\u0302${A}`, `a\u0301\u0302${A}`],
  ['precomposed é', `é${A}`, `é${A}`],
];

const loneCr: Row[] = [
  ['lone CR: prose lines', `a ${A}\rb ${B}\r`, `a «b:${A}»\rb «b:${B}»\r`],
  ['lone CR: fenced code', `\`\`\`\r${A}\r\`\`\`\r${B}`, `\`\`\`\r${A}\r\`\`\`\r«b:${B}»`],
  ['lone CR: fenced code with tildes and a language', `~~~js\r${A}\r~~~\r${B}`, `~~~js\r${A}\r~~~\r«b:${B}»`],
  ['lone CR: a fence in a list', `- x\r  \`\`\`\r  ${A}\r  \`\`\`\r- ${B}`, `- x\r  \`\`\`\r  ${A}\r  \`\`\`\r- «b:${B}»`],
  ['lone CR: frontmatter', `---\rid: ${A}\r---\r${B}`, `---\rid: ${A}\r---\r«b:${B}»`],
  ['lone CR: indented code', `Para.\r\r    ${A}\r\r${B}`, `Para.\r\r    ${A}\r\r«b:${B}»`],
  ['lone CR: display math', `$$\r${A}\r$$\r${B}`, `$$\r${A}\r$$\r«b:${B}»`],
  ['lone CR: a code span ends at a blank line', `\`a\r\r${A} b\``, `\`a\r\r«b:${A}» b\``],
  ['lone CR: inline math ends at the line', `$a\r${A}$`, `$a\r«b:${A}»$`],
  ['lone CR: a wikilink ends at the line', `[[a\r${A}]]`, `[[a\r«b:${A}»]]`],
  ['lone CR: definitions', `x\r\r[a]: /${A}\r[b]: /${B}`, `x\r\r[a]: /«m:${A}»\r[b]: /«m:${B}»`],
  ['lone CR: a definition cannot interrupt a paragraph', `x\r[a]: /${A}`, `x\r[a]: /«b:${A}»`],
  ['mixed line ends', `a ${A}\r\n\`\`\`\r${B}\r\`\`\`\n${C}`, `a «b:${A}»\r\n\`\`\`\r${B}\r\`\`\`\n«b:${C}»`],
];

const underscoreInLinks: Row[] = [
  ['an underscore after the ID separates in a link target (as in file names)', `[[${A}_title]]`, `[[«w:${A}»_title]]`],
  ['a letter after the ID joins in a link target', `[[${A}x]]`, `[[${A}x]]`],
];

const TEN_TILDES = '~~~~~~~~~~';
const FRONT = '---\nid: 202101010000\ntags: [a]\n---\n';

function variants(rows: Row[], format: IdFormat): void {
  test.each(rows)('%s', (_name, input, expected) => {
    expect(mark(input, format)).toBe(expected);
  });
  // A row that is its own frontmatter would become body text below another one.
  test.each(rows.filter(([, input]) => !input.startsWith('---')))('%s, after frontmatter', (_name, input, expected) => {
    expect(mark(FRONT + input, format)).toBe(FRONT + expected);
  });
  const lfRows = rows.filter(([, input]) => !input.includes('\r'));
  if (lfRows.length > 0) {
    test.each(lfRows)('%s, with CRLF line ends', (_name, input, expected) => {
      expect(mark(input.replace(/\n/g, '\r\n'), format)).toBe(expected.replace(/\n/g, '\r\n'));
    });
    test.each(lfRows)('%s, with lone-CR line ends', (_name, input, expected) => {
      expect(mark(input.replace(/\n/g, '\r'), format)).toBe(expected.replace(/\n/g, '\r'));
    });
  }
  test.each(rows)('%s, inside a code fence', (_name, input) => {
    const fenced = `${TEN_TILDES}\n${input}\n${TEN_TILDES}\n`;
    expect(mark(fenced, format)).toBe(fenced);
  });
}

describe('link reference definitions and [label]: lines', () => variants(definitions, TWELVE_DIGIT));
describe('IDs touching CJK text', () => variants(cjk, TWELVE_DIGIT));
describe('astral letters and combining marks', () => variants(astralAndMarks, TWELVE_DIGIT));
describe('lone-CR line ends', () => variants(loneCr, TWELVE_DIGIT));
describe('underscores in link targets', () => variants(underscoreInLinks, TWELVE_DIGIT));

const D = '20200310T094419';
const denote: Row[] = [
  ["Denote's own link form", `[desc](denote:${D})`, `[desc](denote:«m:${D}»)`],
  ['Denote link in a definition', `[r]: denote:${D}`, `[r]: denote:«m:${D}»`],
  ['Denote link to something that is no ID', `[desc](denote:${D}0)`, `[desc](denote:${D}0)`],
  ['Denote link to no ID at all', `[desc](denote:notes)`, `[desc](denote:notes)`],
  ['wikilink to a name with a signature', `[[${D}==2--reading-notes__books]]`, `[[«w:${D}»==2--reading-notes__books]]`],
  ['markdown link to a name with keywords only', `[x](${D}__books.md)`, `[x](«m:${D}»__books.md)`],
  ['bare Denote ID next to Japanese', `詳細は${D}を参照`, `詳細は«b:${D}»を参照`],
];

describe('Denote names and links', () => variants(denote, DENOTE));

test('denote: links are references only with the Denote format', () => {
  expect(mark(`[desc](denote:202001011200)`, TWELVE_DIGIT)).toBe(`[desc](denote:202001011200)`);
});
