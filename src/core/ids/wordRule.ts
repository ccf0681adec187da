/**
 * The word rule of PRODUCT.md: which characters next to an ID make it part of a word.
 *
 * - Letters and digits join (Latin and every other script but CJK), and so do combining marks: a
 *   mark belongs to the character before it, so the word goes on. An astral letter (outside the
 *   Basic Multilingual Plane) is one character, read as a whole code point.
 * - CJK letters (Han, Hiragana, Katakana, Hangul, by Unicode script extensions) do not join:
 *   Japanese and Chinese have no spaces between words (`詳細は202001011200を参照`). A combining mark
 *   on a CJK letter reads as that letter.
 * - An underscore joins only when a joining character stands beyond its run (`x_ID` is one word,
 *   `_ID_` is emphasis around an ID).
 * - Everything else separates: spaces, punctuation and symbols, full-width forms included.
 *
 * ASCII is decided by a table; only other characters reach a Unicode property regex, so a long run
 * of plain text costs no regex per character. Nothing here looks behind (iOS < 16.4).
 */

type Kind = 'none' | 'joins' | 'mark' | 'underscore' | 'cjk' | 'separates';

const ASCII_KIND: readonly Kind[] = Array.from({ length: 128 }, (_, code): Kind => {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(char)) return 'joins';
  return char === '_' ? 'underscore' : 'separates';
});

// Sticky and unicode-aware: each tests the one code point starting at lastIndex.
const MARK = /\p{M}/uy;
const CJK_LETTER = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
// A run of joining characters and underscores: what a rejected ID is part of, skipped whole.
const WORD_RUN = /(?:(?![\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}])[\p{L}\p{N}\p{M}_])*/uy;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function matchesAt(regex: RegExp, text: string, at: number): boolean {
  regex.lastIndex = at;
  return regex.test(text);
}

/** The kind of the code point starting at `at`; 'none' outside the text. */
function kindAt(text: string, at: number): Kind {
  if (at < 0 || at >= text.length) return 'none';
  const code = text.charCodeAt(at);
  if (code < 128) return ASCII_KIND[code];
  if (matchesAt(MARK, text, at)) return 'mark';
  if (matchesAt(CJK_LETTER, text, at)) return 'cjk';
  return matchesAt(LETTER_OR_DIGIT, text, at) ? 'joins' : 'separates';
}

/** Start of the code point that ends just before `at` (a surrogate pair is one code point). */
function previousStart(text: string, at: number): number {
  const before = at - 1;
  return before > 0 && isLowSurrogate(text.charCodeAt(before)) && isHighSurrogate(text.charCodeAt(before - 1)) ? before - 1 : before;
}

/** Whether the code point ending just before `at` joins a word, a mark reading as its base. */
function joinsBackward(text: string, at: number): boolean {
  let start = previousStart(text, at);
  let kind = kindAt(text, start);
  while (kind === 'mark') {
    start = previousStart(text, start);
    kind = kindAt(text, start);
    // A mark on nothing, a space or punctuation is still a letter of its own.
    if (kind !== 'mark') return kind !== 'cjk';
  }
  return kind === 'joins';
}

/** Whether the code point starting at `at` joins a word (a mark there belongs to what came before). */
function joinsForward(text: string, at: number): boolean {
  const kind = kindAt(text, at);
  return kind === 'joins' || kind === 'mark';
}

/** Whether the text just before `at` makes what starts at `at` part of a word. */
export function joinsWordBefore(text: string, at: number): boolean {
  let beyond = at;
  while (beyond > 0 && text.charCodeAt(beyond - 1) === 95) beyond--;
  return joinsBackward(text, beyond);
}

/** Whether the text from `at` on makes what ends at `at` part of a word. */
export function joinsWordAfter(text: string, at: number): boolean {
  let beyond = at;
  while (beyond < text.length && text.charCodeAt(beyond) === 95) beyond++;
  return joinsForward(text, beyond);
}

/** Whether the character ending just before `at` is a word character (a joining one, or `_`). */
export function isWordCharBefore(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === 95 || joinsBackward(text, at);
}

/** Whether the character starting at `at` is a word character (a joining one, or `_`). */
export function isWordCharAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 95 || joinsForward(text, at);
}

/** End of the run of word characters (joining ones and `_`) that starts at `at`; `at` when there is none. */
export function endOfWordRun(text: string, at: number): number {
  if (at >= text.length) return at;
  WORD_RUN.lastIndex = at;
  WORD_RUN.test(text);
  return WORD_RUN.lastIndex;
}
