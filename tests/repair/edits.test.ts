import fc from 'fast-check';
import { applyEdits, EditConflictError, invertEdits, lineAt, lineCounter, textHash } from '../../src/core/repair/edits';
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
  });
});
