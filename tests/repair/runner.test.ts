/** @jest-environment jsdom */
import fc from 'fast-check';
import type { App, EditorChange } from 'obsidian';
import { createRepairPlanner } from '../../src/core/repair/plan';
import type { RepairPlan } from '../../src/core/repair/types';
import { applyRepairs, undoRepairs, type RunControl } from '../../src/obsidian/repair/runner';
import { ObsidianRepairTarget } from '../../src/obsidian/repair/target';
import { FakeEditor, openInEditor, Scheduler, scheduledApp, settle, textOf, type ChangePositions } from './fakeVault';
import { contextOf } from './helpers';

const TITLE = '202108191025 Teams exist for a reason.md';
const STALE = 'x 202108191025 Teams exist, y\n';
const FIXED = 'x 202108191025 Teams exist for a reason, y\n';
const SOURCES = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'];
const RENAMES = { renames: { '202108191025': ['Teams exist'] } };

async function vaultFiles(app: App): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of app.vault.getMarkdownFiles()) files[file.path] = await app.vault.read(file);
  return files;
}

async function planOf(app: App) {
  const files = await vaultFiles(app);
  const planner = createRepairPlanner(contextOf(files, RENAMES));
  const plan: RepairPlan = planner.planVault(Object.entries(files).map(([path, text]) => ({ path, text })));
  return { plan, replan: (path: string, text: string) => planner.planFile(path, text).plan.edits };
}

const control = (overrides: Partial<RunControl> = {}): RunControl => ({ concurrency: 4, isCancelled: () => false, ...overrides });

async function setUp() {
  const scheduler = new Scheduler();
  const app = await scheduledApp({ [TITLE]: '', ...Object.fromEntries(SOURCES.map((p) => [p, STALE])) }, scheduler);
  return { app, scheduler, target: new ObsidianRepairTarget(app), ...(await planOf(app)) };
}

describe('applying a repair', () => {
  it('writes every file through Vault.process, at most four at a time, and records what it did', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    expect(plan.files.map((f) => f.path)).toEqual(SOURCES);
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(scheduler.maxInFlight).toBe(4);
    expect(summary.changed.map((f) => f.path)).toEqual(SOURCES);
    expect(summary.editsByKind['stale-title']).toBe(6);
    for (const path of SOURCES) expect(await textOf(app, path)).toBe(FIXED);
    expect((await planOf(app)).plan.files).toEqual([]);
  });

  it('re-plans a file another writer changed, keeping their text and applying the same edits', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    scheduler.before('b.md', (file) => app.vault.modify(file, 'typed meanwhile\n' + STALE));
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(summary.skipped).toEqual([]);
    expect(await textOf(app, 'b.md')).toBe('typed meanwhile\n' + FIXED);
  });

  it('skips a file whose planned edit no longer holds, and leaves the other writer’s text alone', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    const theirs = 'x 202108191025 was rewritten by hand\n';
    scheduler.before('b.md', (file) => app.vault.modify(file, theirs));
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(summary.skipped.map((s) => s.path)).toEqual(['b.md']);
    expect(summary.skipped[0].reason).toContain('changed since the preview');
    expect(await textOf(app, 'b.md')).toBe(theirs);
    expect(summary.changed).toHaveLength(5);
  });

  it('writes only the approved one of two equal edits when the file changed before apply', async () => {
    const { app, scheduler, target, replan } = await setUp();
    await app.vault.modify(app.vault.getFileByPath('a.md')!, STALE + STALE);
    const [, second] = replan('a.md', STALE + STALE);
    scheduler.before('a.md', (file) => app.vault.modify(file, 'typed meanwhile\n' + STALE + STALE));
    const run = applyRepairs([{ path: 'a.md', text: STALE + STALE, edits: [second] }], target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(await textOf(app, 'a.md')).toBe('typed meanwhile\n' + STALE + FIXED);
    expect(summary.changed[0].edits).toHaveLength(1);
    expect(summary.leftOut).toEqual([]);
  });

  it('leaves out, and names, an approved edit in text the other writer changed; writes the others', async () => {
    const { app, scheduler, target, replan } = await setUp();
    const previewed = STALE + STALE + STALE;
    await app.vault.modify(app.vault.getFileByPath('a.md')!, previewed);
    const approved = replan('a.md', previewed);
    const theirs = STALE + 'x 202108191025 Teams Exist, y\n' + STALE;
    scheduler.before('a.md', (file) => app.vault.modify(file, theirs));
    const run = applyRepairs([{ path: 'a.md', text: previewed, edits: approved }], target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(await textOf(app, 'a.md')).toBe(FIXED + 'x 202108191025 Teams Exist, y\n' + FIXED);
    expect(summary.leftOut).toEqual([{ path: 'a.md', edit: approved[1], reason: 'the text at or around it changed since the preview' }]);
  });

  it('skips files deleted or renamed since the preview', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    scheduler.before('c.md', (file) => app.vault.delete(file));
    scheduler.before('d.md', (file) => app.vault.rename(file, 'moved/d.md'));
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(summary.skipped.map((s) => s.path).sort()).toEqual(['c.md', 'd.md']);
    expect(await textOf(app, 'moved/d.md')).toBe(STALE);
    expect(summary.failed).toEqual([]);
  });

  it('goes on after a write that throws, names it, and a rerun only has that file left', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    scheduler.before('c.md', () => {
      throw new Error('disk full');
    });
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(summary.failed).toEqual([{ path: 'c.md', message: 'disk full' }]);
    expect(summary.changed).toHaveLength(5);
    expect(await textOf(app, 'c.md')).toBe(STALE);
    const rerun = await planOf(app);
    expect(rerun.plan.files.map((f) => f.path)).toEqual(['c.md']);
  });

  it('stops starting files once cancelled; started ones finish whole', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    let cancelled = false;
    const run = applyRepairs(plan.files, target, replan, control({ concurrency: 2, isCancelled: () => cancelled, onProgress: (done) => (cancelled = done >= 1) }));
    await scheduler.drain();
    const summary = await run;
    expect(summary.changed.map((f) => f.path)).toEqual(['a.md', 'b.md']);
    expect(summary.notStarted).toEqual(['c.md', 'd.md', 'e.md', 'f.md']);
    for (const path of summary.notStarted) expect(await textOf(app, path)).toBe(STALE);
  });

  it.each<ChangePositions>(['before-transaction', 'after-previous-change'])(
    'changes an open note through its editor in one transaction, keeping the cursor (change positions read %s)',
    async (positions) => {
      const { app, scheduler, target, replan } = await setUp();
      // Two edits on one line and one below: the order of the changes matters under one of the readings.
      const typed = 'unsaved line\n' + STALE.replace('\n', ' 202108191025 Teams exist.\n') + STALE;
      const editor = new FakeEditor(typed, typed.length - 3, typed.length - 3, { positions });
      await openInEditor(app, 'a.md', editor);
      const plan = { path: 'a.md', text: typed, edits: replan('a.md', typed) };
      expect(plan.edits).toHaveLength(3);
      const summary = await applyRepairs([plan], target, replan, control());
      expect(editor.transactions).toBe(1);
      expect(editor.getValue()).toBe('unsaved line\n' + FIXED.replace('\n', ' 202108191025 Teams exist for a reason.\n') + FIXED);
      expect(editor.selection.head).toBe(editor.getValue().length - 3);
      expect(await textOf(app, 'a.md')).toBe(STALE);
      expect(scheduler.order).toEqual([]);
      expect(summary.changed[0].path).toBe('a.md');
    },
  );

  it('writes a note shown in Reading view through Vault.process, not its editor', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    const editor = new FakeEditor(STALE, 0);
    await openInEditor(app, 'a.md', editor, 'preview');
    const run = applyRepairs(plan.files.filter((f) => f.path === 'a.md'), target, replan, control());
    await scheduler.drain();
    const summary = await run;
    expect(editor.transactions).toBe(0);
    expect(scheduler.order).toEqual(['a.md']);
    expect(await textOf(app, 'a.md')).toBe(FIXED);
    expect(summary.changed.map((f) => f.path)).toEqual(['a.md']);
  });

  it('puts the note back and skips it when the editor does not apply the changes as sent', async () => {
    const { app, target, replan } = await setUp();
    const text = STALE + STALE;
    let sent = 0;
    const editor = new FakeEditor(text, 2, 2, { garble: (changes: EditorChange[]) => (++sent === 1 ? changes.slice(1) : changes) });
    await openInEditor(app, 'a.md', editor);
    const summary = await applyRepairs([{ path: 'a.md', text, edits: replan('a.md', text) }], target, replan, control());
    expect(editor.getValue()).toBe(text);
    expect(summary.changed).toEqual([]);
    expect(summary.skipped).toEqual([{ path: 'a.md', reason: 'the editor did not apply the repair as planned; the note was left as it was' }]);
  });

  it('reports a failure, not a skip, when the editor cannot even be put back', async () => {
    const { app, target, replan } = await setUp();
    const editor = new FakeEditor(STALE, 0, 0, { garble: () => [{ from: { line: 0, ch: 0 }, text: '!' }] });
    await openInEditor(app, 'a.md', editor);
    const summary = await applyRepairs([{ path: 'a.md', text: STALE, edits: replan('a.md', STALE) }], target, replan, control());
    expect(summary.failed).toEqual([{ path: 'a.md', message: expect.stringContaining('could not be put back') as string }]);
  });
});

describe('applying while the user types in the open note', () => {
  it('re-plans the editor text and applies the same edits when they still hold', async () => {
    const { app, target, replan } = await setUp();
    const editor = new FakeEditor(STALE, 0);
    await openInEditor(app, 'a.md', editor);
    const plan = { path: 'a.md', text: STALE, edits: replan('a.md', STALE) };
    editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: 'typed ' }] });
    const summary = await applyRepairs([plan], target, replan, control());
    expect(summary.changed).toHaveLength(1);
    expect(editor.getValue()).toBe('typed ' + FIXED);
  });

  it('skips the note when the user changed the reference itself', async () => {
    const { app, target, replan } = await setUp();
    const editor = new FakeEditor(STALE, 0);
    await openInEditor(app, 'a.md', editor);
    const plan = { path: 'a.md', text: STALE, edits: replan('a.md', STALE) };
    editor.transaction({ changes: [{ from: { line: 0, ch: 15 }, to: { line: 0, ch: 26 }, text: 'Teams' }] });
    const summary = await applyRepairs([plan], target, replan, control());
    expect(summary.skipped.map((s) => s.path)).toEqual(['a.md']);
    expect(editor.getValue()).toBe('x 202108191025 Teams, y\n');
    expect(editor.transactions).toBe(1);
  });
});

describe('other writers at random moments never lose a character', () => {
  type Action = 'none' | 'append' | 'prepend' | 'rewrite' | 'delete';
  const actions = fc.array(fc.constantFrom<Action>('none', 'append', 'prepend', 'rewrite', 'delete'), { minLength: SOURCES.length, maxLength: SOURCES.length });

  it('ends with each file repaired, or holding exactly what the other writer left', async () => {
    await fc.assert(
      fc.asyncProperty(actions, fc.integer({ min: 1, max: 4 }), async (chosen, concurrency) => {
        const { app, scheduler, target, plan, replan } = await setUp();
        SOURCES.forEach((path, i) => {
          const action = chosen[i];
          const marker = `USER ${i}\n`;
          if (action === 'append') scheduler.before(path, (file) => app.vault.modify(file, STALE + marker));
          if (action === 'prepend') scheduler.before(path, (file) => app.vault.modify(file, marker + STALE));
          if (action === 'rewrite') scheduler.before(path, (file) => app.vault.modify(file, marker));
          if (action === 'delete') scheduler.before(path, (file) => app.vault.delete(file));
        });
        const run = applyRepairs(plan.files, target, replan, control({ concurrency }));
        await scheduler.drain();
        const summary = await run;
        for (const [i, path] of SOURCES.entries()) {
          const marker = `USER ${i}\n`;
          const expected = { none: FIXED, append: FIXED + marker, prepend: marker + FIXED, rewrite: marker, delete: undefined }[chosen[i]];
          expect(await textOf(app, path)).toBe(expected);
        }
        expect(scheduler.maxInFlight).toBeLessThanOrEqual(concurrency);
        expect(summary.failed).toEqual([]);
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});

describe('undoing the last repair', () => {
  it('restores every file still as written and lists the ones edited since', async () => {
    const { app, scheduler, target, plan, replan } = await setUp();
    const run = applyRepairs(plan.files, target, replan, control());
    await scheduler.drain();
    const summary = await run;
    await app.vault.modify(app.vault.getFileByPath('e.md')!, FIXED + 'my own line\n');
    const undo = undoRepairs({ createdAt: 1, files: summary.changed }, target, control());
    await scheduler.drain();
    const result = await undo;
    expect(result.restored).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'f.md']);
    expect(result.left).toEqual([{ path: 'e.md', reason: 'changed since the repair' }]);
    expect(result.remaining?.files.map((f) => f.path)).toEqual(['e.md']);
    for (const path of result.restored) expect(await textOf(app, path)).toBe(STALE);
    expect(await textOf(app, 'e.md')).toBe(FIXED + 'my own line\n');
    await settle();
  });
});
