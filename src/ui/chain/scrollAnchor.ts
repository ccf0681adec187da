/**
 * Keeps the entry at the top of the chain view in place when the view is drawn again. Restoring the
 * scroll offset alone is not enough: entries out of sight are laid out at an estimated height
 * (styles.css, content-visibility), so after a redraw the same offset can show other entries.
 */
import type { RenderedChain } from './entries';

/** The entry whose row is at the top of the scroller's visible area, and how far its row starts below it. */
export interface ScrollAnchor {
  readonly key: string;
  readonly offset: number;
}

/** An entry's own row (its item also holds its children); a "show more" entry is its own row. */
function rowOf(el: HTMLElement): Element {
  const first = el.firstElementChild;
  return first !== null && first.classList.contains('pc-chain-row') ? first : el;
}

/**
 * The drawn entry whose row is the first to reach below the top of the scroller, or null when the
 * view is not scrolled or nothing is laid out (no layout: nothing to keep but the offset).
 */
export function topEntry(rendered: RenderedChain, scroller: HTMLElement): ScrollAnchor | null {
  if (scroller.scrollTop <= 0) return null;
  const top = scroller.getBoundingClientRect().top;
  let anchor: ScrollAnchor | null = null;
  // Partial redraws add entries to the map out of document order: look at every one.
  for (const [key, el] of rendered.elements) {
    const row = rowOf(el).getBoundingClientRect();
    // A row not laid out has height 0 and lies above the top too: either test passes over it.
    if (row.height === 0 || row.bottom <= top) continue;
    if (anchor === null || row.top - top < anchor.offset) anchor = { key, offset: row.top - top };
  }
  return anchor;
}

/** Scrolls so that the anchor's entry, when drawn again, starts as far below the top as it did. */
export function keepAnchor(rendered: RenderedChain, scroller: HTMLElement, anchor: ScrollAnchor | null): void {
  const el = anchor === null ? undefined : rendered.elements.get(anchor.key);
  if (anchor === null || el === undefined) return;
  const shift = rowOf(el).getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
  if (shift !== 0) scroller.scrollTop += shift;
}

/** Frames over which a redraw keeps its anchor while the entries in sight take their own height. */
export const ANCHOR_FRAMES = 4;

/** What reading the view looks like: any of these in the scroller ends the keeping. */
const READER_INPUTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Keeps the anchor's entry in place now, and over the next frames as the entries that came into
 * sight are drawn at their own height instead of the estimate (styles.css), until the reader acts
 * (a wheel, touch, click or key in the view) or `current` says the view was drawn again. The scroll
 * offset cannot tell the reader's scrolling from the browser's own scroll anchoring, which also
 * moves it then.
 */
export function keepAnchorWhileDrawn(
  rendered: RenderedChain,
  scroller: HTMLElement,
  anchor: ScrollAnchor | null,
  view: Pick<Window, 'requestAnimationFrame'>,
  current: () => boolean,
): void {
  if (anchor === null) return;
  keepAnchor(rendered, scroller, anchor);
  let readerActed = false;
  const acted = (): void => {
    readerActed = true;
  };
  for (const input of READER_INPUTS) scroller.addEventListener(input, acted, { passive: true, capture: true });
  let frames = ANCHOR_FRAMES;
  const again = (): void => {
    const keep = !readerActed && current();
    if (keep) keepAnchor(rendered, scroller, anchor);
    if (keep && --frames > 0) view.requestAnimationFrame(again);
    else for (const input of READER_INPUTS) scroller.removeEventListener(input, acted, { capture: true });
  };
  view.requestAnimationFrame(again);
}
