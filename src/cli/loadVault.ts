/** Reads a vault folder into the core index the commands query. */
import type { IdFormat } from '../core/ids/formats';
import { IdIndex } from '../core/index/idIndex';
import { createPathLookup, type LinkPathLookup } from '../core/index/linkTargets';
import { NoteScanner } from '../core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readVault, type VaultContents } from './readVault';
import type { VaultFs } from './vaultFs';

export interface LoadedVault {
  /** Absolute folder of the vault. */
  readonly directory: string;
  readonly contents: VaultContents;
  readonly index: IdIndex;
  readonly paths: LinkPathLookup;
  readonly textOf: (path: string) => string | undefined;
}

/** Reads every note and indexes it with the default own-ID sources (file name, folder, frontmatter `id`). */
export async function loadVault(directory: string, format: IdFormat, fs: VaultFs): Promise<LoadedVault> {
  const contents = await readVault(directory, fs);
  const texts = new Map<string, string>();
  const index = new IdIndex({ format, texts: { textOf: (path) => texts.get(path) } });
  const scanner = new NoteScanner({ format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey });
  for (const file of contents.files) {
    texts.set(file.path, file.text);
    index.put(scanner.scan(file.path, file.text));
  }
  return { directory, contents, index, paths: pathLookup(contents.allPaths), textOf: (path) => texts.get(path) };
}

/** Link resolution's view of the vault's files (case and Unicode normalisation variants found). */
export const pathLookup = createPathLookup;
