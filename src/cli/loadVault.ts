/** Reads a vault folder into the core index the commands query. */
import type { LinkTargetsOfNotes, TextAfterId } from '../core/check';
import type { IdIndex } from '../core/index/idIndex';
import { createPathLookup, type LinkPathLookup } from '../core/index/linkTargets';
import type { VaultContents } from './readVault';
import { scanVault, type ScanOptions } from './scanVault';
import type { VaultFs } from './vaultFs';
import type { VaultSettings } from './vaultSettings';

export interface LoadedVault {
  /** Absolute folder of the vault. */
  readonly directory: string;
  /** The settings it was read with. */
  readonly settings: VaultSettings;
  readonly contents: VaultContents;
  readonly index: IdIndex;
  readonly paths: LinkPathLookup;
  readonly textOf: (path: string) => string | undefined;
  /** Every note's link targets for check, when the load asked for them (ScanOptions.keepLinkTargets). */
  readonly linkTargets?: LinkTargetsOfNotes;
  /** The text after bare IDs no note's name gives, when the load dropped the texts (ScannedVault.keptTextAfterId). */
  readonly keptTextAfterId?: (path: string, idEnd: number) => TextAfterId | undefined;
}

/** Reads every note outside the excluded folders and indexes it with the settings' format and own-ID sources. */
export async function loadVault(directory: string, settings: VaultSettings, fs: VaultFs, options: ScanOptions = {}): Promise<LoadedVault> {
  const { contents, index, textOf, paths, linkTargets, keptTextAfterId } = await scanVault(directory, settings, fs, options);
  return {
    directory, settings, contents, index, paths, textOf,
    ...(linkTargets === undefined ? {} : { linkTargets }),
    ...(keptTextAfterId === undefined ? {} : { keptTextAfterId }),
  };
}

/** Link resolution's view of the vault's files (case and Unicode normalisation variants found). */
export const pathLookup = createPathLookup;
