/**
 * Editor test support: the layout APIs CodeMirror calls that jsdom lacks, a small in-memory index,
 * and a real EditorView with the ID links extension on either of two syntax trees: the one of
 * @codemirror/lang-markdown (the playground's) and a HyperMD-shaped one like Obsidian's editor's.
 */
import { markdown } from '@codemirror/lang-markdown';
import { forceParsing } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { PaneType } from 'obsidian';
import { TWELVE_DIGIT, type IdFormat } from '../../src/core/ids/formats';
import { scanReferences } from '../../src/core/ids/scanner';
import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import type { NoteRecord, Resolution } from '../../src/core/types';
import { ID_ATTRIBUTE } from '../../src/core/idMarkup';
import { idLinksExtension, type EditorLinkDeps, type IdHover } from '../../src/editor/idLinks';
import { obsidianMarkdownSyntax } from '../../playground/markdownSyntax';
import { hyperMdLanguage } from './hyperMdLanguage';

/** The syntax trees the editor extension is tested on. */
export type TreeShape = 'lang-markdown' | 'HyperMD';
export const TREE_SHAPES: readonly TreeShape[] = ['lang-markdown', 'HyperMD'];

/** The language extension that builds a tree of this shape. */
export function languageFor(shape: TreeShape): Extension {
  return shape === 'HyperMD' ? hyperMdLanguage : markdown({ extensions: obsidianMarkdownSyntax });
}

const emptyRects = (): DOMRectList => Object.assign([], { item: () => null });
const zeroRect = (): DOMRect => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });

// jsdom has no layout: CodeMirror measures text through Range rects, which jsdom does not define.
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects ??= emptyRects;
  Range.prototype.getBoundingClientRect ??= zeroRect;
  // CodeMirror's own mouse selection asks which element is under the pointer; with no layout, none.
  document.elementFromPoint ??= () => null;
}

/** An index of note paths by ID, with titles taken from the file names. */
export class FakeIndex {
  private readonly byId = new Map<string, string[]>();
  private readonly notes = new Map<string, NoteRecord>();

  constructor(paths: readonly string[] = []) {
    for (const path of paths) this.add(path);
  }

  add(path: string): void {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
    const id = /^\d{12}/.exec(name)?.[0] ?? null;
    this.notes.set(path, { path, id, title: id === null ? name : name.slice(id.length).trim() });
    if (id !== null) this.byId.set(id, [...(this.byId.get(id) ?? []), path].sort());
  }

  resolve(id: string): Resolution {
    const paths = this.byId.get(id) ?? [];
    return { id, status: paths.length === 0 ? 'unresolved' : paths.length === 1 ? 'resolved' : 'ambiguous', paths };
  }

  note(path: string): NoteRecord | undefined {
    return this.notes.get(path);
  }
}

export interface OpenCall {
  id: string;
  sourcePath: string;
  paneType: PaneType | boolean;
}

/** Deps recording what the extension asks of its host; `notifyIndexChange` plays the indexer. */
export interface TestHost {
  deps: EditorLinkDeps;
  index: FakeIndex;
  settings: PrincipleChainSettings;
  opened: OpenCall[];
  hovers: IdHover[];
  livePreview: boolean;
  mobile: boolean;
  notifyIndexChange(): void;
  listenerCount(): number;
}

export function testHost(paths: readonly string[] = [], format: IdFormat = TWELVE_DIGIT): TestHost {
  const listeners = new Set<() => void>();
  const host: TestHost = {
    index: new FakeIndex(paths),
    settings: { ...DEFAULT_SETTINGS, excludedFolders: [] },
    opened: [],
    hovers: [],
    livePreview: true,
    mobile: false,
    notifyIndexChange: () => listeners.forEach((listener) => listener()),
    listenerCount: () => listeners.size,
    deps: {} as EditorLinkDeps,
  };
  host.deps = {
    index: host.index,
    format: () => format,
    settings: () => host.settings,
    onIndexChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sourcePath: () => 'notes/source.md',
    isLivePreview: () => host.livePreview,
    isMobile: () => host.mobile,
    // The part of Keymap.isModEvent's contract (d.ts) the editor tests use: Ctrl or a middle click → 'tab'.
    paneType: (event) => (event.ctrlKey ? 'tab' : event.button === 1 ? 'tab' : false),
    open: (id, sourcePath, paneType) => host.opened.push({ id, sourcePath, paneType }),
    hover: (hover) => host.hovers.push(hover),
  };
  return host;
}

// CodeMirror catches what an extension's handler or plugin throws and only logs it (logException in
// @codemirror/view), so a test would pass over a handler that throws; the sink makes it fail (any
// test file importing this module; editors built elsewhere add `recordExceptions` themselves).
const editorExceptions: unknown[] = [];
export const recordExceptions = EditorView.exceptionSink.of((exception: unknown) => void editorExceptions.push(exception));
afterEach(() => {
  const thrown = editorExceptions.splice(0);
  if (thrown.length > 0) throw thrown[0];
});

/**
 * A real editor on `doc` with a tree of the given shape (lang-markdown plus Obsidian's syntax by
 * default) and the given extensions, its viewport parsed: CodeMirror parses on a time budget, so on
 * a busy machine the tree could otherwise stop short and leave text for a background parse that
 * synchronous tests never run.
 */
export function makeEditor(doc: string, extensions: Extension, shape: TreeShape = 'lang-markdown'): EditorView {
  const state = EditorState.create({ doc, extensions: [languageFor(shape), extensions, recordExceptions] });
  const view = new EditorView({ state, parent: document.body });
  parseViewport(view);
  return view;
}

/** Applies an edit as typing would, then lets the parser catch up as its background work would. */
export function edit(view: EditorView, from: number, to: number, insert: string): void {
  view.dispatch({ changes: { from, to, insert } });
  parseViewport(view);
}

/** The IDs the core scanner reads as bare references in a note's text, in order: what the editor should decorate. */
export function scannedBareIds(doc: string): string[] {
  return scanReferences(doc, TWELVE_DIGIT)
    .filter((reference) => reference.form === 'bare')
    .map((reference) => reference.id);
}

/** Editor with the ID links extension driven by `host`. */
export function editorWithLinks(doc: string, host: TestHost, extra: Extension = [], shape: TreeShape = 'lang-markdown'): EditorView {
  return makeEditor(doc, [idLinksExtension(host.deps), extra], shape);
}

/** The decorated ranges as they appear in the DOM: text, ID attribute and classes. */
export function decorated(view: EditorView): { text: string; id: string | null; cls: string }[] {
  return idElements(view).map((el) => ({
    text: el.textContent ?? '',
    id: el.getAttribute(ID_ATTRIBUTE),
    cls: el.className,
  }));
}

/** The ID elements in the editor's DOM. */
export function idElements(view: EditorView): HTMLElement[] {
  return Array.from(view.contentDOM.querySelectorAll<HTMLElement>(`[${ID_ATTRIBUTE}]`));
}

/** Plays CodeMirror's background parser: parses up to the end of the viewport and applies the tree. */
export function parseViewport(view: EditorView): void {
  if (!forceParsing(view, view.viewport.to, 10_000)) throw new Error('the viewport could not be parsed');
}
