/**
 * The plugin's own settings in the vault (data.json in its folder of the configuration folder), read
 * as the plugin reads them (normalizeSettings), so the tool and Obsidian agree without options.
 */
import * as path from 'path';
import { PLUGIN_ID, pluginFolderIn } from '../core/pluginFolder';
import { normalizeSettings, type PrincipleChainSettings } from '../core/settings';
import { UsageError } from './errors';
import { describeError, readNote } from './readVault';
import type { VaultFs } from './vaultFs';
import { OVERRIDING_OPTIONS } from './vaultSettings';

/** Obsidian's configuration folder unless the vault was set up with another (then pass --config-dir). */
export const DEFAULT_CONFIG_DIR = '.obsidian';

export interface StoredSettings {
  /** The stored settings the tool uses, normalised: defaults for those not stored, overridden, or stored with a bad value. */
  readonly settings: PrincipleChainSettings;
  /** The vault-relative path of the file they were read from, or null when the vault has none. */
  readonly file: string | null;
  /** One message per stored value the tool uses that was replaced by its default, as the plugin says it. */
  readonly problems: readonly string[];
}

/** The settings file's vault-relative path for a configuration folder. */
export function pluginSettingsPath(configDir: string): string {
  return `${pluginFolderIn(configDir, PLUGIN_ID)}/data.json`;
}

/**
 * Reads the plugin's settings from the vault. A vault without the file has the defaults. A bad value
 * falls back to its default with a problem, as in the plugin, and only values the tool uses and no
 * option given overrides are looked at. A file that cannot be read, is not JSON or holds no object is a usage error:
 * the settings in it are the user's, and guessing them could check, or rewrite, notes in folders
 * they excluded.
 */
export async function readPluginSettings(directory: string, configDir: string, fs: VaultFs, givenOptions: ReadonlySet<string>): Promise<StoredSettings> {
  const file = pluginSettingsPath(configDir);
  const absolute = path.join(directory, ...file.split('/'));
  const kind = await fs.kind(absolute);
  if (kind === null) return { settings: normalizeSettings(null).settings, file: null, problems: [] };
  const cannot = (why: string): UsageError =>
    new UsageError(`The plugin's settings in ${file} cannot be used: ${why}. Fix the file (Obsidian then reads it too), or give --no-plugin-settings to go without it.`);
  if (kind !== 'file') throw cannot('it is not a file');
  const text = await readNote(fs, absolute);
  if (typeof text !== 'string') throw cannot(text.reason);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw cannot(`it is not JSON (${describeError(error)})`);
  }
  // null is what the plugin reads from an empty store; a list, text or a number it reads as unreadable too.
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) throw cannot(`it holds ${Array.isArray(raw) ? 'a list' : typeof raw === 'string' ? 'text' : `a ${typeof raw}`}, not an object of settings`);
  const { settings, problems } = normalizeSettings(usedPart(raw, givenOptions));
  return { settings, file, problems };
}

/** What the stored object holds that the tool uses and no given option overrides; anything else as it is. */
function usedPart(raw: unknown, givenOptions: ReadonlySet<string>): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const used: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(OVERRIDING_OPTIONS)) {
    if (Object.prototype.hasOwnProperty.call(raw, key) && !givenOptions.has(option)) used[key] = (raw as Record<string, unknown>)[key];
  }
  return used;
}
