/** @jest-environment jsdom */
import { markdown } from '@codemirror/lang-markdown';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { App, editorInfoField, editorLivePreviewField, Platform, Plugin, type PaneType } from 'obsidian';
import type { MarkdownFileInfo, MarkdownPostProcessorContext } from 'obsidian';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { IdIndexReader, IndexChange } from '../../src/core/types';
import type { IdServices } from '../../src/obsidian/services';
import { HOVER_SOURCE_ID, registerEditorLinks } from '../../src/obsidian/editorLinks';
import { readingViewDeps } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
import { FakeIndex, idElements, recordExceptions } from '../editor/setup';
import { fakeServices } from './fakeServices';

const ID = '202108191025';
const TEAMS = 'zet/202108191025 Teams exist for a reason.md';

class TestPlugin extends Plugin {}

interface Harness {
  app: App;
  plugin: TestPlugin;
  index: FakeIndex;
  opened: [string, string, PaneType | boolean][];
  notify(change: IndexChange): void;
  /** An editor as Obsidian makes one; `obsidianFields: false` leaves out its info and Live Preview fields. */
  editor(doc: string, options?: { livePreview?: boolean; path?: string | null; obsidianFields?: boolean }): { view: EditorView; info: MarkdownFileInfo };
}

let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
});

function harness(paths: string[] = [TEAMS]): Harness {
  const app = new App();
  const plugin = new TestPlugin(app, { id: 'principle-chain', name: 'Principle Chain', version: '0', minAppVersion: '0', author: '', description: '' });
  const index = new FakeIndex(paths);
  const listeners = new Set<(change: IndexChange) => void>();
  const opened: Harness['opened'] = [];
  const services: IdServices = {
    app,
    settings: () => DEFAULT_SETTINGS,
    format: () => TWELVE_DIGIT,
    index: index as unknown as IdIndexReader,
    onIndexChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openId: async (id, sourcePath, paneType) => void opened.push([id, sourcePath, paneType]),
  };
  registerEditorLinks(plugin, services);
  const registered = (plugin as unknown as { registered: { editorExtensions: Extension[] } }).registered.editorExtensions;
  return {
    app,
    plugin,
    index,
    opened,
    notify: (change) => listeners.forEach((listener) => listener(change)),
    editor(doc, { livePreview = true, path = 'notes/source.md', obsidianFields = true } = {}) {
      const info = { app, file: path === null ? null : { path }, hoverPopover: null } as unknown as MarkdownFileInfo;
      const fields = obsidianFields ? [editorInfoField.init(() => info), editorLivePreviewField.init(() => livePreview)] : [];
      const state = EditorState.create({ doc, extensions: [markdown(), fields, registered, recordExceptions] });
      const view = new EditorView({ state, parent: document.body });
      views.push(view);
      return { view, info };
    },
  };
}

/** What the 'hover-link' workspace event carried, in order. */
function hoverLinkEvents(app: App): unknown[] {
  const events: unknown[] = [];
  const workspace = app.workspace as unknown as { on(name: string, callback: (data: unknown) => void): void };
  workspace.on('hover-link', (data) => void events.push(data));
  return events;
}

function press(target: Element, type: 'mousedown' | 'mouseover', init: MouseEventInit = {}): void {
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, detail: 1, ...init }));
}

/** A click as the browser sends it: press, then click (auxclick for the middle button). */
function click(target: Element, init: MouseEventInit = {}): void {
  press(target, 'mousedown', init);
  target.dispatchEvent(new MouseEvent((init.button ?? 0) === 0 ? 'click' : 'auxclick', { bubbles: true, cancelable: true, button: 0, detail: 1, ...init }));
}

describe('registerEditorLinks', () => {
  test('registers one editor extension and the page preview source', () => {
    const { plugin } = harness();
    const registered = (plugin as unknown as { registered: { editorExtensions: Extension[]; hoverLinkSources: Map<string, unknown> } }).registered;
    expect(registered.editorExtensions).toHaveLength(1);
    // Page preview keeps the user's choice for the source under its ID: a new ID would forget it.
    expect([...registered.hoverLinkSources]).toStrictEqual([['principle-chain', { display: 'Principle Chain', defaultMod: true }]]);
  });

  test.each<[string, boolean, MouseEventInit, PaneType | boolean | null]>([
    ['Live Preview click', true, {}, false],
    ['Live Preview Ctrl-click', true, { ctrlKey: true }, 'tab'],
    ['Source mode click', false, {}, null],
    ['Source mode Ctrl-click', false, { ctrlKey: true }, 'tab'],
    ['Source mode Ctrl+Alt-click', false, { ctrlKey: true, altKey: true }, 'split'],
    ['Source mode Ctrl+Alt+Shift-click', false, { ctrlKey: true, altKey: true, shiftKey: true }, 'window'],
    ['Source mode middle click', false, { button: 1 }, 'tab'],
  ])('%s opens per Keymap.isModEvent and the mode in editorLivePreviewField', (_label, livePreview, init, paneType) => {
    const h = harness();
    const { view } = h.editor(`go ${ID} now`, { livePreview });
    click(idElements(view)[0], init);
    expect(h.opened).toStrictEqual(paneType === null ? [] : [[ID, 'notes/source.md', paneType]]);
  });

  test.each([true, false])('on mobile (Platform.isMobile) a tap opens in either mode (Live Preview: %s)', (livePreview) => {
    const h = harness();
    const { view } = h.editor(`go ${ID} now`, { livePreview });
    Platform.isMobile = true;
    try {
      click(idElements(view)[0]);
    } finally {
      Platform.isMobile = false;
    }
    expect(h.opened).toStrictEqual([[ID, 'notes/source.md', false]]);
  });

  test('the source path comes from editorInfoField; an editor without a file opens from the vault root', () => {
    const h = harness();
    click(idElements(h.editor(ID, { path: 'a/b.md' }).view)[0]);
    click(idElements(h.editor(ID, { path: null }).view)[0]);
    expect(h.opened).toStrictEqual([
      [ID, 'a/b.md', false],
      [ID, '', false],
    ]);
  });

  test("an editor without Obsidian's fields links IDs as in Source mode, opens from the vault root and asks no preview", () => {
    const h = harness();
    const events = hoverLinkEvents(h.app);
    const { view } = h.editor(`go ${ID} now`, { obsidianFields: false });
    const [id] = idElements(view);
    press(id, 'mouseover', { ctrlKey: true });
    click(id);
    expect(h.opened).toStrictEqual([]);
    click(id, { ctrlKey: true });
    expect([h.opened, events]).toStrictEqual([[[ID, '', 'tab']], []]);
  });

  test('hovering a resolved ID triggers hover-link for its note, from this editor', () => {
    const h = harness();
    const events = hoverLinkEvents(h.app);
    const { view, info } = h.editor(`go ${ID} now`);
    const targetEl = idElements(view)[0];
    press(targetEl, 'mouseover', { ctrlKey: true });
    const [hover] = events as { event: MouseEvent }[];
    expect(hover.event.type).toBe('mouseover');
    expect(hover.event.ctrlKey).toBe(true);
    expect(events).toStrictEqual([
      {
        event: hover.event,
        source: HOVER_SOURCE_ID,
        hoverParent: info,
        targetEl,
        linktext: 'zet/202108191025 Teams exist for a reason',
        sourcePath: 'notes/source.md',
      },
    ]);
  });

  test("the preview's link text is the one Obsidian writes for the note (its file name when unique)", async () => {
    const h = harness();
    await (h.app.vault as unknown as { create(path: string, data: string): Promise<unknown> }).create(TEAMS, '');
    const events = hoverLinkEvents(h.app);
    const { view } = h.editor(`go ${ID} now`);
    press(idElements(view)[0], 'mouseover', { ctrlKey: true });
    expect((events as { linktext: string }[]).map((e) => e.linktext)).toStrictEqual(['202108191025 Teams exist for a reason']);
  });

  test("a note the vault does not list yet previews by its path without the '.md' at its end", () => {
    const h = harness(['zet/202108191025 Why.md files.md']);
    const events = hoverLinkEvents(h.app);
    press(idElements(h.editor(`go ${ID} now`).view)[0], 'mouseover', { ctrlKey: true });
    expect((events as { linktext: string }[]).map((e) => e.linktext)).toStrictEqual(['zet/202108191025 Why.md files']);
  });

  test("a note whose name holds '#' has no preview: link text would name another note", () => {
    const h = harness(['zet/202108191025 C# tips.md']);
    const events = hoverLinkEvents(h.app);
    press(idElements(h.editor(`go ${ID} now`).view)[0], 'mouseover', { ctrlKey: true });
    expect(events).toStrictEqual([]);
  });

  test('unresolved and ambiguous IDs have no single note to preview', () => {
    const h = harness(['a/202105050505 One.md', 'b/202105050505 Two.md']);
    const events = hoverLinkEvents(h.app);
    const { view } = h.editor('202104291524 and 202105050505');
    idElements(view).forEach((el) => press(el, 'mouseover'));
    expect(idElements(view)).toHaveLength(2);
    expect(events).toStrictEqual([]);
  });

  test('resolved, unresolved and ambiguous IDs carry the same classes as in Reading view, so styles.css styles both alike', () => {
    const paths = [TEAMS, 'a/202105050505 One.md', 'b/202105050505 Two.md'];
    const text = `${ID} and 202104291524 and 202105050505`;
    const { view } = harness(paths).editor(text);
    const section = document.createElement('div');
    section.createEl('p', { text });
    const services = fakeServices(Object.fromEntries(paths.map((path) => [path, ''])));
    decorateRendered(section, { sourcePath: 'source.md', addChild: () => undefined } as unknown as MarkdownPostProcessorContext, readingViewDeps(services));
    // Reading view's resolved ID is Obsidian's own internal link besides.
    const classes = (elements: Iterable<Element>): string[][] => [...elements].map((el) => [...el.classList].filter((c) => c !== 'internal-link').sort());
    expect(classes(idElements(view))).toStrictEqual([['principle-chain-id'], ['is-unresolved', 'principle-chain-id'], ['principle-chain-ambiguous', 'principle-chain-id']]);
    expect(classes(section.querySelectorAll('[data-principle-chain-id]'))).toStrictEqual(classes(idElements(view)));
  });

  test('index changes reach open editors', () => {
    const h = harness([]);
    const { view } = h.editor(`go ${ID}`);
    expect(idElements(view)[0].className).toBe('principle-chain-id is-unresolved');
    h.index.add(TEAMS);
    h.notify(new Set([ID]));
    expect(idElements(view)[0].className).toBe('principle-chain-id');
  });
});
