/**
 * Link reference definitions in the editor. `[text][label]`, `[text][]` and `[text]` are links only
 * when the note defines their label (core/ids/referenceLabels.ts), and the definition may stand
 * anywhere in the note, out of view; and whether a line is one depends on the line before it,
 * which may be out of view too. A state field keeps the lines shaped like one through every edit,
 * reading again only the lines an edit touched, so a keystroke costs its line; a decoration pass
 * that meets brackets around an ID reads those lines' definitions, once.
 */
import type { EditorState, Text } from '@codemirror/state';
import type { Tree } from '@lezer/common';
import { linkDefinition, mayOpenAfterLine, opensAfterDefinition } from '../core/ids/definitions';
import { labelKey, labelOpen, NO_LABELS, type DefinedLabels } from '../core/ids/referenceLabels';
import { DefinitionWindows, isBlank, MAX_DEFINITION_LINES, MAX_LINES_BEFORE } from './definitionWindows';
import { keptLines } from './keptLines';
import { holdsLiteralText } from './syntaxClassifier';

/**
 * A line whose content, past indentation and quote and list markers, starts with `[label]:`, or
 * one that ends a label opened on a line before it (`… label]:`, a label may go on over lines).
 */
interface DefinitionLine {
  readonly from: number;
  readonly to: number;
  /** The label's `[`, as an offset into the line; -1 when it opens on a line before. */
  readonly open: number;
  /** The label's `]`, as an offset into the line. */
  readonly close: number;
}

// Loose on purpose: whether the line is a definition is for the core's parser to say.
// A footnote's `[^1]:` never opens one.
const SHAPE = /^([ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)\[(?!\^)(?:\\.|[^\\[\]\r\n])+\]:/;
const LABEL_END = /^(?:\\.|[^\\[\]\r\n])*\]:/;

function readLine(text: string, from: number): DefinitionLine | null {
  if (!text.includes(']:')) return null;
  const match = SHAPE.exec(text);
  if (match !== null) return { from, to: from + text.length, open: match[1].length, close: match[0].length - 2 };
  const end = LABEL_END.exec(text);
  return end === null ? null : { from, to: from + text.length, open: -1, close: end[0].length - 2 };
}

// The longest label (CommonMark: 999 characters) and its brackets.
const LONGEST_LABEL = 1001;

/** Where the label the line closes opens: on this line, or on a line before it; -1 when nowhere. */
function labelOpenOf(doc: Text, line: DefinitionLine): number {
  if (line.open >= 0) return line.from + line.open;
  const close = line.from + line.close;
  const from = Math.max(0, close - LONGEST_LABEL);
  const open = labelOpen(doc.sliceString(from, close + 1), close - from, 0);
  return open === -1 ? -1 : from + open;
}

/** The lines that may hold a link reference definition, in document order, kept through edits (./keptLines). */
export const definitionLines = keptLines<DefinitionLine>({
  read: readLine,
  // An object literal of the line's own shape: spread copies (`{ ...line }`) cost about 60 µs a
  // keystroke at the top of a note with 138 definitions at its end (bench, 1516777).
  moved: (line, shift) => ({ from: line.from + shift, to: line.to + shift, open: line.open, close: line.close }),
});

function inLiteral(tree: Tree, pos: number): boolean {
  for (let node = tree.resolveInner(pos, 1); node.parent !== null; node = node.parent) {
    if (holdsLiteralText(node.name)) return true;
  }
  return false;
}

/** The document's link reference definitions: the labels they define, and where they stand. */
export interface DocumentDefinitions {
  readonly labels: DefinedLabels;
  /** Document positions of each definition's `[`. */
  readonly opens: ReadonlySet<number>;
  /** Each definition's span, from its `[` to the end of its destination or title, as flat from/to pairs in document order. */
  readonly spans: readonly number[];
}

const NO_DEFINITIONS: DocumentDefinitions = { labels: NO_LABELS, opens: new Set(), spans: [] };

/** Whether document position `pos` lies within a definition (its label, destination or title: none of it prose). */
export function insideDefinition(definitions: DocumentDefinitions, pos: number): boolean {
  const { spans } = definitions;
  let low = 0;
  let high = spans.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[2 * middle + 1] <= pos) low = middle + 1;
    else high = middle;
  }
  return low < spans.length / 2 && spans[2 * low] <= pos;
}

/**
 * Whether a definition may hold document position `pos`: a line that may hold one stands no more
 * than MAX_DEFINITION_LINES lines before it (a definition reaches no further past its label's last
 * line) or no more than a label's length after it (`pos` may be in a label over lines), with no
 * blank line between that line and `pos` (a definition is read from one paragraph, so it never
 * holds a blank line). Most IDs of a note, in paragraphs of their own, need no reading of the
 * definitions.
 */
export function definitionLineNear(state: EditorState, pos: number): boolean {
  const lines = state.field(definitionLines, false);
  if (lines === undefined || lines.length === 0) return false;
  const { doc } = state;
  const first = firstLineFrom(lines, reachStart(doc, pos));
  const after = firstLineFrom(lines, pos + 1);
  // The nearest line before: any earlier one has the same blank lines between it and `pos`, and more.
  if (after > first && !blankLineBetween(doc, lines[after - 1].to, pos)) return true;
  return after < lines.length && lines[after].from <= pos + LONGEST_LABEL && !blankLineBetween(doc, pos, lines[after].from);
}

/** The start of the line MAX_DEFINITION_LINES before the one holding `pos`: no definition whose line starts before it reaches `pos`. */
function reachStart(doc: Text, pos: number): number {
  return doc.line(Math.max(1, doc.lineAt(pos).number - MAX_DEFINITION_LINES)).from;
}

/** The index of the first kept line that starts at or after `from`. */
function firstLineFrom(lines: readonly DefinitionLine[], from: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle].from < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The kept lines [first, end) whose definitions may hold a position in [from, to], or open there:
 * those near it (definitionLineNear), and before them each line whose definition the next may
 * follow directly (one definition may stand right after another's last line; a blank line between
 * them ends that, as no label, destination or title holds one).
 */
function linesNear(doc: Text, lines: readonly DefinitionLine[], from: number, to: number): [number, number] {
  let first = firstLineFrom(lines, reachStart(doc, from));
  const end = firstLineFrom(lines, to + LONGEST_LABEL + 1);
  while (first > 0 && first < end && !blankLineBetween(doc, lines[first - 1].to, lines[first].from)) first--;
  return [first, end];
}

// How many lines between two definition lines are looked through for a blank one (past that, the
// earlier is read too, which is never wrong, only slower).
const MAX_GAP_READ = MAX_DEFINITION_LINES + MAX_LINES_BEFORE;

/** Whether a blank line stands between the line ending at `before` and the one starting at `after`. */
function blankLineBetween(doc: Text, before: number, after: number): boolean {
  const last = doc.lineAt(after).number - 1;
  const first = doc.lineAt(before).number + 1;
  if (last - first >= MAX_GAP_READ) return false;
  for (let number = first; number <= last; number++) if (isBlank(doc.line(number).text)) return true;
  return false;
}

/**
 * The document's definitions: each candidate line outside frontmatter, code, math and comments is
 * read by the core's parser with the line before it (a definition does not continue a paragraph)
 * and the lines after it up to a blank one, at most MAX_DEFINITION_LINES (where its destination and
 * title may stand: a title may go on over lines; a run of definitions shares one reading of its
 * lines, ./definitionWindows). With `near`, only the definitions that may
 * hold or open at a position in it: their spans and openings are right there, their labels are not
 * all the note's.
 */
export function documentDefinitions(state: EditorState, tree: Tree, proseFrom: number, near?: { readonly from: number; readonly to: number }): DocumentDefinitions {
  const lines = state.field(definitionLines, false);
  if (lines === undefined || lines.length === 0) return NO_DEFINITIONS;
  const { doc } = state;
  const labels = new Set<string>();
  const opens = new Set<number>();
  const spans: number[] = [];
  let lastEnd = -1;
  const [first, end] = near === undefined ? [0, lines.length] : linesNear(doc, lines, near.from, near.to);
  const windows = new DefinitionWindows(doc);
  for (let i = first; i < end; i++) {
    const line = lines[i];
    const open = labelOpenOf(doc, line);
    if (open < proseFrom || inLiteral(tree, open)) continue;
    const opening = doc.lineAt(open);
    // The label's line starts a block right after another definition (whose last line ends just
    // before it), or after a line that is no paragraph: a blank one, frontmatter or literal text (a fence, say).
    const prefix = opening.text.slice(0, open - opening.from);
    const previous = opening.number === 1 || (lastEnd === opening.from - 1 && opensAfterDefinition(prefix)) ? null : doc.line(opening.number - 1);
    const startsBlock = previous === null || previous.from < proseFrom || isBlank(previous.text) || inLiteral(tree, previous.from);
    // A label line going on with a paragraph opens nothing unless a list item or quote opens on it,
    // or the line before ends that paragraph: the paragraph's lines need no reading to say so.
    if (!startsBlock && !mayOpenAfterLine(prefix, previous.text)) continue;
    // Up to a blank line after the label's last line: its destination and title follow it.
    const labelLast = line.open >= 0 ? opening.number : doc.lineAt(line.from).number;
    const { text, from, rangeFrom, limit } = windows.around(opening, labelLast, startsBlock);
    const lineEnd = (at: number): number => {
      const found = text.indexOf('\n', at);
      return found === -1 || found > limit ? limit : found;
    };
    const close = line.from + line.close - from;
    const found = linkDefinition({ text, rangeFrom, limit, lineEnd, lastDefinitionEnd: -1 }, open - from, close);
    if (found === null) continue;
    labels.add(labelKey(text, open - from, close));
    opens.add(open);
    spans.push(open, from + found.linkEnd);
    lastEnd = from + found.end;
  }
  return { labels, opens, spans };
}
