/** @jest-environment jsdom */
import type { MarkdownPostProcessorContext, PluginManifest } from 'obsidian';
import PrincipleChainPlugin from '../../main';
import manifestJson from '../../manifest.json';
import * as fake from '../mocks/obsidian';

/** The plugin as Obsidian starts it, in the fake: the ID links, commands and settings tab it wires. */
async function started() {
  const app = new fake.App();
  await app.vault.create('202108191025 Teams exist for a reason.md', 'Builds on 202104291524.');
  await app.vault.create('202104291524 Execution.md', '');
  app.workspace.layoutReady = false;
  const plugin = new PrincipleChainPlugin(app as never, { ...(manifestJson as PluginManifest) });
  await fake.loadAndWait(plugin);
  return { app, plugin, registered: (plugin as unknown as fake.Plugin).registered };
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => document.body.replaceChildren());

describe('plugin wiring of the ID links', () => {
  it('registers the Reading view processor, the three commands and the settings tab', async () => {
    const { registered, plugin } = await started();
    expect(registered.postProcessors.length).toBeGreaterThanOrEqual(1);
    const ids = registered.commands.map((c) => c.id);
    for (const id of ['open-id-under-cursor', 'insert-link-to-note-by-id', 'rebuild-id-index']) expect(ids).toContain(`principle-chain:${id}`);
    expect(registered.settingTabs).toHaveLength(1);
    plugin.unload();
  });

  it('links IDs in Reading view once the index is filled at layout-ready, and stops on unload', async () => {
    const { app, registered, plugin } = await started();
    app.workspace.setLayoutReady();
    await turns(20);
    const el = document.createElement('div');
    el.appendChild(document.createElement('p')).textContent = 'See 202108191025 and 202104291524.';
    const children: fake.MarkdownRenderChild[] = [];
    const ctx = { sourcePath: 'x.md', addChild: (c: fake.MarkdownRenderChild) => children.push(c), getSectionInfo: () => null };
    for (const processor of registered.postProcessors) void processor(el, ctx as unknown as MarkdownPostProcessorContext);
    expect(Array.from(el.querySelectorAll('a.principle-chain-id')).map((a) => a.getAttribute('data-href'))).toStrictEqual([
      '202108191025 Teams exist for a reason',
      '202104291524 Execution',
    ]);
    plugin.unload();
    expect(app.vault.listenerCount('modify')).toBe(0);
  });
});
