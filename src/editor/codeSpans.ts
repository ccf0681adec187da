/**
 * Inline code, as HyperMD's tree styles it. HyperMD's mode styles everything after a backtick run as
 * inline code, to its line's end and on over the lines after it (past a blank line too), whether or
 * not a run of the same length closes it (HyperMD 0.3.11's mode, vendored in tests/editor/hypermd);
 * CommonMark reads a run that nothing closes as text, and so does the core scanner. What follows such
 * a run may be math, a comment or a link the tree styled as code, so the core scanner, run on the
 * paragraph read whole, says what is prose there: it reads closed code spans as code all the same.
 * The other way round, code left open that way closes at the run opening a span, so the tree styles
 * the span as text: after a backtick in such a paragraph, the scanner says that too (idLinks.ts).
 */
import type { Tree } from '@lezer/common';
import type { IdFormat } from '../core/ids/formats';
import { scanInto, type ReferenceSink } from '../core/ids/scanner';
import type { ParagraphText } from './paragraph';

const INLINE_CODE = 'inline-code';
// HyperMD styles an indented code block's lines as inline code too: a block is the tree's to say.
const INDENTED_CODE = 'hmd-indented-code';

/**
 * Whether `pos` is in what the tree styles as inline code, in a paragraph read whole. A paragraph
 * cut short cannot tell whether a run closes past its end: there the tree stands.
 */
export function inInlineCode(tree: Tree, paragraph: ParagraphText, pos: number): boolean {
  if (!paragraph.whole) return false;
  const name = tree.resolveInner(pos, 1).name;
  // Node names come from a small fixed vocabulary, so the answer is kept per name.
  let verdict = inlineCodeNames.get(name);
  if (verdict === undefined) {
    const classes = name.split('_');
    verdict = classes.includes(INLINE_CODE) && !classes.includes(INDENTED_CODE);
    inlineCodeNames.set(name, verdict);
  }
  return verdict;
}

const inlineCodeNames = new Map<string, boolean>();

/**
 * Whether HyperMD's tree may style `pos` as text where CommonMark reads code: a run that nothing
 * closes, before the paragraph or in it, leaves its code open, so the run that opens a closed span
 * closes it instead. That takes a backtick before `pos` in a paragraph read whole; there the core
 * scanner says (scannerReadsBare).
 */
export function mayBeCodeTheTreeMissed(paragraph: ParagraphText, pos: number): boolean {
  if (!paragraph.whole) return false;
  if (firstBacktick?.paragraph !== paragraph) firstBacktick = { paragraph, at: paragraph.text.indexOf('`') };
  return firstBacktick.at !== -1 && firstBacktick.at < pos - paragraph.from;
}

// Where the last paragraph asked about holds its first backtick (a pass reads paragraphs in order).
let firstBacktick: { paragraph: ParagraphText; at: number } | null = null;

// The bare IDs the scanner finds in the last paragraph asked about (a pass reads paragraphs in order).
let bareRead: { paragraph: ParagraphText; starts: Set<number> } | null = null;

const LEADING_INDENT = /^[ \t]*/;

/**
 * Whether the core scanner, reading the paragraph alone, finds a bare ID starting at document offset
 * `pos`. The paragraph's first line is read past its indentation: the tree found no indented code
 * there (both callers ask only then), and the indentation may be a list item's, whose marker is out
 * of the text read (`- item`, a blank line, then `    text`).
 */
export function scannerReadsBare(paragraph: ParagraphText, format: IdFormat, pos: number): boolean {
  if (bareRead?.paragraph !== paragraph) {
    const starts = new Set<number>();
    const indent = (LEADING_INDENT.exec(paragraph.text) as RegExpExecArray)[0].length;
    const sink: ReferenceSink = { bare: (from) => starts.add(paragraph.from + indent + from), link: () => undefined };
    scanInto(indent === 0 ? paragraph.text : paragraph.text.slice(indent), format, sink);
    bareRead = { paragraph, starts };
  }
  return bareRead.starts.has(pos);
}
