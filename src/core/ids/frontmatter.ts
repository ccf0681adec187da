/**
 * Where the frontmatter block of a note lies: a first line `---` (a BOM before it is allowed), then
 * lines up to a closing `---` or `...`. One finder for the scanner, the note facts and the editor,
 * so all three agree on what is frontmatter.
 */
import { LineBreaks, lineBreakLength } from './lines';

/** A block longer than this many lines is treated as no frontmatter, so the editor's check stays cheap per update. */
export const MAX_FRONTMATTER_LINES = 1000;

export interface FrontmatterBlock {
  /** Offset of the first line inside the block. */
  readonly contentFrom: number;
  /** Offset of the closing line. */
  readonly contentTo: number;
  /** Offset of the closing line's end (before its line break). */
  readonly closingEnd: number;
  /** Offset just after the closing line and its line break, where the body starts. */
  readonly body: number;
}

/** One line: its text, where it starts and ends, and where the next one starts. */
export interface TextLine {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly next: number;
}

/** The block at the start of the lines (a text's, or an editor document's), or null. Reads at most MAX_FRONTMATTER_LINES + 1 lines. */
export function frontmatterInLines(lines: Iterable<TextLine>): FrontmatterBlock | null {
  let contentFrom = -1;
  let read = 0;
  for (const line of lines) {
    if (contentFrom === -1) {
      if (line.text.replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
      contentFrom = line.next;
    } else {
      const content = line.text.trimEnd();
      if (content === '---' || content === '...') return { contentFrom, contentTo: line.from, closingEnd: line.to, body: line.next };
    }
    if (++read > MAX_FRONTMATTER_LINES) return null;
  }
  return null;
}

/** The frontmatter block at the start of the text, or null. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  // Most notes have none: one look at the first characters settles it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return null;
  // What frontmatterInLines decides, line by line without a slice or an object per line.
  const breaks = new LineBreaks(text);
  let contentFrom = -1;
  let read = 0;
  for (let from = 0; from < text.length; ) {
    const to = breaks.lineEnd(from);
    const next = to + lineBreakLength(text, to);
    if (contentFrom === -1) {
      if (!isLineOf(text, from + bom, to, '---')) return null;
      contentFrom = next;
    } else if (isLineOf(text, from, to, '---') || isLineOf(text, from, to, '...')) {
      return { contentFrom, contentTo: from, closingEnd: to, body: next };
    }
    if (++read > MAX_FRONTMATTER_LINES) return null;
    from = next;
  }
  return null;
}

/** Whether text[from, to) is `marker` followed only by white space (`trimEnd()` gives the marker). */
function isLineOf(text: string, from: number, to: number, marker: string): boolean {
  if (to - from < marker.length || !text.startsWith(marker, from)) return false;
  return to === from + marker.length || text.slice(from + marker.length, to).trimEnd() === '';
}
