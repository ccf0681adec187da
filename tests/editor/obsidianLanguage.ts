/**
 * A small stand-in for the parser of Obsidian's editor: a stream parser whose tokens are CSS class
 * lists (HyperMD style; CodeMirror names the nodes with the spaces turned into `_`), and whose tree,
 * like Obsidian's, ends where parsing has got to. It tokenises just enough Markdown for the editor tests.
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';

interface LineState {
  line: number;
  frontmatter: boolean;
  fence: boolean;
}

// Obsidian maps its class names to highlight tags itself; any tag will do here.
const anyTag = new Proxy({}, { get: () => tags.content });

function inline(stream: StringStream): string | null {
  const afterLinkText = stream.string[stream.pos - 1] === ']';
  if (stream.match(/^`[^`]+`/)) return 'formatting formatting-code inline-code';
  if (stream.match(/^!?\[\[[^\]]*\]\]/)) return 'hmd-internal-link';
  if (stream.match(/^\[[^\]]*\]/)) return 'link';
  if (afterLinkText && stream.match(/^\([^)\s]*\)/)) return 'string url';
  if (stream.match(/^\$[^$]+\$/)) return 'math';
  if (stream.match(/^%%.*?%%/)) return 'comment';
  if (stream.match(/^#[^\s#]+/)) return 'hashtag hashtag-end meta';
  if (stream.match(/^https?:\/\/\S+/)) return 'url';
  if (stream.match(/^\*\*[^*]+\*\*/)) return 'strong';
  if (stream.match(/^<[^>]+>/)) return 'tag hmd-html-begin';
  stream.next();
  stream.eatWhile(/[^`![$%#h*<(]/);
  return null;
}

export const obsidianLikeLanguage = StreamLanguage.define<LineState>({
  name: 'obsidian-like',
  startState: () => ({ line: 0, frontmatter: false, fence: false }),
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    if (stream.sol()) {
      state.line++;
      const text = stream.string.trimEnd();
      if (state.line === 1 && text === '---') state.frontmatter = true;
      else if (state.frontmatter && text === '---') state.frontmatter = false;
      else if (text.startsWith('```')) state.fence = !state.fence;
      else if (!state.frontmatter && !state.fence) return inline(stream);
      stream.skipToEnd();
      if (state.frontmatter || text === '---') return 'hmd-frontmatter';
      return 'hmd-codeblock HyperMD-codeblock-bg';
    }
    if (state.frontmatter) {
      stream.skipToEnd();
      return 'hmd-frontmatter';
    }
    if (state.fence) {
      stream.skipToEnd();
      return 'hmd-codeblock';
    }
    return inline(stream);
  },
  blankLine: (state) => {
    state.line++;
  },
  tokenTable: anyTag,
});
