/**
 * The IDs of each line a decoration pass reads, kept for the next pass: a keystroke changes one
 * line, and the pass after it reads the same lines of the viewport again. What a line holds is
 * collectIdsInRange's answer for its text alone, so a line of the same text in the same format
 * holds the same IDs; only the lines of the last pass are kept.
 */
import type { IdFormat } from '../core/ids/formats';
import { collectIdsInRange } from '../core/ids/prose';
import type { IdMatch } from '../core/types';

// One shared answer for the many lines that hold no ID.
const NO_IDS: readonly IdMatch[] = [];

export class LineIds {
  private last = new Map<string, readonly IdMatch[]>();
  private next = new Map<string, readonly IdMatch[]>();
  private format: IdFormat | null = null;

  /** The IDs in `text` from `from` on, in text order. */
  read(text: string, from: number, format: IdFormat): readonly IdMatch[] {
    // Only whole lines are kept: a window cut into a line is read as it comes.
    if (from !== 0) return collect(text, from, format);
    if (format !== this.format) {
      this.format = format;
      this.last.clear();
      this.next.clear();
    }
    let ids = this.next.get(text) ?? this.last.get(text);
    if (ids === undefined) ids = collect(text, 0, format);
    this.next.set(text, ids);
    return ids;
  }

  /** Ends a pass: the lines it read are kept for the next, the others let go. */
  finishPass(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

function collect(text: string, from: number, format: IdFormat): readonly IdMatch[] {
  const found: IdMatch[] = [];
  collectIdsInRange(text, format, from, text.length, found);
  return found.length === 0 ? NO_IDS : found;
}
