/**
 * The cache's format version also names how the scanner reads notes (src/core/cache/snapshot.ts):
 * facts a build cached while it read notes otherwise must not be reused by a build of the same
 * plugin version. This test reads a fixed set of notes (the scanner's exported rows, and notes drawn
 * with a fixed seed from pieces of every construct the scanner knows) and fingerprints every
 * reference found. When the scanner changes what it finds, the fingerprint changes: bump
 * CACHE_FORMAT_VERSION and add the new pair below, so no version ever stands for two readings.
 */
import { createHash } from 'crypto';
import fc from 'fast-check';
import { CACHE_FORMAT_VERSION } from '../../src/core/cache/snapshot';
import { FOURTEEN_DIGIT, TWELVE_DIGIT } from '../../src/core/ids/formats';
import { scanReferences } from '../../src/core/ids/scanner';
import { COMMENT_BLOCK_ROWS } from '../core/ids/commentBlocks.rows';
import { RAW_HTML_ROWS } from '../core/ids/rawHtml.rows';

// Each format version and the fingerprint of the scanner's reading it stands for (from 6, at 91dd8ca;
// 7 at 739b209, 8 at 38bf223, 9 at f0b88db, 11 with an item numbered 01, 12 with an item numbered 2
// continuing a paragraph, 13 with one after a definition, 14 with a lazy line in fewer quotes than
// its item, 15 with a fence that ends with its item in a quote, 16 with one in a quote in an item,
// 17 with autolinks and declarations as CommonMark 0.31 reads them, 18 with code spans and tags
// binding more tightly than brackets, 19 with a backslash escaping only punctuation in
// definitions, 20 with inline links kept within their paragraph, 21 with quotes that go on only
// where a line is indented into the item holding them, 22 with no definition after a marker that
// opens no item, 23 with definitions after containers nested on one line, 24 with an underline under definitions
// only read as text, 25 with no destination on an underline), each taken again when the notes below changed.
const FINGERPRINTS: readonly [number, string][] = [
  [6, '707b11f90c633f58'],
  [7, '9682809a3f6bb6a7'],
  [8, '4431a1d1feba3623'],
  [9, 'e0dcad87f090ef68'],
  [10, '946505df913be232'],
  [11, '9a4bfee5f59baac8'],
  [12, '6ccd693d1b24e781'],
  [13, '36a48529a02840e1'],
  [14, 'cfc56e835e13c3f1'],
  [15, '65e965ff0550baef'],
  [16, '294715c44c1b263b'],
  [17, '9c59b316fb007172'],
  [18, '913af10aa0956624'],
  [19, '05520f819ce63a28'],
  [20, 'f6cf85d18dbd8834'],
  [21, '3aef2fdd1900ad53'],
  [22, '4a8e604020c45b8a'],
  [23, 'b6f4b4c8be1380f0'],
  [24, 'e19d318609093534'],
  [25, 'bc2501bee3a2790e'],
];

const A = '202104291524';
const B = '20210829102512';
const PIECES = [
  A, B, `${A} Title`, 'x', ' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '\r', '> ', '- ', '1. ', '# ', '---', '***', '===',
  '```', '~~~', '`', '``', '$', '$$', '%%', '<!--', '-->', '<b>', '</b>', '<pre>', '</pre>', '<a href="', '">', '<https://x.org/', '>',
  '[', ']', '[[', ']]', '![', '](', '(', ')', '][', ']:', '"', "'", '|', '\\', '^', '#', '@', '.md', '.png', 'https://x.org/', 'www.', '_', '詳細は', ':',
];
// Reference links and definitions over lines, which the random notes hardly ever spell.
const REFERENCE_NOTES = [
  `[${A}] [see ${A}][] [x][${A}]\n\n[${A}]: /x\n[see ${A}]: /y`,
  `[x][n] and [see\n${A}]\n\n[n]: ${A}.md "a\ntitle ${A}"\n[see ${A}]: /x`,
  `text\n> [n]: ${A}.md\n\n[see ${A}][n]`,
  `[see\n${A}]: /x\n\n[see ${A}] ${A}`,
  `> [see\n> ${A}]: /x\n\n[see ${A}] ${A}`,
  `[see\r\n${A}]: /x\r\n\r\n[see ${A}] ${A}`,
  `[a [b](${A}.md) ${A}](/v) [a [ref] ${A}](/v)\n\n[ref]: /u`,
  `[see ${A}] ${A}\n\n%% b\n\n[see ${A}]: /x\n\n%% [x] $$\n\n[x]: ${A}.md\n\n$$`,
  `[see ${A}\n01. here](x) [see ${A}\n2. here](x)`,
  `[see][n] [x][m]\n\ntext\n2) [n]: ${A}.md\n\n1. a\n2. [m]: ${A}.md`,
  `[see][n]\n\n[x]: /u\n2) [n]: ${A}.md`,
  `[see][n]\n\n> > 2. a \`x\n    2) ${A}\`\n> > [n]: ${A}.md`,
  `> - \`\`\`\n> ${A}\n> \`\`\`\n> ${A}\n\n> 1. <!-- a\n> ${A}`,
  `- > <style ${A}\n${A}\n\n- a\n  > ~~~\n  > ${A}\n> ${A}`,
  `<x:\`> ${A} \` <! ${A} > <![cdata[ ${A} ]]> <ab:${A}\u00a0x>`,
  `[\`](x) ${A} \` [x](<a<${A}>) [x](\\ ${A} ) [see \`]\` ${A}](${A}.md)`,
  `[x][ref] [y][\\ ]\n\n[ref]: /u\\ ${A}\n\n[\\ ]: ${A}.md`,
  `[x](\n(\n) ${A}\n\n> [x](\n> ${A}.md)\n\n[${A}](\n\n)`,
  `- > a\n>     ${A}\n\n> 1. > a\n>>     ${A}\n\n1. > - > ~~~\n   >   > ${A}\n\n1.     - ${A}\n\n> - \t ${A}`,
  `text\n    - [x]: /u\n\n[${A}][x]\n\n- >- --\n        ${A}`,
  `text\n    ***\n[x]: ${A}\n\n1. > [x]: ${A}.md\n\n- 1. [y]: ${A}.md\n\n[${A}][x] [${A}][y]`,
  `[x]: /u\n===\n    ${A}\n\n> [y]: /v\n> -\n>     ${A}`,
  `[x]:\n==\n[${A}][x]`,
];
const NOTES = fc.sample(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')), { seed: 20261207, numRuns: 3000 });

function fingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [...RAW_HTML_ROWS, ...COMMENT_BLOCK_ROWS].map(([, input]) => input).concat(REFERENCE_NOTES, NOTES);
  for (const format of [TWELVE_DIGIT, FOURTEEN_DIGIT]) {
    for (const input of inputs) hash.update(JSON.stringify(scanReferences(input, format))).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

describe('the index cache format version', () => {
  test('stands for the scanner reading notes as it does now', () => {
    const current = FINGERPRINTS.find(([version]) => version === CACHE_FORMAT_VERSION);
    expect({ version: CACHE_FORMAT_VERSION, fingerprint: fingerprint() }).toStrictEqual({ version: CACHE_FORMAT_VERSION, fingerprint: current?.[1] });
  });

  test('no version stands for two readings, and versions only grow', () => {
    const versions = FINGERPRINTS.map(([version]) => version);
    expect(versions).toStrictEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(new Set(FINGERPRINTS.map(([, print]) => print)).size).toBe(FINGERPRINTS.length);
  });
});
