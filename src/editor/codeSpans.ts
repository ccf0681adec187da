/**
 * Inline code that never closes. HyperMD's mode styles everything after a backtick run as inline
 * code, to its line's end and on over the lines after it, whether or not a run of the same length
 * closes it (HyperMD 0.3.11's mode, vendored in tests/editor/hypermd); CommonMark reads a run that
 * nothing closes as text, and so does the core scanner. Where the tree says code and the paragraph
 * holds no closing run, the core scanner, run on the paragraph, says what is prose: the text after
 * such a run may hold any inline construct (a comment, math, a link) that the tree styled as code.
 */
import type { Tree } from '@lezer/common';
import type { IdFormat } from '../core/ids/formats';
import { scanInto, type ReferenceSink } from '../core/ids/scanner';
import type { ParagraphText } from './paragraph';

const BEFORE = 'before';
const INLINE_CODE = 'inline-code';
const CODE_RUN = 'formatting-code';
const INDENTED_CODE = 'hmd-indented-code';

function classesOf(name: string): string[] {
  return name.split('_');
}

/**
 * The backtick run that opens the inline code around `pos`, as the tree styles it: null when `pos`
 * is in none, BEFORE when the run stands before the paragraph (HyperMD's code goes on over blank
 * lines, where CommonMark's never does).
 */
function codeOpener(tree: Tree, paragraph: ParagraphText, pos: number): { from: number; to: number } | typeof BEFORE | null {
  const classes = classesOf(tree.resolveInner(pos, 1).name);
  // HyperMD styles an indented code block's lines as inline code too: a block is the tree's to say.
  if (!classes.includes(INLINE_CODE) || classes.includes(CODE_RUN) || classes.includes(INDENTED_CODE)) return null;
  let opener: { from: number; to: number } | typeof BEFORE = BEFORE;
  tree.iterate({
    from: paragraph.from,
    to: pos,
    enter(node) {
      if (node.to <= pos) {
        const names = classesOf(node.name);
        if (names.includes(CODE_RUN) && names.includes(INLINE_CODE)) opener = { from: node.from, to: node.to };
      }
    },
  });
  return opener;
}

/** Whether a run of exactly `length` backticks stands in `text` at or after `from`. */
function hasRunOf(text: string, length: number, from: number): boolean {
  for (let at = text.indexOf('`', from); at !== -1; ) {
    let end = at;
    while (text.charCodeAt(end) === 96) end++;
    if (end - at === length) return true;
    at = text.indexOf('`', end);
  }
  return false;
}

/**
 * Whether `pos` is in inline code the tree styles after a backtick run its whole paragraph never
 * closes (then the tree's code is text). A paragraph read cut short cannot tell: the tree stands.
 */
export function inUnclosedCode(tree: Tree, paragraph: ParagraphText, pos: number): boolean {
  if (!paragraph.whole) return false;
  const opener = codeOpener(tree, paragraph, pos);
  if (opener === null) return false;
  if (opener === BEFORE) return true;
  const { from, to } = opener;
  return !hasRunOf(paragraph.text, to - from, to - paragraph.from);
}

// The bare IDs the scanner finds in the last paragraph asked about (a pass reads paragraphs in order).
let bareRead: { paragraph: ParagraphText; starts: Set<number> } | null = null;

/** Whether the core scanner, reading the paragraph alone, finds a bare ID starting at document offset `pos`. */
export function scannerReadsBare(paragraph: ParagraphText, format: IdFormat, pos: number): boolean {
  if (bareRead?.paragraph !== paragraph) {
    const starts = new Set<number>();
    const sink: ReferenceSink = { bare: (from) => starts.add(paragraph.from + from), link: () => undefined };
    scanInto(paragraph.text, format, sink);
    bareRead = { paragraph, starts };
  }
  return bareRead.starts.has(pos);
}
