/**
 * How the tool's text output looks: wrapped to the terminal's width and coloured, but only when
 * stdout is a terminal (and NO_COLOR is not set); piped output stays one plain line per record,
 * so grep and scripts see the same text whatever the window size.
 */
import { hasControlCharacters, showControlCharacters } from '../core/controlChars';

/** What a piece of text means, which decides its colour. */
export type Tone = 'problem' | 'warning' | 'removed' | 'added' | 'strong' | 'dim';

/** A run of text in one tone (none: the terminal's own colour). */
export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
}

/** One logical line; when wrapped, its continuation lines are indented by `hangingIndent` columns. */
export interface TextLine {
  readonly segments: readonly Segment[];
  readonly hangingIndent?: number;
}

export interface OutputStyle {
  /** Columns to wrap at, or null to never wrap. */
  readonly width: number | null;
  readonly color: boolean;
}

/** Plain, unwrapped text: what a pipe or a file gets. */
export const PLAIN: OutputStyle = Object.freeze({ width: null, color: false });

/** The stream facts the style depends on (a subset of Node's tty.WriteStream). */
export interface StreamInfo {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Wraps and colours only on a terminal; NO_COLOR (any non-empty value, see no-color.org) and TERM=dumb turn colour off. */
export function outputStyleFor(stream: StreamInfo, env: Readonly<Record<string, string | undefined>>): OutputStyle {
  if (stream.isTTY !== true) return PLAIN;
  const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : null;
  const noColor = (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb';
  return { width: columns, color: !noColor };
}

/** A line from plain text, or from segments. */
export function line(...parts: readonly (string | Segment)[]): TextLine {
  return { segments: parts.map((part) => (typeof part === 'string' ? { text: part } : part)) };
}

export function toned(tone: Tone, text: string): Segment {
  return { text, tone };
}

/**
 * Lines of ready-made text (an outline, a listing), each continuing under its own indentation plus
 * `extraIndent` when wrapped.
 */
export function indentedLines(text: string, extraIndent: number): TextLine[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.split('\n').map((row) => ({ segments: [{ text: row }], hangingIndent: row.length - row.trimStart().length + extraIndent }));
}

/** "1 note", "2 notes". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Lines joined for output, each wrapped and coloured as the style says, with a final newline. */
export function renderLines(lines: readonly TextLine[], style: OutputStyle): string {
  return lines.map((l) => wrapLine(visible(l), style.width).map((pieces) => paint(pieces, style.color)).join('\n')).join('\n') + '\n';
}

/**
 * The line with every control character a note's name or text may hold shown as an escape (`\n`,
 * `\x1b`), so output can neither forge lines nor send the terminal commands; colours are added after.
 */
function visible(textLine: TextLine): TextLine {
  if (!textLine.segments.some((s) => hasControlCharacters(s.text))) return textLine;
  const segments = textLine.segments.map((s) => ({ ...s, text: showControlCharacters(s.text) }));
  return { ...textLine, segments };
}

const COLOURS: Readonly<Record<Tone, readonly [string, string]>> = {
  problem: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  removed: ['\u001b[31m', '\u001b[39m'],
  added: ['\u001b[32m', '\u001b[39m'],
  strong: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
};

function paint(pieces: readonly Segment[], color: boolean): string {
  return pieces
    .map(({ text, tone }) => {
      // wrapLine has dropped empty segments, so no colour codes surround nothing.
      if (!color || tone === undefined) return text;
      const [open, close] = COLOURS[tone];
      return open + text + close;
    })
    .join('');
}

/** Splits a line at spaces so no output line is wider than `width`; a word wider than that stands alone. */
function wrapLine(textLine: TextLine, width: number | null): Segment[][] {
  const segments = textLine.segments.filter((s) => s.text !== '');
  if (width === null || displayWidth(segments.map((s) => s.text).join('')) <= width) return [segments];
  // A hanging indent never takes more than half the width, so narrow terminals keep room for words.
  const indent = Math.min(textLine.hangingIndent ?? 0, Math.floor(width / 2));
  const rows: Segment[][] = [];
  let row: Segment[] = [];
  let used = 0;
  let rowHasWord = false;
  const push = (text: string, tone: Tone | undefined): void => {
    row.push(tone === undefined ? { text } : { text, tone });
    used += displayWidth(text);
  };
  for (const { text, tone } of segments) {
    for (const piece of text.split(/( +)/)) {
      if (piece === '') continue;
      const isSpace = piece[0] === ' ';
      if (isSpace) {
        // Leading spaces of the first row are the line's own indentation; spaces before a break are trimmed off their row.
        push(piece, tone);
        continue;
      }
      const pieceWidth = displayWidth(piece);
      if (rowHasWord && used + pieceWidth > width) {
        rows.push(trimEnd(row));
        row = [];
        used = 0;
        push(' '.repeat(indent), undefined);
      }
      push(piece, tone);
      rowHasWord = true;
    }
  }
  rows.push(trimEnd(row));
  return rows;
}

function trimEnd(row: Segment[]): Segment[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  return out;
}

/** Terminal columns a string takes: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x300) width += 1;
    else if ((code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    else width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
