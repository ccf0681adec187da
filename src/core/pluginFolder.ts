/** The plugin's id in manifest.json, which names its folder. */
export const PLUGIN_ID = 'principle-chain';

/** Where Obsidian keeps a plugin's own files (data.json, repair.json) in a vault with this configuration folder. */
export function pluginFolderIn(configDir: string, pluginId: string = PLUGIN_ID): string {
  return `${configDir}/plugins/${pluginId}`;
}

/** Where a damaged file of the plugin's (repair.json, data.json) is kept: beside it, stamped with the time it was found. */
export function damagedCopyPath(path: string, now: Date): string {
  return `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
}
