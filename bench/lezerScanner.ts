/**
 * The alternative the project did not choose, built only to measure the choice: find prose with
 * @lezer/markdown (GFM plus the project's own lezer extensions for wikilinks, math and `%%`
 * comments, as the editor uses them), then apply the same ID boundary rules (`collectIdsInRange`)
 * in the prose and `idInLinkTarget` in link targets. Frontmatter is cut off first (lezer has none).
 */
import { parser as baseParser, GFM } from '@lezer/markdown';
import type { IdFormat } from '../src/core/ids/formats';
import { collectIdsInRange } from '../src/core/ids/prose';
import { idInLinkTarget } from '../src/core/ids/links';
import { findFrontmatter } from '../src/core/ids/frontmatter';
import type { IdMatch } from '../src/core/types';
import { obsidianMarkdownSyntax } from '../playground/markdownSyntax';

const parser = baseParser.configure([GFM, ...obsidianMarkdownSyntax]);

// Nodes whose text is never prose.
const SKIP = new Set([
  'FencedCode',
  'CodeBlock',
  'InlineCode',
  'HTMLBlock',
  'HTMLTag',
  'CommentBlock',
  'Comment',
  'ProcessingInstruction',
  'ProcessingInstructionBlock',
  'LinkReference',
  'Autolink',
  'URL',
  'InlineMath',
  'BlockMath',
  'PercentComment',
]);

/** A reference as the comparison needs it: which ID, and where. */
export interface FoundId {
  readonly id: string;
  readonly from: number;
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** Bare IDs in prose and IDs in link destinations, sorted by offset. */
export function lezerReferences(text: string, format: IdFormat): FoundId[] {
  const offset = findFrontmatter(text)?.body ?? 0;
  const body = offset === 0 ? text : text.slice(offset);
  const tree = parser.parse(body);
  const found: FoundId[] = [];
  const bare: IdMatch[] = [];
  let proseFrom = 0;
  const prose = (until: number): void => {
    if (until > proseFrom) collectIdsInRange(body, format, proseFrom, until, bare);
  };
  const linkTarget = (raw: string, from: number, decode: boolean): void => {
    const hash = raw.indexOf('#');
    const target = hash === -1 ? raw : raw.slice(0, hash);
    const hit = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(target) ? null : idInLinkTarget(decode ? safeDecode(target) : target, format);
    if (hit !== null && target.slice(hit.offset, hit.offset + hit.id.length) === hit.id) found.push({ id: hit.id, from: from + hit.offset });
  };
  tree.iterate({
    enter(node) {
      const isLink = node.name === 'Link' || node.name === 'Image';
      const url = isLink ? node.node.getChild('URL') : null;
      // lezer marks `[text]` as a Link even with no definition: without a destination it is prose.
      if (isLink && url === null) return true;
      if (!isLink && node.name !== 'WikiLink' && !SKIP.has(node.name)) return true;
      prose(node.from);
      proseFrom = node.to;
      if (url !== null) linkTarget(body.slice(url.from, url.to), url.from, true);
      if (node.name === 'WikiLink') {
        const open = node.from + (body[node.from] === '!' ? 3 : 2);
        const inner = body.slice(open, node.to - 2);
        const pipe = inner.search(/\\?\|/);
        linkTarget(pipe === -1 ? inner : inner.slice(0, pipe), open, false);
      }
      return false;
    },
  });
  prose(body.length);
  for (const match of bare) found.push({ id: match.id, from: match.from });
  found.sort((a, b) => a.from - b.from);
  return offset === 0 ? found : found.map((f) => ({ id: f.id, from: f.from + offset }));
}
