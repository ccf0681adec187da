/**
 * Rows of comments at a block's start (src/core/ids/commentBlocks.ts): `<!--` is an HTML block to
 * the line holding `-->` (CommonMark 0.31 §4.6, condition 2), and `%%` closed on a later line is an
 * Obsidian block comment. A fence, display math or raw HTML opener written inside one opens nothing,
 * so the references after the comment count. Each `<!--` row's blocks are where commonmark.js 0.31.2
 * puts them (checked row by row when these were written); the text after `-->` on the block's last
 * line is prose, as Reading view shows it (CommonMark keeps it in the block, which passes it
 * through). Obsidian's `%%` has no specification; its rows say what a user commenting text out
 * expects. The scanner's table and the editor's both run them.
 */

const A = '202104291524';
const B = '202108191025';
const FENCE = '```';

// [case, input, expected marking]
export const COMMENT_BLOCK_ROWS: [string, string, string][] = [
  ['a fence opener inside an HTML comment opens nothing', `<!--\n${FENCE}\n-->\n${B}\n${FENCE}\n${A}`, `<!--\n${FENCE}\n-->\n«b:${B}»\n${FENCE}\n${A}`],
  ['a raw HTML opener inside one opens nothing', `<!--\n<pre>\n-->\n\n${B}`, `<!--\n<pre>\n-->\n\n«b:${B}»`],
  ['display math inside one opens nothing', `<!--\n$$\n-->\n${B}`, `<!--\n$$\n-->\n«b:${B}»`],
  ['it interrupts a paragraph', `para ${B}\n<!--\n${FENCE}\n-->\n${B}`, `para «b:${B}»\n<!--\n${FENCE}\n-->\n«b:${B}»`],
  ['the comment itself holds no reference', `<!--\n${A}\n--> ${B}`, `<!--\n${A}\n--> «b:${B}»`],
  ['text after the closer on its line is prose', `<!-- x --> ${B}`, `<!-- x --> «b:${B}»`],
  ['an indented line right after it is code', `<!-- x -->\n    ${A}\n\n${B}`, `<!-- x -->\n    ${A}\n\n«b:${B}»`],
  ['never closed, it runs to the end', `<!--\n${A}\n${FENCE}\n${A}`, `<!--\n${A}\n${FENCE}\n${A}`],
  ['in a quote', `> <!--\n> ${FENCE}\n> -->\n> ${B}`, `> <!--\n> ${FENCE}\n> -->\n> «b:${B}»`],
  ['in a list item', `- <!--\n  ${FENCE}\n  -->\n- ${B}`, `- <!--\n  ${FENCE}\n  -->\n- «b:${B}»`],
  ['opened mid-line it is no block, and a fence after it opens', `a <!--\n${FENCE}\n-->\n${A}\n${FENCE}\n\n${B}`, `a <!--\n${FENCE}\n-->\n${A}\n${FENCE}\n\n«b:${B}»`],
  ['indented four columns it is code, and a fence after it opens', `    <!--\n${FENCE}\n${A}\n${FENCE}\n\n${B}`, `    <!--\n${FENCE}\n${A}\n${FENCE}\n\n«b:${B}»`],
  // After a paragraph, as most items come: the scanner's fast way for items must leave these to the general one.
  ['in a list item, a fence opener inside opens nothing', `para\n\n- <!--\n  ${FENCE}\n  -->\n  ${B}\n  ${FENCE}`, `para\n\n- <!--\n  ${FENCE}\n  -->\n  «b:${B}»\n  ${FENCE}`],
  ['in a list item, a %% comment too', `para\n\n- %%\n  ${FENCE}\n  %%\n  ${B}\n  ${FENCE}`, `para\n\n- %%\n  ${FENCE}\n  %%\n  «b:${B}»\n  ${FENCE}`],
  ['an item’s comment keeps the item: a line indented into it is prose', `- <!-- x\n  -->\n     ${B}`, `- <!-- x\n  -->\n     «b:${B}»`],
  ['closed on its line in a quote, the next line follows the usual rules', `> <!-- x -->\n> ~~~\n> ${A}\n> ~~~\n\n${B}`, `> <!-- x -->\n> ~~~\n> ${A}\n> ~~~\n\n«b:${B}»`],
  ['right after a fence, in a quote: the text after the closer', `~~~\nx\n~~~\n> <!-- x\n> --> ${B}`, `~~~\nx\n~~~\n> <!-- x\n> --> «b:${B}»`],
  ['in a paragraph, a comment ends after its closer', `para <!-- x\`-->\` ${B} \``, `para <!-- x\`-->\` ${B} \``],
  ['in an item after a blank line, it ends with the item', `- a\n\n  <!--\n${B}\n  -->`, `- a\n\n  <!--\n«b:${B}»\n  -->`],
  ['in an item in a quote, it ends at its closer', `> - a\n>   <!--\n>   ~~~\n>   -->\n>   ${B}\n>   ~~~`, `> - a\n>   <!--\n>   ~~~\n>   -->\n>   «b:${B}»\n>   ~~~`],
  ['a single % opens nothing', `% ${A}\n${FENCE}\n%%\n${FENCE}\n\n${B}`, `% «b:${A}»\n${FENCE}\n%%\n${FENCE}\n\n«b:${B}»`],
  ['a closer past the paragraph’s end closes nothing in it', `para <!-- ${A}\n${FENCE}-->\nx\n${FENCE}\n\n${B}`, `para <!-- «b:${A}»\n${FENCE}-->\nx\n${FENCE}\n\n«b:${B}»`],
  ['an unclosed comment in a paragraph that is no list item is text', `-<!-- ${A}\n> ${B}`, `-<!-- «b:${A}»\n> «b:${B}»`],
  ['an unclosed comment on a paragraph’s indented line is text', `para\n    <!-- ${A}`, `para\n    <!-- «b:${A}»`],
  ['a fence opener inside a %% block comment opens nothing', `%%\n${FENCE}\n%%\n${B}\n${FENCE}\n${A}`, `%%\n${FENCE}\n%%\n«b:${B}»\n${FENCE}\n${A}`],
  ['a raw HTML opener inside one opens nothing', `%%\n<pre>\n%%\n\n${B}`, `%%\n<pre>\n%%\n\n«b:${B}»`],
  ['a %% comment closed on its own line is inline text', `%% x %% ${B}\n    ${B}`, `%% x %% «b:${B}»\n    «b:${B}»`],
  ['a %% comment closed at its line’s end is inline text too', `%% x %%\n    ${B}`, `%% x %%\n    «b:${B}»`],
  ['a %% comment never closed runs to the end', `%%\n${A}\n${FENCE}\n${A}`, `%%\n${A}\n${FENCE}\n${A}`],
  ['lines ending in CRLF', `<!--\r\n${FENCE}\r\n-->\r\n${B}`, `<!--\r\n${FENCE}\r\n-->\r\n«b:${B}»`],
];
