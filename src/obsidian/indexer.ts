import { Component, TFile, TFolder } from 'obsidian';
import type { App, TAbstractFile } from 'obsidian';
import { activeIdFormat } from '../core/ids/formats';
import type { IdFormat } from '../core/ids/formats';
import { IdIndex } from '../core/index/idIndex';
import type { IndexUpdate } from '../core/index/idIndex';
import { namesOnlyFacts } from '../core/index/noteFacts';
import type { NoteFactsOptions } from '../core/index/noteFacts';
import { NoteScanner } from '../core/index/scannedNote';
import type { NoteInput } from '../core/index/scannedNote';
import { indexSettingsKey, isExcluded } from '../core/settings';
import type { PrincipleChainSettings } from '../core/settings';
import { CacheLedger } from './indexerCache';
import type { IndexCache } from './indexerCache';
import { DEFAULT_PACING, Pacer } from './pacing';
import type { IndexerPacing } from './pacing';
import { FileUpdates } from './fileUpdates';
import { NoteTextCache } from './noteTexts';
import { openId } from './openId';
import type { IndexChange } from '../core/types';
import type { IdServices } from './services';

export type { CachedNote, IndexCache, IndexSnapshot } from './indexerCache';
export type { IndexerPacing } from './pacing';

export interface VaultIndexerDeps {
  readonly app: App;
  readonly settings: () => PrincipleChainSettings;
  /** The persisted index cache; without it every start-up reads every note. */
  readonly cache?: IndexCache;
  /** Creates the status bar element that shows progress (the plugin passes addStatusBarItem). */
  readonly statusBar?: () => HTMLElement;
  readonly pacing?: Partial<IndexerPacing>;
}

function isMarkdown(file: TAbstractFile | null): file is TFile {
  return file instanceof TFile && file.extension === 'md';
}

/** Every file inside a folder, at any depth. */
function filesUnder(folder: TFolder): TFile[] {
  const files: TFile[] = [];
  for (const child of folder.children) {
    if (child instanceof TFile) files.push(child);
    else if (child instanceof TFolder) files.push(...filesUnder(child));
  }
  return files;
}

/**
 * Keeps the core ID index in step with the vault. Nothing happens before layout-ready; then the
 * index is filled from file names at once, contents are read in paced chunks, and vault events
 * update only the files they touch. Listeners learn which IDs changed.
 */
export class VaultIndexer extends Component {
  /** The narrow services every feature receives. */
  readonly services: IdServices;
  /** The live index (the full class, for wiring features that need more than the reader). */
  readonly index: IdIndex;
  /** Texts of recently shown notes, which the index reads context lines back from. */
  readonly texts: NoteTextCache;

  private readonly app: App;
  private readonly settings: () => PrincipleChainSettings;
  private readonly statusBar: (() => HTMLElement) | undefined;
  private readonly pacing: IndexerPacing;
  private readonly ledger: CacheLedger | null;
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private factOptions: NoteFactsOptions;
  private scanner: NoteScanner;
  /** Bumped by rebuild and unload so stale async work drops its result. */
  private generation = 0;
  private readonly updates: FileUpdates;
  private started = false;
  private unloaded = false;
  private contentPass: Promise<void> = Promise.resolve();
  private formatCache: { key: string; format: IdFormat } | null = null;
  private progressEl: HTMLElement | null = null;
  private progress: { done: number; total: number } | null = null;
  /** indexSettingsKey of the settings the index was last built with (ties cache snapshots to them). */
  private builtWith = '';
  private cacheSaveTimer: number | null = null;
  private passRunning = false;
  /** Moves being read, by new path: the old path each came from. */
  private readonly movesInFlight = new Map<string, string>();
  /** The old paths of those moves (still in the index until the move is applied). */
  private readonly moveSources = new Set<string>();

  constructor(deps: VaultIndexerDeps) {
    super();
    this.app = deps.app;
    this.settings = deps.settings;
    this.statusBar = deps.statusBar;
    this.pacing = { ...DEFAULT_PACING, ...deps.pacing };
    this.ledger = deps.cache ? new CacheLedger(deps.cache) : null;
    this.updates = new FileUpdates(this.pacing.debounceMs, (path) => this.refresh(path));
    this.factOptions = this.currentFactOptions();
    this.scanner = new NoteScanner(this.factOptions);
    this.texts = new NoteTextCache({
      read: async (path) => {
        const file = this.app.vault.getAbstractFileByPath(path);
        return isMarkdown(file) ? this.app.vault.cachedRead(file) : null;
      },
      schedule: (run) => window.setTimeout(run, 0),
    });
    this.index = new IdIndex({ format: this.factOptions.format, texts: this.texts });
    const services: IdServices = {
      app: deps.app,
      settings: () => this.settings(),
      format: () => this.format(),
      index: this.index,
      onIndexChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      onTextsLoaded: (listener) => this.texts.onLoaded(listener),
      openId: (id, sourcePath, paneType) => openId(services, id, sourcePath, paneType),
      indexingProgress: () => this.progress,
    };
    this.services = services;
  }

  onload(): void {
    const vault = this.app.vault;
    // Registered now but ignored until layout-ready: the initial pass lists the files itself, so
    // the start-up burst of `create` events carries nothing new.
    this.registerEvent(vault.on('create', (file) => this.onCreate(file)));
    this.registerEvent(vault.on('modify', (file) => this.onModify(file)));
    this.registerEvent(vault.on('delete', (file) => this.onDelete(file)));
    this.registerEvent(vault.on('rename', (file, oldPath) => this.onRename(file, oldPath)));
    // onLayoutReady runs its callback at once when the layout is already ready (d.ts), as when the
    // plugin is turned on mid-session. The first index event then waits one microtask, until onload
    // has returned and every feature has subscribed: the 'all' it sends is what re-renders the
    // Reading views that were open before the plugin was.
    this.app.workspace.onLayoutReady(() => {
      queueMicrotask(() => {
        if (this.unloaded) return;
        this.started = true;
        void this.rebuild();
      });
    });
  }

  onunload(): void {
    this.unloaded = true;
    this.started = false;
    this.generation++;
    this.updates.reset();
    this.forgetMoves();
    if (this.cacheSaveTimer !== null) {
      // Edits since the last snapshot: hand the cache one more now, without pausing (it writes
      // pending snapshots on unload).
      window.clearTimeout(this.cacheSaveTimer);
      this.cacheSaveTimer = null;
      void this.saveCache(false);
    }
    this.hideProgress();
    this.listeners.clear();
  }

  /** The active ID format; a stored custom pattern that is rejected falls back to 12 digits. */
  format(): IdFormat {
    const settings = this.settings();
    const key = settings.idFormat + '\u0000' + settings.customPattern;
    if (this.formatCache?.key !== key) this.formatCache = { key, format: activeIdFormat(settings.idFormat, settings.customPattern).format };
    return this.formatCache.format;
  }

  /** Whether a content pass (start-up or rebuild) is running. */
  get indexing(): boolean {
    return this.passRunning;
  }

  /** Resolves once the current content pass and every pending file update have been applied. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pass = this.contentPass;
      await pass;
      if (pass !== this.contentPass) continue;
      await this.updates.settle();
      await this.texts.settle();
      if (this.updates.idle && pass === this.contentPass) return;
    }
  }

  /** Tells every listener that everything may have changed (display settings, for instance). */
  notifyAll(): void {
    this.emit('all');
  }

  /** Throws the index away and builds it again from the vault (command, settings changes). */
  rebuild(): Promise<void> {
    if (!this.started) return Promise.resolve();
    const generation = ++this.generation;
    this.updates.reset();
    this.forgetMoves();
    if (this.cacheSaveTimer !== null) window.clearTimeout(this.cacheSaveTimer);
    this.cacheSaveTimer = null;
    this.builtWith = indexSettingsKey(this.settings());
    this.ledger?.clear();
    this.texts.clear();
    this.factOptions = this.currentFactOptions();
    this.scanner = new NoteScanner(this.factOptions);
    this.index.clear(this.factOptions.format);
    const files = this.app.vault.getMarkdownFiles().filter((file) => this.isIncluded(file.path));
    this.contentPass = this.fill(files, generation);
    return this.contentPass;
  }

  private currentFactOptions(): NoteFactsOptions {
    const settings = this.settings();
    return { format: this.format(), ownIdSources: [...settings.ownIdSources], frontmatterKey: settings.frontmatterKey };
  }

  private isIncluded(path: string): boolean {
    return path.endsWith('.md') && !isExcluded(path, this.settings().excludedFolders);
  }

  // ---- the content pass ----

  private async fill(files: readonly TFile[], generation: number): Promise<void> {
    this.passRunning = true;
    try {
      await this.fillPaced(files, generation);
    } finally {
      if (generation === this.generation) {
        this.passRunning = false;
        this.hideProgress();
      }
    }
  }

  /**
   * Names first (a small vault is done before this returns its promise), then cached facts, then
   * the contents. Each file's path and version are taken at the start: a vault event on it since
   * then brings its own, newer update, and the pass leaves that file alone.
   */
  private async fillPaced(files: readonly TFile[], generation: number): Promise<void> {
    const entries = files.map((file) => ({ file, path: file.path, version: this.updates.versionOf(file.path) }));
    const untouched = (entry: (typeof entries)[number]): boolean =>
      this.updates.versionOf(entry.path) === entry.version && this.app.vault.getAbstractFileByPath(entry.path) === entry.file;
    const stale = (): boolean => generation !== this.generation;
    const total = entries.length;
    let done = 0;
    const changed = new Set<string>();
    // Facts restored from the cache are put without a change set: listeners hear "all" instead.
    let restored = false;
    const pacer = new Pacer(this.pacing, () => {
      this.showProgress(done, total);
      if (restored) this.emit('all');
      restored = false;
      this.emitIds(changed);
    });

    // Every path is untouched here: nothing has awaited since the versions were taken.
    this.index.putNames(entries.map((entry) => entry.path), this.factOptions);
    this.emit('all');
    this.showProgress(0, total);

    const settingsKey = this.builtWith;
    const cached = this.ledger ? await this.ledger.load(settingsKey) : null;
    if (stale()) return;
    const toRead: typeof entries = [];
    for (const entry of entries) {
      const hit = cached?.get(entry.path);
      const stat = entry.file.stat;
      if (hit === undefined || hit.mtime !== stat.mtime || hit.size !== stat.size) toRead.push(entry);
      else {
        if (untouched(entry)) this.putCached(hit.facts, stat);
        restored = true;
        done++;
      }
      if (pacer.due()) {
        await pacer.pause();
        if (stale()) return;
      }
    }
    if (restored) this.emit('all');
    restored = false;

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < toRead.length && !stale()) {
        const entry = toRead[next++];
        const stat = { ...entry.file.stat };
        let text: string | null = null;
        try {
          text = await this.app.vault.cachedRead(entry.file);
        } catch {
          // Unreadable now: it keeps its names-only facts; a later event re-reads it.
        }
        if (pacer.due()) await pacer.pause();
        if (stale()) return;
        done++;
        if (text !== null && untouched(entry)) {
          this.addAll(changed, this.applyUpdate({ kind: 'upsert', facts: this.scanner.scan(entry.path, text) }, stat));
        }
      }
    };
    const workers: Promise<void>[] = [];
    for (let i = 0; i < Math.max(1, this.pacing.concurrentReads); i++) workers.push(worker());
    await Promise.all(workers);
    if (stale()) return;
    this.emitIds(changed);
    await this.saveCache();
  }

  // ---- vault events ----

  private onCreate(file: TAbstractFile): void {
    if (!this.started || !isMarkdown(file) || !this.isIncluded(file.path)) return;
    this.updates.bump(file.path);
    this.emitIds(this.applyUpdate({ kind: 'upsert', facts: namesOnlyFacts(file.path, this.factOptions) }));
    this.updates.schedule(file.path);
  }

  private onModify(file: TAbstractFile): void {
    if (!this.started || !isMarkdown(file) || !this.isIncluded(file.path)) return;
    this.updates.bump(file.path);
    this.texts.forget(file.path);
    // Edited before the names pass reached it: resolvable now, its references after the re-read.
    if (!this.index.note(file.path)) this.emitIds(this.applyUpdate({ kind: 'upsert', facts: namesOnlyFacts(file.path, this.factOptions) }));
    this.updates.schedule(file.path, file.stat.size);
  }

  private onDelete(file: TAbstractFile): void {
    if (!this.started) return;
    const paths = file instanceof TFolder ? this.indexedPathsUnder(file.path) : [file.path];
    const changed = new Set<string>();
    for (const path of paths) {
      this.updates.bump(path);
      this.updates.cancel(path);
      this.texts.forget(path);
      if (this.index.note(path)) this.addAll(changed, this.applyUpdate({ kind: 'delete', path }));
    }
    this.emitIds(changed);
  }

  private onRename(file: TAbstractFile, oldPath: string): void {
    if (!this.started) return;
    // Obsidian reports a renamed folder's files one by one, then the folder: each move is handled
    // once, by whichever event brings it first (the order is the fake's; see tests/mocks/fake/app.ts).
    const moves: [string, string][] =
      file instanceof TFolder
        ? filesUnder(file).map((moved) => [oldPath + moved.path.slice(file.path.length), moved.path])
        : [[oldPath, file.path]];
    const changed = new Set<string>();
    for (const [from, to] of moves) {
      if (this.alreadyMoved(from, to)) continue;
      this.updates.bump(from);
      this.updates.bump(to);
      this.updates.cancel(from);
      this.texts.forget(from);
      this.texts.forget(to);
      const wasIndexed = this.index.note(from) !== undefined;
      const include = this.isIncluded(to) && isMarkdown(this.app.vault.getAbstractFileByPath(to));
      if (wasIndexed && include) {
        // Facts depend on the path (own ID, title), so the note is re-read as it moves.
        this.trackMove(from, to);
      } else if (wasIndexed) {
        this.addAll(changed, this.applyUpdate({ kind: 'delete', path: from }));
      } else if (include) {
        // Not indexed under its old name (excluded, or a move still being read): read it afresh.
        if (!this.index.note(to)) this.addAll(changed, this.applyUpdate({ kind: 'upsert', facts: namesOnlyFacts(to, this.factOptions) }));
        this.updates.schedule(to);
      }
    }
    this.emitIds(changed);
  }

  private forgetMoves(): void {
    this.movesInFlight.clear();
    this.moveSources.clear();
  }

  /** Whether a reported move from → to is already in the index or on its way there. */
  private alreadyMoved(from: string, to: string): boolean {
    if (this.movesInFlight.get(to) === from) return true;
    // `to` still indexed as the source of a move not yet applied is no sign this move happened.
    if (this.moveSources.has(to)) return false;
    return this.index.note(from) === undefined && this.index.note(to) !== undefined;
  }

  private trackMove(from: string, to: string): void {
    const generation = this.generation;
    this.movesInFlight.set(to, from);
    this.moveSources.add(from);
    const done = (): void => {
      // A rebuild or unload dropped this move's result and forgot it already.
      if (generation !== this.generation) return;
      if (this.movesInFlight.get(to) === from) this.movesInFlight.delete(to);
      this.moveSources.delete(from);
    };
    this.updates.track(this.move(from, to).finally(done));
  }

  /** Moves a note in the index once its text is read; an event on either path meanwhile wins. */
  private async move(from: string, to: string): Promise<void> {
    const generation = this.generation;
    const fromVersion = this.updates.versionOf(from);
    const toVersion = this.updates.versionOf(to);
    const file = this.app.vault.getAbstractFileByPath(to);
    if (!isMarkdown(file)) return;
    const stat = { ...file.stat };
    let text: string | null = null;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch {
      // Moved but unreadable: it moves with names-only facts and is read again later.
    }
    if (generation !== this.generation) return;
    const facts = text === null ? namesOnlyFacts(to, this.factOptions) : this.scanner.scan(to, text);
    const fromUntouched = this.updates.versionOf(from) === fromVersion;
    if (this.updates.versionOf(to) !== toVersion || this.app.vault.getAbstractFileByPath(to) !== file) {
      // Moved, deleted (with its folder) or touched again meanwhile: a later event brings its own
      // update, so only the old path is left to clear.
      if (fromUntouched && this.index.note(from)) this.emitIds(this.applyUpdate({ kind: 'delete', path: from }));
      return;
    }
    const update: IndexUpdate = fromUntouched ? { kind: 'rename', oldPath: from, facts } : { kind: 'upsert', facts };
    const change = this.applyUpdate(update, text === null ? undefined : stat);
    if (text !== null) this.texts.remember(to, text);
    this.emitIds(change);
    if (text === null) this.updates.schedule(to);
  }

  private indexedPathsUnder(folder: string): string[] {
    const prefix = folder === '/' || folder === '' ? '' : folder + '/';
    const paths: string[] = [];
    for (const note of this.index.notes()) if (note.path.startsWith(prefix)) paths.push(note.path);
    return paths;
  }

  /** Re-reads one file and applies what it says now; drops the result if an event raced it. */
  private async refresh(path: string): Promise<void> {
    const generation = this.generation;
    const version = this.updates.versionOf(path);
    const file = this.app.vault.getAbstractFileByPath(path);
    if (!isMarkdown(file) || !this.isIncluded(path)) return;
    const stat = { ...file.stat };
    let text: string;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch {
      return;
    }
    if (generation !== this.generation || version !== this.updates.versionOf(path)) return;
    if (this.app.vault.getAbstractFileByPath(path) !== file) return;
    const change = this.applyUpdate({ kind: 'upsert', facts: this.scanner.scan(path, text) }, stat);
    // A view showing the note redraws its context lines from the text the index now holds.
    this.texts.remember(path, text);
    this.emitIds(change);
  }

  /** The one place updates reach the index; the cache ledger learns the read facts with their stat. */
  private applyUpdate(update: IndexUpdate, stat?: { mtime: number; size: number }): ReadonlySet<string> {
    const changed = this.index.apply(update);
    if (this.ledger) {
      this.ledger.record(update, stat);
      if (!this.passRunning) this.scheduleCacheSave();
    }
    return changed;
  }

  /** Puts facts restored from the cache, reporting nothing: the pass tells listeners all changed. */
  private putCached(facts: NoteInput, stat: { mtime: number; size: number }): void {
    this.index.put(facts);
    this.ledger?.record({ kind: 'upsert', facts }, stat);
  }

  /** After the content pass, edits refresh the snapshot once the vault has been quiet a while. */
  private scheduleCacheSave(): void {
    if (this.cacheSaveTimer !== null) window.clearTimeout(this.cacheSaveTimer);
    this.cacheSaveTimer = window.setTimeout(() => {
      this.cacheSaveTimer = null;
      void this.saveCache();
    }, this.pacing.cacheSaveDelayMs);
  }

  /** Hands the cache a snapshot of what the index holds now, built in paced slices unless unloading. */
  private async saveCache(paced = true): Promise<void> {
    if (!this.ledger) return;
    const pacer = new Pacer(this.pacing, () => undefined);
    const pace = paced ? () => (pacer.due() ? pacer.pause() : Promise.resolve()) : undefined;
    const generation = this.generation;
    await this.ledger.save(this.builtWith, this.index, pace, () => generation === this.generation);
  }

  // ---- notifications and progress ----

  private addAll(target: Set<string>, ids: Iterable<string>): void {
    for (const id of ids) target.add(id);
  }

  /** Sends the IDs to listeners; a mutable set passed in is emptied (it has been reported). */
  private emitIds(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const change = new Set(ids);
    if (ids instanceof Set) ids.clear();
    this.emit(change);
  }

  private emit(change: IndexChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('Principle Chain: an index listener failed', error);
      }
    }
  }

  private showProgress(done: number, total: number): void {
    this.progress = { done, total };
    if (!this.statusBar) return;
    this.progressEl ??= this.statusBar();
    this.progressEl.setText(`Indexing IDs ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
  }

  private hideProgress(): void {
    this.progress = null;
    this.progressEl?.remove();
    this.progressEl = null;
  }
}
