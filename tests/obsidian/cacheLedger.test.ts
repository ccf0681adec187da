import { CacheLedger, type IndexCache, type IndexSnapshot } from '../../src/obsidian/cacheLedger';
import type { NoteInput } from '../../src/core/index/scannedNote';
import { facts } from '../core/index/helpers';
import { memoryCache } from './indexerHarness';

/** The index as the ledger reads it: the stored facts of the paths it holds. */
function indexHolding(...paths: string[]): { storedFacts(path: string): NoteInput | undefined } {
  return { storedFacts: (path) => (paths.includes(path) ? facts(path, null) : undefined) };
}

const VERSION = { mtime: 1_700_000_000_000, size: 42 };
const always = (): boolean => true;

async function savedPaths(ledger: CacheLedger, cache: { saved: IndexSnapshot[] }, index: ReturnType<typeof indexHolding>): Promise<string[]> {
  await ledger.save('k', index, undefined, always);
  return (cache.saved[cache.saved.length - 1]?.notes ?? []).map((n) => n.path);
}

describe('CacheLedger', () => {
  it('saves each note with the file version its facts were read from', async () => {
    const cache = memoryCache();
    const ledger = new CacheLedger(cache);
    ledger.record({ kind: 'upsert', facts: facts('a.md', null) }, VERSION);
    await ledger.save('k', indexHolding('a.md'), undefined, always);
    expect(cache.saved).toStrictEqual([{ settingsKey: 'k', notes: [{ path: 'a.md', ...VERSION, facts: facts('a.md', null) }] }]);
  });

  it('leaves out a note the index no longer holds, a deleted note, and one read without a file version', async () => {
    const cache = memoryCache();
    const ledger = new CacheLedger(cache);
    for (const path of ['gone.md', 'deleted.md', 'names-only.md', 'kept.md']) ledger.record({ kind: 'upsert', facts: facts(path, null) }, VERSION);
    ledger.record({ kind: 'delete', path: 'deleted.md' });
    ledger.record({ kind: 'upsert', facts: facts('names-only.md', null) });
    expect(await savedPaths(ledger, cache, indexHolding('names-only.md', 'kept.md'))).toStrictEqual(['kept.md']);
  });

  it('forgets every file version on clear, so a rebuild saves only what it read itself', async () => {
    const cache = memoryCache();
    const ledger = new CacheLedger(cache);
    ledger.record({ kind: 'upsert', facts: facts('a.md', null) }, VERSION);
    ledger.clear();
    expect(await savedPaths(ledger, cache, indexHolding('a.md'))).toStrictEqual([]);
  });

  it('yields once per note to a paced save', async () => {
    const ledger = new CacheLedger(memoryCache());
    for (const path of ['a.md', 'b.md', 'c.md']) ledger.record({ kind: 'upsert', facts: facts(path, null) }, VERSION);
    let paces = 0;
    await ledger.save('k', indexHolding('a.md', 'b.md', 'c.md'), () => (paces++, Promise.resolve()), always);
    expect(paces).toBe(3);
  });

  it('saves each path once when a note is deleted and recorded again while a paced save walks them', async () => {
    const cache = memoryCache();
    const ledger = new CacheLedger(cache);
    for (const path of ['a.md', 'b.md', 'c.md']) ledger.record({ kind: 'upsert', facts: facts(path, null) }, VERSION);
    let step = 0;
    const pace = async (): Promise<void> => {
      // After the first note: it goes away and comes back (a rename away and back), newer; b.md goes.
      if (step++ === 0) {
        ledger.record({ kind: 'delete', path: 'a.md' });
        ledger.record({ kind: 'upsert', facts: facts('a.md', null) }, { mtime: VERSION.mtime + 1, size: 43 });
        ledger.record({ kind: 'delete', path: 'b.md' });
      }
    };
    await ledger.save('k', indexHolding('a.md', 'b.md', 'c.md'), pace, always);
    expect(cache.saved[0].notes.map((n) => [n.path, n.size])).toStrictEqual([['a.md', 42], ['c.md', 42]]);
  });

  it('drops the snapshot of a build that is no longer current', async () => {
    const cache = memoryCache();
    const ledger = new CacheLedger(cache);
    ledger.record({ kind: 'upsert', facts: facts('a.md', null) }, VERSION);
    await ledger.save('k', indexHolding('a.md'), undefined, () => false);
    expect(cache.saved).toStrictEqual([]);
  });

  it('loads nothing, never throwing, from a cache that fails or holds other settings', async () => {
    const failing: IndexCache = { load: () => Promise.reject(new Error('EIO')), save: () => Promise.resolve() };
    await expect(new CacheLedger(failing).load('k')).resolves.toBeNull();
    await expect(new CacheLedger(memoryCache({ settingsKey: 'other', notes: [] })).load('k')).resolves.toBeNull();
    await expect(new CacheLedger(memoryCache({ settingsKey: 'k', notes: [] })).load('k')).resolves.toStrictEqual(new Map());
  });
});
