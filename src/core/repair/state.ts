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

/** The version serializeRepairState writes; a file from a later version is not ours to overwrite. */
export const REPAIR_STATE_VERSION = 1;

/** The stored state as read: what could be used of it, and what is wrong with it (null: nothing). */
export interface ReadRepairState {
  readonly state: RepairState;
  readonly damage: string | null;
}

/**
 * Reads the stored state, never throwing: a damaged part (truncated or invalid JSON, a wrong type,
 * a malformed entry) is dropped and named in `damage`, so the caller can keep the file and say so
 * instead of silently saving over the rename history and the undo record.
 */
export function readRepairState(json: string): ReadRepairState {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { state: emptyRepairState(), damage: 'it is not valid JSON (cut short or damaged)' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { state: emptyRepairState(), damage: 'it does not hold a JSON object' };
  const record = raw as Record<string, unknown>;
  if (record.version !== undefined && record.version !== REPAIR_STATE_VERSION) {
    return { state: emptyRepairState(), damage: `it has version ${JSON.stringify(record.version)}, which this version of the plugin does not know` };
  }
  const problems: string[] = [];
  const renameHistory = parseRenameHistory(record.renameHistory);
  if (record.renameHistory !== undefined && !isCompleteHistory(record.renameHistory)) problems.push('part of the rename history is malformed');
  const lastRun = parseRepairRecord(record.lastRun);
  if (record.lastRun !== undefined && record.lastRun !== null && lastRun === null) problems.push('the record of the last repair is malformed');
  return { state: { renameHistory, lastRun }, damage: problems.length === 0 ? null : problems.join('; ') };
}

/** Whether parsing keeps every title of the stored history (parseRenameHistory drops nothing as malformed). */
function isCompleteHistory(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  return Object.values(raw as Record<string, unknown>).every((titles) => Array.isArray(titles) && titles.every((t) => typeof t === 'string' && t.trim() !== ''));
}

/** The usable part of the stored state (see readRepairState for what is dropped). */
export function parseRepairState(json: string): RepairState {
  return readRepairState(json).state;
}

export function serializeRepairState(state: RepairState): string {
  return JSON.stringify({ version: REPAIR_STATE_VERSION, renameHistory: serializeRenameHistory(state.renameHistory), lastRun: state.lastRun }, null, 2);
}
