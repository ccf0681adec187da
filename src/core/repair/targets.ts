/** New link targets for a link whose target no longer names a file, in the style the link was written in. */

const NOTE_EXTENSION = /\.md$/i;
const FOLDER_NOTE = /^(readme|index)\.md$/i;

/** Vault path of `to` written relative to the folder holding `fromFile`. */
export function relativePath(fromFile: string, to: string): string {
  const fromDir = fromFile.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  // `common <= fromDir.length` is an equivalent mutant: past the folder's end the names differ anyway.
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const ups = fromDir.length - common;
  return [...Array<string>(ups).fill('..'), ...target.slice(common)].join('/');
}

/**
 * Percent-encodes what would end or confuse a Markdown link destination (`#` would start a heading,
 * `|` split a table cell, brackets end the link text's pairing); leaves the rest readable.
 */
export function encodeLinkDestination(path: string): string {
  return path.replace(/[%\s()<>\\#|[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * Characters no wikilink target can hold: `#` and `^` start a heading or block, `|` an alias, and
 * brackets end the link (Obsidian warns that links to such file names do not work); a backslash
 * escapes the `|` or `]` after it.
 */
const NOT_IN_WIKILINKS = /[#^|[\]\\]/;

/** The first character of the path that no wikilink can hold, or null. */
export function unlinkableCharacter(path: string): string | null {
  return NOT_IN_WIKILINKS.exec(path)?.[0] ?? null;
}

/**
 * Wikilink targets for the owner file, shortest first: the bare name, then ever longer path suffixes,
 * the full path last. `.md` is kept only when the original target wrote it (or the file is no note).
 * Targets holding a character no wikilink can hold are left out (none, when the file name has one).
 */
export function wikilinkCandidates(ownerPath: string, originalTarget: string): string[] {
  const isNote = NOTE_EXTENSION.test(ownerPath);
  const keepExtension = !isNote || NOTE_EXTENSION.test(originalTarget);
  const written = keepExtension ? ownerPath : ownerPath.replace(NOTE_EXTENSION, '');
  const segments = written.split('/');
  const candidates: string[] = [];
  for (let start = segments.length - 1; start >= 0; start--) candidates.push(segments.slice(start).join('/'));
  return candidates.filter((candidate) => unlinkableCharacter(candidate) === null);
}

/**
 * Markdown link destinations for the owner file, preferred first: vault-absolute when the original
 * began with '/', else relative to the source; with or without `.md` as the original; a folder note
 * (`ID/README.md`) linked by its folder when the original named a folder, with the original's
 * trailing slash kept.
 */
export function markdownCandidates(ownerPath: string, originalTarget: string, sourcePath: string): string[] {
  const absolute = originalTarget.startsWith('/');
  const dotSlash = !absolute && originalTarget.startsWith('./');
  const write = (path: string): string => {
    if (absolute) return '/' + encodeLinkDestination(path);
    let relative = relativePath(sourcePath, path);
    if (dotSlash && !relative.startsWith('../')) relative = './' + relative;
    return encodeLinkDestination(relative);
  };
  const withExtension = write(ownerPath);
  const withoutExtension = write(ownerPath.replace(NOTE_EXTENSION, ''));
  // The extension ends the last name, and no extension holds a '/': the whole target tells as well.
  const originalHasExtension = /\.[A-Za-z0-9]+$/.test(decodeSafely(originalTarget));
  const candidates = originalHasExtension ? [withExtension, withoutExtension] : [withoutExtension, withExtension];
  const segments = ownerPath.split('/');
  if (segments.length > 1 && FOLDER_NOTE.test(segments[segments.length - 1]) && !originalHasExtension) {
    candidates.unshift(write(segments.slice(0, -1).join('/')) + (originalTarget.endsWith('/') ? '/' : ''));
  }
  return [...new Set(candidates)];
}

function decodeSafely(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}
