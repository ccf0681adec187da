/**
 * A scanning thread of the command-line tool (bundled on its own as dist/scanWorker.js): reads,
 * decodes and scans its run of notes and hands back their compact facts and their bytes as
 * transferable buffers. See scanVault.ts.
 */
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { idFormatFromArgument } from '../core/ids/formats';
import { ScanBatchWriter, type ScanBatch } from '../core/index/scanBatch';
import { NoteScanner } from '../core/index/scannedNote';
import type { OwnIdSource } from '../core/settings';
import { readNodeNote } from './readVault';

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
    // Read as text, as the main thread reads (readNodeNote), then encoded back: a text that is valid
    // UTF-8 with no NUL gives its exact bytes again, and one call that reads and decodes costs less
    // than reading bytes and decoding them.
    const text = readNodeNote(path.join(input.directory, ...notePath.split('/')));
    if (typeof text !== 'string') {
      unreadable.push({ note, reason: text.reason });
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
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
