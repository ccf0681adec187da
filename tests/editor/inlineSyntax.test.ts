import { bracketsFormLink, insideHtmlTag, TextMarks, type NoteLabels } from '../../src/editor/inlineSyntax';
import { isLinkLabel, labelKey } from '../../src/core/ids/referenceLabels';

const ID = '202108191025';

// The note these lines stand in defines two labels, `ref` and `see 202108191025`, and a line it
// reads as a definition opens one at its start when it is one of DEFINITION_LINES.
const DEFINED = new Set(['REF', `SEE ${ID}`]);
const DEFINITION_LINES = new Set([`[${ID}]: https://x.org`, `[${ID}]:`]);

/** Runs bracketsFormLink on the first ID of a line written with the whole line in view; the parser's answer, when asked, is `parserSaysLink`. */
function formsLink(line: string, parserSaysLink = true): boolean {
  const from = line.indexOf(ID);
  const labels: NoteLabels = {
    defined: (text, open, close) => isLinkLabel(text, open, close) && DEFINED.has(labelKey(text, open, close)),
    opensDefinition: (open) => open === 0 && DEFINITION_LINES.has(line),
  };
  return bracketsFormLink(new TextMarks(line), from, from + ID.length, labels, parserSaysLink);
}

/** Runs a check on the first ID in a line written with the whole line in view. */
function onId(check: (text: string, from: number, to: number) => boolean, line: string): boolean {
  const from = line.indexOf(ID);
  return check(line, from, from + ID.length);
}

describe('bracketsFormLink', () => {
  test.each<[string, string, boolean]>([
    ['alone', `[${ID}]`, false],
    ['mid-sentence', `see [${ID}] here`, false],
    ['space before parentheses', `[${ID}] (x)`, false],
    ['inline link', `[${ID}](x.md)`, true],
    ['inline link with more text', `[see ${ID} now](x.md)`, true],
    ['inline link with an empty destination', `[${ID}]()`, true],
    ['inline link with a title', `[${ID}](x.md "t")`, true],
    ['inline link with a title in parentheses', `[${ID}](x.md (t))`, true],
    ['inline link with an escaped quote in its title', `[${ID}](x.md 'it\\'s')`, true],
    ['inline link in angle brackets', `[${ID}](<a b.md>)`, true],
    ['inline link with balanced parentheses in its destination', `[${ID}](a(b).md)`, true],
    ['parentheses holding words', `[${ID}](a b)`, false],
    ['parentheses holding text after a title', `[${ID}](x.md "t" x)`, false],
    ['parentheses that close past the line', `[${ID}](x.md`, true],
    // Rows Stryker's mutants of the destination's reading showed no row held (commonmark.js reads each so):
    ['a destination whose parentheses balance, then a word', `[${ID}](a(b)x y)`, false],
    ['an escaped parenthesis in a destination, then a word', `[${ID}](a\\) b)`, false],
    ['a tab ends a destination', `[${ID}](a\tb)`, false],
    ['an angle destination that closes past the line', `[${ID}](<a b`, true],
    ['a quoted title that closes past the line', `[${ID}](x.md "t`, true],
    ['a title in parentheses that closes past the line', `[${ID}](x.md (t`, true],
    // Line breaks in an inline link, read as the scanner reads them (commonmark.js reads each so):
    ['a line break ends a destination, and what follows is no title', `[${ID}](a\nb)`, false],
    ['an angle destination holds no line break', `[${ID}](<a\nb>)`, false],
    ['one line break before the destination', `[${ID}](\na.md)`, true],
    ['a line break after the destination', `[${ID}](a.md\n)`, true],
    ['a line break after the title', `[${ID}](a.md "t"\n)`, true],
    // An angle destination holds no `<` or `>` but escaped ones; a backslash escapes only punctuation (commonmark.js reads each so).
    ['an angle destination holding `<`', `[${ID}](<a<b>)`, false],
    ['an angle destination holding an escaped `>`', `[${ID}](<a\\>b>)`, true],
    ['an angle destination holding an escaped `<`', `[${ID}](<a\\<b>)`, true],
    ['a backslash before a space ends no destination, the space does', `[${ID}](a\\ b)`, false],
    ['a backslash before a space, in an angle destination', `[${ID}](<a\\ b>)`, true],
    ['a destination whose parentheses do not balance', `[${ID}](a(b c)`, false],
    ['a destination on a quote\'s next line', `> [${ID}](\n> x.md)`, true],
    ['a title and a `)` on a quote\'s next lines', `> [${ID}](x.md\n> "t"\n> )`, true],
    ['full reference', `[${ID}][ref]`, true],
    ['full reference, its label in other case and spacing', `[${ID}][ Ref ]`, true],
    ['full reference with an undefined label', `[${ID}][nope]`, false],
    ['full reference with an undefined label, its text defined', `[see ${ID}][nope]`, false],
    ['full reference with a label of white space', `[see ${ID}][ ]`, false],
    ['collapsed reference', `[see ${ID}][]`, true],
    ['collapsed reference with an undefined label', `[${ID}][]`, false],
    ['shortcut reference', `[see ${ID}] x`, true],
    ['shortcut reference before parentheses that hold no destination', `[see  ${ID}] (x)`, true],
    ['shortcut reference before a label with brackets in it', `[see ${ID}][a [b]]`, true],
    ['a reference whose label goes on past the line', `[${ID}][ref`, true],
    ['a reference link around plain brackets', `[see [${ID}] x][ref]`, true],
    ['definition label', `[${ID}]: https://x.org`, true],
    ['definition label, destination on the next line', `[${ID}]:`, true],
    // A definition is a destination and at most a title: more text makes the line a paragraph.
    ['a label line that is prose', `[${ID}]: Teams exist for a reason`, false],
    ['colon after brackets mid-line', `see [${ID}]: no`, false],
    ['escaped opening bracket', `\\[${ID}](x)`, true],
    ['escaped closing bracket inside', `[${ID}\\](x)`, true],
    ['nested in a link', `[see [${ID}] there](x)`, true],
    ['the inside of a wikilink', `- [[${ID} Teams]] and`, true],
    ['wikilink brackets over a line break: text', `[[${ID}\n]]`, false],
    ['wikilink brackets over a lone CR: text', `[[${ID}\r]]`, false],
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
    // Links may not contain links (CommonMark): the outer brackets are text.
    ['an inline link in link text', `[a [b](x.md) ${ID}](y.md)`, false],
    ['a defined shortcut in link text', `[a [ref] ${ID}](y.md)`, false],
    ['a defined full reference in link text', `[a [b][ref] ${ID}](y.md)`, false],
    ['a defined collapsed reference in link text', `[a [ref][] ${ID}](y.md)`, false],
    ['an undefined reference in link text leaves it a link', `[a [b][nope] ${ID}](y.md)`, true],
    ['an image in link text leaves it a link', `[a ![b](x.png) ${ID}](y.md)`, true],
    ['a link in an image leaves it an image', `![a [b](x.md) ${ID}](y.png)`, true],
    ['a wikilink in link text leaves it a link', `[a [[b]] ${ID}](y.md)`, true],
    ['an escaped bracket in link text holds no link', `[a \\[ref] ${ID}](y.md)`, true],
    ['brackets that close past the text hold no link', `[a [b ${ID}](y.md)`, true],
    // Rows Stryker's mutants of the inner reading showed no row held:
    ['a wikilink whose name is a defined label leaves it a link', `[a [[ref]] ${ID}](y.md)`, true],
    ['a wikilink before parentheses leaves it a link', `[a [[w]](x) ${ID}](y.md)`, true],
    ['inner brackets before text and a parenthesis leave it a link', `[a [b]x) ${ID}](y.md)`, true],
    ['inner brackets before parentheses that hold no destination leave it a link', `[a [b](no link) ${ID}](y.md)`, true],
  ])('%s', (_label, line, expected) => {
    expect(formsLink(line)).toBe(expected);
  });

  // Read as a whole paragraph, what the text never closes is text (the parser is not asked).
  test.each<[string, string, boolean]>([
    ['a label never closed after a defined shortcut: the shortcut is a link', `[see ${ID}][ref`, true],
    ['a label never closed after undefined brackets: text', `[${ID}][ref`, false],
    ['link text never closed: text', `[see ${ID}`, false],
  ])('whole paragraph: %s', (_label, line, expected) => {
    expect(formsLink(line, false)).toBe(expected);
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
    expect(onId((text, from, to) => insideHtmlTag(new TextMarks(text), from, to), line)).toBe(expected);
  });
});
