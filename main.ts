import { Notice, Plugin } from 'obsidian';
import { DEFAULT_SETTINGS } from './src/core/settings';
import type { PrincipleChainSettings } from './src/core/settings';
import { registerEditorLinks } from './src/obsidian/editorLinks';
import { registerChainView } from './src/obsidian/chainCommands';
import { registerChainBlocks } from './src/obsidian/codeBlock';
import { registerCommands } from './src/obsidian/commands';
import { VaultIndexer } from './src/obsidian/indexer';
import { PluginFolderIndexCache } from './src/obsidian/indexCache';
import { pluginFolder } from './src/obsidian/pluginFolder';
import { registerReadingView } from './src/obsidian/readingView';
import { registerRepair } from './src/obsidian/repair/register';
import { loadSettings, saveSettings, settingsProblemsMessage } from './src/obsidian/settingsStore';
import { PrincipleChainSettingTab } from './src/obsidian/settingsTab';

/**
 * Principle Chain: wiring only. Settings are loaded here, the indexer owns the ID index, and each
 * feature registers itself from its own module with the same narrow services.
 */
export default class PrincipleChainPlugin extends Plugin {
  private current: PrincipleChainSettings = { ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], excludedFolders: [] };

  async onload(): Promise<void> {
    const { settings, problems } = await loadSettings(this);
    this.current = settings;
    // Long enough to read; the user can dismiss it.
    if (problems.length > 0) new Notice(settingsProblemsMessage(problems), 15000);

    // Restarts reuse the facts of unchanged notes; a snapshot still pending is written on unload.
    const indexCache = new PluginFolderIndexCache({
      adapter: this.app.vault.adapter,
      pluginDir: pluginFolder(this),
      pluginVersion: this.manifest.version,
    });
    this.register(() => void indexCache.flush());
    // Reads no files now: the indexer starts once the workspace layout is ready.
    const indexer = this.addChild(
      new VaultIndexer({
        app: this.app,
        settings: () => this.current,
        cache: indexCache,
        statusBar: () => this.addStatusBarItem(),
      }),
    );
    // Features: one `register…(this, indexer.services)` line each, below.
    registerChainView(this, indexer.services);
    registerChainBlocks(this, indexer.services);
    registerEditorLinks(this, indexer.services);
    registerRepair(this, indexer.services);
    registerReadingView(this, indexer.services);
    registerCommands(this, { services: indexer.services, rebuild: () => indexer.rebuild() });
    this.addSettingTab(
      new PrincipleChainSettingTab(this.app, this, {
        settings: () => this.current,
        save: (next) => this.storeSettings(next),
        rebuild: () => indexer.rebuild(),
        refresh: () => indexer.notifyAll(),
      }),
    );
  }

  /** Replaces and persists the settings: what the settings tab's `save` calls. */
  private async storeSettings(next: PrincipleChainSettings): Promise<void> {
    this.current = next;
    await saveSettings(this, next);
  }
}
