/**
 * Mouse and touch on decorated IDs. An ID opens on `click`, never on `mousedown`: a press that turns
 * into a text selection or a drag opens nothing. A plain click opens in Live Preview, and on mobile
 * (a tap) in both modes; a Mod-click or a middle click opens in either mode, where it would
 * otherwise add a cursor or paste. Hovering asks the host for a page preview.
 */
import type { EditorSelection, Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ID_ATTRIBUTE } from '../core/idMarkup';
import type { EditorLinkDeps } from './host';

/** How far (CSS pixels) the pointer may move between press and release for it still to be a click. */
export const CLICK_SLOP = 4;

/** A press on an ID, kept until its click (or the next press). */
interface Press {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly selection: EditorSelection;
}

/** The decorated ID element an event happened on, if any. */
export function idElement(event: Event, view: EditorView): HTMLElement | null {
  const target = event.target as Element | null;
  // Duck-typed rather than instanceof: elements of Obsidian's pop-out windows belong to another realm.
  if (target === null || typeof target.closest !== 'function') return null;
  const element = target.closest<HTMLElement>(`[${ID_ATTRIBUTE}]`);
  return element !== null && view.contentDOM.contains(element) ? element : null;
}

/** The mouse handlers of the extension; presses are remembered per editor. */
export function idPointerHandlers(deps: EditorLinkDeps): Extension {
  const presses = new WeakMap<EditorView, Press>();

  /** Whether a plain (unmodified) click on an ID opens it in this editor. */
  const plainClickOpens = (view: EditorView): boolean => deps.isMobile() || deps.isLivePreview(view.state);

  /**
   * Opens the pressed ID if this release completes a click on it: the pointer stayed where it was
   * pressed, whatever is under it now. In Live Preview the press moves the cursor onto the ID's line,
   * which may reveal that line's markup (a heading's `## `) and shift the ID from under the pointer;
   * the click then lands on the line, not the ID.
   */
  const release = (event: MouseEvent, view: EditorView): boolean => {
    const press = presses.get(view);
    presses.delete(view);
    if (press === undefined) return false;
    const id = press.id;
    const moved = Math.abs(event.clientX - press.x) > CLICK_SLOP || Math.abs(event.clientY - press.y) > CLICK_SLOP;
    const selected = !view.state.selection.main.empty && !view.state.selection.eq(press.selection);
    if (moved || selected) return false;
    const paneType = deps.paneType(event);
    if (!paneType && !plainClickOpens(view)) return false;
    event.preventDefault();
    deps.open(id, deps.sourcePath(view.state) ?? '', paneType);
    return true;
  };

  return EditorView.domEventHandlers({
    mousedown(event, view) {
      presses.delete(view);
      if (event.button !== 0 && event.button !== 1) return false;
      const id = idElement(event, view)?.getAttribute(ID_ATTRIBUTE);
      if (!id) return false;
      presses.set(view, { id, x: event.clientX, y: event.clientY, selection: view.state.selection });
      // A plain press stays CodeMirror's (cursor, selection, drag); a Mod or middle press is ours,
      // so CodeMirror neither adds a cursor nor starts a selection (nor pastes, on Linux).
      if (event.button === 0 && !deps.paneType(event)) return false;
      event.preventDefault();
      return true;
    },
    click(event, view) {
      return event.button === 0 && release(event, view);
    },
    auxclick(event, view) {
      return event.button === 1 && release(event, view);
    },
    mouseover(event, view) {
      const targetEl = idElement(event, view);
      const id = targetEl?.getAttribute(ID_ATTRIBUTE);
      const from = event.relatedTarget as Node | null;
      if (targetEl && id && !(from !== null && targetEl.contains(from))) {
        deps.hover({ event, targetEl, id, sourcePath: deps.sourcePath(view.state) ?? '', state: view.state });
      }
      return false;
    },
  });
}
