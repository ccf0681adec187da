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
    expect(undoFileRepair(after, record)).toStrictEqual({ ok: true, text: before });
  });

  it('refuses when the user changed the file since, even by one character', () => {
    expect(undoFileRepair(after + ' ', record)).toStrictEqual({ ok: false, reason: 'changed since the repair' });
    expect(undoFileRepair(after.replace('\r\n', '\n'), record).ok).toBe(false);
  });

  it('survives a round trip through stored JSON and follows renames', () => {
    const stored: unknown = JSON.parse(JSON.stringify({ createdAt: 5, files: [record] }));
    const parsed = parseRepairRecord(stored);
    expect(parsed).toStrictEqual({ createdAt: 5, files: [record] });
    expect(renameInRecord(parsed!, 'n.md', 'm.md').files[0].path).toBe('m.md');
  });

  it.each([null, 3, [], { createdAt: 1 }, { createdAt: 1, files: [{ path: 'x' }] }, { createdAt: 1, files: [{ ...record, edits: [{ kind: 'bogus' }] }] }])(
    'rejects a malformed stored record: %j',
    (raw) => expect(parseRepairRecord(raw)).toBeNull(),
  );

  // One field wrong at a time, in an otherwise good record: any of them makes the whole record unusable.
  const good = { kind: 'stale-title', from: 15, to: 18, before: 'Old', after: 'New title' };
  const fileWith = (changes: Record<string, unknown>) => ({ path: 'n.md', beforeHash: record.beforeHash, afterHash: record.afterHash, edits: [good], ...changes });
  it.each([
    ['createdAt not a number', { createdAt: '5', files: [] }],
    ['files not a list', { createdAt: 5, files: { 0: fileWith({}) } }],
    ['a file that is null', { createdAt: 5, files: [null] }],
    ['a file that is a list', { createdAt: 5, files: [[]] }],
    ['a path not a string', { createdAt: 5, files: [fileWith({ path: 3 })] }],
    ['a missing beforeHash', { createdAt: 5, files: [fileWith({ beforeHash: undefined })] }],
    ['an afterHash not a string', { createdAt: 5, files: [fileWith({ afterHash: null })] }],
    ['edits not a list', { createdAt: 5, files: [fileWith({ edits: good })] }],
    ['an edit that is null', { createdAt: 5, files: [fileWith({ edits: [good, null] })] }],
    ['an edit that is a list', { createdAt: 5, files: [fileWith({ edits: [[]] })] }],
    ['an unknown kind', { createdAt: 5, files: [fileWith({ edits: [{ ...good, kind: 'stale' }] })] }],
    ['a fractional from', { createdAt: 5, files: [fileWith({ edits: [{ ...good, from: 15.5 }] })] }],
    ['a to that is text', { createdAt: 5, files: [fileWith({ edits: [{ ...good, to: '18' }] })] }],
    ['a before not a string', { createdAt: 5, files: [fileWith({ edits: [{ ...good, before: 1 }] })] }],
    ['a missing after', { createdAt: 5, files: [fileWith({ edits: [{ ...good, after: undefined }] })] }],
  ])('rejects a stored record with %s', (_name, raw) => {
    expect(parseRepairRecord(raw)).toBeNull();
  });

  it('reads back edits of every kind, and a run with no files', () => {
    const kinds = ['stale-link-target', 'stale-title', 'broken-id', 'link-style'];
    const raw = { createdAt: 5, files: [fileWith({ edits: kinds.map((kind, i) => ({ ...good, kind, from: i, to: i })) })] };
    expect(parseRepairRecord(raw)).toStrictEqual(raw);
    expect(parseRepairRecord({ createdAt: 0, files: [] })).toStrictEqual({ createdAt: 0, files: [] });
  });

  it('refuses a record whose edits do not fit the text it wrote, or do not lead back to the text before', () => {
    const misplaced = { ...record, edits: [{ ...edits[0], from: 14, to: 17 }] };
    const outcome = undoFileRepair(after, misplaced);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : outcome.reason).toMatch(/^the record does not fit the file \(text at 14-/);
    const wrongOrigin = { ...record, beforeHash: record.afterHash };
    expect(undoFileRepair(after, wrongOrigin)).toStrictEqual({ ok: false, reason: 'the record does not restore the original text' });
  });

  it('keeps only what a stored edit needs, and renames only the file named', () => {
    const extra = recordFileRepair('n.md', before, edits.map((e) => ({ ...e, id: '202108191025', line: 2 })), after);
    expect(extra.edits).toStrictEqual(edits);
    const two = { createdAt: 5, files: [record, { ...record, path: 'other.md' }] };
    expect(renameInRecord(two, 'n.md', 'm.md').files.map((f) => f.path)).toStrictEqual(['m.md', 'other.md']);
  });
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
    // Every combining mark counts: a spacing one (the Devanagari visarga), an enclosing one, two at once.
    ['202108191025 नम.md', '202108191025 नम\u0903.md', null],
    ['202108191025 Stop.md', '202108191025 Stop\u20e0.md', null],
    ['202108191025 Pho.md', '202108191025 Phở.md', null],
    ['202108191025 Cafe\u0301.md', '202108191025 Cafe.md', { id: '202108191025', oldTitle: 'Cafe\u0301', newTitle: 'Cafe' }],
    ['202108191025 Cafe.md', '202108191025 Cafes.md', { id: '202108191025', oldTitle: 'Cafe', newTitle: 'Cafes' }],
  ])('%j → %j', (from, to, expected) => {
    expect(titleChange(from, to, TWELVE_DIGIT)).toStrictEqual(expected);
  });

  it('uses the ID the index knows for a note whose file names hold none (frontmatter ID)', () => {
    expect(titleChange('Old.md', 'New.md', TWELVE_DIGIT, '202108191025')).toStrictEqual({ id: '202108191025', oldTitle: 'Old', newTitle: 'New' });
    expect(titleChange('202108191025 Old.md', 'New.md', TWELVE_DIGIT, '202108191025')).toBeNull();
    // Becoming a folder's note (its title then comes from its text), or ceasing to be one, is no rename.
    expect(titleChange('Old.md', 'x/README.md', TWELVE_DIGIT, '202108191025')).toBeNull();
    expect(titleChange('x/index.md', 'New.md', TWELVE_DIGIT, '202108191025')).toBeNull();
  });

  it('keeps titles oldest first, drops a title the note has again, and ignores repeats', () => {
    const history: RenameHistory = new Map();
    expect(recordRename(history, 'x', 'A', 'B')).toBe(true);
    expect(recordRename(history, 'x', 'B', 'C')).toBe(true);
    expect(recordRename(history, 'x', 'B', 'C')).toBe(false);
    expect(history.get('x')).toStrictEqual(['A', 'B']);
    recordRename(history, 'x', 'C', 'A');
    expect(history.get('x')).toStrictEqual(['B', 'C']);
  });

  it('reads stored history defensively and writes it sorted', () => {
    const parsed = parseRenameHistory({ b: ['Old', 'Old', 3, ''], a: 'nope', c: ['T'] });
    expect(serializeRenameHistory(parsed)).toStrictEqual({ b: ['Old'], c: ['T'] });
    expect(parseRenameHistory('garbage').size).toBe(0);
    expect(parseRenameHistory(null).size).toBe(0);
    expect(parseRenameHistory([['202108191025', ['Old']]]).size).toBe(0);
    expect(serializeRenameHistory(parseRenameHistory({ d: [' \t'], c: ['C'], a: ['A'], b: ['B'] }))).toStrictEqual({ a: ['A'], b: ['B'], c: ['C'] });
    expect(Object.keys(serializeRenameHistory(parseRenameHistory({ c: ['C'], a: ['A'], b: ['B'] })))).toStrictEqual(['a', 'b', 'c']);
  });

  it('keeps the newest 20 titles of a note, recorded or read back', () => {
    const titles = Array.from({ length: 25 }, (_, i) => `T${i}`);
    const history: RenameHistory = new Map();
    for (let i = 0; i < 25; i++) recordRename(history, 'x', titles[i], `T${i + 1}`);
    expect(history.get('x')).toStrictEqual(titles.slice(5));
    expect(parseRenameHistory({ x: titles }).get('x')).toStrictEqual(titles.slice(5));
  });

  it('counts as a change a title dropped from the end, or moved while others stay in place', () => {
    const dropped: RenameHistory = new Map([['x', ['A', 'B', 'C']]]);
    expect(recordRename(dropped, 'x', 'B', 'C')).toBe(true);
    expect(dropped.get('x')).toStrictEqual(['A', 'B']);
    const moved: RenameHistory = new Map([['x', ['A', 'B', 'C']]]);
    expect(recordRename(moved, 'x', 'B', 'X')).toBe(true);
    expect(moved.get('x')).toStrictEqual(['A', 'C', 'B']);
  });

  it('a title taken back moves to the newest place, and that counts as a change', () => {
    const history: RenameHistory = new Map([['x', ['A', 'B']]]);
    expect(recordRename(history, 'x', 'A', 'C')).toBe(true);
    expect(history.get('x')).toStrictEqual(['B', 'A']);
  });
});
