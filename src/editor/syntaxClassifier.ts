/**
 * Which editor syntax nodes hold text where a bare ID must not be recognised (PRODUCT.md): code,
 * links, URLs, frontmatter, math, comments, HTML, tags, images, footnotes.
 *
 * Two vocabularies meet here. Obsidian's editor parses with a HyperMD-derived stream parser whose
 * node names are `_`-joined CSS class lists (`hmd-codeblock_HyperMD-codeblock-bg`,
 * `formatting_formatting-code_inline-code`); @codemirror/lang-markdown (the browser playground)
 * names nodes after CommonMark constructs (`FencedCode`, `InlineCode`, `Link`), plus the Obsidian
 * constructs from ./markdownSyntax (`WikiLink`, `InlineMath`, `BlockMath`, `PercentComment`).
 */

// Obsidian classes that mark excluded text wherever they appear in a node's class list.
const OBSIDIAN_CLASSES = new Set([
  'inline-code',
  'code',
  'formatting-code',
  'formatting-code-block',
  'url',
  'link',
  'hmd-internal-link',
  'hmd-barelink',
  'hmd-footnote',
  'formatting-link',
  'formatting-link-string',
  'image',
  'image-marker',
  'image-alt-text',
  'math',
  'formatting-math',
  'comment',
  'formatting-comment',
  'tag',
  'hashtag',
  'formatting-hashtag',
  'attribute',
]);

// Obsidian class families whose members vary (begin/end/background variants).
const OBSIDIAN_PREFIXES = ['hmd-codeblock', 'HyperMD-codeblock', 'hmd-indented-code', 'hmd-frontmatter', 'hmd-html', 'math-'];

// lang-markdown (CommonMark + GFM) nodes and those ./markdownSyntax adds.
const LEZER_NODES = new Set([
  'FencedCode',
  'CodeBlock',
  'InlineCode',
  'CodeText',
  'CodeInfo',
  'URL',
  'Link',
  'Image',
  'Autolink',
  'LinkReference',
  'HTMLBlock',
  'HTMLTag',
  'Comment',
  'CommentBlock',
  'ProcessingInstruction',
  'ProcessingInstructionBlock',
  'WikiLink',
  'InlineMath',
  'BlockMath',
  'PercentComment',
]);

const LINE_CLASS_PREFIX = /^line-(?:background-)?/;

const verdicts = new Map<string, boolean>();

function classify(name: string): boolean {
  if (LEZER_NODES.has(name)) return true;
  for (const part of name.split('_')) {
    // Stream-parser styles carry line classes as `line-…` and `line-background-…`.
    const cls = part.replace(LINE_CLASS_PREFIX, '');
    if (OBSIDIAN_CLASSES.has(cls)) return true;
    for (const prefix of OBSIDIAN_PREFIXES) if (cls.startsWith(prefix)) return true;
  }
  return false;
}

/** Whether text inside a syntax node of this name is excluded from bare-ID recognition. */
export function isExcludedNodeName(name: string): boolean {
  // Node names come from a small fixed vocabulary per parser, so the verdict is memoised.
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = classify(name);
    verdicts.set(name, verdict);
  }
  return verdict;
}

/** The lines of an editor document (CodeMirror's `Text` fits). */
export interface DocumentLines {
  readonly lines: number;
  line(n: number): { readonly text: string; readonly to: number };
}

/** Frontmatter longer than this is treated as no frontmatter, so the check stays cheap per update. */
export const MAX_FRONTMATTER_LINES = 1000;

/**
 * The end of a leading YAML frontmatter block (`---` … `---` or `...`), or 0 when there is none.
 * lang-markdown does not parse frontmatter, so this reads the text; it looks at most
 * MAX_FRONTMATTER_LINES lines, whatever the document's length.
 */
export function frontmatterEnd(doc: DocumentLines): number {
  if (doc.lines < 2 || doc.line(1).text.replace(/^\ufeff/, '').trimEnd() !== '---') return 0;
  const last = Math.min(doc.lines, MAX_FRONTMATTER_LINES + 1);
  for (let n = 2; n <= last; n++) {
    const line = doc.line(n);
    const content = line.text.trimEnd();
    if (content === '---' || content === '...') return line.to;
  }
  return 0;
}
