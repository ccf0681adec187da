/** The plugin's id in manifest.json, which names its folder. */
export const PLUGIN_ID = 'principle-chain';

/** Where Obsidian keeps a plugin's own files (data.json, repair.json) in a vault with this configuration folder. */
export function pluginFolderIn(configDir: string, pluginId: string = PLUGIN_ID): string {
  return `${configDir}/plugins/${pluginId}`;
}
