/**
 * The windows the editor reads definitions in: asked in document order, however a run of them
 * shares one reading of its lines, each must be the window a definition read on its own would get
 * (its label's line, or the paragraph before it when the line starts no block, up to a blank line
 * after the label's last line or MAX_DEFINITION_LINES past it).
 */
import fc from 'fast-check';
import { Text } from '@codemirror/state';
import { DefinitionWindows, MAX_DEFINITION_LINES, MAX_LINES_BEFORE } from '../../src/editor/definitionWindows';

/** The window a definition read on its own gets, in document positions: where its text starts, where its label's block may start, where it must end. */
function aloneWindow(doc: Text, openingLine: number, labelLast: number, startsBlock: boolean): { from: number; rangeFrom: number; limit: number } {
  const blank = (n: number): boolean => doc.line(n).text.trim() === '';
  let last = labelLast;
  const cap = Math.min(doc.lines, labelLast + MAX_DEFINITION_LINES);
  while (last < cap && !blank(last + 1)) last++;
  const limit = doc.line(last).to;
  const opening = doc.line(openingLine);
  if (startsBlock || openingLine === 1) return { from: opening.from, rangeFrom: opening.from, limit };
  let first = openingLine - 1;
  while (first > 1 && openingLine - 1 - first < MAX_LINES_BEFORE && !blank(first - 1)) first--;
  const from = doc.line(first).from;
  return { from, rangeFrom: from, limit };
}

// Lines of definitions, text and blank lines, so that runs, paragraphs and blank lines meet in every
// way, and stretches with no blank line longer than the lines read before a label or after it.
const line = fc.constantFrom('', '', '   ', '[a]: /u', '[b]: /v "t"', 'text', 'more text', '> quoted');
const stretch = fc.integer({ min: MAX_LINES_BEFORE - 2, max: MAX_DEFINITION_LINES + 20 }).map((count) => Array.from({ length: count }, (_, i) => (i % 3 === 0 ? '[a]: /u' : 'text')));
const block = fc.oneof({ weight: 6, arbitrary: line.map((one) => [one]) }, { weight: 1, arbitrary: stretch });
const doc = fc.array(block, { minLength: 1, maxLength: 40, size: 'max' }).map((blocks) => Text.of(blocks.flat()));

describe('definition windows', () => {
  test('each window is the one its definition read alone would get, whatever was asked before it', () => {
    fc.assert(
      fc.property(
        doc,
        // Openings as shares of the note's lines, each with how many lines its label takes and whether it starts a block.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 2 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        (text, asks) => {
          const windows = new DefinitionWindows(text);
          const openings = asks.map(([share, extra, startsBlock]) => {
            const number = 1 + Math.floor((share * text.lines) / 1000);
            return { number, labelLast: Math.min(text.lines, number + extra), startsBlock };
          });
          // Document order, as the editor asks.
          openings.sort((a, b) => a.number - b.number);
          for (const { number, labelLast, startsBlock } of openings) {
            const window = windows.around(text.line(number), labelLast, startsBlock);
            const expected = aloneWindow(text, number, labelLast, startsBlock);
            expect(window.text).toBe(text.sliceString(window.from, window.from + window.text.length));
            expect({ number, labelLast, startsBlock, from: window.from + window.rangeFrom, limit: window.from + window.limit }).toStrictEqual({
              number, labelLast, startsBlock, from: expected.rangeFrom, limit: expected.limit,
            });
            if (!startsBlock) expect(window.from).toBe(expected.from);
            expect(window.limit).toBeLessThanOrEqual(window.text.length);
          }
        },
      ),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
