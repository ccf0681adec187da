import fc from 'fast-check';
import { applyEdits, EditConflictError, editsProblem, invertEdits, lineAt, lineBounds, lineCounter, textHash } from '../../src/core/repair/edits';
import type { TextEdit } from '../../src/core/repair/types';

const edit = (from: number, to: number, before: string, after: string): TextEdit => ({ from, to, before, after });

describe('applyEdits', () => {
  it('applies edits in any order, back to front', () => {
    expect(applyEdits('abc def ghi', [edit(8, 11, 'ghi', 'G'), edit(0, 3, 'abc', 'ABCD')])).toBe('ABCD def G');
  });

  it('places an insert before a replacement at the same offset', () => {
    expect(applyEdits('abc', [edit(1, 2, 'b', 'B'), edit(1, 1, '', '[')])).toBe('a[Bc');
  });

  it.each([
    ['overlapping', [edit(0, 3, 'abc', 'x'), edit(2, 4, 'c ', 'y')]],
    ['out of range', [edit(9, 12, 'xyz', 'x')]],
    ['negative', [edit(-1, 1, 'a', 'x')]],
    ['text no longer as planned', [edit(0, 3, 'abd', 'x')]],
  ])('refuses %s edits and changes nothing', (_name, edits) => {
    expect(() => applyEdits('abc def', edits)).toThrow(EditConflictError);
  });

  it.each([
    ['a negative start', [edit(-1, 1, 'a', 'x')], 'edit -1-1 lies outside the text (length 7)'],
    ['a fractional start', [edit(0.5, 3, 'abc', 'x')], 'edit 0.5-3 lies outside the text (length 7)'],
    ['a fractional end', [edit(0, 2.5, 'ab', 'x')], 'edit 0-2.5 lies outside the text (length 7)'],
    ['an end before its start', [edit(3, 2, '', 'x')], 'edit 3-2 lies outside the text (length 7)'],
    ['an end past the text', [edit(4, 8, 'def', 'x')], 'edit 4-8 lies outside the text (length 7)'],
    ['an insert inside a replacement', [edit(0, 5, 'abc d', 'x'), edit(2, 2, '', 'y')], 'edit 2-2 overlaps the edit before it'],
    ['a replacement inside a longer one', [edit(0, 5, 'abc d', 'x'), edit(1, 2, 'b', 'y'), edit(3, 4, ' ', 'z')], 'edit 1-2 overlaps the edit before it'],
    ['text no longer as planned', [edit(4, 7, 'dex', 'x')], 'text at 4-7 is no longer "dex"'],
  ])('names why it refuses %s', (_name, edits, reason) => {
    expect(editsProblem('abc def', edits)).toBe(reason);
    expect(() => applyEdits('abc def', edits)).toThrow(reason);
    // The error says what it is wherever it is logged.
    const thrown = (() => {
      try {
        applyEdits('abc def', edits);
      } catch (error) {
        return error as Error;
      }
      return null;
    })();
    expect(thrown?.name).toBe('EditConflictError');
  });

  it.each([
    ['edits that touch end to start', [edit(0, 3, 'abc', 'x'), edit(3, 4, ' ', '_'), edit(4, 7, 'def', 'y')], 'x_y'],
    ['an insert at either end', [edit(7, 7, '', '!'), edit(0, 0, '', '¡')], '¡abc def!'],
    ['an insert right after a replacement', [edit(0, 3, 'abc', 'x'), edit(3, 3, '', '+')], 'x+ def'],
    ['no edits', [], 'abc def'],
  ])('accepts %s', (_name, edits, result) => {
    expect(editsProblem('abc def', edits)).toBeNull();
    expect(applyEdits('abc def', edits)).toBe(result);
  });

  it('inverts: applying the inverse restores the text exactly', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 }))), (text, raw) => {
        const edits: TextEdit[] = [];
        let last = -1;
        for (const [at, length, after] of [...raw].sort((a, b) => a[0] - b[0])) {
          const from = Math.min(at, text.length);
          const to = Math.min(from + length, text.length);
          if (from <= last) continue;
          edits.push(edit(from, to, text.slice(from, to), after));
          last = to;
        }
        const changed = applyEdits(text, edits);
        expect(applyEdits(changed, invertEdits(edits))).toBe(text);
      }),
      { numRuns: 1000, seed: 6 },
    );
  });
});

describe('lineAt and textHash', () => {
  it('counts LF, CRLF and lone CR as line ends', () => {
    expect(lineAt('a\nb\r\nc\rd', 8)).toBe(4);
    // Each offset's line: a break belongs to the line it ends; CRLF counts once, at its LF.
    const text = 'a\nb\r\nc\rd';
    expect([...Array(text.length + 3).keys()].map((offset) => lineAt(text, offset))).toStrictEqual([1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 4]);
    // An offset past the end is the last line, found without walking past the text.
    expect(lineAt(text, Number.POSITIVE_INFINITY)).toBe(4);
  });

  it.each([
    ['a middle line ended by LF', 'ab\ncd\nef', 4, 4, { start: 3, end: 5 }],
    ['a line ended by lone CR', 'ab\rcd\ref', 4, 5, { start: 3, end: 5 }],
    ['a line ended by CRLF', 'ab\r\ncd\r\nef', 5, 5, { start: 4, end: 6 }],
    ['the first line', 'abc\nd', 1, 2, { start: 0, end: 3 }],
    ['the last line, unterminated', 'a\nbcd', 3, 4, { start: 2, end: 5 }],
    ['an empty line', 'a\n\nb', 2, 2, { start: 2, end: 2 }],
  ])('lineBounds finds %s', (_name, text, from, to, bounds) => {
    expect(lineBounds(text, from, to, 100)).toStrictEqual(bounds);
  });

  it('lineBounds looks at most `limit` characters each way', () => {
    expect(lineBounds('abcdefghij', 5, 6, 3)).toStrictEqual({ start: 2, end: 9 });
    expect(lineBounds('abcdefghij', 5, 6, 5)).toStrictEqual({ start: 0, end: 10 });
    expect(lineBounds('x\nabcdefghij\ny', 7, 7, 4)).toStrictEqual({ start: 3, end: 11 });
  });

  it('lineCounter agrees with lineAt for offsets in any order', () => {
    const text = fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', 'bc'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 20 }), (t, offsets) => {
        const line = lineCounter(t);
        for (const offset of offsets) expect(line(offset)).toBe(lineAt(t, Math.min(offset, t.length)));
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('tells texts apart that differ in one character or only in length', () => {
    expect(textHash('abc')).toBe(textHash('abc'));
    expect(textHash('abc')).not.toBe(textHash('abd'));
    expect(textHash('a\r\n')).not.toBe(textHash('a\n'));
    expect(textHash('')).not.toBe(textHash('\0'));
  });

  it('gives the same fingerprints in every version: undo records saved in repair.json hold them', () => {
    expect(textHash('')).toBe('0-811c9dc55ad1e806');
    expect(textHash('abc')).toBe('3-1a47e90bf5f791bc');
    expect(textHash('\uFEFF202108191025 Teams exist\r\nline two\r\n')).toBe('11-16c8356e83457327');
    expect(textHash('é🙂\r')).toBe('4-1cfa9d82818e3fc3');
    // Each half is eight hex digits, leading zeros kept.
    expect(textHash('note 20')).toBe('7-ca7b83ad0002cc35');
  });
});
