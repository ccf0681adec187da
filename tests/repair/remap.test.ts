/** Carrying approved edits through a change made after the preview: exact positions or nothing. */
import fc from 'fast-check';
import { applyEdits } from '../../src/core/repair/edits';
import { changedRegion, mapRange, remapApproved } from '../../src/core/repair/remap';
import type { RepairEdit } from '../../src/core/repair/types';

const EDIT_TOUCHED = 'the text at or around it changed since the preview';
const EDIT_GONE = 'the repair no longer plans it there';
import { createRepairPlanner } from '../../src/core/repair/plan';
import { contextOf } from './helpers';

describe('the changed region', () => {
  it.each([
    ['abc', 'abc', null],
    ['abc', 'xabc', { from: 0, to: 0, shift: 1 }],
    ['abc', 'abcx', { from: 3, to: 3, shift: 1 }],
    ['abXc', 'abYc', { from: 2, to: 3, shift: 0 }],
    // One of two equal runs deleted: either could be the one, so the region spans both.
    ['A A', 'A', { from: 0, to: 3, shift: -2 }],
    ['xAAy', 'xAy', { from: 1, to: 3, shift: -1 }],
    ['xAy', 'xAAy', { from: 1, to: 2, shift: 1 }],
    ['ab', 'ba', { from: 0, to: 2, shift: 0 }],
  ])('%j → %j', (before, after, region) => {
    expect(changedRegion(before, after)).toStrictEqual(region);
  });

  it('maps ranges before the region unchanged, after it shifted, and touching it not at all', () => {
    const region = { from: 10, to: 14, shift: 3 };
    expect(mapRange(2, 10, region)).toStrictEqual({ from: 2, to: 10 });
    expect(mapRange(14, 20, region)).toStrictEqual({ from: 17, to: 23 });
    expect(mapRange(9, 11, region)).toBeNull();
    expect(mapRange(13, 15, region)).toBeNull();
    expect(mapRange(10, 10, region)).toBeNull();
    expect(mapRange(14, 14, region)).toBeNull();
    expect(mapRange(10, 10, { from: 20, to: 20, shift: 1 })).toStrictEqual({ from: 10, to: 10 });
    expect(mapRange(5, 9, null)).toStrictEqual({ from: 5, to: 9 });
  });

  it('is where the texts differ: outside it, old and new text agree after the shift', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ') }), fc.string({ unit: fc.constantFrom('a', 'b', ' ') }), (before, after) => {
        const region = changedRegion(before, after);
        if (region === null) return expect(before).toBe(after);
        expect(after.length - before.length).toBe(region.shift);
        expect(before.slice(0, region.from)).toBe(after.slice(0, region.from));
        expect(before.slice(region.to)).toBe(after.slice(region.to + region.shift));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

const FILES = { '202108191025 Teams exist for a reason.md': '', 'a.md': '' };
const RENAMES = { renames: { '202108191025': ['Teams exist'] } };
const planner = createRepairPlanner(contextOf(FILES, RENAMES));
const planOf = (text: string) => planner.planFile('a.md', text).plan.edits;
const LINE = 'x 202108191025 Teams exist, y\n';
const FIXED = 'x 202108191025 Teams exist for a reason, y\n';

describe('finding the approved edits again', () => {
  it('two equal edits, only the second approved, text added above both: only the second is written', () => {
    const previewed = LINE + LINE;
    const [, second] = planOf(previewed);
    const current = 'typed meanwhile\n' + previewed;
    const { edits, leftOut } = remapApproved(previewed, current, [second], planOf(current));
    expect(leftOut).toStrictEqual([]);
    expect(applyEdits(current, edits)).toBe('typed meanwhile\n' + LINE + FIXED);
  });

  it('an edit whose text may be the one the other writer removed is left out and named', () => {
    const previewed = LINE + LINE;
    const [first, second] = planOf(previewed);
    const current = LINE;
    const result = remapApproved(previewed, current, [first, second], planOf(current));
    expect(result.edits).toStrictEqual([]);
    expect(result.leftOut.map((o) => o.reason)).toStrictEqual([EDIT_TOUCHED, EDIT_TOUCHED]);
  });

  it('keeps the edits away from the change and leaves out the one in it', () => {
    const previewed = LINE + LINE + LINE;
    const approved = planOf(previewed);
    const current = LINE + 'x 202108191025 Teams Exist, y\n' + LINE;
    const { edits, leftOut } = remapApproved(previewed, current, approved, planOf(current));
    expect(applyEdits(current, edits)).toBe(FIXED + 'x 202108191025 Teams Exist, y\n' + FIXED);
    expect(leftOut.map((o) => o.edit)).toStrictEqual([approved[1]]);
  });

  it('leaves out an edit whose surroundings no longer call for it (the fresh plan has no such edit there)', () => {
    const previewed = LINE;
    const [edit] = planOf(previewed);
    // The other writer typed the new title right after the old one: the same span no longer needs the edit.
    const current = 'x 202108191025 Teams exist for a reason, y\n';
    const { edits, leftOut } = remapApproved(previewed, current, [edit], planOf(current));
    expect(edits).toStrictEqual([]);
    expect(leftOut).toStrictEqual([{ edit, reason: EDIT_GONE }]);
  });

  it('takes only a fresh edit with the same span and the same new text', () => {
    const approved: RepairEdit = { kind: 'stale-title', id: '202108191025', line: 1, from: 15, to: 26, before: 'Teams exist', after: 'Teams exist for a reason' };
    const current = 'typed\n' + LINE;
    const at = (from: number, to: number, after: string): RepairEdit => ({ ...approved, from, to, after });
    const decoys = [at(20, 32, approved.after), at(21, 33, approved.after), at(21, 32, 'Teams exist for no reason')];
    expect(remapApproved(LINE, current, [approved], decoys)).toStrictEqual({ edits: [], leftOut: [{ edit: approved, reason: EDIT_GONE }] });
    const right = at(21, 32, approved.after);
    expect(remapApproved(LINE, current, [approved], [...decoys, right]).edits).toStrictEqual([right]);
  });

  it('never writes an edit that was not approved, wherever another writer types', () => {
    const lines = fc.array(fc.constantFrom(LINE, 'plain\n', 'x 202108191025 Teams exist\n'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(lines, fc.nat(), fc.nat(), fc.constantFrom('typed', '', 'x 202108191025 Teams exist, y\n', 'Teams exist'), fc.nat(), (chosen, pick, at, typed, cut) => {
        const previewed = chosen.join('');
        const planned = planOf(previewed);
        const approved = planned.filter((_, i) => ((pick >> i) & 1) === 1);
        const where = at % (previewed.length + 1);
        const current = previewed.slice(0, where) + typed + previewed.slice(Math.min(previewed.length, where + (cut % 4)));
        const { edits, leftOut } = remapApproved(previewed, current, approved, planOf(current));
        expect(edits.length + leftOut.length).toBe(approved.length);
        // Every written edit is an approved one, carried to the place where that very text now stands.
        for (const [i, edit] of edits.entries()) {
          const source = approved.filter((a) => !leftOut.some((o) => o.edit === a))[i];
          const region = changedRegion(previewed, current);
          expect(mapRange(source.from, source.to, region)).toStrictEqual({ from: edit.from, to: edit.to });
          expect(current.slice(edit.from, edit.to)).toBe(source.before);
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
