/**
 * Raw HTML blocks (`<pre>`, `<script>`, `<style>`, `<textarea>`; CommonMark §4.6, condition 1) in
 * the editor. The scanner reads no ID in one (core/ids/rawHtml.ts) and Reading view links none, but
 * HyperMD's mode, the public ancestor of Obsidian's, styles only such a block's tags and leaves its
 * text unstyled, exactly as it does an inline `<span>`'s, whose text is prose (see
 * tests/editor/rawHtml.test.ts). So the block is found from the text: a state field keeps the lines
 * that may open or end one through every edit, and a lookup per decoration pass walks back from an
 * ID's line to the nearest of them. A tree that marks the block itself (lang-markdown's `HTMLBlock`)
 * excludes the same text on its own.
 */
import type { EditorState } from '@codemirror/state';
import type { Tree } from '@lezer/common';
import { proseRangesInto } from '../core/ids/blocks';
import { indentation } from '../core/ids/containers';
import { opensRawHtmlAt, rawHtmlEndIn } from '../core/ids/rawHtml';
import { keptLines } from './keptLines';
import { holdsLiteralText } from './syntaxClassifier';

/** A line that may open a raw HTML block, end one, or both. */
interface RawHtmlLine {
  /** Where the line starts. */
  readonly from: number;
  /** Where the line ends. */
  readonly to: number;
  /** The opener's `<`, past any quote and list markers; -1 when the line opens nothing. */
  readonly openAt: number;
  /** Where the line's first end tag ends, -1 when it has none: it ends an open block, and prose follows it. */
  readonly endAt: number;
}

const isSpaceOrTab = (code: number): boolean => code === 32 || code === 9;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Where `<pre`, `<script`, `<style` or `<textarea` starts the line's content, past indentation and
 * any quote and list markers, or -1. Loose on purpose: which containers the markers really open is
 * for the core's block pass to say (see `RawHtmlLookup`).
 */
function openerIndex(text: string): number {
  let at = 0;
  for (;;) {
    const code = text.charCodeAt(at);
    if (isSpaceOrTab(code) || code === 62) at++;
    else if ((code === 45 || code === 43 || code === 42) && isSpaceOrTab(text.charCodeAt(at + 1))) at += 2;
    else if (isDigit(code)) {
      let end = at + 1;
      while (isDigit(text.charCodeAt(end)) && end - at < 9) end++;
      const delimiter = text.charCodeAt(end);
      if ((delimiter !== 46 && delimiter !== 41) || !isSpaceOrTab(text.charCodeAt(end + 1))) break;
      at = end + 2;
    } else break;
  }
  return opensRawHtmlAt(text, at, text.length) ? at : -1;
}

function readLine(text: string, from: number): RawHtmlLine | null {
  if (!text.includes('<')) return null;
  const opener = openerIndex(text);
  const end = rawHtmlEndIn(text, 0, text.length);
  if (opener < 0 && end < 0) return null;
  return { from, to: from + text.length, openAt: opener < 0 ? -1 : from + opener, endAt: end < 0 ? -1 : from + end };
}

/**
 * The lines that may open or end a raw HTML block, in document order, kept through edits (./keptLines).
 */
export const rawHtmlLines = keptLines<RawHtmlLine>({
  read: readLine,
  moved: (line, shift) => ({ from: line.from + shift, to: line.to + shift, openAt: moved(line.openAt, shift), endAt: moved(line.endAt, shift) }),
});

function moved(pos: number, shift: number): number {
  return pos < 0 ? pos : pos + shift;
}

// Past this many characters from an indented or nested opener, its block is taken to go on, as an
// unindented one's does to its end tag: the containers are not read that far back on a keystroke.
export const MAX_CONTAINER_READ = 1 << 20;

/**
 * Answers, for one decoration pass, whether a position lies in a raw HTML block, or in indented code
 * right after one (no paragraph is open there, so a line indented four columns is code; HyperMD's
 * mode reads it as text). An opener with markers or indentation before it sits in containers that
 * end its block when they end; the core's block pass reads the text from the opener's line to say
 * where (once per opener and pass).
 */
export class RawHtmlLookup {
  private readonly lines: readonly RawHtmlLine[];
  private readonly proseByOpener = new Map<number, number[]>();
  private readonly codeRunEnds = new Map<number, number>();

  constructor(
    private readonly state: EditorState,
    private readonly tree: Tree,
    private readonly proseFrom: number,
    private readonly readTo: number,
  ) {
    this.lines = state.field(rawHtmlLines);
  }

  /** Whether `pos` lies in a raw HTML block or in the indented code that directly follows one. */
  contains(pos: number): boolean {
    if (this.lines.length === 0) return false;
    const lineFrom = this.state.doc.lineAt(pos).from;
    let i = this.lastAtOrBefore(lineFrom);
    if (i < 0) return false;
    const own = this.lines[i];
    if (own.from === lineFrom) {
      // Text after an end tag on its line is prose, whether or not a block was open.
      if (own.endAt >= 0 && pos >= own.endAt) return false;
      if (own.openAt >= 0) return this.opens(own);
      // An end tag after the position: the line may be an open block's last.
      if (--i < 0) return false;
    }
    const above = this.lines[i];
    if (above.endAt >= 0) {
      // That end tag ended whatever block was open; indented code may follow it.
      if (this.inLiteral(above.endAt - 1)) return false;
      const opener = this.openerOf(i);
      return opener !== null && this.inCodeAfter(opener, above, pos);
    }
    return this.opens(above) && (above.openAt === above.from || this.outOfProseFrom(above, pos));
  }

  /**
   * The opener of the block that `this.lines[i]` (holding an end tag) ends, if it is in one: that
   * line's own opener, or the one above it. Only the nearest line can tell: a line above with an end
   * tag ended any block before, and an opener above opens a block or, in code or frontmatter, shows
   * that none is open.
   */
  private openerOf(i: number): RawHtmlLine | null {
    const line = this.lines[i];
    if (line.openAt >= 0) return this.opens(line) ? line : null;
    const above = this.lines[i - 1];
    return above !== undefined && above.endAt < 0 && this.opens(above) ? above : null;
  }

  private lastAtOrBefore(pos: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.lines[mid].from <= pos) low = mid + 1;
      else high = mid - 1;
    }
    return high;
  }

  /**
   * Whether the opener opens a block: not in frontmatter, code, math or a comment. The tree never
   * reads a raw block's text as any of those, so one there also shows that no block is open.
   */
  private opens(line: RawHtmlLine): boolean {
    return line.openAt >= this.proseFrom && !this.inLiteral(line.openAt);
  }

  private inLiteral(pos: number): boolean {
    for (let node = this.tree.resolveInner(pos, 1); node.parent !== null; node = node.parent) {
      if (holdsLiteralText(node.name)) return true;
    }
    return false;
  }

  /** Whether `pos` lies in indented code that starts on the line after `end`, the last line of `opener`'s block. */
  private inCodeAfter(opener: RawHtmlLine, end: RawHtmlLine, pos: number): boolean {
    if (opener.openAt !== opener.from) return this.outOfProseFrom(opener, pos);
    let runEnd = this.codeRunEnds.get(end.from);
    if (runEnd === undefined) {
      // Up to the first line that is blank or indented less: a blank line leaves no paragraph open,
      // so the tree reads what follows one as CommonMark does.
      const { doc } = this.state;
      runEnd = end.to;
      for (let n = doc.lineAt(end.to).number + 1; n <= doc.lines; n++) {
        const line = doc.line(n);
        if (line.from > this.readTo || indentation(line.text) < 4) break;
        runEnd = line.to;
      }
      this.codeRunEnds.set(end.from, runEnd);
    }
    return pos > end.to && pos <= runEnd;
  }

  /** Whether `pos` is out of prose when the core's block pass reads the text from `opener`'s line. */
  private outOfProseFrom(opener: RawHtmlLine, pos: number): boolean {
    let prose = this.proseByOpener.get(opener.from);
    if (prose === undefined) {
      const text = this.state.doc.sliceString(opener.from, Math.min(this.readTo, opener.from + MAX_CONTAINER_READ));
      prose = [];
      prose.length = proseRangesInto(text, prose, false);
      this.proseByOpener.set(opener.from, prose);
    }
    // Past the text read, no range holds the position: the block is taken to go on.
    const offset = pos - opener.from;
    for (let i = 0; i < prose.length; i += 2) if (prose[i] <= offset && offset < prose[i + 1]) return false;
    return true;
  }
}
