/**
 * The repair's own state in the plugin folder (`repair.json` next to data.json): the rename history
 * and the record of the last run. Kept out of data.json so saving settings never drops it.
 */
import { emptyRepairState, parseRepairState, serializeRepairState, type RepairState } from '../../core/repair/state';

/** The adapter calls the store needs (Obsidian's DataAdapter has them). */
export interface StateFiles {
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<string>;
  write(path: string, data: string): Promise<void>;
}

/** Loads once on first use (never in onload) and writes one save at a time, in order. */
export class RepairStore {
  private loaded: Promise<RepairState> | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly files: StateFiles,
    private readonly path: string,
  ) {}

  state(): Promise<RepairState> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  /** Saves the current state; a failed write is reported to the caller, later saves still run. */
  async save(): Promise<void> {
    const state = await this.state();
    const next = this.saving.then(() => this.files.write(this.path, serializeRepairState(state)));
    this.saving = next.catch(() => undefined);
    await next;
  }

  private async read(): Promise<RepairState> {
    try {
      if (await this.files.exists(this.path)) return parseRepairState(await this.files.read(this.path));
    } catch {
      // Unreadable state is treated as none: losing an undo record must not stop the plugin.
    }
    return emptyRepairState();
  }
}
