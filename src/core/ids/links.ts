/** The ID a link target names, for wikilinks and markdown links alike. */
import type { IdFormat } from './formats';
import { isWordCharAt } from './wordRule';
import { ATTACHMENT } from './prose';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
/** Denote's link form: `[desc](denote:20200310T094419)` names a note by its ID. */
export const DENOTE_SCHEME = 'denote:';
const FOLDER_NOTE = /^(?:readme|index)(?:\.md)?$/i;
const FOLDER_NOTE_MAX = 'readme.md'.length;

/**
 * The ID named by a link target and its offset into the target: `202108191025 Title`,
 * `folder/202108191025 Title.md`, `../202109260705`, `/zet/ID/README.md`, `202108191025%20Title.md`.
 * The ID must start the file name (or the folder name of a README/index note). URLs name none, and
 * nor does a link to an attachment (`![[202104291524.png]]`): only notes own IDs, so repointing
 * such a link at the note would turn an image into a note.
 */
export function idInLinkTarget(target: string, format: IdFormat): { id: string; offset: number } | null {
  const length = digitIdLength(format);
  if (length === 0) return idInTarget(target, format);
  const offset = digitIdOffsetInTarget(target, length);
  return offset === -1 ? null : { id: target.slice(offset, offset + length), offset };
}

/**
 * Where an all-digit format's ID of `length` digits starts in the link target, or -1 for none: as
 * idInLinkTarget reads it, with the cheap test first (most targets that name no ID fail on their
 * first characters) and no object made.
 */
export function digitIdOffsetInTarget(target: string, length: number): number {
  const end = namingSegmentEnd(target);
  const segmentStart = target.lastIndexOf('/', end - 1) + 1;
  // Read in the target itself: the segment's first `length` characters are digits. Past the
  // segment stands a `/` or nothing, which joins no word.
  if (end - segmentStart < length) return -1;
  for (let at = segmentStart; at < segmentStart + length; at++) {
    const code = target.charCodeAt(at);
    if (code < 48 || code > 57) return -1;
  }
  const after = segmentStart + length;
  if (after < end && target.charCodeAt(after) !== 95 && isWordCharAt(target, after)) return -1;
  // A target that starts with a digit names no scheme.
  if (segmentStart > 0 && SCHEME.test(target)) return -1;
  return namesAttachment(target, segmentStart, end) ? -1 : segmentStart;
}

/** idInLinkTarget for a format whose IDs are not a fixed number of digits. */
function idInTarget(target: string, format: IdFormat): { id: string; offset: number } | null {
  if (target === '' || SCHEME.test(target)) return null;
  const end = namingSegmentEnd(target);
  const segmentStart = target.lastIndexOf('/', end - 1) + 1;
  if (namesAttachment(target, segmentStart, end)) return null;
  return idAtSegmentStart(target.slice(segmentStart, end), segmentStart, format);
}

/**
 * Where the segment of the target that names the note ends: its last, less any trailing `/`, or
 * the folder before a `README.md` or `index.md` (a folder note is named by its folder).
 */
function namingSegmentEnd(target: string): number {
  let end = target.length;
  while (end > 0 && target.charCodeAt(end - 1) === 47) end--;
  const segmentStart = target.lastIndexOf('/', end - 1) + 1;
  // Only a short segment can be `readme.md` or `index.md`: no slice of the others.
  return segmentStart > 0 && end - segmentStart <= FOLDER_NOTE_MAX && FOLDER_NOTE.test(target.slice(segmentStart, end)) ? segmentStart - 1 : end;
}

/** Whether the segment [segmentStart, end) ends in an attachment's extension. */
function namesAttachment(target: string, segmentStart: number, end: number): boolean {
  const dot = target.lastIndexOf('.', end - 1);
  return dot > segmentStart && ATTACHMENT.test(target.slice(dot, end));
}

/** Length of the format's IDs when they are a fixed number of digits (`\d{12}`, `\d{14}`), else 0. */
export function digitIdLength(format: IdFormat): number {
  if (format.key === '12') return 12;
  return format.key === '14' ? 14 : 0;
}

/** The ID starting `segment` (at `offset` in its target), as the format matches it there. */
function idAtSegmentStart(segment: string, offset: number, format: IdFormat): { id: string; offset: number } | null {
  const match = format.atStart.exec(segment);
  if (match === null || match[0].length === 0) return null;
  // As in file names (`ID_title.md`), an underscore after the ID separates it from the rest.
  const after = match[0].length;
  if (segment.charCodeAt(after) !== 95 && isWordCharAt(segment, after)) return null;
  return { id: match[0], offset };
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
