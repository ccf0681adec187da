/** @jest-environment jsdom */
import { MemoryAdapter } from '../mocks/fake/app';
import { encodeSnapshot, type IndexSnapshot } from '../../src/core/cache/snapshot';
import { PersistedIndexCache } from '../../src/obsidian/persistedIndexCache';
import { FileCacheStore, INDEX_CACHE_FILE } from '../../src/obsidian/indexCacheStores';
import { facts } from '../core/index/helpers';

const PLUGIN_DIR = '.obsidian/plugins/principle-chain';
const STAMP = { pluginVersion: '0.1.0' };
const named = (settingsKey: string): IndexSnapshot => ({ settingsKey, notes: [{ path: 'a.md', mtime: 1, size: 1, facts: facts('a.md', null, ['202104291524']) }] });

/** The settings key of every cache file written, in order. */
function writesTo(adapter: MemoryAdapter): string[] {
  const writes: string[] = [];
  const write = adapter.write.bind(adapter);
  adapter.write = (path: string, data: string) => {
    writes.push((JSON.parse(data.slice(0, data.indexOf('\n'))) as IndexSnapshot).settingsKey);
    return write(path, data);
  };
  return writes;
}

const cacheOn = (adapter: MemoryAdapter, debounceMs = 50): PersistedIndexCache =>
  new PersistedIndexCache({ store: new FileCacheStore(adapter, PLUGIN_DIR), pluginVersion: STAMP.pluginVersion, debounceMs, yieldToEventLoop: () => Promise.resolve() });

describe('PersistedIndexCache on its own', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes once the saves have been quiet for debounceMs, with the last snapshot', async () => {
    const adapter = new MemoryAdapter();
    const writes = writesTo(adapter);
    const cache = cacheOn(adapter);
    void cache.save(named('first'));
    await jest.advanceTimersByTimeAsync(40);
    void cache.save(named('second'));
    await jest.advanceTimersByTimeAsync(40);
    expect(writes).toStrictEqual([]);
    await jest.advanceTimersByTimeAsync(10);
    expect(writes).toStrictEqual(['second']);
  });

  it('waits two seconds of quiet when not told how long', async () => {
    const adapter = new MemoryAdapter();
    const writes = writesTo(adapter);
    const cache = new PersistedIndexCache({ store: new FileCacheStore(adapter, PLUGIN_DIR), pluginVersion: STAMP.pluginVersion, yieldToEventLoop: () => Promise.resolve() });
    void cache.save(named('only'));
    await jest.advanceTimersByTimeAsync(1999);
    expect(writes).toStrictEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toStrictEqual(['only']);
  });

  it('lets a save after a flush wait for its own quiet time', async () => {
    const adapter = new MemoryAdapter();
    const writes = writesTo(adapter);
    const cache = cacheOn(adapter);
    void cache.save(named('first'));
    await jest.advanceTimersByTimeAsync(40);
    await cache.flush();
    void cache.save(named('second'));
    await jest.advanceTimersByTimeAsync(40);
    expect(writes).toStrictEqual(['first']);
    await jest.advanceTimersByTimeAsync(10);
    expect(writes).toStrictEqual(['first', 'second']);
  });

  it('hands the main thread back through a timer when given no way to yield', async () => {
    const adapter = new MemoryAdapter();
    adapter.files.set(`${PLUGIN_DIR}/${INDEX_CACHE_FILE}`, encodeSnapshot(named('stored'), STAMP));
    const cache = new PersistedIndexCache({ store: new FileCacheStore(adapter, PLUGIN_DIR), pluginVersion: STAMP.pluginVersion });
    let loaded: IndexSnapshot | null | undefined;
    void cache.load().then((snapshot) => (loaded = snapshot));
    // Promise callbacks alone never finish it: each slice waits for a timer, so the app gets its turn.
    for (let turn = 0; turn < 50; turn++) await Promise.resolve();
    expect(loaded).toBeUndefined();
    expect(jest.getTimerCount()).toBe(1);
    await jest.runAllTimersAsync();
    expect(loaded).toStrictEqual(named('stored'));
  });

  it('loads nothing, never throwing, when the adapter fails to read', async () => {
    const adapter = new MemoryAdapter();
    adapter.files.set(`${PLUGIN_DIR}/${INDEX_CACHE_FILE}`, encodeSnapshot(named('stored'), STAMP));
    // DataAdapter.read(normalizedPath): Promise<string> in obsidian.d.ts; a file that cannot be read rejects it.
    adapter.read = () => Promise.reject(new Error('EIO'));
    await expect(cacheOn(adapter).load()).resolves.toBeNull();
  });
});
