/**
 * Validation of reference records read back from the cache: each must be one the scanner could have
 * written, so a damaged file can never put records into the index that it would misread.
 */
import {
  EDGE, EMBED, FORM_MASK, LINK, LINK_DISPLAY_FROM, LINK_DISPLAY_LENGTH, LINK_FROM, LINK_REF_INTS, LINK_SUBPATH_LENGTH,
  LINK_TARGET_FROM, LINK_TARGET_TO, LINK_TO, REF_COLUMN, REF_FLAGS, REF_FROM, REF_INTS, REF_LINE, REF_SLOT,
} from '../index/referenceStore';

const KNOWN_FLAGS = FORM_MASK | LINK | EMBED;

/**
 * Why the records ints[from, to) cannot have been written for a text of `textLength`, or null when
 * they can (the reason is for people reading it; the cache only asks whether there is one).
 * `idLength(i)` is the length of the ID a record's REF_SLOT `i` names, or -1 for none.
 */
export function recordsProblem(ints: Int32Array, from: number, to: number, idLength: (i: number) => number, textLength: number): string | null {
  let previousFrom = 0;
  for (let at = from; at < to; ) {
    // The link check below catches this too (no record is shorter); this one reads no flags past `to`.
    if (at + REF_INTS > to) return 'a record is cut short';
    const flags = ints[at + REF_FLAGS];
    const form = flags & FORM_MASK;
    const link = (flags & LINK) !== 0;
    // EDGE (the index's own flag) is outside KNOWN_FLAGS too: named here for the reader.
    if ((flags & ~KNOWN_FLAGS) !== 0 || (flags & EDGE) !== 0 || form > 2 || link !== (form !== 0) || (!link && (flags & EMBED) !== 0)) {
      return 'a record has unknown flags';
    }
    const length = link ? LINK_REF_INTS : REF_INTS;
    if (at + length > to) return 'a link record is cut short';
    const slot = ints[at + REF_SLOT];
    // The cache's lookup answers -1 for a negative slot as well; it is just never asked.
    const idLengthHere = slot < 0 ? -1 : idLength(slot);
    const start = ints[at + REF_FROM];
    if (idLengthHere < 1) return 'a record names no ID';
    if (start < previousFrom || start + idLengthHere > textLength) return 'a record stands outside its text or out of order';
    if (ints[at + REF_LINE] < 1 || ints[at + REF_COLUMN] < 1) return 'a record has no line or column';
    if (link && !linkFits(ints, at, start, start + idLengthHere, textLength)) return 'a link record does not hold its ID';
    previousFrom = start;
    at += length;
  }
  return null;
}

/**
 * The link's spans nest: the link holds its target, the target the ID, and each text lies inside the
 * link. A scanned link's brackets keep its outer bounds apart (neither its target nor its display
 * starts where the link starts, and none of them ends where it ends), so `<` for `<=` there would
 * only reject files this code never writes; `targetTo <= linkTo` also follows from the subpath's.
 */
function linkFits(ints: Int32Array, at: number, from: number, to: number, textLength: number): boolean {
  const linkFrom = ints[at + LINK_FROM];
  const linkTo = ints[at + LINK_TO];
  const targetFrom = ints[at + LINK_TARGET_FROM];
  const targetTo = ints[at + LINK_TARGET_TO];
  const subpath = ints[at + LINK_SUBPATH_LENGTH];
  const displayFrom = ints[at + LINK_DISPLAY_FROM];
  const display = ints[at + LINK_DISPLAY_LENGTH];
  if (!(linkFrom >= 0 && linkFrom <= targetFrom && targetFrom <= from && to <= targetTo && targetTo <= linkTo && linkTo <= textLength)) return false;
  if (subpath < 0 || targetTo + subpath > linkTo) return false;
  return display === -1 || (display >= 0 && displayFrom >= linkFrom && displayFrom + display <= linkTo);
}
