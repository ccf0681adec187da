/**
 * A chunk's reference records as one string: each int a little-endian base-32 varint written with
 * 64 characters JSON never escapes (a character holds 5 bits; the sixth says another follows),
 * zigzagged so negative values stay short, and offsets written relative to what precedes them (a
 * record's start and line after the previous record's, a link's spans around its ID). An int then
 * takes about two characters where a JSON number took four and a parse, and decoding is one loop.
 *
 * The encoding is a function of the int stream alone (note boundaries play no part), so any stream
 * round-trips; whether the decoded records make sense is checked afterwards (records.ts).
 */
import {
  LINK, LINK_DISPLAY_FROM, LINK_FROM, LINK_REF_INTS, LINK_TARGET_FROM, LINK_TARGET_TO, LINK_TO, REF_FLAGS, REF_FROM, REF_INTS, REF_LINE,
} from '../index/referenceStore';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const MORE = 32;
/** An int of 32 bits, zigzagged and made relative, needs at most 34 bits: 7 characters. */
const MAX_DIGITS = 7;

const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** How each int of a record is written: 0 as is, 1 after the previous record's, 2 around the record's start. */
const RELATIVE: readonly number[] = (() => {
  const kinds = new Array<number>(LINK_REF_INTS).fill(0);
  kinds[REF_FROM] = 1;
  kinds[REF_LINE] = 1;
  for (const field of [LINK_FROM, LINK_TO, LINK_TARGET_FROM, LINK_TARGET_TO, LINK_DISPLAY_FROM]) kinds[field] = 2;
  return kinds;
})();

/** The ints as text (see above); `ints` are whole numbers that fit 32 bits. */
export function encodeRecords(ints: ArrayLike<number>): string {
  const codes: number[] = [];
  let fromPrevious = 0;
  let linePrevious = 0;
  let start = 0;
  for (let at = 0; at < ints.length; ) {
    // A record's length as the decoder learns it: from its flags, and cut short by the end. (Past
    // the end the flags read undefined, which `& LINK` makes 0: the bound is for the reader.)
    const length = Math.min(ints.length - at, at + REF_FLAGS < ints.length && (ints[at + REF_FLAGS] & LINK) !== 0 ? LINK_REF_INTS : REF_INTS);
    for (let i = 0; i < length; i++) {
      let value = ints[at + i];
      if (i === REF_FROM) {
        value -= fromPrevious;
        fromPrevious = start = ints[at + i];
      } else if (i === REF_LINE) {
        value -= linePrevious;
        linePrevious = ints[at + i];
      } else if (RELATIVE[i] === 2) value -= start;
      let v = value >= 0 ? value * 2 : -value * 2 - 1;
      while (v >= MORE) {
        codes.push(DIGITS.charCodeAt(MORE + (v % MORE)));
        v = Math.floor(v / MORE);
      }
      codes.push(DIGITS.charCodeAt(v));
    }
    at += length;
  }
  let text = '';
  for (let from = 0; from < codes.length; from += 8192) text += String.fromCharCode(...codes.slice(from, from + 8192));
  return text;
}

/** The ints the text encodes, or null when it is not such a text or an int does not fit 32 bits. */
export function decodeRecords(text: string): Int32Array | null {
  let ints = new Int32Array(Math.max(16, text.length >> 1));
  let count = 0;
  let position = 0;
  let fromPrevious = 0;
  let linePrevious = 0;
  let start = 0;
  // The record being read: where it started, and its length (REF_INTS until its flags say more).
  let recordAt = 0;
  let recordLength = REF_INTS;
  while (position < text.length) {
    let value = 0;
    let scale = 1;
    for (let digits = 1; ; digits++) {
      const code = text.charCodeAt(position++);
      const digit = code < 128 ? VALUE[code] : -1;
      if (digit < 0 || digits > MAX_DIGITS) return null;
      value += (digit & (MORE - 1)) * scale;
      if (digit < MORE) break;
      // Past the end charCodeAt gives NaN, which is no digit either: this only says so sooner.
      if (position >= text.length) return null;
      scale *= MORE;
    }
    value = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    const i = count - recordAt;
    if (i === REF_FROM) value = start = fromPrevious += value;
    else if (i === REF_LINE) value = linePrevious += value;
    else if (RELATIVE[i] === 2) value += start;
    if (value !== (value | 0)) return null;
    if (count === ints.length) {
      const grown = new Int32Array(ints.length * 2);
      grown.set(ints);
      ints = grown;
    }
    ints[count++] = value;
    if (i === REF_FLAGS && (value & LINK) !== 0) recordLength = LINK_REF_INTS;
    if (count - recordAt === recordLength) {
      recordAt = count;
      recordLength = REF_INTS;
    }
  }
  return ints.slice(0, count);
}
