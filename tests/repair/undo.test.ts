import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { applyEdits } from '../../src/core/repair/edits';
import { parseRenameHistory, recordRename, serializeRenameHistory, titleChange, type RenameHistory } from '../../src/core/repair/renames';
import { parseRepairRecord, recordFileRepair, renameInRecord, undoFileRepair, type AppliedEdit } from '../../src/core/repair/undo';

const before = 'a 202108191025 Old.\r\nb [[202108191025 Old]]\n';
const edits: AppliedEdit[] = [
  { kind: 'stale-title', from: 15, to: 18, before: 'Old', after: 'New title' },
  { kind: 'stale-link-target', from: 25, to: 41, before: '202108191025 Old', after: '202108191025 New title' },
];
const after = applyEdits(before, edits);
const record = recordFileRepair('n.md', before, edits, after);

describe('undoing a file repair', () => {
  it('restores the exact text when the file holds what the repair wrote', () => {
    expect(after).toBe('a 202108191025 New title.\r\nb [[202108191025 New title]]\n');
    expect(undoFileRepair(after, record)).toEqual({ ok: true, text: before });
  });

  it('refuses when the user changed the file since, even by one character', () => {
    expect(undoFileRepair(after + ' ', record)).toEqual({ ok: false, reason: 'changed since the repair' });
    expect(undoFileRepair(after.replace('\r\n', '\n'), record).ok).toBe(false);
  });

  it('survives a round trip through stored JSON and follows renames', () => {
    const stored: unknown = JSON.parse(JSON.stringify({ createdAt: 5, files: [record] }));
    const parsed = parseRepairRecord(stored);
    expect(parsed).toEqual({ createdAt: 5, files: [record] });
    expect(renameInRecord(parsed!, 'n.md', 'm.md').files[0].path).toBe('m.md');
  });

  it.each([null, 3, [], { createdAt: 1 }, { createdAt: 1, files: [{ path: 'x' }] }, { createdAt: 1, files: [{ ...record, edits: [{ kind: 'bogus' }] }] }])(
    'rejects a malformed stored record: %j',
    (raw) => expect(parseRepairRecord(raw)).toBeNull(),
  );
});

describe('rename history', () => {
  it.each([
    ['202108191025 Old.md', '202108191025 New.md', { id: '202108191025', oldTitle: 'Old', newTitle: 'New' }],
    ['a/202108191025 Old.md', 'b/202108191025 Old.md', null],
    ['202108191025 Old.md', '202108191026 Old.md', null],
    ['202108191025.md', '202108191025 New.md', null],
    ['202108191025/README.md', '202108191025/index.md', null],
    ['Plain.md', 'Other.md', null],
    // Only a combining mark added, or only the normalisation form changed: no rename.
    ['202108191025 Cafe.md', '202108191025 Cafe\u0301.md', null],
    ['202108191025 Cafe.md', '202108191025 Café.md', null],
    ['202108191025 Café.md', '202108191025 Cafe\u0301.md', null],
    ['202108191025 Cafe\u0301.md', '202108191025 Cafe.md', { id: '202108191025', oldTitle: 'Cafe\u0301', newTitle: 'Cafe' }],
    ['202108191025 Cafe.md', '202108191025 Cafes.md', { id: '202108191025', oldTitle: 'Cafe', newTitle: 'Cafes' }],
  ])('%j → %j', (from, to, expected) => {
    expect(titleChange(from, to, TWELVE_DIGIT)).toEqual(expected);
  });

  it('uses the ID the index knows for a note whose file names hold none (frontmatter ID)', () => {
    expect(titleChange('Old.md', 'New.md', TWELVE_DIGIT, '202108191025')).toEqual({ id: '202108191025', oldTitle: 'Old', newTitle: 'New' });
    expect(titleChange('202108191025 Old.md', 'New.md', TWELVE_DIGIT, '202108191025')).toBeNull();
  });

  it('keeps titles oldest first, drops a title the note has again, and ignores repeats', () => {
    const history: RenameHistory = new Map();
    expect(recordRename(history, 'x', 'A', 'B')).toBe(true);
    expect(recordRename(history, 'x', 'B', 'C')).toBe(true);
    expect(recordRename(history, 'x', 'B', 'C')).toBe(false);
    expect(history.get('x')).toEqual(['A', 'B']);
    recordRename(history, 'x', 'C', 'A');
    expect(history.get('x')).toEqual(['B', 'C']);
  });

  it('reads stored history defensively and writes it sorted', () => {
    const parsed = parseRenameHistory({ b: ['Old', 'Old', 3, ''], a: 'nope', c: ['T'] });
    expect(serializeRenameHistory(parsed)).toEqual({ b: ['Old'], c: ['T'] });
    expect(parseRenameHistory('garbage').size).toBe(0);
  });
});
