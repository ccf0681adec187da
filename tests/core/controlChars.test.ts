/**
 * Control characters in a note's name or line are shown as escapes wherever the tool or the chain's
 * outline prints them (a line break would start a line of its own, an escape sequence would reach a
 * terminal); the tab and every other character stay as they are.
 */
import { hasControlCharacters, showControlCharacters } from '../../src/core/controlChars';

describe('control characters shown as escapes', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['lone\rcarriage return', 'lone\\rcarriage return'],
    ['\u0000', '\\x00'],
    ['\u0001\u0008', '\\x01\\x08'],
    ['\u000b\u000c', '\\x0b\\x0c'],
    ['\u001b[31mred', '\\x1b[31mred'],
    ['\u007f', '\\x7f'],
    ['\u0085 next line, \u009f last C1', '\\x85 next line, \\x9f last C1'],
  ])('%j is shown as %j', (text, shown) => {
    expect(hasControlCharacters(text)).toBe(true);
    expect(showControlCharacters(text)).toBe(shown);
  });

  it.each([
    ['202104291524 Execution is the priority of the team'],
    ['a\ttab stays'],
    ['\u00a0no-break space, \u2028 line separator, é, 日本, 😀'],
    [' !~'],
    [''],
  ])('%j has none and stays as it is', (text) => {
    expect(hasControlCharacters(text)).toBe(false);
    expect(showControlCharacters(text)).toBe(text);
  });

  it('shows each of the 64 control characters but the tab, and no other code unit below U+0100', () => {
    for (let code = 0; code < 0x100; code++) {
      const char = String.fromCharCode(code);
      const control = (code < 0x20 || (code >= 0x7f && code <= 0x9f)) && code !== 0x09;
      expect([code, hasControlCharacters(`x${char}y`)]).toStrictEqual([code, control]);
      expect(showControlCharacters(char) !== char).toBe(control);
    }
  });
});
