/** @jest-environment jsdom */
import { recordShown } from '../mocks/obsidian';
import { countByKind } from '../../src/core/repair/render';
import { describeRun, describeUndo, RepairProgress } from '../../src/obsidian/repair/progress';

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
    expect(describeUndo({ restored: ['a.md'], left: [{ path: 'b.md', reason: 'changed since the repair' }], remaining: null })).toBe(
      'Undo restored 1 file.\nLeft as they are: b.md (changed since the repair).',
    );
  });
});
