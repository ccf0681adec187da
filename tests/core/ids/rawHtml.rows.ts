/**
 * Raw HTML blocks (CommonMark 0.31 §4.6, start condition 1: `<pre>`, `<script>`, `<style>`,
 * `<textarea>`) as rows of input and expected marking. Each row's blocks are where the CommonMark
 * reference implementation (commonmark.js 0.31.2) puts them, checked row by row when these were
 * written; `B` after a blank line shows prose resumes. The text after the end tag on a block's last
 * line is prose: CommonMark keeps it in the block, which passes it through, and Reading view shows
 * it as text after the element and links it. The scanner's table and the editor's both run them.
 */

const A = '202104291524';
const B = '202108191025';

// [case, input, expected marking]
export const RAW_HTML_ROWS: [string, string, string][] = [
  ['a pre block runs over blank lines to its end tag', `<pre>\n${A}\n\n${A}\n</pre>\n${B}`, `<pre>\n${A}\n\n${A}\n</pre>\n«b:${B}»`],
  ['a script block interrupts a paragraph; text after its end tag is prose', `para\n<script>\nx ${A}\n</script> ${A}\n\n${B}`, `para\n<script>\nx ${A}\n</script> «b:${A}»\n\n«b:${B}»`],
  ['the opener in any case, closed on its own line', `<PRE class="x">${A}</pre> ${A}\n\n${B}`, `<PRE class="x">${A}</pre> «b:${A}»\n\n«b:${B}»`],
  ['closed on its own line, what follows reads as usual', `<pre>x</pre>\n~~~\n${A}\n~~~\n\n${B}`, `<pre>x</pre>\n~~~\n${A}\n~~~\n\n«b:${B}»`],
  ['closed on its own line in a quote, too', `> <pre>x</pre>\n> ~~~\n> ${A}\n> ~~~\n\n${B}`, `> <pre>x</pre>\n> ~~~\n> ${A}\n> ~~~\n\n«b:${B}»`],
  ['closed on its own line in a quote, the next line is prose', `> <pre>x</pre>\n> ${B}`, `> <pre>x</pre>\n> «b:${B}»`],
  ['a bare opener at its line’s end opens', `<pre\n${A}\n</pre>\n${B}`, `<pre\n${A}\n</pre>\n«b:${B}»`],
  ['a code span cannot reach back before the end tag', `<pre>\nx \`</pre> ${B} \``, `<pre>\nx \`</pre> «b:${B}» \``],
  ['a longer tag name is no opener', `<prefix ${B}`, `<prefix «b:${B}»`],
  ['any of the four end tags ends it, not only its own', `<style>\n${A}\nx </pre> ${A}\n\n${B}`, `<style>\n${A}\nx </pre> «b:${A}»\n\n«b:${B}»`],
  ['only the first end tag on the line counts', `<pre>\n${A} </pre> ${A} </pre> ${B}`, `<pre>\n${A} </pre> «b:${A}» </pre> «b:${B}»`],
  ['a style block with no end tag runs to the end', `<style>\n${A}\n\n${A}`, `<style>\n${A}\n\n${A}`],
  ['in a quote, it ends with the quote', `> <pre>\n> ${A}\n\n${B}`, `> <pre>\n> ${A}\n\n«b:${B}»`],
  ['on a bullet’s line, to its end tag', `- <pre>\n  ${A}\n  </pre>\n- ${B}`, `- <pre>\n  ${A}\n  </pre>\n- «b:${B}»`],
  ['in an item, it ends with the item', `1. <style>\n   ${A}\n2. ${B}`, `1. <style>\n   ${A}\n2. «b:${B}»`],
  ['a textarea in an item after a blank line', `- x\n\n  <textarea>\n  ${A}\n  </textarea>\n\n${B}`, `- x\n\n  <textarea>\n  ${A}\n  </textarea>\n\n«b:${B}»`],
  ['mid-line, a pre tag opens no block', `a <pre>\n${B}\n</pre>`, `a <pre>\n«b:${B}»\n</pre>`],
  ['indented four columns, it is code', `    <pre>\n\n${B}`, `    <pre>\n\n«b:${B}»`],
  ['indented three columns, it opens', `   <pre>\n${A}\n</pre>\n\n${B}`, `   <pre>\n${A}\n</pre>\n\n«b:${B}»`],
  ['after the end line, an indented line is code', `<pre>\nx\n</pre>\n    ${A}\n\n${B}`, `<pre>\nx\n</pre>\n    ${A}\n\n«b:${B}»`],
  ['a pre opener followed by a tab', `<pre\tclass="x">\n${A}\n</PRE>\n\n${B}`, `<pre\tclass="x">\n${A}\n</PRE>\n\n«b:${B}»`],
  // Lines end at `\r\n` or a lone `\r` too (PRODUCT.md).
  ['lines ending in a lone CR', `<pre>\r${A}\r</pre>\r\r${B}`, `<pre>\r${A}\r</pre>\r\r«b:${B}»`],
  ['lines ending in CRLF, the end tag in mixed case', `<script>\r\n${A}\r\n</Script>\r\n\r\n${B}`, `<script>\r\n${A}\r\n</Script>\r\n\r\n«b:${B}»`],
];
