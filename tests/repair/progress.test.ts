/** @jest-environment jsdom */
import { Notice, recordShown } from '../mocks/obsidian';
import { countByKind } from '../../src/core/repair/render';
import { describeRun, describeUndo, RepairProgress } from '../../src/obsidian/repair/progress';
import { madeFragments } from './fakeVault';

/** Every notice made, with the time it was asked to stay (the fake keeps no list of its own). */
const made: { duration?: number }[] = [];
jest.mock('obsidian', () => {
  const actual = jest.requireActual<typeof import('../mocks/obsidian')>('obsidian');
  class KeptNotice extends actual.Notice {
    constructor(message: string | DocumentFragment, duration?: number) {
      super(message, duration);
      made.push(this);
    }
  }
  return { ...actual, Notice: KeptNotice };
});

describe('repair progress and summaries', () => {
  it('shows a progress notice, then the summary', () => {
    const { notices } = recordShown();
    const progress = new RepairProgress('Repairing ID links', 3);
    const fragmentText = notices[0];
    expect(fragmentText).toContain('Repairing ID links: 0 of 3 files');
    progress.update(2, 3);
    progress.finish('done');
    expect(notices).toContain('done');
  });

  it('leaves the summary on screen for 12 seconds, the progress until the run ends', () => {
    made.length = 0;
    new RepairProgress('Repairing ID links', 3).finish('done');
    expect(made.map((notice) => notice.duration)).toStrictEqual([0, 12_000]);
  });

  it('names what changed, what was skipped, left out or failed and why, and what a cancel left', () => {
    const edits = [{ kind: 'stale-title' as const }, { kind: 'stale-title' as const }, { kind: 'broken-id' as const }];
    const text = describeRun({
      changed: [{ path: 'a.md', edits: [], beforeHash: '', afterHash: '' }],
      editsByKind: countByKind(edits),
      skipped: [{ path: 'b.md', reason: 'deleted or renamed meanwhile' }],
      leftOut: [{ path: 'a.md', reason: 'the text at or around it changed since the preview', edit: { kind: 'stale-title', id: '202108191025', line: 3, from: 40, to: 51, before: 'Teams exist', after: 'Teams exist for a reason' } }],
      failed: [{ path: 'c.md', message: 'disk full' }],
      notStarted: ['d.md', 'e.md'],
    });
    expect(text).toBe(
      [
        'Repaired 1 file (2 stale titles, 1 broken ID).',
        'Skipped 1: b.md (deleted or renamed meanwhile).',
        'Left out 1 approved edit: a.md line 3 "Teams exist" → "Teams exist for a reason" (the text at or around it changed since the preview).',
        'Failed 1: c.md (disk full).',
        'Cancelled: 2 files left unchanged.',
      ].join('\n'),
    );
    expect(describeUndo({ restored: ['a.md'], left: [{ path: 'b.md', reason: 'changed since the repair' }] })).toBe(
      'Undo restored 1 file.\nLeft as they are: b.md (changed since the repair).',
    );
  });

  it('counts files as it goes; Cancel stops the run, stays on screen and says it is cancelling', () => {
    const made = madeFragments();
    const hide = jest.spyOn(Notice.prototype, 'hide');
    const progress = new RepairProgress('Repairing ID links', 3);
    const holder = document.body.appendChild(document.createElement('div'));
    holder.append(made[0]);
    const dismissed = jest.fn();
    holder.addEventListener('click', dismissed);
    progress.update(2, 3);
    expect(holder.querySelector('span')?.textContent).toBe('Repairing ID links: 2 of 3 files');
    const cancel = holder.querySelector('button')!;
    cancel.click();
    expect([progress.cancelled, cancel.disabled, cancel.textContent, dismissed.mock.calls.length]).toStrictEqual([true, true, 'Cancelling…', 0]);
    expect(hide).not.toHaveBeenCalled();
    progress.hide();
    progress.finish('done');
    // Taken away once: a finish after a hide (or a hide after a finish) does not hide it again.
    expect(hide).toHaveBeenCalledTimes(1);
    jest.restoreAllMocks();
    holder.remove();
  });

  it('speaks of a clean run in one line, in the plural where it should, and lists five names at most', () => {
    const clean = { changed: [], editsByKind: countByKind([{ kind: 'broken-id' as const }]), skipped: [], leftOut: [], failed: [], notStarted: [] };
    const two = [{ path: 'a.md', edits: [], beforeHash: '', afterHash: '' }, { path: 'b.md', edits: [], beforeHash: '', afterHash: '' }];
    expect(describeRun({ ...clean, changed: two })).toBe('Repaired 2 files (1 broken ID).');
    const skipped = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `${i}.md`, reason: 'gone' }));
    expect(describeRun({ ...clean, skipped: skipped(5) }).split('\n')[1]).toBe('Skipped 5: 0.md (gone), 1.md (gone), 2.md (gone), 3.md (gone), 4.md (gone).');
    expect(describeRun({ ...clean, skipped: skipped(7) }).split('\n')[1]).toBe('Skipped 7: 0.md (gone), 1.md (gone), 2.md (gone), 3.md (gone), 4.md (gone) and 2 more.');
    const edit = { kind: 'stale-title' as const, id: '202108191025', line: 3, from: 40, to: 51, before: 'A', after: 'B' };
    const leftOut = [1, 2].map((line) => ({ path: 'a.md', reason: 'changed', edit: { ...edit, line } }));
    expect(describeRun({ ...clean, leftOut, notStarted: ['d.md'] }).split('\n').slice(1)).toStrictEqual([
      'Left out 2 approved edits: a.md line 1 "A" → "B" (changed), a.md line 2 "A" → "B" (changed).',
      'Cancelled: 1 file left unchanged.',
    ]);
    expect(describeUndo({ restored: ['a.md', 'b.md'], left: [] })).toBe('Undo restored 2 files.');
  });
});

