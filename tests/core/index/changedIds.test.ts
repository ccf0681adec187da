/** ChangedIdSet: the IDs gathered, each once, in the order first added, as strings when drained. */
import fc from 'fast-check';
import { DENOTE, FOURTEEN_DIGIT, idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { ChangedIdSet } from '../../../src/core/index/changedIds';
import { idKeysFor, type IdKeys } from '../../../src/core/index/idKeys';
import { IdTable } from '../../../src/core/index/idTable';

const FORMATS: readonly (readonly [IdFormat, fc.Arbitrary<string>])[] = [
  [TWELVE_DIGIT, fc.stringMatching(/^\d{12}$/)],
  [FOURTEEN_DIGIT, fc.stringMatching(/^\d{14}$/)],
  [DENOTE, fc.stringMatching(/^\d{8}T\d{6}$/)],
  [idFormatFor('custom', 'ZK-\\d{1,4}'), fc.stringMatching(/^ZK-\d{1,4}$/)],
];

describe.each(FORMATS.map(([format, id]) => [format.key, format, id] as const))('ChangedIdSet (%s)', (_, format, id) => {
  // Odd strings a keyed format cannot key (facts from elsewhere) are kept as strings, in their place.
  const anyId = fc.oneof({ weight: 6, arbitrary: id }, { weight: 1, arbitrary: fc.constantFrom('x', '2021', '') });

  test('drains the IDs added, each once, in the order first added, and is empty after', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 60 }), { maxLength: 3 }), (batches) => {
        const set = new ChangedIdSet(format);
        for (const batch of batches) {
          for (const added of batch) set.add(added);
          expect(set.size).toBe(new Set(batch).size);
          expect([...set.drain()]).toStrictEqual([...new Set(batch)]);
          expect(set.size).toBe(0);
        }
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });

  test('adds an ID table slot by its ID', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyId, { maxLength: 30 }), (ids) => {
        const table = new IdTable(format);
        const set = new ChangedIdSet(format);
        for (const added of ids) set.addSlot(table, table.intern(added));
        expect([...set.drain()]).toStrictEqual(ids);
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });
});

test('keeps every key as it grows past many thousands, and a repeat once', () => {
  const set = new ChangedIdSet(TWELVE_DIGIT);
  const ids: string[] = [];
  for (let i = 0; i < 20_000; i++) ids.push(String(202104291524 + i * 7919).padStart(12, '0'));
  for (const id of ids) set.add(id);
  for (const id of ids) set.add(id);
  expect(set.size).toBe(ids.length);
  expect([...set.drain()]).toStrictEqual(ids);
  set.add('000000000001');
  expect([...set.drain()]).toStrictEqual(['000000000001']);
});

test('past its limit a set keeps no more IDs and drains as all, then starts over', () => {
  const set = new ChangedIdSet(TWELVE_DIGIT, 2);
  set.add('202104291524');
  set.add('202104291524');
  set.add('202108191025');
  expect(set.overflowed).toBe(false);
  expect(set.drain()).toStrictEqual(new Set(['202104291524', '202108191025']));
  for (const id of ['202104291524', '202108191025', '202104291947', '202104291948']) set.add(id);
  expect(set.overflowed).toBe(true);
  expect(set.size).toBe(3);
  expect(set.drain()).toBe('all');
  expect(set.size).toBe(0);
  set.add('202104291947');
  expect(set.drain()).toStrictEqual(new Set(['202104291947']));
});

test('the smallest keys (0 and 1) are IDs like any other: kept once, in order, through growth and drains', () => {
  const set = new ChangedIdSet(TWELVE_DIGIT);
  const table = new IdTable(TWELVE_DIGIT);
  const many = Array.from({ length: 40 }, (_, i) => String(202104291524 + i).padStart(12, '0'));
  for (const round of [1, 2]) {
    set.add('000000000001');
    set.addSlot(table, table.intern('000000000000'));
    for (const id of many) set.add(id);
    set.addKey(0);
    set.add('000000000000');
    set.addSlot(table, table.intern('000000000001'));
    expect([round, set.size]).toStrictEqual([round, many.length + 2]);
    expect([...set.drain()]).toStrictEqual(['000000000001', '000000000000', ...many]);
  }
});

test('past its limit a set does no more work for an ID: no key read, none parsed, none kept', () => {
  const table = new IdTable(TWELVE_DIGIT);
  const slot = table.intern('202104291947');
  const set = new ChangedIdSet(TWELVE_DIGIT, 1);
  set.add('202104291524');
  set.add('202108191025');
  expect(set.overflowed).toBe(true);
  const keyOf = jest.spyOn(table, 'keyOf');
  const parse = jest.spyOn(idKeysFor(TWELVE_DIGIT) as IdKeys, 'keyOf');
  try {
    set.addSlot(table, slot);
    set.add('202104291948');
    set.addKey(202104291949);
    expect(keyOf).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
    expect(set.size).toBe(2);
  } finally {
    keyOf.mockRestore();
    parse.mockRestore();
  }
});
