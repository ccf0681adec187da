import { Notice, Plugin } from 'obsidian';
import { SettingsStore } from './src/core/settingsStore';
import { registerEditorLinks } from './src/obsidian/editorLinks';
import { registerChainView } from './src/obsidian/chainCommands';
import { registerChainBlocks } from './src/obsidian/codeBlock';
import { registerCommands } from './src/obsidian/commands';
import { VaultIndexer } from './src/obsidian/indexer';
import { PersistedIndexCache } from './src/obsidian/persistedIndexCache';
import { chooseCacheStore } from './src/obsidian/indexCacheStores';
import { pluginFolder } from './src/obsidian/pluginFolder';
import { registerReadingView } from './src/obsidian/readingView';
import { registerRepair } from './src/obsidian/repair/register';
import { loadSettings, reloadSettings, SettingsFile, settingsProblemsMessage } from './src/obsidian/settingsData';
import { PrincipleChainSettingTab } from './src/obsidian/settingsTab';

/**
 * Principle Chain: wiring only. Settings are loaded here, the indexer owns the ID index, and each
 * feature registers itself from its own module with the same narrow services.
 */
export default class PrincipleChainPlugin extends Plugin {
  private reload: (() => Promise<void>) | null = null;

  async onload(): Promise<void> {
    const loaded = await loadSettings(this);
    // Long enough to read; the user can dismiss it.
    if (loaded.problems.length > 0) new Notice(settingsProblemsMessage(loaded.problems), 15000);
    const file = new SettingsFile(this, { adapter: this.app.vault.adapter, folder: pluginFolder(this) }, loaded, (message) => new Notice(message, 15000));
    const settings = new SettingsStore(loaded.settings, (next, changed) => file.save(next, changed));
    this.reload = () => reloadSettings(this, file, settings, (message) => new Notice(message, 15000));

    // Restarts reuse the facts of unchanged notes; a snapshot still pending is written on unload.
    const indexCache = new PersistedIndexCache({
      store: chooseCacheStore({
        appId: (this.app as { appId?: unknown }).appId,
        indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
        adapter: this.app.vault.adapter,
        pluginDir: pluginFolder(this),
      }),
      pluginVersion: this.manifest.version,
    });
    this.register(() => void indexCache.flush());
    // Reads no files now: the indexer starts once the workspace layout is ready.
    const indexer = this.addChild(
      new VaultIndexer({
        app: this.app,
        settings: () => settings.get(),
        cache: indexCache,
        statusBar: () => this.addStatusBarItem(),
      }),
    );
    // Features: one `register…(this, indexer.services)` line each, below.
    registerChainView(this, indexer.services);
    registerChainBlocks(this, indexer.services);
    registerEditorLinks(this, indexer.services);
    // Repair also reads the index's stored references, to skip notes that need no repair.
    registerRepair(this, indexer.services, indexer);
    registerReadingView(this, indexer.services);
    registerCommands(this, { services: indexer.services, rebuild: () => indexer.rebuild({ readEveryNote: true }) });
    this.addSettingTab(new PrincipleChainSettingTab(this.app, this, { get: () => settings.get(), update: (patch) => settings.update(patch), storedFormat: () => file.storedValue('idFormat') }));
    // A change takes effect at once: a rebuild when it changes what the index holds (in the
    // background, with its own progress), else a redraw; open editors refresh either way.
    this.register(
      settings.onChange(({ needsRebuild }) => {
        if (needsRebuild) void indexer.rebuild();
        else indexer.notifyAll();
        this.app.workspace.updateOptions();
      }),
    );
  }

  /** Obsidian calls this when data.json changed on disk, by Sync or another program (obsidian.d.ts, since 1.5.7). */
  async onExternalSettingsChange(): Promise<void> {
    await this.reload?.();
  }
}
