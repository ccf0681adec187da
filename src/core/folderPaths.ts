/** Folder paths as typed in the settings: resolved within the vault, and checked against its folders. */

/** A list of folders as typed, resolved. */
export interface FolderList {
  /** Vault-relative paths without `.`, `..`, empty or surrounding slashes, each once. */
  readonly folders: string[];
  /** Entries as typed that name no folder inside the vault: `..` past its top, or the vault itself (`.`). */
  readonly outside: string[];
}

/**
 * Trims each entry, turns backslashes into slashes and resolves `.` and `..` segments; drops empty
 * entries and duplicates. An entry that leaves the vault, or names the vault itself, is set apart.
 */
export function resolveFolderList(entries: readonly string[]): FolderList {
  const folders = new Set<string>();
  const outside: string[] = [];
  for (const entry of entries) {
    const typed = entry.trim();
    if (typed === '') continue;
    const resolved = resolveFolderPath(typed);
    if (resolved === null || resolved === '') outside.push(typed);
    else folders.add(resolved);
  }
  return { folders: [...folders], outside };
}

/** The vault-relative path, '' for the vault itself, or null when `..` leads out of the vault. */
function resolveFolderPath(typed: string): string | null {
  const segments: string[] = [];
  for (const segment of typed.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return null;
  }
  return segments.join('/');
}

/** The vault's folders, as the settings tab asks about them. */
export interface VaultFolders {
  /** Whether a folder is at exactly this path (letter case counts, as in Obsidian's paths). */
  has(path: string): boolean;
  /** Every folder's path; asked only when one is missing, to find one differing in case. */
  all(): readonly string[];
}

/**
 * What to say under a row of folders: the entries left out as outside the vault, and the folders
 * the vault does not have (naming one that differs only in letter case), or null when all is well.
 */
export function folderListMessage(list: FolderList, vault: VaultFolders): string | null {
  const parts: string[] = [];
  if (list.outside.length > 0) {
    const one = list.outside.length === 1;
    parts.push(`${quoted(list.outside)} ${one ? 'is' : 'are'} left out: ${one ? 'it names' : 'they name'} no folder inside the vault.`);
  }
  const missing = list.folders.filter((folder) => !vault.has(folder));
  if (missing.length > 0) {
    const byLowerCase = new Map(vault.all().map((path) => [path.toLowerCase(), path]));
    const named = missing.map((folder) => {
      const differing = byLowerCase.get(folder.toLowerCase());
      return differing === undefined ? `"${folder}"` : `"${folder}" (there is "${differing}": letter case counts)`;
    });
    const one = missing.length === 1;
    parts.push(`No folder in the vault is at ${named.join(', ')}; until there is, ${one ? 'this entry matches' : 'these entries match'} no note.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

function quoted(entries: readonly string[]): string {
  return entries.map((entry) => `"${entry}"`).join(', ');
}
