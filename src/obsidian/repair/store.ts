/**
 * The repair's own state in the plugin folder (`repair.json` next to data.json): the rename history
 * and the record of the last run. Kept out of data.json so saving settings never drops it.
 */
import { Notice } from 'obsidian';
import { damagedCopyPath } from '../../core/pluginFolder';
import { emptyRepairState, readRepairState, serializeRepairState, type RepairState } from '../../core/repair/state';

/** The adapter calls the store needs (Obsidian's DataAdapter has them). */
export interface StateFiles {
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<string>;
  write(path: string, data: string): Promise<void>;
  rename(path: string, newPath: string): Promise<void>;
}

export interface RepairStoreOptions {
  /** Tells the user something about the stored state (a notice unless a test supplies another). */
  readonly warn?: (message: string) => void;
  readonly now?: () => Date;
}

/**
 * Loads once on first use (never in onload) and writes one save at a time, in order. A damaged file
 * is kept aside under a new name before anything is saved over it; a file that cannot be read or
 * kept aside is never overwritten.
 */
export class RepairStore {
  private loaded: Promise<RepairState> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Why saving is refused (the file on disk could not be read and is still there), or null. */
  private refusal: string | null = null;
  private readonly warn: (message: string) => void;
  private readonly now: () => Date;

  constructor(
    private readonly files: StateFiles,
    private readonly path: string,
    options: RepairStoreOptions = {},
  ) {
    this.warn = options.warn ?? ((message) => new Notice(message, 0));
    this.now = options.now ?? (() => new Date());
  }

  state(): Promise<RepairState> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  /** Saves the current state; a failed or refused write is reported to the caller, later saves still run. */
  async save(): Promise<void> {
    const state = await this.state();
    if (this.refusal !== null) throw new Error(this.refusal);
    const next = this.saving.then(() => this.files.write(this.path, serializeRepairState(state)));
    this.saving = next.catch(() => undefined);
    await next;
  }

  private async read(): Promise<RepairState> {
    let text: string;
    try {
      if (!(await this.files.exists(this.path))) return emptyRepairState();
      text = await this.files.read(this.path);
    } catch (error) {
      this.refuse(`it could not be read (${messageOf(error)})`);
      return emptyRepairState();
    }
    const { state, damage } = readRepairState(text);
    if (damage === null) return state;
    const aside = damagedCopyPath(this.path, this.now());
    try {
      await this.files.rename(this.path, aside);
    } catch (error) {
      this.refuse(`it is damaged (${damage}) and could not be kept aside (${messageOf(error)})`);
      return state;
    }
    this.warn(`Principle Chain: ${this.path} was damaged (${damage}). It was kept as ${aside}; what could be read from it is still used.`);
    return state;
  }

  private refuse(why: string): void {
    this.refusal = `${this.path} is not overwritten: ${why}`;
    this.warn(`Principle Chain: ${this.refusal}. Repairs still work, but rename history and undo are not saved until the file is fixed or removed.`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
