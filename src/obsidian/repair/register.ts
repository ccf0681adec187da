/** Entry point of the repair feature: its three commands and the rename follow-up. */
import { TFile, type Plugin } from 'obsidian';
import type { IdServices } from '../services';
import { isNote, RepairController } from './controller';
import { REPAIR_STATE_FILE } from '../../core/repair/state';
import { pluginFolder } from '../pluginFolder';
import { RepairStore } from './store';

/** Registers "Repair ID links in vault…", "Repair ID links in current note", "Undo last repair" and rename handling. */
export function registerRepair(plugin: Plugin, services: IdServices): RepairController {
  const { app } = plugin;
  const controller = new RepairController({ app, services, store: new RepairStore(app.vault.adapter, `${pluginFolder(plugin)}/${REPAIR_STATE_FILE}`) });
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
  app.workspace.onLayoutReady(() => {
    // Only after layout-ready: the start-up burst is not the user renaming notes.
    plugin.registerEvent(
      app.vault.on('rename', (file, oldPath) => {
        if (file instanceof TFile) void controller.onRename(file, oldPath);
      }),
    );
  });
  return controller;
}
