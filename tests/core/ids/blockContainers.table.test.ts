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
];

describe('indented code, fences and their containers', () => {
  test.each(rows)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});
