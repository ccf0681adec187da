/**
 * The chain view's drawn trees: the model on screen and what drawing it produced (a RenderedChain),
 * drawn again as a whole, one entry at a time or a page at a time, keeping scroll and focus.
 */

import { ATTR, moveTabStop, redrawEntry, renderChainInto, revealMore, type EntryTarget, type RenderedChain, type RenderOptions } from './render';
import { parentKeyOf, sameModel, type ChainUiState, type ChainViewModel } from './model';
import { keepAnchorWhileDrawn, topEntry } from './scrollAnchor';

export class ChainBody {
  /** The model on screen, and what drawing it produced (null before the first draw of a note). */
  model: ChainViewModel | null = null;
  rendered: RenderedChain | null = null;
  /** The citation counts drawn, by entry key: an index change that moves one redraws. */
  private drawnCounts = new Map<string, number>();
  private readonly options: Required<RenderOptions>;

  /** `scroller` is the element that scrolls the trees (the view's content). */
  constructor(
    readonly el: HTMLElement,
    private readonly scroller: HTMLElement,
    citedBy: (id: string) => number,
    idPrefix: string,
  ) {
    this.options = { citedBy, idPrefix };
  }

  /** Forgets what is drawn (another note is shown): the next draw starts at the top. */
  clear(): void {
    this.rendered = null;
    this.model = null;
  }

  /** Whether the screen already shows the model: the same model, with the same citation counts. */
  shows(model: ChainViewModel): boolean {
    return this.rendered !== null && sameModel(this.model, model) && this.countsUnchanged();
  }

  /** Draws the whole model, keeping scroll position and focus when it is the same note. */
  render(ui: ChainUiState, model: ChainViewModel | null = this.model): void {
    if (model === null) return;
    const sameNote = this.rendered !== null;
    const scroller = this.scrollingElement();
    const scrollTop = scroller.scrollTop;
    const anchor = this.rendered === null ? null : topEntry(this.rendered, scroller);
    const focused = this.el.ownerDocument.activeElement;
    const hadFocus = this.el.contains(focused);
    const focusedAction = hadFocus ? focused?.getAttribute(ATTR.action) : null;
    this.model = model;
    this.rendered = renderChainInto(this.el, model, ui, this.options);
    this.rememberCounts();
    // Redrawing the same note (a toggle, an index change) must not jump back to the top, nor move
    // the entry the user was reading.
    scroller.scrollTop = sameNote ? scrollTop : 0;
    const rendered = this.rendered;
    const view = this.el.ownerDocument.defaultView;
    if (sameNote && view !== null) keepAnchorWhileDrawn(rendered, scroller, anchor, view, () => this.rendered === rendered);
    const control = focusedAction == null ? null : this.controlDrawnAgain(focusedAction, focused?.getAttribute(ATTR.key) ?? null);
    if (control !== null) control.focus();
    else if (hadFocus) this.focusEntry(ui.activeKey);
  }

  /**
   * A control pressed from the keyboard is drawn anew: focus goes to the same control in the new
   * drawing, so the next key press acts on it again rather than on an entry. A section header is
   * found by its key; a depth button by its action, or the other one when it became disabled (at
   * depth 1 or at the maximum). Null for anything else (entries keep their own focus rules).
   */
  private controlDrawnAgain(action: string, key: string | null): HTMLElement | null {
    if (action === 'toggle-section') return key === null ? null : (this.rendered?.elements.get(key) ?? null);
    if (action !== 'depth-down' && action !== 'depth-up') return null;
    const button = (name: string): HTMLButtonElement | null => this.el.querySelector<HTMLButtonElement>(`.pc-chain-depth [${ATTR.action}="${name}"]`);
    const same = button(action);
    return same !== null && !same.disabled ? same : button(action === 'depth-down' ? 'depth-up' : 'depth-down');
  }

  /** Draws one entry again (after a toggle), or everything when the entry is not on screen. */
  redrawEntry(ui: ChainUiState, key: string): void {
    const hadFocus = this.rendered?.elements.get(key)?.contains(this.el.ownerDocument.activeElement) ?? false;
    if (this.model === null || this.rendered === null || !redrawEntry(this.rendered, this.model, ui, key, this.options)) {
      this.render(ui);
      return;
    }
    this.rememberCounts();
    if (hadFocus) this.focusEntry(key);
  }

  /** Draws the next page of a parent's entries and focuses the first; null when it drew everything instead. */
  revealMore(ui: ChainUiState, parentKey: string, from: number): string | null {
    const first = this.model === null || this.rendered === null ? null : revealMore(this.rendered, this.model, ui, parentKey, from, this.options);
    if (first === null) {
      this.render(ui);
      return null;
    }
    this.rememberCounts();
    this.focusEntry(first);
    return first;
  }

  /**
   * Focuses the entry (making it the tree's tab stop). When a redraw left it out (collapse all, a
   * parent closed, the entry gone), focus stays in its own tree: on its nearest drawn ancestor, else
   * on the tree's tab stop, else on the section's header; never on the other tree.
   */
  focusEntry(key: string | null): void {
    if (this.rendered === null) return;
    const el = (key !== null ? this.nearestDrawn(this.rendered, key) : null) ?? this.firstTabStop();
    el?.focus();
  }

  private nearestDrawn(rendered: RenderedChain, key: string): HTMLElement | null {
    let at = key;
    for (let parent = parentKeyOf(at); parent !== null; at = parent, parent = parentKeyOf(at)) {
      const el = moveTabStop(rendered, at);
      if (el !== null) return el;
    }
    // `at` is the section's key now.
    const stop = rendered.tabStops.get(at);
    return (stop === undefined ? undefined : rendered.elements.get(stop)) ?? rendered.elements.get(at) ?? null;
  }

  /** The key of the entry an element belongs to. */
  keyOf(el: Element | null | undefined): string | null {
    return el?.closest(`[${ATTR.key}]`)?.getAttribute(ATTR.key) ?? null;
  }

  /** What the entry an element belongs to opens. */
  targetOf(el: Element | null | undefined): EntryTarget | undefined {
    const key = this.keyOf(el);
    return key === null ? undefined : this.rendered?.targets.get(key);
  }

  /**
   * The element that scrolls the trees: the nearest ancestor that scrolls, which in Obsidian's
   * layout is taken to be the view's content (`scroller`); should a theme or host let an outer
   * element scroll instead, that one. Without layout (no ancestor overflows), `scroller`.
   */
  private scrollingElement(): HTMLElement {
    const view = this.el.ownerDocument.defaultView;
    for (let el = this.el.parentElement; el !== null && view !== null; el = el.parentElement) {
      if (el.scrollHeight > el.clientHeight && /^(auto|scroll)$/.test(view.getComputedStyle(el).overflowY)) return el;
    }
    return this.scroller;
  }

  private firstTabStop(): HTMLElement | null {
    for (const key of this.rendered?.tabStops.values() ?? []) return this.rendered?.elements.get(key) ?? null;
    return null;
  }

  private countsUnchanged(): boolean {
    for (const [key, count] of this.drawnCounts) {
      const id = this.rendered?.targets.get(key)?.id;
      if (id != null && this.options.citedBy(id) !== count) return false;
    }
    return true;
  }

  private rememberCounts(): void {
    this.drawnCounts = new Map();
    for (const [key, target] of this.rendered?.targets ?? []) {
      if (target.kind === 'note' && target.id !== null) this.drawnCounts.set(key, this.options.citedBy(target.id));
    }
  }
}
