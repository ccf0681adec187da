/**
 * Rules of the recognition core (src/core/ids/) that mutation testing found no test held: each row
 * fails under a mutant of that code (made by hand) that every other test of tests/core/ids let live.
 * Same marking as scanner.table.test.ts: «b:…» bare, «w:…» wikilink, «m:…» markdown link.
 */
import { idFormatFor } from '../../../src/core/ids/formats';
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

describe.each([
  ['token ends', tokenEnds],
  ['URLs', urls],
  ['attachment names', attachments],
  ['combining marks', marks],
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

// A custom pattern's cap counts from each line's start, and a lone CR starts a line too.
test('a custom pattern finds an ID after a lone CR that ends a line as long as the cap', () => {
  const format = idFormatFor('custom', 'ZK-\\d{4}');
  const text = `${'x '.repeat(CUSTOM_PATTERN_LINE_CAP / 2)}\rZK-0001`;
  expect(scanReferences(text, format).map((r) => r.id)).toEqual(['ZK-0001']);
  expect(findIdsInProse(text, format).map((m) => m.id)).toEqual(['ZK-0001']);
});
