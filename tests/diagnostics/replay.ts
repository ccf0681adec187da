/**
 * Replays a "Copy diagnostics for this note" dump: the editor's syntax tree is rebuilt node for node
 * (names and ranges as the user's Obsidian made them) under the ID links extension, and the Reading
 * view's sections are rebuilt element for element under the post processor. A dump that includes the
 * note's text becomes a regression test: see tests/fixtures/diagnostics/README.md.
 */
import { defineLanguageFacet, Language } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { NodeType, Parser, Tree, type PartialParse } from '@lezer/common';
import type { MarkdownPostProcessorContext } from 'obsidian';
import { idLinksExtension } from '../../src/editor/idLinks';
import type { SyntaxTreeDump } from '../../src/editor/treeDump';
import type { DiagnosticsDump, OutlineNode } from '../../src/obsidian/diagnostics/dump';
import { ID_CLASS } from '../../src/core/idMarkup';
import { readingViewDeps } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
import { fakeServices } from '../obsidian/fakeServices';
import { decorated, testHost } from '../editor/setup';

/** A dump that can be replayed: it includes the note's text. */
export type ReplayableDump = DiagnosticsDump & { note: { text: string } };

export function isReplayable(dump: DiagnosticsDump): dump is ReplayableDump {
  return typeof dump.note.text === 'string';
}

interface Built {
  readonly type: NodeType;
  readonly from: number;
  readonly to: number;
  readonly children: Built[];
}

/** A language whose parser returns exactly the dumped tree (the note is never parsed again). */
export function languageFromDump(dump: SyntaxTreeDump): Language {
  const names = [...new Set(dump.nodes.map(([name]) => name))];
  const top = NodeType.define({ id: 0, name: 'Document', top: true });
  const types = [top, ...names.map((name, i) => NodeType.define({ id: i + 1, name }))];
  const typeOf = new Map(names.map((name, i) => [name, types[i + 1]]));
  const root: Built = { type: top, from: 0, to: dump.parsedTo, children: [] };
  // The dump lists parents before children: a node belongs to the innermost open node containing it.
  const open: Built[] = [root];
  for (const [name, from, to] of dump.nodes) {
    while (open.length > 1 && !(from >= open[open.length - 1].from && to <= open[open.length - 1].to)) open.pop();
    const node: Built = { type: typeOf.get(name)!, from, to, children: [] };
    open[open.length - 1].children.push(node);
    open.push(node);
  }
  const toTree = (node: Built): Tree =>
    new Tree(
      node.type,
      node.children.map(toTree),
      node.children.map((child) => child.from - node.from),
      node.to - node.from,
    );
  const tree = toTree(root);
  class DumpedTreeParser extends Parser {
    createParse(): PartialParse {
      return { advance: () => tree, parsedPos: tree.length, stopAt: () => undefined, stoppedAt: null };
    }
  }
  return new Language(defineLanguageFacet(), new DumpedTreeParser(), [], 'dumped-tree');
}

/** The IDs the editor extension decorates in the dumped note, on the dumped tree. */
export function replayEditor(dump: ReplayableDump, notes: readonly string[] = []): string[] {
  if (dump.editor === null) throw new Error('the dump has no editor tree');
  const host = testHost(notes);
  host.settings = { ...dump.settings };
  const state = EditorState.create({ doc: dump.note.text, extensions: [languageFromDump(dump.editor), idLinksExtension(host.deps)] });
  const view = new EditorView({ state, parent: document.body });
  try {
    return decorated(view).map((d) => d.text);
  } finally {
    view.destroy();
  }
}

function build(parent: Node, nodes: readonly OutlineNode[]): void {
  for (const node of nodes) {
    if ('text' in node) parent.appendText(node.text);
    else if ('textLength' in node) parent.appendText('·'.repeat(node.textLength));
    // The plugin's own ID elements are undone: the replay processes the text they came from.
    else if (node.cls?.includes(ID_CLASS)) build(parent, node.children ?? []);
    else build(parent.createEl(node.tag as keyof HTMLElementTagNameMap, { cls: node.cls ?? [] }), node.children ?? []);
  }
}

/** The IDs the post processor links in the dumped Reading view sections. */
export function replayReading(dump: DiagnosticsDump, notes: readonly string[] = []): string[] {
  if (dump.readingView === null) throw new Error('the dump has no Reading view');
  const services = fakeServices(Object.fromEntries(notes.map((path) => [path, ''])), dump.settings);
  const linked: string[] = [];
  for (const section of dump.readingView) {
    const el = createDiv();
    build(el, [section]);
    const ctx = { sourcePath: dump.note.path ?? 'replayed.md', addChild: () => undefined, getSectionInfo: () => null };
    decorateRendered(el, ctx as unknown as MarkdownPostProcessorContext, readingViewDeps(services));
    for (const id of Array.from(el.querySelectorAll(`.${ID_CLASS}`))) linked.push(id.textContent ?? '');
  }
  return linked;
}
