/** Turns a FILE argument into the vault path of a note, or a usage error that says what is wrong. */
import * as path from 'path';
import { isAtOrUnder } from '../core/settings';
import { UsageError } from './errors';
import type { CliIo } from './io';
import type { LoadedVault } from './loadVault';

/** The vault-relative path of `argument` (`.md` optional), read relative to the vault first, then to the current folder. */
export async function locateNote(argument: string, vault: LoadedVault, io: CliIo): Promise<string> {
  // Resolved, it would name the vault's own folder (or the current one), which says nothing of why.
  if (argument.trim() === '') throw new UsageError('The note is empty text; name a note of the vault.');
  const candidates = [...new Set([path.resolve(vault.directory, argument), path.resolve(io.cwd, argument)])];
  for (const candidate of candidates) {
    const vaultPath = insideVault(candidate, vault.directory);
    if (vaultPath === null) continue;
    if (vault.textOf(vaultPath) !== undefined) return vaultPath;
    // Notes are named without their extension in Obsidian, so `ID Title` finds `ID Title.md`.
    if (vault.textOf(`${vaultPath}.md`) !== undefined) return `${vaultPath}.md`;
    const unreadable = vault.contents.unreadable.find((u) => u.path === vaultPath);
    if (unreadable !== undefined) throw new UsageError(`${argument} cannot be used: ${unreadable.reason}.`);
    // Read, it would be a note the plugin does not know: no ID of its own, no references.
    const excludedBy = vault.settings.excludedFolders.find((folder) => isAtOrUnder(vaultPath, folder));
    if (excludedBy !== undefined && ((await io.fs.kind(candidate)) === 'file' || (await io.fs.kind(`${candidate}.md`)) === 'file')) {
      throw new UsageError(`${argument} is in the excluded folder ${excludedBy}, whose notes are not read, as the plugin does not index them.`);
    }
  }
  for (const candidate of candidates) {
    const kind = await io.fs.kind(candidate);
    if (kind === null) continue;
    // The vault's own folder is no note either, but it is not outside the vault.
    const isVaultFolder = path.relative(vault.directory, candidate) === '';
    if (!isVaultFolder && insideVault(candidate, vault.directory) === null) throw new UsageError(`${argument} is outside the vault ${vault.directory}.`);
    if (kind === 'directory') throw new UsageError(`${argument} is a folder, not a note.`);
    throw new UsageError(`${argument} is not a note of the vault: notes are .md files outside folders whose name starts with ".", node_modules and symlinked folders (not followed).`);
  }
  throw new UsageError(`No such file: ${argument} (looked in the vault ${vault.directory} and in the current folder).`);
}

function insideVault(absolute: string, directory: string): string | null {
  const relative = path.relative(directory, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}
