/**
 * A context line as a reader sees the note: link syntax reduced to the text it shows. The index
 * keeps the raw line (repair and offsets need it); the chain view shows this.
 */

const ELLIPSIS = '…';

/** What a wikilink shows: its alias, else its target's file name without `.md` and subpath. */
function wikilinkText(inner: string): string {
  const pipe = inner.indexOf('|');
  if (pipe >= 0) return inner.slice(pipe + 1);
  const target = inner.replace(/#.*$/, '');
  const name = target.slice(target.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return name === '' ? inner : name;
}

/** The context with `[[target|alias]]`, `![[embed]]` and `[text](destination)` shown as their text. */
export function readableContext(context: string): string {
  return (
    context
      .replace(/!?\[\[([^\]\n]+)\]\]/g, (_match, inner: string) => wikilinkText(inner))
      .replace(/!?\[([^\]\n]*)\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+"[^"\n]*")?\)/g, (_match, text: string) => text)
      // A link cut off by the context's end: keep what it shows so far.
      .replace(/!?\[\[([^\]\n]*)…$/, (_match, inner: string) => wikilinkText(inner) + ELLIPSIS)
      .replace(/!?\[([^\]\n]*)\]\([^)\s]*…$/, (_match, text: string) => text + ELLIPSIS)
  );
}
