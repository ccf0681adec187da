/**
 * A vault that gives the tool nothing to work on (a wrong folder, or the wrong ID format) must
 * never pass as "no problems": this says what is missing and how to fix the usual cause.
 */
import { PRESET_FORMATS, type IdFormat } from '../core/ids/formats';
import { ownIdOf } from '../core/index/ownId';
import { DEFAULT_SETTINGS } from '../core/settings';
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
export function nothingToCheck(vault: LoadedVault, format: IdFormat, where: string): string | null {
  const { files, unreadable } = vault.contents;
  const markdown = files.length + unreadable.filter((u) => u.path.toLowerCase().endsWith('.md')).length;
  if (markdown === 0) {
    return (
      `No Markdown notes in ${where} (folders starting with "." and node_modules are skipped). ` +
      'Give the vault with --vault DIR or as VAULT.'
    );
  }
  // Notes that exist but cannot be read are problems of their own, which the command reports.
  if (files.length === 0) return null;
  for (const note of vault.index.notes()) if (note.id !== null) return null;
  const read = `${files.length} note${files.length === 1 ? '' : 's'} read`;
  return `No note has a ${formatName(format)} ID in ${where} (${read}); ${hint(vault, format)}`;
}

/** The preset format that gives the most notes an ID, as `--id-format X`, or how notes carry IDs. */
function hint(vault: LoadedVault, current: IdFormat): string {
  let best: { format: IdFormat; notes: number } | null = null;
  for (const format of PRESET_FORMATS) {
    if (format.key === current.key) continue;
    const options = { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
    const notes = vault.contents.files.filter((file) => ownIdOf(file.path, file.text, options) !== null).length;
    if (notes > 0 && (best === null || notes > best.notes)) best = { format, notes };
  }
  if (best !== null) return `try --id-format ${best.format.key} (${best.notes} of them have a ${formatName(best.format)} ID).`;
  return (
    'a note\'s ID is read from the start of its file name (202104291524 Title.md), from its folder ' +
    '(202104291524/README.md) or from its frontmatter property "id"; for other IDs give --id-format 14, denote or a REGEX.'
  );
}
