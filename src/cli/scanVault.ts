/**
 * Reads, decodes and scans every note of a vault into a fresh index. A large vault on a machine
 * with several cores is split into contiguous runs of notes: the main thread scans the first run
 * while worker threads read and scan the others, and their results join the index in path order,
 * so the index is the same whichever way it was built.
 */
import { existsSync, readFileSync } from 'fs';
import { availableParallelism, cpus, loadavg } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { IdFormat } from '../core/ids/formats';
import { IdIndex } from '../core/index/idIndex';
import { notesOfBatch } from '../core/index/scanBatch';
import { NoteScanner } from '../core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../core/settings';
import { decodeNote, describeError, listVault, type VaultContents, type VaultFile } from './readVault';
import { nodeVaultFs, type VaultFs } from './vaultFs';
import type { WorkerInput, WorkerOutput } from './scanWorker';

/** Notes below which one thread does everything: starting workers would cost more than it saves. */
export const NOTES_PER_WORKER = 4000;
/** Threads at most (the main thread included); reading saturates the disk well before more help. */
const MAX_THREADS = 4;

export interface ScannedVault {
  readonly contents: VaultContents;
  readonly index: IdIndex;
  /** A note's text (decoded when asked), or undefined for paths that are not readable notes. */
  readonly textOf: (path: string) => string | undefined;
}

/** The machine as the thread count sees it: cores, and how many of them other processes keep busy. */
export interface MachineLoad {
  readonly cores: number;
  /** Runnable processes, averaged over the last minute (os.loadavg; 0 where the system has none). */
  readonly load: number;
}

function machineLoad(): MachineLoad {
  return { cores: typeof availableParallelism === 'function' ? availableParallelism() : cpus().length, load: loadavg()[0] };
}

/**
 * How many threads scan a vault of `notes` notes: as many as the PRINCIPLE_CHAIN_JOBS environment
 * variable asks (1 turns workers off), else one per NOTES_PER_WORKER notes, up to MAX_THREADS and the
 * cores, and only as many beyond the first as the load average leaves cores for. A scanning thread
 * costs CPU of its own (starting it, handing its results over), so when other processes keep every
 * core busy it makes the run slower. Measured on a two-core machine, 100k notes, a second thread
 * against one: 1.21× faster at load average 1.6, about even at 2.9, 1.21× slower at 3.1 to 3.5, and
 * 0.72× to 1.0× the speed at 7 to 8. (The load average counts this tool's own recent runs too.)
 */
export function threadsFor(notes: number, environment: NodeJS.ProcessEnv = process.env, machine: MachineLoad = machineLoad()): number {
  const asked = Number(environment.PRINCIPLE_CHAIN_JOBS);
  if (Number.isInteger(asked) && asked >= 1) return Math.max(1, Math.min(asked, notes));
  const usable = 1 + Math.max(0, Math.ceil(machine.cores - machine.load));
  return Math.max(1, Math.min(machine.cores, MAX_THREADS, usable, Math.floor(notes / NOTES_PER_WORKER)));
}

/** Throws UsageError when the folder is missing or cannot be listed (see listVault). */
export async function scanVault(directory: string, format: IdFormat, fs: VaultFs): Promise<ScannedVault> {
  const { notePaths, allPaths, unreadable } = await listVault(directory, fs);
  const texts = new Map<string, VaultFile>();
  const index = new IdIndex({ format, texts: { textOf: (p) => texts.get(p)?.text } });
  const options = { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  // Injected file systems (tests) are read through the seam; only Node's own can be read from workers.
  const threads = fs === nodeVaultFs && existsSync(WORKER_SCRIPT) ? threadsFor(notePaths.length) : 1;
  const share = Math.ceil(notePaths.length / threads);
  const runs = Array.from({ length: threads }, (_, i) => notePaths.slice(i * share, (i + 1) * share));
  const workers = runs.slice(1).map((run) => startWorker(directory, run, format));
  const scanner = new NoteScanner(options);
  const absolute = absolutePaths(directory);
  for (const notePath of runs[0] ?? []) {
    const read = readText(fs, absolute(notePath));
    const text = read instanceof Promise ? await read : read;
    if (typeof text !== 'string') unreadable.push({ path: notePath, reason: text.reason });
    else {
      texts.set(notePath, { path: notePath, text });
      index.put(scanner.scan(notePath, text));
    }
  }
  const keptFile = keptFiles();
  for (let i = 0; i < workers.length; i++) {
    const output = await workers[i];
    const paths = output.notes.map((note) => runs[i + 1][note]);
    for (const note of notesOfBatch(output.batch, paths)) index.put(note);
    const bytes = Buffer.from(output.bytes);
    paths.forEach((notePath, n) => texts.set(notePath, keptFile(notePath, bytes, output.offsets[n], output.offsets[n + 1])));
    for (const { note, reason } of output.unreadable) unreadable.push({ path: runs[i + 1][note], reason });
  }
  const files = notePaths.flatMap((p) => texts.get(p) ?? []);
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { contents: { files, unreadable, allPaths }, index, textOf: (p) => texts.get(p)?.text };
}

/**
 * Notes kept as the bytes they were read from (already checked to be UTF-8 text), each decoded when
 * someone asks for its text. The last note decoded is remembered, as check asks for one note's
 * text once per reference.
 */
function keptFiles(): (notePath: string, bytes: Uint8Array, from: number, to: number) => VaultFile {
  let lastBytes: Uint8Array | null = null;
  let lastFrom = 0;
  let lastText = '';
  return (notePath, bytes, from, to) => ({
    path: notePath,
    get text(): string {
      if (lastBytes !== bytes || lastFrom !== from) {
        lastText = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
        lastBytes = bytes;
        lastFrom = from;
      }
      return lastText;
    },
  });
}

/**
 * A note's text read by Node's own file system as readFileSync(path, 'utf8') does it, in one call
 * that opens, reads, decodes and closes without a buffer for JavaScript. Decoding turns bytes that
 * are not UTF-8 into U+FFFD, so a text holding U+FFFD or NUL is read again as bytes and judged by
 * decodeNote: the answer is always decodeNote's, and the common note pays one search for each.
 */
export function readNodeNote(absolutePath: string): string | { reason: string } {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
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

function cannotRead(error: unknown): { reason: string } {
  return { reason: `it cannot be read (${describeError(error)})` };
}

/**
 * The note's text, or why it is not one. Node's own file system reads synchronously, and then no
 * promise is made and no await taken per note.
 */
function readText(fs: VaultFs, absolutePath: string): string | { reason: string } | Promise<string | { reason: string }> {
  if (fs === nodeVaultFs) return readNodeNote(absolutePath);
  try {
    const read = fs.read(absolutePath);
    return read instanceof Uint8Array ? decodeNote(read) : read.then(decodeNote, cannotRead);
  } catch (error) {
    return cannotRead(error);
  }
}

/** The absolute path of a vault-relative '/' path, without path.join's normalising per note. */
function absolutePaths(directory: string): (notePath: string) => string {
  const root = directory.endsWith(path.sep) ? directory : directory + path.sep;
  return path.sep === '/' ? (notePath) => root + notePath : (notePath) => root + notePath.split('/').join(path.sep);
}

/** The worker's bundle, beside the tool's own in dist/ (absent when running from source). */
const WORKER_SCRIPT = path.join(__dirname, 'scanWorker.js');

function startWorker(directory: string, notePaths: readonly string[], format: IdFormat): Promise<WorkerOutput> {
  const input: WorkerInput = {
    directory,
    notePaths,
    format: format.key === 'custom' ? format.source : format.key,
    ownIdSources: DEFAULT_SETTINGS.ownIdSources,
    frontmatterKey: DEFAULT_SETTINGS.frontmatterKey,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: input });
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a scanning thread stopped with exit code ${code}`));
    });
  });
}
