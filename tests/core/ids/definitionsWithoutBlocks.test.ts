/**
 * The definition parser without the block pass, as the editor calls it (src/editor/definitionLines.ts):
 * whether a line starts a block, so that a definition may stand on it, is read from the lines
 * before it. Each row is read so by commonmark.js.
 */
import fc from 'fast-check';
import { linkDefinition, mayOpenAfterLine } from '../../../src/core/ids/definitions';

/** Whether the last `[` of `text` opens a definition, the parser given no block pass. */
function opensDefinition(text: string): boolean {
  const open = text.lastIndexOf('[');
  const close = text.indexOf(']:', open);
  const lineEnd = (at: number): number => {
    const found = text.indexOf('\n', at);
    return found === -1 ? text.length : found;
  };
  return linkDefinition({ text, rangeFrom: 0, limit: text.length, lineEnd, lastDefinitionEnd: -1 }, open, close) !== null;
}

describe('a definition without the block pass', () => {
  test.each<[string, string, boolean]>([
    ['at the start of the text', '[n]: /u', true],
    ['after a blank line', 'a\n\n[n]: /u', true],
    ['continuing a paragraph', 'a\n[n]: /u', false],
    ['after a heading', '# h\n[n]: /u', true],
    ['after a thematic break', '***\n[n]: /u', true],
    ['after a quote marker alone', '> a\n>\n> [n]: /u', true],
    ['a quote opening after a paragraph line', 'a\n> [n]: /u', true],
    ['a quote line going on with a quote', '> a\n> [n]: /u', false],
    ['a quote line after a lazy line of that quote', '> a\nb\n> [n]: /u', false],
    ['a nested quote opening in a quote', '> a\n> > [n]: /u', true],
    ['a quote after a paragraph that a heading before it starts', '> a\n# h\nb\n> [n]: /u', true],
    ['a quote marker after four spaces is text', 'a\n    > [n]: /u', false],
    ['a quote marker after three spaces', 'a\n   > [n]: /u', true],
    // A list item starts the paragraph that the lines after it go on (the quote before it is another block's).
    ['a quote after a paragraph that a list item starts, after a quote', '> a\n- b\nc\n> [n]: /u', true],
    ['a quote after a list item that follows a quote', '> a\n- b\n> [n]: /u', true],
    ['a quote after an item numbered 2 that follows a quote', '> a\n2. b\n> [n]: /u', true],
    ['a quote after an empty item that follows a quote', '> a\n- \nc\n> [n]: /u', true],
    ['a quote after an item numbered 2 that goes on a paragraph', 'a\n2. b\n> [n]: /u', true],
    ['a quote line after an item numbered 2 that goes on a quote lazily', '> a\n> b\n2. c\n> [n]: /u', true],
    ['a quote line after a list item in the quote', '> - a\n> [n]: /u', false],
    // An item numbered 1 (`1)` as well as `1.`) may interrupt any paragraph: it ends the nested
    // quote's paragraph, which the lazy line `> x` went on, so the quote after it opens a block.
    ['a nested quote after an item numbered `1)` that ends a lazily continued quote', '> > a\n> x\n> 1) b\n> > [n]: /u', true],
    ['after a heading of six #', '###### h\n[n]: /u', true],
    ['continuing a paragraph of seven #', '####### h\n[n]: /u', false],
  ])('%s', (_, text, expected) => {
    expect(opensDefinition(text)).toBe(expected);
  });
});

/** mayOpenAfterLine's question about the last `[` of `text`: its line's prefix, and the line before it. */
function mayOpen(text: string): boolean {
  const open = text.lastIndexOf('[');
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return mayOpenAfterLine(text.slice(lineStart, open), text.slice(previousStart, lineStart - 1));
}

describe('whether a label line may open a definition after the line before it, nothing else read', () => {
  test.each<[string, string, boolean]>([
    ['continuing a paragraph', 'a\n[n]: /u', false],
    ['indented, continuing a paragraph', 'a\n   [n]: /u', false],
    ['after a heading', '# h\n[n]: /u', true],
    ['after a heading of six #', '###### h\n[n]: /u', true],
    ['continuing a paragraph of seven #', '####### h\n[n]: /u', false],
    ['after a thematic break', '***\n[n]: /u', true],
    ['after a setext underline', 'a\n===\n[n]: /u', true],
    ['a quote opening after a paragraph line', 'a\n> [n]: /u', true],
    ['a list item after a paragraph line', 'a\n- [n]: /u', true],
    ['after text before the label', 'a\nb [n]: /u', false],
  ])('%s', (_, text, expected) => {
    expect(mayOpen(text)).toBe(expected);
  });

  // The promise the editor relies on to skip reading: no means no definition, whatever the lines before say.
  const line = fc.constantFrom('a', 'text', '', '> a', '>', '> > a', '- a', '2. a', '# h', '***', '===', '   > a', '    > a', '- ', '> - a', '[x]: /u', 'b]: /u');
  const labelLine = fc.constantFrom('[n]: /u', '> [n]: /u', '- [n]: /u', '   [n]: /u', '    [n]: /u', '> > [n]: /u', '1. [n]: /u', '\t[n]: /u', 'x [n]: /u', '>  - [n]: /u');
  test('no means the parser finds no definition there', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), labelLine, (before, label) => {
        const text = `${before.join('\n')}\n${label}`;
        if (!mayOpen(text)) expect({ text, opens: opensDefinition(text) }).toStrictEqual({ text, opens: false });
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });
});
