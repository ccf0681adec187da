/** How the preview and the command line show an edit and count a plan. */
import { countByKind, describeCounts, editInContext } from '../../src/core/repair/render';
import type { RepairEdit } from '../../src/core/repair/types';

const ID = '202108191025';

/** The stale-title edit of "Old" in `text`. */
function titleEdit(text: string): RepairEdit {
  const from = text.indexOf('Old');
  return { kind: 'stale-title', id: ID, line: 1, from, to: from + 3, before: 'Old', after: 'New' };
}

describe('an edit in its line', () => {
  it('shows the whole line when it is short, and nothing of the lines around it', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['before', `See ${ID} Old here.`, 'after'].join(eol);
      expect(editInContext(text, titleEdit(text))).toStrictEqual({ prefix: `See ${ID} `, before: 'Old', after: 'New', suffix: ' here.' });
    }
  });

  it('keeps exactly 30 characters each side, and marks a cut with an ellipsis', () => {
    const left = 'l'.repeat(16) + ` ${ID} `;
    const right = ' ' + 'r'.repeat(29);
    const exact = left + 'Old' + right;
    expect(editInContext(exact, titleEdit(exact))).toStrictEqual({ prefix: left, before: 'Old', after: 'New', suffix: right });
    const longer = 'L' + exact + 'R';
    expect(editInContext(longer, titleEdit(longer))).toStrictEqual({ prefix: '…' + left, before: 'Old', after: 'New', suffix: right + '…' });
    const muchLonger = 'x'.repeat(500) + exact + 'y'.repeat(500);
    expect(editInContext(muchLonger, titleEdit(muchLonger))).toStrictEqual({ prefix: '…' + left, before: 'Old', after: 'New', suffix: right + '…' });
  });
});

describe('counting edits', () => {
  it('counts every kind, in a fixed order, those with none included', () => {
    expect(Object.entries(countByKind([{ kind: 'broken-id' }, { kind: 'stale-title' }, { kind: 'broken-id' }]))).toStrictEqual([
      ['stale-link-target', 0],
      ['stale-title', 1],
      ['broken-id', 2],
      ['link-style', 0],
    ]);
  });

  it('names only the kinds that occur, one or many, or says there are none', () => {
    expect(describeCounts(countByKind([]))).toBe('no edits');
    expect(describeCounts({ 'stale-link-target': 2, 'stale-title': 1, 'broken-id': 0, 'link-style': 3 })).toBe('2 stale link targets, 1 stale title, 3 link styles');
    expect(describeCounts({ 'stale-link-target': 0, 'stale-title': 0, 'broken-id': 1, 'link-style': 0 })).toBe('1 broken ID');
  });
});
