/** A ChainView on the Obsidian fake with recording deps and a scriptable chain. */

import { App, createFakeApp, fakeFile, type Menu, type TFile } from '../mocks/obsidian';
import type * as obsidian from 'obsidian';
import type { ChainNode } from '../../src/core/chain/chain';
import { coreNode, coreResult } from '../core/chain/nodes';

export { coreNode };
import { renderOutline } from '../../src/core/chain/outline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { ChainComputation, ChainViewDeps, FollowedFile, IndexingProgress } from '../../src/ui/chain/deps';
import { ChainView } from '../../src/ui/chainView';
import type { Workspace as FakeWorkspace } from '../mocks/fake/app';

export interface OpenIdCall {
  id: string;
  sourcePath: string;
  paneType: obsidian.PaneType | boolean;
}

export interface Harness {
  app: App;
  /** The notices and menus shown since the view was opened. */
  notices: readonly string[];
  menus: readonly Menu[];
  workspace: FakeWorkspace;
  view: ChainView;
  settings: { chainDepth: number; showIncoming: boolean; showContext: boolean };
  openIdCalls: OpenIdCall[];
  /** Requests the deps answered, as "path@depth". */
  chainRequests: string[];
  /** What the deps return for a file and depth; tests replace it. */
  chainFor: (file: FollowedFile | null, depth: number) => ChainComputation;
  citations: Record<string, number>;
  excluded: Set<string>;
  modified: Record<string, number>;
  progress: IndexingProgress | null;
  fireIndexChange(): void;
  /** Tells the view that these notes' texts arrived (their context lines can be read anew). */
  fireTextsLoaded(paths: readonly string[]): void;
  /** Listeners subscribed to the texts feed now. */
  textListenerCount(): number;
  /** Tells the view that this note's tags may have changed. */
  fireTagsChanged(path: string): void;
  /** Listeners subscribed to tag changes now. */
  tagListenerCount(): number;
  openFile(path: string): TFile;
  content(): HTMLElement;
}

/** A core chain result rooted at `path`. */
export function coreChain(path: string, id: string | null, title: string, out: ChainNode[], incoming: ChainNode[] = []): ChainComputation {
  return { kind: 'chain', result: coreResult(path, id, title, out, incoming) };
}

/** Builds and opens a chain view; the view's container is attached to the document for focus. */
export async function openChainView(chainFor: Harness['chainFor'], options: { isMobile?: boolean; withoutTextsFeed?: boolean } = {}): Promise<Harness> {
  const { app, notices, menus } = createFakeApp();
  const workspace = app.workspace;
  const listeners = new Set<() => void>();
  const textListeners = new Set<(paths: ReadonlySet<string>) => void>();
  const tagListeners = new Set<(path: string) => void>();
  let revision = 0;
  const harness = {
    app,
    notices,
    menus,
    workspace,
    settings: { chainDepth: DEFAULT_SETTINGS.chainDepth, showIncoming: true, showContext: true },
    openIdCalls: [] as OpenIdCall[],
    chainRequests: [] as string[],
    chainFor,
    citations: {},
    excluded: new Set<string>(),
    modified: {},
    progress: null as IndexingProgress | null,
  } as Harness;
  const deps: ChainViewDeps = {
    settings: () => harness.settings,
    chain(file, depth) {
      harness.chainRequests.push(`${file?.path ?? '(none)'}@${depth}`);
      return harness.chainFor(file, depth);
    },
    noteTitle: (path) => path.replace(/^\d{12} /, '').replace(/\.md$/, ''),
    citedBy: (id) => harness.citations[id] ?? 0,
    isExcluded: (path) => harness.excluded.has(path),
    hasExclusions: () => harness.excluded.size > 0,
    modified: (path) => harness.modified[path],
    revision: () => revision,
    onIndexChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async openId(id, sourcePath, paneType) {
      harness.openIdCalls.push({ id, sourcePath, paneType });
    },
    ...(options.withoutTextsFeed === true
      ? {}
      : {
          onTextsLoaded(listener: (paths: ReadonlySet<string>) => void) {
            textListeners.add(listener);
            return () => void textListeners.delete(listener);
          },
        }),
    onTagsChanged(listener) {
      tagListeners.add(listener);
      return () => void tagListeners.delete(listener);
    },
    indexingProgress: () => harness.progress,
    isMobile: options.isMobile ?? false,
    chainText: (result, format) => (format === 'outline' ? renderOutline(result) : `graph TD %% ${result.root.path}\n`),
  };
  harness.fireIndexChange = () => {
    revision++;
    for (const listener of listeners) listener();
  };
  harness.textListenerCount = () => textListeners.size;
  harness.fireTagsChanged = (path) => {
    for (const listener of tagListeners) listener(path);
  };
  harness.tagListenerCount = () => tagListeners.size;
  harness.fireTextsLoaded = (paths) => {
    for (const listener of textListeners) listener(new Set(paths));
  };
  harness.openFile = (path) => {
    // A note opens from the vault: a view pinned to it finds it there (the fake vault's create adds the file before its first await).
    if (app.vault.getAbstractFileByPath(path) === null) void app.vault.create(path, '');
    const file = app.vault.getFileByPath(path) ?? fakeFile(path);
    workspace.setActiveFile(file);
    return file;
  };
  const leaf = workspace.getLeaf(true);
  const view = new ChainView(leaf as unknown as obsidian.WorkspaceLeaf, deps);
  document.body.appendChild(view.containerEl);
  await leaf.open(view as never);
  harness.view = view;
  harness.content = () => view.contentEl;
  return harness;
}

export const EXECUTION = '202104291524 Execution is the priority of the team.md';

/** The core form of chainModels' mixedModel: a cycle, an unresolved and an ambiguous ID, counts and contexts. */
export function mixedChain(): ChainComputation {
  return coreChain(
    EXECUTION,
    '202104291524',
    'Execution is the priority of the team',
    [
      coreNode('202108191025', 'Teams exist for a reason', {
        mentions: 2,
        context: '…After all, 202108191025 Teams exist for a reason and the reason…',
        children: [
          coreNode('202104291524', 'Execution is the priority of the team', { cycle: true, context: 'See 202104291524 for why.' }),
          coreNode('202109260705', 'Ownership is shared', { truncated: 4 }),
        ],
      }),
      coreNode('202112311199', '', { path: null, status: 'unresolved', context: 'Broken: 202112311199 somewhere' }),
      coreNode('202203151000', '', {
        path: null,
        status: 'ambiguous',
        candidates: ['202203151000 Feedback is a habit.md', '202203151000 Praise in public.md'],
      }),
    ],
    [coreNode(null, 'Reading list', { context: 'Start at 202104291524.' })],
  );
}
