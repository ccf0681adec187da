/** The ID a link target names, for wikilinks and markdown links alike. */
import type { IdFormat } from './formats';
import { isWordChar } from './prose';

const anchoredCache = new Map<string, RegExp>();

function anchored(format: IdFormat): RegExp {
  let regex = anchoredCache.get(format.source);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${format.source})`);
    anchoredCache.set(format.source, regex);
  }
  return regex;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
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
  const last = target.slice(segmentStart, end);
  if (FOLDER_NOTE.test(last) && segmentStart > 0) {
    end = segmentStart - 1;
    segmentStart = target.lastIndexOf('/', end - 1) + 1;
  }
  const segment = target.slice(segmentStart, end);
  const match = anchored(format).exec(segment);
  if (match === null || match[0].length === 0) return null;
  if (isWordChar(segment[match[0].length])) return null;
  return { id: match[0], offset: segmentStart };
}
