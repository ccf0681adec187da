/** A fake vault for indexer tests: controllable layout-ready, slow reads, and a rebuild oracle. */
import { App, TFile } from '../mocks/obsidian';
import type * as obsidian from 'obsidian';
import { idFormatFor } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { DEFAULT_SETTINGS, isExcluded } from '../../src/core/settings';
import type { PrincipleChainSettings } from '../../src/core/settings';
import type { IdIndexReader } from '../../src/core/types';
import { VaultIndexer } from '../../src/obsidian/indexer';
import type { IndexCache, IndexSnapshot, VaultIndexerDeps } from '../../src/obsidian/indexer';

export interface Harness {
  app: App;
  obsidianApp: obsidian.App;
  indexer: VaultIndexer;
  settings: PrincipleChainSettings;
  /** Fires the layout-ready callbacks the indexer registered. */
  layoutReady(): void;
  /** How many reads each path got. */
  readsOf(path: string): number;
  /** Makes every read wait `ticks` macrotasks (or a per-path number). */
  slowReads(ticks: number | ((path: string) => number)): void;
}

/** Waits n trips through the macrotask queue, so pending reads and timers can run. */
export async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function makeHarness(
  settingsPatch: Partial<PrincipleChainSettings> = {},
  deps: Partial<Omit<VaultIndexerDeps, 'app' | 'settings'>> = {},
): Harness {
  const app = new App();
  const settings: PrincipleChainSettings = { ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], ...settingsPatch };
  const ready: (() => unknown)[] = [];
  app.workspace.onLayoutReady = (callback: () => unknown) => {
    ready.push(callback);
  };
  const reads = new Map<string, number>();
  let delay: (path: string) => number = () => 0;
  const read = app.vault.cachedRead.bind(app.vault);
  app.vault.cachedRead = async (file: TFile) => {
    const path = file.path;
    reads.set(path, (reads.get(path) ?? 0) + 1);
    await ticks(delay(path));
    return read(file);
  };
  const obsidianApp = app as unknown as obsidian.App;
  // A clock that moves on every look makes every slice end at once: maximal interleaving, no flakes.
  let clock = 0;
  const indexer = new VaultIndexer({
    app: obsidianApp,
    settings: () => settings,
    ...deps,
    pacing: { debounceMs: 2, sliceMs: 1, reportEveryMs: 0, yieldToEventLoop: () => ticks(1), now: () => clock++, ...deps.pacing },
  });
  return {
    app,
    obsidianApp,
    indexer,
    settings,
    layoutReady: () => {
      for (const callback of ready.splice(0)) callback();
    },
    readsOf: (path) => reads.get(path) ?? 0,
    slowReads: (n) => {
      delay = typeof n === 'number' ? () => n : n;
    },
  };
}

/** The index a rebuild from the vault's current files would produce. */
export async function rebuiltIndex(app: App, settings: PrincipleChainSettings): Promise<IdIndex> {
  const format = idFormatFor(settings.idFormat, settings.customPattern);
  const index = new IdIndex({ format });
  const options = { format, ownIdSources: settings.ownIdSources, frontmatterKey: settings.frontmatterKey };
  for (const file of app.vault.getMarkdownFiles()) {
    if (isExcluded(file.path, settings.excludedFolders)) continue;
    index.apply({ kind: 'upsert', facts: extractNoteFacts(file.path, await app.vault.read(file), options) });
  }
  return index;
}

/**
 * The indexer's index as dump shows it once the texts its context lines are read back from have
 * arrived: a first dump asks for them, the indexer's whenIdle waits for the reads.
 */
export async function settledDump(h: Pick<Harness, 'indexer'>): Promise<unknown> {
  dump(h.indexer.index);
  await h.indexer.whenIdle();
  return dump(h.indexer.index);
}

/** Everything observable through the reader, in a canonical order, for comparing two indexes. */
export function dump(index: IdIndexReader): unknown {
  const notes = [...index.notes()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const ids = new Set<string>();
  for (const note of notes) {
    if (note.id !== null) ids.add(note.id);
    for (const reference of index.referencesOf(note.path)) ids.add(reference.id);
  }
  return {
    notes: notes.map((note) => ({ ...note, references: index.referencesOf(note.path) })),
    resolutions: [...ids].sort().map((id) => index.resolve(id)),
    incoming: [...ids].sort().map((id) => [id, index.referencesTo(id).map((r) => `${r.sourcePath}@${r.reference.from}`)]),
    duplicates: [...index.duplicates()],
  };
}

export const A = '202104291524 Execution is the priority of the team.md';
export const B = '202108191025 Teams exist for a reason.md';
export const C = 'zet/202109260705/README.md';

export async function seed(h: Harness, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await h.app.vault.create(path, text);
}

export async function expectEqualToRebuild(h: Harness): Promise<void> {
  await h.indexer.whenIdle();
  expect(h.indexer.index.checkInvariants()).toStrictEqual([]);
  expect(await settledDump(h)).toStrictEqual(dump(await rebuiltIndex(h.app, h.settings)));
}

export function file(h: Harness, path: string): TFile {
  const found = h.app.vault.getAbstractFileByPath(path);
  if (!(found instanceof TFile)) throw new Error(`no file ${path}`);
  return found;
}

/** Runs `act` with only the vault events `pass` lets through (the host reporting less than the fake does). */
export async function withEventsOf(h: Harness, pass: (name: string, data: unknown[]) => boolean, act: () => Promise<unknown>): Promise<void> {
  const trigger = h.app.vault.trigger.bind(h.app.vault);
  h.app.vault.trigger = (name: string, ...data: unknown[]) => {
    if (pass(name, data)) trigger(name, ...data);
  };
  try {
    await act();
  } finally {
    h.app.vault.trigger = trigger;
  }
}

/** Makes the next `times` reads of `path` fail (a file locked for a moment, or for good). */
export function failReadsOf(h: Harness, path: string, times = Infinity): void {
  const read = h.app.vault.cachedRead;
  let left = times;
  h.app.vault.cachedRead = async (f: TFile) => {
    if (f.path === path && left-- > 0) throw new Error(`EBUSY: resource busy or locked, open '${path}'`);
    return read(f);
  };
}

/** An index cache in memory that keeps every snapshot it was handed. */
export function memoryCache(initial: IndexSnapshot | null = null): IndexCache & { saved: IndexSnapshot[] } {
  let stored = initial;
  const saved: IndexSnapshot[] = [];
  return {
    saved,
    load: async () => stored,
    save: async (snapshot) => {
      saved.push(snapshot);
      stored = snapshot;
    },
  };
}

/** The harness (a fresh one unless given) with the files in its vault, started and idle. */
export async function started(files: Record<string, string>, h: Harness = makeHarness()): Promise<Harness> {
  h.indexer.load();
  await seed(h, files);
  h.layoutReady();
  await h.indexer.whenIdle();
  return h;
}
