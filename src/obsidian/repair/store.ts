/**
 * The repair's own state in the plugin folder (`repair.json` next to data.json): the rename history
 * and the record of the last run. Kept out of data.json so saving settings never drops it.
 */
import { parseRenameHistory, serializeRenameHistory, type RenameHistory } from '../../core/repair/renames';
import { parseRepairRecord, type RepairRecord } from '../../core/repair/undo';

/** The file name the command-line tool reads the rename history from, too. */
export const REPAIR_STATE_FILE = 'repair.json';

/** The adapter calls the store needs (Obsidian's DataAdapter has them). */
export interface StateFiles {
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<string>;
  write(path: string, data: string): Promise<void>;
}

export interface RepairState {
  renameHistory: RenameHistory;
  lastRun: RepairRecord | null;
}

/** Reads the stored state defensively: a missing or corrupt file gives an empty state, never an error. */
export function parseRepairState(json: string): RepairState {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { renameHistory: new Map(), lastRun: null };
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { renameHistory: parseRenameHistory(record.renameHistory), lastRun: parseRepairRecord(record.lastRun) };
}

export function serializeRepairState(state: RepairState): string {
  return JSON.stringify({ version: 1, renameHistory: serializeRenameHistory(state.renameHistory), lastRun: state.lastRun }, null, 2);
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
    return { renameHistory: new Map(), lastRun: null };
  }
}
