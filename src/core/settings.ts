/** The plugin's settings: one shape, frozen defaults, and a normaliser that never throws. */
import { resolveFolderList } from './folderPaths';
import { activeIdFormat, type IdFormatSetting } from './ids/formats';
import { frontmatterKeyOf } from './index/frontmatter';

export type OwnIdSource = 'filename' | 'folder' | 'frontmatter';
export type RenameHandling = 'ask' | 'always' | 'never';
export type LinkStyle = 'off' | 'wikilink' | 'bare';

export interface PrincipleChainSettings {
  idFormat: IdFormatSetting;
  /** Regex source used when idFormat is 'custom'. */
  customPattern: string;
  /** Where a note's own ID comes from, in order of preference. */
  ownIdSources: OwnIdSource[];
  /** Frontmatter key read when 'frontmatter' is a source. */
  frontmatterKey: string;
  /** Make the title after an ID part of the link when it is the target's title. */
  linkTitle: boolean;
  chainDepth: number;
  showIncoming: boolean;
  showContext: boolean;
  /** Vault-relative folder paths whose notes are neither indexed nor decorated. */
  excludedFolders: string[];
  /** Folders whose notes the chain view and code blocks can hide (still indexed and linked). */
  chainExcludedFolders: string[];
  /** Tags (without '#') whose notes the chain can hide; a tag also covers its nested tags. */
  chainExcludedTags: string[];
  highlightUnresolved: boolean;
  renameHandling: RenameHandling;
  /** Link-style normalisation offered by repair; off by default. */
  linkStyle: LinkStyle;
}

export const DEFAULT_SETTINGS: Readonly<PrincipleChainSettings> = Object.freeze({
  idFormat: '12',
  customPattern: '',
  ownIdSources: Object.freeze(['filename', 'folder', 'frontmatter']) as unknown as OwnIdSource[],
  frontmatterKey: 'id',
  linkTitle: false,
  chainDepth: 3,
  showIncoming: true,
  showContext: true,
  excludedFolders: Object.freeze([]) as unknown as string[],
  chainExcludedFolders: Object.freeze([]) as unknown as string[],
  chainExcludedTags: Object.freeze([]) as unknown as string[],
  highlightUnresolved: true,
  renameHandling: 'ask',
  linkStyle: 'off',
});

export const MAX_CHAIN_DEPTH = 10;

export interface NormalizedSettings {
  settings: PrincipleChainSettings;
  /** One message per stored value that was replaced by its default. */
  problems: string[];
  /**
   * What was stored that `settings` does not use: keys this version does not know (a newer
   * version's, synced from another device) and values replaced by their defaults. A save writes
   * them back unchanged (storedForm) until the user changes that setting, so nothing is lost.
   */
  kept: Map<string, unknown>;
}

const ID_FORMATS: readonly IdFormatSetting[] = ['12', '14', 'denote', 'custom'];
export const OWN_ID_SOURCES: readonly OwnIdSource[] = ['filename', 'folder', 'frontmatter'];
const RENAME_HANDLING: readonly RenameHandling[] = ['ask', 'always', 'never'];
const LINK_STYLES: readonly LinkStyle[] = ['off', 'wikilink', 'bare'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns whatever was stored (possibly hand-edited, from an older version, or corrupt) into valid
 * settings. Unknown keys are dropped; each bad value falls back to its default and is reported.
 */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const settings: PrincipleChainSettings = {
    ...DEFAULT_SETTINGS,
    ownIdSources: [...DEFAULT_SETTINGS.ownIdSources],
    excludedFolders: [],
    chainExcludedFolders: [],
    chainExcludedTags: [],
  };
  const kept = new Map<string, unknown>();
  if (raw === null || raw === undefined) return { settings, problems, kept };
  if (!isRecord(raw)) {
    problems.push('Stored settings were not an object; using defaults.');
    return { settings, problems, kept };
  }
  for (const key of Object.keys(raw)) if (!isSettingKey(key)) kept.set(key, raw[key]);
  const reject = (key: keyof PrincipleChainSettings, why: string): void => {
    problems.push(`Setting "${key}" ${why}; using the default.`);
    kept.set(key, raw[key]);
  };
  const pick = <T>(key: keyof PrincipleChainSettings, ok: (v: unknown) => v is T, why: string): T | undefined => {
    if (!(key in raw)) return undefined;
    const value = raw[key];
    if (ok(value)) return value;
    reject(key, why);
    return undefined;
  };
  const isOneOf = <T extends string>(options: readonly T[]) => (v: unknown): v is T =>
    typeof v === 'string' && (options as readonly string[]).includes(v);
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const isString = (v: unknown): v is string => typeof v === 'string';

  // A hand-edited `"idFormat": 14` means the preset, though data.json holds it as text.
  const isFormat = (v: unknown): v is IdFormatSetting | 12 | 14 => isOneOf(ID_FORMATS)(v) || v === 12 || v === 14;
  const storedFormat = pick('idFormat', isFormat, `must be one of ${ID_FORMATS.join(', ')}`);
  if (storedFormat !== undefined) settings.idFormat = String(storedFormat) as IdFormatSetting;
  settings.customPattern = pick('customPattern', isString, 'must be text') ?? settings.customPattern;
  settings.linkTitle = pick('linkTitle', isBool, 'must be true or false') ?? settings.linkTitle;
  settings.showIncoming = pick('showIncoming', isBool, 'must be true or false') ?? settings.showIncoming;
  settings.showContext = pick('showContext', isBool, 'must be true or false') ?? settings.showContext;
  settings.highlightUnresolved =
    pick('highlightUnresolved', isBool, 'must be true or false') ?? settings.highlightUnresolved;
  settings.renameHandling =
    pick('renameHandling', isOneOf(RENAME_HANDLING), `must be one of ${RENAME_HANDLING.join(', ')}`) ??
    settings.renameHandling;
  settings.linkStyle = pick('linkStyle', isOneOf(LINK_STYLES), `must be one of ${LINK_STYLES.join(', ')}`) ?? settings.linkStyle;

  const typedKey = pick('frontmatterKey', isString, 'must be text');
  if (typedKey !== undefined) {
    const { key, problem } = frontmatterKeyOf(typedKey);
    if (key === null) reject('frontmatterKey', problem);
    else settings.frontmatterKey = key;
  }

  const depth = pick('chainDepth', (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v), 'must be a whole number');
  if (depth !== undefined) {
    if (depth < 1 || depth > MAX_CHAIN_DEPTH) reject('chainDepth', `must be between 1 and ${MAX_CHAIN_DEPTH}`);
    else settings.chainDepth = depth;
  }

  /**
   * The entries of a stored list that pass `ok`. Those that do not are left out, with a problem
   * naming them, and the stored list is written back until the setting changes, as a refused value is.
   */
  const entries = <T>(key: ListSettingKey, ok: (v: unknown) => v is T, each: string): T[] | undefined => {
    const stored = pick(key, (v: unknown): v is unknown[] => Array.isArray(v), 'must be a list');
    if (stored === undefined) return undefined;
    const valid = stored.filter(ok);
    const left = stored.filter((v) => !ok(v));
    if (left.length > 0) {
      problems.push(`Setting "${key}" left out ${listed(left)}: each entry must be ${each}.`);
      kept.set(key, raw[key]);
    }
    return valid;
  };

  const sources = entries('ownIdSources', isOneOf(OWN_ID_SOURCES), `one of ${OWN_ID_SOURCES.join(', ')}`);
  if (sources !== undefined) {
    // A source named twice finds nothing the second time.
    if (sources.length > 0) settings.ownIdSources = [...new Set(sources)];
    else reject('ownIdSources', `must list some of ${OWN_ID_SOURCES.join(', ')}`);
  }
  /** The folders of a stored list, resolved; one outside the vault is left out and reported. */
  const insideVault = (key: 'excludedFolders' | 'chainExcludedFolders', typed: string[]): string[] => {
    const { folders, outside } = resolveFolderList(typed);
    if (outside.length > 0) {
      problems.push(`Setting "${key}" left out ${listed(outside)}: each entry must be a folder inside the vault.`);
      kept.set(key, raw[key]);
    }
    return folders;
  };
  const folders = entries('excludedFolders', isString, 'a folder path');
  if (folders !== undefined) settings.excludedFolders = insideVault('excludedFolders', folders);
  const chainFolders = entries('chainExcludedFolders', isString, 'a folder path');
  if (chainFolders !== undefined) settings.chainExcludedFolders = insideVault('chainExcludedFolders', chainFolders);
  const chainTags = entries('chainExcludedTags', isString, 'a tag');
  if (chainTags !== undefined) settings.chainExcludedTags = normalizeTagList(chainTags);

  // The pattern text is kept so the settings tab shows it for correcting.
  const { format, problem } = activeIdFormat(settings.idFormat, settings.customPattern);
  if (problem !== null) {
    problems.push(`The custom ID pattern cannot be used (${problem}); using the 12-digit format.`);
    if (!kept.has('idFormat')) kept.set('idFormat', settings.idFormat);
    settings.idFormat = format.key;
  }
  return { settings, problems, kept };
}

type ListSettingKey = 'ownIdSources' | 'excludedFolders' | 'chainExcludedFolders' | 'chainExcludedTags';

/** Stored values as a message names them: as JSON, the first few. */
function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 3).map((v) => JSON.stringify(v) ?? String(v));
  return values.length > 3 ? `${shown.join(', ')} and ${values.length - 3} more` : shown.join(', ');
}

function isSettingKey(key: string): key is keyof PrincipleChainSettings {
  return Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key);
}

/**
 * The object data.json holds: the settings, with what the stored file had that they do not use
 * (NormalizedSettings.kept) written back over them; the lists copied, so nothing is shared with the
 * live settings. Built entry by entry, so a stored key such as `__proto__` stays a plain key.
 */
export function storedForm(settings: PrincipleChainSettings, kept: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const copy: PrincipleChainSettings = {
    ...settings,
    ownIdSources: [...settings.ownIdSources],
    excludedFolders: [...settings.excludedFolders],
    chainExcludedFolders: [...settings.chainExcludedFolders],
    chainExcludedTags: [...settings.chainExcludedTags],
  };
  return Object.fromEntries([...Object.entries(copy), ...kept]);
}

/** The folders of a list as typed, resolved within the vault (resolveFolderList); entries outside it are dropped. */
export function normalizeFolderList(folders: readonly string[]): string[] {
  return resolveFolderList(folders).folders;
}

/** Trims, drops a leading '#', empty entries and duplicates (tags compare without case, as in Obsidian). */
export function normalizeTagList(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const cleaned = tag.trim().replace(/^#+/, '').replace(/\/+$/, '');
    if (cleaned === '' || seen.has(cleaned.toLowerCase())) continue;
    seen.add(cleaned.toLowerCase());
    kept.push(cleaned);
  }
  return kept;
}

/** Settings that change what the index holds; a change of any of them needs a rebuild. */
export function indexSettingsKey(settings: PrincipleChainSettings): string {
  return JSON.stringify([
    settings.idFormat,
    settings.idFormat === 'custom' ? settings.customPattern : '',
    settings.ownIdSources,
    settings.ownIdSources.includes('frontmatter') ? settings.frontmatterKey : '',
    settings.excludedFolders,
  ]);
}

/** Whether a vault path lies inside one of the excluded folders. */
export function isExcluded(path: string, excludedFolders: readonly string[]): boolean {
  return excludedFolders.some((folder) => isAtOrUnder(path, folder));
}

/** Whether the vault path is `at` itself or lies in the folder `at`. */
export function isAtOrUnder(path: string, at: string): boolean {
  return path === at || path.startsWith(`${at}/`);
}
