/**
 * HTML blocks whose text is raw (CommonMark 0.31 §4.6, start condition 1): `<pre>`, `<script>`,
 * `<style>` and `<textarea>` at a block's start run, blank lines and all, to the line holding
 * their end tag. Obsidian's Reading view shows no link in them (src/ui/reading/decorate.ts skips
 * these elements), so no ID in them is a reference. Other HTML blocks hold text that Reading view
 * shows as prose, and are read as prose.
 */

const RAW_HTML_OPEN = /^<(pre|script|style|textarea)(?:[\s>]|$)/i;

/** The end tag (`</pre>`, lower case) of the raw HTML block `content` opens (a line's content, its containers' markers removed), or null. */
export function rawHtmlEndTag(content: string): string | null {
  const open = RAW_HTML_OPEN.exec(content);
  return open === null ? null : `</${open[1].toLowerCase()}>`;
}

/** rawHtmlEndTag for the line text[from, to), read in place: null at once for a line not starting with `<`. */
export function rawHtmlEndTagAt(text: string, from: number, to: number): string | null {
  // The longest opener, `<textarea`, and the character after it.
  return text.charCodeAt(from) === 60 ? rawHtmlEndTag(text.slice(from, Math.min(to, from + 10))) : null;
}

/** Whether text[from, to) holds the end tag, in any case (§4.6: the line holding it ends the block). */
export function holdsEndTag(text: string, from: number, to: number, endTag: string): boolean {
  return text.slice(from, to).toLowerCase().includes(endTag);
}
