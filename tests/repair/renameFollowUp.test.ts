/** @jest-environment jsdom */
/**
 * The rename follow-up's timing and its record: renames close together are followed up once, after
 * the last; unload leaves nothing to fire; a follow-up due while a repair writes starts nothing; and a
 * rename that changes no title and no undo record writes nothing to repair.json.
 */
import { RENAME_SETTLE_MS } from '../../src/obsidian/repair/controller';
import { settle } from './fakeVault';
import { NEW, OLD, setUp, SOURCES, STATE } from './controllerHarness';

const EXECUTION = '202104291524 Execution is the priority of the team.md';
const CITING_EXECUTION = 'Builds on 202104291524 Execution is the priority of the team.\n';

/**
 * Holds the controller's follow-up timers (those of the settle delay) instead of letting them run, so
 * a test sees how many are pending and fires them itself. Other timers run as usual.
 */
function holdFollowUps(): { readonly pending: number; fire(): void } {
  const held = new Map<number, () => void>();
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  let nextId = 1_000_000;
  jest.spyOn(window, 'setTimeout').mockImplementation(((handler: () => void, delay?: number, ...rest: unknown[]) => {
    if (delay !== RENAME_SETTLE_MS) return realSet(handler, delay, ...rest);
    held.set(nextId, handler);
    return nextId++;
  }) as typeof window.setTimeout);
  jest.spyOn(window, 'clearTimeout').mockImplementation(((id?: number) => {
    if (id === undefined || !held.delete(id)) realClear(id);
  }) as typeof window.clearTimeout);
  return {
    get pending() {
      return held.size;
    },
    fire() {
      const handlers = [...held.values()];
      held.clear();
      for (const handler of handlers) handler();
    },
  };
}

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('the rename follow-up', () => {
  it('follows renames close together up once, after the last of them, with the notes of both', async () => {
    const { app, services, previews } = await setUp({ [OLD]: '', [EXECUTION]: '', ...SOURCES, 'e.md': CITING_EXECUTION });
    const followUps = holdFollowUps();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    await settle();
    expect(followUps.pending).toBe(1);
    await app.vault.rename(app.vault.getFileByPath(EXECUTION)!, '202104291524 Execution is the priority.md');
    await services.indexed();
    await settle();
    // The second rename put the first one's follow-up off: one is pending, not two.
    expect([followUps.pending, previews]).toStrictEqual([1, []]);
    followUps.fire();
    await settle();
    expect(previews.map((p) => p.plan.files.map((f) => f.path))).toStrictEqual([['a.md', 'e.md']]);
  });

  it('is taken away on unload', async () => {
    const { app, services, controller } = await setUp();
    const followUps = holdFollowUps();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    await settle();
    expect(followUps.pending).toBe(1);
    controller.dispose();
    expect(followUps.pending).toBe(0);
  });

  it('is not set when unload comes while it waits for the index to learn the new title', async () => {
    const { app, services, controller } = await setUp();
    const followUps = holdFollowUps();
    // The index's read after the rename waits until the test lets it go.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = app.vault.read.bind(app.vault);
    app.vault.read = async (file) => {
      await gate;
      return read(file);
    };
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await settle();
    controller.dispose();
    release();
    await services.indexed();
    await settle();
    expect(services.index.note(NEW)?.title).toBe('Teams exist for a reason');
    expect(followUps.pending).toBe(0);
  });

  it('offers the references to update 400 ms after a rename the index has already learned', async () => {
    const { app, services, previews } = await setUp();
    jest.useFakeTimers();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    await jest.advanceTimersByTimeAsync(399);
    expect(previews).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(previews).toHaveLength(1);
  });

  it('waits up to 5 seconds for the index to learn the new title, then goes on without it', async () => {
    const { app, controller } = await setUp();
    // The index's read after the rename never ends: it never learns the new title.
    app.vault.read = () => new Promise<string>(() => undefined);
    jest.useFakeTimers();
    const followUps = holdFollowUps();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(followUps.pending).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(followUps.pending).toBe(1);
    controller.dispose();
  });

  it('starts nothing when it comes due while a repair is writing', async () => {
    const { app, services, controller, previews } = await setUp();
    const followUps = holdFollowUps();
    await app.vault.rename(app.vault.getFileByPath(OLD)!, NEW);
    await services.indexed();
    await settle();
    await controller.repairVault();
    expect(previews).toHaveLength(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const process = app.vault.process.bind(app.vault);
    app.vault.process = async (file, fn) => {
      await gate;
      return process(file, fn);
    };
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    expect(controller.busy).toBe(true);
    const reads = (app.vault as unknown as { reads: number }).reads;
    followUps.fire();
    await settle();
    expect([previews.length, (app.vault as unknown as { reads: number }).reads]).toStrictEqual([1, reads]);
    release();
    await settle();
    expect([controller.busy, previews.length]).toStrictEqual([false, 1]);
  });
});

describe('what a rename writes to repair.json', () => {
  it('nothing for a move that keeps the title or a note without an ID, unless the undo record holds the note', async () => {
    const { app, services, controller, previews } = await setUp({ [NEW]: '', ...SOURCES, 'plain.md': 'No IDs.\n' });
    await controller.repairVault();
    previews[0].onApply([...previews[0].plan.files]);
    await settle();
    const saved: string[] = [];
    const write = app.vault.adapter.write.bind(app.vault.adapter);
    app.vault.adapter.write = (path, data) => {
      if (path === STATE) saved.push(data);
      return write(path, data);
    };
    const move = async (from: string, to: string) => {
      await app.vault.rename(app.vault.getFileByPath(from)!, to);
      await services.indexed();
      await settle();
    };
    await move('plain.md', 'kept/plain.md');
    await move(NEW, `kept/${NEW}`);
    expect(saved).toStrictEqual([]);
    await move('b.md', 'kept/b.md');
    expect(saved.map((data) => (JSON.parse(data) as { lastRun: { files: { path: string }[] } }).lastRun.files.map((f) => f.path))).toStrictEqual([['kept/b.md']]);
  });
});
