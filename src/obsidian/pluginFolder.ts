import type { Plugin } from 'obsidian';
import { pluginFolderIn } from '../core/pluginFolder';

/** The plugin's folder: the manifest's `dir` (set when Obsidian loads the plugin), else where Obsidian puts it. */
export function pluginFolder(plugin: Plugin): string {
  return plugin.manifest.dir ?? pluginFolderIn(plugin.app.vault.configDir, plugin.manifest.id);
}
