/** The live settings: one store that every part reads, that the settings tab changes, and that says what a change needs. */
import { indexSettingsKey, type PrincipleChainSettings } from './settings';

/** A change as listeners hear it once its save is over (saved or not: it applies either way). */
export interface SettingsChange {
  readonly before: PrincipleChainSettings;
  readonly after: PrincipleChainSettings;
  /** Whether what the index holds changed (ID format, own-ID sources, excluded folders), so it must be built again. */
  readonly needsRebuild: boolean;
}

function sameSettings(a: PrincipleChainSettings, b: PrincipleChainSettings): boolean {
  const keys = Object.keys(a) as (keyof PrincipleChainSettings)[];
  return keys.length === Object.keys(b).length && keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export class SettingsStore {
  private current: PrincipleChainSettings;
  private readonly listeners = new Set<(change: SettingsChange) => void>();
  /** The last save asked for: each save waits for the one before, so data.json ends with the latest settings. */
  private saving: Promise<void> = Promise.resolve();

  /**
   * `save` persists the settings (data.json), told which settings the change set (a value the stored
   * file kept for them is the user's no longer); a change is heard once its save is over.
   */
  constructor(
    initial: PrincipleChainSettings,
    private readonly save: (settings: PrincipleChainSettings, changed: readonly (keyof PrincipleChainSettings)[]) => Promise<void>,
  ) {
    this.current = initial;
  }

  /** The settings now (read on every use, never kept: they change). */
  get(): PrincipleChainSettings {
    return this.current;
  }

  /**
   * Applies the patch at once, saves, then tells the listeners. A failed save still reaches every
   * listener, since the change applies for the session (the index must match what the tab shows),
   * and then the caller.
   */
  async update(patch: Partial<PrincipleChainSettings>): Promise<void> {
    const before = this.current;
    const after: PrincipleChainSettings = { ...before, ...patch };
    this.current = after;
    const changed = Object.keys(patch) as (keyof PrincipleChainSettings)[];
    const saved = this.saving.then(() => this.save(after, changed));
    this.saving = saved.catch(() => undefined);
    try {
      await saved;
    } finally {
      const change: SettingsChange = { before, after, needsRebuild: indexSettingsKey(after) !== indexSettingsKey(before) };
      for (const listener of [...this.listeners]) listener(change);
    }
  }

  /**
   * Takes settings stored by someone else (data.json changed on disk): they apply and the listeners
   * hear it, but nothing is saved, as the file holds them already. A save still under way finishes
   * first, so the file's newer settings are the ones that stay.
   */
  async replace(next: PrincipleChainSettings): Promise<void> {
    await this.saving;
    const before = this.current;
    if (sameSettings(before, next)) return;
    this.current = next;
    const change: SettingsChange = { before, after: next, needsRebuild: indexSettingsKey(next) !== indexSettingsKey(before) };
    for (const listener of [...this.listeners]) listener(change);
  }

  /** Subscribes to changes, heard once their save is over; returns the unsubscribe function. */
  onChange(listener: (change: SettingsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
