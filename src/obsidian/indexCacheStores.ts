/**
 * Where the index cache's text is kept. On a device whose Obsidian names the vault (`app.appId`),
 * in the app's IndexedDB, outside the vault: sync tools that copy the whole vault folder (iCloud,
 * Dropbox, Syncthing, git) would otherwise upload the whole file (megabytes in a large vault) after
 * every burst of edits, and two devices writing it would leave conflicted copies. Elsewhere, and as
 * a fallback, in the plugin's folder (`index-cache.json`), where versions before this one kept it.
 * Any snapshot either place holds is safe to load: the cache checks each note's size and mtime.
 */

/** One place the cache's text lives. */
export interface CacheTextStore {
  /** The stored text, or null when there is none. May reject. */
  read(): Promise<string | null>;
  /** Replaces the stored text. May reject. */
  write(text: string): Promise<void>;
}

/** The part of Obsidian's `DataAdapter` the cache uses. */
export interface CacheFileAdapter {
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<string>;
  write(path: string, data: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const INDEX_CACHE_FILE = 'index-cache.json';

/** The cache as a file in the plugin's folder. */
export class FileCacheStore implements CacheTextStore {
  readonly path: string;

  constructor(
    private readonly adapter: CacheFileAdapter,
    pluginDir: string,
  ) {
    this.path = `${pluginDir}/${INDEX_CACHE_FILE}`;
  }

  async read(): Promise<string | null> {
    // A read of a missing file would reject alike; asking first spares the error.
    return (await this.adapter.exists(this.path)) ? this.adapter.read(this.path) : null;
  }

  write(text: string): Promise<void> {
    return this.adapter.write(this.path, text);
  }

  /** Removes the file if it is there. */
  async remove(): Promise<void> {
    if (await this.adapter.exists(this.path)) await this.adapter.remove(this.path);
  }
}

const OBJECT_STORE = 'cache';
const SNAPSHOT_KEY = 'index';
const DATABASE_VERSION = 1;

/**
 * The cache in an IndexedDB database of its own, one per vault. The file in the plugin's folder is
 * read when the database holds nothing (the first start after an update, or a device where the
 * database cannot be opened), written when the database cannot be, and removed once it can.
 */
export class IndexedDbCacheStore implements CacheTextStore {
  constructor(
    private readonly factory: IDBFactory,
    readonly databaseName: string,
    private readonly file: FileCacheStore,
  ) {}

  async read(): Promise<string | null> {
    let stored: unknown = null;
    try {
      stored = await this.withStore('readonly', (store) => store.get(SNAPSHOT_KEY));
    } catch {
      // The file, if any, is the next best snapshot.
    }
    return typeof stored === 'string' ? stored : this.file.read();
  }

  async write(text: string): Promise<void> {
    try {
      await this.withStore('readwrite', (store) => store.put(text, SNAPSHOT_KEY));
    } catch {
      await this.file.write(text);
      // The database's older snapshot would be read before the file: it goes, where the database lets it.
      await this.withStore('readwrite', (store) => store.delete(SNAPSHOT_KEY)).catch(() => undefined);
      return;
    }
    await this.file.remove().catch(() => undefined);
  }

  /** Runs one request in a transaction of its own; resolves with its result once the transaction commits. */
  private async withStore(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const database = await this.open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(OBJECT_STORE, mode);
        const pending = request(transaction.objectStore(OBJECT_STORE));
        transaction.oncomplete = () => resolve(pending.result);
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      });
    } finally {
      database.close();
    }
  }

  private open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const opening = this.factory.open(this.databaseName, DATABASE_VERSION);
      opening.onupgradeneeded = () => {
        if (!opening.result.objectStoreNames.contains(OBJECT_STORE)) opening.result.createObjectStore(OBJECT_STORE);
      };
      opening.onsuccess = () => {
        // Another window opening a newer version must not wait on this connection.
        opening.result.onversionchange = () => opening.result.close();
        resolve(opening.result);
      };
      opening.onerror = () => reject(opening.error ?? new Error('IndexedDB open failed'));
      opening.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
  }
}

/** What choosing the store needs to know of the host. */
export interface CacheHost {
  /** `app.appId`: not in obsidian.d.ts, so possibly absent. */
  readonly appId: unknown;
  /** `window.indexedDB`, when the platform has it. */
  readonly indexedDB: IDBFactory | undefined;
  readonly adapter: CacheFileAdapter;
  readonly pluginDir: string;
}

/** IndexedDB when the host names its vault and has IndexedDB; the plugin folder's file otherwise. */
export function chooseCacheStore(host: CacheHost): CacheTextStore {
  const file = new FileCacheStore(host.adapter, host.pluginDir);
  // Public plugins key their IndexedDB databases by `app.appId`, one id per vault (e.g. the
  // "awan" plugin's Database: `localforage.createInstance({ name: \`${app.appId}-awan\` })`).
  if (typeof host.appId !== 'string' || host.appId === '' || host.indexedDB === undefined) return file;
  return new IndexedDbCacheStore(host.indexedDB, `principle-chain-index/${host.appId}`, file);
}
