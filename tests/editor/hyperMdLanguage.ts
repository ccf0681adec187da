/**
 * A test language whose syntax trees have the shape of Obsidian's editor's: HyperMD's CodeMirror 5
 * Markdown mode (the public ancestor of Obsidian's parser; vendored in ./hypermd, see its README)
 * run through CodeMirror 6's StreamLanguage, so node names are token class lists joined with `_`
 * and the tree is flat. Where Obsidian's fork differs from HyperMD 0.3.11, the difference is added
 * here, each with the evidence for it:
 *
 * - Line classes lose their `line-` / `line-background-` prefix: obsidian-latex-suite
 *   (src/utils/context.ts) and derammo/derobst (internals/index.ts) read node names such as
 *   `HyperMD-codeblock_HyperMD-codeblock-begin` and `HyperMD-header`.
 * - Fenced code lines carry `hmd-codeblock`: obsidian-virtual-linker (linker/liveLinker.ts) and
 *   obsidian-latex-suite skip nodes whose names contain `codeblock`.
 * - `[[wikilinks]]` and `![[embeds]]` are `formatting-link_formatting-link-start`,
 *   `hmd-internal-link` (with `link-has-alias` before a `|`), `formatting-link_formatting-link-end`:
 *   the constants of obsidian-latex-theorem-equation-referencer and obsidian-virtual-linker's
 *   `internal-link_link-has-alias`. HyperMD has no wikilinks.
 * - `%%comments%%`, on one line or many, are `comment`: obsidian-dataview (src/ui/lp-render.ts)
 *   styles inline code inside them from the `comment` in the node name. HyperMD has no such comments.
 * - Hashtags are on (HyperMD has them behind an option) and carry `tag`: obsidian-latex-suite tests
 *   for `hashtag_hashtag-end_meta_tag`.
 * - A single `$` opens inline math only before a non-space and closes only after one, not before a
 *   digit (obsidianmd/obsidian-help issue 1126); HyperMD takes any `$…$` pair.
 *
 * Unknown, and left as HyperMD and CodeMirror 6 do it: the names of lone legacy tokens (CodeMirror 6
 * renames a token that is exactly `tag` to `tagName`; whether Obsidian's copy does is unknown) and
 * HTML inside Markdown (attribute values are plain `string` tokens). The editor extension must be
 * right either way, which is what running its tests on this tree checks.
 */
import CodeMirror from 'codemirror';
import 'codemirror/mode/markdown/markdown';
import 'codemirror/mode/yaml/yaml';
import 'codemirror/mode/stex/stex';
import './hypermd/hypermd';
import { StreamLanguage, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** The parts of HyperMD's (CodeMirror 5 markdown's) state this wrapper reads. */
interface HyperMdState {
  /** Backticks of the open inline code span, -1 in a fenced block; 0 or false outside both. */
  code: number | false;
  indentedCode: boolean;
  linkText: boolean;
  linkHref: boolean;
  htmlState: unknown;
  localMode: unknown;
  hmdOverride: unknown;
  image: boolean;
}

interface WikiLink {
  /** Column of the `|` before an alias, or -1. */
  pipe: number;
  /** Column of the closing `]]`. */
  close: number;
}

interface State {
  md: HyperMdState;
  /** Inside a `%%` comment that may span lines. */
  comment: boolean;
  wiki: WikiLink | null;
}

const hypermd = CodeMirror.getMode<HyperMdState>(
  { indentUnit: 4, tabSize: 4 },
  { name: 'hypermd', hashtag: true, tokenTypeOverrides: { hashtag: 'hashtag meta tag' } },
);

/** Whether HyperMD is in inline Markdown prose, where Obsidian's own inline constructs can start. */
function inProse(md: HyperMdState): boolean {
  return (
    !md.hmdOverride && !md.code && !md.indentedCode && !md.linkText && !md.linkHref && !md.image && md.htmlState == null && md.localMode == null
  );
}

/** The Obsidian-shaped class list of a HyperMD token. */
function obsidianClasses(style: string | null): string | null {
  if (style === null) return null;
  const classes = new Set<string>();
  for (const part of style.split(/\s+/)) if (part !== '') classes.add(part.replace(/^line-(?:background-)?/, ''));
  const inFence = classes.has('HyperMD-codeblock') && !classes.has('HyperMD-codeblock-begin') && !classes.has('HyperMD-codeblock-end');
  if (inFence) classes.add('hmd-codeblock');
  return classes.size === 0 ? null : [...classes].join(' ');
}

/** Obsidian's inline-math rule for a single `$` at the stream's position. */
function opensInlineMath(line: string, at: number): boolean {
  if (line[at + 1] === undefined || /\s/.test(line[at + 1])) return false;
  for (let close = line.indexOf('$', at + 2); close >= 0; close = line.indexOf('$', close + 1)) {
    if (line[close - 1] !== '\\' && !/\s/.test(line[close - 1]) && !/\d/.test(line[close + 1] ?? '')) return true;
  }
  return false;
}

function commentToken(stream: StringStream, state: State): string {
  const close = stream.string.indexOf('%%', stream.pos);
  if (close < 0) {
    stream.skipToEnd();
    return 'comment';
  }
  if (close > stream.pos) {
    stream.pos = close;
    return 'comment';
  }
  stream.pos += 2;
  state.comment = false;
  return 'formatting formatting-comment comment';
}

function wikiLinkToken(stream: StringStream, wiki: WikiLink, state: State): string {
  if (stream.pos === wiki.close) {
    stream.pos += 2;
    state.wiki = null;
    return 'formatting-link formatting-link-end';
  }
  if (stream.pos === wiki.pipe) {
    stream.pos++;
    return 'hmd-internal-link link-alias-pipe';
  }
  const beforeAlias = wiki.pipe > stream.pos;
  stream.pos = beforeAlias ? wiki.pipe : wiki.close;
  if (wiki.pipe < 0) return 'hmd-internal-link';
  return beforeAlias ? 'hmd-internal-link link-has-alias' : 'hmd-internal-link link-alias';
}

/** Starts an Obsidian-only construct at the stream's position, or returns undefined. */
function obsidianConstruct(stream: StringStream, state: State): string | null | undefined {
  const line = stream.string;
  const at = stream.pos;
  if (line.startsWith('%%', at)) {
    stream.pos += 2;
    state.comment = true;
    return 'formatting formatting-comment comment';
  }
  const open = line.startsWith('![[', at) ? 3 : line.startsWith('[[', at) ? 2 : 0;
  if (open > 0) {
    const close = line.indexOf(']]', at + open);
    if (close < 0) return undefined;
    const pipe = line.indexOf('|', at + open);
    state.wiki = { close, pipe: pipe >= 0 && pipe < close ? pipe : -1 };
    stream.pos += open;
    return 'formatting-link formatting-link-start';
  }
  if (line[at] === '$' && line[at + 1] !== '$' && !opensInlineMath(line, at)) {
    stream.pos++;
    return null;
  }
  return undefined;
}

/** A CodeMirror 6 language producing trees shaped like Obsidian's editor's. */
export const hyperMdLanguage = StreamLanguage.define<State>({
  name: 'hypermd-obsidian',
  startState: () => ({ md: hypermd.startState(), comment: false, wiki: null }),
  copyState: (state) => ({
    md: CodeMirror.copyState(hypermd, state.md),
    comment: state.comment,
    wiki: state.wiki === null ? null : { ...state.wiki },
  }),
  blankLine: (state) => {
    hypermd.blankLine?.(state.md);
  },
  token(stream, state) {
    if (state.comment) return commentToken(stream, state);
    if (state.wiki !== null) return wikiLinkToken(stream, state.wiki, state);
    if (inProse(state.md)) {
      const own = obsidianConstruct(stream, state);
      if (own !== undefined) return own;
    }
    // CodeMirror 5 streams have these; HyperMD reads them only to find setext headings and to name
    // table rows, neither of which moves the line between prose and code.
    const legacy = stream as StringStream & { lookAhead?: () => undefined; lineOracle?: { line: number } };
    legacy.lookAhead ??= () => undefined;
    legacy.lineOracle ??= { line: 0 };
    return obsidianClasses(hypermd.token(stream, state.md));
  },
  // Obsidian maps its classes to highlight tags itself; without a tag CodeMirror 6 would drop the node.
  tokenTable: new Proxy({}, { get: () => tags.content }),
});
