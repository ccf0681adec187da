/** @jest-environment jsdom */
import { App, Notice, Plugin, type TFile } from 'obsidian';
import type * as obsidian from 'obsidian';
import { recordShown, type Workspace as FakeWorkspace } from '../mocks/obsidian';
import type { IndexChange } from '../../src/core/types';
import { isNote, PLANNING_CANCELLED, RepairController, REPAIR_CONCURRENCY } from '../../src/obsidian/repair/controller';
import { registerRepair } from '../../src/obsidian/repair/register';
import { RepairStore } from '../../src/obsidian/repair/store';
import { madeFragments, settle, textOf } from './fakeVault';
import { liveServices, type LiveServices } from './liveServices';
import { NEW, OLD, onFirstWrite, renameAndSettle, setUp, SOURCES, STATE, storedState, wait } from './controllerHarness';

class TestPlugin extends Plugin {}

describe('registerRepair', () => {
  it('adds the three commands, with no default hotkeys', async () => {
    const app = new App();
    const plugin = new TestPlugin(app, { id: 'principle-chain', name: 'Principle Chain', version: '0', minAppVersion: '1', author: '', description: '' });
    registerRepair(plugin, await liveServices(app));
    const commands = (plugin as unknown as { registered: { commands: { name: string; hotkeys?: unknown }[] } }).registered.commands;
    expect(commands.map((c) => c.name)).toStrictEqual(['Repair ID links in vault…', 'Repair ID links in current note', 'Undo last repair']);
    expect(commands.every((c) => c.hotkeys === undefined)).toBe(true);
  });
});

describe('the registered commands and events', () => {
  async function registered(files: Record<string, string>, layoutReady = true) {
    const app = new App();
    for (const [path, text] of Object.entries(files)) await app.vault.create(path, text);
    (app.workspace as unknown as FakeWorkspace).layoutReady = layoutReady;
    const plugin = new TestPlugin(app, { id: 'principle-chain', name: 'Principle Chain', version: '0', minAppVersion: '1', author: '', description: '' });
    plugin.load();
    const controller = registerRepair(plugin, await liveServices(app));
    const commands = (plugin as unknown as { registered: { commands: obsidian.Command[] } }).registered.commands;
    const command = (id: string) => commands.find((c) => c.id === `principle-chain:${id}`)!;
    return { app, plugin, controller, command, workspace: app.workspace as unknown as FakeWorkspace };
  }

  it('keeps its command IDs (hotkeys are bound to them), and each runs what it names', async () => {
    const { app, command, workspace } = await registered({ [NEW]: '', 'a.md': 'fine\n', 'p.png': '' });
    const { notices } = recordShown();
    command('repair-id-links-in-vault').callback!();
    await settle();
    command('undo-last-repair').callback!();
    await settle();
    const current = command('repair-id-links-in-current-note').checkCallback!;
    expect(current(true)).toBe(false);
    workspace.setActiveFile(app.vault.getFileByPath('p.png') as never);
    expect(current(true)).toBe(false);
    workspace.setActiveFile(app.vault.getFileByPath('a.md') as never);
    expect(current(true)).toBe(true);
    await settle();
    expect(notices.length).toBe(2);
    expect(current(false)).toBe(true);
    await settle();
    expect(notices).toStrictEqual(['No ID links need repair.', 'There is no repair to undo.', 'No ID links need repair.']);
  });

  it('follows renames only once the layout is ready, keeps its record in the plugin folder, and stops on unload', async () => {
    const { app, plugin, controller, workspace } = await registered({ [OLD]: '' }, false);
    await app.vault.rename(app.vault.getFileByPath(OLD)!, 'x/' + OLD);
    await settle();
    expect(await app.vault.adapter.exists(STATE)).toBe(false);
    workspace.setLayoutReady();
    await app.vault.rename(app.vault.getFileByPath('x/' + OLD)!, 'x/' + NEW);
    await settle();
    expect((await storedState(app)).renameHistory).toStrictEqual({ '202108191025': ['Teams exist'] });
    plugin.unload();
    const { notices } = recordShown();
    await controller.repairVault();
    expect(notices).toStrictEqual([]);
  });

  it('unloaded before the layout is ready, it leaves no rename listener behind', async () => {
    const { app, plugin, workspace } = await registered({ [OLD]: '' }, false);
    const listening = (app.vault as unknown as { listenerCount(name: string): number }).listenerCount('rename');
    plugin.unload();
    workspace.setLayoutReady();
    expect((app.vault as unknown as { listenerCount(name: string): number }).listenerCount('rename')).toBe(listening - 1);
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await settle();
    expect(await app.vault.adapter.exists(STATE)).toBe(false);
  });
});

describe('the vault repair, previewed, applied and undone', () => {
  it('writes nothing before Apply, then only the ticked edits; undo restores them', async () => {
    const { app, services, controller, previews, writes } = await setUp({ [NEW]: '', '202104291524 Execution is the priority of the team.md': '', ...SOURCES });
    await controller.repairVault();
    expect(previews).toHaveLength(1);
    expect(writes()).toBe(0);
    const { plan } = previews[0];
    expect(plan.files.map((f) => [f.path, f.edits.map((e) => e.kind)])).toStrictEqual([['b.md', ['stale-link-target', 'broken-id']]]);
    const onlyLink = plan.files.map((f) => ({ ...f, edits: f.edits.filter((e) => e.kind === 'stale-link-target') }));
    previews[0].onApply(onlyLink);
    await settle();
    expect(await textOf(app, 'b.md')).toBe('See [[202108191025 Teams exist for a reason]] and 202104291525 Execution is the priority of the team.\n');
    const stored = await storedState(app);
    expect(stored.lastRun?.files.map((f) => f.path)).toStrictEqual(['b.md']);
    await services.indexed();
    await controller.undoLast();
    expect(await textOf(app, 'b.md')).toBe(SOURCES['b.md']);
  });
});

describe('the undo record', () => {
  it('survives a restart: a new controller over the same plugin folder undoes the last run', async () => {
    const { app, services, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect(await textOf(app, 'b.md')).not.toBe(SOURCES['b.md']);
    const restarted = new RepairController({ app, services, store: new RepairStore(app.vault.adapter, STATE), preview: () => undefined });
    await restarted.undoLast();
    expect(await textOf(app, 'b.md')).toBe(SOURCES['b.md']);
    expect((await storedState(app)).lastRun).toBeNull();
  });

  // A move keeps the title: only the undo record's own save can carry the new path across a restart.
  it.each([
    ['the same controller', (controller: RepairController) => controller],
    ['a controller after a restart', (_: RepairController, app: App, services: LiveServices) => new RepairController({ app, services, store: new RepairStore(app.vault.adapter, STATE), preview: () => undefined })],
  ] as const)('follows a note moved after the repair: %s undoes it, and the rest of the run', async (_, undoer) => {
    const { app, services, controller, previews } = await setUp({ [NEW]: '', ...SOURCES, 'd.md': SOURCES['b.md'] });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['b.md', 'd.md']);
    await app.vault.rename(app.vault.getFileByPath('b.md')!, 'moved/b.md');
    await services.indexed();
    await settle();
    await undoer(controller, app, services).undoLast();
    expect([await textOf(app, 'moved/b.md'), await textOf(app, 'd.md')]).toStrictEqual([SOURCES['b.md'], SOURCES['b.md']]);
  });
});

describe("a run's writes", () => {
  it('writes up to four files at once (README), no more', async () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (__, i) => [`m${String(i).padStart(2, '0')}.md`, SOURCES['b.md']]));
    const { app, controller, previews } = await setUp({ [NEW]: '', ...many });
    await controller.repairVault();
    let writing = 0;
    let most = 0;
    const process = app.vault.process.bind(app.vault);
    app.vault.process = async (file, fn) => {
      most = Math.max(most, ++writing);
      // Each write yields before it goes on, so the run's writers overlap as far as it lets them.
      await Promise.resolve();
      try {
        return await process(file, fn);
      } finally {
        writing--;
      }
    };
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    const unchanged: string[] = [];
    for (const path of Object.keys(many)) if ((await textOf(app, path)) === many[path]) unchanged.push(path);
    expect(unchanged).toStrictEqual([]);
    expect(most).toBe(4);
  });
});

describe('the undo record while a run writes', () => {
  const stale = Object.fromEntries(['s0.md', 's1.md', 's2.md', 's3.md'].map((p) => [p, SOURCES['b.md']]));

  /** Holds the write of `path` until the returned release is called. */
  function holdWrite(app: App, path: string): { reached: Promise<void>; release: () => void } {
    let release = () => undefined as void;
    let reach = () => undefined as void;
    const reached = new Promise<void>((resolve) => (reach = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const process = app.vault.process.bind(app.vault);
    app.vault.process = async (file, fn) => {
      if (file.path === path) {
        reach();
        await held;
      }
      return process(file, fn);
    };
    return { reached, release };
  }

  it('is saved as notes are written, so an app closed mid-run can still undo them', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...stale }, 10);
    await controller.repairVault();
    const { reached, release } = holdWrite(app, 's3.md');
    previews[0].onApply([...previews[0].plan.files]);
    await reached;
    await wait(50);
    expect((await storedState(app)).lastRun?.files.map((f) => f.path).sort()).toStrictEqual(['s0.md', 's1.md', 's2.md']);
    release();
    await settle();
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['s0.md', 's1.md', 's2.md', 's3.md']);
  });

  it('without an interval given, is saved a second after the first note is written (README: "at most a second behind")', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...stale });
    await controller.repairVault();
    const { reached, release } = holdWrite(app, 's3.md');
    const savedRun = async () => (await storedState(app).catch(() => null))?.lastRun?.files.map((f) => f.path).sort();
    // Timers only: the fake vault's writes and the runner's awaits go on through promises.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      previews[0].onApply([...previews[0].plan.files]);
      await reached;
      await jest.advanceTimersByTimeAsync(999);
      expect(await savedRun()).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(await savedRun()).toStrictEqual(['s0.md', 's1.md', 's2.md']);
    } finally {
      jest.useRealTimers();
    }
    release();
    await settle();
  });

  it('is saved once per quiet spell while the run writes, and once more at its end, in path order', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...stale }, 300);
    await controller.repairVault();
    let saves = 0;
    const write = app.vault.adapter.write.bind(app.vault.adapter);
    app.vault.adapter.write = (path, data) => {
      if (path === STATE) saves++;
      return write(path, data);
    };
    // s0 is written last, after the others and their save.
    const { reached, release } = holdWrite(app, 's0.md');
    previews[0].onApply([...previews[0].plan.files]);
    await reached;
    await wait(900);
    expect(saves).toBe(1);
    expect((await storedState(app)).lastRun?.files.map((f) => f.path).sort()).toStrictEqual(['s1.md', 's2.md', 's3.md']);
    release();
    await wait(900);
    expect(saves).toBe(2);
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['s0.md', 's1.md', 's2.md', 's3.md']);
  });

  it.each([
    ['while its own write is under way', 0],
    ['once it was written', 50],
  ])('keeps the new path of a note renamed while the run goes on, %s', async (_, afterMs) => {
    const { app, services, controller, previews } = await setUp({ [NEW]: '', ...stale });
    await controller.repairVault();
    const { reached, release } = holdWrite(app, 's3.md');
    previews[0].onApply([...previews[0].plan.files]);
    await reached;
    await wait(afterMs);
    await app.vault.rename(app.vault.getFileByPath('s0.md')!, 'moved s0.md');
    await settle();
    release();
    await settle();
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['moved s0.md', 's1.md', 's2.md', 's3.md']);
    await services.indexed();
    await controller.undoLast();
    expect(await textOf(app, 'moved s0.md')).toBe(SOURCES['b.md']);
  });

  it('keeps the new path of a note the undo left, renamed while the undo goes on', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...stale });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    await app.vault.modify(app.vault.getFileByPath('s0.md')!, 'edited since the repair\n');
    const { reached, release } = holdWrite(app, 's3.md');
    const undo = controller.undoLast();
    await reached;
    await app.vault.rename(app.vault.getFileByPath('s0.md')!, 'renamed s0.md');
    await settle();
    release();
    await undo;
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['renamed s0.md']);
  });
});

describe('a damaged repair.json', () => {
  it('is kept aside with a notice, and the next save writes a fresh file beside it', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    await app.vault.adapter.write(STATE, '{"renameHistory": {"202108191025": ["Teams exist"]}, "lastRun": {"crea');
    const { notices } = recordShown();
    await controller.repairVault();
    expect(notices.some((n) => n.includes('was damaged (it is not valid JSON'))).toBe(true);
    const aside = [...(app.vault.adapter as unknown as { files: Map<string, string> }).files.keys()].filter((p) => p.startsWith(`${STATE}.damaged-`));
    expect(aside).toHaveLength(1);
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['b.md']);
    expect(await app.vault.adapter.read(aside[0])).toContain('"crea');
  });
});

describe('what the vault repair reads', () => {
  it('shows planning progress on a large vault and still finds every edit', async () => {
    const many = Object.fromEntries(Array.from({ length: 520 }, (_, i) => [`n/${String(i).padStart(3, '0')}.md`, SOURCES['b.md']]));
    const { controller, previews } = await setUp({ [NEW]: '', ...many });
    const { notices } = recordShown();
    const fragments = madeFragments();
    await controller.repairVault();
    jest.restoreAllMocks();
    expect(notices[0]).toBe('Planning ID link repair: 0 of 521 filesCancel');
    expect(fragments.map((f) => f.querySelector('span')?.textContent)).toStrictEqual(['Planning ID link repair: 521 of 521 files']);
    expect(previews[0].plan.files).toHaveLength(520);
  });

  it.each([
    [499, []],
    [500, ['Planning ID link repair: 0 of 500 filesCancel']],
  ])('shows planning progress from 500 notes on (%i)', async (count, shown) => {
    const many = Object.fromEntries(Array.from({ length: count - 1 }, (_, i) => [`n/${String(i).padStart(3, '0')}.md`, 'Nothing to repair.\n']));
    const { controller } = await setUp({ [NEW]: '', ...many });
    const { notices } = recordShown();
    await controller.repairVault();
    expect(notices.filter((n) => n.startsWith('Planning'))).toStrictEqual(shown);
  });

  it.each([
    ['Cancel on its notice', (fragments: DocumentFragment[]) => fragments[0].querySelector('button')!.click(), [PLANNING_CANCELLED]],
    // The plugin is going away: nothing is left to tell.
    ['unloading the plugin', (_: DocumentFragment[], controller: RepairController) => controller.dispose(), []],
  ] as const)('planning stopped by %s reads no further, takes its notice away and previews nothing', async (_, stop, told) => {
    const many = Object.fromEntries(Array.from({ length: 520 }, (__, i) => [`n/${String(i).padStart(3, '0')}.md`, SOURCES['b.md']]));
    const { app, controller, previews } = await setUp({ [NEW]: '', ...many });
    const fragments = madeFragments();
    const hide = jest.spyOn(Notice.prototype, 'hide');
    const { notices } = recordShown();
    let reads = 0;
    const read = app.vault.cachedRead.bind(app.vault);
    app.vault.cachedRead = (file) => {
      if (reads++ === 0) stop(fragments, controller);
      return read(file);
    };
    await controller.repairVault();
    const hidden = hide.mock.calls.length;
    jest.restoreAllMocks();
    expect([previews, hidden, notices.slice(1)]).toStrictEqual([[], 1, told]);
    // The batch under way when it stopped is the last one read.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(16);
  });


  it('leaves excluded folders out of the plan', async () => {
    const { services, controller, previews } = await setUp({ [NEW]: '', 'b.md': SOURCES['b.md'], 'archive/old.md': SOURCES['b.md'] });
    services.settingsValue.excludedFolders = ['archive'];
    await controller.repairVault();
    expect(previews[0].plan.files.map((f) => f.path)).toStrictEqual(['b.md']);
  });
});

describe('renaming a note', () => {
  it('records the old title and, with "always", updates bare references once — its own writes start nothing else', async () => {
    const { app, services, controller, previews, writes } = await setUp();
    services.settingsValue.renameHandling = 'always';
    await renameAndSettle(app, services, OLD, NEW);
    expect(await textOf(app, 'a.md')).toBe('We act because 202108191025 Teams exist for a reason.\n');
    expect(await textOf(app, 'c.md')).toBe(SOURCES['c.md']);
    // The stale wikilink is Obsidian's own link updater's business, not the rename follow-up's.
    expect(await textOf(app, 'b.md')).toBe(SOURCES['b.md']);
    expect(previews).toHaveLength(0);
    const afterRun = writes();
    expect(afterRun).toBe(1);
    await wait(600);
    await settle();
    expect(writes()).toBe(afterRun);
    expect(controller.busy).toBe(false);
    const stored = await storedState(app);
    expect(stored.renameHistory).toStrictEqual({ '202108191025': ['Teams exist'] });
  });

  it('with "ask" shows the same preview with only the stale titles, and writes nothing yet', async () => {
    const { app, services, previews, writes } = await setUp();
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews).toHaveLength(1);
    expect(previews[0].plan.files.flatMap((f) => f.edits.map((e) => [f.path, e.kind]))).toStrictEqual([['a.md', 'stale-title']]);
    expect(writes()).toBe(0);
  });

  it('with "never" only records the history', async () => {
    const { app, services, previews, writes } = await setUp();
    services.settingsValue.renameHandling = 'never';
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews).toHaveLength(0);
    expect(writes()).toBe(0);
    expect((await storedState(app)).renameHistory).toStrictEqual({ '202108191025': ['Teams exist'] });
  });

  it('does not prompt for a rename that happens while a repair is writing', async () => {
    const { app, services, controller, previews } = await setUp();
    const process = app.vault.process.bind(app.vault);
    let renamedDuringRun = false;
    app.vault.process = async (file, fn) => {
      if (!renamedDuringRun) {
        renamedDuringRun = true;
        await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
      }
      return process(file, fn);
    };
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await services.indexed();
    await wait(600);
    await settle();
    expect(renamedDuringRun).toBe(true);
    expect(previews).toHaveLength(1);
  });
});

describe('the controller\'s own rules', () => {
  const B_FIXED = 'See [[202108191025 Teams exist for a reason]] and 202104291524 Execution is the priority of the team.\n';

  it('applies an approved edit to a note changed since the preview, where the edit moved', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', '202104291524 Execution is the priority of the team.md': '', ...SOURCES });
    await controller.repairVault();
    await app.vault.modify(app.vault.getFileByPath('b.md')!, `Added first.\n${SOURCES['b.md']}`);
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect(await textOf(app, 'b.md')).toBe(`Added first.\n${B_FIXED}`);
  });

  it('given no preview, as the plugin builds it, opens the preview dialog, whose Apply writes the ticked edits', async () => {
    const app = new App();
    for (const [path, text] of Object.entries({ [NEW]: '', '202104291524 Execution is the priority of the team.md': '', ...SOURCES })) await app.vault.create(path, text);
    const controller = new RepairController({ app, services: await liveServices(app), store: new RepairStore(app.vault.adapter, STATE) });
    await controller.repairVault();
    const dialog = document.body.lastElementChild as HTMLElement;
    expect(dialog.textContent).toContain('Repair ID links in vault');
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Apply'))!.click();
    await settle();
    expect(await textOf(app, 'b.md')).toBe(B_FIXED);
    dialog.remove();
  });

  it('a run that changed nothing keeps the undo record of the run before it', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    const stored = await app.vault.adapter.read(STATE);
    let saves = 0;
    const write = app.vault.adapter.write.bind(app.vault.adapter);
    app.vault.adapter.write = (path, data) => {
      if (path === STATE) saves++;
      return write(path, data);
    };
    previews[0].onApply([{ ...previews[0].plan.files[0], path: 'gone.md' }]);
    await settle();
    expect((await storedState(app)).lastRun?.files.map((f) => f.path)).toStrictEqual(['b.md']);
    expect([saves, await app.vault.adapter.read(STATE)]).toStrictEqual([0, stored]);
  });

  it('says when nothing needs repair, or there is nothing to undo, and writes nothing', async () => {
    const { controller, previews, writes } = await setUp({ [NEW]: '', 'a.md': 'We act because 202108191025 Teams exist for a reason.\n' });
    const { notices } = recordShown();
    await controller.repairVault();
    await controller.undoLast();
    expect([notices, previews, writes()]).toStrictEqual([['No ID links need repair.', 'There is no repair to undo.'], [], 0]);
  });

  it('refuses a run, or another undo, while an undo is writing, and is free again after each', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect([controller.busy, await textOf(app, 'b.md') === SOURCES['b.md']]).toStrictEqual([false, false]);
    const process = app.vault.process.bind(app.vault);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.vault.process = async (file, fn) => {
      await gate;
      return process(file, fn);
    };
    const { notices } = recordShown();
    const undoing = controller.undoLast();
    await settle();
    expect(controller.busy).toBe(true);
    previews[0].onApply([...previews[0].plan.files]);
    await controller.undoLast();
    expect(notices.filter((n) => n.startsWith('A repair is already running'))).toHaveLength(2);
    release();
    await undoing;
    expect([controller.busy, await textOf(app, 'b.md')]).toStrictEqual([false, SOURCES['b.md']]);
  });

  it('the current note\'s repair plans that note alone, titled with its name', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES, 'd.md': SOURCES['b.md'] });
    await controller.repairNote(app.vault.getFileByPath('d.md')!);
    expect([previews[0].title, previews[0].plan.files.map((f) => f.path)]).toStrictEqual(['Repair ID links in d', ['d.md']]);
  });

  it('a note that cannot be read is left out of the plan, and the preview lists it with the reason', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES, 'd.md': SOURCES['b.md'] });
    const locked = (read: (file: TFile) => Promise<string>) => (file: TFile) => (file.path === 'd.md' ? Promise.reject(new Error('EACCES: permission denied')) : read(file));
    app.vault.cachedRead = locked(app.vault.cachedRead.bind(app.vault));
    app.vault.read = locked(app.vault.read.bind(app.vault));
    await controller.repairVault();
    expect(previews[0].plan.files.map((f) => f.path)).toStrictEqual(['b.md']);
    expect(previews[0].plan.problems.filter((p) => p.file === 'd.md')).toStrictEqual([
      { kind: 'unreadable-file', file: 'd.md', line: 1, id: null, message: 'd.md was left out: EACCES: permission denied' },
    ]);
  });

  it('a note deleted between the listing and its reading is left out quietly', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES, 'd.md': SOURCES['b.md'] });
    const read = app.vault.cachedRead.bind(app.vault);
    app.vault.cachedRead = async (file) => {
      if (file.path !== 'd.md') return read(file);
      await app.vault.delete(file);
      throw new Error('ENOENT: no such file or directory');
    };
    await controller.repairVault();
    expect(previews[0].plan.files.map((f) => f.path)).toStrictEqual(['b.md']);
    expect(previews[0].plan.problems.filter((p) => p.file === 'd.md')).toStrictEqual([]);
  });

  it('says so when its undo record cannot be saved, and the repair still stands', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    await controller.repairVault();
    const { notices } = recordShown();
    app.vault.adapter.write = () => Promise.reject(new Error('read-only'));
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect(notices.filter((n) => n.includes('could not save'))).toStrictEqual(['Principle Chain could not save its repair record: read-only']);
    expect(await textOf(app, 'b.md')).not.toBe(SOURCES['b.md']);
  });

  it('after unload, a rename waiting to be followed up starts nothing', async () => {
    const { app, services, controller, previews } = await setUp();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    await settle();
    controller.dispose();
    await wait(600);
    await settle();
    expect(previews).toHaveLength(0);
  });

  it('after unload during its planning, a rename follow-up reads no further and previews nothing', async () => {
    const citing = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`cite ${String(i).padStart(2, '0')}.md`, SOURCES['a.md']]));
    const { app, services, controller, previews } = await setUp({ [OLD]: '', ...citing });
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    const read = app.vault.cachedRead.bind(app.vault);
    let reads = 0;
    app.vault.cachedRead = (file) => {
      if (reads++ === 0) controller.dispose();
      return read(file);
    };
    await wait(600);
    await settle();
    // The batch under way is read; none after it.
    expect([reads, previews.length]).toStrictEqual([16, 0]);
  });

  it('with "ask" the preview lists only the notes that hold a stale title', async () => {
    const { app, services, previews } = await setUp();
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews[0].plan.files.map((f) => f.path)).toStrictEqual(['a.md']);
    // Only the rename's own edits: the vault's problems belong to the vault repair's preview.
    expect([previews[0].title, previews[0].plan.problems]).toStrictEqual(['Update references to the renamed note', []]);
  });

  it('follows a rename up only once the index knows the new title, however late the index hears of it', async () => {
    const { app, services, previews } = await setUp();
    // The index reads the vault again after each event (liveServices); its first read after the rename lags.
    const read = app.vault.read.bind(app.vault);
    let lag = true;
    app.vault.read = async (file) => {
      const late = lag;
      lag = false;
      if (late) await wait(1000);
      return read(file);
    };
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews.map((p) => p.plan.files.map((f) => f.path))).toStrictEqual([['a.md']]);
  });

  it('waits for the new title through index changes that do not bring it yet', async () => {
    const { app, services, previews } = await setUp();
    const listeners = new Set<(change: IndexChange) => void>();
    const subscribe = services.onIndexChange;
    services.onIndexChange = (listener) => {
      listeners.add(listener);
      const unsubscribe = subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    };
    // The index reads the renamed note late, and reports another note's change meanwhile.
    const thrown: unknown[] = [];
    const read = app.vault.read.bind(app.vault);
    let lag = true;
    app.vault.read = async (file) => {
      const late = lag;
      lag = false;
      if (late) {
        await wait(100);
        // As the indexer's change bus tells its listeners: one that throws stops no other.
        for (const listener of [...listeners]) {
          try {
            listener(new Set(['202104291524']));
          } catch (error) {
            // The bus logs it and the listener hears the next change; the follow-up's own listener must not throw.
            thrown.push(error);
          }
        }
        await wait(900);
      }
      return read(file);
    };
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews.map((p) => p.plan.files.map((f) => f.path))).toStrictEqual([['a.md']]);
    expect(thrown).toStrictEqual([]);
  });

  it('with "ask" the rename preview leaves out notes in excluded folders', async () => {
    const { app, services, previews } = await setUp({ [OLD]: '', ...SOURCES, 'archive/x.md': SOURCES['a.md'] });
    services.settingsValue.excludedFolders = ['archive'];
    await renameAndSettle(app, services, OLD, NEW);
    expect(previews.map((p) => p.plan.files.map((f) => f.path))).toStrictEqual([['a.md']]);
  });

  it('follows the rename of a note whose ID is in its frontmatter, before the index has seen the rename', async () => {
    const { app, services, previews } = await setUp({ 'Teams exist.md': '---\nid: 202108191025\n---\n', 'a.md': SOURCES['a.md'] });
    await renameAndSettle(app, services, 'Teams exist.md', 'Teams exist for a reason.md');
    expect((await storedState(app)).renameHistory).toStrictEqual({ '202108191025': ['Teams exist'] });
    expect(previews.map((p) => p.plan.files.map((f) => f.path))).toStrictEqual([['a.md']]);
  });

  it('records the title change of a note the index knows under neither path yet, from its file names', async () => {
    const { app, services } = await setUp();
    // As when the note was made a moment ago and the index has not read it: it answers for no path.
    services.index.note = () => undefined;
    await renameAndSettle(app, services, OLD, NEW);
    expect((await storedState(app)).renameHistory).toStrictEqual({ '202108191025': ['Teams exist'] });
  });

  it('records no title change when a file that is not a note is renamed, even one named by an ID', async () => {
    const { app, services, previews } = await setUp({ [NEW]: '', 'img/202108191025 Teams.png': '', 'a.md': 'See 202108191025 Teams.\n' });
    await renameAndSettle(app, services, 'img/202108191025 Teams.png', 'img/202108191025 Teams exist.png');
    expect([(await storedState(app).catch(() => null))?.renameHistory ?? {}, previews]).toStrictEqual([{}, []]);
  });

  it('a plan with problems and no edits is still previewed', async () => {
    const { controller, previews } = await setUp({ '202108191025 One.md': '', 'x/202108191025 Two.md': '', 'a.md': 'see 202108191025 One\n' });
    await controller.repairVault();
    expect(previews.map((p) => [p.plan.files.length, p.plan.problems.length > 0])).toStrictEqual([[0, true]]);
  });

  it('a rename no note cites by its old title starts nothing and says nothing', async () => {
    const { app, services, previews, writes } = await setUp({ [OLD]: '', 'a.md': 'nothing here\n' });
    const { notices } = recordShown();
    await renameAndSettle(app, services, OLD, NEW);
    services.settingsValue.renameHandling = 'always';
    await renameAndSettle(app, services, NEW, '202108191025 Teams exist again.md');
    expect([previews, notices, writes()]).toStrictEqual([[], [], 0]);
  });

  it('after unload, the current note\'s repair plans nothing', async () => {
    const { app, controller, previews } = await setUp({ [NEW]: '', ...SOURCES });
    controller.dispose();
    await controller.repairNote(app.vault.getFileByPath('b.md')!);
    await controller.repairVault();
    expect(previews).toStrictEqual([]);
  });

  describe.each([
    ['Cancel on its notice', (fragments: DocumentFragment[]) => fragments[fragments.length - 1].querySelector('button')!.click()],
    ['unloading the plugin', (_: DocumentFragment[], controller: RepairController) => controller.dispose()],
  ] as const)('a run stopped by %s', (_, stop) => {
    it('starts no other note; the summary counts what it left, and the undo record holds only what it wrote', async () => {
      const stale = Object.fromEntries(Array.from({ length: 12 }, (__, i) => [`s${String(i).padStart(2, '0')}.md`, 'See [[202108191025 Teams exist]].\n']));
      const { app, controller, previews } = await setUp({ [NEW]: '', ...stale });
      await controller.repairVault();
      expect(previews[0].plan.files).toHaveLength(12);
      const fragments = madeFragments();
      onFirstWrite(app, () => stop(fragments, controller));
      const { notices } = recordShown();
      previews[0].onApply([...previews[0].plan.files]);
      await settle();
      jest.restoreAllMocks();
      const written: string[] = [];
      for (const path of Object.keys(stale)) if ((await textOf(app, path)) !== stale[path]) written.push(path);
      // The notes already being written when the run stopped (at most one per writer) finish.
      expect(written.length).toBeGreaterThanOrEqual(1);
      expect(written.length).toBeLessThanOrEqual(REPAIR_CONCURRENCY);
      expect(notices[notices.length - 1]).toContain(`Cancelled: ${12 - written.length} files left unchanged.`);
      // The notice counted the notes as they were written, out of all the run was given.
      expect(fragments.map((f) => f.querySelector('span')?.textContent)).toStrictEqual([`Repairing ID links: ${written.length} of 12 files`]);
      expect((await storedState(app)).lastRun?.files.map((f) => f.path).sort()).toStrictEqual(written);
    });

    it('undoing: restores no other note, counts what it left, and keeps those in the undo record for later', async () => {
      const stale = Object.fromEntries(Array.from({ length: 12 }, (__, i) => [`s${String(i).padStart(2, '0')}.md`, 'See [[202108191025 Teams exist]].\n']));
      const { app, controller, previews } = await setUp({ [NEW]: '', ...stale });
      await controller.repairVault();
      previews[0].onApply([...previews[0].plan.files]);
      await settle();
      const fragments = madeFragments();
      onFirstWrite(app, () => stop(fragments, controller));
      const { notices } = recordShown();
      await controller.undoLast();
      jest.restoreAllMocks();
      const restored: string[] = [];
      for (const path of Object.keys(stale)) if ((await textOf(app, path)) === stale[path]) restored.push(path);
      expect(restored.length).toBeGreaterThanOrEqual(1);
      expect(restored.length).toBeLessThanOrEqual(REPAIR_CONCURRENCY);
      expect(notices[notices.length - 1]).toContain(`Undo restored ${restored.length} file`);
      expect(fragments.map((f) => f.querySelector('span')?.textContent)).toStrictEqual([`Undoing repair: ${restored.length} of 12 files`]);
      const left = Object.keys(stale).filter((path) => !restored.includes(path));
      expect((await storedState(app)).lastRun?.files.map((f) => f.path).sort()).toStrictEqual(left);
    });
  });

  it('only Markdown files are notes the current-note command repairs', async () => {
    const { app } = await setUp({ 'n.md': '', 'p.png': '' });
    expect([isNote(app.vault.getFileByPath('n.md')), isNote(app.vault.getFileByPath('p.png')), isNote({ extension: 'md' }), isNote(app.vault.getRoot())]).toStrictEqual([true, false, false, false]);
  });
});
