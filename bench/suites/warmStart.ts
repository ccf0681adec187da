/**
 * A restart from the persisted cache at full size: decode the cache file, check each note's size
 * and mtime, put every note's facts into a fresh index (IDs resolve), then compute and draw the
 * chain view of the most-cited note, its context lines read from the notes' files as the entries
 * are drawn (the plugin reads them with Obsidian's cachedRead).
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeSnapshot, encodeSnapshot, type CachedNote } from '../../src/core/cache/snapshot';
import { shapeChain } from '../../src/core/chain/shape';
import { IdIndex } from '../../src/core/index/idIndex';
import type { NoteInput } from '../../src/core/index/scannedNote';
import { chainViewModel, computeChain } from '../../src/ui/chain/buildModel';
import { createUiState } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { ensureDom } from '../dom';
import { absoluteRow, ms, timeAlone, timeOnce } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { factOptions, megabytes } from '../inputs';
import type { BenchInput } from '../inputs';
import { fullBuildFromDisk, textsFromDisk } from './build';
import { chainStarts } from './chain';

export const WARM_START_ROW = 'Warm start from the index cache: IDs resolved and the chain view drawn';

export function warmStartRow(input: BenchInput, options: BenchOptions): Row {
  const format = input.format;
  const { index } = fullBuildFromDisk(input);
  // What Obsidian keeps in memory as TFile.stat, so checking it costs no I/O.
  const stats = new Map(input.paths.map((notePath) => {
    const stat = fs.statSync(path.join(input.root, notePath));
    return [notePath, { mtime: Math.floor(stat.mtimeMs), size: stat.size }] as const;
  }));
  const notes: CachedNote[] = input.paths.map((notePath) => {
    const stat = stats.get(notePath) as { mtime: number; size: number };
    return { path: notePath, mtime: stat.mtime, size: stat.size, facts: index.storedFacts(notePath) as NoteInput };
  });
  const stamp = { pluginVersion: 'bench' };
  let text = '';
  const encode = timeOnce(() => {
    text = encodeSnapshot({ settingsKey: 'bench', notes }, stamp);
  });
  const { hub } = chainStarts(index, input.paths);
  const settings = { showIncoming: true, showContext: true };
  ensureDom();
  const container = document.body.createDiv();
  let entries = 0;
  let restored = 0;
  let decode = 0;
  const restart = (): void => {
    let decoded: ReturnType<typeof decodeSnapshot> = null;
    decode = timeOnce(() => {
      decoded = decodeSnapshot(text, stamp);
    });
    if (decoded === null) throw new Error('the bench cache did not decode');
    // A fresh session: no note text has been read yet.
    const fresh = new IdIndex({ format, texts: textsFromDisk(input) });
    fresh.putNames(input.paths, factOptions(format));
    restored = 0;
    for (const note of (decoded as { notes: readonly CachedNote[] }).notes) {
      const stat = stats.get(note.path);
      if (stat === undefined || stat.mtime !== note.mtime || stat.size !== note.size) continue;
      fresh.put(note.facts);
      restored++;
    }
    const computation = computeChain(fresh, { path: hub, extension: 'md' }, 3, settings);
    if (computation.kind !== 'chain') throw new Error('the most-cited note has no chain');
    const model = chainViewModel(shapeChain(computation.result, {}), { depth: 3, ...settings, filter: '', noteTitle: (notePath) => fresh.note(notePath)?.title ?? '' });
    entries = renderChainInto(container, model, createUiState()).entryCount;
  };
  const timed = timeAlone(restart, options);
  container.remove();
  return absoluteRow(
    WARM_START_ROW,
    input.label,
    timed.median,
    1000,
    '—',
    `${restored.toLocaleString('en-US')} notes restored, ${entries.toLocaleString('en-US')} entries drawn with their context lines; cache file ${megabytes(text.length)}, decode alone ${ms(decode)}; encode ${ms(encode)} (written in slices after indexing)`,
  );
}
