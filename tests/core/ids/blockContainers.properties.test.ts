/**
 * The scanner against the CommonMark reference implementation (commonmark.js, by the spec's
 * authors): on notes made of lines that mix indentation, tabs, list markers (empty, ordered, with
 * code after five spaces), quotes (nested in items on one line, tabs among them), headings, thematic breaks, setext underlines, fences, raw
 * HTML blocks (`<pre>`, `<style …`, and end tags after text) and HTML comments, IDs are
 * found exactly where CommonMark reads text: as many in each paragraph or heading as its text holds. Never in code is the
 * promise repair rests on (it only edits references); never missing one is what users see. The
 * second property mixes in code spans, inline tags and comments that run over lines: each ends
 * with its paragraph or heading, whichever block the next line starts.
 */
import fc from 'fast-check';
import { A, proseBlocks, scannedBlocks } from './commonmarkBlocks';
const SEED = Number(process.env.BLOCK_SEED ?? 20261206);
const RUNS = Number(process.env.BLOCK_RUNS ?? 3000);

const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t'];
const MARKERS = ['', '', '', '- ', '* ', '1. ', '2) ', '10. ', '01. ', '# ', '###### ', '####### ', '-', '1.', '-     '];
const QUOTES = ['> ', '>', '>\t', '> > '];
// Fences of tildes only: backticks would also make code spans, which CommonMark reads inline, and
// this test compares whole lines.
const BODIES = [`text ${A} more`, A, 'para', '', '***', '---', '===', '___', '~~~', '* * *', '<pre>', `<style ${A}`, `x </pre> ${A}`, '<!--', `<!-- ${A}`, `${A} -->`, '-->'];
// Items in quotes, lazy lines and fences among them too (`> > 2. ~~~`, then `    2) b`).
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...MARKERS), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom(...INDENTS), fc.constantFrom(...MARKERS), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
);
/** Notes of 2 to 7 such lines; one opening with `---` would hold frontmatter, which CommonMark does not know. */
function notesOf(lines: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .array(lines, { minLength: 2, maxLength: 7 })
    .map((parts) => parts.join('\n'))
    .filter((text) => !text.startsWith('---'));
}
const note = notesOf(line);

// Containers nested on one line in any order, tabs among them (`1. >\t- > ~~~`, `  >- \t`): each
// quote goes on only where a line is indented into the item holding it, and a tab reaches the
// line's tab stop, wherever it stands. Definitions among them (a reference link elsewhere needs
// one, and an underline under definitions only is text).
const PREFIXES = ['', ' ', '  ', '   ', '    ', '\t', '- ', '* ', '1. ', '2) ', '-     ', '-\t', '> ', '>', '>\t', ' >'];
const nestedLine = fc
  .tuple(fc.array(fc.constantFrom(...PREFIXES), { maxLength: 4 }), fc.constantFrom(...BODIES, '# h', `## ${A}`, '-', '==', '[x]: /u', `[${A}][x]`))
  .map(([prefixes, body]) => prefixes.join('') + body);
const nestedNote = notesOf(nestedLine);

// Definitions and what may stand under them: an underline under definitions only is text, a
// thematic break or a heading ends them, and a marker that opens no item starts no definition.
const definitionLine = fc
  .tuple(fc.constantFrom('', '', '> ', '- ', '  ', '    '), fc.constantFrom('[x]: /u', '[y]: /v "t"', '[x]:', '/u', '-', '=', '==', '--', '---', '***', 'text', A, `[${A}][x]`, `[${A}][y]`, ''))
  .map((parts) => parts.join(''));
const definitionNote = notesOf(definitionLine);

// Inline constructs that may run over lines: code spans (and backtick fences), inline HTML tags and
// comments. CommonMark ends each with its paragraph or heading, whatever block starts after it.
const SPANS = [`a \` ${A}`, `${A} \` b`, `\`${A}\``, '`', '``', '```', `<!-- ${A}`, `${A} --> b`, `a <!--`];
// A tag over lines in a quote holds the quote's `>` in the source, which ends it for the scanner
// (CommonMark strips the marker first): one of the rare shapes CONTRIBUTING lists, so not in quotes.
const TAGS = [`<b title="${A}`, `x"> ${A}`];
const inlineLine = fc.oneof(
  { weight: 3, arbitrary: line },
  fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...MARKERS), fc.constantFrom(...SPANS, ...TAGS)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom(...SPANS)).map((parts) => parts.join('')),
);
const inlineNote = notesOf(inlineLine);

/** Each drawn note's IDs are found in the paragraphs and headings where commonmark.js reads them as text, as many in each. */
function readsAsCommonMark(notes: fc.Arbitrary<string>): void {
  fc.assert(
    fc.property(notes, (text) => {
      const expected = proseBlocks(text);
      expect({ text, blocks: scannedBlocks(text, expected) }).toStrictEqual({ text, blocks: expected });
    }),
    { seed: SEED, numRuns: RUNS },
  );
}

describe('block structure against the CommonMark reference implementation', () => {
  test('IDs are found exactly where CommonMark reads them as text: never in code, none missed', () => {
    readsAsCommonMark(note);
  });

  test('quotes and items nested on one line, and tabs among them, are read as in CommonMark', () => {
    readsAsCommonMark(nestedNote);
  });

  test('definitions, and the lines under them, are read as in CommonMark', () => {
    readsAsCommonMark(definitionNote);
  });

  test('code spans, inline HTML and inline comments end with their paragraph or heading, as in CommonMark', () => {
    // No tag's quoted value holds `<` or `>` for the scanner (src/core/ids/htmlTag.ts says why).
    readsAsCommonMark(inlineNote.filter((text) => !/title="[^"]*[<>]/.test(text)));
  });

  test('the notes reach every rule: IDs found, and IDs CommonMark hides in code', () => {
    // Without this the properties above could pass on notes that never put an ID in code.
    const reach = (notes: fc.Arbitrary<string>): { found: number; hidden: number } => {
      let found = 0;
      let hidden = 0;
      fc.assert(
        fc.property(notes, (text) => {
          const prose = proseBlocks(text).reduce((sum, block) => sum + block.ids, 0);
          found += prose;
          hidden += text.split(A).length - 1 - prose;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      return { found, hidden };
    };
    const blocks = reach(note);
    expect(blocks.found).toBeGreaterThan(1000);
    expect(blocks.hidden).toBeGreaterThan(400);
    const nested = reach(nestedNote);
    expect(nested.found).toBeGreaterThan(1000);
    expect(nested.hidden).toBeGreaterThan(400);
    const definitions = reach(definitionNote);
    expect(definitions.found).toBeGreaterThan(1000);
    expect(definitions.hidden).toBeGreaterThan(400);
    const inline = reach(inlineNote);
    expect(inline.found).toBeGreaterThan(1000);
    expect(inline.hidden).toBeGreaterThan(400);
  });
});
