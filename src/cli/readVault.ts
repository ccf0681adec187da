/** Lists a vault folder and decodes its notes; files that cannot be read become problems, not crashes. */
import * as buffers from 'buffer';
import { readFileSync } from 'fs';
import * as path from 'path';
import { UsageError } from './errors';
import type { DirectoryEntry, VaultFs } from './vaultFs';

/** A note as read: its vault-relative '/' path and its UTF-8 text, a leading BOM kept. */
export interface VaultFile {
  readonly path: string;
  readonly text: string;
}

export interface UnreadableFile {
  readonly path: string;
  readonly reason: string;
}

export interface VaultContents {
  /** The notes that could be read, sorted by path. */
  readonly files: readonly VaultFile[];
  readonly unreadable: readonly UnreadableFile[];
  /** Every file outside skipped folders, notes and attachments alike, sorted: what links can name. */
  readonly allPaths: readonly string[];
  /** How many notes lie in the excluded folders (VaultSettings), neither read nor counted. */
  readonly excludedNotes: number;
}

/** Folders Obsidian and other tools keep beside the notes, which are never notes themselves. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The vault's files: every path outside skipped folders, the notes among them, and folders that could not be listed. */
export interface VaultListing {
  /** Sorted. */
  readonly allPaths: readonly string[];
  /** The `.md` files, sorted. */
  readonly notePaths: readonly string[];
  readonly unreadable: UnreadableFile[];
}

/** Throws UsageError when `directory` is missing, is not a folder, or cannot be listed. */
export async function listVault(directory: string, fs: VaultFs): Promise<VaultListing> {
  const kind = await fs.kind(directory);
  if (kind === null) throw new UsageError(`Vault folder not found: ${directory}`);
  if (kind !== 'directory') throw new UsageError(`The vault must be a folder, but ${directory} is not one.`);
  const allPaths: string[] = [];
  const unreadable: UnreadableFile[] = [];
  try {
    await collectFiles(directory, '', fs, allPaths, unreadable, true);
  } catch (error) {
    throw new UsageError(`Cannot read the vault folder ${directory}: ${describeError(error)}`);
  }
  // The default sort compares strings by UTF-16 code units: src/core/order.ts's compareCodeUnits, without a call per comparison.
  allPaths.sort();
  return { allPaths, notePaths: allPaths.filter((p) => p.endsWith('.md')), unreadable };
}

async function collectFiles(
  absolute: string, relative: string, fs: VaultFs, found: string[], unreadable: UnreadableFile[], isRoot: boolean,
): Promise<void> {
  let entries;
  try {
    entries = await fs.list(absolute);
  } catch (error) {
    if (isRoot) throw error;
    unreadable.push({ path: relative, reason: `the folder cannot be listed (${describeError(error)})` });
    return;
  }
  for (const folder of addFiles(entries, relative, found)) {
    await collectFiles(path.join(absolute, folder), relative === '' ? folder : `${relative}/${folder}`, fs, found, unreadable, false);
  }
}

/**
 * Adds the listing's files to `found` (paths relative to the vault) and returns the folders to walk.
 * Apart from the walk's awaits: with this loop inside the async walk, V8 optimised the whole walk
 * three times for a vault of three folders (once per long folder, and once more after a deopt).
 */
function addFiles(entries: readonly DirectoryEntry[], relative: string, found: string[]): string[] {
  const prefix = relative === '' ? '' : `${relative}/`;
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'file') found.push(prefix + entry.name);
    else if (entry.kind === 'directory' && !isSkippedFolder(entry.name)) folders.push(entry.name);
  }
  return folders;
}

/** The note's text, or why it cannot be used as one. */
export async function readNote(fs: VaultFs, absolutePath: string): Promise<string | { reason: string }> {
  let bytes: Uint8Array;
  try {
    const read = fs.read(absolutePath);
    bytes = read instanceof Uint8Array ? read : await read;
  } catch (error) {
    return { reason: `it cannot be read (${describeError(error)})` };
  }
  return decodeNote(bytes);
}

/**
 * The note's text from its bytes, or why it is not a note: NUL bytes mean binary, and anything but
 * well-formed UTF-8 is refused (the same bytes a fatal TextDecoder refuses). A leading BOM is kept,
 * so offsets count it as the file's first character.
 */
/**
 * Whether the bytes are valid UTF-8. Node's isUtf8 came in 18.14 (and 19.4); the tool runs on any
 * Node 18, where a strict decoder answers the same, more slowly.
 */
export function utf8Checker(nodeIsUtf8: ((bytes: Uint8Array) => boolean) | undefined): (bytes: Uint8Array) => boolean {
  if (typeof nodeIsUtf8 === 'function') return nodeIsUtf8;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return (bytes) => {
    try {
      strict.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
}

const isUtf8 = utf8Checker((buffers as { isUtf8?: (bytes: Uint8Array) => boolean }).isUtf8);

export function decodeNote(bytes: Uint8Array): string | { reason: string } {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // UTF-16's byte order marks (FF FE, FE FF) are never UTF-8; its text is full of NUL bytes.
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    return { reason: 'it is UTF-16 text, not UTF-8; save it as UTF-8 to have it checked' };
  }
  if (buffer.indexOf(0) >= 0) return { reason: 'it contains NUL bytes, so it is binary, not a Markdown note' };
  if (!isUtf8(buffer)) return { reason: 'it is not valid UTF-8 text' };
  return buffer.toString('utf8');
}

/**
 * readFileSync's options as one object of one shape: given the string 'utf8', Node copies it into
 * a fresh object on every call, and reading 20k notes took about a tenth more CPU time.
 */
const READ_UTF8 = Object.freeze({ encoding: 'utf8', flag: 'r' } as const);

/**
 * A note's text read by Node's own file system as readFileSync(path, 'utf8') does it, in one call
 * that opens, reads, decodes and closes without a buffer for JavaScript. Decoding turns bytes that
 * are not UTF-8 into U+FFFD, so a text holding U+FFFD or NUL is read again as bytes and judged by
 * decodeNote: the answer is always decodeNote's, and the common note pays one search for each.
 */
export function readNodeNote(absolutePath: string): string | { reason: string } {
  let text: string;
  try {
    text = readFileSync(absolutePath, READ_UTF8);
  } catch (error) {
    return cannotRead(error);
  }
  if (text.indexOf('\0') === -1 && text.indexOf('\uFFFD') === -1) return text;
  try {
    return decodeNote(readFileSync(absolutePath));
  } catch (error) {
    return cannotRead(error);
  }
}

/**
 * The absolute path of a vault-relative '/' path, without path.join's normalising per note.
 * `separator` is the platform's (a parameter so tests on one platform can hold the other's).
 */
export function absolutePaths(directory: string, separator: string = path.sep): (notePath: string) => string {
  const root = directory.endsWith(separator) ? directory : directory + separator;
  return separator === '/' ? (notePath) => root + notePath : (notePath) => root + notePath.split('/').join(separator);
}

/** Why a note that could not be opened or read is not indexed. */
export function cannotRead(error: unknown): { reason: string } {
  return { reason: `it cannot be read (${describeError(error)})` };
}

/**
 * A Node error's code and message without its stack, e.g. "EACCES: permission denied, open '…'".
 * Judged by its message, not by instanceof: an error made by Node's own bindings may come from
 * another realm than the caller's Error (as under a test runner's VM context).
 */
export function describeError(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
