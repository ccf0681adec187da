/**
 * The content pass of a build: names first (a small vault is done before the pass returns its
 * promise), then facts restored from the cache for files that did not change, then the contents of
 * the rest, read a few at a time in paced slices.
 */
import type { TFile } from 'obsidian';
import { Pacer } from '../pacing';
import type { IndexerContext } from './context';
import { ReadGuard, readNote } from './guardedRead';
import type { IndexingProgress } from './progress';

/**
 * Past this many changed IDs in one report, listeners hear 'all': each redraws what it shows, as it
 * would for so many IDs anyway, and the pass stops gathering the IDs and making their strings (a
 * report of a large vault's first pass holds tens of thousands).
 */
export const REPORT_ALL_PAST = 10_000;

/**
 * Runs the pass over the files; the progress shows while it runs and goes when the pass is current
 * and done. `fromCache` false reads every note, whatever the cache holds for it.
 */
export async function runContentPass(context: IndexerContext, files: readonly TFile[], progress: IndexingProgress, fromCache = true): Promise<void> {
  const generation = context.generation();
  context.writer.passRunning = true;
  try {
    await fill(context, files, progress, fromCache);
  } finally {
    if (generation === context.generation()) {
      context.writer.passEnded();
      progress.hide();
    }
  }
}

/**
 * Each file's guard is taken at the start: a vault event on it since then brings its own, newer
 * update, and the pass leaves that file alone.
 */
async function fill(context: IndexerContext, files: readonly TFile[], progress: IndexingProgress, fromCache: boolean): Promise<void> {
  const { changes, writer } = context;
  const generation = context.generation();
  const stale = (): boolean => generation !== context.generation();
  const guards = files.map((file) => new ReadGuard(context, file.path, file));
  const total = guards.length;
  let done = 0;
  // Gathered without a string per ID; each distinct one becomes a string when it is reported.
  const changed = context.index.changeSet(REPORT_ALL_PAST);
  // Facts restored from the cache are put without a change set: listeners hear "all" instead.
  let restored = false;
  const pacer = new Pacer(context.pacing, () => {
    progress.show(done, total);
    if (restored) changes.emit('all');
    restored = false;
    changes.emitChange(changed.drain());
  });

  // Every guard holds here: nothing has awaited since they were taken.
  context.index.putNames(guards.map((guard) => guard.path), context.factOptions());
  changes.emit('all');
  progress.show(0, total);

  const cached = fromCache ? await writer.loadCached() : null;
  // Early exits: past a rebuild no guard holds, so the rest would change nothing but the time spent.
  if (stale()) return;
  const toRead: ReadGuard[] = [];
  for (const guard of guards) {
    const hit = cached?.get(guard.path);
    const stat = guard.file.stat;
    if (hit === undefined || hit.mtime !== stat.mtime || hit.size !== stat.size) toRead.push(guard);
    else {
      if (guard.holds()) writer.putCached(hit.facts, stat);
      restored = true;
      done++;
    }
    if (pacer.due()) {
      await pacer.pause();
      if (stale()) return;
    }
  }
  if (restored) changes.emit('all');
  restored = false;

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < toRead.length && !stale()) {
      const guard = toRead[next++];
      // Unreadable now: it keeps its names-only facts; a later event re-reads it.
      const { text, stat } = await readNote(context, guard.file);
      if (pacer.due()) await pacer.pause();
      if (stale()) return;
      done++;
      if (text !== null && guard.holds()) writer.applyGathering({ kind: 'upsert', facts: context.scanner().scan(guard.path, text) }, changed, stat);
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.max(1, context.pacing.concurrentReads); i++) workers.push(worker());
  await Promise.all(workers);
  if (stale()) return;
  // The build grew storage ahead of need (see BulkPut); later edits grow it again when they must.
  context.index.trim();
  changes.emitChange(changed.drain());
  await writer.save();
}
