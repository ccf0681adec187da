/** The ID a link target names, for wikilinks and markdown links alike. */
import type { IdFormat } from './formats';
import { isWordCharAt } from './wordRule';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
/** Denote's link form: `[desc](denote:20200310T094419)` names a note by its ID. */
export const DENOTE_SCHEME = 'denote:';
const FOLDER_NOTE = /^(?:readme|index)(?:\.md)?$/i;

/**
 * The ID named by a link target and its offset into the target: `202108191025 Title`,
 * `folder/202108191025 Title.md`, `../202109260705`, `/zet/ID/README.md`, `202108191025%20Title.md`.
 * The ID must start the file name (or the folder name of a README/index note). URLs name none.
 */
export function idInLinkTarget(target: string, format: IdFormat): { id: string; offset: number } | null {
  if (target === '' || SCHEME.test(target)) return null;
  let end = target.length;
  while (end > 0 && target[end - 1] === '/') end--;
  let segmentStart = target.lastIndexOf('/', end - 1) + 1;
  let segment = target.slice(segmentStart, end);
  if (segmentStart > 0 && FOLDER_NOTE.test(segment)) {
    end = segmentStart - 1;
    segmentStart = target.lastIndexOf('/', end - 1) + 1;
    segment = target.slice(segmentStart, end);
  }
  const match = format.atStart.exec(segment);
  if (match === null || match[0].length === 0) return null;
  // As in file names (`ID_title.md`), an underscore after the ID separates it from the rest.
  const after = match[0].length;
  if (segment.charCodeAt(after) !== 95 && isWordCharAt(segment, after)) return null;
  return { id: match[0], offset: segmentStart };
}

/**
 * The ID of Denote's own link target `denote:ID` (with the Denote format only) and its offset into
 * the target, or null. Such a link names the note owning the ID, whatever its file is called.
 */
export function idInDenoteLink(target: string, format: IdFormat): { id: string; offset: number } | null {
  if (format.key !== 'denote' || !target.startsWith(DENOTE_SCHEME)) return null;
  const id = target.slice(DENOTE_SCHEME.length);
  return format.exact.test(id) ? { id, offset: DENOTE_SCHEME.length } : null;
}
