/**
 * Integer keys of the preset formats' IDs (src/core/index/idKeys.ts): a key only for a string of
 * the format's exact shape, the same ID back from it, and `isAt` true only where the ID stands.
 */
import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { presetKeys } from './helpers';

const samples: [IdFormat, string][] = [
  [TWELVE_DIGIT, '202104291524'],
  [FOURTEEN_DIGIT, '20210429152433'],
  [DENOTE, '20210429T152433'],
];

describe.each(samples)('keys of %s', (format, id) => {
  const keys = presetKeys(format);

  test('an ID of the exact shape has a key, which gives the ID back', () => {
    const key = keys.keyOf(id);
    expect(key).toBeGreaterThanOrEqual(0);
    expect([keys.idOf(key), keys.keyAt(`x ${id}`, 2), keys.length]).toStrictEqual([id, key, id.length]);
    const out = new Float64Array(2);
    keys.keyInto(`x ${id}`, 2, out, 1);
    expect(out[1]).toBe(key);
  });

  test('a string one character longer or shorter has none', () => {
    expect([keys.keyOf(`${id}0`), keys.keyOf(id.slice(0, -1)), keys.keyOf('')]).toStrictEqual([-1, -1, -1]);
  });

  // Every character of the ID in turn replaced by the characters beside the digits ('/' and ':')
  // and by others: a file named 2021-04-29… must not be read as an ID.
  test('any other character anywhere in it leaves it without a key', () => {
    const keyed: string[] = [];
    for (let at = 0; at < id.length; at++) {
      for (const other of ['/', ':', '-', ' ', 'a', 'T', '\u0660']) {
        if (other === id[at]) continue;
        const changed = id.slice(0, at) + other + id.slice(at + 1);
        if (keys.keyOf(changed) !== -1 || keys.keyAt(changed, 0) >= 0) keyed.push(changed);
      }
    }
    expect(keyed).toStrictEqual([]);
  });

  test('isAt holds only where the ID itself stands', () => {
    const key = keys.keyOf(id);
    const other = keys.keyOf(id.replace(/1/, '2'));
    expect([keys.isAt(key, `x ${id}`, 2), keys.isAt(key, `x ${id}`, 1), keys.isAt(other, `x ${id}`, 2)]).toStrictEqual([true, false, false]);
  });
});
