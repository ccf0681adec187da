import { bracketsFormLink, insideHtmlTag } from '../../src/editor/inlineSyntax';

const ID = '202108191025';

/** Runs a check on the first ID in a line written with the whole line in view. */
function onId(check: (text: string, from: number, to: number, lineStart: number) => boolean, line: string): boolean {
  const from = line.indexOf(ID);
  return check(line, from, from + ID.length, 0);
}

describe('bracketsFormLink', () => {
  test.each<[string, string, boolean]>([
    ['alone', `[${ID}]`, false],
    ['mid-sentence', `see [${ID}] here`, false],
    ['space before parentheses', `[${ID}] (x)`, false],
    ['inline link', `[${ID}](x.md)`, true],
    ['inline link with more text', `[see ${ID} now](x.md)`, true],
    ['full reference', `[${ID}][ref]`, true],
    ['collapsed reference', `[${ID}][]`, true],
    ['definition label', `[${ID}]: https://x.org`, true],
    ['definition label indented three spaces', `   [${ID}]: x`, true],
    ['definition label with a title', `[${ID}]: https://x.org "Title"`, true],
    ['definition label, destination on the next line', `[${ID}]:`, true],
    // A definition is a destination and at most a title: more text makes the line a paragraph.
    ['a label line that is prose', `[${ID}]: Teams exist for a reason`, false],
    ['colon after brackets mid-line', `see [${ID}]: no`, false],
    ['escaped opening bracket', `\\[${ID}](x)`, true],
    ['escaped closing bracket inside', `[${ID}\\](x)`, true],
    ['nested in a link', `[see [${ID}] there](x)`, true],
    ['the inside of a wikilink', `- [[${ID} Teams]] and`, true],
    ['brackets inside brackets, no wikilink', `[[${ID}] x]`, false],
    ['nested in plain brackets', `[see [${ID}] there]`, false],
    ['closed earlier', `[x] ${ID}`, true],
    ['link text that goes on past the line', `[see ${ID}`, true],
    // Rows a mutation of the bracket and escape bookkeeping showed no row held:
    ['an escaped bracket closes nothing', `[${ID}\\](a)]`, false],
    ['an escaped opening bracket at the line start opens nothing', `\\[${ID}] x`, true],
    ['an escaped backslash leaves the bracket open', `\\\\[${ID}] x`, false],
    ['a closed pair before plain brackets', `[a] [${ID}] x`, false],
    ['a closed pair inside plain brackets', `[[a] ${ID}] x`, false],
    ['brackets inside brackets after a letter, no wikilink', `[x[${ID}]]`, false],
    ['brackets that never close, around a closed pair', `[[[${ID}[]]`, true],
  ])('%s', (_label, line, expected) => {
    expect(onId(bracketsFormLink, line)).toBe(expected);
  });

  test('a definition needs the line start in view', () => {
    const text = `[${ID}]: x`;
    expect(bracketsFormLink(text, 1, 1 + ID.length, -1)).toBe(false);
  });
});

describe('insideHtmlTag', () => {
  test.each<[string, string, boolean]>([
    ['attribute value', `<span data-x="${ID}">`, true],
    ['second attribute', `<a href="x" title="${ID}">t</a>`, true],
    ['a tag name', `</x${ID}>`, true],
    ['between tags', `<b>${ID}</b>`, false],
    ['after a tag', `<br> ${ID}`, false],
    ['a less-than sign in prose', `a < b ${ID} > c`, false],
    ['an unclosed tag', `<span data-x="${ID}"`, false],
    ['a declaration', `<!X ${ID}>`, true],
    ['a processing instruction', `<?x ${ID} ?>`, true],
  ])('%s', (_label, line, expected) => {
    expect(onId(insideHtmlTag, line)).toBe(expected);
  });
});
