/** @jest-environment jsdom */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { MarkdownFileInfo, MarkdownPostProcessorContext, PluginManifest } from 'obsidian';
import * as fake from '../mocks/obsidian';
import { registerEditorLinks } from '../../src/obsidian/editorLinks';
import { readingViewDeps } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
import { decorated, idElements, languageFor, parseViewport } from '../editor/setup';
import { fakeServices } from './fakeServices';

// An Obsidian pop-out window is another window with its own DOM classes: an element made there is
// no `instanceof HTMLElement` of the main window ("Support pop-out windows" in the developer docs).
// Here it is an iframe, given its own copy of Obsidian's DOM helpers as each pop-out has.
const TEAMS = '202108191025 Teams exist for a reason.md';
const SOURCE = 'notes/Source.md';

let frame: HTMLIFrameElement;
let popout: Window & typeof globalThis;
beforeEach(() => {
  frame = document.body.appendChild(document.createElement('iframe'));
  popout = frame.contentWindow as Window & typeof globalThis;
  fake.installDomHelpers(popout);
  // The layout calls CodeMirror makes, which jsdom lacks, in this window too (see ../editor/setup).
  popout.Range.prototype.getClientRects = () => Object.assign([], { item: () => null });
  popout.Range.prototype.getBoundingClientRect = () => new DOMRect();
  popout.document.elementFromPoint = () => null;
});
afterEach(() => frame.remove());

function inPopout(type: 'click' | 'auxclick' | 'mousedown', init: MouseEventInit = {}): MouseEvent {
  return new popout.MouseEvent(type, { bubbles: true, cancelable: true, button: 0, detail: 1, ...init });
}

describe('in a pop-out window', () => {
  it('Reading view links IDs with elements of that window, and its spans answer clicks and keys', () => {
    const services = fakeServices({ [TEAMS]: '' });
    const section = popout.document.body.createDiv();
    section.createEl('p', { text: 'See 202108191025, 202001011200.' });
    const children: fake.MarkdownRenderChild[] = [];
    const ctx = { sourcePath: SOURCE, addChild: (c: fake.MarkdownRenderChild) => (children.push(c), c.load()), getSectionInfo: () => null };
    decorateRendered(section, ctx as unknown as MarkdownPostProcessorContext, readingViewDeps(services));

    const [resolved, unresolved] = Array.from(section.querySelectorAll<HTMLElement>('.principle-chain-id'));
    expect(resolved instanceof HTMLAnchorElement).toBe(false);
    expect([resolved.instanceOf(HTMLAnchorElement), resolved.ownerDocument === popout.document]).toStrictEqual([true, true]);
    expect([unresolved.tagName, unresolved.ownerDocument === popout.document]).toStrictEqual(['SPAN', true]);

    expect(unresolved.dispatchEvent(inPopout('click'))).toBe(false);
    unresolved.dispatchEvent(new popout.KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', ctrlKey: true }));
    unresolved.dispatchEvent(inPopout('auxclick', { button: 1 }));
    expect(services.opened.map((o) => [o.id, o.paneType])).toStrictEqual([
      ['202001011200', false],
      ['202001011200', 'tab'],
      ['202001011200', 'tab'],
    ]);

    services.put('202001011200 New.md');
    const now = section.querySelectorAll('.principle-chain-id')[1];
    expect([now.tagName, now.ownerDocument === popout.document, now.getAttribute('data-href')]).toStrictEqual(['A', true, '202001011200 New']);
    children.forEach((child) => child.unload());
  });

  it('the editor decorates IDs there, and a click on one opens it', () => {
    const services = fakeServices({ [TEAMS]: '' });
    const plugin = new (class extends fake.Plugin {})(services.app, { id: 'principle-chain' } as PluginManifest);
    registerEditorLinks(plugin as never, services);
    const info = { app: services.app, file: { path: SOURCE }, hoverPopover: null } as unknown as MarkdownFileInfo;
    const view = new EditorView({
      state: EditorState.create({
        doc: 'go 202108191025 now',
        extensions: [languageFor('HyperMD'), fake.editorInfoField.init(() => info), fake.editorLivePreviewField.init(() => true), plugin.registered.editorExtensions],
      }),
      parent: popout.document.body,
      root: popout.document,
    });
    try {
      parseViewport(view);
      expect(decorated(view).map((d) => d.text)).toStrictEqual(['202108191025']);
      const id = idElements(view)[0];
      expect(id.ownerDocument).toBe(popout.document);
      id.dispatchEvent(inPopout('mousedown'));
      id.dispatchEvent(inPopout('click'));
      id.dispatchEvent(inPopout('mousedown', { button: 1 }));
      id.dispatchEvent(inPopout('auxclick', { button: 1 }));
      expect(services.opened).toStrictEqual([
        { id: '202108191025', sourcePath: SOURCE, paneType: false },
        { id: '202108191025', sourcePath: SOURCE, paneType: 'tab' },
      ]);
    } finally {
      view.destroy();
    }
  });
});
