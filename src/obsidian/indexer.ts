/**
 * Keeps the core ID index in step with the vault. Nothing happens before layout-ready; then each
 * build fills the index from file names at once and reads contents in paced slices
 * (indexer/contentPass.ts), and vault events update only the files they touch
 * (indexer/vaultEvents.ts). Listeners learn which IDs changed (indexer/changeBus.ts).
 */
import { Component } from 'obsidian';
import type { App } from 'obsidian';
import { activeIdFormat } from '../core/ids/formats';
import type { IdFormat } from '../core/ids/formats';
import { IdIndex } from '../core/index/idIndex';
import type { NoteFactsOptions } from '../core/index/noteFacts';
import { NoteScanner } from '../core/index/scannedNote';
import { indexSettingsKey, isExcluded } from '../core/settings';
import type { PrincipleChainSettings } from '../core/settings';
import { CacheLedger } from './cacheLedger';
import type { IndexCache } from './cacheLedger';
import { FileUpdates } from './fileUpdates';
import { IndexChangeBus } from './indexer/changeBus';
import { runContentPass } from './indexer/contentPass';
import { isMarkdown, type IndexerContext } from './indexer/context';
import { IndexingProgress } from './indexer/progress';
import { VaultEvents } from './indexer/vaultEvents';
import { IndexWriter } from './indexer/writer';
import { NoteTextCache } from './noteTexts';
import { openId } from './openId';
import { DEFAULT_PACING } from './pacing';
import type { IndexerPacing } from './pacing';
import type { IdServices } from './services';

export type { CachedNote, IndexCache, IndexSnapshot } from './cacheLedger';
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

export class VaultIndexer extends Component {
  /** The narrow services every feature receives. */
  readonly services: IdServices;
  /** The live index (the full class, for wiring features that need more than the reader). */
  readonly index: IdIndex;
  /** Texts of recently shown notes, which the index reads context lines back from. */
  readonly texts: NoteTextCache;

  private readonly app: App;
  private readonly settings: () => PrincipleChainSettings;
  private readonly context: IndexerContext;
  private readonly changes = new IndexChangeBus();
  private readonly progress: IndexingProgress;
  private readonly updates: FileUpdates;
  private readonly writer: IndexWriter;
  private readonly events: VaultEvents;
  private factOptions: NoteFactsOptions;
  private scanner: NoteScanner;
  private generation = 0;
  private started = false;
  private unloaded = false;
  private contentPass: Promise<void> = Promise.resolve();
  private formatCache: { key: string; format: IdFormat } | null = null;

  constructor(deps: VaultIndexerDeps) {
    super();
    this.app = deps.app;
    this.settings = deps.settings;
    const pacing = { ...DEFAULT_PACING, ...deps.pacing };
    this.progress = new IndexingProgress(deps.statusBar);
    this.updates = new FileUpdates(pacing.debounceMs, (path) => this.events.refresh(path));
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
    this.writer = new IndexWriter(this.index, deps.cache ? new CacheLedger(deps.cache) : null, pacing, () => this.generation);
    this.context = {
      app: this.app,
      index: this.index,
      texts: this.texts,
      updates: this.updates,
      writer: this.writer,
      changes: this.changes,
      pacing,
      generation: () => this.generation,
      factOptions: () => this.factOptions,
      scanner: () => this.scanner,
      isIncluded: (path) => !isExcluded(path, this.settings().excludedFolders),
    };
    this.events = new VaultEvents(this.context);
    const services: IdServices = {
      app: deps.app,
      settings: () => this.settings(),
      format: () => this.format(),
      index: this.index,
      onIndexChange: (listener) => this.changes.subscribe(listener),
      onTextsLoaded: (listener) => this.texts.onLoaded(listener),
      openId: (id, sourcePath, paneType) => openId(services, id, sourcePath, paneType),
      indexingProgress: () => this.progress.current,
    };
    this.services = services;
  }

  onload(): void {
    const vault = this.app.vault;
    // Registered now but ignored until layout-ready: the initial pass lists the files itself, so
    // the start-up burst of `create` events carries nothing new.
    this.registerEvent(vault.on('create', (file) => this.started && this.events.onCreate(file)));
    this.registerEvent(vault.on('modify', (file) => this.started && this.events.onModify(file)));
    this.registerEvent(vault.on('delete', (file) => this.started && this.events.onDelete(file)));
    this.registerEvent(vault.on('rename', (file, oldPath) => this.started && this.events.onRename(file, oldPath)));
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
    this.events.moves.forget();
    this.writer.saveWaiting();
    this.progress.hide();
    this.changes.clear();
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
    return this.writer.passRunning;
  }

  /** Resolves once the current content pass and every pending file update have been applied. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pass = this.contentPass;
      await pass;
      // The check below would catch a rebuild too; this one skips settling the pass it replaced.
      if (pass !== this.contentPass) continue;
      await this.updates.settle();
      await this.texts.settle();
      if (this.updates.idle && pass === this.contentPass) return;
    }
  }

  /** Tells every listener that everything may have changed (display settings, for instance). */
  notifyAll(): void {
    this.changes.emit('all');
  }

  /**
   * Throws the index away and builds it again from the vault (start-up, settings changes), taking
   * an unchanged note's facts from the cache; `readEveryNote` (the Rebuild command, the way out when
   * the index looks wrong) reads every note instead, since a note can change on disk and keep its
   * modification time and size.
   */
  rebuild(options: { readEveryNote?: boolean } = {}): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.generation++;
    this.updates.reset();
    this.events.moves.forget();
    this.writer.reset(indexSettingsKey(this.settings()));
    this.texts.clear();
    this.factOptions = this.currentFactOptions();
    this.scanner = new NoteScanner(this.factOptions);
    this.index.clear(this.factOptions.format);
    const files = this.app.vault.getMarkdownFiles().filter((file) => this.context.isIncluded(file.path));
    this.contentPass = runContentPass(this.context, files, this.progress, options.readEveryNote !== true);
    return this.contentPass;
  }

  private currentFactOptions(): NoteFactsOptions {
    const settings = this.settings();
    return { format: this.format(), ownIdSources: [...settings.ownIdSources], frontmatterKey: settings.frontmatterKey };
  }
}
