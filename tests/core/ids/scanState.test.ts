import fc from 'fast-check';
import { scanInto, scanReferences, type ReferenceSink } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

// The scanner keeps one scan's state for the next note (searches, token walks, prose ranges).
// Nothing one note leaves behind may change what the next one yields.
describe('scan state kept from note to note', () => {
  const fragment = fc.constantFrom(
    '202104291524', '202108191025', ' ', '\n', '\n\n', '\r\n', 'word', '`', '```\n', '$', '$$', '[', ']', '[[', ']]', '(', ')',
    '](202108191025.md)', '<!--', '-->', '%%', '\\', '    ', '- ', '---\n', '#', 'https://x/',
  );
  const note = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

  test('a note yields the same references whichever note was scanned before it', () => {
    fc.assert(
      fc.property(note, note, note, (first, other, second) => {
        scanReferences(first, TWELVE_DIGIT);
        const afterFirst = scanReferences(second, TWELVE_DIGIT);
        scanReferences(other, TWELVE_DIGIT);
        expect(scanReferences(second, TWELVE_DIGIT)).toStrictEqual(afterFirst);
      }),
      { seed: 20261202, numRuns: 1000 },
    );
  });

  test('a sink that throws leaves the scanner as it was', () => {
    const text = 'a 202104291524 [x](202108191025.md)\n\n`b` 202108191025';
    const expected = scanReferences(text, TWELVE_DIGIT);
    const throwing: ReferenceSink = {
      bare() {
        throw new Error('sink failed');
      },
      link() {
        throw new Error('sink failed');
      },
    };
    expect(() => scanInto(text, TWELVE_DIGIT, throwing)).toThrow('sink failed');
    expect(scanReferences(text, TWELVE_DIGIT)).toStrictEqual(expected);
  });
});
