/** Loading and saving the plugin's settings in data.json; a bad file never stops the plugin. */
import { normalizeSettings } from '../core/settings';
import type { NormalizedSettings, PrincipleChainSettings } from '../core/settings';

/** The two Plugin methods that reach data.json. */
export interface SettingsStorage {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

/**
 * Reads and normalises the stored settings. An unreadable or corrupt data.json gives the defaults
 * and a problem; the file itself is left alone until the user changes a setting.
 */
export async function loadSettings(storage: SettingsStorage): Promise<NormalizedSettings> {
  let raw: unknown;
  try {
    raw = await storage.loadData();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { settings: normalizeSettings(null).settings, problems: [`Stored settings could not be read (${why}); using defaults.`] };
  }
  return normalizeSettings(raw);
}

/** Writes the settings as data.json holds them: a plain copy, nothing shared with the live object. */
export async function saveSettings(storage: SettingsStorage, settings: PrincipleChainSettings): Promise<void> {
  await storage.saveData({ ...settings, ownIdSources: [...settings.ownIdSources], excludedFolders: [...settings.excludedFolders] });
}

/** The notice shown when stored settings were replaced by defaults. */
export function settingsProblemsMessage(problems: readonly string[]): string {
  return ['Principle Chain: some stored settings were invalid and use their defaults.', ...problems.map((p) => `• ${p}`)].join('\n');
}
