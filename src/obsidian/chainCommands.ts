/** Wires the principle chain view into Obsidian: the view type, its commands, ribbon icon and preview source. */

import type { App, Plugin } from 'obsidian';
import { createChainSource, type ChainSource } from '../ui/chain/source';
import { copyChainOutline } from '../ui/chain/copyOutline';
import { storedDepth } from '../ui/chain/model';
import { CHAIN_VIEW_ICON, CHAIN_VIEW_TYPE, ChainView } from '../ui/chainView';
import type { IdServices } from './services';

/** Registers the chain view, "Open principle chain" (command and ribbon) and "Copy chain as outline". */
export function registerChainView(plugin: Plugin, services: IdServices): void {
  const source = createChainSource(services);
  plugin.registerView(CHAIN_VIEW_TYPE, (leaf) => new ChainView(leaf, services, source));
  // Same source id as the editor's links: one "Principle Chain" switch in the page preview settings.
  plugin.registerHoverLinkSource(CHAIN_VIEW_TYPE, { display: 'Principle Chain', defaultMod: true });
  plugin.addRibbonIcon(CHAIN_VIEW_ICON, 'Open principle chain', () => void openChainView(services.app));
  plugin.addCommand({
    id: 'open-chain-view',
    name: 'Open principle chain',
    callback: () => void openChainView(services.app),
  });
  plugin.addCommand({
    id: 'copy-chain-as-outline',
    name: 'Copy chain as outline',
    callback: () => void copyActiveChain(services, source),
  });
}

/** Shows the chain view in the right sidebar, creating it once and loading it if deferred. */
export async function openChainView(app: App): Promise<void> {
  const leaf = await app.workspace.ensureSideLeaf(CHAIN_VIEW_TYPE, 'right', { active: true, reveal: true });
  await leaf.loadIfDeferred();
}

/**
 * The chain view's depth when there is one (it may differ from the setting), else the setting. A
 * deferred view (restored but not shown yet) has no ChainView instance, only its saved state.
 */
function chainDepth(services: IdServices): number {
  for (const leaf of services.app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)) {
    if (leaf.view instanceof ChainView) return leaf.view.depth;
    const saved = storedDepth(leaf.getViewState().state);
    if (saved !== null) return saved;
  }
  return services.settings().chainDepth;
}

async function copyActiveChain(services: IdServices, source: ChainSource): Promise<void> {
  await copyChainOutline(source, services.app.workspace.getActiveFile(), chainDepth(services));
}
