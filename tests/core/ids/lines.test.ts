import { LineStarts, forEachLine, lineBreakLength, lineNumberAt } from '../../../src/core/ids/lines';

// Lines end at `\n`, `\r\n` or a lone `\r` (PRODUCT.md).
const MIXED = 'a\nbb\r\nccc\rd\n\ne';

describe('forEachLine', () => {
  test('visits every line from the start given, without its break, with where the next starts', () => {
    const lines: [number, number, number][] = [];
    forEachLine(MIXED, 0, (from, to, next) => {
      lines.push([from, to, next]);
    });
    expect(lines).toStrictEqual([
      [0, 1, 2],
      [2, 4, 6],
      [6, 9, 10],
      [10, 11, 12],
      [12, 12, 13],
      [13, 14, 14],
    ]);
    const fromThird: number[] = [];
    forEachLine(MIXED, 6, (from) => {
      fromThird.push(from);
    });
    expect(fromThird).toStrictEqual([6, 10, 12, 13]);
  });

  test('stops at the line whose visit returns false, and only then', () => {
    const visited: number[] = [];
    forEachLine(MIXED, 0, (from) => {
      visited.push(from);
      return from < 6;
    });
    expect(visited).toStrictEqual([0, 2, 6]);
    const all: number[] = [];
    forEachLine(MIXED, 0, (from) => {
      all.push(from);
      return true;
    });
    expect(all).toHaveLength(6);
  });

  test('an empty text, or a start at its end, has no line to visit', () => {
    const visited: number[] = [];
    forEachLine('', 0, (from) => {
      visited.push(from);
    });
    forEachLine('ab', 2, (from) => {
      visited.push(from);
    });
    expect(visited).toStrictEqual([]);
  });
});

describe('lineNumberAt', () => {
  test.each([
    [0, 1],
    [2, 2],
    [6, 3],
    [10, 4],
    [12, 5],
    [13, 6],
    [14, 6],
  ])('the line starting at %i is line %i', (offset, line) => {
    expect(lineNumberAt(MIXED, offset)).toBe(line);
  });

  test('an offset within a line counts as that line', () => {
    expect([lineNumberAt(MIXED, 1), lineNumberAt(MIXED, 3), lineNumberAt(MIXED, 7)]).toStrictEqual([1, 2, 3]);
  });
});

describe('lineBreakLength', () => {
  test.each([
    ['\r\n', 0, 2],
    ['\r', 0, 1],
    ['\rx', 0, 1],
    ['\n', 0, 1],
    ['\n\r', 0, 1],
    ['x', 0, 0],
    ['', 0, 0],
  ])('%j at %i: %i', (text, at, length) => {
    expect(lineBreakLength(text, at)).toBe(length);
  });
});

describe('LineStarts', () => {
  test('keeps every start added, in order, past its first capacity, and forgets them on reset', () => {
    const starts = new LineStarts();
    starts.reset(7);
    for (let line = 0; line < 1000; line++) starts.add(line * 3);
    expect([starts.count, starts.firstLine]).toStrictEqual([1000, 7]);
    expect(Array.from(starts.starts.subarray(0, starts.count))).toStrictEqual(Array.from({ length: 1000 }, (_, line) => line * 3));
    starts.reset(1);
    starts.add(5);
    expect([starts.count, starts.firstLine, starts.starts[0]]).toStrictEqual([1, 1, 5]);
  });
});
