/** Entry point of the repair feature: its three commands and the rename follow-up. */
import { TFile, type Plugin } from 'obsidian';
import type { IdServices } from '../services';
import { isNote, RepairController, type IndexedNotes } from './controller';
import type { ScreenableIndex } from '../../core/repair/screen';
import { REPAIR_STATE_FILE } from '../../core/repair/state';
import { pluginFolder } from '../pluginFolder';
import { RepairStore } from './store';

/** What repair asks of the indexer: its live index, whether it is building, and when it is done. */
export interface RepairIndexer {
  readonly index: ScreenableIndex;
  /** Whether a build (start-up or rebuild) is running: the index does not know every note yet. */
  readonly indexing: boolean;
  /** Resolves once the running build and every pending file update have been applied. */
  whenIdle(): Promise<void>;
}

/** The index as a plan may trust it: only once no build runs and every vault change is applied. */
export function indexedNotes(indexer: RepairIndexer): IndexedNotes {
  return {
    index: indexer.index,
    async current() {
      // A build in progress is not waited for (it can take minutes): the plan reads every note, as before.
      if (indexer.indexing) return false;
      await indexer.whenIdle();
      return !indexer.indexing;
    },
  };
}

/**
 * Registers "Repair ID links in vault…", "Repair ID links in current note", "Undo last repair" and
 * rename handling. With the indexer, plans read only the notes its index cannot rule out.
 */
export function registerRepair(plugin: Plugin, services: IdServices, indexer?: RepairIndexer): RepairController {
  const { app } = plugin;
  const controller = new RepairController({
    app,
    services,
    store: new RepairStore(app.vault.adapter, `${pluginFolder(plugin)}/${REPAIR_STATE_FILE}`),
    ...(indexer === undefined ? {} : { indexed: indexedNotes(indexer) }),
  });
  plugin.register(() => controller.dispose());

  plugin.addCommand({
    id: 'repair-id-links-in-vault',
    name: 'Repair ID links in vault…',
    callback: () => void controller.repairVault(),
  });
  plugin.addCommand({
    id: 'repair-id-links-in-current-note',
    name: 'Repair ID links in current note',
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!isNote(file)) return false;
      if (!checking) void controller.repairNote(file);
      return true;
    },
  });
  plugin.addCommand({
    id: 'undo-last-repair',
    name: 'Undo last repair',
    callback: () => void controller.undoLast(),
  });
  // Registered now, so the plugin's unload removes it even before the layout is ready; heard only
  // after layout-ready, as the start-up burst is not the user renaming notes.
  let layoutReady = false;
  app.workspace.onLayoutReady(() => {
    layoutReady = true;
  });
  plugin.registerEvent(
    app.vault.on('rename', (file, oldPath) => {
      if (layoutReady && file instanceof TFile) void controller.onRename(file, oldPath);
    }),
  );
  return controller;
}
