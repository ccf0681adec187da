/**
 * Reads, decodes and scans every note of a vault into a fresh index. On a large vault and a machine
 * with several cores, the main thread scans notes from the front while worker threads claim runs of
 * notes from the back, until they meet (NoteClaims); the results join the index in path order, so
 * the index is the same whichever way it was built.
 */
import { existsSync } from 'fs';
import { availableParallelism, cpus, loadavg } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { KeptLinkTargets, KeptTextAfterIds, type LinkTargetsOfNotes, type TextAfterId } from '../core/check';
import { IdIndex } from '../core/index/idIndex';
import { idKeysFor } from '../core/index/idKeys';
import { createPathLookup, type LinkPathLookup } from '../core/index/linkTargets';
import { notesOfBatch } from '../core/index/scanBatch';
import { NoteScanner } from '../core/index/scannedNote';
import { compareCodeUnits } from '../core/order';
import { isExcluded } from '../core/settings';
import { absolutePaths, cannotRead, decodeNote, listVault, readNodeNote, type VaultContents, type VaultFile } from './readVault';
import { nodeVaultFs, type VaultFs } from './vaultFs';
import { NoteClaims } from './noteClaims';
import type { ScannedRun, WorkerInput, WorkerOutput } from './scanWorker';
import type { ScanSettings } from './vaultSettings';

/** Notes below which one thread does everything: starting workers would cost more than it saves. */
export const NOTES_PER_WORKER = 4000;
/** Threads at most (the main thread included); reading saturates the disk well before more help. */
const MAX_THREADS = 4;

export interface ScannedVault {
  readonly contents: VaultContents;
  readonly index: IdIndex;
  /** A note's text (decoded or read again when asked), or undefined for paths that are not readable notes. */
  readonly textOf: (path: string) => string | undefined;
  /** Every file of the vault, for link resolution (case and Unicode normalisation variants found). */
  readonly paths: LinkPathLookup;
  /** Every note's link targets, kept while its text was at hand (when asked for: ScanOptions.keepLinkTargets). */
  readonly linkTargets?: LinkTargetsOfNotes;
  /** The text after bare IDs no note's name gives, kept from notes whose texts were dropped (see KeptTextAfterIds). */
  readonly keptTextAfterId?: (path: string, idEnd: number) => TextAfterId | undefined;
}

export interface ScanOptions {
  /**
   * Keep every note's text until the tool exits (the default). Without, a note read on this thread
   * is dropped once scanned and read again if asked for: a whole vault's texts kept alive cost the
   * garbage collector more than the few that are read twice. Only Node's own file system, which
   * reads synchronously, reads again; on any other the texts are kept.
   */
  readonly keepTexts?: boolean;
  /** Keep every note's link targets for check as the note is scanned (see KeptLinkTargets). */
  readonly keepLinkTargets?: boolean;
  /**
   * How many scanning threads to start beside the main thread, and how (tests run scanRun in their
   * place); by default threadsFor's count less one, as worker threads, when the tool runs bundled
   * and reads Node's own file system.
   */
  readonly scanThreads?: ScanThreads;
}

export interface ScanThreads {
  /** Threads to start beside the main thread (0: the main thread scans every note). */
  readonly count: number;
  /** Starts one; it claims runs of notes until none is left and resolves with what it scanned. */
  start(input: WorkerInput): Promise<WorkerOutput>;
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

/**
 * Throws UsageError when the folder is missing or cannot be listed (see listVault). Notes in the
 * excluded folders are left out as the plugin leaves them out of its index: not read, owning no ID,
 * never a problem; their files still count for links, as Obsidian still has them.
 */
export async function scanVault(directory: string, settings: ScanSettings, fs: VaultFs, scanOptions: ScanOptions = {}): Promise<ScannedVault> {
  const { format, excludedFolders } = settings;
  const listing = await listVault(directory, fs);
  const { allPaths } = listing;
  const notePaths = excludedFolders.length === 0 ? listing.notePaths : listing.notePaths.filter((p) => !isExcluded(p, excludedFolders));
  const unreadable = listing.unreadable.filter((u) => !isExcluded(u.path, excludedFolders));
  const paths = createPathLookup(allPaths);
  const targets = scanOptions.keepLinkTargets === true ? new KeptLinkTargets() : null;
  const keepTexts = scanOptions.keepTexts !== false || fs !== nodeVaultFs;
  const absolute = absolutePaths(directory);
  // In path order, as runs are contiguous and joined in order.
  const files: VaultFile[] = [];
  const texts = keepTexts ? textsOf(files) : readAgain(files, absolute);
  const index = new IdIndex({ format, texts: { textOf: texts } });
  const options = { format, ownIdSources: settings.ownIdSources, frontmatterKey: settings.frontmatterKey };
  // Every note known by its name first, as the plugin builds: each scanned note then goes the index's
  // short way in, and the IDs no name gives are known before any note is read (KeptTextAfterIds).
  index.putNames(notePaths, options);
  const afterIds = keepTexts ? null : new KeptTextAfterIds(index, idKeysFor(format)?.length ?? 0);
  const scanThreads = scanOptions.scanThreads ?? workerThreads(fs, notePaths.length);
  const claims = scanThreads.count > 0 ? NoteClaims.create(notePaths.length) : null;
  const workers = claims === null ? [] : Array.from({ length: scanThreads.count }, () => scanThreads.start(workerInput(directory, notePaths, claims, settings)));
  const scanner = new NoteScanner(options);
  await scanNotesHere(notePaths, claims, (notePath) => readText(fs, absolute(notePath)), (notePath, text) => {
    if (typeof text !== 'string') unreadable.push({ path: notePath, reason: text.reason });
    else {
      files.push(keepTexts ? { path: notePath, text } : new ReadAgainFile(notePath, text.length, texts));
      const scanned = scanner.scan(notePath, text);
      index.put(scanned);
      targets?.add(scanned, text);
      afterIds?.add(scanned, text);
    }
  });
  const keptFile = keptFiles();
  const runs: { run: ScannedRun; bytes: Buffer }[] = [];
  for (const output of await Promise.all(workers)) {
    const bytes = Buffer.from(output.bytes);
    for (const run of output.runs) runs.push({ run, bytes });
    for (const { note, reason } of output.unreadable) unreadable.push({ path: notePaths[note], reason });
  }
  // The runs cover the notes after this thread's, back to back: in path order, they join the index
  // as this thread's notes did.
  runs.sort((a, b) => a.run.from - b.run.from);
  for (const { run, bytes } of runs) {
    const batchPaths = run.notes.map((note) => notePaths[note]);
    let n = 0;
    for (const note of notesOfBatch(run.batch, batchPaths)) {
      const file = keptFile(batchPaths[n], bytes, run.offsets[n], run.offsets[n + 1]);
      files.push(file);
      index.put(note);
      targets?.add(note, () => file.text);
      n++;
    }
  }
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A note that could not be read keeps its record from the names pass: its ID is in its name, so
  // references to it resolve to it (as in the plugin, which keeps a note it cannot read by its name),
  // rather than read as naming no note, which repair would then point at another.
  return {
    contents: { files, unreadable, allPaths, excludedNotes: listing.notePaths.length - notePaths.length }, index, textOf: texts, paths,
    ...(targets === null ? {} : { linkTargets: targets }),
    ...(afterIds === null ? {} : { keptTextAfterId: (notePath: string, idEnd: number) => afterIds.textAfterId(notePath, idEnd) }),
  };
}

type ReadNote = string | { reason: string };

/**
 * Reads this thread's notes, the first ones up to where the scanning threads' runs begin, and hands
 * each to `take`. A function whose loop is all it does: V8 optimises a hot loop while it runs (OSR),
 * and code after the loop that had not run yet made it throw that code away and compile the whole
 * of scanVault again once the loop ended (about 80 ms of compiling in a 20k-note check, by
 * node --trace-opt, for a function that runs once).
 */
async function scanNotesHere(
  notePaths: readonly string[], claims: NoteClaims | null, read: (notePath: string) => ReadNote | Promise<ReadNote>, take: (notePath: string, text: ReadNote) => void,
): Promise<void> {
  for (let note = 0; note < notePaths.length && (claims === null || claims.claimNext()); note++) {
    const notePath = notePaths[note];
    const text = read(notePath);
    take(notePath, text instanceof Promise ? await text : text);
  }
}

/** Texts of notes kept whole, found by path (the map is made on the first question). */
function textsOf(files: readonly VaultFile[]): (path: string) => string | undefined {
  let byPath: Map<string, VaultFile> | null = null;
  return (notePath) => {
    byPath ??= new Map(files.map((file) => [file.path, file]));
    return byPath.get(notePath)?.text;
  };
}

/**
 * Texts read again from disk when asked for (Node's own file system), found by path in the sorted
 * notes; notes from scanning threads are still at hand as their bytes. undefined for a path that
 * is not a readable note, a note that can no longer be read, or one whose length changed since it
 * was scanned (as the index's cursor judges a text: the scan's offsets would not fit it).
 */
function readAgain(files: readonly VaultFile[], absolute: (notePath: string) => string): (path: string) => string | undefined {
  return (notePath) => {
    const file = fileAt(files, notePath);
    if (file === undefined) return undefined;
    if (!(file instanceof ReadAgainFile)) return file.text;
    const read = readNodeNote(absolute(notePath));
    return typeof read === 'string' && read.length === file.length ? read : undefined;
  };
}

/** A note read on this thread whose text was dropped after scanning; asking for it reads it again. */
class ReadAgainFile implements VaultFile {
  constructor(
    readonly path: string,
    /** The text's length when it was scanned. */
    readonly length: number,
    private readonly texts: (path: string) => string | undefined,
  ) {}

  get text(): string {
    return this.texts(this.path) ?? '';
  }
}

/** The file at the path in files sorted by path (binary search: no map of a whole vault's paths). */
function fileAt(files: readonly VaultFile[], notePath: string): VaultFile | undefined {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareCodeUnits(files[middle].path, notePath);
    if (order === 0) return files[middle];
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
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
 * The note's text, or why it is not one. Node's own file system reads synchronously, and then no
 * promise is made and no await taken per note.
 */
function readText(fs: VaultFs, absolutePath: string): ReadNote | Promise<ReadNote> {
  if (fs === nodeVaultFs) return readNodeNote(absolutePath);
  try {
    const read = fs.read(absolutePath);
    return read instanceof Uint8Array ? decodeNote(read) : read.then(decodeNote, cannotRead);
  } catch (error) {
    return cannotRead(error);
  }
}

/** The worker's bundle, beside the tool's own in dist/ (absent when running from source). */
const WORKER_SCRIPT = path.join(__dirname, 'scanWorker.js');

/** Worker threads as threadsFor counts them (the main thread less), when they can run: bundled, on Node's own file system. */
function workerThreads(fs: VaultFs, notes: number): ScanThreads {
  // Injected file systems (tests) are read through the seam; only Node's own can be read from workers.
  const count = fs === nodeVaultFs && existsSync(WORKER_SCRIPT) ? threadsFor(notes) - 1 : 0;
  return { count, start: startWorker };
}

function workerInput(directory: string, notePaths: readonly string[], claims: NoteClaims, settings: ScanSettings): WorkerInput {
  const { format } = settings;
  return {
    directory,
    notePaths,
    claims: claims.counters,
    format: format.key === 'custom' ? format.source : format.key,
    ownIdSources: settings.ownIdSources,
    frontmatterKey: settings.frontmatterKey,
  };
}

function startWorker(input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: input });
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a scanning thread stopped with exit code ${code}`));
    });
  });
}
