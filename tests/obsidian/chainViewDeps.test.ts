/**
 * The chain view's deps as the plugin builds them over its services (chainViewDeps): each one reads
 * the live index, settings and vault, and forwards what the view subscribes to.
 * @jest-environment jsdom
 */
import * as chainCore from '../../src/core/chain/chain';
import type { ChainResult } from '../../src/core/chain/chain';
import { chainViewDeps } from '../../src/obsidian/chainCommands';
import type { IdServices } from '../../src/obsidian/services';
import { fakeServices } from './fakeServices';

const A = '202101010000 A.md';
const B = 'deep/202101010001 B.md';
const C = '202101010002 C.md';

function chainOf(deps: ReturnType<typeof chainViewDeps>, path: string): ChainResult {
  const computation = deps.chain({ path, extension: 'md' }, 2);
  if (computation.kind !== 'chain') throw new Error(`no chain for ${path}: ${computation.reason}`);
  return computation.result;
}

afterEach(() => jest.restoreAllMocks());

describe('chainViewDeps', () => {
  it("counts a note's citations over the index as it is now, once per index revision", () => {
    const services = fakeServices({});
    // The first count made at revision 1.
    services.put(A, 'Builds on 202101010001.');
    const deps = chainViewDeps(services);
    expect(deps.citedBy('202101010001')).toBe(1);
    services.put(C, 'Also 202101010001.');
    const counters = jest.spyOn(chainCore, 'createCitationCounter');
    expect([deps.citedBy('202101010001'), deps.citedBy('202101010001'), deps.citedBy('202101010002')]).toStrictEqual([2, 2, 0]);
    expect(counters).toHaveBeenCalledTimes(1);
  });

  it('hides a note by a tag from its metadata only when tags are excluded, and a note without a file or metadata has none', () => {
    const services = fakeServices({ [A]: '', [B]: '', [C]: '' });
    const file = services.fakeApp.vault.getFileByPath(A)!;
    services.fakeApp.metadataCache.setFileCache(file, { frontmatter: { tags: ['daily/2024'] } });
    services.fakeApp.metadataCache.setFileCache(services.fakeApp.vault.getFileByPath(C)!, { tags: [{ tag: '#Project', position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 8, offset: 8 } } }] });
    const deps = chainViewDeps(services);
    const caches = jest.spyOn(services.fakeApp.metadataCache, 'getFileCache');
    expect([deps.isExcluded(A), deps.hasExclusions()]).toStrictEqual([false, false]);
    // With nothing excluded no tag is looked up.
    expect(caches).not.toHaveBeenCalled();

    services.live.chainExcludedTags = ['daily'];
    expect([deps.isExcluded(A), deps.isExcluded(B), deps.isExcluded(C), deps.isExcluded('gone/202101019999 Gone.md')]).toStrictEqual([true, false, false, false]);
    expect(deps.hasExclusions()).toBe(true);
    services.live.chainExcludedTags = ['project'];
    expect([deps.isExcluded(A), deps.isExcluded(C)]).toStrictEqual([false, true]);

    services.live.chainExcludedTags = [];
    services.live.chainExcludedFolders = ['deep'];
    expect([deps.isExcluded(A), deps.isExcluded(B), deps.hasExclusions()]).toStrictEqual([false, true, true]);
  });

  it('tells of metadata read again (tags may have changed) only while some tag is hidden, until unsubscribed', () => {
    const services = fakeServices({ [A]: '', [C]: '' });
    const deps = chainViewDeps(services);
    const heard: string[] = [];
    const unsubscribe = deps.onTagsChanged!((path) => heard.push(path));
    const { metadataCache, vault } = services.fakeApp;
    metadataCache.setFileCache(vault.getFileByPath(A)!, { tags: [] });
    services.live.chainExcludedTags = ['daily'];
    metadataCache.setFileCache(vault.getFileByPath(C)!, { tags: [] });
    unsubscribe();
    metadataCache.setFileCache(vault.getFileByPath(A)!, { tags: [] });
    expect(heard).toStrictEqual([C]);
  });

  it('reads titles, modification times and the revision live, with nothing for an unknown note', () => {
    const services = fakeServices({ [A]: 'Text.' });
    const deps = chainViewDeps(services);
    expect([deps.noteTitle(A), deps.noteTitle('unknown.md')]).toStrictEqual(['A', '']);
    expect(deps.modified(A)).toBe(services.fakeApp.vault.getFileByPath(A)!.stat.mtime);
    expect(deps.modified('unknown.md')).toBeUndefined();
    const before = deps.revision();
    services.put(C, '');
    expect(deps.revision()).toBe(before + 1);
    expect(deps.revision()).toBe(services.index.revision);
  });

  it('forwards index changes, arriving texts, opening and indexing progress to the services', async () => {
    const services = fakeServices({ [A]: '' });
    const deps = chainViewDeps(services);
    const changes: number[] = [];
    const unsubscribe = deps.onIndexChange(() => changes.push(1));
    services.put(C, '');
    unsubscribe();
    services.put(C, 'Again.');
    expect(changes).toStrictEqual([1]);

    const arrived: string[][] = [];
    const stopTexts = deps.onTextsLoaded!((paths) => arrived.push([...paths]));
    services.textsLoaded([A]);
    stopTexts();
    services.textsLoaded([C]);
    expect(arrived).toStrictEqual([[A]]);

    await deps.openId('202101010000', C, 'tab');
    expect(services.opened).toStrictEqual([{ id: '202101010000', sourcePath: C, paneType: 'tab' }]);

    expect(deps.indexingProgress()).toBeNull();
    const progress = { done: 3, total: 10 };
    expect(chainViewDeps({ ...services, indexingProgress: () => progress }).indexingProgress()).toBe(progress);
  });

  it('has no texts subscription where the services have none, and one that unsubscribes where the services give nothing back', () => {
    const services = fakeServices({ [A]: '' });
    const { onTextsLoaded: _left, ...withoutTexts } = services;
    expect('onTextsLoaded' in chainViewDeps(withoutTexts as IdServices)).toBe(false);
    const silent = { ...withoutTexts, onTextsLoaded: () => undefined as unknown as () => void } as IdServices;
    const unsubscribe = chainViewDeps(silent).onTextsLoaded!(() => undefined);
    expect(unsubscribe()).toBeUndefined();
  });

  it("writes each note of a Mermaid chain as Obsidian's link text, and a note without a file as its path less the final .md", () => {
    const services = fakeServices({ [A]: 'Builds on 202101010001.', [B]: 'Builds on 202101010002.', 'x.md notes/202101010002 C.md': '' });
    // The index still knows C after its file went: its link text cannot be asked for.
    void services.fakeApp.vault.delete(services.fakeApp.vault.getFileByPath('x.md notes/202101010002 C.md')!);
    const deps = chainViewDeps(services);
    const text = deps.chainText(chainOf(deps, A), 'mermaid', A);
    // B's name is unique in the vault: Obsidian links it by name alone, not by its folder.
    expect(text.split('\n').filter((line) => line.includes('["'))).toStrictEqual([
      '  n0["202101010000 A"]',
      '  n1["202101010001 B"]',
      '  n2["x.md notes/202101010002 C"]',
    ]);
  });
});
