/** @jest-environment jsdom */
import { EditorSelection, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ID_ATTRIBUTE } from '../../src/core/idMarkup';
import { editorWithLinks, idElements, testHost, type TestHost } from './setup';

const TEAMS = 'zet/202108191025 Teams exist for a reason.md';
const ID = '202108191025';
const SOURCE = 'notes/source.md';

let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

/**
 * An editor on `go ID now` with one resolved ID; `seen` gets the presses CodeMirror itself handles,
 * `seenLater` the clicks and hovers a handler after ours still gets (a handler that returns true
 * claims the event: CodeMirror calls no later handler and prevents its default).
 */
function setup(configure: (host: TestHost) => void = () => undefined): {
  host: TestHost;
  view: EditorView;
  id: HTMLElement;
  seen: MouseEvent[];
  seenLater: MouseEvent[];
} {
  const host = testHost([TEAMS]);
  configure(host);
  const seen: MouseEvent[] = [];
  const seenLater: MouseEvent[] = [];
  const later = (event: MouseEvent): void => void seenLater.push(event);
  const editorSees: Extension = EditorView.domEventHandlers({ mousedown: (event) => void seen.push(event), click: later, auxclick: later, mouseover: later });
  const view = editorWithLinks(`go ${ID} now`, host, editorSees);
  views.push(view);
  return { host, view, id: idElements(view)[0], seen, seenLater };
}

function fire(target: Element, type: 'mousedown' | 'mouseup' | 'click' | 'auxclick' | 'mouseover', init: MouseEventInit = {}): MouseEvent {
  // detail: a single click (CodeMirror reads the click count from it; 0 would select the line).
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, detail: 1, clientX: 10, clientY: 10, ...init });
  target.dispatchEvent(event);
  return event;
}

/** A whole click as a browser sends it: press, release, then click (or auxclick for other buttons). */
function click(target: Element, init: MouseEventInit = {}, releaseAt: Element = target): { press: MouseEvent; click: MouseEvent } {
  const press = fire(target, 'mousedown', init);
  fire(releaseAt, 'mouseup', init);
  const done = fire(releaseAt, (init.button ?? 0) === 0 ? 'click' : 'auxclick', init);
  return { press, click: done };
}

const opened = (paneType: string | boolean): unknown[] => [{ id: ID, sourcePath: SOURCE, paneType }];

describe('opening an ID with the mouse', () => {
  test('in Live Preview a click opens it; the press stays the editor\'s (cursor, selection)', () => {
    const { host, id, seen } = setup();
    const { press, click: done } = click(id);
    expect(host.opened).toStrictEqual(opened(false));
    expect(seen).toStrictEqual([press]);
    expect(done.defaultPrevented).toBe(true);
  });

  test('a press alone opens nothing: the click does', () => {
    const { host, id } = setup();
    fire(id, 'mousedown');
    expect(host.opened).toStrictEqual([]);
    fire(id, 'mouseup');
    fire(id, 'click');
    expect(host.opened).toStrictEqual(opened(false));
  });

  test('a press that becomes a text selection opens nothing', () => {
    const { host, view, id } = setup();
    fire(id, 'mousedown');
    // What CodeMirror's own mouse handling does as the pointer drags across the text.
    view.dispatch({ selection: EditorSelection.range(3, 9) });
    fire(id, 'mouseup');
    fire(id, 'click');
    expect(host.opened).toStrictEqual([]);
  });

  test.each([
    ['right', { clientX: 15 }],
    ['down', { clientY: 15 }],
  ])('a press dragged 5 px %s, past the slop, opens nothing, even released on the ID', (_dir, to) => {
    const { host, id } = setup();
    fire(id, 'mousedown');
    fire(id, 'mouseup', to);
    fire(id, 'click', to);
    expect(host.opened).toStrictEqual([]);
  });

  test('a jitter within the slop (4 px) is still a click', () => {
    const { host, id } = setup();
    fire(id, 'mousedown');
    fire(id, 'click', { clientX: 14, clientY: 6 });
    expect(host.opened).toStrictEqual(opened(false));
  });

  test('a press on the ID released elsewhere opens nothing', () => {
    const { host, view, id } = setup();
    fire(id, 'mousedown');
    const line = view.contentDOM.querySelector('.cm-line')!;
    fire(line, 'mouseup', { clientX: 60 });
    fire(line, 'click', { clientX: 60 });
    expect(host.opened).toStrictEqual([]);
  });

  test('a press on the ID released where it was pressed opens it, though the line is under the pointer now', () => {
    // The press put the cursor on the line, and Live Preview revealed its markup: the ID moved.
    const { host, view, id } = setup();
    click(id, {}, view.contentDOM.querySelector('.cm-line')!);
    expect(host.opened).toStrictEqual(opened(false));
  });

  test('a press elsewhere released on the ID opens nothing', () => {
    const { host, view, id } = setup();
    fire(view.contentDOM.querySelector('.cm-line')!, 'mousedown');
    fire(id, 'click');
    expect(host.opened).toStrictEqual([]);
  });

  test('clicking again after a non-empty selection was made elsewhere still opens', () => {
    const { host, view, id } = setup();
    view.dispatch({ selection: EditorSelection.range(0, 2) });
    fire(id, 'mousedown', { ctrlKey: true });
    fire(id, 'click', { ctrlKey: true });
    expect(host.opened).toStrictEqual(opened('tab'));
  });

  test('in Source mode a plain click is the editor\'s alone', () => {
    const { host, id, seen } = setup((h) => (h.livePreview = false));
    const { press, click: done } = click(id);
    expect(host.opened).toStrictEqual([]);
    expect(seen).toStrictEqual([press]);
    expect(done.defaultPrevented).toBe(false);
  });

  test.each([true, false])('a Ctrl-click opens in a new tab, its press claimed (Live Preview: %s)', (livePreview) => {
    const { host, id, seen } = setup((h) => (h.livePreview = livePreview));
    const { press } = click(id, { ctrlKey: true });
    expect(host.opened).toStrictEqual(opened('tab'));
    // Claimed, so CodeMirror does not turn the Ctrl-press into a second cursor.
    expect(press.defaultPrevented).toBe(true);
    expect(seen).toStrictEqual([]);
  });

  test('a middle click opens in a new tab on auxclick, in Source mode too', () => {
    const { host, id, seen } = setup((h) => (h.livePreview = false));
    const press = fire(id, 'mousedown', { button: 1 });
    expect(host.opened).toStrictEqual([]);
    fire(id, 'auxclick', { button: 1 });
    expect(host.opened).toStrictEqual(opened('tab'));
    expect([press.defaultPrevented, seen]).toStrictEqual([true, []]);
  });

  test('a middle press is claimed (no paste) even where the host does not count it a modifier', () => {
    const { host, id, seen } = setup((h) => (h.deps = { ...h.deps, paneType: (event) => (event.ctrlKey ? 'tab' : false) }));
    const press = fire(id, 'mousedown', { button: 1 });
    expect([press.defaultPrevented, seen]).toStrictEqual([true, []]);
    fire(id, 'auxclick', { button: 1 });
    expect(host.opened).toStrictEqual(opened(false));
  });

  test('right clicks and clicks beside an ID open nothing', () => {
    const { host, view, id } = setup();
    click(id, { button: 2 });
    click(view.contentDOM.querySelector('.cm-line')!);
    expect(host.opened).toStrictEqual([]);
  });

  test.each([true, false])('on mobile a tap opens in either mode (Live Preview: %s)', (livePreview) => {
    const { host, id } = setup((h) => {
      h.livePreview = livePreview;
      h.mobile = true;
    });
    click(id);
    expect(host.opened).toStrictEqual(opened(false));
  });

  test('one click opens once', () => {
    const { host, id } = setup();
    click(id);
    fire(id, 'click');
    expect(host.opened).toStrictEqual(opened(false));
  });
});

describe('what stays the editor\'s', () => {
  const line = (view: EditorView): Element => view.contentDOM.querySelector('.cm-line')!;

  test('a press and click beside an ID are not claimed', () => {
    const { host, view, seen, seenLater } = setup();
    const { press, click: done } = click(line(view));
    // The press reached the handler after ours (CodeMirror's own selection then prevents its default).
    expect([seen, seenLater, done.defaultPrevented]).toStrictEqual([[press], [done], false]);
    expect(host.opened).toStrictEqual([]);
  });

  test('a right press on an ID is not claimed: the context menu stays the editor\'s', () => {
    const { host, id, seen } = setup();
    const press = fire(id, 'mousedown', { button: 2 });
    expect(seen).toStrictEqual([press]);
    fire(id, 'auxclick', { button: 2 });
    expect(host.opened).toStrictEqual([]);
  });

  test('the click that ends a drag from an ID is not claimed', () => {
    const { host, id, seenLater } = setup();
    fire(id, 'mousedown');
    const done = fire(id, 'click', { clientX: 15 });
    expect([done.defaultPrevented, seenLater, host.opened]).toStrictEqual([false, [done], []]);
  });

  test('hovering an ID is observed, never claimed', () => {
    const { host, id, seenLater } = setup();
    const over = fire(id, 'mouseover');
    expect([over.defaultPrevented, seenLater]).toStrictEqual([false, [over]]);
    expect(host.hovers.length).toBe(1);
  });

  test('a click event reporting the middle button (engines before auxclick) opens nothing; its auxclick opens once', () => {
    const { host, id } = setup();
    fire(id, 'mousedown', { button: 1 });
    fire(id, 'click', { button: 1 });
    expect(host.opened).toStrictEqual([]);
    fire(id, 'auxclick', { button: 1 });
    expect(host.opened).toStrictEqual(opened('tab'));
  });

  test('an event aimed at a text node (older WebKit) is ignored, not an error', () => {
    const { host, id } = setup();
    const text = id.firstChild!;
    for (const type of ['mousedown', 'click', 'mouseover']) {
      text.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, detail: 1, ctrlKey: true }));
    }
    expect([host.opened, host.hovers]).toStrictEqual([[], []]);
  });

  test('an element around the editor that carries the ID attribute is no ID of its text', () => {
    const { host, view } = setup();
    const around = document.body.appendChild(document.createElement('div'));
    around.setAttribute(ID_ATTRIBUTE, '202104291524');
    around.appendChild(view.dom);
    click(line(view), { ctrlKey: true });
    fire(line(view), 'mouseover');
    expect([host.opened, host.hovers]).toStrictEqual([[], []]);
    around.remove();
  });
});
