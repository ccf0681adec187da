/**
 * The repair's stored state (`repair.json` in the plugin folder): rename history and the last run.
 * Shared by the plugin, which writes it, and the command-line tool, which reads the rename history.
 */
import { parseRenameHistory, serializeRenameHistory, type RenameHistory } from './renames';
import { parseRepairRecord, type RepairRecord } from './undo';

/** The file, inside `.obsidian/plugins/principle-chain/`, that holds the state. */
export const REPAIR_STATE_FILE = 'repair.json';

export interface RepairState {
  renameHistory: RenameHistory;
  lastRun: RepairRecord | null;
}

export function emptyRepairState(): RepairState {
  return { renameHistory: new Map(), lastRun: null };
}

/** Reads the stored state defensively: corrupt JSON or bad fields give an empty part, never an error. */
export function parseRepairState(json: string): RepairState {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return emptyRepairState();
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { renameHistory: parseRenameHistory(record.renameHistory), lastRun: parseRepairRecord(record.lastRun) };
}

export function serializeRepairState(state: RepairState): string {
  return JSON.stringify({ version: 1, renameHistory: serializeRenameHistory(state.renameHistory), lastRun: state.lastRun }, null, 2);
}
