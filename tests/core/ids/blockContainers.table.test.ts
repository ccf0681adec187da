/**
 * Indented code and the containers it depends on (CommonMark 0.31: §4.4 indented code, §4.5 fences,
 * §5.1 block quotes, §5.2 list items): each row is read as the CommonMark reference implementation
 * (commonmark.js 0.31.2) reads it, checked row by row when these were written. An ID in code is no
 * reference, so repair never writes there.
 */
import { mark } from './mark';

const A = '202104291524';
const B = '202108191025';
const F = '```';

// [case, input, expected marking]
const rows: [string, string, string][] = [
  ['after an ATX heading', `# Title\n    echo ${A}\n\n${B}`, `# Title\n    echo ${A}\n\n«b:${B}»`],
  ['after a closed fence', `${F}\nx\n${F}\n    ${A}\n\n${B}`, `${F}\nx\n${F}\n    ${A}\n\n«b:${B}»`],
  ['after a thematic break', `***\n    ${A}\n\n${B}`, `***\n    ${A}\n\n«b:${B}»`],
  ['after a thematic break of spaced stars', `* * *\n    ${A}\n\n${B}`, `* * *\n    ${A}\n\n«b:${B}»`],
  ['after a thematic break of underscores', `___\n    ${A}\n\n${B}`, `___\n    ${A}\n\n«b:${B}»`],
  ['after a setext underline of =', `Title\n===\n    ${A}\n\n${B}`, `Title\n===\n    ${A}\n\n«b:${B}»`],
  ['after a setext underline of -', `Title\n---\n    ${A}\n\n${B}`, `Title\n---\n    ${A}\n\n«b:${B}»`],
  ['in an item, four columns past its content', `- item\n\n      ${A}\n\n${B}`, `- item\n\n      ${A}\n\n«b:${B}»`],
  ['in a nested item, four past its content', `- a\n  - b\n\n        ${A}\n\n${B}`, `- a\n  - b\n\n        ${A}\n\n«b:${B}»`],
  ['in a nested item, two past its content: prose', `- a\n  - b\n\n      ${A}`, `- a\n  - b\n\n      «b:${A}»`],
  ['in an ordered item, four past its content', `1. a\n\n       ${A}\n\n${B}`, `1. a\n\n       ${A}\n\n«b:${B}»`],
  ['after an empty item and a blank line', `-\n\n    ${A}\n\n${B}`, `-\n\n    ${A}\n\n«b:${B}»`],
  ['after an item holding a heading', `- # Title\n      ${A}\n\n${B}`, `- # Title\n      ${A}\n\n«b:${B}»`],
  ['after an item holding a thematic break', `1. ***\n       ${A}\n\n${B}`, `1. ***\n       ${A}\n\n«b:${B}»`],
  ['after an empty sibling item', `- a ${B}\n-\n      ${A}`, `- a «b:${B}»\n-\n      ${A}`],
  ['after a lazy paragraph line, a list item is prose', `- a\n${B}\n\n    ${A}`, `- a\n«b:${B}»\n\n    «b:${A}»`],
  ['a dash under an item’s paragraph is an empty item, not an underline', `- text ${B}\n- \n    - ${A}`, `- text «b:${B}»\n- \n    - «b:${A}»`],
  ['in a quote, after a blank quote line', `> q\n>\n>     ${A}\n\n${B}`, `> q\n>\n>     ${A}\n\n«b:${B}»`],
  ['on a quote’s first line', `>     ${A}\n\n${B}`, `>     ${A}\n\n«b:${B}»`],
  ['on a quote’s first line, under a paragraph', `para\n>     ${A}\n\n${B}`, `para\n>     ${A}\n\n«b:${B}»`],
  ['on a quote’s first line, after tabs', `>\t\t${A}\n\n${B}`, `>\t\t${A}\n\n«b:${B}»`],
  ['in a quote in an item', `- a\n  > q\n  >\n  >     ${A}\n\n${B}`, `- a\n  > q\n  >\n  >     ${A}\n\n«b:${B}»`],
  ['a quote’s lazy line: prose', `> a\n    ${A}`, `> a\n    «b:${A}»`],
  ['a fence closer indented four columns is code', `${F}\n    ${F}\n${A}\n${F}\n${B}`, `${F}\n    ${F}\n${A}\n${F}\n«b:${B}»`],
  ['a quote marker and a closer inside a fence are code', `${F}\n> ${F}\n${A}\n${F}\n${B}`, `${F}\n> ${F}\n${A}\n${F}\n«b:${B}»`],
  ['a fence in a quote ends with the quote', `> ${F}\n> ${A}\n${B}`, `> ${F}\n> ${A}\n«b:${B}»`],
  ['a fence in a quote ends at a blank line', `> ${F}\n> ${A}\n\n${B}`, `> ${F}\n> ${A}\n\n«b:${B}»`],
  ['an item whose marker five spaces follow starts with code', `-     ${A}\n\n${B}`, `-     ${A}\n\n«b:${B}»`],
  ['a numbered marker other than 1 under a paragraph is its text: no fence opens', `para\n2) ~~~\n${A}`, `para\n2) ~~~\n«b:${A}»`],
  ['a paragraph after indented code can be underlined', `    code\n${A}\n===\n\t${B}`, `    code\n«b:${A}»\n===\n\t${B}`],
  ['an item from 1 interrupts a paragraph, and code may follow its thematic break', `para\n1. ***\n       ${A}`, `para\n1. ***\n       ${A}`],
  ['indented code in a quote opened on an item’s line', `- >     code ${A}\n\n${B}`, `- >     code ${A}\n\n«b:${B}»`],
  ['a fence in a quote opened on an item’s line', `- > ~~~\n  > ${A}\n  > ~~~\n\n${B}`, `- > ~~~\n  > ${A}\n  > ~~~\n\n«b:${B}»`],
  ['a fence in a bullet item opened on a numbered item’s line', `1. - ~~~\n     ${A}\n     ~~~\n\n${B}`, `1. - ~~~\n     ${A}\n     ~~~\n\n«b:${B}»`],
  ['indented code in a numbered item opened on a bullet’s line', `x\n\n- 1.     ${A}\n\n${B}`, `x\n\n- 1.     ${A}\n\n«b:${B}»`],
  ['seven # make no heading: an indented line continues the paragraph', `####### x\n    ${A}`, `####### x\n    «b:${A}»`],
  ['a # without a space makes no heading', `#x\n    ${A}`, `#x\n    «b:${A}»`],
  ['six # make a heading', `###### x\n    ${A}\n\n${B}`, `###### x\n    ${A}\n\n«b:${B}»`],
  ['an ordered marker of ten digits is text', `1234567890. x\n    ${A}`, `1234567890. x\n    «b:${A}»`],
  ['an ordered marker of nine digits opens an item: a line twelve in is its paragraph', `123456789. x\n\n            ${A}`, `123456789. x\n\n            «b:${A}»`],
  ['an ordered marker of ten digits opens none: a line twelve in is code', `1234567890. x\n\n            ${A}\n\n${B}`, `1234567890. x\n\n            ${A}\n\n«b:${B}»`],
  ['an item from 2 does not interrupt a paragraph', `para\n2. x\n\n      ${A}\n\n${B}`, `para\n2. x\n\n      ${A}\n\n«b:${B}»`],
  ['an empty numbered item does not interrupt a paragraph', `para\n1.\n    ${A}`, `para\n1.\n    «b:${A}»`],
  ['a tab after a quote marker, two columns of it left', `>\t${A}`, `>\t«b:${A}»`],
  ['spaces and a tab after a quote marker, six columns', `>   \t${A}\n\n${B}`, `>   \t${A}\n\n«b:${B}»`],
  ['a quote marker indented three into an item', `- a\n\n     > q\n     >\n     >     ${A}\n\n${B}`, `- a\n\n     > q\n     >\n     >     ${A}\n\n«b:${B}»`],
  ['a quote marker indented four into an item is code', `- a\n\n      > ${A}\n\n${B}`, `- a\n\n      > ${A}\n\n«b:${B}»`],
  ['an item in a quote, code four past its content', `> - b\n>\n>       ${A}\n\n${B}`, `> - b\n>\n>       ${A}\n\n«b:${B}»`],
  ['an item in a quote ends with the quote', `> - b\n\n      ${A}\n\n${B}`, `> - b\n\n      ${A}\n\n«b:${B}»`],
  ['a quote in an item ends; the item goes on', `- a\n  > q\n\n      ${A}\n\n${B}`, `- a\n  > q\n\n      ${A}\n\n«b:${B}»`],
  ['a fence in an item ends with the item', `- a\n\n  ${F}\n  ${A}\nx ${B}`, `- a\n\n  ${F}\n  ${A}\nx «b:${B}»`],
  // Rows written for mutants of src/core/ids/containers.ts that the rows above left alive (bounds of
  // columns after '>', digits of ordered markers, which items interrupt a paragraph, underlines,
  // the quote levels' items, blank lines and empty items), each read so by commonmark.js.
  ['a second quote marker indented four past the first is code, in an item too', `- a\n\n  >     > ${A}\n\n${B}`, `- a\n\n  >     > ${A}\n\n«b:${B}»`],
  ['four spaces after a quote marker: one is the marker’s, three indent prose', `>    ${A}`, `>    «b:${A}»`],
  ['a space and a tab after a quote marker: two columns of indent, prose', `> \t${A}`, `> \t«b:${A}»`],
  ['a tab and a space after a quote marker: three columns of indent, prose', `>\t ${A}`, `>\t «b:${A}»`],
  ['an item numbered 9: a line four in is its paragraph', `9. x\n\n    ${A}`, `9. x\n\n    «b:${A}»`],
  ['an item numbered 10 further into the note', `para one\n\n10. x\n\n     ${A}`, `para one\n\n10. x\n\n     «b:${A}»`],
  ['a digit then a letter opens no item', `1x y\n\n    ${A}\n\n${B}`, `1x y\n\n    ${A}\n\n«b:${B}»`],
  ['sixty-three quotes deep, code after five spaces', `${'>'.repeat(63)}     ${A}\n\n${B}`, `${'>'.repeat(63)}     ${A}\n\n«b:${B}»`],
  ['a quote marker indented four after a quote’s item is code', `> - x\n>\n    >     ${A}\n\n${B}`, `> - x\n>\n    >     ${A}\n\n«b:${B}»`],
  ['a quote in an item ends; four columns in is the item’s paragraph', `- a\n  > q\n\n    ${A}`, `- a\n  > q\n\n    «b:${A}»`],
  ['an item in a quote ends with the quote: four columns in is code', `> - b\n\n    ${A}\n\n${B}`, `> - b\n\n    ${A}\n\n«b:${B}»`],
  ['a line of spaces is blank: the item goes on', `- a\n  \n    ${A}`, `- a\n  \n    «b:${A}»`],
  ['an empty item in a quote ends with it', `> -\n\n    ${A}\n\n${B}`, `> -\n\n    ${A}\n\n«b:${B}»`],
  ['an empty item ends at a blank line, whatever items came before', `- a\n  - b\n\nx\n\n-\n\n    ${A}\n\n${B}`, `- a\n  - b\n\nx\n\n-\n\n    ${A}\n\n«b:${B}»`],
  ['a nested empty item ends at the first blank line only', `- a\n\n  -\n\n\n    ${A}`, `- a\n\n  -\n\n\n    «b:${A}»`],
  ['a digit, a letter and a period open no item', `1a. y\n\n    ${A}\n\n${B}`, `1a. y\n\n    ${A}\n\n«b:${B}»`],
  ['four spaces after a bullet: its content starts after them', `-    x\n\n      ${A}`, `-    x\n\n      «b:${A}»`],
  ['an item from 0 does not interrupt a paragraph', `para\n0. x\n\n    ${A}\n\n${B}`, `para\n0. x\n\n    ${A}\n\n«b:${B}»`],
  ['an item from 9 does not interrupt a paragraph', `para\n9. x\n\n    ${A}\n\n${B}`, `para\n9. x\n\n    ${A}\n\n«b:${B}»`],
  ['an item from 01 interrupts a paragraph: its number is 1', `para\n01. x\n\n    ${A}`, `para\n01. x\n\n    «b:${A}»`],
  ['an item from 001) interrupts a paragraph', `para\n001) x\n\n     ${A}`, `para\n001) x\n\n     «b:${A}»`],
  ['an item from 10 does not interrupt a paragraph', `para\n10. x\n\n    ${A}\n\n${B}`, `para\n10. x\n\n    ${A}\n\n«b:${B}»`],
  ['an item from 12 does not interrupt a paragraph', `para\n12. x\n\n    ${A}\n\n${B}`, `para\n12. x\n\n    ${A}\n\n«b:${B}»`],
  ['an empty heading ends a paragraph', `para\n#\n    ${A}\n\n${B}`, `para\n#\n    ${A}\n\n«b:${B}»`],
  ['two stars under a paragraph are text, not an underline', `para\n**\n    ${A}`, `para\n**\n    «b:${A}»`],
  ['two dashes under a paragraph underline it', `para\n--\n    ${A}\n\n${B}`, `para\n--\n    ${A}\n\n«b:${B}»`],
  ['an underline with trailing spaces', `para\n--  \n    ${A}\n\n${B}`, `para\n--  \n    ${A}\n\n«b:${B}»`],
  ['emphasis of three stars is no thematic break', `*a*b*\n    ${A}`, `*a*b*\n    «b:${A}»`],
  ['a quote marker at an item’s own content column', `- a\n  -   b\n\n      >     ${A}\n\n${B}`, `- a\n  -   b\n\n      >     ${A}\n\n«b:${B}»`],
  ['a quote marker four past an outer item, inside an inner one, is code', `- a\n  1.    b\n\n      > ${A}\n\n${B}`, `- a\n  1.    b\n\n      > ${A}\n\n«b:${B}»`],
  ['a quote marker not indented into the item holding a quote opens a new quote: its indented line is code', `- > a\n>     ${A}\n\n${B}`, `- > a\n>     ${A}\n\n«b:${B}»`],
  ['in a quote, a marker not indented into the item holding the inner quote opens a new one', `> 1. > a\n>>     ${A}\n\n${B}`, `> 1. > a\n>>     ${A}\n\n«b:${B}»`],
  ['in a quote, a spaced marker not indented into the item opens a new quote', `> - > a\n> >     ${A}\n\n${B}`, `> - > a\n> >     ${A}\n\n«b:${B}»`],
  ['in a quote, a marker indented into the item goes on with the quote it holds', `> - > a\n>   >     ${A}`, `> - > a\n>   >     «b:${A}»`],
  ['a quote opened inside an item in a quote keeps the item open', `> - a\n>   > b\n>\n>     ${A}`, `> - a\n>   > b\n>\n>     «b:${A}»`],
  ['a fence in a quote in an item in a quote goes on where the markers are indented into the item', `> - > ${F}\n>   > ${A}\n>   > ${F}\n\n${B}`, `> - > ${F}\n>   > ${A}\n>   > ${F}\n\n«b:${B}»`],
  ['a fence in a quote on an item’s line: a closer indented four past the quote is code', `- > ${F}\n  >     ${F}\n  > ${A}\n\n${B}`, `- > ${F}\n  >     ${F}\n  > ${A}\n\n«b:${B}»`],
  ['a fence in a quote in an item: a closer indented four past the quote is code', `- > a\n  > ${F}\n  >     ${F}\n  > ${A}\n\n${B}`, `- > a\n  > ${F}\n  >     ${F}\n  > ${A}\n\n«b:${B}»`],
  ['a fence in a quote in an item: a closer indented two past the quote closes it', `- > a\n  > ${F}\n  >   ${F}\n  > ${A}`, `- > a\n  > ${F}\n  >   ${F}\n  > «b:${A}»`],
  ['five spaces after an ordered item’s marker: its content, nested marker and all, is code', `para\n\n1.     - ${A}\n\n${B}`, `para\n\n1.     - ${A}\n\n«b:${B}»`],
  ['five spaces after a bullet, before a nested marker: code', `para\n\n-     1. ${A}\n\n${B}`, `para\n\n-     1. ${A}\n\n«b:${B}»`],
  ['a tab between nested markers: the general way reads it', `para\n\n-\t- ${A}`, `para\n\n-\t- «b:${A}»`],
  ['quotes and items open in turn on one line: a line indented into each goes on with the paragraph', `1. > - > a\n   >   >     ${A}`, `1. > - > a\n   >   >     «b:${A}»`],
  ['quotes and items on one line: a fence in the innermost item', `> - > 1. ~~~\n>   >    ${A}\n>   >    ~~~\n>   >    ${B}`, `> - > 1. ~~~\n>   >    ${A}\n>   >    ~~~\n>   >    «b:${B}»`],
  ['quotes and items on one line: a line not indented into the innermost item ends its fence', `> - > 1. ~~~\n>   > ${A}`, `> - > 1. ~~~\n>   > «b:${A}»`],
  ['quotes and items on one line: indented code in the innermost quote', `- > - >     ${A}\n\n${B}`, `- > - >     ${A}\n\n«b:${B}»`],
  ['quotes and items on one line: an item opening with code in the innermost quote', `- > -      ${A}\n\n${B}`, `- > -      ${A}\n\n«b:${B}»`],
  ['quotes and items on one line: a comment block in the innermost item', `- > 1. <!-- a\n  >    ${A}\n  >    -->\n  >    ${B}`, `- > 1. <!-- a\n  >    ${A}\n  >    -->\n  >    «b:${B}»`],
  ['indented code in a quote does not go on past a marker that opens a new quote', `1. >       ${A}\n  >     \n      1. ${B}`, `1. >       ${A}\n  >     \n      1. ${B}`],
  ['a tab after an item’s marker in a quote reaches the line’s tab stop: code', `> - \t ${A}\n\n${B}`, `> - \t ${A}\n\n«b:${B}»`],
  ['a tab after a quote marker on an item’s line reaches the line’s tab stop: code in the inner item', `1. >\t- - \t${A}\n\n${B}`, `1. >\t- - \t${A}\n\n«b:${B}»`],
  ['a tab after a quote marker on an item’s line, short of five columns: prose', `- >\t-\t ${A}`, `- >\t-\t «b:${A}»`],
  ['quotes and items on one line: a thematic break in the quote is no item, and indented code may follow', `- >- --\n        ${A}\n\n${B}`, `- >- --\n        ${A}\n\n«b:${B}»`],
  ['an underline under definitions only is the paragraph’s text: an indented line goes on with it', `[x]: /u\n===\n    ${A}`, `[x]: /u\n===\n    «b:${A}»`],
  ['a dash under definitions only is no empty item but text', `[x]: /u\n[y]: /v "t"\n-\n    ${A}`, `[x]: /u\n[y]: /v "t"\n-\n    «b:${A}»`],
  ['an underline under definitions only, in a quote', `> [x]: /u\n> ==\n>     ${A}`, `> [x]: /u\n> ==\n>     «b:${A}»`],
  ['an underline under definitions only, in an item', `- [x]: /u\n  --\n      ${A}`, `- [x]: /u\n  --\n      «b:${A}»`],
  ['a thematic break under definitions only ends them', `[x]: /u\n---\n    ${A}\n\n${B}`, `[x]: /u\n---\n    ${A}\n\n«b:${B}»`],
  ['an underline under definitions and text makes a heading', `[x]: /u\ntext\n===\n    ${A}\n\n${B}`, `[x]: /u\ntext\n===\n    ${A}\n\n«b:${B}»`],
  ['indented code in a quote on an item’s line ends at a blank quote line not indented into the item', `- >     code\n>\n    ${A}\n\n${B}`, `- >     code\n>\n    ${A}\n\n«b:${B}»`],
  ['a definition-only paragraph under an underline, CRLF', `[x]: /u\r\n===\r\n    ${A}`, `[x]: /u\r\n===\r\n    «b:${A}»`],
];

describe('indented code, fences and their containers', () => {
  test.each(rows)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});

// List items are followed 64 levels deep, no further (a bound on the work per line). At 64 levels a
// line in the innermost item is read as CommonMark reads it; at 65 the innermost item is not
// followed, so the line reads as indented code in the 64th, and its ID as no reference (commonmark.js
// reads prose there): an ID missed, never one read in code.
describe('list items nested as deep as followed', () => {
  /** `levels` items opened on one line, the last with its content after four spaces, then a line in it after a blank line. */
  const nested = (levels: number): string => `${'- '.repeat(levels - 1)}-    a\n\n${' '.repeat(2 * (levels - 1) + 5)}${A}`;

  test('a line in the innermost of 64 nested items is prose', () => {
    expect(mark(nested(64))).toBe(`${nested(64).slice(0, -A.length)}«b:${A}»`);
  });

  test('in the innermost of 65 it is past what is followed: code of the 64th', () => {
    expect(mark(nested(65))).toBe(nested(65));
  });
});
