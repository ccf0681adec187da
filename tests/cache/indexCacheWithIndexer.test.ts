/** @jest-environment jsdom */
import * as fs from 'fs';
import * as path from 'path';
import { TFile } from 'obsidian';
import { MemoryAdapter } from '../mocks/fake/app';
import { CACHE_FORMAT_VERSION } from '../../src/core/cache/snapshot';
import { PersistedIndexCache } from '../../src/obsidian/persistedIndexCache';
import { FileCacheStore, INDEX_CACHE_FILE } from '../../src/obsidian/indexCacheStores';
import type { PrincipleChainSettings } from '../../src/core/settings';
import { dump, makeHarness, rebuiltIndex, settledDump, ticks } from '../obsidian/indexerHarness';
import type { Harness } from '../obsidian/indexerHarness';

const PLUGIN_DIR = '.obsidian/plugins/principle-chain';
const A = '202104291524 Execution is the priority of the team.md';
const B = '202108191025 Teams exist for a reason.md';
const C = 'zet/202109260705/README.md';
const FILES: Record<string, string> = {
  [A]: '202104291524 Execution is the priority of the team\nAfter all, 202108191025 Teams exist for a reason. See [[202109260705]].\n',
  [B]: 'Back to 202104291524 and on to 202112011200, which nobody wrote.\n```\n202104291524 in code\n```\n',
  [C]: '# 202109260705 Zet\nA folder note citing 202108191025.\n',
};

function cacheOn(adapter: MemoryAdapter, pluginVersion = '0.1.0'): PersistedIndexCache {
  return new PersistedIndexCache({ store: new FileCacheStore(adapter, PLUGIN_DIR), pluginVersion, debounceMs: 5, yieldToEventLoop: () => ticks(1) });
}

/** A vault with FILES whose stats are fixed, so two harnesses see the same size and mtime. */
async function vaultWithCache(cache: PersistedIndexCache, settings: Partial<PrincipleChainSettings> = {}): Promise<Harness> {
  const h = makeHarness(settings, { cache });
  h.indexer.load();
  for (const [path, text] of Object.entries(FILES)) {
    const file = await h.app.vault.create(path, text);
    file.stat = { ...file.stat, mtime: 1_700_000_000_000 };
  }
  return h;
}

async function started(h: Harness): Promise<Harness> {
  h.layoutReady();
  await h.indexer.whenIdle();
  return h;
}

function readCount(h: Harness): number {
  return Object.keys(FILES).reduce((sum, path) => sum + h.readsOf(path), 0);
}

async function expectEqualToRebuild(h: Harness): Promise<void> {
  expect(await settledDump(h)).toStrictEqual(dump(await rebuiltIndex(h.app, h.settings)));
}

/** Builds the index once and leaves its cache file in `adapter`. */
async function primed(adapter: MemoryAdapter): Promise<void> {
  const cache = cacheOn(adapter);
  const first = await started(await vaultWithCache(cache));
  expect(readCount(first)).toBe(3);
  await cache.flush();
  first.indexer.unload();
  expect(adapter.files.has(`${PLUGIN_DIR}/${INDEX_CACHE_FILE}`)).toBe(true);
}

describe('PersistedIndexCache with the VaultIndexer', () => {
  it('lets a restart reuse every unchanged note without reading it, with the same index', async () => {
    const adapter = new MemoryAdapter();
    await primed(adapter);
    const second = await started(await vaultWithCache(cacheOn(adapter)));
    expect(readCount(second)).toBe(0);
    expect(second.indexer.index.referencesTo('202108191025').map((r) => r.sourcePath)).toStrictEqual([A, C]);
    await expectEqualToRebuild(second);
  });

  it('re-reads only the note whose mtime changed', async () => {
    const adapter = new MemoryAdapter();
    await primed(adapter);
    const h = await vaultWithCache(cacheOn(adapter));
    const b = h.app.vault.getAbstractFileByPath(B);
    if (!(b instanceof TFile)) throw new Error(`no file ${B}`);
    // Same size, new mtime: the cached facts may be stale, so B must be read again.
    b.stat = { ...b.stat, mtime: b.stat.mtime + 1 };
    await started(h);
    expect([A, B, C].map((p) => h.readsOf(p))).toStrictEqual([0, 1, 0]);
    await expectEqualToRebuild(h);
  });

  it('re-reads a note whose size changed and drops notes that are gone', async () => {
    const adapter = new MemoryAdapter();
    await primed(adapter);
    const h = makeHarness({}, { cache: cacheOn(adapter) });
    h.indexer.load();
    for (const [path, text] of Object.entries(FILES)) {
      if (path === C) continue;
      const file = await h.app.vault.create(path, path === A ? text + 'More about 202108191025.\n' : text);
      file.stat = { ...file.stat, mtime: 1_700_000_000_000 };
    }
    await started(h);
    expect([A, B].map((p) => h.readsOf(p))).toStrictEqual([1, 0]);
    expect(h.indexer.index.note(C)).toBeUndefined();
    await expectEqualToRebuild(h);
  });

  const spoiled: [string, (adapter: MemoryAdapter) => PersistedIndexCache, Partial<PrincipleChainSettings>][] = [
    ['a corrupt cache file', (adapter) => {
      const path = `${PLUGIN_DIR}/${INDEX_CACHE_FILE}`;
      adapter.files.set(path, (adapter.files.get(path) ?? '').slice(0, 200) + '{not json');
      return cacheOn(adapter);
    }, {}],
    ['a cache from another plugin version', (adapter) => cacheOn(adapter, '0.2.0'), {}],
    ['a cache built with another ID format', (adapter) => cacheOn(adapter), { idFormat: '14' }],
    ['a cache built with other own-ID sources', (adapter) => cacheOn(adapter), { ownIdSources: ['filename'] }],
    ['a cache built with another frontmatter key', (adapter) => cacheOn(adapter), { frontmatterKey: 'uid' }],
  ];

  it.each(spoiled)('reads every note again, never crashing, after %s', async (_, makeCache, settings) => {
    const adapter = new MemoryAdapter();
    await primed(adapter);
    const h = await started(await vaultWithCache(makeCache(adapter), settings));
    expect(readCount(h)).toBe(3);
    await expectEqualToRebuild(h);
  });

  it('discards a cache in the format before this one, reads every note, and writes the current format in its place', async () => {
    // What the plugin wrote for FILES before references were stored as numbers (format version 1).
    const old = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cache', 'index-cache-v1.json'), 'utf8');
    const current = new MemoryAdapter();
    await primed(current);
    const cachePath = `${PLUGIN_DIR}/${INDEX_CACHE_FILE}`;
    const header = (text: string | undefined) => JSON.parse((text ?? '').slice(0, (text ?? '').indexOf('\n'))) as Record<string, unknown>;
    const stamp = (text: string | undefined) => {
      const { magic, version, pluginVersion, settingsKey } = header(text);
      return { magic, version, pluginVersion, settingsKey };
    };
    // Same plugin version and settings: only the format tells the file apart.
    expect(stamp(old)).toStrictEqual({ ...stamp(current.files.get(cachePath)), version: 1 });
    expect(CACHE_FORMAT_VERSION).toBeGreaterThan(1);

    const adapter = new MemoryAdapter();
    adapter.files.set(cachePath, old);
    const cache = cacheOn(adapter);
    const h = await started(await vaultWithCache(cache));
    expect(readCount(h)).toBe(3);
    await expectEqualToRebuild(h);
    await cache.flush();
    h.indexer.unload();
    expect(header(adapter.files.get(cachePath)).version).toBe(CACHE_FORMAT_VERSION);
    const next = await started(await vaultWithCache(cacheOn(adapter)));
    expect(readCount(next)).toBe(0);
    await expectEqualToRebuild(next);
  });

  it('starts cleanly when the adapter fails to read or write', async () => {
    const adapter = new MemoryAdapter();
    adapter.read = () => Promise.reject(new Error('EIO'));
    adapter.write = () => Promise.reject(new Error('EROFS'));
    adapter.exists = () => Promise.resolve(true);
    const cache = cacheOn(adapter);
    const h = await started(await vaultWithCache(cache));
    await expect(cache.flush()).resolves.toBeUndefined();
    expect(readCount(h)).toBe(3);
    await expectEqualToRebuild(h);
  });

  it('writes once for a burst of saves, with the last snapshot', async () => {
    const adapter = new MemoryAdapter();
    const writes: string[] = [];
    const write = adapter.write.bind(adapter);
    adapter.write = (path: string, data: string) => {
      writes.push(data);
      return write(path, data);
    };
    const cache = cacheOn(adapter);
    await cache.save({ settingsKey: 'first', notes: [] });
    await cache.save({ settingsKey: 'second', notes: [] });
    // Until written, load hands back the pending snapshot rather than an older file.
    expect((await cache.load())?.settingsKey).toBe('second');
    await ticks(20);
    await cache.flush();
    expect(writes).toHaveLength(1);
    expect((await cacheOn(adapter).load())?.settingsKey).toBe('second');
  });
});
