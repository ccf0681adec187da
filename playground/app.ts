/**
 * The playground page: the example vault, the plugin loaded from its own sources through the
 * stand-in for Obsidian's API, a CodeMirror editor and a reading pane that use what the plugin
 * registered, the chain view in the sidebar, and a check of the production main.js.
 */
import type * as obsidian from 'obsidian';
import PrincipleChainPlugin from '../main';
import manifest from '../manifest.json';
import { VaultIndexer } from '../src/obsidian/indexer';
import { CHAIN_VIEW_TYPE } from '../src/ui/chainView';
import { PlaygroundEditor, type EditorMode } from './editor';
import { buildToolbar, setTheme, wireHoverPreview } from './chrome';
import * as standIn from './obsidian';
import { Component, PlaygroundApp, shownNotices, TFile } from './obsidian';
import { checkProductionBundle } from './productionCheck';
import { bundleModules, runProductionCheck } from './productionPanel';
import { ReadingPane } from './readingPane';
import type { PlaygroundTestApi } from './testApi';
import { chainAsText } from '../tests/ui/chainText';

/** The example vault (vault path → text), embedded by playground/build.mjs at build time. */
declare const PLAYGROUND_VAULT: Readonly<Record<string, string>>;
const vaultFiles = PLAYGROUND_VAULT;

const START_NOTE = '202201100900 Clarity is a gift to the team.md';
// Matches the chain view's own debounce (150 ms) with room to spare.
const CHAIN_SETTLE_MS = 400;
const SAVE_DELAY_MS = 250;

/** A component's children: the stand-in's Component keeps them in a field the playground may read. */
function childrenOf(component: unknown): unknown[] {
  return (component as { children: unknown[] }).children;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

function el<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, info?: DomElementInfo | string): HTMLElementTagNameMap[K] {
  return parent.createEl(tag, info);
}

async function start(): Promise<void> {
  const app = new PlaygroundApp();
  for (const [path, text] of Object.entries(vaultFiles)) await app.vault.create(path, text);
  app.workspace.layoutReady = false;

  const root = document.body.createDiv('pg-app');
  const toolbar = el(root, 'header', 'pg-toolbar');
  const filesEl = el(root, 'nav', { cls: 'pg-files', attr: { 'aria-label': 'Files' } });
  const main = el(root, 'main', 'pg-main');
  const sidebar = el(root, 'aside', { cls: 'pg-sidebar', attr: { 'aria-label': 'Principle chain' } });
  const statusBar = el(root, 'footer', 'status-bar');
  app.statusBarEl = statusBar;

  const plugin = new PrincipleChainPlugin(app as unknown as obsidian.App, { ...manifest });
  plugin.load();
  await (plugin as unknown as Component).whenLoaded();
  const registered = (plugin as unknown as standIn.Plugin).registered;
  const indexer = childrenOf(plugin).find((c): c is VaultIndexer => c instanceof VaultIndexer);
  if (indexer === undefined) throw new Error('The plugin added no VaultIndexer');

  const editorPane = main.createEl('section', { cls: 'pg-pane pg-editor-pane' });
  const editorTitle = editorPane.createDiv('pg-pane-title');
  const pendingSaves = new Map<string, number>();
  const editor = new PlaygroundEditor(editorPane.createDiv('pg-editor markdown-source-view'), app as unknown as obsidian.App, registered.editorExtensions, (file, text) => {
    window.clearTimeout(pendingSaves.get(file.path));
    pendingSaves.set(
      file.path,
      window.setTimeout(() => {
        pendingSaves.delete(file.path);
        if (app.vault.getFileByPath(file.path) === file) void app.vault.modify(file, text);
      }, SAVE_DELAY_MS),
    );
  });

  const readingSection = main.createEl('section', { cls: 'pg-pane pg-reading-pane' });
  readingSection.createDiv({ cls: 'pg-pane-title', text: 'Reading view' });
  const readingLeaf = app.workspace.getLeaf(true);
  const reading = new ReadingPane(readingLeaf, app, () => registered.postProcessors, () => registered.codeBlockProcessors);
  await readingLeaf.open(reading);
  readingSection.appendChild(reading.contentEl);

  let fileButtons = new Map<string, HTMLElement>();
  const renderFileList = (): void => {
    filesEl.empty();
    filesEl.createDiv({ cls: 'pg-files-title', text: 'Example vault' });
    fileButtons = new Map();
    const files = app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path));
    for (const file of files) {
      const button = filesEl.createEl('button', { cls: 'pg-file', text: file.path.replace(/\.md$/, ''), attr: { 'data-path': file.path, title: file.path } });
      button.addEventListener('click', () => void openFile(file));
      fileButtons.set(file.path, button);
    }
    markCurrent();
  };
  const markCurrent = (): void => {
    for (const [path, button] of fileButtons) button.toggleClass('is-active', path === editor.currentFile?.path);
  };

  const openFile = async (file: TFile, newLeaf?: obsidian.PaneType | boolean): Promise<void> => {
    const text = await app.vault.cachedRead(file);
    editor.show(file, text);
    reading.show(file, text);
    editorTitle.setText(`Editor · ${editor.currentMode === 'live' ? 'Live Preview' : 'Source mode'} · ${file.path}`);
    app.workspace.setActiveFile(file);
    markCurrent();
    if (newLeaf) new standIn.Notice(`Opened ${file.basename} (Obsidian would use a new ${newLeaf === true ? 'tab' : newLeaf}).`, 2500);
  };
  app.workspace.opener = openFile;
  app.workspace.editorRefresher = () => editor.setMode(editor.currentMode);

  const showCurrentAgain = (file: standIn.TAbstractFile): void => {
    if (file === reading.file && file instanceof TFile) void app.vault.cachedRead(file).then((text) => reading.show(file, text));
  };
  app.vault.on('modify', (file) => showCurrentAgain(file as standIn.TAbstractFile));
  for (const name of ['create', 'delete', 'rename']) app.vault.on(name, () => renderFileList());

  buildToolbar(toolbar, app, plugin, registered, editor);
  wireHoverPreview(app);

  app.workspace.setLayoutReady();
  await indexer.whenIdle();
  const openChain = registered.commands.find((c) => c.id === `${manifest.id}:open-chain-view`);
  openChain?.callback?.();
  const chainLeaf = await waitFor(() => app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[0]);
  if (chainLeaf?.view) sidebar.appendChild(chainLeaf.view.containerEl);

  renderFileList();
  const first = app.vault.getFileByPath(noteInHash() ?? START_NOTE) ?? app.vault.getFileByPath(START_NOTE);
  if (first) await openFile(first);

  const setMode = (mode: EditorMode): void => {
    editor.setMode(mode);
    document.body.toggleClass('is-source-mode', mode === 'source');
    for (const button of Array.from(toolbar.querySelectorAll<HTMLElement>('[data-mode]'))) button.toggleClass('is-active', button.dataset.mode === mode);
    editorTitle.setText(`Editor · ${mode === 'live' ? 'Live Preview' : 'Source mode'} · ${editor.currentFile?.path ?? ''}`);
  };
  toolbar.addEventListener('pg-mode', (evt) => setMode((evt as CustomEvent<EditorMode>).detail));

  const api: PlaygroundTestApi = {
    ready: false,
    currentFile: () => editor.currentFile?.path ?? null,
    openedLinks: () => app.workspace.openedLinks.map((link) => ({ ...link })),
    hoverLinks: () => app.workspace.hoverLinks.map((hover) => ({ ...hover })),
    notices: () => [...shownNotices],
    open: async (path) => {
      const file = app.vault.getFileByPath(path);
      if (file === null) throw new Error(`No file ${path}`);
      await openFile(file);
    },
    createNote: async (path, text) => {
      const file = await app.vault.create(path, text);
      await indexer.whenIdle();
      await openFile(file);
    },
    setMode,
    setTheme,
    settle: async () => {
      while (pendingSaves.size > 0) await sleep(SAVE_DELAY_MS);
      await indexer.whenIdle();
      await sleep(CHAIN_SETTLE_MS);
    },
    productionCheck: null,
    chainText: (withContext) => chainAsText(sidebar, withContext),
    renderedMarkdown: () => app.renderedMarkdown.map((call) => ({ ...call })),
    setSidebarWidth: (width) => {
      root.style.setProperty('--pg-sidebar-width', width === null ? '' : `${width}px`);
    },
    rename: async (path, newPath) => {
      const file = app.vault.getFileByPath(path);
      if (file === null) throw new Error(`No file ${path}`);
      await app.fileManager.renameFile(file, newPath);
      await indexer.whenIdle();
    },
    checkBundle: (code) => checkProductionBundle(code, bundleModules(), vaultFiles, manifest),
  };
  window.__playground = api;
  await api.settle();
  api.productionCheck = await runProductionCheck(statusBar, vaultFiles, manifest);
  api.ready = true;
  document.body.addClass('is-ready');
}

/** The note named by the page's `#path`, if any (links into the playground open that note). */
function noteInHash(): string | null {
  try {
    return decodeURIComponent(location.hash.slice(1)) || null;
  } catch {
    return null;
  }
}

async function waitFor<T>(get: () => T | undefined, tries = 500): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    const value = get();
    if (value !== undefined) return value;
    await sleep(20);
  }
  return undefined;
}

start().catch((error: unknown) => {
  console.error(error);
  document.body.createDiv({ cls: 'pg-fatal', text: `The playground failed to start: ${error instanceof Error ? error.message : String(error)}` });
});
