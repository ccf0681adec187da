import { BlockStarts } from '../../../src/core/ids/blockStarts';

describe('block starts', () => {
  const starts = new BlockStarts();
  starts.reset();
  for (const at of [0, 10, 25]) starts.add(at);

  test.each([
    [0, -1],
    [1, 0],
    [10, 0],
    [11, 10],
    [25, 10],
    [26, 25],
    [1000, 25],
  ])('the last start before %i is %i', (at, expected) => {
    expect(starts.lastBefore(at)).toBe(expected);
  });

  test.each([
    [-1, 0],
    [0, 10],
    [9, 10],
    [10, 25],
    [25, -1],
  ])('the first start after %i is %i', (at, expected) => {
    expect(starts.firstAfter(at)).toBe(expected);
  });

  test('none before or after in an empty list', () => {
    const empty = new BlockStarts();
    empty.reset();
    expect([empty.lastBefore(5), empty.firstAfter(5)]).toStrictEqual([-1, -1]);
  });
});
