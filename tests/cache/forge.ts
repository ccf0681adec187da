/** Forging cache files for the tests: lines edited as data, with a checksum that still matches. */
import { decodeRecords, encodeRecords } from '../../src/core/cache/recordCodes';

/** FNV-1a as the cache computes it, so a test can forge a valid checksum over a bad line. */
function checksumOf(lines: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Re-stamps the checksum after the chunk lines were edited, so only field validation can catch the
 * damage (the checksum alone is tested separately).
 */
export function restamped(lines: string[]): string {
  const header = JSON.parse(lines[0]) as Record<string, unknown>;
  header.checksum = checksumOf(lines.slice(1, -1));
  lines[0] = JSON.stringify(header);
  return lines.join('\n');
}

/** Edits the header's fields, and re-stamps the checksum. */
export function withHeader(encoded: string, edit: (header: Record<string, unknown>) => void): string {
  const lines = encoded.split('\n');
  const header = JSON.parse(lines[0]) as Record<string, unknown>;
  edit(header);
  lines[0] = JSON.stringify(header);
  return restamped(lines);
}

/**
 * Edits the first chunk line, its records as numbers (decoded from their text and encoded again),
 * and re-stamps the checksum.
 */
export function withNoteLine(encoded: string, edit: (note: unknown[]) => void): string {
  const lines = encoded.split('\n');
  const note = JSON.parse(lines[1]) as unknown[];
  note[7] = [...(decodeRecords(note[7] as string) ?? [])];
  edit(note);
  note[7] = encodeRecords(note[7] as number[]);
  lines[1] = JSON.stringify(note);
  return restamped(lines);
}

/** Edits the first chunk's records as text, and re-stamps the checksum. */
export function withRecordsText(encoded: string, edit: (records: string) => string): string {
  const lines = encoded.split('\n');
  const note = JSON.parse(lines[1]) as unknown[];
  note[7] = edit(note[7] as string);
  lines[1] = JSON.stringify(note);
  return restamped(lines);
}
