/**
 * A scanning thread of the command-line tool (bundled on its own as dist/scanWorker.js): claims runs
 * of notes from the back of the vault (see NoteClaims), reads, decodes and scans them, and hands back
 * their compact facts and their bytes as transferable buffers. See scanVault.ts.
 */
import { parentPort, workerData } from 'worker_threads';
import { acceptedIdFormatFromArgument } from '../core/ids/formats';
import { ScanBatchWriter, type ScanBatch } from '../core/index/scanBatch';
import { NoteScanner } from '../core/index/scannedNote';
import type { OwnIdSource } from '../core/settings';
import { NoteClaims } from './noteClaims';
import { absolutePaths, readNodeNote } from './readVault';

export interface WorkerInput {
  readonly directory: string;
  /** Vault-relative paths of the vault's notes, all of them: the thread scans those it claims. */
  readonly notePaths: readonly string[];
  /** The shared counters the notes are claimed by (NoteClaims.counters). */
  readonly claims: Int32Array;
  /** '12', '14', 'denote', or a custom pattern's source, which the main thread has checked. */
  readonly format: string;
  readonly ownIdSources: readonly OwnIdSource[];
  readonly frontmatterKey: string;
  /** Notes to claim at a time; RUN_NOTES unless given (tests give a few). */
  readonly runNotes?: number;
}

/** A run of notes the thread claimed, scanned: the notes from `from` on, but for those it could not read. */
export interface ScannedRun {
  /** The run's first note's number in the input's notePaths. */
  readonly from: number;
  readonly batch: ScanBatch;
  /** For each note of the batch, its number in the input's notePaths. */
  readonly notes: readonly number[];
  /** Where each note's bytes start in the output's bytes, and where the last one's end. */
  readonly offsets: readonly number[];
}

export interface WorkerOutput {
  /** In the order they were claimed (from the back of the vault forward). */
  readonly runs: readonly ScannedRun[];
  /** The notes' bytes one after another. */
  readonly bytes: ArrayBuffer;
  readonly unreadable: readonly { readonly note: number; readonly reason: string }[];
}

/**
 * Notes a thread claims at a time: the main thread, which takes its own one by one, waits at most
 * for one such run once every note is claimed, and each run is one batch to hand over.
 */
const RUN_NOTES = 512;

/** Scans runs of notes until every note is claimed; pure apart from reading them, so it runs (and is tested) on any thread. */
export function scanRun(input: WorkerInput): WorkerOutput {
  const format = acceptedIdFormatFromArgument(input.format);
  const scanner = new NoteScanner({ format, ownIdSources: input.ownIdSources, frontmatterKey: input.frontmatterKey });
  const claims = new NoteClaims(input.claims, input.notePaths.length);
  const runs: ScannedRun[] = [];
  const unreadable: { note: number; reason: string }[] = [];
  const bytes = new ByteRun(input.notePaths.length * BYTES_PER_NOTE_GUESS);
  const absolute = absolutePaths(input.directory);
  const runNotes = input.runNotes ?? RUN_NOTES;
  for (let run = claims.claimRun(runNotes); run !== null; run = claims.claimRun(runNotes)) {
    const writer = new ScanBatchWriter();
    const notes: number[] = [];
    const offsets = [bytes.length];
    for (let note = run[0]; note < run[1]; note++) {
      // Read as text, as the main thread reads (readNodeNote), then encoded back: a text that is valid
      // UTF-8 with no NUL gives its exact bytes again, and one call that reads and decodes costs less
      // than reading bytes and decoding them.
      const text = readNodeNote(absolute(input.notePaths[note]));
      if (typeof text !== 'string') unreadable.push({ note, reason: text.reason });
      else {
        writer.add(scanner.scan(input.notePaths[note], text));
        notes.push(note);
        offsets.push(bytes.append(text));
      }
    }
    runs.push({ from: run[0], batch: writer.finish(), notes, offsets });
  }
  return { runs, bytes: bytes.finish(), unreadable };
}

/**
 * Room for the bytes to start with, per note of the vault: a thread scans a share of the notes, and
 * most notes hold less than twice this (1.2 to 1.7 KB in the bench's vaults). Pages no note writes
 * to are never touched, so a guess too large costs little.
 */
const BYTES_PER_NOTE_GUESS = 1024;

/**
 * Texts encoded one after another into one buffer that doubles when a text may not fit: no buffer
 * per note, and no copy of them all to join them.
 */
export class ByteRun {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 20, capacity));
  }

  /** Appends the text's UTF-8 bytes; returns where they end. */
  append(text: string): number {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const most = this.used + text.length * 3;
    if (most > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(most, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    return this.used;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.used;
  }

  /** The bytes written, in an ArrayBuffer of their own (to be transferred). */
  finish(): ArrayBuffer {
    // allocUnsafe makes a plain ArrayBuffer, never a shared one, and one of this size is never a
    // slice of Node's pool, so the bytes start at 0.
    const buffer = this.buffer.buffer as ArrayBuffer;
    return buffer.byteLength === this.used ? buffer : buffer.slice(0, this.used);
  }
}

if (parentPort !== null) {
  const output = scanRun(workerData as WorkerInput);
  const buffers = output.runs.flatMap(({ batch }) => [batch.ints.buffer as ArrayBuffer, batch.keys.buffer as ArrayBuffer, batch.notes.buffer as ArrayBuffer]);
  parentPort.postMessage(output, [output.bytes, ...buffers]);
}
