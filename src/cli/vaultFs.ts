/** The file-system seam of the tool: Node's fs in production, an in-memory fake in tests. */
import { promises as fs, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

export type EntryKind = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** The few file operations the tool needs; paths are absolute and native to the platform. */
export interface VaultFs {
  /** What is at the path (following symlinks), or null when nothing is. */
  kind(absolutePath: string): Promise<EntryKind | null>;
  list(absoluteDirectory: string): Promise<DirectoryEntry[]>;
  /** The file's bytes; Node's own reads synchronously (a promise per file costs more than the read). */
  read(absolutePath: string): Uint8Array | Promise<Uint8Array>;
}

export const nodeVaultFs: VaultFs = {
  async kind(absolutePath) {
    try {
      const stats = await fs.stat(absolutePath);
      return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
    } catch {
      return null;
    }
  },
  async list(absoluteDirectory) {
    // Listed synchronously, as notes are read: a promise per entry costs more than the entry.
    const listed: DirectoryEntry[] = [];
    for (const entry of readdirSync(absoluteDirectory, { withFileTypes: true })) {
      if (entry.isFile()) listed.push({ name: entry.name, kind: 'file' });
      else if (entry.isDirectory()) listed.push({ name: entry.name, kind: 'directory' });
      else if (entry.isSymbolicLink()) {
        // A symlinked note is read; a symlinked folder is not followed, as it could loop back into the vault.
        const target = await nodeVaultFs.kind(path.join(absoluteDirectory, entry.name));
        listed.push({ name: entry.name, kind: target === 'file' ? 'file' : 'other' });
      } else listed.push({ name: entry.name, kind: 'other' });
    }
    return listed;
  },
  read: (absolutePath) => readFileSync(absolutePath),
};
