/**
 * Reference links against the CommonMark reference implementation (commonmark.js): on notes that
 * mix full, collapsed and shortcut references, inline links, and definitions (first on their line,
 * continuing a paragraph, in a list item or a quote, in fenced code, with labels in other case and
 * spacing, with titles over lines), the scanner reads an ID as bare exactly where CommonMark reads it as text outside every
 * link: an ID in a link that no definition makes is a reference users see, and one in a defined
 * link's text is no bare reference for repair to rewrite.
 */
import fc from 'fast-check';
import { Parser, type Node } from 'commonmark';
import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

const A = '202104291524';
const SEED = Number(process.env.REFERENCE_SEED ?? 20261207);
const RUNS = Number(process.env.REFERENCE_RUNS ?? 3000);

const LABELS = ['ref', 'REF', ' ref ', 'two words', 'Two\twords', A, `see ${A}`, `see  ${A.toLowerCase()}`, 'other', ' '];
const label = fc.constantFrom(...LABELS);
const inline = fc.oneof(
  fc.constantFrom(A, `${A} text`, 'text', `[${A}]`, `[see ${A}]`, `[${A}][]`, `![${A}]`, `[${A}][ ]`, `[x](/u) ${A}`, `[a [b] ${A}]`, `[${A}](not a link)`, `[${A}]: x`),
  label.map((name) => `[${name}]`),
  label.map((name) => `[see ${A}][${name}]`),
  label.map((name) => `[${A}][${name}]`),
);
const paragraphLine = fc.array(inline, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const definitionLine = fc
  .tuple(fc.constantFrom('', '', '   ', '- ', '> '), label, fc.constantFrom(' /u', ' /u "t"', '', ' /u x', ' /u "a', ` /u (${A}`))
  .map(([prefix, name, rest]) => `${prefix}[${name}]:${rest}`);
const line = fc.oneof({ weight: 3, arbitrary: paragraphLine }, { weight: 2, arbitrary: definitionLine }, fc.constantFrom('', '', '```', '/u', '> /u', '> "t"', '  "t"', `${A}"`, `> ${A})`, '"a', `b ${A}" x`));
const note = fc
  .array(line, { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join('\n'))
  .filter((text) => !text.startsWith('---'));

interface ProseBlock {
  first: number;
  last: number;
  ids: number;
}

function insideLink(node: Node): boolean {
  for (let parent = node.parent; parent !== null; parent = parent.parent) if (parent.type === 'link' || parent.type === 'image') return true;
  return false;
}

/** The paragraphs and headings whose text, outside every link and image, holds the ID, and how many times. */
function proseBlocks(text: string): ProseBlock[] {
  const blocks = new Map<Node, ProseBlock>();
  const walker = new Parser().parse(text).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const node: Node = event.node;
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
function scannedBlocks(text: string, blocks: readonly ProseBlock[]): ProseBlock[] {
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

describe('reference links against the CommonMark reference implementation', () => {
  test('an ID is bare exactly where CommonMark reads it as text outside every link', () => {
    fc.assert(
      fc.property(note, (text) => {
        const expected = proseBlocks(text);
        expect({ text, blocks: scannedBlocks(text, expected) }).toStrictEqual({ text, blocks: expected });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
