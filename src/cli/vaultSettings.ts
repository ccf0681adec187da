/**
 * The plugin's settings the tool uses: which notes are read and what IDs they own, the chain's depth
 * and repair's link style. They come from the command line, else from the plugin's own settings in
 * the vault (pluginSettings.ts), else are the plugin's defaults. Each value given is checked by the
 * core's rules for stored settings (frontmatterKeyOf, OWN_ID_SOURCES, normalizeFolderList), as the
 * plugin checks them, so the two accept the same values and say the same of a bad one.
 */
import type { OptionSpec } from './args';
import { UsageError } from './errors';
import { activeIdFormat, TWELVE_DIGIT, type IdFormat } from '../core/ids/formats';
import { frontmatterKeyOf } from '../core/index/frontmatter';
import { DEFAULT_SETTINGS, normalizeFolderList, normalizeSettings, OWN_ID_SOURCES, type LinkStyle, type OwnIdSource, type PrincipleChainSettings } from '../core/settings';

/** The settings a run uses. */
export interface VaultSettings {
  readonly format: IdFormat;
  /** Where a note's own ID comes from, in order (the plugin's "A note's own ID"). */
  readonly ownIdSources: readonly OwnIdSource[];
  /** The frontmatter property read when 'frontmatter' is a source. */
  readonly frontmatterKey: string;
  /** Vault-relative folders whose notes are neither read nor own an ID (the plugin's "Excluded folders"). */
  readonly excludedFolders: readonly string[];
  /** How deep chain and graph follow references without --depth. */
  readonly chainDepth: number;
  /** repair's link-style normalisation without --link-style. */
  readonly linkStyle: LinkStyle;
  /** The vault-relative path of the plugin's settings file they were read from, or null when none was. */
  readonly storedIn: string | null;
}

/** What decides which notes are read and what IDs they own. */
export type ScanSettings = Pick<VaultSettings, 'format' | 'ownIdSources' | 'frontmatterKey' | 'excludedFolders'>;

/** The plugin's defaults, with the given format. */
export function defaultVaultSettings(format: IdFormat = TWELVE_DIGIT): VaultSettings {
  return {
    format,
    ownIdSources: DEFAULT_SETTINGS.ownIdSources,
    frontmatterKey: DEFAULT_SETTINGS.frontmatterKey,
    excludedFolders: [],
    chainDepth: DEFAULT_SETTINGS.chainDepth,
    linkStyle: DEFAULT_SETTINGS.linkStyle,
    storedIn: null,
  };
}

/** The stored settings the tool uses, and the options that override each (an option of one command only counts there). */
export const OVERRIDING_OPTIONS: Readonly<Partial<Record<keyof PrincipleChainSettings, string>>> = {
  idFormat: 'id-format',
  customPattern: 'id-format',
  ownIdSources: 'id-sources',
  frontmatterKey: 'frontmatter-key',
  excludedFolders: 'exclude',
  chainDepth: 'depth',
  linkStyle: 'link-style',
};

export const VAULT_SETTINGS_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'exclude',
    value: 'FOLDER',
    repeatable: true,
    help: 'A folder of the vault (relative to it, with /) whose notes are not read and own no ID, as the plugin\'s excluded folders; give it once per folder (the folders given replace the plugin\'s).',
  },
  {
    name: 'id-sources',
    value: 'LIST',
    help: 'Where a note\'s own ID comes from, first match wins: some of filename, folder, frontmatter, comma-separated (default: the plugin\'s setting, else filename,folder,frontmatter).',
  },
  { name: 'frontmatter-key', value: 'KEY', help: `The frontmatter property holding a note's ID (default: the plugin's setting, else ${DEFAULT_SETTINGS.frontmatterKey}).` },
];

/** The options' own values, checked; an option not given is absent. */
export interface VaultSettingsOptions {
  readonly format?: IdFormat;
  readonly ownIdSources?: readonly OwnIdSource[];
  readonly frontmatterKey?: string;
  readonly excludedFolders?: readonly string[];
}

/** Reads --id-sources, --frontmatter-key and every --exclude; a value the plugin would not take is a usage error naming it. */
export function vaultSettingsOptions(
  format: IdFormat | null, options: ReadonlyMap<string, string | true>, repeated: ReadonlyMap<string, readonly string[]>,
): VaultSettingsOptions {
  const sources = options.get('id-sources');
  const key = options.get('frontmatter-key');
  const folders = repeated.get('exclude');
  return {
    ...(format === null ? {} : { format }),
    ...(typeof sources === 'string' ? { ownIdSources: idSources(sources) } : {}),
    ...(typeof key === 'string' ? { frontmatterKey: frontmatterKey(key) } : {}),
    ...(folders === undefined ? {} : { excludedFolders: excludedFolders(folders) }),
  };
}

/**
 * The settings the options give, the stored ones (normalised, defaults where none or a bad value
 * was stored) for the others. A custom pattern the plugin cannot use was replaced by 12 digits there.
 */
export function vaultSettingsFrom(given: VaultSettingsOptions, stored: PrincipleChainSettings = normalizeSettings(null).settings, storedIn: string | null = null): VaultSettings {
  const settings: VaultSettings = {
    format: activeIdFormat(stored.idFormat, stored.customPattern).format,
    ownIdSources: stored.ownIdSources,
    frontmatterKey: stored.frontmatterKey,
    excludedFolders: stored.excludedFolders,
    chainDepth: stored.chainDepth,
    linkStyle: stored.linkStyle,
    storedIn,
    ...given,
  };
  if (given.frontmatterKey !== undefined && !settings.ownIdSources.includes('frontmatter')) {
    const from = given.ownIdSources === undefined && storedIn !== null ? ` (the plugin's settings in ${storedIn})` : '';
    throw new UsageError(
      `--frontmatter-key ${given.frontmatterKey} would not be read: a note's own ID comes from ${settings.ownIdSources.join(', ')} only${from}. ` +
        'Add frontmatter to --id-sources, or leave --frontmatter-key out.',
    );
  }
  return settings;
}

/**
 * The sources a typed --id-sources lists. Stricter than data.json, whose list keeps its good entries:
 * a typed list with a wrong, empty or repeated entry is a usage error, since it was likely a typo.
 */
function idSources(written: string): OwnIdSource[] {
  const sources = written.split(',').map((s) => s.trim());
  const valid = sources.every((s) => (OWN_ID_SOURCES as readonly string[]).includes(s)) && new Set(sources).size === sources.length;
  if (!valid) throw new UsageError(`--id-sources must list some of ${OWN_ID_SOURCES.join(', ')}, each once, not "${written}".`);
  return sources as OwnIdSource[];
}

/** The key as the plugin's settings read it (frontmatterKeyOf), or a usage error with its reason. */
function frontmatterKey(written: string): string {
  const { key, problem } = frontmatterKeyOf(written);
  if (key === null) throw new UsageError(`--frontmatter-key ${problem}, not "${written}".`);
  return key;
}

/** The folders as the settings tab keeps them (normalizeFolderList); one that names no folder is a usage error. */
function excludedFolders(written: readonly string[]): string[] {
  for (const folder of written) {
    if (normalizeFolderList([folder]).length === 0) throw new UsageError(`--exclude must name a folder of the vault, not "${folder}".`);
  }
  return normalizeFolderList(written);
}
