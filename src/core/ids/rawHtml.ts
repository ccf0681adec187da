/**
 * HTML blocks whose text is raw (CommonMark 0.31 §4.6, condition 1): `<pre>`, `<script>`, `<style>`
 * and `<textarea>` at a block's start run, blank lines and all, to the line holding an end tag of
 * any of the four (it need not match the opener); what follows that end tag on its line is prose.
 * Obsidian's Reading view shows no link in them (src/ui/reading/decorate.ts skips these elements),
 * so no ID in them is a reference. Other HTML blocks hold text that Reading view shows as prose,
 * and are read as prose.
 */

const RAW_HTML_OPEN = /^<(?:pre|script|style|textarea)(?:[\s>]|$)/i;
const RAW_HTML_END = /<\/(?:pre|script|style|textarea)>/i;

/** Whether `content` (a line's content, its containers' markers removed) opens a raw HTML block. */
export function opensRawHtml(content: string): boolean {
  return RAW_HTML_OPEN.test(content);
}

/** opensRawHtml for the line text[from, to), read in place: false at once for a line not starting with `<`. */
export function opensRawHtmlAt(text: string, from: number, to: number): boolean {
  // The longest opener, `<textarea`, and the character after it.
  return text.charCodeAt(from) === 60 && RAW_HTML_OPEN.test(text.slice(from, Math.min(to, from + 10)));
}

/**
 * Where the first end tag in text[from, to) ends, or -1: the line holding one is the block's last,
 * and the text after it is prose (Reading view shows it after the block, and links it).
 */
export function rawHtmlEndIn(text: string, from: number, to: number): number {
  // The line alone: a search past it would read a long block's text once per line.
  const end = RAW_HTML_END.exec(text.slice(from, to));
  return end === null ? -1 : from + end.index + end[0].length;
}
