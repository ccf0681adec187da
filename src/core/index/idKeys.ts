/**
 * Exact integer keys for the IDs of the preset formats. A 12- or 14-digit ID, or Denote's
 * `YYYYMMDDTHHMMSS`, is a number below 10^14 (exact in a double), so the index can intern it with
 * a probe in a typed array instead of a string in a Map, and never has to keep the ID's string.
 */
import type { IdFormat } from '../ids/formats';
import { daysInMonth } from '../ids/timestamp';

/** Keys of one format's IDs; a string of any other shape has no key (-1). */
export interface IdKeys {
  /** The key of an ID of the format's exact shape, or -1. */
  keyOf(id: string): number;
  /** The key of `text.slice(from, from + length)` when it has the format's shape, or -1. */
  keyAt(text: string, from: number): number;
  /**
   * keyAt written to `out[at]`. A key is a double past the small-integer range, and one returned
   * from a call V8 does not inline is boxed: hot loops (the names pass, the note scanner) read it
   * from their own array instead.
   */
  keyInto(text: string, from: number, out: Float64Array, at: number): void;
  /** The ID a key stands for. */
  idOf(key: number): string;
  /** The format's isPlausible for the ID a key stands for, from the number alone. */
  isPlausible(key: number): boolean;
  /** isPlausible for the key `keys[at]`, which is read here rather than boxed for the call (see keyInto). */
  isPlausibleIn(keys: Float64Array, at: number): boolean;
  /** Whether `text` holds the ID of `key` at `from` (no string made). */
  isAt(key: number, text: string, from: number): boolean;
  /** Length of every ID of the format. */
  readonly length: number;
}

const ZERO = 48;

/** isPlausibleTimestamp for `YYYYMMDDHHmm` as a number, with `seconds` (or -1 for none). */
function plausibleMinute(minutes: number, seconds: number): boolean {
  // One division splits the number into two small integers; the rest is integer arithmetic.
  const yearMonth = Math.floor(minutes / 1_000_000);
  const dayTime = minutes - yearMonth * 1_000_000;
  const month = yearMonth % 100;
  const year = (yearMonth - month) / 100;
  const day = (dayTime / 10_000) | 0;
  const hour = ((dayTime / 100) | 0) % 100;
  const minute = dayTime % 100;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return hour <= 23 && minute <= 59 && seconds <= 59;
}

/** The value of `count` (6 to 14) decimal digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  // Two halves of at most 8 and 6 digits stay small integers; one multiply joins them.
  const split = from + count - 6;
  let high = 0;
  for (let i = from; i < split; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    // NaN (past the end) fails both comparisons, so it is rejected too.
    if (!(digit >= 0 && digit <= 9)) return -1;
    high = high * 10 + digit;
  }
  let low = 0;
  for (let i = split; i < split + 6; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    low = low * 10 + digit;
  }
  return high * 1_000_000 + low;
}

/** The 12 or 14 digits of a key, zero-padded, as one flat string (no number formatting, no array). */
function digitString(key: number, length: number): string {
  // Split at 10^7 so both halves are small integers, then peel digits off each with integer division.
  let high = Math.floor(key / 10_000_000);
  let low = key - high * 10_000_000;
  const l6 = low % 10;
  const l5 = (low = (low / 10) | 0) % 10;
  const l4 = (low = (low / 10) | 0) % 10;
  const l3 = (low = (low / 10) | 0) % 10;
  const l2 = (low = (low / 10) | 0) % 10;
  const l1 = (low = (low / 10) | 0) % 10;
  const l0 = ((low / 10) | 0) % 10;
  const h6 = high % 10;
  const h5 = (high = (high / 10) | 0) % 10;
  const h4 = (high = (high / 10) | 0) % 10;
  const h3 = (high = (high / 10) | 0) % 10;
  const h2 = (high = (high / 10) | 0) % 10;
  const h1 = (high = (high / 10) | 0) % 10;
  const h0 = ((high / 10) | 0) % 10;
  const z = ZERO;
  return length === 12
    ? String.fromCharCode(z + h2, z + h3, z + h4, z + h5, z + h6, z + l0, z + l1, z + l2, z + l3, z + l4, z + l5, z + l6)
    : String.fromCharCode(z + h0, z + h1, z + h2, z + h3, z + h4, z + h5, z + h6, z + l0, z + l1, z + l2, z + l3, z + l4, z + l5, z + l6);
}

function digitKeys(length: number): IdKeys {
  return {
    length,
    keyOf: (id) => (id.length === length ? digitsAt(id, 0, length) : -1),
    keyAt: (text, from) => digitsAt(text, from, length),
    keyInto: (text, from, out, at) => {
      out[at] = digitsAt(text, from, length);
    },
    isAt: (key, text, from) => digitsAt(text, from, length) === key,
    idOf: (key) => digitString(key, length),
    isPlausible: length === 12 ? (key) => plausibleMinute(key, -1) : (key) => plausibleMinute(Math.floor(key / 100), key % 100),
    isPlausibleIn: length === 12 ? (keys, at) => plausibleMinute(keys[at], -1) : (keys, at) => plausibleMinute(Math.floor(keys[at] / 100), keys[at] % 100),
  };
}

const T = 84;

/** Denote's `YYYYMMDD` `T` `HHMMSS`, keyed as the 14 digits without the `T`. */
const DENOTE_KEYS: IdKeys = {
  length: 15,
  keyOf: (id) => (id.length === 15 ? DENOTE_KEYS.keyAt(id, 0) : -1),
  isAt: (key, text, from) => DENOTE_KEYS.keyAt(text, from) === key,
  keyAt(text, from) {
    if (text.charCodeAt(from + 8) !== T) return -1;
    const date = digitsAt(text, from, 8);
    const time = digitsAt(text, from + 9, 6);
    return date < 0 || time < 0 ? -1 : date * 1_000_000 + time;
  },
  keyInto(text, from, out, at) {
    out[at] = DENOTE_KEYS.keyAt(text, from);
  },
  idOf(key) {
    const digits = digitString(key, 14);
    return `${digits.slice(0, 8)}T${digits.slice(8)}`;
  },
  isPlausible: (key) => plausibleMinute(Math.floor(key / 100), key % 100),
  isPlausibleIn: (keys, at) => plausibleMinute(Math.floor(keys[at] / 100), keys[at] % 100),
};

const TWELVE_KEYS = digitKeys(12);
const FOURTEEN_KEYS = digitKeys(14);

/** The keys of a preset format; null for a custom pattern, whose IDs are kept as strings. */
export function idKeysFor(format: IdFormat): IdKeys | null {
  if (format.key === '12') return TWELVE_KEYS;
  if (format.key === '14') return FOURTEEN_KEYS;
  if (format.key === 'denote') return DENOTE_KEYS;
  return null;
}
