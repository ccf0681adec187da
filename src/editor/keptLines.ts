/**
 * A state field of the document lines of one kind (those that may open a raw HTML block, or hold a
 * link reference definition), kept in document order through every edit: an edit reads again only
 * the lines it touched and moves the others, so a keystroke costs its line and a walk over the
 * (usually empty) list.
 */
import { StateField, type Text } from '@codemirror/state';

/** A kept line: where it starts and ends, and whatever its reader found in it. */
export interface KeptLine {
  readonly from: number;
  readonly to: number;
}

export interface LineReader<L extends KeptLine> {
  /** The line's entry, or null when the line is not of the kind. `from` is where it starts. */
  read(text: string, from: number): L | null;
  /** The entry of a line an edit moved by `shift` without touching it. */
  moved(line: L, shift: number): L;
}

function readLines<L extends KeptLine>(reader: LineReader<L>, doc: Text, firstLine: number, lastLine: number, out: L[]): void {
  for (let n = firstLine; n <= lastLine; n++) {
    const line = doc.line(n);
    const found = reader.read(line.text, line.from);
    if (found !== null) out.push(found);
  }
}

function readDocument<L extends KeptLine>(reader: LineReader<L>, doc: Text): L[] {
  const found: L[] = [];
  let from = 0;
  for (const lines = doc.iterLines(); !lines.next().done; ) {
    const line = reader.read(lines.value, from);
    if (line !== null) found.push(line);
    from += lines.value.length + 1;
  }
  return found;
}

/** Whether any range [from, to] of the flat list meets the line [lineFrom, lineTo], ends included. */
function touches(ranges: readonly number[], lineFrom: number, lineTo: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] <= lineTo && ranges[i + 1] >= lineFrom) return true;
  return false;
}

export function keptLines<L extends KeptLine>(reader: LineReader<L>): StateField<readonly L[]> {
  return StateField.define<readonly L[]>({
    create: (state) => readDocument(reader, state.doc),
    update(lines, transaction) {
      if (!transaction.docChanged) return lines;
      const { changes } = transaction;
      const touchedBefore: number[] = [];
      const touchedAfter: number[] = [];
      changes.iterChangedRanges((fromA, toA, fromB, toB) => {
        touchedBefore.push(fromA, toA);
        touchedAfter.push(fromB, toB);
      });
      const { doc } = transaction.state;
      const read: L[] = [];
      for (let i = 0; i < touchedAfter.length; i += 2) {
        readLines(reader, doc, doc.lineAt(touchedAfter[i]).number, doc.lineAt(touchedAfter[i + 1]).number, read);
      }
      // Most notes have no such line, before the edit or after it: nothing to move.
      if (lines.length === 0 && read.length === 0) return lines;
      const next: L[] = [];
      // Lines wholly before the first change stay; those after the last move by the length it all
      // added: only lines between changes need the changes walked.
      const firstChanged = touchedBefore[0];
      const lastChanged = touchedBefore[touchedBefore.length - 1];
      const tailShift = changes.newLength - changes.length;
      for (const line of lines) {
        if (line.to < firstChanged) next.push(line);
        else if (line.from > lastChanged) next.push(tailShift === 0 ? line : reader.moved(line, tailShift));
        else if (!touches(touchedBefore, line.from, line.to)) {
          const shift = changes.mapPos(line.from) - line.from;
          next.push(shift === 0 ? line : reader.moved(line, shift));
        }
      }
      // Moved lines keep their order; only lines read again need sorting in.
      if (read.length === 0) return next;
      next.push(...read);
      next.sort((a, b) => a.from - b.from);
      // Two changed ranges on one line read it twice.
      return next.filter((line, i) => i === 0 || next[i - 1].from !== line.from);
    },
  });
}
