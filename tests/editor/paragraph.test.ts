import { Text } from '@codemirror/state';
import { MAX_PARAGRAPH_CHARS, paragraphAround } from '../../src/editor/paragraph';

/** The paragraph around the line holding `@` (marked lines are 1-based), as text and wholeness. */
function around(lines: string[]): { text: string; whole: boolean } {
  const doc = Text.of(lines);
  const number = lines.findIndex((line) => line.includes('@')) + 1;
  const { text, from, whole } = paragraphAround(doc, doc.line(number));
  expect(doc.sliceString(from, from + text.length)).toBe(text);
  return { text, whole };
}

describe('paragraphAround', () => {
  test.each<[string, string[], string]>([
    ['blank lines around', ['a', '', 'b', '@', 'c', '', 'd'], 'b\n@\nc'],
    ['the whole document', ['b', '@', 'c'], 'b\n@\nc'],
    ['a heading before, a list item after', ['# h', 'b', '@', '- c'], 'b\n@'],
    ['a list item line starts it; its lazy line goes on', ['x', '- b', '@', '1. c'], '- b\n@'],
    ['a fence after', ['b', '@', '```', 'code'], 'b\n@'],
    ['a thematic break after', ['b', '@', '***'], 'b\n@'],
    ['quote lines go on, a quote after a paragraph starts one', ['b', '> a', '> @', 'lazy', '', 'x'], '> a\n> @\nlazy'],
    ['a line that is a block start itself', ['b', '- @', 'c'], '- @\nc'],
    ['a setext underline before', ['h', '===', '@', 'c'], '@\nc'],
    // A `-` underline of one or two dashes is neither an item nor a thematic break: it ends the heading all the same.
    ['a setext underline of two dashes before', ['[h', '--', '@', 'c'], '@\nc'],
    // A lone dash may be an empty list item instead: its paragraph would go on from the line after.
    ['a lone dash before, which may be an empty item', ['[h', '-', '@'], '-\n@'],
    ['a setext underline of two dashes after', ['b', '@', '--', 'c'], 'b\n@\n--'],
    ['a lazy line after a two-dash line in a quote goes on', ['> a', '> @', '--', '> c'], '> a\n> @\n--\n> c'],
    ['a fence before', ['```', '@', 'c'], '@\nc'],
    // A backtick fence's info string holds no backtick: such a line is text (CommonMark).
    ['a line of backticks after its opening run goes on', ['b', '```a``', '@'], 'b\n```a``\n@'],
    // Only a bullet or an item numbered 1 interrupts a paragraph; the next item of its list ends it.
    ['an item numbered 2 goes on with it', ['b', '@', '2. c'], 'b\n@\n2. c'],
    ['an item numbered 2 goes on with it below a heading', ['# h', 'b', '@', '2. c'], 'b\n@\n2. c'],
    ['the next item of its list ends it', ['1. b', '@', '2. c'], '1. b\n@'],
    // Lines are read inside the quotes they share with the line before.
    ['an item inside its quote ends it', ['> b', '> @', '> - c'], '> b\n> @'],
    ['a blank quote line ends it', ['> b', '> @', '>', '> c'], '> b\n> @'],
    // A line after a lazy one is read against the paragraph's last line in its own quotes.
    ['a quote line after a lazy line goes on', ['x', '', '> a', 'b', '> @', 'c'], '> a\nb\n> @\nc'],
    ['lines after a lazy line below go on in its quotes', ['> @', 'b', '> c', 'd', '> > e'], '> @\nb\n> c\nd'],
    ['a nested quote line after lazy lines in each fewer quote goes on', ['> > a', '> b', 'c', '> > @'], '> > a\n> b\nc\n> > @'],
    ['a deeper quote after a lazy line starts one', ['> a', 'b', '> > @', 'c'], '> > @\nc'],
    ['a quote after a paragraph outside every quote starts one', ['a', 'b', '> @'], '> @'],
    ['a quote after a paragraph under a quote starts one', ['> a', '', 'b', '> @'], '> @'],
    ['a quote after a heading in a quote and a paragraph line starts one', ['> # h', 'b', '> @'], '> @'],
    ['the next item in a quote after a lazy line ends it', ['> 1. a', 'b', '> 2. @'], '> 2. @'],
    ['a heading in a quote after a lazy line is a block of its own', ['> a', 'b', '> # @', 'c'], '> # @'],
    ['a lazy line after a setext underline in a quote starts a paragraph', ['> @', '> ===', 'x'], '> @\n> ==='],
    // A line that starts a block indented four columns inside its quotes is indented code, no paragraph.
    ['an item after indented code that a quote opens starts a paragraph', ['a', '>     code', '> 2. b', '@'], '> 2. b\n@'],
    ['indented code in a quote goes on over its lines', ['a', '>     code', '>     more', '> 2. @'], '> 2. @'],
    ['indented code opened by a nested quote', ['> a', '> >     code', '> > 2. @'], '> > 2. @'],
    ['indented code opened by a quote, two tabs past its marker', ['a', '>\t\tcode', '> 2. @'], '> 2. @'],
    ['a tab after a nested quote\'s marker leaves no indentation: a paragraph', ['> a', '> >\tb', '> > 2. @'], '> >\tb\n> > 2. @'],
    ['a quote line indented four after a lazy line goes on with the paragraph', ['> a', 'b', '>     @'], '> a\nb\n>     @'],
    ['a quote line indented four after a heading in the quote is code', ['> # h', '>     x', '> @'], '> @'],
    ['a line indented four after code, in fewer quotes, is code too', ['a', '>     code', '    x', '@'], '@'],
    ['indented code at the note\'s start, an item numbered 2 after it', ['    code', '2. @'], '2. @'],
    // Under a blank line an indented line may be a list item's paragraph: it is read as one.
    ['an indented paragraph under a blank line in a list', ['- a', '', '    b [see', '    @'], '    b [see\n    @'],
  ])('%s', (_name, lines, expected) => {
    expect(around(lines)).toStrictEqual({ text: expected, whole: true });
  });

  test('quotes are read inside one another 64 deep; deeper, their lines go on with each other, however deep', () => {
    const quoted = (depth: number, text: string): string => `${'>'.repeat(depth)} ${text}`;
    expect(around([quoted(64, '@'), quoted(64, '- c')])).toStrictEqual({ text: quoted(64, '@'), whole: true });
    expect(around([quoted(65, '@'), quoted(65, '- c')])).toStrictEqual({ text: `${quoted(65, '@')}\n${quoted(65, '- c')}`, whole: true });
    expect(around([quoted(2_000, '@'), quoted(2_000, '- c')]).text.split('\n')).toHaveLength(2);
    // Lines this long are cut when read, but their quotes are looked at first.
    const deep = '>'.repeat(100_000);
    expect(around([`${deep} @`, `${deep} c`]).whole).toBe(false);
  });

  test('a paragraph of more lines than are read is cut, each way', () => {
    const lines = [...Array.from({ length: 40 }, (_, n) => `before ${n}`), '@', ...Array.from({ length: 40 }, (_, n) => `after ${n}`)];
    const { text, whole } = around(lines);
    expect(whole).toBe(false);
    expect(text.split('\n')).toHaveLength(65);
  });

  test('a quote after more lines than are read, none in a quote, may be after lazy lines: it is cut', () => {
    const lines = [...Array.from({ length: 40 }, (_, n) => `before ${n}`), '> @', '> c'];
    expect(around(lines)).toStrictEqual({ text: '> @\n> c', whole: false });
    expect(around(['> a', ...lines])).toStrictEqual({ text: '> @\n> c', whole: false });
    // After a blank line, or a block start in as many quotes, there is nothing to look for above.
    expect(around([...lines.slice(0, 40), '', '> @'])).toStrictEqual({ text: '> @', whole: true });
    expect(around([...lines.slice(0, 40).map((line) => `> ${line}`), '> - @'])).toStrictEqual({ text: '> - @', whole: true });
    const quoted = Array.from({ length: 32 }, (_, n) => `> line ${n}`);
    expect(around(['', ...quoted, '> @'])).toStrictEqual({ text: [...quoted, '> @'].join('\n'), whole: true });
  });

  test('indented lines past what is read up: cut, and not taken for code', () => {
    const lines = [...Array.from({ length: 40 }, (_, n) => `    before ${n}`), '    @'];
    const { text, whole } = around(lines);
    expect(whole).toBe(false);
    expect(text.split('\n')).toHaveLength(33);
  });

  test('a paragraph of more characters than are read is cut', () => {
    const long = 'x'.repeat(MAX_PARAGRAPH_CHARS);
    expect(around(['b', long, '@']).whole).toBe(false);
    expect(around(['@', long]).whole).toBe(false);
    expect(around(['@', 'x'.repeat(MAX_PARAGRAPH_CHARS - 1)]).whole).toBe(true);
  });
});
