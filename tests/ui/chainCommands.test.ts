/** @jest-environment jsdom */
import type * as obsidian from 'obsidian';
import { App, Plugin, createFakeApp, fakeFile } from '../mocks/obsidian';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { IdIndexReader } from '../../src/core/types';
import { registerChainView } from '../../src/obsidian/chainCommands';
import type { IdServices } from '../../src/obsidian/services';
import { CHAIN_VIEW_TYPE, ChainView } from '../../src/ui/chainView';

class TestPlugin extends Plugin {}

const emptyIndex: IdIndexReader = {
  revision: 0,
  resolve: (id) => ({ id, status: 'unresolved', paths: [] }),
  isKnownId: () => false,
  note: () => undefined,
  notes: () => [],
  referencesOf: () => [],
  referencesTo: () => [],
  duplicates: () => new Map(),
};

/** A → B → C: three notes, each building on the next. */
function lineIndex(): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  const notes: [string, string][] = [
    ['202101010000 A.md', 'Builds on 202101010001 B.'],
    ['202101010001 B.md', 'Builds on 202101010002 C.'],
    ['202101010002 C.md', 'The end.'],
  ];
  for (const [path, text] of notes) index.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, options) });
  return index;
}

function setUp(
  index: IdIndexReader = emptyIndex,
  { app, notices } = createFakeApp(),
): { app: App; plugin: TestPlugin; notices: readonly string[]; command(name: string): obsidian.Command } {
  const plugin = new TestPlugin(app as unknown as obsidian.App, { id: 'principle-chain', name: 'Principle Chain' } as obsidian.PluginManifest);
  const services: IdServices = {
    app: app as unknown as obsidian.App,
    settings: () => ({ ...DEFAULT_SETTINGS, chainDepth: 2 }),
    format: () => {
      throw new Error('unused');
    },
    index,
    onIndexChange: () => () => undefined,
    openId: async () => undefined,
  };
  plugin.load();
  registerChainView(plugin as unknown as obsidian.Plugin, services);
  const command = (name: string): obsidian.Command => {
    const found = plugin.registered.commands.find((c) => c.name === name);
    if (!found) throw new Error(`no command ${name}`);
    return found;
  };
  return { app, plugin, notices, command };
}

afterEach(() => document.body.empty());

test('registers the view, its preview source, a ribbon icon and its commands without hotkeys', () => {
  const { plugin } = setUp();
  // Workspace layouts users have saved name the view by its type: it never changes.
  expect([...plugin.registered.views.keys()]).toStrictEqual(['principle-chain']);
  expect(plugin.registered.ribbonIcons.map((r) => r.icon)).toStrictEqual(['git-fork']);
  expect(plugin.registered.hoverLinkSources.get(CHAIN_VIEW_TYPE)).toStrictEqual({ display: 'Principle Chain', defaultMod: true });
  expect(plugin.registered.ribbonIcons.map((r) => r.title)).toStrictEqual(['Open principle chain']);
  expect(plugin.registered.commands.map((c) => [c.id, c.name, c.hotkeys])).toStrictEqual([
    ['principle-chain:open-chain-view', 'Open chain view', undefined],
    ['principle-chain:open-another-chain-view', 'Open another chain view', undefined],
    ['principle-chain:copy-chain-as-outline', 'Copy chain as outline', undefined],
    ['principle-chain:copy-chain-as-mermaid', 'Copy chain as Mermaid', undefined],
    ['principle-chain:expand-all-in-chain', 'Expand all entries of the chain', undefined],
    ['principle-chain:collapse-all-in-chain', 'Collapse all entries of the chain', undefined],
  ]);
});

test('"Open chain view" opens one view in a side leaf and reveals it again instead of adding another', async () => {
  const { app, command, plugin } = setUp();
  await (command('Open chain view').callback as () => Promise<void>)();
  plugin.registered.ribbonIcons[0].el.click();
  await Promise.resolve();
  await (command('Open chain view').callback as () => Promise<void>)();
  const leaves = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE);
  expect(leaves).toHaveLength(1);
  expect(leaves[0].view).toBeInstanceOf(ChainView);
  expect(leaves[0].deferredLoads).toBeGreaterThanOrEqual(2);
  expect(leaves[0].view?.getViewType()).toBe(CHAIN_VIEW_TYPE);
});

test('"Open chain view" asks for the right sidebar, made active and revealed', async () => {
  const { app, command } = setUp();
  const ensure = jest.spyOn(app.workspace, 'ensureSideLeaf');
  await (command('Open chain view').callback as () => Promise<void>)();
  // d.ts ensureSideLeaf(type, side, { active, reveal, split, state }).
  expect(ensure.mock.calls).toStrictEqual([[CHAIN_VIEW_TYPE, 'right', { active: true, reveal: true }]]);
});

test('"Open another chain view" makes the new view active and reveals it, and does nothing where no side leaf can be had', async () => {
  const { app, command } = setUp();
  const reveal = jest.spyOn(app.workspace, 'revealLeaf');
  const side = jest.spyOn(app.workspace, 'getRightLeaf');
  command('Open another chain view').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const [leaf] = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE);
  expect(leaf.getViewState()).toStrictEqual(expect.objectContaining({ type: CHAIN_VIEW_TYPE, active: true }));
  expect(reveal.mock.calls).toStrictEqual([[leaf]]);
  // Split: below the views already in the sidebar, not in place of one.
  expect(side.mock.calls).toStrictEqual([[true]]);
  // d.ts getRightLeaf(split): WorkspaceLeaf | null.
  jest.spyOn(app.workspace, 'getRightLeaf').mockReturnValue(null as never);
  command('Open another chain view').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)).toHaveLength(1);
});

test('expand and collapse all act on the active chain view, else on one following the open note, else on the first', async () => {
  const { app, command } = setUp(lineIndex());
  await (command('Open chain view').callback as () => Promise<void>)();
  await (command('Open another chain view').callback as () => Promise<void>)();
  const [first, second] = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE).map((leaf) => leaf.view as unknown as ChainView);
  const expandFirst = jest.spyOn(first, 'expandAll');
  const expandSecond = jest.spyOn(second, 'expandAll');
  const collapseFirst = jest.spyOn(first, 'collapseAll');
  const collapseSecond = jest.spyOn(second, 'collapseAll');
  // Neither is active and both follow the open note: the first.
  app.workspace.activeLeaf = null;
  command('Expand all entries of the chain').checkCallback!(false);
  expect([expandFirst.mock.calls.length, expandSecond.mock.calls.length]).toStrictEqual([1, 0]);
  // The first is pinned to a note: the second follows the open note.
  await first.setState({ pinned: '202101010001 B.md' }, { history: false });
  command('Collapse all entries of the chain').checkCallback!(false);
  expect([collapseFirst.mock.calls.length, collapseSecond.mock.calls.length]).toStrictEqual([0, 1]);
  // The pinned first is active: it wins over the one following the open note.
  app.workspace.activeLeaf = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[0];
  command('Expand all entries of the chain').checkCallback!(false);
  expect([expandFirst.mock.calls.length, expandSecond.mock.calls.length]).toStrictEqual([2, 0]);
  // The second is active.
  app.workspace.activeLeaf = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[1];
  command('Expand all entries of the chain').checkCallback!(false);
  command('Collapse all entries of the chain').checkCallback!(false);
  expect([expandFirst.mock.calls.length, expandSecond.mock.calls.length]).toStrictEqual([2, 1]);
  expect([collapseFirst.mock.calls.length, collapseSecond.mock.calls.length]).toStrictEqual([0, 2]);
  // Checking alone acts on none.
  expect(command('Expand all entries of the chain').checkCallback!(true)).toBe(true);
  expect(expandSecond).toHaveBeenCalledTimes(1);
});

test('"Copy chain as outline" says so when the active file has no chain', async () => {
  const { command, notices } = setUp();
  command('Copy chain as outline').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(notices).toStrictEqual(['Open a note with an ID or references to copy its chain.']);
});

test('"Copy chain as outline" copies the active note\'s chain at the open view\'s depth', async () => {
  const { app, command, notices } = setUp(lineIndex());
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
  app.workspace.setActiveFile(fakeFile('202101010000 A.md'));
  const copy = async (): Promise<void> => {
    command('Copy chain as outline').callback!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  await copy();
  expect(written.pop()).toBe('- 202101010000 A\n  - Builds on\n    - 202101010001 B\n      - 202101010002 C\n  - Built on by (none)\n');
  await (command('Open chain view').callback as () => Promise<void>)();
  const view = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[0].view as unknown as ChainView;
  await view.setState({ depth: 1 }, { history: false });
  await copy();
  expect(written.pop()).toBe('- 202101010000 A\n  - Builds on\n    - 202101010001 B\n  - Built on by (none)\n');
  expect(notices).toStrictEqual(['Chain copied as outline.', 'Chain copied as outline.']);
});

/** "Copy chain as outline" with A open and one chain view restored but not loaded yet, holding `state`. */
async function copyWithDeferredView(state: Record<string, unknown>): Promise<string[]> {
  const fakeApp = createFakeApp();
  const { app } = fakeApp;
  const leaf = app.workspace.getRightLeaf();
  leaf.deferred = true;
  await leaf.setViewState({ type: CHAIN_VIEW_TYPE, state });
  expect(leaf.view).toBeNull();
  const { command } = setUp(lineIndex(), fakeApp);
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
  app.workspace.setActiveFile(fakeFile('202101010000 A.md'));
  command('Copy chain as outline').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return written;
}

test('"Copy chain as outline" uses the depth saved in a deferred chain view', async () => {
  expect(await copyWithDeferredView({ depth: 1 })).toStrictEqual(['- 202101010000 A\n  - Builds on\n    - 202101010001 B\n  - Built on by (none)\n']);
});

test('"Copy chain as Mermaid" copies the chain with each note as an internal link', async () => {
  const { app, command, notices } = setUp(lineIndex());
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
  await app.vault.create('202101010001 B.md', 'Builds on 202101010002 C.');
  app.workspace.setActiveFile(fakeFile('202101010000 A.md'));
  const linktext = jest.spyOn(app.metadataCache, 'fileToLinktext');
  command('Copy chain as Mermaid').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(written).toStrictEqual([
    [
      'graph TD',
      '  n0["202101010000 A"]',
      '  n1["202101010001 B"]',
      '  n2["202101010002 C"]',
      '  n0 --> n1',
      '  n1 --> n2',
      '  classDef start stroke-width:3px',
      '  class n0 start',
      '  class n0,n1,n2 internal-link',
      '',
    ].join('\n'),
  ]);
  expect(notices).toStrictEqual(['Chain copied as Mermaid.']);
  // Link text as Obsidian writes it in the open note (only B has a file in this vault).
  expect(linktext.mock.calls.map((call) => [call[0].path, call[1]])).toStrictEqual([['202101010001 B.md', '202101010000 A.md']]);
});

test('"Open another principle chain view" adds a view beside the first; expand and collapse all act on a chain view', async () => {
  const { app, command } = setUp(lineIndex());
  const expandAll = command('Expand all entries of the chain');
  expect(expandAll.checkCallback!(true)).toBe(false);
  await (command('Open chain view').callback as () => Promise<void>)();
  await (command('Open another chain view').callback as () => Promise<void>)();
  const views = app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE).map((leaf) => leaf.view as unknown as ChainView);
  expect(views).toHaveLength(2);
  expect(views.every((view) => view instanceof ChainView)).toBe(true);
  const collapse = jest.spyOn(views[0], 'collapseAll');
  expect(command('Collapse all entries of the chain').checkCallback!(false)).toBe(true);
  expect(collapse).toHaveBeenCalledTimes(1);
});

test('"Copy chain as outline" gives the same text from a deferred view as from that view loaded: its filter applies', async () => {
  const state = { pinned: '202101010001 B.md', filter: 'C' };
  const deferred = await copyWithDeferredView(state);
  // Unfiltered, A would be listed as building on B.
  expect(deferred).toStrictEqual(['- 202101010001 B\n  - Builds on\n    - 202101010002 C\n  - Built on by (none)\n']);
  const { app, command } = setUp(lineIndex());
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
  await app.vault.create('202101010001 B.md', '');
  app.workspace.setActiveFile(fakeFile('202101010000 A.md'));
  await (command('Open chain view').callback as () => Promise<void>)();
  await (app.workspace.getLeavesOfType(CHAIN_VIEW_TYPE)[0].view as unknown as ChainView).setState(state, { history: false });
  command('Copy chain as outline').callback!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(written).toStrictEqual(deferred);
});

test('"Copy chain as outline" uses the note a deferred view is pinned to', async () => {
  expect(await copyWithDeferredView({ depth: 1, pinned: '202101010001 B.md' })).toStrictEqual(['- 202101010001 B\n  - Builds on\n    - 202101010002 C\n  - Built on by\n    - 202101010000 A\n']);
});
