/** @jest-environment jsdom */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { MarkdownFileInfo, MarkdownPostProcessorContext, PluginManifest } from 'obsidian';
import PrincipleChainPlugin from '../../main';
import manifestJson from '../../manifest.json';
import * as fake from '../mocks/obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { VaultIndexer } from '../../src/obsidian/indexer';
import type { IndexChange } from '../../src/core/types';
import { decorated, languageFor } from '../editor/setup';

// Turning the plugin on with notes already open: the layout is ready (onLayoutReady runs its callback
// at once), a Reading view and an editor are showing, and the index starts empty.
const TEAMS = '202108191025 Teams exist for a reason.md';
const NOTE = 'Note.md';

async function vaultWithOpenNote(): Promise<{ app: fake.App; reading: fake.MarkdownView }> {
  const app = new fake.App();
  await app.vault.create(TEAMS, 'Builds on 202104291524.');
  await app.vault.create('202104291524 Execution.md', '');
  await app.vault.create(NOTE, 'See 202108191025 and 202104291524.');
  const leaf = app.workspace.getLeaf(true);
  const reading = new fake.MarkdownView(leaf);
  reading.mode = 'preview';
  reading.file = app.vault.getFileByPath(NOTE);
  leaf.view = reading;
  return { app, reading };
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

describe('enabling the plugin with notes open', () => {
  it('re-renders an open Reading view once the index can resolve IDs, and its IDs link', async () => {
    const { app, reading } = await vaultWithOpenNote();
    expect(app.workspace.layoutReady).toBe(true);
    const plugin = new PrincipleChainPlugin(app as never, { ...(manifestJson as PluginManifest) });
    await fake.loadAndWait(plugin);
    await turns(20);
    expect(reading.previewMode.rerenders).toBeGreaterThanOrEqual(1);
    // What the re-render runs: the post processor over the note's sections.
    const el = document.createElement('div');
    el.appendChild(document.createElement('p')).textContent = 'See 202108191025 and 202104291524.';
    const ctx = { sourcePath: NOTE, addChild: () => undefined, getSectionInfo: () => null } as unknown as MarkdownPostProcessorContext;
    for (const processor of (plugin as unknown as fake.Plugin).registered.postProcessors) void processor(el, ctx);
    expect(Array.from(el.querySelectorAll('a.principle-chain-id')).map((a) => a.textContent)).toStrictEqual(['202108191025', '202104291524']);
    plugin.unload();
  });

  it('an editor open when the plugin is enabled shows its IDs as links as soon as the index has them', async () => {
    const { app } = await vaultWithOpenNote();
    const plugin = new PrincipleChainPlugin(app as never, { ...(manifestJson as PluginManifest) });
    await fake.loadAndWait(plugin);
    // Obsidian adds a registered editor extension to the editors already open (d.ts registerEditorExtension).
    const info = { app, file: app.vault.getFileByPath(NOTE), hoverPopover: null } as unknown as MarkdownFileInfo;
    const state = EditorState.create({
      doc: 'See 202108191025 and 202104291524.',
      extensions: [languageFor('HyperMD'), fake.editorInfoField.init(() => info), fake.editorLivePreviewField.init(() => true), (plugin as unknown as fake.Plugin).registered.editorExtensions],
    });
    const view = new EditorView({ state, parent: document.body });
    views.push(view);
    await turns(20);
    expect(decorated(view).map((d) => [d.text, d.cls])).toStrictEqual([
      ['202108191025', 'principle-chain-id'],
      ['202104291524', 'principle-chain-id'],
    ]);
    plugin.unload();
  });

  it('no index event is sent while the indexer loads: a feature subscribed right after hears the first', async () => {
    const { app } = await vaultWithOpenNote();
    const parent = new fake.Component();
    parent.load();
    const indexer = parent.addChild(new VaultIndexer({ app: app as never, settings: () => ({ ...DEFAULT_SETTINGS, excludedFolders: [] }) }));
    const heard: IndexChange[] = [];
    indexer.services.onIndexChange((change) => heard.push(change));
    expect(indexer.services.index.resolve('202108191025').status).toBe('unresolved');
    await indexer.whenIdle();
    await turns(2);
    await indexer.whenIdle();
    expect(heard[0]).toBe('all');
    expect(indexer.services.index.resolve('202108191025').status).toBe('resolved');
    parent.unload();
  });
});
