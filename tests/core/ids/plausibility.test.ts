/**
 * Date plausibility at every edge: the string check (src/core/ids/timestamp.ts) and the index's
 * check of integer keys (src/core/index/idKeys.ts) against the calendar as Date knows it, on a grid
 * of the first and last valid value of each field and the invalid ones beside them.
 */
import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { isPlausibleTimestamp } from '../../../src/core/ids/timestamp';
import { presetKeys } from '../index/helpers';

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** Whether the fields name a moment that exists, as Date's calendar (proleptic Gregorian, UTC) has it. */
function exists(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const years = [1900, 1999, 2000, 2023, 2024, 2100, 2400];
const months = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99];
const days = [0, 1, 28, 29, 30, 31, 32, 99];
const hours = [0, 23, 24, 99];
const minutes = [0, 59, 60, 99];
const seconds = [0, 59, 60, 99];

describe('timestamp plausibility at every field edge', () => {
  test('12 digits: the string check and the key check both agree with the calendar', () => {
    const keys = presetKeys(TWELVE_DIGIT);
    const wrong: string[] = [];
    for (const year of years) for (const month of months) for (const day of days) for (const hour of hours) for (const minute of minutes) {
      const id = `${pad(year, 4)}${pad(month)}${pad(day)}${pad(hour)}${pad(minute)}`;
      const expected = exists(year, month, day, hour, minute, 0);
      if (isPlausibleTimestamp(id) !== expected || TWELVE_DIGIT.isPlausible(id) !== expected) wrong.push(`string ${id}`);
      const key = keys.keyOf(id);
      if (keys.isPlausible(key) !== expected || keys.isPlausibleIn(Float64Array.of(key), 0) !== expected) wrong.push(`key ${id}`);
    }
    expect(wrong).toStrictEqual([]);
  });

  test('14 digits and Denote: seconds too', () => {
    const fourteen = presetKeys(FOURTEEN_DIGIT);
    const denote = presetKeys(DENOTE);
    const wrong: string[] = [];
    for (const year of [2000, 2023]) for (const month of months) for (const day of days) for (const hour of hours) for (const minute of minutes) for (const second of seconds) {
      const date = `${pad(year, 4)}${pad(month)}${pad(day)}`;
      const time = `${pad(hour)}${pad(minute)}${pad(second)}`;
      const expected = exists(year, month, day, hour, minute, second);
      const id = date + time;
      const key = fourteen.keyOf(id);
      if (isPlausibleTimestamp(id) !== expected || fourteen.isPlausible(key) !== expected || fourteen.isPlausibleIn(Float64Array.of(key), 0) !== expected) wrong.push(id);
      const denoteId = `${date}T${time}`;
      const denoteKey = denote.keyOf(denoteId);
      if (DENOTE.isPlausible(denoteId) !== expected || denote.isPlausible(denoteKey) !== expected || denote.isPlausibleIn(Float64Array.of(denoteKey), 0) !== expected) wrong.push(denoteId);
    }
    expect(wrong).toStrictEqual([]);
  });

  test.each([
    ['a letter before the digits', 'x202104291524'],
    ['a letter after the digits', '202104291524x'],
    ['13 digits', '2021042915240'],
    ['15 digits', '202104291524000'],
    ['a space after the digits', '202104291524 '],
  ])('no timestamp: %s', (_case, text) => {
    expect(isPlausibleTimestamp(text)).toBe(false);
  });
});
