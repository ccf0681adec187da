/**
 * Rules of the recognition core (src/core/ids/) that mutation testing found no test held: each row
 * fails under a mutant of that code (made by hand) that every other test of tests/core/ids let live
 * (the rows for blocks.ts, scanLinks.ts and definitions.ts: tests/corpora and tests/core/index too).
 * Same marking as scanner.table.test.ts: «b:…» bare, «w:…» wikilink, «m:…» markdown link.
 */
import { TWELVE_DIGIT, idFormatFor } from '../../../src/core/ids/formats';
import { CUSTOM_PATTERN_LINE_CAP, findIdsInProse } from '../../../src/core/ids/prose';
import { scanReferences } from '../../../src/core/ids/scanner';
import { titleAfterId } from '../../../src/core/ids/title';
import { mark } from './mark';

const A = '202001011200';

// [case, input, expected marking]
type Row = [string, string, string];

// A token (what a URL start or an attachment's extension is looked for in) ends at any white space.
const tokenEnds: Row[] = [
  ['a tab ends a URL before the ID', `https://x.org/\t${A}`, `https://x.org/\t«b:${A}»`],
  ['a form feed ends a URL before the ID', `https://x.org/\f${A}`, `https://x.org/\f«b:${A}»`],
  ['a vertical tab ends a URL before the ID', `https://x.org/\v${A}`, `https://x.org/\v«b:${A}»`],
  ['a no-break space ends a URL before the ID', `https://x.org/\u00A0${A}`, `https://x.org/\u00A0«b:${A}»`],
  ['a tab ends the token before an attachment name', `${A}\tx.png`, `«b:${A}»\tx.png`],
  ['a form feed ends the token before an attachment name', `${A}\fx.png`, `«b:${A}»\fx.png`],
  ['a vertical tab ends the token before an attachment name', `${A}\vx.png`, `«b:${A}»\vx.png`],
  ['a no-break space ends the token before an attachment name', `${A}\u00A0x.png`, `«b:${A}»\u00A0x.png`],
];

const urls: Row[] = [
  ['a scheme ending in a digit after a hyphen', `x-1://h/${A}`, `x-1://h/${A}`],
];

const attachments: Row[] = [
  ['.jpeg', `${A}.jpeg`, `${A}.jpeg`],
  ['.tif', `${A}.tif`, `${A}.tif`],
  ['.tiff', `${A}.tiff`, `${A}.tiff`],
  ['in parentheses', `(${A}.png)`, `(${A}.png)`],
  ['followed by several punctuation marks', `${A}.png).`, `${A}.png).`],
  ['an attachment extension that is not the last one', `${A}.png.md`, `«b:${A}».png.md`],
];

const marks: Row[] = [
  ['two combining marks on a CJK letter read as that letter', `か\u3099\u3099${A}`, `か\u3099\u3099«b:${A}»`],
];

// blocks.ts: where prose stands among fences, indented code, display math and lists.
const blocks: Row[] = [
  ['a tab indents code after a blank line', `x\n\n\t${A}`, `x\n\n\t${A}`],
  ['a fence line inside display math opens no fence', `x\n$$\n\`\`\`\n$$\n${A}`, `x\n$$\n\`\`\`\n$$\n«b:${A}»`],
  ['a tilde fence in a quote', `> ~~~\n> ${A}\n> ~~~`, `> ~~~\n> ${A}\n> ~~~`],
  ['a fence indented by a tab in a list item closes', `- a\n\t\`\`\`\n\tx\n\t\`\`\`\n${A}`, `- a\n\t\`\`\`\n\tx\n\t\`\`\`\n«b:${A}»`],
  ['a blank line inside indented code does not end it', `x\n\n    a\n\n    ${A}`, `x\n\n    a\n\n    ${A}`],
  ['a line of spaces after a blank line opens no indented code', `%% a\n\n    \n${A} %%`, `%% a\n\n    \n${A} %%`],
  ['display math that opens a line and text after it on the line is prose', `$$a$$ ${A}`, `$$a$$ «b:${A}»`],
  ['a quote line ends a list: an indented line after a blank line is code', `- a\n> q\n\n    ${A}`, `- a\n> q\n\n    ${A}`],
];

// An indented line after a blank line continues a list item, and is code after anything else.
const listItems: Row[] = [
  ['a `+` item', `x\n\n+ a\n\n    ${A}`, `x\n\n+ a\n\n    «b:${A}»`],
  ['an ordered item', `x\n\n1. a\n\n    ${A}`, `x\n\n1. a\n\n    «b:${A}»`],
  ['an ordered item first in the note', `1. a\n\n    ${A}`, `1. a\n\n    «b:${A}»`],
  ['an item numbered 0', `x\n\n0. a\n\n    ${A}`, `x\n\n0. a\n\n    «b:${A}»`],
  ['an item numbered with a parenthesis', `x\n\n1) a\n\n    ${A}`, `x\n\n1) a\n\n    «b:${A}»`],
  ['ten digits and a dot: no item', `x\n\n1234567890. a\n\n    ${A}`, `x\n\n1234567890. a\n\n    ${A}`],
  ['a decimal number: no item', `x\n\n1.5 a\n\n    ${A}`, `x\n\n1.5 a\n\n    ${A}`],
  ['a dash joined to a word: no item', `x\n\n-ab\n\n    ${A}`, `x\n\n-ab\n\n    ${A}`],
];

// scanLinks.ts: wikilinks and markdown links.
const links: Row[] = [
  ['a percent-escaped digit in place of the ID names none', `[t](%32${A.slice(1)}.md)`, `[t](%32${A.slice(1)}.md)`],
  ['a target that does not decode is read as written', `[t](<${A} 100% sure.md>)`, `[t](<«m:${A}» 100% sure.md>)`],
  ['a link to a heading of the same note names no note', `[[#a/${A}]]`, `[[#a/${A}]]`],
  ['a line of a tab is blank: no bracket pairs across it', `[a\\\n\nb\n\t\n](${A})`, `[a\\\n\nb\n\t\n](«b:${A}»)`],
  ['a tab before the destination', `[t](\t${A}.md)`, `[t](\t«m:${A}».md)`],
  ['a destination in angle brackets does not cross lines', `[t](<${A}\nx>)`, `[t](<«b:${A}»\nx>)`],
  ['an escaped parenthesis in the destination', `[t](a\\)/${A}.md)`, `[t](a\\)/«m:${A}».md)`],
  ['balanced parentheses in the destination', `[t](a(b)/${A}.md)`, `[t](a(b)/«m:${A}».md)`],
  ['a tab ends the destination', `[t](a\t${A}.md)`, `[t](a\t«b:${A}».md)`],
  ['a title in single quotes', `[t](${A}.md 'x')`, `[t](«m:${A}».md 'x')`],
  ['an embedded markdown link', `![t](${A}.md)`, `![t](«m:${A}».md)`],
];

// definitions.ts: a `[label]: destination` line is a definition only as CommonMark defines one.
const definitions: Row[] = [
  ['after 41 characters of container markers', `${'> '.repeat(20)} [a]: ${A}`, `${'> '.repeat(20)} [a]: «m:${A}»`],
  ['not after 42 characters of them', `${'> '.repeat(21)}[a]: ${A}`, `${'> '.repeat(21)}[a]: «b:${A}»`],
  ['a label of 999 characters', `[${'x'.repeat(999)}]: ${A}`, `[${'x'.repeat(999)}]: «m:${A}»`],
  ['not a label of 1000 characters', `[${'x'.repeat(1000)}]: ${A}`, `[${'x'.repeat(1000)}]: «b:${A}»`],
  ['in a list item numbered with a parenthesis', `x\n1) [a]: ${A}`, `x\n1) [a]: «m:${A}»`],
  ['not after seven #, a paragraph', `####### x\n[a]: ${A}`, `####### x\n[a]: «b:${A}»`],
  ['not after a tag, a paragraph', `#tag\n[a]: ${A}`, `#tag\n[a]: «b:${A}»`],
  ['not after two asterisks, a paragraph', `**\n[a]: ${A}`, `**\n[a]: «b:${A}»`],
  ['after a thematic break of underscores', `___\n[a]: ${A}`, `___\n[a]: «m:${A}»`],
  ['first in the prose after a fence', `\`\`\`\nx\n\`\`\`\n[a]: ${A}`, `\`\`\`\nx\n\`\`\`\n[a]: «m:${A}»`],
  ['after a heading indented by two spaces', `  # x\n[a]: ${A}`, `  # x\n[a]: «m:${A}»`],
  ['a label with an escaped bracket', `[a\\[b]: ${A}`, `[a\\[b]: «m:${A}»`],
  ['not a label of a tab alone', `[\t]: ${A}`, `[\t]: «b:${A}»`],
  ['not a destination in angle brackets holding a <', `[a]: <${A}<x>`, `[a]: <«b:${A}»<x>`],
  ['not a destination ending in DEL', `[a]: ${A}\x7f`, `[a]: «b:${A}»\x7f`],
  ['a destination with an escaped parenthesis', `[a]: a\\)/${A}.md`, `[a]: a\\)/«m:${A}».md`],
  ['not a destination closing a parenthesis it did not open', `[a]: ${A}.md)(`, `[a]: «b:${A}».md)(`],
];

// prose.ts: how far around an ID the word rule looks for the email address, tag or token holding
// it. Beyond each reach it stops looking (a bound on the work per ID): the figures are the edges.
const reach: Row[] = [
  // An email address is looked for up to 256 characters before the ID and 256 after it.
  ['an email address starting 256 characters before the ID holds it', `x@${'b.'.repeat(127)}${A}.org`, `x@${'b.'.repeat(127)}${A}.org`],
  ['one starting 257 characters before is not looked for: the ID is bare', `x@b${'b.'.repeat(127)}${A}.org`, `x@b${'b.'.repeat(127)}«b:${A}».org`],
  // Cut one character short, `@bbb.c` is `@bbb.`, no address.
  ['an email address ending 256 characters after the ID holds it', `${A}@${'b'.repeat(253)}.c`, `${A}@${'b'.repeat(253)}.c`],
  ['one ending 257 characters after is not looked for: the ID is bare', `${A}@${'b'.repeat(254)}.c`, `«b:${A}»@${'b'.repeat(254)}.c`],
  // A tag's # is looked for up to 256 characters before the ID.
  ['a tag whose # stands 256 characters before the ID holds it', `#${'a'.repeat(254)}/${A}`, `#${'a'.repeat(254)}/${A}`],
  ['a # 257 characters before is not looked for: the ID is bare', `#${'a'.repeat(255)}/${A}`, `#${'a'.repeat(255)}/«b:${A}»`],
  // The token a URL starts or an attachment's extension ends is read up to 2,048 characters each side.
  ['a URL with the last letter of its scheme 2,048 characters before the ID holds it', `https://${'a'.repeat(2043)}/${A}`, `https://${'a'.repeat(2043)}/${A}`],
  ['one 2,049 characters before is not looked for: the ID is bare', `https://${'a'.repeat(2044)}/${A}`, `https://${'a'.repeat(2044)}/«b:${A}»`],
  ['an attachment name ending 2,048 characters after the ID holds it', `${A}-${'a'.repeat(2043)}.png`, `${A}-${'a'.repeat(2043)}.png`],
  ['one ending 2,049 characters after is not looked for: the ID is bare', `${A}-${'a'.repeat(2044)}.png`, `«b:${A}»-${'a'.repeat(2044)}.png`],
];

// searcher.ts: where inline math closes and where a paragraph ends, for code spans over lines.
const searches: Row[] = [
  ['a `$` after a backslash does not close inline math', `$a\\$ ${A} b$`, `$a\\$ ${A} b$`],
  ['a `$` after a space does not close inline math', `$a $ ${A} b$`, `$a $ ${A} b$`],
  ['a `$` before a digit does not close inline math', `$a$1 ${A} b$`, `$a$1 ${A} b$`],
  ['a line of spaces ends the paragraph a code span would cross', `\`a\n  \n${A} \``, `\`a\n  \n«b:${A}» \``],
  ['a line of tabs ends the paragraph a code span would cross', `\`a\n\t\n${A} \``, `\`a\n\t\n«b:${A}» \``],
  ['a code span whose first line ends in spaces crosses lines', `\` \t\nb\n${A} \``, `\` \t\nb\n${A} \``],
  ['a line with a letter does not end the paragraph', `\`a\n \tb\n${A} \``, `\`a\n \tb\n${A} \``],
  ['a code span crosses lines of a CRLF paragraph', `x\r\n\`a\r\n${A}\``, `x\r\n\`a\r\n${A}\``],
  ['a blank line of a CRLF note ends the paragraph', `x\r\n\`a\r\n\r\n${A}\``, `x\r\n\`a\r\n\r\n«b:${A}»\``],
];

// scanner.ts: which special characters open a construct, and where prose resumes after it.
const constructs: Row[] = [
  ['a `$` before a space opens no inline math', `$ ${A} b$`, `$ «b:${A}» b$`],
  ['prose resumes after the closing `$`, which opens nothing', `$a$b ${A} c$`, `$a$b «b:${A}» c$`],
  ['a `$` after a digit opens inline math', `x1$a ${A} b$`, `x1$a ${A} b$`],
  ['display math on one line', `x $$ ${A} $$ y`, `x $$ ${A} $$ y`],
  ['display math over two lines of a paragraph', `x $$ a\n${A} $$ y`, `x $$ a\n${A} $$ y`],
  ['display math closed at the end of the note', `x $$ ${A} $$`, `x $$ ${A} $$`],
  ['display math closed only by a display math block after the prose is literal', `x $$ ${A}\n$$\ny\n$$`, `x $$ «b:${A}»\n$$\ny\n$$`],
  ['display math closed only past the prose (in a code block) is literal', `x $$ ${A}\n\`\`\`\n$$\n\`\`\``, `x $$ «b:${A}»\n\`\`\`\n$$\n\`\`\``],
  ['display math closed where the prose ends', `x $$ ${A} $$\n\`\`\`\nx\n\`\`\``, `x $$ ${A} $$\n\`\`\`\nx\n\`\`\``],
  ['an HTML tag closed only past the prose is literal', `<a x=${A}\n\n    >`, `<a x=«b:${A}»\n\n    >`],
  ['an HTML tag closed where the prose ends', `<a x=${A}>\n\`\`\`\nx\n\`\`\``, `<a x=${A}>\n\`\`\`\nx\n\`\`\``],
  ['an HTML tag that ends the note', `x <a x=${A}>`, `x <a x=${A}>`],
  ['an HTML comment runs past a `>` to its own closer', `<!-- a > ${A} -->`, `<!-- a > ${A} -->`],
  ['a backslash before a digit escapes nothing', `\\${A}`, `\\«b:${A}»`],
  ['a backslash after punctuation before a digit escapes nothing', `(\\${A}`, `(\\«b:${A}»`],
  ['a wikilink after a digit', `1[[${A}]]`, `1[[«w:${A}»]]`],
  ['an unclosed run of backticks is literal whole: no backtick of it opens a span', `\`\`a ${A}\` x`, `\`\`a «b:${A}»\` x`],
  ['an ID starting with 0', '090001011200', '«b:090001011200»'],
  ['an ID starting with 9', '990001011200 x', '«b:990001011200» x'],
];

describe.each([
  ['constructs', constructs],
  ['searches', searches],
  ['token ends', tokenEnds],
  ['the reach of the word rule', reach],
  ['URLs', urls],
  ['attachment names', attachments],
  ['combining marks', marks],
  ['blocks', blocks],
  ['list items', listItems],
  ['links', links],
  ['definitions', definitions],
])('%s', (_group, rows) => {
  test.each(rows)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});

// A title after an ID ends where a word does, and an underscore is part of a word there too.
describe('titleAfterId and underscores', () => {
  test.each([
    ['a title followed by an underscore and a letter', '202108191025 Teams_x', 'Teams', null],
    ['a title ending in an underscore followed by a letter', '202108191025 Teams_x', 'Teams_', null],
  ])('%s', (_name, text, title, end) => {
    expect(titleAfterId(text, 12, title)).toBe(end);
  });
});

// A link's parts: what repair keeps of it (alias, heading) and what it repoints (the target).
describe('link parts', () => {
  test('an escaped pipe (in a table) starts the alias and is no part of the target', () => {
    const [ref] = scanReferences(`| [[${A}\\|alias]] |`, TWELVE_DIGIT);
    expect(ref.link).toMatchObject({ target: A, display: 'alias' });
  });
  test("a markdown link's heading is its subpath, not part of its target", () => {
    const [ref] = scanReferences(`[t](${A}%20Title.md#Heading)`, TWELVE_DIGIT);
    expect(ref.link).toMatchObject({ target: `${A}%20Title.md`, subpath: '#Heading' });
  });
  test('a wikilink to denote:ID names no note (only a markdown link does)', () => {
    const denote = idFormatFor('denote', '');
    expect(scanReferences('[[denote:20200310T094419]]', denote)).toStrictEqual([]);
    expect(scanReferences('[d](denote:20200310T094419)', denote).map((r) => r.form)).toStrictEqual(['markdown']);
  });
});

// A custom pattern's cap counts from each line's start, and a lone CR starts a line too.
test('a custom pattern finds an ID after a lone CR that ends a line as long as the cap', () => {
  const format = idFormatFor('custom', 'ZK-\\d{4}');
  const text = `${'x '.repeat(CUSTOM_PATTERN_LINE_CAP / 2)}\rZK-0001`;
  expect(scanReferences(text, format).map((r) => r.id)).toStrictEqual(['ZK-0001']);
  expect(findIdsInProse(text, format).map((m) => m.id)).toStrictEqual(['ZK-0001']);
});

// scanner.ts: an embed's `!` belongs to the embed only when it stands in the prose before the link.
describe('embeds', () => {
  test('an escaped `!` makes no embed; one in prose does', () => {
    const links = scanReferences(`\\![[${A}]] x![[${A}]] x [[${A}]]`, TWELVE_DIGIT).map((ref) => [ref.link?.from, ref.link?.embed]);
    expect(links).toStrictEqual([
      [2, false],
      [20, true],
      [40, false],
    ]);
  });

  test('an empty alias is an empty display; no alias is none', () => {
    const displays = scanReferences(`[[${A}|]] [[${A}]] [t](${A}.md) [](${A}.md)`, TWELVE_DIGIT).map((ref) => ref.link?.display);
    expect(displays).toStrictEqual(['', null, 't', '']);
  });

  // What the command-line tool prints as JSON: each form's keys in the order they have always had.
  test("a link's parts keep their order for each form", () => {
    const [wikilink, markdown] = scanReferences(`[[${A}]] [t](${A}.md)`, TWELVE_DIGIT);
    expect(Object.keys(wikilink.link ?? {})).toStrictEqual(['from', 'to', 'embed', 'target', 'targetFrom', 'targetTo', 'subpath', 'display']);
    expect(Object.keys(markdown.link ?? {})).toStrictEqual(['from', 'to', 'embed', 'display', 'target', 'targetFrom', 'targetTo', 'subpath']);
  });
});

// scanner.ts, custom patterns: constructs first, then the IDs of the prose between them.
describe('custom patterns around constructs', () => {
  const zk = idFormatFor('custom', 'zk-\\d{4}');
  const refs = (text: string, format = zk) => scanReferences(text, format).map((ref) => `${ref.form}:${ref.id}`);

  test('references come in text order, a bare ID before the link after it', () => {
    expect(refs('zk-0001 [[zk-0002]] zk-0003')).toStrictEqual(['bare:zk-0001', 'wikilink:zk-0002', 'bare:zk-0003']);
  });

  test('a literal special character leaves the prose around it whole', () => {
    expect(refs('zk-0001 $ x [y zk-0002 \\a `z')).toStrictEqual(['bare:zk-0001', 'bare:zk-0002']);
  });

  test('nothing past the prose: a link in a code block ends no stretch of prose', () => {
    expect(refs('a\n```\nzk-0001 [[y]]\n```')).toStrictEqual([]);
  });

  test("an embed's `!` is no part of the prose before it", () => {
    const bang = idFormatFor('custom', 'zk\\d{2}!?');
    expect(refs('zk01![[zk02]]', bang)).toStrictEqual(['bare:zk01', 'wikilink:zk02']);
    // A character before a link that is not an embed's `!` stays in the prose: here it joins the ID.
    expect(refs('zk01x[[zk02]]', bang)).toStrictEqual(['wikilink:zk02']);
  });
});
