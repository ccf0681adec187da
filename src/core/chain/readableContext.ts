/**
 * A context line as a reader sees the note: link syntax reduced to the text it shows, and the
 * line's block markers (list, task, quote, callout, heading) left off, so the chain shows the
 * sentence as prose. The index keeps the raw line (repair and offsets need it); views show this.
 */

import { joinsWordAfter, joinsWordBefore } from '../ids/wordRule';

const ELLIPSIS = '…';

/** Quote markers, then a callout's type, then a heading, list or task marker: only at the line's start. */
const BLOCK_MARKERS = /^(?:[ \t]*>)+[ \t]?|^\[![^\]\n]*\][+-]?[ \t]*|^#{1,6}[ \t]+|^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[^\]\n]\][ \t]+)?/;

/** What a wikilink shows: its alias, else its target's file name without `.md` and subpath. */
function wikilinkText(inner: string): string {
  const pipe = inner.indexOf('|');
  if (pipe >= 0) return inner.slice(pipe + 1);
  const target = inner.replace(/#.*$/, '');
  const name = target.slice(target.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return name === '' ? inner : name;
}

/** Removes the block markers a line starts with (several, as in `> - [ ] `); a cut line (…) has none. */
function withoutBlockMarkers(context: string): string {
  let text = context;
  // No alternative of BLOCK_MARKERS matches nothing; the '' test keeps an edit of it from looping forever.
  for (let match = BLOCK_MARKERS.exec(text); match !== null && match[0] !== ''; match = BLOCK_MARKERS.exec(text)) {
    text = text.slice(match[0].length);
  }
  return text.trimStart();
}

/** The context with `[[target|alias]]`, `![[embed]]` and `[text](destination)` shown as their text. */
export function readableContext(context: string): string {
  return (
    withoutBlockMarkers(context)
      .replace(/!?\[\[([^\]\n]+)\]\]/g, (_match, inner: string) => wikilinkText(inner))
      .replace(/!?\[([^\]\n]*)\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+"[^"\n]*")?\)/g, (_match, text: string) => text)
      // A link cut off by the context's end: keep what it shows so far.
      .replace(/!?\[\[([^\]\n]*)…$/, (_match, inner: string) => wikilinkText(inner) + ELLIPSIS)
      .replace(/!?\[([^\]\n]*)\]\([^)\s]*…$/, (_match, text: string) => text + ELLIPSIS)
  );
}

/** A context split around the ID it stands for, so a view can highlight the ID. */
export interface ContextParts {
  readonly before: string;
  /** The ID as it appears, or '' when the readable text does not show it (an aliased link). */
  readonly id: string;
  readonly after: string;
}

/** Splits the readable context at the first occurrence of the ID that is not part of a longer word (the scanner's rule). */
export function contextParts(readable: string, id: string | null): ContextParts {
  if (id !== null && id !== '') {
    for (let at = readable.indexOf(id); at >= 0; at = readable.indexOf(id, at + 1)) {
      const end = at + id.length;
      if (!joinsWordBefore(readable, at) && !joinsWordAfter(readable, end)) {
        return { before: readable.slice(0, at), id: readable.slice(at, end), after: readable.slice(end) };
      }
    }
  }
  return { before: readable, id: '', after: '' };
}
