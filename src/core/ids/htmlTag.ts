/**
 * Inline HTML as CommonMark 0.31 defines it (§6.6): an open tag's attributes follow its grammar
 * (`<span class="x">`, not `<style 202104291524>`, which is text, so an ID in it counts as Reading
 * view shows it), then closing tags, declarations and processing instructions. No part of a tag
 * holds `<` or `>` here, not even a quoted value (CommonMark allows both there): the editor finds a
 * tag from the nearest `<` before an ID (src/editor/inlineSyntax.ts). Autolinks too (§6.5): the
 * scanner skips them, and pairs no bracket inside either (src/core/ids/scanLinks.ts).
 */
const ATTRIBUTE = `\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^'<>]*'|"[^"<>]*"))?`;
const OPEN_TAG = `[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\\s*\\/?>`;
const CLOSING_TAG = `\\/[A-Za-z][A-Za-z0-9-]*\\s*>`;

// A declaration starts with a letter (`<!DOCTYPE html>`; `<! x >` is text), a CDATA section is `<![CDATA[…]]>`.
const DECLARATION = `![A-Za-z][^<>]*>|!\\[CDATA\\[[^<>]*?\\]\\]>`;

/** The source of a sticky regex matching one tag at its `<`; each user makes its own (lastIndex is state). */
export const HTML_TAG_SOURCE = `<(?:${OPEN_TAG}|${CLOSING_TAG}|${DECLARATION}|\\?[^<>]*\\?>)`;

// A URI autolink: a scheme of 2 to 32 characters, then no ASCII control character, space, `<` or `>` (CommonMark §6.5).
const AUTOLINK_SOURCE = '<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\\u0000-\\u0020\\u007f<>]*>';
// An email autolink (`<name@example.com>`), CommonMark's definition: a URL in `<…>` too (PRODUCT.md).
const EMAIL_AUTOLINK_SOURCE = "<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>";

// Sticky, tried in turn at a `<` (lastIndex is state: only autolinkOrTagEnd uses them).
const AT_LESS_THAN = [AUTOLINK_SOURCE, EMAIL_AUTOLINK_SOURCE, HTML_TAG_SOURCE].map((source) => new RegExp(source, 'y'));

/** Where the autolink or inline tag opened by the `<` at `at` ends, when it ends by `to`; -1 when none does. */
export function autolinkOrTagEnd(text: string, at: number, to: number): number {
  for (const pattern of AT_LESS_THAN) {
    pattern.lastIndex = at;
    if (pattern.test(text) && pattern.lastIndex <= to) return pattern.lastIndex;
  }
  return -1;
}
