/**
 * The prose blocks of a note as the CommonMark reference implementation (commonmark.js) reads them,
 * and the scanner's bare references grouped by those blocks: the property tests of recognition
 * compare the two.
 */
import { Parser, type Node } from 'commonmark';
import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

export const A = '202104291524';

/** A paragraph or heading by its 1-based lines, and how many IDs it holds. */
export interface ProseBlock {
  first: number;
  last: number;
  ids: number;
}

/**
 * How many IDs follow the end of a raw HTML block's end tag or a comment's `-->` on the block's last
 * line: CommonMark keeps that text in the block, and passes it through, so Reading view shows it as
 * text, and the scanner reads it as prose.
 */
function htmlBlockTail(node: Node): number {
  const literal = (node.literal ?? '').trimStart();
  const comment = literal.startsWith('<!--');
  if (!comment && !/^<(?:pre|script|style|textarea)(?:[\s>]|$)/i.test(literal)) return 0;
  // `<!-->` and `<!--->` are whole comments (CommonMark 0.31): the closer may share the opener's dashes.
  const end = comment ? /-->/.exec(literal.slice(2)) : /<\/(?:pre|script|style|textarea)>/i.exec(literal);
  if (end === null) return 0;
  const from = end.index + end[0].length + (comment ? 2 : 0);
  return literal.slice(from).split(A).length - 1;
}

function insideLink(node: Node): boolean {
  for (let parent = node.parent; parent !== null; parent = parent.parent) if (parent.type === 'link' || parent.type === 'image') return true;
  return false;
}

/**
 * The paragraphs and headings that hold the ID as text, outside every link and image, and how many
 * times: counted in their text nodes, so an ID in an inline comment or code span, which CommonMark
 * reads inline, is not one; and the text after an HTML block's end on its last line (htmlBlockTail).
 */
export function proseBlocks(text: string): ProseBlock[] {
  const blocks = new Map<Node, ProseBlock>();
  const walker = new Parser().parse(text).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const node: Node = event.node;
    if (event.entering && node.type === 'html_block') {
      const tail = htmlBlockTail(node);
      if (tail > 0) blocks.set(node, { first: node.sourcepos[1][0], last: node.sourcepos[1][0], ids: tail });
    }
    if (!event.entering || node.type !== 'text' || insideLink(node)) continue;
    let block: Node | null = node.parent;
    while (block !== null && block.type !== 'paragraph' && block.type !== 'heading') block = block.parent;
    if (block === null) continue;
    const ids = (node.literal ?? '').split(A).length - 1;
    if (ids === 0) continue;
    const [[first], [last]] = block.sourcepos;
    const found = blocks.get(block) ?? { first, last, ids: 0 };
    found.ids += ids;
    blocks.set(block, found);
  }
  return [...blocks.values()].sort((a, b) => a.first - b.first);
}

/** The scanner's bare references grouped by the block they lie in; one outside every block is a block of its own line with ids -1. */
export function scannedBlocks(text: string, blocks: readonly ProseBlock[]): ProseBlock[] {
  const found = new Map<number, ProseBlock>();
  for (const reference of scanReferences(text, TWELVE_DIGIT)) {
    if (reference.form !== 'bare') continue;
    const line = text.slice(0, reference.from).split('\n').length;
    const block = blocks.find((candidate) => candidate.first <= line && line <= candidate.last);
    if (block === undefined) {
      found.set(-line, { first: line, last: line, ids: -1 });
      continue;
    }
    const counted = found.get(block.first) ?? { first: block.first, last: block.last, ids: 0 };
    counted.ids++;
    found.set(block.first, counted);
  }
  return [...found.values()].sort((a, b) => a.first - b.first);
}
