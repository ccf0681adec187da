/**
 * Reference links against the CommonMark reference implementation (commonmark.js): on notes that
 * mix full, collapsed and shortcut references, inline links, and definitions (first on their line,
 * continuing a paragraph, in a list item or a quote, in fenced code, with labels in other case and
 * spacing, with titles over lines), the scanner reads an ID as bare exactly where CommonMark reads it as text outside every
 * link: an ID in a link that no definition makes is a reference users see, and one in a defined
 * link's text is no bare reference for repair to rewrite.
 */
import fc from 'fast-check';
import { A, proseBlocks, scannedBlocks } from './commonmarkBlocks';
const SEED = Number(process.env.REFERENCE_SEED ?? 20261207);
const RUNS = Number(process.env.REFERENCE_RUNS ?? 3000);

const LABELS = ['ref', 'REF', ' ref ', 'two words', 'Two\twords', A, `see ${A}`, `see  ${A.toLowerCase()}`, 'other', ' ', 'two\nwords', `see\n${A}`, `see\n> ${A}`, `${A}\n\nsee`, 'two\n  words'];
const label = fc.constantFrom(...LABELS);
const inline = fc.oneof(
  fc.constantFrom(A, `${A} text`, 'text', `[${A}]`, `[see ${A}]`, `[${A}][]`, `![${A}]`, `[${A}][ ]`, `[x](/u) ${A}`, `[a [b] ${A}]`, `[${A}](not a link)`, `[${A}]: x`),
  // Links may not contain links; an image may hold one.
  fc.constantFrom(`[a [b](/u) ${A}](/v)`, `[see [ref] ${A}](/v)`, `[x [${A}](/u)](/v)`, `[a ![b](/u) ${A}](/v)`, `![a [b](/u) ${A}](/v)`, `[a [ref][] ${A}][ref]`, `[a [b](${A}.md) c](/v)`),
  label.map((name) => `[${name}]`),
  label.map((name) => `[see ${A}][${name}]`),
  label.map((name) => `[${A}][${name}]`),
);
const paragraphLine = fc.array(inline, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const definitionLine = fc
  .tuple(fc.constantFrom('', '', '   ', '- ', '> '), label, fc.constantFrom(' /u', ' /u "t"', '', ' /u x', ' /u "a', ` /u (${A}`))
  .map(([prefix, name, rest]) => `${prefix}[${name}]:${rest}`);
const line = fc.oneof({ weight: 3, arbitrary: paragraphLine }, { weight: 2, arbitrary: definitionLine }, fc.constantFrom('', '', '```', '/u', '> /u', '> "t"', '  "t"', `${A}"`, `> ${A})`, '"a', `b ${A}" x`));
const note = fc
  .array(line, { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join('\n'))
  .filter((text) => !text.startsWith('---'));

describe('reference links against the CommonMark reference implementation', () => {
  test('an ID is bare exactly where CommonMark reads it as text outside every link', () => {
    fc.assert(
      fc.property(note, (text) => {
        const expected = proseBlocks(text);
        expect({ text, blocks: scannedBlocks(text, expected) }).toStrictEqual({ text, blocks: expected });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
