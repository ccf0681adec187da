/**
 * A DOM for the rows that need one (chain view render, editor): jsdom's window (see ./window),
 * the layout calls jsdom lacks that CodeMirror makes, and Obsidian's DOM helpers from the test
 * mocks. Under Jest's jsdom environment the existing window is kept.
 */
import './window';
import '../tests/mocks/dom';

const zeroRect = (): DOMRect => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });

function emptyRects(): DOMRectList {
  const list = [] as unknown as DOMRectList & DOMRect[];
  (list as unknown as { item: (i: number) => DOMRect | null }).item = () => null;
  return list;
}

/** Adds the layout calls CodeMirror makes that jsdom does not define; safe to call repeatedly. */
export function ensureDom(): void {
  const range = Range.prototype as unknown as Record<string, unknown>;
  if (typeof range.getClientRects !== 'function') range.getClientRects = emptyRects;
  if (typeof range.getBoundingClientRect !== 'function') range.getBoundingClientRect = zeroRect;
  const doc = document as unknown as Record<string, unknown>;
  if (typeof doc.elementFromPoint !== 'function') doc.elementFromPoint = () => null;
}
