/**
 * The scanner against the CommonMark reference implementation (commonmark.js, by the spec's
 * authors): on notes made of lines that mix indentation, tabs, list markers (empty, ordered, with
 * code after five spaces), quotes, headings, thematic breaks, setext underlines, fences and raw
 * HTML blocks (`<pre>`, `<style …`, and end tags after text), IDs are
 * found on exactly the lines CommonMark reads as paragraphs or headings. Never in code is the
 * promise repair rests on (it only edits references); never missing one is what users see.
 */
import fc from 'fast-check';
import { Parser, type Node } from 'commonmark';
import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

const A = '202104291524';
const SEED = 20261206;

const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t'];
const MARKERS = ['', '', '', '- ', '* ', '1. ', '2) ', '10. ', '# ', '###### ', '####### ', '-', '1.', '-     '];
const QUOTES = ['> ', '>', '>\t', '> > '];
// Fences of tildes only: backticks would also make code spans, which CommonMark reads inline, and
// this test compares whole lines.
const BODIES = [`text ${A} more`, A, 'para', '', '***', '---', '===', '___', '~~~', '* * *', '<pre>', `<style ${A}`, `x </pre> ${A}`];
// Quote markers at the line's start only: a quote marker indented into a list item, with a fence or
// a thematic break inside, is among the rare shapes CONTRIBUTING lists as read otherwise.
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...MARKERS), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...QUOTES), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
);
// A note opening with `---` would hold frontmatter, which CommonMark does not know.
const note = fc.array(line, { minLength: 2, maxLength: 7 }).map((lines) => lines.join('\n')).filter((text) => !text.startsWith('---'));

/** The 1-based number of each line that holds the ID, once per ID, where CommonMark reads a paragraph or a heading. */
function proseIdLines(text: string): number[] {
  const prose = new Set<number>();
  const walker = new Parser().parse(text).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const node: Node = event.node;
    if (!event.entering || (node.type !== 'paragraph' && node.type !== 'heading')) continue;
    const [[first], [last]] = node.sourcepos;
    for (let at = first; at <= last; at++) prose.add(at);
  }
  return text.split('\n').flatMap((content, index) => (prose.has(index + 1) ? content.split(A).slice(1).map(() => index + 1) : []));
}

function scannedIdLines(text: string): number[] {
  return scanReferences(text, TWELVE_DIGIT).map((reference) => text.slice(0, reference.from).split('\n').length);
}

describe('block structure against the CommonMark reference implementation', () => {
  test('IDs are found on exactly the lines CommonMark reads as prose: never in code, none missed', () => {
    fc.assert(
      fc.property(note, (text) => {
        expect({ text, lines: scannedIdLines(text) }).toStrictEqual({ text, lines: proseIdLines(text) });
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test('the notes reach every rule: IDs found, and IDs CommonMark hides in code', () => {
    // Without this the property above could pass on notes that never put an ID in code.
    let hidden = 0;
    let found = 0;
    fc.assert(
      fc.property(note, (text) => {
        const prose = proseIdLines(text).length;
        found += prose;
        hidden += text.split(A).length - 1 - prose;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(1000);
    expect(hidden).toBeGreaterThan(400);
  });
});
