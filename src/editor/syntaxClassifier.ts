/**
 * Which editor syntax nodes hold text where a bare ID must not be recognised (PRODUCT.md): code,
 * links, URLs, frontmatter, math, comments, HTML, tags, images, footnotes.
 *
 * Two vocabularies meet here. Obsidian's editor parses with a HyperMD-derived stream parser whose
 * node names are `_`-joined CSS class lists (`hmd-codeblock_HyperMD-codeblock-bg`,
 * `formatting_formatting-code_inline-code`); @codemirror/lang-markdown (the browser playground)
 * names nodes after CommonMark constructs (`FencedCode`, `InlineCode`, `Link`), plus the Obsidian
 * constructs from playground/markdownSyntax.ts (`WikiLink`, `InlineMath`, `BlockMath`, `PercentComment`).
 *
 * Link text is its own verdict: both parsers mark any `[text]` as a link, but without a destination,
 * a label or a definition colon it is literal text (CommonMark; Obsidian's Reading view shows it so),
 * and the core scanner reads `[202108191025]` as a bare reference. The editor decides those by the
 * text around the brackets (./inlineSyntax).
 */

import { frontmatterInLines, type TextLine } from '../core/ids/frontmatter';

/** Where a node puts its text: out of prose, in link text (decided by the brackets), or neither. */
export type NodeExclusion = 'excluded' | 'link-text' | null;

// Obsidian classes of text read literally (code, math, comments), wherever they appear in a node's
// class list: a tag written there opens no HTML block either (./rawHtmlBlocks).
const OBSIDIAN_LITERAL_CLASSES = ['inline-code', 'code', 'formatting-code', 'formatting-code-block', 'math', 'formatting-math', 'comment', 'formatting-comment'];

// Obsidian classes that mark excluded text wherever they appear in a node's class list.
const OBSIDIAN_CLASSES = new Set([
  ...OBSIDIAN_LITERAL_CLASSES,
  'url',
  'hmd-internal-link',
  'formatting-link-string',
  'tag',
  'hashtag',
  'formatting-hashtag',
  'attribute',
]);

// Obsidian classes of `[link text]` and `![alt text]`, a link only when its brackets say so. HyperMD's
// mode styles the label of every line that starts `[label]:` as a footnote's (`hmd-footnote`), a
// definition or not (HyperMD 0.3.11's mode, vendored in tests/editor/hypermd): the note's
// definitions decide that too.
const OBSIDIAN_LINK_TEXT_CLASSES = new Set([
  'link',
  'hmd-footnote',
  'hmd-barelink',
  'hmd-barelink2',
  'hmd-footref',
  'formatting-link',
  'image',
  'image-marker',
  'image-alt-text',
]);

// Obsidian class families whose members vary (begin/end/background variants); all but `hmd-html` literal.
const OBSIDIAN_LITERAL_PREFIXES = ['hmd-codeblock', 'HyperMD-codeblock', 'hmd-indented-code', 'hmd-frontmatter', 'math-'];
const OBSIDIAN_PREFIXES = [...OBSIDIAN_LITERAL_PREFIXES, 'hmd-html'];

// lang-markdown (CommonMark + GFM) nodes and those playground/markdownSyntax.ts adds.
const LEZER_LITERAL_NODES = ['FencedCode', 'CodeBlock', 'InlineCode', 'CodeText', 'CodeInfo', 'Comment', 'CommentBlock', 'InlineMath', 'BlockMath', 'PercentComment'];
const LEZER_NODES = new Set([
  ...LEZER_LITERAL_NODES,
  'URL',
  'Autolink',
  'HTMLBlock',
  'HTMLTag',
  'ProcessingInstruction',
  'ProcessingInstructionBlock',
  'WikiLink',
]);

// A reference's label (`LinkLabel`) too: lang-markdown marks one whether or not the note defines it.
// A `LinkReference` (a definition) is left to the note's definitions (./definitionLines), as
// HyperMD's are: lang-markdown makes one of a line CommonMark reads as continuing a paragraph.
const LEZER_LINK_TEXT_NODES = new Set(['Link', 'Image', 'LinkLabel']);

const LINE_CLASS_PREFIX = /^line-(?:background-)?/;

const verdicts = new Map<string, NodeExclusion>();

// HyperMD styles the label of a reference (`[text][label]`, `[text] [label]`) as a URL string with
// this class (HyperMD 0.3.11's mode, vendored in tests/editor/hypermd), though a label no
// definition gives is text: the brackets decide it, as they do link text.
const OBSIDIAN_REFERENCE_LABEL_CLASS = 'hmd-footref2';

// HyperMD styles the rest of every line that starts `[label]:` as a URL with this class (HyperMD
// 0.3.11's mode, vendored in tests/editor/hypermd), though the line may continue a paragraph (then
// it is prose): whether a definition stands there is for the note's definitions to say
// (./definitionLines), and a URL's ID is no ID to the text's own rules.
const OBSIDIAN_DEFINITION_REST_CLASS = 'hmd-footnote-url';

function classify(name: string): NodeExclusion {
  if (LEZER_NODES.has(name)) return 'excluded';
  if (LEZER_LINK_TEXT_NODES.has(name)) return 'link-text';
  const parts = name.split('_');
  if (parts.includes(OBSIDIAN_REFERENCE_LABEL_CLASS)) return 'link-text';
  if (parts.includes(OBSIDIAN_DEFINITION_REST_CLASS)) return null;
  let verdict: NodeExclusion = null;
  for (const part of parts) {
    // Stream-parser styles carry line classes as `line-…` and `line-background-…`.
    const cls = part.replace(LINE_CLASS_PREFIX, '');
    if (OBSIDIAN_CLASSES.has(cls)) return 'excluded';
    for (const prefix of OBSIDIAN_PREFIXES) if (cls.startsWith(prefix)) return 'excluded';
    if (OBSIDIAN_LINK_TEXT_CLASSES.has(cls)) verdict = 'link-text';
  }
  return verdict;
}

/** Where text inside a syntax node of this name stands for bare-ID recognition. */
export function nodeExclusion(name: string): NodeExclusion {
  // Node names come from a small fixed vocabulary per parser, so the verdict is memoised.
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = classify(name);
    verdicts.set(name, verdict);
  }
  return verdict;
}

const literalVerdicts = new Map<string, boolean>();

/** Whether a syntax node of this name holds code, math, a comment or frontmatter: text read literally. */
export function holdsLiteralText(name: string): boolean {
  let verdict = literalVerdicts.get(name);
  if (verdict === undefined) {
    verdict = LEZER_LITERAL_NODES.includes(name) || name.split('_').some((part) => isLiteralClass(part.replace(LINE_CLASS_PREFIX, '')));
    literalVerdicts.set(name, verdict);
  }
  return verdict;
}

function isLiteralClass(cls: string): boolean {
  return OBSIDIAN_LITERAL_CLASSES.includes(cls) || OBSIDIAN_LITERAL_PREFIXES.some((prefix) => cls.startsWith(prefix));
}

/** The lines of an editor document (CodeMirror's `Text` fits). */
export interface DocumentLines {
  readonly lines: number;
  line(n: number): { readonly text: string; readonly from: number; readonly to: number };
}

export { MAX_FRONTMATTER_LINES } from '../core/ids/frontmatter';

/**
 * The end of a leading YAML frontmatter block (`---` … `---` or `...`), or 0 when there is none.
 * lang-markdown does not parse frontmatter, so this reads the document's first lines, as the
 * scanner and the note facts read a note's (core/ids/frontmatter.ts), never more than
 * MAX_FRONTMATTER_LINES + 1 of them, whatever the document's length.
 */
export function frontmatterEnd(doc: DocumentLines): number {
  // Most notes have none: their first line settles it, with no walk over lines (each keystroke asks).
  const first = doc.line(1);
  if (!first.text.startsWith('---', first.text.charCodeAt(0) === 0xfeff ? 1 : 0)) return 0;
  return frontmatterInLines(documentLines(doc, first))?.closingEnd ?? 0;
}

/** The document's lines, the first of them (`first`) already read. */
function* documentLines(doc: DocumentLines, first: ReturnType<DocumentLines['line']>): Iterable<TextLine> {
  for (let n = 1; n <= doc.lines; n++) {
    const { text, from, to } = n === 1 ? first : doc.line(n);
    // A document's lines are separated by one line break each.
    yield { text, from, to, next: n < doc.lines ? to + 1 : to };
  }
}
