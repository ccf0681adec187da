import fc from 'fast-check';
import { findFrontmatter, frontmatterInLines, type TextLine } from '../../../src/core/ids/frontmatter';

/** A text's lines as the editor hands them over, each with where the next one starts. */
function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ text: text.slice(from, match.index), from, to: match.index, next: match.index + match[0].length });
    from = match.index + match[0].length;
  }
  if (from < text.length) lines.push({ text: text.slice(from), from, to: text.length, next: text.length });
  return lines;
}

describe('findFrontmatter', () => {
  // The text finder walks the text itself; the line finder (the editor's) reads line objects. Both
  // must find the same block in every text, whatever its line breaks and trailing white space.
  test('finds what the line finder finds in the same text', () => {
    const line = fc.constantFrom('---', '...', '--- ', '---\t', '---\u00a0', '---\ufeff', '--- x', '----', '..', 'id: 1', '', ' ---', '\ufeff---');
    const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(line, lineBreak), { maxLength: 8 }), fc.boolean(), (bom, lines, last) => {
        let text = bom ? '\ufeff' : '';
        for (const [content, lineBreakText] of lines) text += content + lineBreakText;
        if (last && text.length > 0) text = text.slice(0, -1);
        expect(findFrontmatter(text)).toStrictEqual(frontmatterInLines(linesOf(text)));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  test.each([
    ['closing line with trailing white space', '---\nid: 1\n--- \t\nbody', { contentFrom: 4, contentTo: 10, closingEnd: 15, body: 16 }],
    ['closing dots', '---\r\nid: 1\r\n...\r\nbody', { contentFrom: 5, contentTo: 12, closingEnd: 15, body: 17 }],
    ['opening line after a byte order mark', '\ufeff---\nid: 1\n---', { contentFrom: 5, contentTo: 11, closingEnd: 14, body: 14 }],
  ])('%s', (_name, text, block) => {
    expect(findFrontmatter(text)).toStrictEqual(block);
  });

  test.each([
    ['text after the opening dashes', '--- x\nid: 1\n---\n'],
    ['two byte order marks', '\ufeff\ufeff---\nid: 1\n---\n'],
    ['unclosed', '---\nid: 1\n'],
  ])('none: %s', (_name, text) => {
    expect(findFrontmatter(text)).toBeNull();
  });
});

describe('both finders', () => {
  const finders: [string, (text: string) => unknown][] = [
    ['findFrontmatter', findFrontmatter],
    ['frontmatterInLines', (text) => frontmatterInLines(linesOf(text))],
  ];

  test.each(finders)('%s: a byte order mark counts only before the dashes', (_name, find) => {
    expect(find('-\ufeff--\nid: 1\n---\n')).toBeNull();
    expect(find('--\ufeff-\nid: 1\n---\n')).toBeNull();
  });

  // 1,000 lines are read before giving up, the opening one included: the closing line may be the
  // one after them.
  test.each(finders)('%s: a block of 999 lines between its dashes is frontmatter, one of 1,000 is not', (_name, find) => {
    const block = (contentLines: number): string => `---\n${'id: 1\n'.repeat(contentLines)}---\nbody`;
    expect(find(block(999))).toStrictEqual({ contentFrom: 4, contentTo: 4 + 6 * 999, closingEnd: 7 + 6 * 999, body: 8 + 6 * 999 });
    expect(find(block(1000))).toBeNull();
  });
});
