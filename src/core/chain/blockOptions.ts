/**
 * The options of a `principle-chain` code block, checked: every unknown key and bad value becomes a
 * message for the block to show, never an exception. The YAML is parsed by the caller (Obsidian's
 * parseYaml); the raw text is read too, for the start, which YAML would turn into a number or a list.
 */
import { MAX_CHAIN_DEPTH, normalizeFolderList, normalizeTagList } from '../settings';
import type { ChainDirection } from './chain';
import { CHAIN_SORTS, type ChainSort } from './shape';

export type BlockShow = 'tree' | 'list' | 'graph';

export interface ChainBlockOptions {
  /** What the chain starts from, as written (an ID, a path or a [[link]]); null: the note holding the block. */
  readonly start: string | null;
  readonly direction: ChainDirection;
  readonly depth: number;
  readonly show: BlockShow;
  /** Show the sentence each reference stands in. */
  readonly context: boolean;
  readonly sort: ChainSort;
  /** Folders whose notes the block leaves out (besides the settings' hidden folders). */
  readonly excludeFolders: readonly string[];
  /** Tags (without '#') whose notes the block leaves out. */
  readonly excludeTags: readonly string[];
  /** At most this many entries. */
  readonly limit: number;
}

export const BLOCK_DEFAULTS: ChainBlockOptions = Object.freeze({
  start: null,
  direction: 'both',
  depth: 3,
  show: 'tree',
  context: false,
  sort: 'reference',
  excludeFolders: [],
  excludeTags: [],
  limit: 200,
});

/** Entries a block draws at most, whatever its `limit` says: a note is not the place for more. */
export const MAX_BLOCK_LIMIT = 2000;

const KEYS = ['start', 'direction', 'depth', 'show', 'context', 'sort', 'exclude', 'limit'] as const;
const DIRECTIONS: readonly ChainDirection[] = ['out', 'in', 'both'];
const SHOWS: readonly BlockShow[] = ['tree', 'list', 'graph'];

export type BlockOptionsResult = { readonly ok: true; readonly options: ChainBlockOptions } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks the parsed YAML of a block. `source` is the block's text, for the start as written.
 * An empty block (null) gives the defaults.
 */
export function checkBlockOptions(parsed: unknown, source: string): BlockOptionsResult {
  if (parsed === null || parsed === undefined) return { ok: true, options: BLOCK_DEFAULTS };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, problems: ['Write the options as "key: value" lines, for example "depth: 2".'] };
  }
  const raw = parsed as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) problems.push(`Unknown option "${key}"${suggestion(key)}. Options: ${KEYS.join(', ')}.`);
  }
  const choice = <T extends string>(key: string, choices: readonly T[], fallback: T): T => {
    if (!(key in raw) || raw[key] === null) return fallback;
    const value = raw[key];
    const found = choices.find((c) => c === value);
    if (found === undefined) problems.push(`${key} must be one of ${choices.join(', ')}, not ${shown(value)}.`);
    return found ?? fallback;
  };
  const whole = (key: string, min: number, max: number, fallback: number): number => {
    if (!(key in raw) || raw[key] === null) return fallback;
    const value = raw[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${key} must be a whole number from ${min} to ${max}, not ${shown(value)}.`);
    return fallback;
  };
  const direction = choice('direction', DIRECTIONS, BLOCK_DEFAULTS.direction);
  const show = choice('show', SHOWS, BLOCK_DEFAULTS.show);
  const sort = choice('sort', CHAIN_SORTS, BLOCK_DEFAULTS.sort);
  const depth = whole('depth', 1, MAX_CHAIN_DEPTH, BLOCK_DEFAULTS.depth);
  const limit = whole('limit', 1, MAX_BLOCK_LIMIT, BLOCK_DEFAULTS.limit);
  let context = BLOCK_DEFAULTS.context;
  if ('context' in raw && raw.context !== null) {
    if (typeof raw.context === 'boolean') context = raw.context;
    else problems.push(`context must be true or false, not ${shown(raw.context)}.`);
  }
  const exclude = excludeList(raw.exclude, problems);
  const start = 'start' in raw && raw.start !== null ? startAsWritten(source) : null;
  if ('start' in raw && raw.start !== null && start === null) problems.push('start must name a note: an ID, a path or a [[link]].');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, options: { start, direction, depth, show, context, sort, excludeFolders: exclude.folders, excludeTags: exclude.tags, limit } };
}

/** `exclude: [Daily/, "#meeting"]` or one entry alone: folders, and tags written with '#'. */
function excludeList(value: unknown, problems: string[]): { folders: string[]; tags: string[] } {
  if (value === undefined || value === null) return { folders: [], tags: [] };
  const entries = Array.isArray(value) ? value : [value];
  if (!entries.every((entry): entry is string => typeof entry === 'string')) {
    problems.push('exclude must list folders and #tags, for example [Daily/, "#meeting"] (quote a #tag: YAML reads # as a comment).');
    return { folders: [], tags: [] };
  }
  const trimmed = entries.map((entry) => entry.trim());
  return { folders: normalizeFolderList(trimmed.filter((e) => !e.startsWith('#'))), tags: normalizeTagList(trimmed.filter((e) => e.startsWith('#'))) };
}

/**
 * The start as written on its line: YAML reads `202108191025` as a number (losing a leading zero,
 * or reading it as octal) and `[[Note]]` as a nested list, so the line is read as text. Quotes and
 * a trailing `# comment` are removed.
 */
function startAsWritten(source: string): string | null {
  for (const line of source.split(/\r\n|\r|\n/)) {
    const match = /^\s*start\s*:\s*(.*)$/.exec(line);
    if (match === null) continue;
    let text = match[1].trim();
    const quoted = /^(["'])(.*)\1(?:\s+#.*)?$/.exec(text);
    if (quoted !== null) text = quoted[2];
    else text = text.replace(/\s+#.*$/, '').trim();
    return text === '' ? null : text;
  }
  return null;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? 'that';
}

/** A did-you-mean for a mistyped key: the known key that shares its first letters. */
function suggestion(key: string): string {
  const lower = key.toLowerCase();
  const near = KEYS.find((known) => known === lower || (lower.length >= 3 && known.startsWith(lower.slice(0, 3))));
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
