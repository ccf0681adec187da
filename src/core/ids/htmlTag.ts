/**
 * Inline HTML as CommonMark 0.31 defines it (§6.6): an open tag's attributes follow its grammar
 * (`<span class="x">`, not `<style 202104291524>`, which is text, so an ID in it counts as Reading
 * view shows it), then closing tags, declarations and processing instructions. No part of a tag
 * holds `<` or `>` here, not even a quoted value (CommonMark allows both there): the editor finds a
 * tag from the nearest `<` before an ID (src/editor/inlineSyntax.ts).
 */
const ATTRIBUTE = `\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^'<>]*'|"[^"<>]*"))?`;
const OPEN_TAG = `[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\\s*\\/?>`;
const CLOSING_TAG = `\\/[A-Za-z][A-Za-z0-9-]*\\s*>`;

// A declaration starts with a letter (`<!DOCTYPE html>`; `<! x >` is text), a CDATA section is `<![CDATA[…]]>`.
const DECLARATION = `![A-Za-z][^<>]*>|!\\[CDATA\\[[^<>]*?\\]\\]>`;

/** The source of a sticky regex matching one tag at its `<`; each user makes its own (lastIndex is state). */
export const HTML_TAG_SOURCE = `<(?:${OPEN_TAG}|${CLOSING_TAG}|${DECLARATION}|\\?[^<>]*\\?>)`;

// A URI autolink: a scheme of 2 to 32 characters, then no ASCII control character, space, `<` or `>` (CommonMark §6.5).
export const AUTOLINK_SOURCE = '<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\\u0000-\\u0020\\u007f<>]*>';
// An email autolink (`<name@example.com>`), CommonMark's definition: a URL in `<…>` too (PRODUCT.md).
export const EMAIL_AUTOLINK_SOURCE = "<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>";
