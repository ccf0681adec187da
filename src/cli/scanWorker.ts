/**
 * A scanning thread of the command-line tool (bundled on its own as dist/scanWorker.js): reads,
 * decodes and scans its run of notes and hands back their compact facts and their bytes as
 * transferable buffers. See scanVault.ts.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { idFormatFromArgument } from '../core/ids/formats';
import { ScanBatchWriter, type ScanBatch } from '../core/index/scanBatch';
import { NoteScanner } from '../core/index/scannedNote';
import type { OwnIdSource } from '../core/settings';
import { decodeNote, describeError } from './readVault';

export interface WorkerInput {
  readonly directory: string;
  /** Vault-relative paths of the notes to read. */
  readonly notePaths: readonly string[];
  /** '12', '14', 'denote', or a custom pattern's source. */
  readonly format: string;
  readonly ownIdSources: readonly OwnIdSource[];
  readonly frontmatterKey: string;
}

export interface WorkerOutput {
  readonly batch: ScanBatch;
  /** For each note of the batch, its number in the input's notePaths. */
  readonly notes: readonly number[];
  /** The notes' bytes one after another; note n's are [offsets[n], offsets[n + 1]). */
  readonly bytes: ArrayBuffer;
  readonly offsets: readonly number[];
  readonly unreadable: readonly { readonly note: number; readonly reason: string }[];
}

/** Scans the notes; pure apart from reading them, so it runs (and is tested) on any thread. */
export function scanRun(input: WorkerInput): WorkerOutput {
  const format = idFormatFromArgument(input.format);
  const scanner = new NoteScanner({ format, ownIdSources: input.ownIdSources, frontmatterKey: input.frontmatterKey });
  const writer = new ScanBatchWriter();
  const notes: number[] = [];
  const unreadable: { note: number; reason: string }[] = [];
  const chunks: Buffer[] = [];
  const offsets = [0];
  input.notePaths.forEach((notePath, note) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(input.directory, ...notePath.split('/')));
    } catch (error) {
      unreadable.push({ note, reason: `it cannot be read (${describeError(error)})` });
      return;
    }
    const text = decodeNote(bytes);
    if (typeof text !== 'string') {
      unreadable.push({ note, reason: text.reason });
      return;
    }
    writer.add(scanner.scan(notePath, text));
    notes.push(note);
    chunks.push(bytes);
    offsets.push(offsets[offsets.length - 1] + bytes.length);
  });
  const all = Buffer.concat(chunks);
  // A small Buffer shares its ArrayBuffer with others (Node's pool); hand over one of its own.
  const own = all.byteOffset === 0 && all.byteLength === all.buffer.byteLength;
  const bytes = own ? all.buffer : all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return { batch: writer.finish(), notes, bytes, offsets, unreadable };
}

if (parentPort !== null) {
  const output = scanRun(workerData as WorkerInput);
  const { batch } = output;
  parentPort.postMessage(output, [output.bytes, batch.ints.buffer as ArrayBuffer, batch.keys.buffer as ArrayBuffer, batch.notes.buffer as ArrayBuffer]);
}
