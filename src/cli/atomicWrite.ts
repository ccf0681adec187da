/**
 * Replacing a note's whole text on disk atomically, and only if it still holds what was read: a
 * temporary file beside the note gets the new text, is flushed, and is renamed over the note, so a
 * reader (or a crash) sees the old text or the new, never half. The note is checked before the
 * temporary file is written, again right before the rename, and once more after it through the
 * handle still open on the replaced file, so another program's write is never dropped unreported.
 */
import { randomBytes } from 'crypto';
import { constants as fsConstants, promises as fs } from 'fs';
import type { FileHandle } from 'fs/promises';
import type { Stats } from 'fs';
import * as path from 'path';

/** What became of one note. */
export type WriteResult = { readonly status: 'written' } | { readonly status: 'skipped'; readonly reason: string };

/** Replaces a file's whole text, only if it still holds `expected`. */
export interface AtomicWriter {
  replaceIfUnchanged(absolutePath: string, expected: string, next: string): Promise<WriteResult>;
  /**
   * The file a note's bytes live in (a symbolic link's target), so that two notes that are one file
   * are written once; absent, every note is a file of its own.
   */
  fileOf?(absolutePath: string): Promise<string>;
}

/** The points of the write sequence, in order; tests make other writers act, or the process die, at each. */
export const WRITE_STEPS = ['checked', 'temporary-written', 'before-rename', 'renamed'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

export interface NodeAtomicWriterOptions {
  /** The vault folder: a symlinked note is written through only when its target lies inside it. */
  readonly root: string;
  /** Called at each step of every write (fault injection in tests). */
  readonly onStep?: (step: WriteStep, notePath: string) => void | Promise<void>;
}

export const CHANGED_REASON = 'it changed since the repair was planned; run the repair again';
const RACED_REASON = 'another program wrote to it while it was being repaired; its text was kept and the repair was not written';
const READ_ONLY_REASON = 'it is read-only';

/** A temporary file of ours: `.<note name>.<pid>-<random hex>.repair-tmp`, beside the note. */
const TEMPORARY_NAME = /^\.(.+)\.(\d+)-([0-9a-f]+)\.repair-tmp$/;

/**
 * How much of the note's name (UTF-8 bytes) its temporary file's name keeps: with the rest (about 35
 * bytes) it fits wherever the note's own name fits, 255 bytes on most file systems and 143 in
 * eCryptfs, so a note with a long name can still be written. The name is only there for people.
 */
const NAME_BYTES_KEPT = 100;

/** The name cut to at most NAME_BYTES_KEPT bytes, between whole characters. */
function shortenedName(name: string): string {
  if (Buffer.byteLength(name) <= NAME_BYTES_KEPT) return name;
  let bytes = 0;
  let end = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > NAME_BYTES_KEPT) break;
    end += char.length;
  }
  return name.slice(0, end);
}

function temporaryPathFor(notePath: string): string {
  const name = shortenedName(path.basename(notePath));
  return path.join(path.dirname(notePath), `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.repair-tmp`);
}

/** The process ID that made a temporary file of ours with this name, or null when the name is not one. */
export function temporaryFileOwner(name: string): number | null {
  const match = TEMPORARY_NAME.exec(name);
  return match === null ? null : Number(match[2]);
}

class Skip extends Error {}

/** The whole content of an open file, read from its start (the handle's position is not used). */
async function contentOf(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/** Removes a file that may already be gone. */
async function removeQuietly(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch {
    // Already gone: nothing of ours is left.
  }
}

/**
 * The file the note's bytes live in, by its real path: the note itself, or the target of a symlink,
 * which must lie inside the vault.
 */
async function realFileOf(notePath: string, root: string): Promise<string> {
  let target: string;
  try {
    target = await fs.realpath(notePath);
  } catch {
    throw new Skip('it no longer exists');
  }
  const relative = path.relative(await fs.realpath(root), target);
  if (relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) throw new Skip('it is a symlink to a file outside the vault');
  return target;
}

async function refuseUnsafe(file: string, stats: Stats): Promise<void> {
  if (!stats.isFile()) throw new Skip('it is not a regular file');
  // A rename gives the path a new file: the note's other names would keep the old text.
  if (stats.nlink > 1) throw new Skip(`it has ${stats.nlink} hard links, and replacing it would split them`);
  // Checked by mode bits too: an administrator may write anywhere, but a read-only note says "leave me".
  if ((stats.mode & 0o222) === 0) throw new Skip(READ_ONLY_REASON);
  try {
    await fs.access(file, fsConstants.W_OK);
  } catch {
    throw new Skip(READ_ONLY_REASON);
  }
}

/** Gives the temporary file the note's mode, owner and group; a note whose owner cannot be kept is left. */
async function copyMetadata(handle: FileHandle, original: Stats): Promise<void> {
  // fchmod is not cut by the umask, so 0664 stays 0664.
  await handle.chmod(original.mode & 0o7777);
  try {
    await handle.chown(original.uid, original.gid);
  } catch {
    throw new Skip('its owner or group could not be kept (it belongs to another user or group)');
  }
}

/** Flushes a folder's entry list, so a rename survives a power cut; not every platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await fs.open(folder, 'r');
  } catch {
    // Windows cannot open a folder for flushing; the rename is still atomic there.
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to flush a folder; the rename itself is done.
  } finally {
    await handle.close();
  }
}

/** Whether the path still names the file that was opened (not one another program renamed into place). */
async function sameFileAt(file: string, original: Stats): Promise<boolean> {
  let now: Stats;
  try {
    now = await fs.stat(file);
  } catch {
    return false;
  }
  return now.ino === original.ino && now.dev === original.dev;
}

/** Writes `bytes` to a fresh temporary file beside `file` with its metadata, flushed; returns its path. */
async function writeTemporary(file: string, bytes: Buffer, original: Stats): Promise<string> {
  const temporary = temporaryPathFor(file);
  let handle: FileHandle;
  try {
    handle = await fs.open(temporary, 'wx', 0o600);
  } catch (error) {
    // Said plainly: the message would name a hidden file the user never made.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new Skip(`its folder cannot be written (${code}), and the repair writes a new file beside the note`);
    throw error;
  }
  try {
    await handle.writeFile(bytes);
    await copyMetadata(handle, original);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await removeQuietly(temporary);
    throw error;
  }
  await handle.close();
  return temporary;
}

/** The writer on Node's file system. */
export function createNodeAtomicWriter(options: NodeAtomicWriterOptions): AtomicWriter {
  const step = async (name: WriteStep, notePath: string) => options.onStep?.(name, notePath);

  /** Replaces the file's bytes `expected` with `next`; `notePath` is what the steps report (null: no steps). */
  async function replace(file: string, expected: Buffer, next: Buffer, notePath: string | null): Promise<WriteResult> {
    // Held open to the end: whatever another program writes to this file, even after the rename, is read back through it.
    const original = await fs.open(file, 'r');
    try {
      const stats = await original.stat();
      await refuseUnsafe(file, stats);
      if (!(await contentOf(original)).equals(expected)) return { status: 'skipped', reason: CHANGED_REASON };
      if (notePath !== null) await step('checked', notePath);
      const temporary = await writeTemporary(file, next, stats);
      if (!(await swapIn(temporary, file, { original, stats, expected }, notePath))) return { status: 'skipped', reason: CHANGED_REASON };
      await syncFolder(path.dirname(file));
      if (notePath !== null) await step('renamed', notePath);
      const late = await contentOf(original);
      if (late.equals(expected)) return { status: 'written' };
      // Another program wrote between the last check and the rename, to the file the rename replaced:
      // its text goes back in place of ours, the same checked way.
      const putBack = await replace(file, next, late, null);
      if (putBack.status === 'written') return { status: 'skipped', reason: RACED_REASON };
      throw new Error('another program wrote to it twice while it was being repaired; its first write could not be put back');
    } finally {
      await original.close();
    }
  }

  /**
   * Renames the temporary file over the note if the note still holds `expected` (checked right
   * before the swap, so a write made while the temporary file was written is kept); otherwise, or
   * on any error, removes the temporary file. Returns whether the swap happened.
   */
  async function swapIn(temporary: string, file: string, note: { original: FileHandle; stats: Stats; expected: Buffer }, notePath: string | null): Promise<boolean> {
    try {
      if (notePath !== null) await step('temporary-written', notePath);
      if (!(await sameFileAt(file, note.stats)) || !(await contentOf(note.original)).equals(note.expected)) {
        await fs.unlink(temporary);
        return false;
      }
      if (notePath !== null) await step('before-rename', notePath);
      await fs.rename(temporary, file);
      return true;
    } catch (error) {
      await removeQuietly(temporary);
      throw error;
    }
  }

  return {
    async fileOf(absolutePath) {
      try {
        return await realFileOf(absolutePath, options.root);
      } catch (error) {
        // replaceIfUnchanged says why such a note is not written.
        if (error instanceof Skip) return absolutePath;
        throw error;
      }
    },
    async replaceIfUnchanged(absolutePath, expected, next) {
      try {
        return await replace(await realFileOf(absolutePath, options.root), Buffer.from(expected), Buffer.from(next), absolutePath);
      } catch (error) {
        if (error instanceof Skip) return { status: 'skipped', reason: error.message };
        throw error;
      }
    },
  };
}

/** Whether a process with that ID is running (one of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return true;
}

/**
 * Removes temporary files our own killed runs left beside notes (only names of exactly our shape,
 * only regular files, only when the process that made them is gone; call it before writing). Returns
 * the vault paths removed.
 */
export async function removeLeftoverTemporaries(root: string, vaultPaths: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const vaultPath of vaultPaths) {
    const pid = temporaryFileOwner(vaultPath.slice(vaultPath.lastIndexOf('/') + 1));
    // A file with this process's ID is from an earlier process that had the same ID.
    if (pid === null || (pid !== process.pid && isRunning(pid))) continue;
    const absolute = path.join(root, ...vaultPath.split('/'));
    let stats: Stats;
    try {
      stats = await fs.lstat(absolute);
    } catch {
      continue;
    }
    if (!stats.isFile()) continue;
    await removeQuietly(absolute);
    removed.push(vaultPath);
  }
  return removed;
}
