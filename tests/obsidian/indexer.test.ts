/** @jest-environment jsdom */
import fc from 'fast-check';
import { TFolder } from '../mocks/obsidian';
import { VaultIndexer } from '../../src/obsidian/indexer';
import { DEFAULT_PACING } from '../../src/obsidian/pacing';
import type { IndexCache } from '../../src/obsidian/indexer';
import { PersistedIndexCache } from '../../src/obsidian/persistedIndexCache';
import { FileCacheStore } from '../../src/obsidian/indexCacheStores';
import type { IndexChange } from '../../src/core/types';
import { A, B, C, dump, expectEqualToRebuild, failReadsOf, file, makeHarness, memoryCache, rebuiltIndex, seed, settledDump, started, ticks, withEventsOf } from './indexerHarness';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import type { NoteInput } from '../../src/core/index/scannedNote';
import type { Harness } from './indexerHarness';

describe('VaultIndexer start-up', () => {
  it('reads nothing before layout-ready and ignores the start-up burst of create events', async () => {
    // A slice long enough for the whole (small) vault: names are then in before layoutReady returns.
    const h = makeHarness({}, { pacing: { sliceMs: 1e9 } });
    h.indexer.load();
    await seed(h, { [A]: 'See 202108191025 Teams exist for a reason.', [B]: 'Back to 202104291524.', [C]: '# 202109260705 Zet\n' });
    await ticks(5);
    expect(h.app.vault.reads).toBe(0);
    expect([...h.indexer.index.notes()]).toStrictEqual([]);

    h.layoutReady();
    // Not yet: the start waits until the plugin's onload has returned (see the mid-session tests).
    expect(h.indexer.index.resolve('202108191025').status).toBe('unresolved');
    await Promise.resolve();
    // Names are indexed in one go once started, before any content is read.
    expect(h.indexer.index.resolve('202108191025').paths).toStrictEqual([B]);
    expect(h.indexer.index.resolve('202109260705').paths).toStrictEqual([C]);
    expect(h.app.vault.reads).toBe(0);

    await h.indexer.whenIdle();
    expect([A, B, C].map((p) => h.readsOf(p))).toStrictEqual([1, 1, 1]);
    expect(h.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A]);
    await expectEqualToRebuild(h);
  });

  it('shows progress in the status bar and removes it when done', async () => {
    const bar = document.createElement('div');
    const h = makeHarness({}, { statusBar: () => bar.createDiv() });
    h.slowReads(2);
    h.indexer.load();
    await seed(h, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`2021010110${String(i).padStart(2, '0')}.md`, 'x'])));
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(bar.textContent ?? ''));
    observer.observe(bar, { subtree: true, childList: true, characterData: true });
    h.layoutReady();
    await Promise.resolve();
    expect(h.indexer.indexing).toBe(true);
    await h.indexer.whenIdle();
    observer.disconnect();
    expect(seen).toContain('Indexing IDs 0 / 30');
    expect([...seen].some((text) => /^Indexing IDs ([1-9]|[12]\d) \/ 30$/.test(text))).toBe(true);
    expect(bar.childElementCount).toBe(0);
    expect(h.indexer.indexing).toBe(false);
  });

  it('skips excluded folders and files that are not Markdown', async () => {
    const h = makeHarness({ excludedFolders: ['Templates'] });
    h.indexer.load();
    await seed(h, { 'Templates/202101010000 Template.md': '202104291524', [A]: 'a', 'image 202101010101.png': '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    expect([...h.indexer.index.notes()].map((n) => n.path)).toStrictEqual([A]);
    await h.app.vault.create('Templates/202101010202.md', '');
    await h.indexer.whenIdle();
    expect(h.indexer.index.isKnownId('202101010202')).toBe(false);
    await expectEqualToRebuild(h);
  });
});

describe('VaultIndexer updates', () => {

  it('tells listeners which IDs changed resolution', async () => {
    const h = await started({ [A]: 'Builds on 202108191025.' });
    const changes: IndexChange[] = [];
    h.indexer.services.onIndexChange((change) => changes.push(change));
    await h.app.vault.create(B, '');
    await h.indexer.whenIdle();
    expect(changes.some((c) => c !== 'all' && c.has('202108191025'))).toBe(true);
    changes.length = 0;
    await h.app.vault.delete(file(h, B));
    expect(changes.some((c) => c !== 'all' && c.has('202108191025'))).toBe(true);
    expect(h.indexer.index.resolve('202108191025').status).toBe('unresolved');
  });

  it('debounces a burst of modifications into one read', async () => {
    const h = await started({ [A]: '' });
    const before = h.readsOf(A);
    for (let i = 0; i < 10; i++) await h.app.vault.modify(file(h, A), `edit ${i} 202108191025`);
    await h.indexer.whenIdle();
    expect(h.readsOf(A) - before).toBe(1);
    expect(h.indexer.index.referencesOf(A).map((r) => r.context)).toStrictEqual(['edit 9 202108191025']);
  });

  it('by default re-reads an edited note once it has been left alone for 300 ms', async () => {
    // The harness shortens the quiet time for speed; this test gives the default back.
    const h = await started({ [A]: '' }, makeHarness({}, { pacing: { debounceMs: DEFAULT_PACING.debounceMs } }));
    const before = h.readsOf(A);
    jest.useFakeTimers();
    try {
      await h.app.vault.modify(file(h, A), 'edit 202108191025');
      await jest.advanceTimersByTimeAsync(299);
      expect(h.readsOf(A)).toBe(before);
      await jest.advanceTimersByTimeAsync(1);
      expect(h.readsOf(A)).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('follows renames of notes and folders, including renames out of and into excluded folders', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: 'x', [C]: '# Zet\n202104291524' });
    h.settings.excludedFolders = ['Archive'];
    await h.app.vault.rename(file(h, A), '202104291524 Execution first.md');
    await h.app.vault.rename(h.app.vault.getAbstractFileByPath('zet')!, 'notes');
    await h.app.vault.rename(file(h, B), `Archive/${B}`);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.resolve('202109260705').paths).toStrictEqual(['notes/202109260705/README.md']);
    expect(h.indexer.index.resolve('202108191025').status).toBe('unresolved');
    await h.app.vault.rename(file(h, `Archive/${B}`), B);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual(['202104291524 Execution first.md']);
  });

  it('handles each note of a renamed folder once, whichever of its events comes first', async () => {
    const inner = 'zet/202101010000 Inner.md';
    const h = await started({ [C]: '# Zet', [inner]: 'See 202104291524.', [A]: '' });
    const before = [C, inner].map((p) => h.readsOf(p));
    // The fake reports each file of the folder, then the folder (see tests/mocks/fake/app.ts).
    await h.app.vault.rename(h.app.vault.getAbstractFileByPath('zet')!, 'notes');
    await expectEqualToRebuild(h);
    const moved = ['notes/202109260705/README.md', 'notes/202101010000 Inner.md'];
    expect(moved.map((p) => h.readsOf(p))).toStrictEqual([1, 1]);
    expect(before).toStrictEqual([1, 1]);
    // The other order (the folder, then each file again) moves each note once too.
    const folder = h.app.vault.getAbstractFileByPath('notes')!;
    h.app.vault.trigger('rename', folder, 'zet');
    for (const child of h.app.vault.getFiles()) if (child.path.startsWith('notes/')) h.app.vault.trigger('rename', child, 'zet' + child.path.slice('notes'.length));
    await expectEqualToRebuild(h);
    expect(moved.map((p) => h.readsOf(p))).toStrictEqual([1, 1]);
  });

  it('follows a note renamed and renamed back before its first move was read', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    h.slowReads(3);
    await h.app.vault.rename(file(h, A), 'moved.md');
    await h.app.vault.rename(file(h, 'moved.md'), A);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(A)?.id).toBe('202104291524');
  });

  it('takes a repeated report of a move in flight for that move, though a new note took the old path', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    h.slowReads((path) => (path === 'moved.md' ? 30 : 0));
    await h.app.vault.rename(file(h, A), 'moved.md');
    await h.app.vault.create(A, 'A new note at the old path, see 202108191025.');
    h.app.vault.trigger('rename', file(h, 'moved.md'), A);
    await expectEqualToRebuild(h);
    expect([A, 'moved.md'].map((path) => h.indexer.index.note(path)?.id)).toStrictEqual(['202104291524', null]);
  });

  it('lets a move a rebuild dropped leave the bookkeeping of a later move from the same path alone', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    let movedDelay = 40;
    h.slowReads((path) => (path === 'moved.md' ? movedDelay : 0));
    await h.app.vault.rename(file(h, A), 'moved.md');
    movedDelay = 0;
    void h.indexer.rebuild();
    await h.app.vault.rename(file(h, 'moved.md'), A);
    await ticks(5);
    // A later move from A, read slowly: the dropped move's read ends while this one is in flight.
    movedDelay = 60;
    await h.app.vault.rename(file(h, A), 'moved.md');
    await ticks(45);
    await h.app.vault.rename(file(h, 'moved.md'), A);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(A)?.id).toBe('202104291524');
  });

  it('forgets a finished move, so a repeated report of an older one reads nothing again', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    await h.app.vault.rename(file(h, A), 'moved.md');
    await h.indexer.whenIdle();
    await h.app.vault.rename(file(h, 'moved.md'), A);
    await h.indexer.whenIdle();
    const reads = h.readsOf(A);
    // The move back, reported once more: the note is at A in the index already.
    h.app.vault.trigger('rename', file(h, A), 'moved.md');
    await expectEqualToRebuild(h);
    expect(h.readsOf(A)).toBe(reads);
  });

  describe('a note moved away, back and away again while its first move is read', () => {
    // Its first move's read is quick and its second's slow, so the first ends (its result dropped)
    // while the second is still in flight.
    async function movedThrice(): Promise<Harness> {
      const h = await started({ [A]: 'See 202108191025.', [B]: '' });
      let movedReads = 0;
      h.slowReads((path) => (path === 'moved.md' ? (++movedReads === 1 ? 5 : 60) : 0));
      await h.app.vault.rename(file(h, A), 'moved.md');
      await h.app.vault.rename(file(h, 'moved.md'), A);
      await h.app.vault.rename(file(h, A), 'moved.md');
      await ticks(20);
      expect(h.readsOf('moved.md')).toBe(2);
      return h;
    }

    it('takes a repeated report of the last move for the move in flight, not a new one', async () => {
      const h = await movedThrice();
      h.app.vault.trigger('rename', file(h, 'moved.md'), A);
      await expectEqualToRebuild(h);
      expect(h.readsOf('moved.md')).toBe(2);
    });

    it('still sees the note at its old path as leaving while that move is in flight', async () => {
      const h = await movedThrice();
      // Moved back once more: the note's old record is no sign this move happened already.
      await h.app.vault.rename(file(h, 'moved.md'), A);
      await expectEqualToRebuild(h);
      expect(h.indexer.index.note(A)?.id).toBe('202104291524');
    });
  });

  it('follows renames after a rebuild dropped a move that was still being read', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    h.slowReads(3);
    await h.app.vault.rename(file(h, A), 'moved.md');
    void h.indexer.rebuild();
    await ticks(1);
    await h.app.vault.rename(file(h, 'moved.md'), A);
    await h.app.vault.rename(file(h, A), 'moved.md');
    await expectEqualToRebuild(h);
  });

  it('drops a re-read that a rename overtook while it was reading', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    h.slowReads((path) => (path === A ? 30 : 0));
    await h.app.vault.modify(file(h, A), 'Now 202109260705.');
    // Past the debounce: the re-read of A has started and waits on its slow read.
    for (let i = 0; i < 200 && h.readsOf(A) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(h.readsOf(A)).toBe(2);
    await h.app.vault.rename(file(h, A), 'moved.md');
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(A)).toBeUndefined();
  });

  it('moves every note of a renamed folder, nested ones too, when the host reports only the folder', async () => {
    const inner = 'zet/sub/202101010000 Inner.md';
    const h = await started({ [C]: '# Zet', [inner]: 'See 202104291524.', [A]: 'See 202101010000.' });
    // Whether Obsidian reports each file of a renamed folder is the fake's reading (see
    // tests/mocks/fake/app.ts); the indexer must be right when only the folder's event comes.
    const onlyTheFolder = (name: string, data: unknown[]): boolean => name !== 'rename' || (data[0] as TFolder).path === 'notes';
    await withEventsOf(h, onlyTheFolder, () => h.app.vault.rename(h.app.vault.getAbstractFileByPath('zet')!, 'notes'));
    await expectEqualToRebuild(h);
    expect(h.indexer.index.resolve('202101010000').paths).toStrictEqual(['notes/sub/202101010000 Inner.md']);
    expect(h.indexer.index.note(C)).toBeUndefined();
  });

  it('leaves out an excluded note that is edited, and renamed files that are not notes of the index', async () => {
    const h = await started({ [A]: '' });
    h.settings.excludedFolders = ['Archive'];
    await h.app.vault.create('image 202101010101.png', '');
    await withEventsOf(h, (name) => name !== 'create', () => h.app.vault.create('Archive/202102020202 Old.md', 'See 202104291524.'));
    await h.app.vault.modify(file(h, 'Archive/202102020202 Old.md'), 'Still 202104291524.');
    expect(h.indexer.index.isKnownId('202102020202')).toBe(false);
    await h.app.vault.rename(file(h, 'Archive/202102020202 Old.md'), 'Archive/202103030303 Older.md');
    await h.app.vault.rename(file(h, 'image 202101010101.png'), 'image 202101010102.png');
    await h.indexer.whenIdle();
    expect([...h.indexer.index.notes()].map((n) => n.path)).toStrictEqual([A]);
    await expectEqualToRebuild(h);
  });

  it('keeps what a note said when its re-read after an edit fails', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    failReadsOf(h, A);
    await h.app.vault.modify(file(h, A), 'Now 202109260705.');
    await h.indexer.whenIdle();
    expect(h.indexer.index.referencesOf(A).map((r) => r.id)).toStrictEqual(['202108191025']);
  });

  it('moves a note it cannot read with what its new name says, and reads it again later', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    const moved = A.replace('202104291524', '202104291525');
    failReadsOf(h, moved, 1);
    await h.app.vault.rename(file(h, A), moved);
    // The move's own read fails; the re-read it schedules (run at once by whenIdle) gets the text.
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(moved)?.id).toBe('202104291525');
    expect(h.indexer.index.referencesOf(moved).map((r) => r.id)).toStrictEqual(['202108191025']);
  });

  it('follows a note moved, moved back and moved again, each once the last was applied', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    for (const [from, to] of [[A, 'moved.md'], ['moved.md', A], [A, 'moved.md']]) {
      await h.app.vault.rename(file(h, from), to);
      await h.indexer.whenIdle();
    }
    await expectEqualToRebuild(h);
    expect(h.indexer.index.referencesOf('moved.md').map((r) => r.id)).toStrictEqual(['202108191025']);
  });

  it('keeps a new note made at the old path while a moved note is read, and one edited there too', async () => {
    for (const editMoved of [false, true]) {
      const h = await started({ [A]: 'See 202108191025.', [B]: '' });
      h.slowReads((path) => (path === 'moved.md' ? 30 : 0));
      await h.app.vault.rename(file(h, A), 'moved.md');
      await h.app.vault.create(A, 'A new note: 202109260705.');
      if (editMoved) await h.app.vault.modify(file(h, 'moved.md'), 'Edited: 202108191025.');
      await expectEqualToRebuild(h);
      expect(h.indexer.index.referencesOf(A).map((r) => r.id)).toStrictEqual(['202109260705']);
    }
  });

  it('ignores a rename reported after the file was already deleted', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    const moving = file(h, A);
    await withEventsOf(h, () => false, async () => {
      await h.app.vault.rename(moving, 'moved.md');
      await h.app.vault.delete(moving);
    });
    h.app.vault.trigger('rename', moving, A);
    h.app.vault.trigger('delete', moving);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.note(A)).toBeUndefined();
  });

  it('makes a note resolvable as soon as it is reported, before its text is read', async () => {
    const h = await started({ [A]: '' });
    h.settings.excludedFolders = ['Archive'];
    await h.app.vault.create('Archive/202102020202 Old.md', 'x');
    h.slowReads(20);
    // A note whose first event is an edit (no create reached the plugin), and one moved in from an excluded folder.
    await withEventsOf(h, (name) => name !== 'create', () => h.app.vault.create('202103030303 Quiet.md', 'See 202104291524.'));
    await h.app.vault.modify(file(h, '202103030303 Quiet.md'), 'See 202104291524 now.');
    await h.app.vault.rename(file(h, 'Archive/202102020202 Old.md'), '202102020202 Old.md');
    expect(h.indexer.index.resolve('202103030303').paths).toStrictEqual(['202103030303 Quiet.md']);
    expect(h.indexer.index.resolve('202102020202').paths).toStrictEqual(['202102020202 Old.md']);
    await expectEqualToRebuild(h);
  });

  it('keeps the references of an edited note until its re-read replaces them', async () => {
    const h = await started({ [A]: 'See 202108191025.', [B]: '' });
    h.slowReads(20);
    await h.app.vault.modify(file(h, A), 'Now 202109260705.');
    expect(h.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A]);
    await expectEqualToRebuild(h);
    expect(h.indexer.index.referencesTo('202108191025')).toStrictEqual([]);
  });

  it('forgets every note when the host reports the root folder of the vault deleted', async () => {
    const h = await started({ [C]: '# Zet', [A]: 'See 202108191025.', [B]: '' });
    h.app.vault.trigger('delete', h.app.vault.getRoot());
    await h.indexer.whenIdle();
    expect([...h.indexer.index.notes()]).toStrictEqual([]);
  });

  it('deletes every note of a deleted folder', async () => {
    const h = await started({ [C]: '# Zet', 'zet/202101010000.md': 'x', [A]: '' });
    await h.app.vault.delete(h.app.vault.getAbstractFileByPath('zet')!);
    await expectEqualToRebuild(h);
    expect([...h.indexer.index.notes()].map((n) => n.path)).toStrictEqual([A]);
  });

  it('keeps edits made during the initial pass', async () => {
    const h = makeHarness();
    h.indexer.load();
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`2021020${1 + (i % 9)}10${String(i).padStart(2, '0')} N.md`, `ref 202104291524 ${i}`]));
    await seed(h, { ...files, [A]: '' });
    h.slowReads((path) => path.length % 5);
    h.layoutReady();
    await ticks(2);
    const paths = Object.keys(files);
    await h.app.vault.modify(file(h, paths[0]), 'now 202108191025');
    await h.app.vault.delete(file(h, paths[1]));
    await h.app.vault.rename(file(h, paths[2]), '202103031111 Moved.md');
    await h.app.vault.create(B, 'new 202104291524');
    await h.app.vault.rename(file(h, A), paths[1]);
    await expectEqualToRebuild(h);
  });

  it('stops following the vault once unloaded', async () => {
    const h = await started({ [A]: '' });
    const changes: IndexChange[] = [];
    h.indexer.services.onIndexChange((change) => changes.push(change));
    h.indexer.unload();
    await h.app.vault.create(B, '');
    await ticks(5);
    expect(h.indexer.index.isKnownId('202108191025')).toBe(false);
    expect(changes).toStrictEqual([]);
  });
});

describe('VaultIndexer context lines', () => {
  it('keeps no note text: a context is read back from the text, fetched in the background and announced', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { [A]: 'Intro.\nSee 202108191025 Teams exist for a reason.', [B]: '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    const heard: string[][] = [];
    h.indexer.services.onTextsLoaded?.((paths) => heard.push([...paths]));
    const reads = h.readsOf(A);
    expect(h.indexer.index.referencesOf(A).map((r) => r.context)).toStrictEqual(['']);
    await h.indexer.whenIdle();
    expect(heard).toStrictEqual([[A]]);
    expect(h.readsOf(A)).toBe(reads + 1);
    expect(h.indexer.index.referencesOf(A).map((r) => r.context)).toStrictEqual(['See 202108191025 Teams exist for a reason.']);
  });

  it('announces an edited note once the index holds what it now says, so a redraw shows the new line', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { [A]: 'See 202108191025 first.', [B]: '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    const seen: string[] = [];
    h.indexer.services.onTextsLoaded?.((paths) => {
      if (paths.has(A)) seen.push(...h.indexer.index.referencesOf(A).map((r) => r.context));
    });
    await h.app.vault.modify(file(h, A), 'Now it says: see 202108191025 second.');
    await h.indexer.whenIdle();
    expect(seen).toStrictEqual(['Now it says: see 202108191025 second.']);
  });
});

describe('VaultIndexer rebuild and settings', () => {
  it('rebuilds with a new ID format and tells listeners everything changed', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { '20210429152401 Fourteen.md': 'see 20210819102530', [A]: '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    expect(h.indexer.index.isKnownId('20210429152401')).toBe(false);
    const changes: IndexChange[] = [];
    h.indexer.services.onIndexChange((change) => changes.push(change));
    h.settings.idFormat = '14';
    expect(h.indexer.services.format().key).toBe('14');
    await h.indexer.rebuild();
    expect(changes[0]).toBe('all');
    expect(h.indexer.index.isKnownId('20210429152401')).toBe(true);
    await expectEqualToRebuild(h);
  });

  it('falls back to 12 digits when the stored custom pattern is rejected', () => {
    const h = makeHarness({ idFormat: 'custom', customPattern: '(a+)+' });
    expect(h.indexer.services.format().key).toBe('12');
  });

  it('a rebuild during the initial pass wins over it', async () => {
    const h = makeHarness();
    h.indexer.load();
    await seed(h, { [A]: 'see 202108191025', [B]: '' });
    h.slowReads(3);
    h.layoutReady();
    await ticks(1);
    h.settings.excludedFolders = [];
    void h.indexer.rebuild();
    await expectEqualToRebuild(h);
  });
});

describe('VaultIndexer cache hook', () => {
  /** A first start of a two-note vault that saved its snapshot to a cache in memory. */
  async function firstStart(): Promise<{ cache: ReturnType<typeof memoryCache>; first: Harness }> {
    const cache = memoryCache();
    const first = makeHarness({}, { cache });
    first.indexer.load();
    await seed(first, { [A]: 'see 202108191025', [B]: 'back to 202104291524' });
    first.layoutReady();
    await first.indexer.whenIdle();
    return { cache, first };
  }

  it('saves after the content pass and skips reading unchanged files on the next start', async () => {
    const { cache, first } = await firstStart();
    expect(cache.saved).toHaveLength(1);
    expect(cache.saved[0].notes.map((n) => n.path).sort()).toStrictEqual([A, B].sort());

    // The same vault on the next start: B changed while Obsidian was closed.
    const second = makeHarness({}, { cache });
    second.indexer.load();
    await seed(second, { [A]: 'see 202108191025', [B]: 'changed' });
    file(second, A).stat = { ...file(first, A).stat };
    file(second, B).stat = { ...file(first, B).stat, size: 999 };
    second.layoutReady();
    await second.indexer.whenIdle();
    expect(second.readsOf(A)).toBe(0);
    expect(second.readsOf(B)).toBe(1);
    expect(second.indexer.index.referencesTo('202104291524')).toStrictEqual([]);
    expect(second.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A]);
  });

  it('leaves out the cached facts of a note an event touched while the cache was loading', async () => {
    const { cache, first } = await firstStart();

    let loaded = false;
    const slowCache: IndexCache = { save: cache.save, load: async () => (await ticks(20), (loaded = true), cache.load()) };
    const second = makeHarness({}, { cache: slowCache });
    second.indexer.load();
    await seed(second, { [A]: 'see 202108191025', [B]: 'back to 202104291524' });
    for (const path of [A, B]) file(second, path).stat = { ...file(first, path).stat };
    second.layoutReady();
    await ticks(2);
    expect(loaded).toBe(false);
    await second.app.vault.delete(file(second, B));
    await second.indexer.whenIdle();
    expect(second.indexer.index.note(B)).toBeUndefined();
    expect(second.indexer.index.referencesTo('202104291524')).toStrictEqual([]);
  });

  it('by default refreshes the snapshot a minute after the last edit was indexed', async () => {
    const cache = memoryCache();
    // Yields through no timer, so the fake clock moves only as the test moves it.
    const pacing = { cacheSaveDelayMs: DEFAULT_PACING.cacheSaveDelayMs, yieldToEventLoop: () => Promise.resolve() };
    const h = await started({ [A]: '' }, makeHarness({}, { cache, pacing }));
    expect(cache.saved).toHaveLength(1);
    jest.useFakeTimers();
    try {
      await h.app.vault.modify(file(h, A), 'now 202108191025');
      // The harness's quiet time before the re-read is 2 ms.
      await jest.advanceTimersByTimeAsync(2);
      expect(h.indexer.index.referencesOf(A)).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(59_999);
      expect(cache.saved).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(cache.saved).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refreshes the snapshot after edits once the vault is quiet, and on unload when edits are pending', async () => {
    const cache = memoryCache();
    const h = makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 40 } });
    h.indexer.load();
    await seed(h, { [A]: '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    expect(cache.saved).toHaveLength(1);
    await h.app.vault.modify(file(h, A), 'now 202108191025');
    await h.indexer.whenIdle();
    expect(cache.saved).toHaveLength(1);
    for (let i = 0; i < 500 && cache.saved.length < 2; i++) await ticks(1);
    expect(cache.saved).toHaveLength(2);
    expect(cache.saved[1].notes.map((n) => referencedIds(n.facts))).toStrictEqual([['202108191025']]);

    await h.app.vault.create(B, '');
    await h.indexer.whenIdle();
    // Well inside the quiet time: only the unload can have saved.
    h.indexer.unload();
    expect(cache.saved).toHaveLength(3);
    expect(cache.saved[2].notes.map((n) => n.path).sort()).toStrictEqual([A, B].sort());
  });

  it('saves a moved note under its new path, and leaves out one whose move could not read it', async () => {
    const cache = memoryCache();
    const h = makeHarness({}, { cache, pacing: { cacheSaveDelayMs: 1e9 } });
    h.indexer.load();
    await seed(h, { [A]: 'see 202108191025', [B]: 'back to 202104291524' });
    h.layoutReady();
    await h.indexer.whenIdle();
    await h.app.vault.rename(file(h, A), 'moved.md');
    failReadsOf(h, 'locked.md');
    await h.app.vault.rename(file(h, B), 'locked.md');
    await h.indexer.whenIdle();
    h.indexer.unload();
    const last = cache.saved[cache.saved.length - 1];
    // Names-only facts saved with the file's version would be restored on the next start and never read again.
    expect(last.notes.map((n) => n.path)).toStrictEqual(['moved.md']);
    expect(last.notes.map((n) => [n.mtime, n.size])).toStrictEqual([[file(h, 'moved.md').stat.mtime, file(h, 'moved.md').stat.size]]);
    expect(referencedIds(last.notes[0].facts)).toStrictEqual(['202108191025']);
  });

  it('a restart from the snapshot equals a rebuild, including references to IDs that are not dates', async () => {
    const files: Record<string, string> = {
      [A]: 'See 202108191025 Teams exist for a reason, [[202109260705|the zet]] and 202199999999 (not a date).',
      [B]: '---\nid: 202112121212\n---\n# Teams\n`202104291524` in code; [x](202104291524%20Execution.md); 202113131313',
      [C]: '# 202109260705 Zet\nrefs 202104291524 and 202199999998, 202199999999 again',
      'Archive/202101010101 Old.md': 'Old 202104291524',
      '202102020202 Ünïcode.md': 'Wie „202104291524“ sagt 🙂 — 中文 202108191025 Teams exist for a reason.\r\nNext line 202199999999',
    };
    // The real cache file, written and read back through the vault adapter.
    const stored = (h: Harness) =>
      new PersistedIndexCache({ store: new FileCacheStore(h.app.vault.adapter, '.obsidian/plugins/principle-chain'), pluginVersion: '1.0.0', debounceMs: 0, yieldToEventLoop: () => Promise.resolve() });
    const first = makeHarness();
    const firstCache = stored(first);
    const firstIndexer = new VaultIndexer({ app: first.obsidianApp, settings: () => first.settings, cache: firstCache });
    first.indexer = firstIndexer;
    first.indexer.load();
    await seed(first, files);
    first.layoutReady();
    await first.indexer.whenIdle();
    await firstCache.flush();

    const second = makeHarness();
    second.app.vault.adapter = first.app.vault.adapter;
    second.indexer = new VaultIndexer({ app: second.obsidianApp, settings: () => second.settings, cache: stored(second) });
    second.indexer.load();
    await seed(second, files);
    for (const path of Object.keys(files)) file(second, path).stat = { ...file(first, path).stat };
    second.layoutReady();
    await second.indexer.whenIdle();
    expect(Object.keys(files).map((p) => second.readsOf(p))).toStrictEqual([0, 0, 0, 0, 0]);
    await expectEqualToRebuild(second);

    await second.app.vault.create('202199999999 Bumped.md', '');
    await expectEqualToRebuild(second);
    expect(second.indexer.index.referencesTo('202199999999').map((r) => r.sourcePath)).toStrictEqual(['202102020202 Ünïcode.md', A, C].sort());
  });

  it('ignores a snapshot built with other settings, and a cache that fails', async () => {
    const cache = memoryCache({ settingsKey: 'other', notes: [] });
    const h = makeHarness({}, { cache });
    h.indexer.load();
    await seed(h, { [A]: '' });
    h.layoutReady();
    await h.indexer.whenIdle();
    expect(h.readsOf(A)).toBe(1);

    const broken: IndexCache = { load: () => Promise.reject(new Error('corrupt')), save: () => Promise.reject(new Error('disk full')) };
    const g = makeHarness({}, { cache: broken });
    g.indexer.load();
    await seed(g, { [A]: 'see 202108191025' });
    g.layoutReady();
    await expectEqualToRebuild(g);
  });
});

describe('VaultIndexer against random event sequences', () => {
  type Op =
    | { kind: 'create'; name: number; text: number }
    | { kind: 'modify'; target: number; text: number }
    | { kind: 'rename'; target: number; name: number }
    | { kind: 'delete'; target: number }
    | { kind: 'moveFolder'; replay: boolean }
    | { kind: 'deleteFolder' }
    | { kind: 'rebuild' }
    | { kind: 'wait'; ticks: number };

  const NAMES = [
    '202104291524 Execution.md',
    '202108191025 Teams.md',
    '202104291524 Duplicate.md',
    'zet/202109260705/README.md',
    'zet/202110101010 Inner.md',
    'Archive/202111111111 Old.md',
    'plain note.md',
    '202199999999 Not a date.md',
  ];
  const TEXTS = [
    '',
    'See 202108191025 Teams and 202104291524.',
    '# 202109260705 Heading\nrefs 202110101010 and `202104291524`',
    '---\nid: 202112121212\n---\nbody 202111111111',
    'Bumped 202199999999 and 202113131313',
  ];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), name: fc.nat(NAMES.length - 1), text: fc.nat(TEXTS.length - 1) }),
    fc.record({ kind: fc.constant('modify' as const), target: fc.nat(20), text: fc.nat(TEXTS.length - 1) }),
    fc.record({ kind: fc.constant('rename' as const), target: fc.nat(20), name: fc.nat(NAMES.length - 1) }),
    fc.record({ kind: fc.constant('delete' as const), target: fc.nat(20) }),
    fc.record({ kind: fc.constant('moveFolder' as const), replay: fc.boolean() }),
    fc.constant({ kind: 'deleteFolder' as const }),
    fc.constant({ kind: 'rebuild' as const }),
    fc.record({ kind: fc.constant('wait' as const), ticks: fc.nat(4) }),
  );

  async function run(h: Harness, o: Op): Promise<void> {
    const files = h.app.vault.getMarkdownFiles();
    const pick = (i: number) => files[i % files.length];
    try {
      if (o.kind === 'create') await h.app.vault.create(NAMES[o.name], TEXTS[o.text]);
      else if (o.kind === 'modify' && files.length) await h.app.vault.modify(pick(o.target), TEXTS[o.text]);
      else if (o.kind === 'rename' && files.length) await h.app.vault.rename(pick(o.target), NAMES[o.name]);
      else if (o.kind === 'delete' && files.length) await h.app.vault.delete(pick(o.target));
      else if (o.kind === 'moveFolder') {
        const zet = h.app.vault.getAbstractFileByPath('zet') ?? h.app.vault.getAbstractFileByPath('zettel');
        if (!(zet instanceof TFolder)) return;
        const oldPath = zet.path;
        // The fake reports each moved file, then the folder, as Obsidian does.
        await h.app.vault.rename(zet, oldPath === 'zet' ? 'zettel' : 'zet');
        // Reported once more, the folder first: the indexer must not mind duplicates in either order.
        if (o.replay) {
          h.app.vault.trigger('rename', zet, oldPath);
          for (const moved of h.app.vault.getFiles().filter((f) => f.path.startsWith(zet.path + '/'))) {
            h.app.vault.trigger('rename', moved, oldPath + moved.path.slice(zet.path.length));
          }
        }
      } else if (o.kind === 'rebuild') {
        // A settings change mid-stream: the exclusion flips and the index is rebuilt.
        h.settings.excludedFolders = h.settings.excludedFolders.length ? [] : ['Archive'];
        void h.indexer.rebuild();
      } else if (o.kind === 'deleteFolder') {
        const zet = h.app.vault.getAbstractFileByPath('zet');
        if (zet) await h.app.vault.delete(zet);
      } else if (o.kind === 'wait') await ticks(o.ticks);
    } catch {
      // Name clashes are refused by the vault, as Obsidian refuses them.
    }
  }

  it('follows a folder moved back and forth while the first move is still being read', async () => {
    // Found by a seed sweep of the property below: the third move was taken for the first, still
    // in flight, though the second had already made that one's result stale.
    const h = makeHarness({ excludedFolders: ['Archive'] });
    h.indexer.load();
    h.slowReads((path) => path.length % 4);
    h.layoutReady();
    await run(h, { kind: 'create', name: 3, text: 0 });
    for (let i = 0; i < 3; i++) await run(h, { kind: 'moveFolder', replay: false });
    await h.indexer.whenIdle();
    expect(h.app.vault.getMarkdownFiles().map((f) => f.path)).toStrictEqual(['zettel/202109260705/README.md']);
    expect(h.indexer.index.checkInvariants()).toStrictEqual([]);
    expect(await settledDump(h)).toStrictEqual(dump(await rebuiltIndex(h.app, h.settings)));
    h.indexer.unload();
  });

  it('ends equal to a rebuild, with startup bursts and edits during the initial pass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 25 }), fc.nat(3), async (before, during, slow) => {
        const h = makeHarness({ excludedFolders: ['Archive'] });
        h.indexer.load();
        for (const o of before) await run(h, o);
        h.slowReads((path) => (path.length + slow) % 4);
        h.layoutReady();
        for (const o of during) await run(h, o);
        await h.indexer.whenIdle();
        expect(h.indexer.index.checkInvariants()).toStrictEqual([]);
        expect(await settledDump(h)).toStrictEqual(dump(await rebuiltIndex(h.app, h.settings)));
        h.indexer.unload();
      }),
      { seed: 4242, numRuns: 150 },
    );
  });
});

/** The IDs a note's cached facts reference, whichever form the facts are in. */
function referencedIds(facts: NoteInput): string[] {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  index.put(facts);
  return index.referencesOf(facts.path).map((r) => r.id);
}
