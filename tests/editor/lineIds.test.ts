import fc from 'fast-check';
import { FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../src/core/ids/formats';
import * as prose from '../../src/core/ids/prose';
import type { IdMatch } from '../../src/core/types';
import { LineIds } from '../../src/editor/lineIds';

function collected(text: string, from: number, format: IdFormat): IdMatch[] {
  const found: IdMatch[] = [];
  prose.collectIdsInRange(text, format, from, text.length, found);
  return found;
}

describe('LineIds', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each([
    ['see 202104291524 and 202108191025 here', 0],
    ['no ID here', 0],
    ['20210429152412 is fourteen digits', 0],
    ['https://example.com/202104291524', 0],
    ['me@202104291524.com', 0],
    ['cut: 202104291524 then 202108191025', 10],
    ['', 0],
  ])('%j from %i: the IDs collectIdsInRange finds, read again or not', (text, from) => {
    const lines = new LineIds();
    expect(lines.read(text, from, TWELVE_DIGIT)).toStrictEqual(collected(text, from, TWELVE_DIGIT));
    lines.finishPass();
    expect(lines.read(text, from, TWELVE_DIGIT)).toStrictEqual(collected(text, from, TWELVE_DIGIT));
  });

  test('a line read from inside is not answered from the same text read whole', () => {
    const lines = new LineIds();
    const text = '202104291524 then 202108191025';
    expect(lines.read(text, 0, TWELVE_DIGIT).map((match) => match.id)).toStrictEqual(['202104291524', '202108191025']);
    expect(lines.read(text, 5, TWELVE_DIGIT).map((match) => match.id)).toStrictEqual(['202108191025']);
  });

  test('a line read in another format is read again', () => {
    const lines = new LineIds();
    const text = 'see 20210429152412 here';
    expect(lines.read(text, 0, FOURTEEN_DIGIT).map((match) => match.id)).toStrictEqual(['20210429152412']);
    expect(lines.read(text, 0, TWELVE_DIGIT)).toStrictEqual([]);
    lines.finishPass();
    expect(lines.read(text, 0, FOURTEEN_DIGIT).map((match) => match.id)).toStrictEqual(['20210429152412']);
  });

  test('keeps the lines of the last pass only', () => {
    const lines = new LineIds();
    const read = jest.spyOn(prose, 'collectIdsInRange');
    lines.read('a 202104291524', 0, TWELVE_DIGIT);
    lines.finishPass();
    lines.read('a 202104291524', 0, TWELVE_DIGIT);
    expect(read).toHaveBeenCalledTimes(1);
    lines.finishPass();
    lines.read('b 202108191025', 0, TWELVE_DIGIT);
    lines.finishPass();
    lines.read('a 202104291524', 0, TWELVE_DIGIT);
    expect(read).toHaveBeenCalledTimes(3);
  });

  test('passes of random lines and windows read as collectIdsInRange reads each', () => {
    const line = fc.constantFrom('see 202104291524 here', '202108191025', 'x20210429152412y', '20210429152412', 'plain text', '');
    // Most windows are whole lines, read from their start: those are the ones kept.
    const from = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(20), weight: 1 });
    const read = fc.record({ text: line, from, format: fc.constantFrom(TWELVE_DIGIT, FOURTEEN_DIGIT) });
    fc.assert(
      fc.property(fc.array(fc.array(read, { maxLength: 6 }), { maxLength: 6 }), (passes) => {
        const lines = new LineIds();
        for (const pass of passes) {
          for (const { text, from, format } of pass) {
            const start = Math.min(from, text.length);
            expect(lines.read(text, start, format)).toStrictEqual(collected(text, start, format));
          }
          lines.finishPass();
        }
      }),
    );
  });
});
