/**
 * A note's display title: the one every surface shows (chain, suggestions, link titles) and repair
 * matches after an ID. It comes from the file name when the name holds one, else from the text.
 */
import type { IdFormat } from '../ids/formats';
import { forEachLine } from '../ids/lines';
import { joinsWordAfter } from '../ids/wordRule';
import { findFrontmatter, frontmatterValue } from './frontmatter';
import { idPrefixLength, isFolderNote, stemOf } from './ownId';

/** The frontmatter key a note named only by its ID may take its title from. */
export const TITLE_KEY = 'title';

/**
 * The title of the note at `path` whose own ID is `id`; `text` is null when only the path is known.
 * - `ID Title.md`, `ID-title.md`, `ID_title.md`: the name after the ID and its separators.
 * - Denote names, with the Denote format (`ID==signature--title-words__keywords.md`): the title
 *   words with hyphens read as spaces; the signature and keywords are no part of it.
 * - A note named only by its ID (`ID.md`, `ID/README.md`, a Denote name without title words): its
 *   first `# heading` (less a leading own ID), else its frontmatter `title`, else the ID.
 * - A note without an ID: its file name without `.md` (a folder note's heading or `title` first).
 */
export function titleOf(path: string, id: string | null, text: string | null, format: IdFormat): string {
  const folderNote = isFolderNote(path);
  const stem = stemOf(path);
  if (!folderNote) {
    const named = titleInName(stem, format);
    if (named !== '') return named;
  }
  const written = text === null ? null : titleInText(text, id);
  if (written !== null) return written;
  return id ?? stem;
}

/** The title a file name spells, or '' when it holds none beyond the ID. */
function titleInName(stem: string, format: IdFormat): string {
  const prefix = idPrefixLength(stem, format);
  if (prefix > 0 && format.key === 'denote') {
    const denote = denoteTitle(stem, prefix);
    if (denote !== null) return denote;
  }
  const rest = stripSeparators(stem.slice(prefix));
  return rest === '' && prefix === 0 ? stem : rest;
}

/**
 * The title words of a Denote name whose ID ends at `idEnd` (hyphens read as spaces), '' when it has
 * none, or null when the rest of the name is not in Denote's form (`==`, `--` or `__` next).
 */
export function denoteTitle(stem: string, idEnd: number): string | null {
  let at = idEnd;
  if (at < stem.length && !['==', '--', '__'].some((marker) => stem.startsWith(marker, at))) return null;
  if (stem.startsWith('==', at)) {
    const nextPart = [stem.indexOf('--', at), stem.indexOf('__', at)].filter((found) => found !== -1);
    at = nextPart.length === 0 ? stem.length : Math.min(...nextPart);
  }
  if (!stem.startsWith('--', at)) return '';
  const keywords = stem.indexOf('__', at + 2);
  const words = stem.slice(at + 2, keywords === -1 ? stem.length : keywords);
  return words.split('-').filter((word) => word !== '').join(' ');
}

/** The first `# heading` (less a leading own ID), else the frontmatter `title`; null for neither. */
function titleInText(text: string, id: string | null): string | null {
  const heading = firstHeading(text);
  if (heading !== null) {
    const stripped = id !== null && heading.startsWith(id) && !joinsWordAfter(heading, id.length) ? stripSeparators(heading.slice(id.length)) : heading;
    if (stripped !== '') return stripped;
  }
  const title = frontmatterValue(text, TITLE_KEY)?.trim() ?? '';
  return title === '' ? null : title;
}

/** The text of the first ATX level-1 heading outside fenced code, after any frontmatter. */
function firstHeading(text: string): string | null {
  const block = findFrontmatter(text);
  const start = block === null ? (text.startsWith('\uFEFF') ? 1 : 0) : block.body;
  let fence: string | null = null;
  let found: string | null = null;
  forEachLine(text, start, (from, to) => {
    const line = text.slice(from, to);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch !== null) {
      if (fence === null) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      return true;
    }
    if (fence !== null) return true;
    const heading = /^ {0,3}#[ \t]+(.*)$/.exec(line);
    if (heading === null) return true;
    const title = heading[1].replace(/[ \t]+#+[ \t]*$/, '').trim();
    if (title === '') return true;
    found = title;
    return false;
  });
  return found;
}

function stripSeparators(rest: string): string {
  let start = 0;
  while (start < rest.length && ' -_'.includes(rest[start])) start++;
  return rest.slice(start).trim();
}
