/** Loading and saving the plugin's settings in data.json; a bad file never stops the plugin, and loses nothing. */
import type { DataAdapter } from 'obsidian';
import { damagedCopyPath } from '../core/pluginFolder';
import { normalizeSettings, storedForm } from '../core/settings';
import type { NormalizedSettings, PrincipleChainSettings } from '../core/settings';
import type { SettingsStore } from '../core/settingsStore';

/** The two Plugin methods that reach data.json. */
export interface SettingsStorage {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

/** Where data.json lies, to copy an unreadable one aside before a save replaces it. */
export interface SettingsFolder {
  readonly adapter: Pick<DataAdapter, 'exists' | 'copy'>;
  /** The plugin's folder (pluginFolder). */
  readonly folder: string;
  /** The time that names the copy (damagedCopyPath). */
  readonly now?: () => Date;
}

/** What loading found: the settings to use, and whether data.json was there but held no settings to read. */
export interface LoadedSettings extends NormalizedSettings {
  /** data.json could not be parsed, or held JSON other than an object (a list, text, a number). */
  readonly unreadable: boolean;
}

const KEPT_ASIDE = 'Before a changed setting is saved, the file is kept as data.json.damaged-<time>.';

/**
 * Reads and normalises the stored settings. An unreadable or corrupt data.json gives the defaults
 * and a problem; the file itself is left alone until the user changes a setting.
 */
export async function loadSettings(storage: SettingsStorage): Promise<LoadedSettings> {
  let raw: unknown;
  try {
    raw = await storage.loadData();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...normalizeSettings(null), problems: [`Stored settings could not be read (${why}); using defaults. ${KEPT_ASIDE}`], unreadable: true };
  }
  // A missing data.json loads as null (obsidian-dataview#149).
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
    const held = Array.isArray(raw) ? 'a list' : typeof raw === 'string' ? 'text' : `a ${typeof raw}`;
    return { ...normalizeSettings(null), problems: [`Stored settings were not an object but ${held}; using defaults. ${KEPT_ASIDE}`], unreadable: true };
  }
  return { ...normalizeSettings(raw), unreadable: false };
}

/** Writes the settings as data.json holds them, with what the stored file had that they do not use (`kept`). */
export async function saveSettings(storage: SettingsStorage, settings: PrincipleChainSettings, kept: ReadonlyMap<string, unknown> = new Map()): Promise<void> {
  await storage.saveData(storedForm(settings, kept));
}

/**
 * data.json as the plugin found it and has saved it since. Keys this version does not know and
 * stored values it replaced by defaults are written back until the user changes that setting; a
 * file that could not be read is copied aside, byte for byte, before the first save replaces it.
 */
export class SettingsFile {
  private readonly kept: Map<string, unknown>;
  private unreadable: boolean;

  constructor(
    private readonly storage: SettingsStorage,
    private readonly place: SettingsFolder,
    loaded: LoadedSettings,
    /** Shows the user a message (a Notice). */
    private readonly tell: (message: string) => void,
  ) {
    this.kept = new Map(loaded.kept);
    this.unreadable = loaded.unreadable;
  }

  /**
   * Saves `settings`; `changed` are the settings the user set in this change (SettingsStore). A
   * failure is told to the user, then thrown; nothing is written over a file it could not copy aside.
   */
  async save(settings: PrincipleChainSettings, changed: readonly string[]): Promise<void> {
    try {
      if (this.unreadable) {
        await this.copyUnreadableAside();
        this.unreadable = false;
      }
      for (const key of changed) this.kept.delete(key);
      await saveSettings(this.storage, settings, this.kept);
    } catch (error) {
      this.tell(settingsNotSavedMessage(error));
      throw error;
    }
  }

  /** A setting's value as data.json holds it, when the plugin could not use it (undefined otherwise). */
  storedValue(key: string): unknown {
    return this.kept.get(key);
  }

  /** data.json was read again (changed on disk): what a save keeps comes from what it holds now. */
  reread(loaded: LoadedSettings): void {
    this.kept.clear();
    for (const [key, value] of loaded.kept) this.kept.set(key, value);
    this.unreadable = loaded.unreadable;
  }

  /**
   * data.json changed on disk into something unreadable: what a save keeps stays as it was, and the
   * file is copied aside before a save replaces it.
   */
  unreadableOnDisk(): void {
    this.unreadable = true;
  }

  /**
   * Copies data.json beside itself, as repair.json is kept when damaged, under a name no file has:
   * obsidian.d.ts does not say whether a copy over a file replaces it or fails.
   */
  private async copyUnreadableAside(): Promise<void> {
    const { adapter, folder, now = () => new Date() } = this.place;
    const data = `${folder}/data.json`;
    if (!(await adapter.exists(data))) return;
    const base = damagedCopyPath(data, now());
    let target = base;
    for (let n = 2; await adapter.exists(target); n++) target = `${base}-${n}`;
    await adapter.copy(data, target);
  }
}

/**
 * data.json changed on disk, not through the plugin (Obsidian Sync from another device, say): its
 * settings apply at once and are not written back. A file that cannot be read now (a sync still
 * writing it) changes nothing: the settings in use stay, and the file is left alone until a changed
 * setting is saved, which copies it aside first.
 */
export async function reloadSettings(storage: SettingsStorage, file: SettingsFile, store: SettingsStore, tell: (message: string) => void): Promise<void> {
  const loaded = await loadSettings(storage);
  if (loaded.unreadable) {
    file.unreadableOnDisk();
    return;
  }
  if (loaded.problems.length > 0) tell(settingsProblemsMessage(loaded.problems));
  file.reread(loaded);
  await store.replace(loaded.settings);
}

/** The notice shown when stored settings were replaced by defaults or lost entries; each problem says which. */
export function settingsProblemsMessage(problems: readonly string[]): string {
  return ['Principle Chain: some stored settings were invalid.', ...problems.map((p) => `• ${p}`)].join('\n');
}

/** The notice shown when a changed setting could not be saved. */
export function settingsNotSavedMessage(error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `Principle Chain: the settings could not be saved (${why}). The change applies until Obsidian restarts.`;
}
