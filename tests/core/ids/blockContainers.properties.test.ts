/**
 * The scanner against the CommonMark reference implementation (commonmark.js, by the spec's
 * authors): on notes made of lines that mix indentation, list markers, quotes, headings, thematic
 * breaks, setext underlines and fences, no ID is ever found on a line CommonMark puts in a code
 * block. That is the promise repair rests on: it only ever edits references, so never code.
 */
import fc from 'fast-check';
import { Parser, type Node } from 'commonmark';
import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

const A = '202104291524';
const SEED = 20261206;

const INDENTS = ['', '', '', '  ', '   ', '    ', '      ', '        '];
const MARKERS = ['', '', '', '- ', '1. ', '# ', '-'];
const BODIES = [`text ${A} more`, A, 'para', '', '***', '---', '===', '```', '~~~'];
// Quote markers at the line's start only: a quote marker indented into a list item, with a fence
// or a thematic break inside, is among the rare shapes CONTRIBUTING lists as read otherwise.
const line = fc.oneof(
  fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...MARKERS), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('> ', '>'), fc.constantFrom(...BODIES)).map((parts) => parts.join('')),
);
// A note opening with `---` would hold frontmatter, which CommonMark does not know.
const note = fc.array(line, { minLength: 2, maxLength: 7 }).map((lines) => lines.join('\n')).filter((text) => !text.startsWith('---'));

/** The 1-based lines that CommonMark puts in a code block (fenced or indented) or an HTML block. */
function codeLines(text: string): Set<number> {
  const lines = new Set<number>();
  const walker = new Parser().parse(text).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const node: Node = event.node;
    if (!event.entering || (node.type !== 'code_block' && node.type !== 'html_block')) continue;
    const [[first], [last]] = node.sourcepos;
    for (let at = first; at <= last; at++) lines.add(at);
  }
  return lines;
}

describe('block structure against the CommonMark reference implementation', () => {
  test('no ID is found on a line CommonMark reads as code', () => {
    fc.assert(
      fc.property(note, (text) => {
        const code = codeLines(text);
        for (const reference of scanReferences(text, TWELVE_DIGIT)) {
          const lineNumber = text.slice(0, reference.from).split('\n').length;
          expect({ text, lineNumber, code: code.has(lineNumber) }).toStrictEqual({ text, lineNumber, code: false });
        }
      }),
      { seed: SEED, numRuns: 4000 },
    );
  });

  test('the notes reach every rule: IDs found, and IDs CommonMark hides in code', () => {
    // Without this the property above could pass on notes that never put an ID in code.
    let hidden = 0;
    let found = 0;
    fc.assert(
      fc.property(note, (text) => {
        const code = codeLines(text);
        found += scanReferences(text, TWELVE_DIGIT).length;
        text.split('\n').forEach((content, index) => {
          if (content.includes(A) && code.has(index + 1)) hidden++;
        });
      }),
      { seed: SEED, numRuns: 4000 },
    );
    expect(found).toBeGreaterThan(1000);
    expect(hidden).toBeGreaterThan(500);
  });
});
