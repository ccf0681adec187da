import { isTrimmed } from '../../../src/core/ids/whiteSpace';

describe('isTrimmed', () => {
  // Titles, link targets and block structure trim with it, where the rest of the code (and
  // Obsidian's own) uses `\s` and String.prototype.trim: all three must agree on every code unit.
  test('is what `\\s` matches and what trim removes, for every UTF-16 code unit', () => {
    const disagreeing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      const expected = /\s/.test(character);
      if (isTrimmed(code) !== expected || (character.trim() === '') !== expected) disagreeing.push(code.toString(16));
    }
    expect(disagreeing).toStrictEqual([]);
  });
});
