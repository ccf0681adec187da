/** @jest-environment node */
// fake-indexeddb implements the W3C IndexedDB API in memory (its test suite is the Web Platform Tests').
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { MemoryAdapter } from '../mocks/fake/app';
import { chooseCacheStore, FileCacheStore, INDEX_CACHE_FILE, IndexedDbCacheStore } from '../../src/obsidian/indexCacheStores';

const PLUGIN_DIR = '.obsidian/plugins/principle-chain';
const FILE = `${PLUGIN_DIR}/${INDEX_CACHE_FILE}`;

const storeOn = (factory: IDBFactory, adapter: MemoryAdapter, appId = 'vault-a'): IndexedDbCacheStore => {
  const store = chooseCacheStore({ appId, indexedDB: factory, adapter, pluginDir: PLUGIN_DIR });
  if (!(store instanceof IndexedDbCacheStore)) throw new Error('expected the IndexedDB store');
  return store;
};

/** An IDBFactory whose every open fails, as where IndexedDB is disabled or out of space. */
function failingFactory(): IDBFactory {
  const factory = new IDBFactory();
  factory.open = () => {
    throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
  };
  return factory;
}

describe('chooseCacheStore', () => {
  it.each([
    ['no appId', undefined, true],
    ['an empty appId', '', true],
    ['an appId that is no string', 42, true],
    ['no IndexedDB', 'vault-a', false],
  ])('keeps the cache in the plugin folder with %s', (_name, appId, hasIndexedDb) => {
    const store = chooseCacheStore({ appId, indexedDB: hasIndexedDb ? new IDBFactory() : undefined, adapter: new MemoryAdapter(), pluginDir: PLUGIN_DIR });
    expect(store).toBeInstanceOf(FileCacheStore);
    expect((store as FileCacheStore).path).toBe(FILE);
  });

  it('keeps it in a database named by the vault when the host has both', () => {
    expect(storeOn(new IDBFactory(), new MemoryAdapter(), 'abc123').databaseName).toBe('principle-chain-index/abc123');
  });
});

describe('IndexedDbCacheStore', () => {
  it('reads back what it wrote, and writes nothing into the vault', async () => {
    const factory = new IDBFactory();
    const adapter = new MemoryAdapter();
    await storeOn(factory, adapter).write('snapshot 1');
    await storeOn(factory, adapter).write('snapshot 2');
    await expect(storeOn(factory, adapter).read()).resolves.toBe('snapshot 2');
    expect([...adapter.files.keys()]).toStrictEqual([]);
  });

  it('reads nothing when nothing was written', async () => {
    await expect(storeOn(new IDBFactory(), new MemoryAdapter()).read()).resolves.toBeNull();
  });

  it('keeps each vault apart', async () => {
    const factory = new IDBFactory();
    await storeOn(factory, new MemoryAdapter(), 'vault-a').write('a');
    await expect(storeOn(factory, new MemoryAdapter(), 'vault-b').read()).resolves.toBeNull();
    await expect(storeOn(factory, new MemoryAdapter(), 'vault-a').read()).resolves.toBe('a');
  });

  it('reads the file an earlier version left while the database is empty, and removes it once written', async () => {
    const factory = new IDBFactory();
    const adapter = new MemoryAdapter();
    adapter.files.set(FILE, 'from the file');
    await expect(storeOn(factory, adapter).read()).resolves.toBe('from the file');
    await storeOn(factory, adapter).write('from the database');
    expect(adapter.files.has(FILE)).toBe(false);
    await expect(storeOn(factory, adapter).read()).resolves.toBe('from the database');
  });

  it('prefers the database to a file left beside it', async () => {
    const factory = new IDBFactory();
    const adapter = new MemoryAdapter();
    await storeOn(factory, adapter).write('from the database');
    adapter.files.set(FILE, 'from the file');
    await expect(storeOn(factory, adapter).read()).resolves.toBe('from the database');
  });

  it('falls back to the file when the database cannot be opened', async () => {
    const adapter = new MemoryAdapter();
    const store = storeOn(failingFactory(), adapter);
    await expect(store.read()).resolves.toBeNull();
    await store.write('kept in the file');
    expect(adapter.files.get(FILE)).toBe('kept in the file');
    await expect(store.read()).resolves.toBe('kept in the file');
  });

  it('reads the file a failed write fell back to, not the older snapshot the database held', async () => {
    const factory = new IDBFactory();
    const adapter = new MemoryAdapter();
    await storeOn(factory, adapter).write('snapshot of Monday');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota was exceeded', 'QuotaExceededError');
    };
    try {
      await storeOn(factory, adapter).write('snapshot of Friday');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(adapter.files.get(FILE)).toBe('snapshot of Friday');
    await expect(storeOn(factory, adapter).read()).resolves.toBe('snapshot of Friday');
  });

  it('still counts a write done when the old file cannot be removed', async () => {
    const factory = new IDBFactory();
    const adapter = new MemoryAdapter();
    adapter.files.set(FILE, 'old');
    adapter.remove = () => Promise.reject(new Error('EACCES'));
    await expect(storeOn(factory, adapter).write('new')).resolves.toBeUndefined();
    await expect(storeOn(factory, adapter).read()).resolves.toBe('new');
  });
});
