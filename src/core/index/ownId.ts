/** A note's own ID: from its file name, its folder (`ID/README.md`), or a frontmatter key. Never from the body. */
import type { IdFormat } from '../ids/formats';
import type { OwnIdSource } from '../settings';
import { frontmatterValue } from './frontmatter';

/** What decides a note's own ID: the active format and the user's source order. */
export interface OwnIdOptions {
  readonly format: IdFormat;
  /** Sources tried in this order; the first that yields an ID wins. */
  readonly ownIdSources: readonly OwnIdSource[];
  /** Frontmatter key read for the 'frontmatter' source. */
  readonly frontmatterKey: string;
}

/** A note's own ID and the source it came from. */
export interface OwnId {
  readonly id: string;
  readonly source: OwnIdSource;
}

/** Characters that may separate a leading ID from the rest of a file name. */
const SEPARATORS = ' -_';
const FOLDER_NOTE_NAMES = ['readme.md', 'index.md'];

/** The file name of a vault path (after the last '/'). */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether the name ends in `.md`, any case. */
export function hasMarkdownExtension(name: string): boolean {
  // (A shorter name is its own last three characters, never `.md`: the length test only says so.)
  return name.length >= 3 && name.slice(-3).toLowerCase() === '.md';
}

/** The file name without a trailing `.md` (any case). */
export function stemOf(path: string): string {
  const name = fileNameOf(path);
  return hasMarkdownExtension(name) ? name.slice(0, -3) : name;
}

/** Whether the path is a folder note (`…/README.md` or `…/index.md`, any case) inside some folder. */
export function isFolderNote(path: string): boolean {
  return path.includes('/') && FOLDER_NOTE_NAMES.includes(fileNameOf(path).toLowerCase());
}

/**
 * The ID at the start of a file name stem, when followed by the end of the stem or a separator
 * (` `, `-`, `_`, and a Denote signature's `==` with the Denote format); returns the ID's length,
 * or 0. A longer digit run (`20210429152404 x` with a 12-digit format) never yields a prefix
 * because the character after the match is no separator.
 */
export function idPrefixLength(stem: string, format: IdFormat): number {
  // The digit formats skip the regex; both ways give the same length (tests cannot tell them apart).
  const length = format.key === '12' || format.key === '14' ? digitPrefix(stem, format.key === '12' ? 12 : 14) : matchedPrefix(stem, format);
  if (length === 0) return 0; // (the checks below give 0 for it too; said plainly)
  if (length === stem.length || SEPARATORS.includes(stem[length])) return length;
  // A Denote name may carry a signature right after the ID: `20200310T094419==2--title.md`.
  if (format.key === 'denote' && stem.startsWith('==', length)) return length;
  return 0;
}

/** Length of the anchored match of the format at the start of the stem, or 0. */
function matchedPrefix(stem: string, format: IdFormat): number {
  const match = format.atStart.exec(stem);
  return match === null ? 0 : match[0].length;
}

/**
 * What the 12- and 14-digit formats' `\d{N}` matches at the start of the stem, without a regex and
 * a match array per name: `count` when the stem starts with that many ASCII digits, else 0.
 */
function digitPrefix(stem: string, count: number): number {
  // (Without it, missing characters read NaN and pass, but idPrefixLength then finds no separator.)
  if (stem.length < count) return 0;
  for (let i = 0; i < count; i++) {
    const code = stem.charCodeAt(i);
    if (code < 48 || code > 57) return 0;
  }
  return count;
}

/** The own ID from the file-name prefix (`ID Title.md`, `ID.md`, `ID-title.md`, `ID_title.md`). */
export function idFromFileName(path: string, format: IdFormat): string | null {
  const stem = stemOf(path);
  const length = idPrefixLength(stem, format);
  return length > 0 ? stem.slice(0, length) : null;
}

/** The own ID from the folder of a folder note (`ID/README.md`, `ID/index.md`): the folder name must be exactly an ID. */
export function idFromFolder(path: string, format: IdFormat): string | null {
  if (!isFolderNote(path)) return null;
  const folderPath = path.slice(0, path.lastIndexOf('/'));
  const folder = fileNameOf(folderPath);
  return format.exact.test(folder) ? folder : null;
}

/** The own ID from the frontmatter key, when its value is exactly one ID of the format. */
export function idFromFrontmatter(text: string, key: string, format: IdFormat): string | null {
  const value = frontmatterValue(text, key);
  return value !== null && format.exact.test(value) ? value : null; // (null would give null either way)
}

/**
 * The note's own ID from the sources in order. `text` is null when only the path is known
 * (the file-name-only first pass); the frontmatter source then yields nothing.
 */
export function ownIdOf(path: string, text: string | null, options: OwnIdOptions): OwnId | null {
  for (const source of options.ownIdSources) {
    const id =
      source === 'filename'
        ? idFromFileName(path, options.format)
        : source === 'folder'
          ? idFromFolder(path, options.format)
          : text === null
            ? null
            : idFromFrontmatter(text, options.frontmatterKey, options.format);
    if (id !== null) return { id, source };
  }
  return null;
}
