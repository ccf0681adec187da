/** @jest-environment jsdom */
/**
 * The plugin's first build reads each note over its names-only record: that must go the index's
 * short way (BulkPut), and listeners must hear exactly the changes the long way (upsertNote) reports.
 */
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { BulkPut } from '../../src/core/index/bulkPut';
import { ChangedIdSet } from '../../src/core/index/changedIds';
import { IdIndex } from '../../src/core/index/idIndex';
import type { IndexChange } from '../../src/core/types';
import { REPORT_ALL_PAST } from '../../src/obsidian/indexer/contentPass';
import { dump, makeHarness, rebuiltIndex, settledDump } from './indexerHarness';

const VAULT: Record<string, string> = {
  '202104291524 Execution is the priority of the team.md': 'See 202108191025 Teams exist for a reason, and 202109260705.',
  '202108191025 Teams exist for a reason.md': 'Back to [[202104291524 Execution is the priority of the team]] and 202104291524 again.',
  'zet/202109260705/README.md': '# 202109260705 Zet\nNothing else.',
  'Loose.md': 'Mentions 202199999999, which no note owns, and 202108191025.',
  'Empty.md': '',
};

/** A first build of VAULT; what listeners heard, and how many notes each way took. */
async function firstBuild(shortWayShut: boolean): Promise<{ heard: string[][]; shortWays: number; longWays: number; trims: number; dump: unknown; rebuilt: unknown; invariants: string[] }> {
  const tryPut = jest.spyOn(BulkPut.prototype, 'tryPut');
  const trim = jest.spyOn(IdIndex.prototype, 'trim');
  if (shortWayShut) tryPut.mockReturnValue(false);
  try {
    const h = makeHarness();
    h.indexer.load();
    for (const [path, text] of Object.entries(VAULT)) await h.app.vault.create(path, text);
    const changes: IndexChange[] = [];
    h.indexer.services.onIndexChange((change) => changes.push(change));
    h.layoutReady();
    await h.indexer.whenIdle();
    const results = tryPut.mock.results.map((result) => result.value as boolean);
    return {
      heard: changes.map((change) => (change === 'all' ? ['all'] : [...change])),
      shortWays: results.filter((value) => value).length,
      longWays: results.filter((value) => !value).length,
      trims: trim.mock.calls.length,
      dump: await settledDump(h),
      rebuilt: dump(await rebuiltIndex(h.app, h.settings)),
      invariants: h.indexer.index.checkInvariants(),
    };
  } finally {
    tryPut.mockRestore();
    trim.mockRestore();
  }
}

test('every note read in the first build goes the short way', async () => {
  const build = await firstBuild(false);
  // All but the folder note, whose heading gives it a title its name did not: that takes the long way.
  expect(build.shortWays).toBe(Object.keys(VAULT).length - 1);
  expect(build.longWays).toBe(1);
  // Storage grown ahead of need by the build is trimmed once at its end.
  expect(build.trims).toBe(1);
  expect(build.invariants).toStrictEqual([]);
  expect(build.dump).toStrictEqual(build.rebuilt);
});

test('listeners hear the same changes as when every note goes the long way', async () => {
  const short = await firstBuild(false);
  const long = await firstBuild(true);
  expect(long.shortWays).toBe(0);
  expect(short.heard).toStrictEqual(long.heard);
  expect(short.dump).toStrictEqual(long.dump);
  // The referenced IDs are among what was heard, an unowned one too.
  expect(short.heard.flat()).toStrictEqual(expect.arrayContaining(['202108191025', '202109260705', '202104291524', '202199999999']));
});

test('past REPORT_ALL_PAST changed IDs in one report, listeners hear all instead of the IDs', async () => {
  // The vault is small, so the limit is made small: the pass asks for its set with the limit.
  const changeSet = jest.spyOn(IdIndex.prototype, 'changeSet').mockImplementation((limit?: number) => new ChangedIdSet(TWELVE_DIGIT, limit === REPORT_ALL_PAST ? 2 : limit));
  try {
    const build = await firstBuild(false);
    expect(changeSet).toHaveBeenCalledWith(REPORT_ALL_PAST);
    // Names first ('all'), then the read notes' changes: more than two IDs, so 'all' again.
    expect(build.heard).toStrictEqual([['all'], ['all']]);
    expect(build.dump).toStrictEqual(build.rebuilt);
  } finally {
    changeSet.mockRestore();
  }
});
