import fc from 'fast-check';
import { ForwardSearcher } from '../../../src/core/ids/searcher';

/** The first `\r` or `\n` at or after `from`, or -1: what lineBreak must answer. */
function firstBreak(text: string, from: number): number {
  const match = /[\r\n]/g;
  match.lastIndex = from;
  return match.test(text) ? match.lastIndex - 1 : -1;
}

// One searcher serves note after note, told at each reset whether the note holds a `\r`.
describe('ForwardSearcher.lineBreak', () => {
  test.each([
    ['a\nb', 0, 1],
    ['a\r\nb', 0, 1],
    ['a\rb\nc', 0, 1],
    ['a\nb\rc', 2, 3],
    ['a\rb\nc', 2, 3],
    ['abc', 0, -1],
    ['ab\r', 3, -1],
    ['', 0, -1],
  ])('%j from %i: %i', (text, from, expected) => {
    const searcher = new ForwardSearcher('');
    searcher.reset(text, text.includes('\r'));
    expect(searcher.lineBreak(from)).toBe(expected);
  });

  test('a note without `\\r` after one with it, and the reverse, from any positions', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\n', '202104291524');
    const note = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    const asked = fc.array(fc.nat({ max: 200 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(note, asked), { minLength: 1, maxLength: 4 }), (notes) => {
        const searcher = new ForwardSearcher('');
        for (const [text, positions] of notes) {
          searcher.reset(text, text.includes('\r'));
          for (const position of positions) {
            const from = Math.min(position, text.length);
            expect(searcher.lineBreak(from)).toBe(firstBreak(text, from));
          }
        }
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });
});
