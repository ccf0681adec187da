/**
 * Replacing a note's whole text on disk atomically, and only if it still holds what was read: a
 * temporary file beside the note gets the new text, is flushed, and is renamed over the note, so a
 * reader (or a crash) sees the old text or the new, never half. The note is checked before the
 * temporary file is written, again right before the rename, and once more after it through the
 * handle still open on the replaced file, so another program's write is never dropped unreported.
 */
import { constants as fsConstants, promises as fs } from 'fs';
import type { FileHandle } from 'fs/promises';
import type { Stats } from 'fs';
import * as path from 'path';

/** What became of one note. */
export type WriteResult = { readonly status: 'written' } | { readonly status: 'skipped'; readonly reason: string };

/** Replaces a file's whole text, only if it still holds `expected`. */
export interface AtomicWriter {
  replaceIfUnchanged(absolutePath: string, expected: string, next: string): Promise<WriteResult>;
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

/** A temporary file of ours: `.<note name>.<pid>-<token>.repair-tmp`, beside the note. */
const TEMPORARY_NAME = /^\.(.+)\.(\d+)-([0-9a-z]+)\.repair-tmp$/;
let temporaryCounter = 0;

function temporaryPathFor(notePath: string): string {
  const token = `${(temporaryCounter++).toString(36)}${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
  return path.join(path.dirname(notePath), `.${path.basename(notePath)}.${process.pid}-${token}.repair-tmp`);
}

/** Whether a file name is one of our temporary files; with the process ID that made it. */
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

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The file the note's bytes live in: the note itself, or the target of a symlink inside the vault. */
async function realFileOf(notePath: string, root: string): Promise<string> {
  if (!(await fs.lstat(notePath)).isSymbolicLink()) return notePath;
  const target = await fs.realpath(notePath);
  if (!isInside(await fs.realpath(root), target)) throw new Skip('it is a symlink to a file outside the vault');
  return target;
}

async function refuseUnsafe(file: string, stats: Stats): Promise<void> {
  if (!stats.isFile()) throw new Skip('it is not a regular file');
  // A rename gives the path a new file: the note's other names would keep the old text.
  if (stats.nlink > 1) throw new Skip(`it has ${stats.nlink} hard links, and replacing it would split them`);
  // Checked by mode bits too: an administrator may write anywhere, but a read-only note says "leave me".
  const writable = (stats.mode & 0o222) !== 0 && (await fs.access(file, fsConstants.W_OK).then(() => true, () => false));
  if (!writable) throw new Skip('it is read-only');
}

/** Gives the temporary file the note's mode, owner and group; a note whose owner cannot be kept is left. */
async function copyMetadata(handle: FileHandle, original: Stats): Promise<void> {
  // fchmod is not cut by the umask, so 0664 stays 0664.
  await handle.chmod(original.mode & 0o7777);
  const created = await handle.stat();
  if (created.uid === original.uid && created.gid === original.gid) return;
  try {
    await handle.chown(original.uid, original.gid);
  } catch {
    throw new Skip('its owner or group could not be kept (it belongs to another user or group)');
  }
}

/** Flushes a folder's entry list, so a rename survives a power cut; not every platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for flushing; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

async function sameFileAt(file: string, original: Stats): Promise<boolean> {
  const now = await fs.stat(file).catch(() => null);
  return now !== null && now.ino === original.ino && now.dev === original.dev;
}

/** Writes `bytes` to a fresh temporary file beside `file` with its metadata, flushed; returns its path. */
async function writeTemporary(file: string, bytes: Buffer, original: Stats): Promise<string> {
  const temporary = temporaryPathFor(file);
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await copyMetadata(handle, original);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  return temporary;
}

/** The writer on Node's file system. */
export function createNodeAtomicWriter(options: NodeAtomicWriterOptions): AtomicWriter {
  const step = async (name: WriteStep, notePath: string) => options.onStep?.(name, notePath);

  async function replace(notePath: string, expected: Buffer, next: Buffer): Promise<WriteResult> {
    let file: string;
    try {
      file = await realFileOf(notePath, options.root);
    } catch (error) {
      if (error instanceof Skip) return { status: 'skipped', reason: error.message };
      throw error;
    }
    // Held open to the end: whatever another program writes to this file, even after the rename, is read back through it.
    const original = await fs.open(file, 'r');
    let temporary: string | null = null;
    try {
      const stats = await original.stat();
      await refuseUnsafe(file, stats);
      if (!(await contentOf(original)).equals(expected)) return { status: 'skipped', reason: CHANGED_REASON };
      await step('checked', notePath);
      temporary = await writeTemporary(file, next, stats);
      await step('temporary-written', notePath);
      // Checked again right before the swap: a write made while the temporary file was written is kept.
      if (!(await sameFileAt(file, stats)) || !(await contentOf(original)).equals(expected)) {
        return { status: 'skipped', reason: CHANGED_REASON };
      }
      await step('before-rename', notePath);
      await fs.rename(temporary, file);
      temporary = null;
      await syncFolder(path.dirname(file));
      await step('renamed', notePath);
      const late = await contentOf(original);
      if (late.equals(expected)) return { status: 'written' };
      return await putBack(file, late, next, stats);
    } catch (error) {
      if (error instanceof Skip) return { status: 'skipped', reason: error.message };
      throw error;
    } finally {
      await original.close();
      if (temporary !== null) await fs.rm(temporary, { force: true });
    }
  }

  /**
   * Another program wrote to the note between the last check and the rename, so its write went to
   * the file the rename replaced: that text goes back in place of ours, the same atomic way.
   */
  async function putBack(file: string, theirs: Buffer, ours: Buffer, original: Stats): Promise<WriteResult> {
    const current = await fs.open(file, 'r');
    let temporary: string | null = null;
    try {
      if (!(await contentOf(current)).equals(ours)) {
        throw new Error('another program wrote to it twice while it was being repaired; its first write could not be put back');
      }
      temporary = await writeTemporary(file, theirs, original);
      await fs.rename(temporary, file);
      temporary = null;
      await syncFolder(path.dirname(file));
      return { status: 'skipped', reason: RACED_REASON };
    } finally {
      await current.close();
      if (temporary !== null) await fs.rm(temporary, { force: true });
    }
  }

  return {
    replaceIfUnchanged: (absolutePath, expected, next) => replace(absolutePath, Buffer.from(expected, 'utf8'), Buffer.from(next, 'utf8')),
  };
}

/** Whether a process with that ID is running (one of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files our own killed runs left beside notes (only names of exactly our shape,
 * only regular files, only when the process that made them is gone). Returns the vault paths removed.
 */
export async function removeLeftoverTemporaries(root: string, vaultPaths: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const vaultPath of vaultPaths) {
    const pid = temporaryFileOwner(vaultPath.slice(vaultPath.lastIndexOf('/') + 1));
    if (pid === null || (pid !== process.pid && isRunning(pid))) continue;
    const absolute = path.join(root, ...vaultPath.split('/'));
    const stats = await fs.lstat(absolute).catch(() => null);
    if (stats === null || !stats.isFile()) continue;
    await fs.rm(absolute, { force: true });
    removed.push(vaultPath);
  }
  return removed;
}
