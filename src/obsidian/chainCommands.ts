/**
 * Wires the principle chain view into Obsidian: the view type with its narrow deps (built here from
 * the services), the commands, the ribbon icon and the page preview source.
 */

import { Platform, type App, type Plugin } from 'obsidian';
import { createCitationCounter, type ChainResult } from '../core/chain/chain';
import { hasChainExclusions } from '../core/chain/exclusion';
import { renderChainText } from '../core/chain/export';
import { ShapeKeys } from '../core/chain/shape';
import type { ChainViewDeps, FollowedFile } from '../ui/chain/deps';
import { copyChain } from '../ui/chain/copyChain';
import { computeChain, shapeForView } from '../ui/chain/buildModel';
import { DEFAULT_CONTROLS, effectiveDepth } from '../ui/chain/controller';
import { controlsFromState } from '../ui/chain/viewState';
import { CHAIN_VIEW_ICON, CHAIN_VIEW_TYPE, ChainView, openAnotherChainView } from '../ui/chainView';
import { isExcludedInVault } from './chainExclusion';
import type { IdServices } from './services';

/** The chain view's deps over the live index, settings and vault. */
export function chainViewDeps(services: IdServices): ChainViewDeps {
  const { app, index } = services;
  let counter = { revision: -1, count: (_id: string): number => 0 };
  return {
    settings: () => services.settings(),
    chain: (file, depth) => computeChain(index, file, depth, services.settings()),
    noteTitle: (path) => index.note(path)?.title ?? '',
    citedBy: (id) => {
      if (counter.revision !== index.revision) counter = { revision: index.revision, count: createCitationCounter(index) };
      return counter.count(id);
    },
    isExcluded: (path) => isExcludedInVault(app, path, services.settings()),
    hasExclusions: () => hasChainExclusions(services.settings()),
    modified: (path) => app.vault.getFileByPath(path)?.stat.mtime,
    revision: () => index.revision,
    onIndexChange: (listener) => services.onIndexChange(() => listener()),
    ...(services.onTextsLoaded === undefined ? {} : { onTextsLoaded: (listener: (paths: ReadonlySet<string>) => void) => services.onTextsLoaded?.(listener) ?? (() => undefined) }),
    // metadataCache 'changed' (obsidian.d.ts): a file's tags were read again after it changed.
    onTagsChanged: (listener) => {
      const ref = app.metadataCache.on('changed', (file) => {
        if (services.settings().chainExcludedTags.length > 0) listener(file.path);
      });
      return () => app.metadataCache.offref(ref);
    },
    openId: (id, sourcePath, paneType) => services.openId(id, sourcePath, paneType),
    indexingProgress: () => services.indexingProgress?.() ?? null,
    isMobile: Platform.isMobile,
    chainText: (result, format, sourcePath) => chainText(app, result, format, sourcePath),
  };
}

/** The chain as an outline, or as Mermaid whose nodes carry the link text Obsidian would write. */
function chainText(app: App, result: ChainResult, format: 'outline' | 'mermaid', sourcePath: string): string {
  return renderChainText(result, format, {
    linktext: (path) => {
      const file = app.vault.getFileByPath(path);
      return file === null ? path.replace(/\.md$/i, '') : app.metadataCache.fileToLinktext(file, sourcePath, true);
    },
  });
}

/**
 * Registers the chain view, "Open chain view" (command; the ribbon, which shows no plugin name, says
 * "Open principle chain"), "Open another chain view", "Copy chain as outline", "Copy chain as
 * Mermaid", and expand or collapse all.
 */
export function registerChainView(plugin: Plugin, services: IdServices): void {
  const deps = chainViewDeps(services);
  const { app } = services;
  plugin.registerView(CHAIN_VIEW_TYPE, (leaf) => new ChainView(leaf, deps));
  // Same source id as the editor's links: one "Principle Chain" switch in the page preview settings.
  plugin.registerHoverLinkSource(CHAIN_VIEW_TYPE, { display: 'Principle Chain', defaultMod: true });
  plugin.addRibbonIcon(CHAIN_VIEW_ICON, 'Open principle chain', () => void openChainView(app));
  plugin.addCommand({ id: 'open-chain-view', name: 'Open chain view', callback: () => void openChainView(app) });
  plugin.addCommand({ id: 'open-another-chain-view', name: 'Open another chain view', callback: () => void openAnotherChainView(app) });
  plugin.addCommand({ id: 'copy-chain-as-outline', name: 'Copy chain as outline', callback: () => void copyActiveChain(app, deps, 'outline') });
  plugin.addCommand({ id: 'copy-chain-as-mermaid', name: 'Copy chain as Mermaid', callback: () => void copyActiveChain(app, deps, 'mermaid') });
  plugin.addCommand({
    id: 'expand-all-in-chain',
    name: 'Expand all entries of the chain',
    checkCallback: (checking) => withChainView(app, checking, (view) => view.expandAll()),
  });
  plugin.addCommand({
    id: 'collapse-all-in-chain',
    name: 'Collapse all entries of the chain',
    checkCallback: (checking) => withChainView(app, checking, (view) => view.collapseAll()),
  });
}

/** Shows the chain view in the right sidebar, creating it once and loading it if deferred. */
export async function openChainView(app: App): Promise<void> {
  const leaf = await app.workspace.ensureSideLeaf(CHAIN_VIEW_TYPE, 'right', { active: true, reveal: true });
  await leaf.loadIfDeferred();
}

/** The chain view a command acts on: the active one, else the first one following the open note, else the first. */
function relevantChainView(app: App): ChainView | null {
  const active = app.workspace.getActiveViewOfType(ChainView);
  if (active !== null) return active;
  const views = app.workspace
    .getLeavesOfType(CHAIN_VIEW_TYPE)
    .map((leaf) => leaf.view)
    .filter((view): view is ChainView => view instanceof ChainView);
  return views.find((view) => view.pinnedPath === null) ?? views[0] ?? null;
}

function withChainView(app: App, checking: boolean, act: (view: ChainView) => void): boolean {
  const view = relevantChainView(app);
  if (view === null) return false;
  if (!checking) act(view);
  return true;
}

/**
 * Copies the chain the relevant view shows. Without a loaded view (none open, or one restored but
 * not shown yet), the chain that view would show from its saved state (the note it is pinned to or
 * the open note, its depth, filter, sort and hiding), or a new view's defaults when there is none.
 */
async function copyActiveChain(app: App, deps: ChainViewDeps, format: 'outline' | 'mermaid'): Promise<void> {
  const view = relevantChainView(app);
  if (view !== null) {
    await view.copy(format);
    return;
  }
  const saved = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[0]?.getViewState().state;
  const controls = controlsFromState(saved, DEFAULT_CONTROLS);
  const file: FollowedFile | null = controls.pinned !== null ? { path: controls.pinned, extension: 'md' } : app.workspace.getActiveFile();
  const computation = deps.chain(file, effectiveDepth(controls, deps.settings().chainDepth));
  const shaped = computation.kind === 'chain' ? shapeForView(computation.result, controls, deps, new ShapeKeys()).result : null;
  await copyChain(shaped === null ? null : deps.chainText(shaped, format, file?.path ?? ''), format);
}
