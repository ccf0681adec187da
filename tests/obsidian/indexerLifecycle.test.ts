/** @jest-environment jsdom */
import type { IndexCache } from '../../src/obsidian/indexer';
import type { IndexChange } from '../../src/core/types';
import { A, B, expectEqualToRebuild, failReadsOf, file, makeHarness, memoryCache, seed, started, ticks } from './indexerHarness';
import type { Harness } from './indexerHarness';

/** Thirty notes that each cite A, so a pass over them takes many slices. */
const MANY = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`2021010110${String(i).padStart(2, '0')} N.md`, `cites 202104291524 (${i})`]));


function totalReads(h: Harness, paths: readonly string[]): number {
  return paths.reduce((sum, path) => sum + h.readsOf(path), 0);
}

/** Makes the first read of `path` hand its text (read at once) over only `wait` ticks later; `started` tells when that read began. */
function holdFirstRead(h: Harness, path: string, wait: number): { started: () => boolean } {
  const read = h.app.vault.cachedRead;
  let holding = true;
  h.app.vault.cachedRead = async (f) => {
    const text = await read(f);
    if (f.path === path && holding) {
      holding = false;
      await ticks(wait);
    }
    return text;
  };
  return { started: () => !holding };
}

describe('VaultIndexer start and unload', () => {
  it('does nothing when unloaded between layout-ready and its start', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { [A]: 'see 202108191025', [B]: '' });
    h.layoutReady();
    h.indexer.unload();
    await ticks(5);
    expect([...h.indexer.index.notes()]).toStrictEqual([]);
    expect(h.app.vault.reads).toBe(0);
  });

  it('ignores a rebuild asked for after unload', async () => {
    const h = await started({ [A]: 'see 202108191025', [B]: '' });
    h.indexer.unload();
    const reads = h.app.vault.reads;
    await h.indexer.rebuild();
    await ticks(5);
    expect(h.app.vault.reads).toBe(reads);
  });

  it('ignores a rebuild asked for before layout-ready', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { [A]: 'see 202108191025', [B]: '' });
    await h.indexer.rebuild();
    await ticks(5);
    expect([...h.indexer.index.notes()]).toStrictEqual([]);
    expect(h.app.vault.reads).toBe(0);
  });

  it('tells listeners everything changed when asked to (display settings)', async () => {
    const h = await started({ [A]: '' });
    const heard: IndexChange[] = [];
    h.indexer.services.onIndexChange((change) => heard.push(change));
    h.indexer.notifyAll();
    expect(heard).toStrictEqual(['all']);
  });

  it('opens the note an ID names through its services', async () => {
    const h = await started({ [A]: 'see 202108191025', [B]: '' });
    const opened: string[] = [];
    h.app.workspace.openLinkText = async (path: string) => {
      opened.push(path);
    };
    await h.indexer.services.openId('202108191025', A, false);
    expect(opened).toStrictEqual([B]);
  });
});

describe('VaultIndexer content pass', () => {
  it('reports its progress to views while it runs, and nothing once done', async () => {
    const h = makeHarness();
    h.slowReads(2);
    h.indexer.load();
    await seed(h, MANY);
    h.layoutReady();
    await Promise.resolve();
    const seen: string[] = [];
    while (h.indexer.indexing) {
      const progress = h.indexer.services.indexingProgress?.();
      if (progress) seen.push(`${progress.done}/${progress.total}`);
      await ticks(1);
    }
    expect(seen[0]).toBe('0/30');
    expect(seen.some((text) => /^([1-9]|[12]\d)\/30$/.test(text))).toBe(true);
    expect(seen.every((text, i) => i === 0 || Number(text.split('/')[0]) >= Number(seen[i - 1].split('/')[0]))).toBe(true);
    expect(h.indexer.services.indexingProgress?.()).toBeNull();
  });

  it('stops the pass a rebuild replaces: the old pass reads no further note', async () => {
    const h = makeHarness();
    h.slowReads(3);
    h.indexer.load();
    const paths = Object.keys(MANY);
    await seed(h, MANY);
    h.layoutReady();
    while (totalReads(h, paths) < 3) await ticks(1);
    const readBefore = totalReads(h, paths);
    void h.indexer.rebuild();
    await h.indexer.whenIdle();
    // The new pass reads every note once; of the old one, only reads already started may finish.
    expect(totalReads(h, paths) - readBefore).toBeLessThanOrEqual(paths.length + 4);
    await expectEqualToRebuild(h);
  });

  it('keeps showing progress until the pass that replaced the first one is done', async () => {
    const h = makeHarness();
    h.slowReads(2);
    h.indexer.load();
    await seed(h, MANY);
    h.layoutReady();
    await ticks(3);
    const rebuilt = h.indexer.rebuild();
    let done = false;
    void rebuilt.then(() => (done = true));
    const seen: boolean[] = [];
    while (!done) {
      seen.push(h.indexer.indexing && h.indexer.services.indexingProgress?.() !== null);
      await ticks(1);
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every(Boolean)).toBe(true);
  });

  it('reads nothing for a pass a rebuild replaced while the cache was loading', async () => {
    const cache = memoryCache();
    const slowLoad: IndexCache = { save: cache.save, load: async () => (await ticks(10), cache.load()) };
    const h = makeHarness({}, { cache: slowLoad });
    h.indexer.load();
    await seed(h, MANY);
    h.layoutReady();
    await ticks(2);
    void h.indexer.rebuild();
    await h.indexer.whenIdle();
    expect(Object.keys(MANY).map((p) => h.readsOf(p))).toStrictEqual(Object.keys(MANY).map(() => 1));
  });

  it('waits, when asked while edits are read, for an edit that came meanwhile', async () => {
    const h = await started({ [A]: '', [B]: '' });
    h.slowReads(10);
    await h.app.vault.modify(file(h, A), 'see 202108191025');
    const idle = h.indexer.whenIdle();
    await ticks(3);
    // Big enough that its re-read waits longer than A's (fileUpdates.ts): still pending when A's read is done.
    await h.app.vault.modify(file(h, B), `see 202104291524\n${'x'.repeat(50_000)}`);
    await idle;
    expect(h.indexer.index.referencingPaths('202104291524')).toStrictEqual([B]);
  });

  it('waits, when asked before a rebuild, for the pass that rebuild starts', async () => {
    const h = makeHarness();
    h.slowReads(2);
    h.indexer.load();
    await seed(h, MANY);
    h.layoutReady();
    await ticks(2);
    const idle = h.indexer.whenIdle();
    h.settings.excludedFolders = ['nowhere'];
    void h.indexer.rebuild();
    await idle;
    expect(h.indexer.indexing).toBe(false);
    expect(h.indexer.index.referencesTo('202104291524')).toHaveLength(30);
  });

  it('keeps a note it cannot read at start resolvable by its name, and indexes the rest', async () => {
    const h = makeHarness();
    failReadsOf(h, B);
    await started({ [A]: 'see 202108191025', [B]: 'back to 202104291524' }, h);
    expect(h.indexer.index.resolve('202108191025').paths).toStrictEqual([B]);
    expect(h.indexer.index.referencesOf(B)).toStrictEqual([]);
    expect(h.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A]);
  });

  it('applies no read that an edit overtook, even when the edit is read first', async () => {
    const h = makeHarness();
    // The pass's read of A gets the old text and is slow to hand it over; the edit's re-read is not, so it lands first.
    const slowRead = holdFirstRead(h, A, 30);
    h.indexer.load();
    await seed(h, { [A]: 'see 202108191025', [B]: '' });
    h.layoutReady();
    while (!slowRead.started()) await ticks(1);
    await h.app.vault.modify(file(h, A), 'now 202109260705');
    await expectEqualToRebuild(h);
    expect(h.indexer.index.referencesOf(A).map((r) => r.id)).toStrictEqual(['202109260705']);
  });

  it.each<[string, number | undefined, number]>([
    ['the pacing\'s number of notes at once', 3, 3],
    ['8 notes at once by default', undefined, 8],
  ])('reads at most %s', async (_, concurrentReads, expected) => {
    const h = makeHarness({}, { pacing: concurrentReads === undefined ? {} : { concurrentReads } });
    const read = h.app.vault.cachedRead;
    let reading = 0;
    let most = 0;
    h.app.vault.cachedRead = async (f) => {
      most = Math.max(most, ++reading);
      try {
        await ticks(3);
        return await read(f);
      } finally {
        reading--;
      }
    };
    await started(MANY, h);
    expect(totalReads(h, Object.keys(MANY))).toBe(30);
    expect(most).toBe(expected);
  });

  it('applies no edit whose read a rebuild overtook, though a later edit brought the file to the same count of events', async () => {
    const h = await started({ [A]: 'see 202108191025', [B]: '' });
    const slowRead = holdFirstRead(h, A, 60);
    await h.app.vault.modify(file(h, A), 'first edit 202109260705');
    while (!slowRead.started()) await ticks(1);
    // The rebuild forgets every file's count of events; the second edit makes A's count what it was.
    await h.indexer.rebuild();
    await h.app.vault.modify(file(h, A), 'second edit 202104291524');
    await ticks(80);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.referencesOf(A).map((r) => r.context)).toStrictEqual(['second edit 202104291524']);
  });

  it('applies no edit whose read a rebuild overtook: a note of a folder excluded meanwhile stays out', async () => {
    const archived = 'Archive/202101010000 Old.md';
    const h = await started({ [A]: 'see 202108191025', [B]: '', [archived]: 'see 202104291524' });
    // The edit's read of the archived note hands its text over only after the rebuild has started.
    const slowRead = holdFirstRead(h, archived, 30);
    await h.app.vault.modify(file(h, archived), 'now 202108191025');
    while (!slowRead.started()) await ticks(1);
    h.settings.excludedFolders = ['Archive'];
    await h.indexer.rebuild();
    await ticks(40);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(archived)).toBeUndefined();
    expect(h.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A]);
  });
});

describe('VaultIndexer restart from the cache', () => {
  interface Restart {
    second: Harness;
    /** How many notes cited A each time listeners heard 'all' (asked without contexts, which would read the notes). */
    heard: number[];
    /** Yields before listeners first heard that all 30 notes cite A. */
    yieldsBeforeRestored: number;
    /** The progress views were shown, sampled at each change. */
    progress: number[];
  }

  async function restarted(sliceMs: number): Promise<Restart> {
    const cache = memoryCache();
    const first = await started(MANY, makeHarness({}, { cache }));
    // The pass hands its snapshot over in paced slices after it is done.
    while (cache.saved.length === 0) await ticks(1);
    let yields = 0;
    const second = makeHarness({}, { cache, pacing: { sliceMs, yieldToEventLoop: () => (yields++, ticks(1)) } });
    second.indexer.load();
    await seed(second, MANY);
    for (const path of Object.keys(MANY)) file(second, path).stat = { ...file(first, path).stat };
    const restart: Restart = { second, heard: [], yieldsBeforeRestored: -1, progress: [] };
    second.indexer.services.onIndexChange((change) => {
      const progress = second.indexer.services.indexingProgress?.();
      if (progress) restart.progress.push(progress.done);
      if (change !== 'all') return;
      restart.heard.push(second.indexer.index.referencingPaths('202104291524').length);
      if (restart.heard[restart.heard.length - 1] === 30 && restart.yieldsBeforeRestored < 0) restart.yieldsBeforeRestored = yields;
    });
    yields = 0;
    second.layoutReady();
    await second.indexer.whenIdle();
    return restart;
  }

  it('reads no unchanged note, yields while restoring, and tells listeners once the facts are in', async () => {
    const { second, heard, yieldsBeforeRestored, progress } = await restarted(1);
    expect(Object.keys(MANY).map((p) => second.readsOf(p))).toStrictEqual(Object.keys(MANY).map(() => 0));
    expect(heard[heard.length - 1]).toBe(30);
    // The harness's clock ends every slice at once, so restoring 30 notes yields about once per note.
    expect(yieldsBeforeRestored).toBeGreaterThanOrEqual(25);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((done, i) => done >= 0 && done <= 30 && (i === 0 || done >= progress[i - 1]))).toBe(true);
  });

  it('tells listeners once the facts are in when restoring took one slice', async () => {
    const { heard } = await restarted(1e9);
    expect(heard[heard.length - 1]).toBe(30);
  });

  it('reads again a note whose file changed while the app was closed, at the same size too', async () => {
    const cache = memoryCache();
    const first = await started(MANY, makeHarness({}, { cache }));
    while (cache.saved.length === 0) await ticks(1);
    const [edited, untouched] = Object.keys(MANY);
    const second = makeHarness({}, { cache });
    second.indexer.load();
    // The same number of characters, another ID: only the modification time tells.
    await seed(second, { ...MANY, [edited]: MANY[edited].replace('202104291524', '202108191025') });
    for (const path of Object.keys(MANY)) file(second, path).stat = { ...file(first, path).stat };
    file(second, edited).stat = { ...file(first, edited).stat, mtime: file(first, edited).stat.mtime + 60_000 };
    second.layoutReady();
    await second.indexer.whenIdle();
    expect(second.indexer.index.referencesOf(edited).map((r) => r.id)).toStrictEqual(['202108191025']);
    expect([second.readsOf(edited), second.readsOf(untouched)]).toStrictEqual([1, 0]);
  });

  it('a rebuild takes unchanged notes from the cache; one that reads every note (the command) reads each again', async () => {
    const { second } = await restarted(1e9);
    const reads = (): number[] => Object.keys(MANY).map((p) => second.readsOf(p));
    await second.indexer.rebuild();
    await second.indexer.whenIdle();
    expect(reads()).toStrictEqual(Object.keys(MANY).map(() => 0));
    await second.indexer.rebuild({ readEveryNote: true });
    await second.indexer.whenIdle();
    expect(reads()).toStrictEqual(Object.keys(MANY).map(() => 1));
  });
});

describe('VaultIndexer cache saves', () => {
  it('saves no partial index while its first pass runs, even when notes are edited meanwhile', async () => {
    const cache = memoryCache();
    const h = makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 0 } });
    h.slowReads(2);
    h.indexer.load();
    await seed(h, MANY);
    h.layoutReady();
    await ticks(3);
    await h.app.vault.modify(file(h, Object.keys(MANY)[0]), 'edited 202104291524');
    await h.indexer.whenIdle();
    while (cache.saved.length === 0) await ticks(1);
    await ticks(20);
    // A save after the pass (the edit read late) holds every note too; one during it would not.
    expect(cache.saved.map((s) => s.notes.length).every((count) => count === 30)).toBe(true);
  });

  it('saves again after its first pass when a note was edited while the pass\'s own save gathered its snapshot', async () => {
    const cache = memoryCache();
    const h = makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 0 } });
    h.indexer.load();
    await seed(h, MANY);
    const first = Object.keys(MANY)[0];
    // Edited once the save has gathered a few notes (its snapshot may have walked past this one).
    const gather = h.indexer.index.storedFacts.bind(h.indexer.index);
    let gathered = 0;
    jest.spyOn(h.indexer.index, 'storedFacts').mockImplementation((path) => {
      if (++gathered === 5) void h.app.vault.modify(file(h, first), 'edited, now citing 202108191025');
      return gather(path);
    });
    h.layoutReady();
    await h.indexer.whenIdle();
    for (let i = 0; i < 500 && cache.saved.length < 2; i++) await ticks(1);
    expect(cache.saved.length).toBeGreaterThanOrEqual(2);
    const saved = cache.saved[1].notes.find((note) => note.path === first)!;
    expect([saved.mtime, saved.size]).toStrictEqual([file(h, first).stat.mtime, file(h, first).stat.size]);
  });

  it('saves once after a burst of edits, and not at all on an unload with nothing pending', async () => {
    const cache = memoryCache();
    const paths = Object.keys(MANY).slice(0, 3);
    // A quiet time far longer than the burst takes, even on a loaded machine.
    const h = await started(MANY, makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 500 } }));
    while (cache.saved.length === 0) await ticks(1);
    for (const path of paths) await h.app.vault.modify(file(h, path), 'edited 202108191025');
    await h.indexer.whenIdle();
    while (cache.saved.length < 2) await ticks(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cache.saved).toHaveLength(2);
    h.indexer.unload();
    expect(cache.saved).toHaveLength(2);
  });

  it('yields while it gathers a snapshot after edits', async () => {
    const cache = memoryCache();
    let yields = 0;
    const h = await started(MANY, makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 0, yieldToEventLoop: () => (yields++, ticks(1)) } }));
    while (cache.saved.length === 0) await ticks(1);
    await h.app.vault.modify(file(h, Object.keys(MANY)[0]), 'edited 202104291524');
    await h.indexer.whenIdle();
    yields = 0;
    while (cache.saved.length < 2) await ticks(1);
    // The harness's clock ends every slice at once: about one yield per note gathered.
    expect(yields).toBeGreaterThanOrEqual(30);
  });

  it('drops a snapshot a rebuild overtook while it was being gathered', async () => {
    const cache = memoryCache();
    let rebuildAt = -1;
    let h: Harness | null = null;
    const pacing = {
      cacheSaveDelayMs: 0,
      yieldToEventLoop: () => {
        if (rebuildAt > 0 && --rebuildAt === 0) void h?.indexer.rebuild();
        return ticks(1);
      },
    };
    h = await started(MANY, makeHarness({}, { cache, pacing }));
    while (cache.saved.length === 0) await ticks(1);
    h.settings.excludedFolders = ['nowhere'];
    rebuildAt = 5;
    await h.app.vault.modify(file(h, Object.keys(MANY)[0]), 'edited 202104291524');
    await h.indexer.whenIdle();
    for (let i = 0; i < 200 && cache.saved.length < 2; i++) await ticks(1);
    await ticks(50);
    // Only the rebuild's own snapshot follows the first, made with the settings it was built with.
    expect(cache.saved.map((s) => s.settingsKey.includes('nowhere'))).toStrictEqual([false, true]);
  });
});
