/** A ChainView on the Obsidian fake with recording services and a scriptable chain source. */

import { App, fakeFile, type TFile } from '../mocks/obsidian';
import type * as obsidian from 'obsidian';
import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import type { IdIndexReader } from '../../src/core/types';
import type { IdServices, IndexChange } from '../../src/obsidian/services';
import type { ChainViewModel } from '../../src/ui/chain/model';
import type { ChainSource, FollowedFile } from '../../src/ui/chain/source';
import { ChainView } from '../../src/ui/chainView';
import type { Workspace as FakeWorkspace } from '../mocks/fake/app';

export interface OpenIdCall {
  id: string;
  sourcePath: string;
  paneType: obsidian.PaneType | boolean;
}

export interface Harness {
  app: App;
  workspace: FakeWorkspace;
  view: ChainView;
  settings: PrincipleChainSettings;
  openIdCalls: OpenIdCall[];
  /** Requests the source answered, as "path@depth". */
  modelRequests: string[];
  /** What the source returns; tests replace it. */
  modelFor: (file: FollowedFile | null, depth: number) => ChainViewModel;
  outline: string | null;
  fireIndexChange(change?: IndexChange): void;
  openFile(path: string): TFile;
  content(): HTMLElement;
}

/** Builds and opens a chain view; the view's container is attached to the document for focus. */
export async function openChainView(modelFor: Harness['modelFor']): Promise<Harness> {
  const app = new App();
  const workspace = app.workspace;
  const listeners = new Set<(change: IndexChange) => void>();
  const harness = {
    app,
    workspace,
    settings: { ...DEFAULT_SETTINGS },
    openIdCalls: [] as OpenIdCall[],
    modelRequests: [] as string[],
    modelFor,
    outline: null as string | null,
  } as Harness;
  const services: IdServices = {
    app: app as unknown as obsidian.App,
    settings: () => harness.settings,
    format: () => {
      throw new Error('the chain view does not need the format');
    },
    index: { revision: 0 } as IdIndexReader,
    onIndexChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async openId(id, sourcePath, paneType) {
      harness.openIdCalls.push({ id, sourcePath, paneType });
    },
  };
  const source: ChainSource = {
    model(file, depth) {
      harness.modelRequests.push(`${file?.path ?? '(none)'}@${depth}`);
      return harness.modelFor(file, depth);
    },
    outline: () => harness.outline,
  };
  harness.fireIndexChange = (change = 'all') => {
    (services.index as { revision: number }).revision++;
    for (const listener of listeners) listener(change);
  };
  harness.openFile = (path) => {
    const file = fakeFile(path);
    workspace.setActiveFile(file);
    return file;
  };
  const leaf = workspace.getLeaf(true);
  const view = new ChainView(leaf as unknown as obsidian.WorkspaceLeaf, services, source);
  document.body.appendChild(view.containerEl);
  await leaf.open(view as never);
  harness.view = view;
  harness.content = () => view.contentEl;
  return harness;
}
