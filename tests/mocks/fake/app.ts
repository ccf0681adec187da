/**
 * The application part of the Obsidian fake: an in-memory vault that fires Obsidian's events,
 * a metadata cache tests fill themselves, a workspace that records what was opened, and Plugin.
 * Every behaviour that models Obsidian's internals says where it comes from: obsidian.d.ts (1.13.1),
 * the developer docs, public plugins' code, or "unknown" (the plugin must then be right either way).
 */
import type * as obsidian from 'obsidian';
import type { Extension } from '@codemirror/state';
import { Component, Events, Keymap, Scope, TAbstractFile, TFile, TFolder, normalizePath, requireApiVersion } from './base';
import { recordShown, View, WorkspaceLeaf, type RenderedMarkdown, type ShownRecord } from './ui';

/** Config files (plugin data.json and the like), kept apart from notes as Obsidian's adapter does (d.ts: DataAdapter). */
export class MemoryAdapter {
  readonly files = new Map<string, string>();

  getName(): string {
    return 'memory';
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path);
  }

  async read(path: string): Promise<string> {
    const data = this.files.get(path);
    if (data === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return data;
  }

  async write(path: string, data: string): Promise<void> {
    this.files.set(path, data);
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }

  /** DataAdapter.copy (obsidian.d.ts, since 1.7.2) does not say whether it replaces a file at the new path: this one refuses to. */
  async copy(path: string, newPath: string): Promise<void> {
    const data = await this.read(path);
    if (this.files.has(newPath)) throw new Error(`EEXIST: file already exists, copyfile '${path}' -> '${newPath}'`);
    this.files.set(newPath, data);
  }

  /** DataAdapter.rename(normalizedPath, normalizedNewPath) in obsidian.d.ts. */
  async rename(path: string, newPath: string): Promise<void> {
    const data = await this.read(path);
    this.files.delete(path);
    this.files.set(newPath, data);
  }
}

export class Vault extends Events {
  adapter = new MemoryAdapter() as unknown as obsidian.DataAdapter;
  configDir = '.obsidian';
  private root: TFolder;
  private entries = new Map<string, TAbstractFile>();
  private contents = new Map<string, string>();
  /** Fake only: number of read/cachedRead calls, so tests can prove a path reads no files. */
  reads = 0;

  constructor() {
    super();
    this.root = new TFolder();
    this.root.setPath('/');
    this.root.name = '';
    this.root.vault = this as unknown as obsidian.Vault;
  }

  getName(): string {
    return 'Fake vault';
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    const p = normalizePath(path);
    return p === '/' ? this.root : (this.entries.get(p) ?? null);
  }

  getFileByPath(path: string): TFile | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFolder ? f : null;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [this.root, ...this.entries.values()];
  }

  // d.ts Vault.getAllFolders (since 1.6.6): every folder, the root only when includeRoot is true.
  getAllFolders(includeRoot?: boolean): TFolder[] {
    const folders = [...this.entries.values()].filter((f): f is TFolder => f instanceof TFolder);
    return includeRoot === true ? [this.root, ...folders] : folders;
  }

  getFiles(): TFile[] {
    return [...this.entries.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }

  async createFolder(path: string): Promise<TFolder> {
    return this.ensureFolder(normalizePath(path), true);
  }

  // d.ts Vault.on('create'): also fired for every existing file while the vault loads, before
  // layout-ready (see announceExistingFiles); tests create files with layoutReady = false for that.
  async create(path: string, data: string): Promise<TFile> {
    const p = normalizePath(path);
    if (this.entries.has(p)) throw new Error('File already exists.');
    const file = new TFile();
    file.setPath(p);
    file.vault = this as unknown as obsidian.Vault;
    this.attach(file);
    this.write(file, data);
    this.trigger('create', file);
    return file;
  }

  async read(file: TFile): Promise<string> {
    this.reads++;
    const data = this.contents.get(file.path);
    if (data === undefined) throw new Error(`ENOENT: no such file, open '${file.path}'`);
    return data;
  }

  async cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  async modify(file: TFile, data: string): Promise<void> {
    if (!this.contents.has(file.path)) throw new Error(`ENOENT: no such file '${file.path}'`);
    this.write(file, data);
    this.trigger('modify', file);
  }

  async append(file: TFile, data: string): Promise<void> {
    await this.modify(file, (this.contents.get(file.path) ?? '') + data);
  }

  /** Fake only: the start-up burst, one 'create' per existing file and folder (d.ts Vault.on('create')). */
  announceExistingFiles(): void {
    for (const entry of this.entries.values()) this.trigger('create', entry);
  }

  // d.ts: process reads, applies fn and writes atomically; the fake has no other writer to race.
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const next = fn(await this.read(file));
    await this.modify(file, next);
    return next;
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const to = normalizePath(newPath);
    if (this.entries.has(to)) throw new Error('Destination file already exists!');
    const oldPath = file.path;
    const moved = [file, ...(file instanceof TFolder ? this.descendants(file) : [])];
    this.detach(file);
    for (const f of moved) {
      const from = f.path;
      f.setPath(to + f.path.slice(oldPath.length));
      this.entries.delete(from);
      this.entries.set(f.path, f);
      const data = this.contents.get(from);
      if (data !== undefined) {
        this.contents.delete(from);
        this.contents.set(f.path, data);
      }
    }
    this.attach(file);
    // A renamed folder reaches plugins as one 'rename' per file and folder inside it (their paths
    // already new), then its own: the order issue 12's review of the real app found; one 'rename'
    // per note of a renamed folder is also what dvcrn/obsidian-filename-heading-sync issue 14 saw.
    // The order among the children is unknown; here it is depth-first, parents first.
    for (const [child, childOld] of moved.slice(1).map((f) => [f, oldPath + f.path.slice(file.path.length)] as const)) {
      this.trigger('rename', child, childOld);
    }
    this.trigger('rename', file, oldPath);
  }

  // One 'delete' for a folder, not one per child: unknown whether Obsidian also reports each child
  // (the indexer handles both).
  async delete(file: TAbstractFile): Promise<void> {
    for (const f of file instanceof TFolder ? this.descendants(file) : []) {
      this.entries.delete(f.path);
      this.contents.delete(f.path);
    }
    this.detach(file);
    this.entries.delete(file.path);
    this.contents.delete(file.path);
    this.trigger('delete', file);
  }

  async trash(file: TAbstractFile): Promise<void> {
    await this.delete(file);
  }

  private write(file: TFile, data: string): void {
    this.contents.set(file.path, data);
    file.stat = { ctime: file.stat.ctime || Date.now(), mtime: Date.now(), size: data.length };
  }

  private descendants(folder: TFolder): TAbstractFile[] {
    return folder.children.flatMap((c) => [c, ...(c instanceof TFolder ? this.descendants(c) : [])]);
  }

  private ensureFolder(path: string, announce = false): TFolder {
    if (path === '/' || path === '') return this.root;
    const existing = this.entries.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`Not a folder: ${path}`);
    const folder = new TFolder();
    folder.setPath(path);
    folder.vault = this as unknown as obsidian.Vault;
    this.attach(folder);
    if (announce) this.trigger('create', folder);
    return folder;
  }

  private attach(file: TAbstractFile): void {
    const slash = file.path.lastIndexOf('/');
    const parent = this.ensureFolder(slash < 0 ? '/' : file.path.slice(0, slash));
    file.parent = parent;
    parent.children.push(file);
    this.entries.set(file.path, file);
  }

  private detach(file: TAbstractFile): void {
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    file.parent = null;
  }
}

/**
 * Tests fill the cache with setFileCache. Link resolution follows Obsidian's shortest-path rule only
 * loosely (d.ts getFirstLinkpathDest: "the best match"); the plugin resolves IDs itself and uses
 * this only to pass link text back to Obsidian.
 */
export class MetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private caches = new Map<string, obsidian.CachedMetadata>();

  constructor(private vault: Vault) {
    super();
  }

  /** Fake only: sets a file's cache and fires 'changed' as Obsidian does after parsing. */
  setFileCache(file: TFile, cache: obsidian.CachedMetadata, data = ''): void {
    this.caches.set(file.path, cache);
    this.trigger('changed', file, data, cache);
  }

  getFileCache(file: TFile): obsidian.CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): obsidian.CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const target = linkpath.split('#')[0];
    const withExt = /\.[^/]+$/.test(target) ? target : `${target}.md`;
    const exact = this.vault.getFileByPath(withExt);
    if (exact) return exact;
    const name = withExt.slice(withExt.lastIndexOf('/') + 1);
    const candidates = this.vault.getFiles().filter((f) => f.name === name && f.path.endsWith(withExt));
    const sourceFolder = sourcePath.slice(0, Math.max(0, sourcePath.lastIndexOf('/')));
    return candidates.find((f) => f.parent?.path === sourceFolder) ?? candidates.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
  }

  /** d.ts fileToLinktext: "If file name is unique, use the filename. If not unique, use full path." */
  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    const unique = this.vault.getFiles().filter((other) => other.name === file.name).length === 1;
    const text = unique ? file.name : file.path;
    return omitMdExtension && file.extension === 'md' ? text.slice(0, -3) : text;
  }
}

export class FileManager {
  constructor(private vault: Vault) {}

  // d.ts renameFile also updates links in other notes; the fake does not (no plugin test relies on it).
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    await this.vault.rename(file, newPath);
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    await this.vault.delete(file);
  }

  /** Fake only: the folder getNewFileParent answers ("default location for new notes"); root by default. */
  newFileFolder = '/';

  /** Fake only: what getNewFileParent was asked, in order. */
  readonly newFileParentAsked: [sourcePath: string, newFilePath: string | undefined][] = [];

  getNewFileParent(sourcePath: string, newFilePath?: string): TFolder {
    this.newFileParentAsked.push([sourcePath, newFilePath]);
    const folder = this.vault.getAbstractFileByPath(this.newFileFolder);
    return folder instanceof TFolder ? folder : this.vault.getRoot();
  }

  // The real form depends on the user's link settings (d.ts); the plugin must not depend on it.
  generateMarkdownLink(file: TFile, _sourcePath: string, subpath = '', alias?: string): string {
    const target = file.extension === 'md' ? file.path.slice(0, -3) : file.path;
    return `[[${target}${subpath}${alias ? `|${alias}` : ''}]]`;
  }
}

/** One recorded Workspace.openLinkText call. */
export interface OpenedLink {
  linktext: string;
  sourcePath: string;
  newLeaf: obsidian.PaneType | boolean | undefined;
}

export class Workspace extends Events {
  activeLeaf: WorkspaceLeaf | null = null;
  layoutReady = true;
  /** Fake only: every openLinkText call, in order. */
  openedLinks: OpenedLink[] = [];
  /** Fake only: views registered by plugins, by type. */
  viewCreators = new Map<string, obsidian.ViewCreator>();
  /** Fake only: how many times a layout save was requested. */
  layoutSaveRequests = 0;
  private leaves: WorkspaceLeaf[] = [];
  private activeFile: TFile | null = null;

  constructor(private app: App) {
    super();
  }

  private layoutWaiters: (() => unknown)[] = [];

  /**
   * d.ts: "Runs the callback function right away if layout is already ready, or push it to a queue
   * to be called later when layout is ready." Ready is the default (a plugin enabled mid-session);
   * tests of start-up set layoutReady = false and call setLayoutReady().
   */
  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) void callback();
    else this.layoutWaiters.push(callback);
  }

  /** Fake only: ends start-up, running what waited for layout-ready. */
  setLayoutReady(): void {
    this.layoutReady = true;
    for (const callback of this.layoutWaiters.splice(0)) void callback();
  }

  updateOptions(): void {
    this.trigger('fake:update-options');
  }

  getActiveFile(): TFile | null {
    return this.activeFile;
  }

  /** Fake only: makes a file the active one and fires 'file-open'. */
  setActiveFile(file: TFile | null): void {
    this.activeFile = file;
    this.trigger('file-open', file);
  }

  getLeaf(newLeaf?: obsidian.PaneType | boolean): WorkspaceLeaf {
    if (!newLeaf && this.activeLeaf) return this.activeLeaf;
    const leaf = this.newLeaf();
    this.activeLeaf = leaf;
    return leaf;
  }

  getRightLeaf(): WorkspaceLeaf {
    return this.newLeaf();
  }

  getLeftLeaf(): WorkspaceLeaf {
    return this.newLeaf();
  }

  async ensureSideLeaf(type: string, _side: obsidian.Side, options: { state?: unknown } = {}): Promise<WorkspaceLeaf> {
    const leaf = this.getLeavesOfType(type)[0] ?? this.newLeaf();
    if (leaf.view?.getViewType() !== type) await leaf.setViewState({ type, state: options.state as Record<string, unknown> });
    return leaf;
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    // A deferred leaf counts by its saved view state: Obsidian lists it before its view loads, with a
    // DeferredView as its view (docs: "Defer views"; d.ts WorkspaceLeaf.isDeferred).
    return this.leaves.filter(
      (leaf) => leaf.view?.getViewType() === viewType || (leaf.isDeferred && leaf.getViewState().type === viewType),
    );
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves) callback(leaf);
  }

  async revealLeaf(): Promise<void> {}

  requestSaveLayout = Object.assign(
    (): void => {
      this.layoutSaveRequests++;
    },
    { cancel: () => undefined, run: () => undefined },
  ) as unknown as obsidian.Debouncer<[], Promise<void>>;

  // d.ts openLinkText: resolves linktext from sourcePath and opens it in getLeaf(newLeaf); recorded here.
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: obsidian.PaneType | boolean): Promise<void> {
    this.openedLinks.push({ linktext, sourcePath, newLeaf });
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  private newLeaf(): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app as unknown as obsidian.App, (type, l) => {
      const create = this.viewCreators.get(type);
      return create ? (create(l as unknown as obsidian.WorkspaceLeaf) as unknown as View) : null;
    });
    leaf.load();
    leaf.register(() => (this.leaves = this.leaves.filter((l) => l !== leaf)));
    this.leaves.push(leaf);
    return leaf;
  }
}

export class App {
  keymap = new Keymap();
  scope = new Scope();
  vault = new Vault();
  metadataCache = new MetadataCache(this.vault);
  fileManager = new FileManager(this.vault);
  workspace: Workspace = new Workspace(this);
  lastEvent: obsidian.UserEvent | null = null;
  /** Fake only: every MarkdownRenderer.render call with this app, in order. */
  renderedMarkdown: RenderedMarkdown[] = [];

  isDarkMode(): boolean {
    return false;
  }

  loadLocalStorage(): null {
    return null;
  }

  saveLocalStorage(): void {}
}

/** Fake only: a test's own app, with the notices and menus shown while it runs. */
export interface FakeApp extends ShownRecord {
  readonly app: App;
}

/** Fake only: a new app for one test, recording the notices and menus shown from now on (needs jsdom). */
export function createFakeApp(): FakeApp {
  return { app: new App(), ...recordShown() };
}

/** Everything a plugin registered, for tests to inspect and invoke. */
export interface Registrations {
  commands: obsidian.Command[];
  ribbonIcons: { icon: string; title: string; el: HTMLElement; callback: (evt: MouseEvent) => unknown }[];
  settingTabs: obsidian.PluginSettingTab[];
  views: Map<string, obsidian.ViewCreator>;
  postProcessors: obsidian.MarkdownPostProcessor[];
  /** Code block processors by language (registerMarkdownCodeBlockProcessor). */
  codeBlockProcessors: Map<string, (source: string, el: HTMLElement, ctx: obsidian.MarkdownPostProcessorContext) => Promise<unknown> | void>;
  editorExtensions: Extension[];
  hoverLinkSources: Map<string, obsidian.HoverLinkSource>;
  statusBarItems: HTMLElement[];
}

export abstract class Plugin extends Component {
  /** Fake only. */
  registered: Registrations = {
    commands: [],
    ribbonIcons: [],
    settingTabs: [],
    views: new Map(),
    postProcessors: [],
    codeBlockProcessors: new Map(),
    editorExtensions: [],
    hoverLinkSources: new Map(),
    statusBarItems: [],
  };

  constructor(
    public app: obsidian.App,
    public manifest: obsidian.PluginManifest,
  ) {
    super();
    manifest.dir ??= `${app.vault.configDir}/plugins/${manifest.id}`;
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } });
    el.addEventListener('click', (evt) => void callback(evt));
    this.registered.ribbonIcons.push({ icon, title, el, callback });
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = createDiv('status-bar-item');
    this.registered.statusBarItems.push(el);
    return el;
  }

  addCommand(command: obsidian.Command): obsidian.Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.registered.commands.push(full);
    return full;
  }

  removeCommand(commandId: string): void {
    this.registered.commands = this.registered.commands.filter((c) => c.id !== `${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: obsidian.PluginSettingTab): void {
    this.registered.settingTabs.push(settingTab);
    // From 1.13 the app keeps the tab's definitions for its settings search (obsidian.d.ts: update() "Called by addSettingTab()").
    if (requireApiVersion('1.13.0')) settingTab.update();
  }

  registerView(type: string, viewCreator: obsidian.ViewCreator): void {
    this.registered.views.set(type, viewCreator);
    const workspace = this.app.workspace as unknown as Workspace;
    workspace.viewCreators.set(type, viewCreator);
    this.register(() => workspace.viewCreators.delete(type));
  }

  registerHoverLinkSource(id: string, info: obsidian.HoverLinkSource): void {
    this.registered.hoverLinkSources.set(id, info);
  }

  // d.ts: runs on sections rendered from now on; a Reading view already shown is not processed again
  // until it re-renders (unknown beyond that; the plugin re-renders open views itself).
  registerMarkdownPostProcessor(postProcessor: obsidian.MarkdownPostProcessor, sortOrder?: number): obsidian.MarkdownPostProcessor {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    this.registered.postProcessors.push(postProcessor);
    return postProcessor;
  }

  /**
   * Records the handler; Obsidian calls it for each fenced block of the language with the block's
   * text, a fresh element in its place and the section's context (obsidian.d.ts, since 0.9.7).
   */
  registerMarkdownCodeBlockProcessor(
    language: string,
    handler: (source: string, el: HTMLElement, ctx: obsidian.MarkdownPostProcessorContext) => Promise<unknown> | void,
  ): obsidian.MarkdownPostProcessor {
    this.registered.codeBlockProcessors.set(language, handler);
    const processor: obsidian.MarkdownPostProcessor = () => undefined;
    return processor;
  }

  // d.ts registerEditorExtension: Obsidian adds it to every editor, open ones included; tests build
  // editors from `registered.editorExtensions`.
  registerEditorExtension(extension: Extension): void {
    this.registered.editorExtensions.push(extension);
  }

  // Null when absent, throws on broken JSON: obsidian-dataview#149 (null), note-refactor-obsidian#71 (SyntaxError from JSON.parse).
  async loadData(): Promise<unknown> {
    const path = `${this.manifest.dir}/data.json`;
    if (!(await this.app.vault.adapter.exists(path))) return null;
    return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
  }

  async saveData(data: unknown): Promise<void> {
    await this.app.vault.adapter.write(`${this.manifest.dir}/data.json`, JSON.stringify(data, null, 2));
  }

  onUserEnable(): void {}
}
