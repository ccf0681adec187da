/**
 * A paragraph that holds link reference definitions only has no text for a setext underline to
 * make a heading of: commonmark.js takes the definitions out of the paragraph before it reads the
 * underline, and with nothing left the line is the paragraph's text (CommonMark 0.31, the example
 * of `[foo]: /url` then `===`). So `[x]: /u`, `===` (or `-`, `--`: an empty list item may not
 * interrupt a paragraph) is one paragraph, and the lines after it go on with it.
 */
import type { BlockStarts } from './blockStarts';
import { linkDefinition } from './definitions';
import { LineBreaks, lineBreakLength } from './lines';
import { labelOpen } from './referenceLabels';

/**
 * Whether the lines from `paragraphFrom` (a line start the block pass recorded) up to the line
 * starting at `lineFrom` are link reference definitions, one after another, and nothing else. Read
 * in a copy of those lines, so a note of many such paragraphs is read once over.
 */
export function holdsOnlyDefinitions(text: string, paragraphFrom: number, lineFrom: number, blocks: BlockStarts): boolean {
  // The end of the line before `lineFrom`, before its break.
  const end = lineFrom - (text.charCodeAt(lineFrom - 1) === 10 && text.charCodeAt(lineFrom - 2) === 13 ? 2 : 1);
  if (end <= paragraphFrom) return false;
  const lines = text.slice(paragraphFrom, end);
  const breaks = new LineBreaks(lines);
  const lineEnd = (at: number): number => breaks.lineEnd(at);
  // The block pass's block starts, counted from the copy's start.
  const starts = {
    firstAfter(at: number): number {
      const found = blocks.firstAfter(at + paragraphFrom);
      return found === -1 ? -1 : found - paragraphFrom;
    },
  };
  let lastDefinitionEnd = -1;
  for (let at = 0; at < lines.length; ) {
    const marker = lines.indexOf(']:', at);
    if (marker === -1) return false;
    const open = labelOpen(lines, marker, at);
    // A label on a later line than `at` starts no block there (the block pass recorded none inside
    // the paragraph), so linkDefinition finds no definition at it.
    if (open === -1) return false;
    const found = linkDefinition({ text: lines, rangeFrom: 0, limit: lines.length, lineEnd, lastDefinitionEnd, blocks: starts }, open, marker);
    if (found === null) return false;
    lastDefinitionEnd = found.end;
    at = found.end + lineBreakLength(lines, found.end);
  }
  return lastDefinitionEnd !== -1;
}
