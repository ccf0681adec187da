/**
 * A vault that gives the tool nothing to work on (a wrong folder, or the wrong ID format) must
 * never pass as "no problems": this says what is missing and how to fix the usual cause.
 */
import { PRESET_FORMATS, type IdFormat } from '../core/ids/formats';
import { readFrontmatter } from '../core/index/frontmatter';
import { ownIdOf } from '../core/index/ownId';
import type { LoadedVault } from './loadVault';

/** How the messages name a format: "12-digit", "Denote", or the pattern. */
export function formatName(format: IdFormat): string {
  switch (format.key) {
    case '12':
      return '12-digit';
    case '14':
      return '14-digit';
    case 'denote':
      return 'Denote';
    default:
      return `--id-format ${format.source}`;
  }
}

/**
 * Why the loaded vault holds nothing to check, or null when it does. `where` names the folder as
 * the user should recognise it ("the current folder /home/me").
 */
export function nothingToCheck(vault: LoadedVault, where: string): string | null {
  const { files, unreadable, excludedNotes } = vault.contents;
  const { format, excludedFolders, storedIn } = vault.settings;
  // Settings the user may not know the tool read are named where they decide the answer.
  const stored = storedIn === null ? '' : `, with the plugin's settings in ${storedIn}`;
  const markdown = files.length + unreadable.filter((u) => u.path.toLowerCase().endsWith('.md')).length;
  if (markdown === 0 && excludedNotes > 0) {
    return (
      `No Markdown notes in ${where} outside the excluded folders (${excludedFolders.join(', ')}${stored}), which hold ` +
      `${excludedNotes} note${excludedNotes === 1 ? '' : 's'}. Give other folders to exclude, or the vault with --vault DIR or as VAULT.`
    );
  }
  if (markdown === 0) {
    return (
      `No Markdown notes in ${where} (folders starting with "." and node_modules are skipped). ` +
      'Give the vault with --vault DIR or as VAULT.'
    );
  }
  // Notes that exist but cannot be read are problems of their own, which the command reports.
  if (files.length === 0) return null;
  for (const note of vault.index.notes()) if (note.id !== null) return null;
  const read = `${files.length} note${files.length === 1 ? '' : 's'} read${stored}`;
  return `No note has a ${formatName(format)} ID in ${where} (${read}); ${hint(vault)}`;
}

/** The preset format, or else the frontmatter key, that gives the most notes an ID, or how notes carry IDs. */
function hint(vault: LoadedVault): string {
  const { format: current, ownIdSources, frontmatterKey } = vault.settings;
  let best: { format: IdFormat; notes: number } | null = null;
  for (const format of PRESET_FORMATS) {
    if (format.key === current.key) continue;
    const options = { format, ownIdSources, frontmatterKey };
    const notes = vault.contents.files.filter((file) => ownIdOf(file.path, file.text, options) !== null).length;
    if (notes > 0 && (best === null || notes > best.notes)) best = { format, notes };
  }
  if (best !== null) return `try --id-format ${best.format.key} (${best.notes} of them have a ${formatName(best.format)} ID).`;
  const key = likeliestFrontmatterKey(vault);
  if (key !== null) {
    const sources = ownIdSources.includes('frontmatter') ? '' : ` --id-sources ${[...ownIdSources, 'frontmatter'].join(',')}`;
    return `try --frontmatter-key ${key.key}${sources} (${key.notes} of them have a ${formatName(current)} ID in their frontmatter property "${key.key}").`;
  }
  const from = ownIdSources.map((source) =>
    source === 'filename' ? 'the start of its file name (202104291524 Title.md)' : source === 'folder' ? 'its folder (202104291524/README.md)' : `its frontmatter property "${frontmatterKey}"`,
  );
  return (
    `a note's ID is read from ${from.length === 1 ? from[0] : `${from.slice(0, -1).join(', from ')} or from ${from[from.length - 1]}`} ` +
    '(choose with --id-sources and --frontmatter-key); for other IDs give --id-format 14, denote or a REGEX.'
  );
}

/** The frontmatter property other than the settings' own whose value is an ID of the format in the most notes, or null. */
function likeliestFrontmatterKey(vault: LoadedVault): { key: string; notes: number } | null {
  const { format, frontmatterKey } = vault.settings;
  const notes = new Map<string, number>();
  for (const file of vault.contents.files) {
    for (const [key, value] of readFrontmatter(file.text)) {
      if (key !== frontmatterKey && format.exact.test(value)) notes.set(key, (notes.get(key) ?? 0) + 1);
    }
  }
  let best: { key: string; notes: number } | null = null;
  for (const [key, count] of notes) if (best === null || count > best.notes) best = { key, notes: count };
  return best;
}
