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
