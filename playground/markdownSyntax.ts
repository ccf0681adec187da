/**
 * Obsidian's Markdown constructs that CommonMark lacks, as @lezer/markdown extensions, so an editor
 * running @codemirror/lang-markdown (the browser playground) has syntax nodes for every place a bare
 * ID must be skipped: `[[wikilinks]]` and `![[embeds]]`, `$math$` and `$$math$$` blocks, `%%comments%%`.
 * Obsidian's own editor parses these itself and never loads this file.
 *
 * Use: `markdown({ extensions: obsidianMarkdownSyntax })`.
 */
import type { BlockContext, BlockParser, InlineContext, Line, MarkdownConfig } from '@lezer/markdown';

const BANG = 33;
const DOLLAR = 36;
const PERCENT = 37;
const OPEN_BRACKET = 91;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === -1;
}

/** Position just past the next `closer` after `from` on the same line of the inline section, or -1. */
function closingOnLine(cx: InlineContext, from: number, closer: string): number {
  const rest = cx.slice(from, cx.end);
  const at = rest.indexOf(closer);
  if (at < 0 || rest.lastIndexOf('\n', at) >= 0) return -1;
  return from + at + closer.length;
}

const wikiLink: MarkdownConfig = {
  defineNodes: ['WikiLink'],
  parseInline: [
    {
      name: 'WikiLink',
      before: 'Link',
      parse(cx, next, pos) {
        const open = next === BANG ? pos + 1 : pos;
        if ((next !== OPEN_BRACKET && next !== BANG) || cx.char(open) !== OPEN_BRACKET || cx.char(open + 1) !== OPEN_BRACKET) {
          return -1;
        }
        const end = closingOnLine(cx, open + 2, ']]');
        return end < 0 ? -1 : cx.addElement(cx.elt('WikiLink', pos, end));
      },
    },
  ],
};

const inlineMath: MarkdownConfig = {
  defineNodes: ['InlineMath'],
  parseInline: [
    {
      name: 'InlineMath',
      before: 'Link',
      parse(cx, next, pos) {
        if (next !== DOLLAR) return -1;
        if (cx.char(pos + 1) === DOLLAR) {
          const end = closingOnLine(cx, pos + 2, '$$');
          return end < 0 ? -1 : cx.addElement(cx.elt('InlineMath', pos, end));
        }
        // Obsidian's rule: `$` opens only before a non-space and closes only after one ("$5 and $6" is prose).
        if (isSpace(cx.char(pos + 1))) return -1;
        for (let at = pos + 2; at < cx.end; at++) {
          const code = cx.char(at);
          if (code === 10) return -1;
          if (code === DOLLAR && !isSpace(cx.char(at - 1))) return cx.addElement(cx.elt('InlineMath', pos, at + 1));
        }
        return -1;
      },
    },
  ],
};

const inlineComment: MarkdownConfig = {
  parseInline: [
    {
      name: 'PercentComment',
      before: 'Link',
      parse(cx, next, pos) {
        if (next !== PERCENT || cx.char(pos + 1) !== PERCENT) return -1;
        const end = closingOnLine(cx, pos + 2, '%%');
        return end < 0 ? -1 : cx.addElement(cx.elt('PercentComment', pos, end));
      },
    },
  ],
};

/** A block from a line starting with `fence` to the next line holding `fence`, or to the document's end. */
function fencedBlock(name: string, fence: string): BlockParser {
  // Closed on its opening line it is inline syntax, and prose may follow it.
  const opens = (line: Line): boolean =>
    line.text.startsWith(fence, line.pos) && !line.text.includes(fence, line.pos + fence.length);
  return {
    name,
    before: 'FencedCode',
    parse(cx: BlockContext, line: Line) {
      if (!opens(line)) return false;
      const from = cx.lineStart + line.pos;
      let closed = false;
      while (!closed && cx.nextLine()) closed = line.text.includes(fence);
      if (closed) cx.nextLine();
      cx.addElement(cx.elt(name, from, cx.prevLineEnd()));
      return true;
    },
    endLeaf: (_cx, line) => opens(line),
  };
}

const blocks: MarkdownConfig = {
  defineNodes: ['BlockMath', 'PercentComment'],
  parseBlock: [fencedBlock('BlockMath', '$$'), fencedBlock('PercentComment', '%%')],
};

/** Wikilinks, math and `%%` comments for @codemirror/lang-markdown. */
export const obsidianMarkdownSyntax: readonly MarkdownConfig[] = [blocks, wikiLink, inlineMath, inlineComment];
