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

/** One character as a URL writes it: its UTF-8 bytes, each `%XX` (U+3000 is `%E3%80%80`, not `%3000`). */
function percentEncoded(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x80 ? '%' + code.toString(16).toUpperCase().padStart(2, '0') : encodeURIComponent(char);
}

// Outside angle brackets white space or a parenthesis would end the destination.
const ENDS_A_DESTINATION = /[%\s()<>\\#|[\]]/g;
// Inside `<…>` a space is text (CommonMark; Obsidian reads such links, as the user's own link shows);
// parentheses stay encoded, as no source says how Obsidian reads them there.
const ENDS_AN_ANGLED_DESTINATION = /[%()<>\\#|[\]]|[^\S ]/g;

/**
 * Percent-encodes what would end or confuse a Markdown link destination (`#` would start a heading,
 * `|` split a table cell, brackets end the link text's pairing); leaves the rest readable. In a
 * destination written in angle brackets (`angled`), spaces stay spaces, as the user wrote them.
 */
export function encodeLinkDestination(path: string, angled = false): string {
  return path.replace(angled ? ENDS_AN_ANGLED_DESTINATION : ENDS_A_DESTINATION, percentEncoded);
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
 * trailing slash kept. `angled`: the original destination is written in angle brackets (`(<…>)`).
 */
export function markdownCandidates(ownerPath: string, originalTarget: string, sourcePath: string, angled = false): string[] {
  const absolute = originalTarget.startsWith('/');
  const dotSlash = !absolute && originalTarget.startsWith('./');
  const write = (path: string): string => {
    if (absolute) return '/' + encodeLinkDestination(path, angled);
    let relative = relativePath(sourcePath, path);
    if (dotSlash && !relative.startsWith('../')) relative = './' + relative;
    return encodeLinkDestination(relative, angled);
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
