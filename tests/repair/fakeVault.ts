/**
 * Test helpers for the repair runner: the Obsidian fake's App with Vault.process held at a gate the
 * test opens (so writes interleave as the test says, and other writers can act in between), and an
 * editor fake on CodeMirror's EditorState that maps the cursor through transactions.
 */
import { EditorSelection, EditorState } from '@codemirror/state';
import type { EditorChange, EditorPosition, EditorTransaction, TFile } from 'obsidian';
import { App, MarkdownView } from 'obsidian';

type Hook = (file: TFile) => Promise<void> | void;

/** Holds each Vault.process call until released; runs a per-path hook right before the file is read. */
export class Scheduler {
  inFlight = 0;
  maxInFlight = 0;
  readonly order: string[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly hooks = new Map<string, Hook>();

  /** Runs once, right before process reads the file at `path`. */
  before(path: string, hook: Hook): void {
    this.hooks.set(path, hook);
  }

  async gate(file: TFile): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.order.push(file.path);
    const hook = this.hooks.get(file.path);
    this.hooks.delete(file.path);
    await hook?.(file);
  }

  finished(): void {
    this.inFlight--;
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Lets the oldest held write go on, then lets promises settle. */
  async step(): Promise<void> {
    this.waiting.shift()?.();
    await settle();
  }

  /** Releases writes one at a time until none is held. */
  async drain(): Promise<void> {
    await settle();
    while (this.waiting.length > 0) await this.step();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** An App whose vault holds `files` and whose process waits at the scheduler. */
export async function scheduledApp(files: Record<string, string>, scheduler: Scheduler): Promise<App> {
  const app = new App();
  for (const [path, text] of Object.entries(files)) await app.vault.create(path, text);
  const process = app.vault.process.bind(app.vault);
  app.vault.process = async (file: TFile, fn: (data: string) => string): Promise<string> => {
    await scheduler.gate(file);
    try {
      return await process(file, fn);
    } finally {
      scheduler.finished();
    }
  };
  return app;
}

export async function textOf(app: App, path: string): Promise<string | undefined> {
  const file = app.vault.getFileByPath(path);
  return file === null ? undefined : app.vault.read(file);
}

/**
 * How a transaction's change positions are read. Unknown for Obsidian: obsidian.d.ts (`Editor.transaction`,
 * `EditorTransaction`) does not say, and public plugins send changes in both orders. CodeMirror 6, which the
 * editor wraps, reads every position in the document before the transaction ('before-transaction');
 * the other reading applies each change to the result of the ones before it ('after-previous-change').
 */
export type ChangePositions = 'before-transaction' | 'after-previous-change';

export interface FakeEditorOptions {
  readonly positions?: ChangePositions;
  /** Fake only: alters the changes of a transaction, to model an editor that does not apply them as sent. */
  readonly garble?: (changes: EditorChange[]) => EditorChange[];
}

/** The Editor methods the repair uses, over a real EditorState. */
export class FakeEditor {
  state: EditorState;
  transactions = 0;

  constructor(text: string, anchor: number, head = anchor, private readonly options: FakeEditorOptions = {}) {
    this.state = EditorState.create({ doc: text, selection: EditorSelection.single(anchor, head) });
  }

  getValue(): string {
    return this.state.doc.toString();
  }

  offsetToPos(offset: number): EditorPosition {
    const line = this.state.doc.lineAt(offset);
    return { line: line.number - 1, ch: offset - line.from };
  }

  posToOffset(pos: EditorPosition): number {
    return this.state.doc.line(pos.line + 1).from + pos.ch;
  }

  /** Fake only: the origin of each transaction, as passed to Editor.transaction(tx, origin). */
  readonly origins: (string | undefined)[] = [];

  transaction(tx: EditorTransaction, origin?: string): void {
    this.transactions++;
    this.origins.push(origin);
    const sent = tx.changes ?? [];
    const changes = this.options.garble ? this.options.garble(sent) : sent;
    const toSpec = (c: EditorChange) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), insert: c.text });
    if (this.options.positions === 'after-previous-change') {
      for (const change of changes) this.state = this.state.update({ changes: toSpec(change) }).state;
    } else {
      this.state = this.state.update({ changes: changes.map(toSpec) }).state;
    }
  }

  get selection(): { anchor: number; head: number } {
    return { anchor: this.state.selection.main.anchor, head: this.state.selection.main.head };
  }
}

/** Opens the file in a Markdown view whose editor is `editor` (needs the jsdom environment), in editing mode unless told. */
export async function openInEditor(app: App, path: string, editor: FakeEditor, mode: 'source' | 'preview' = 'source'): Promise<void> {
  const leaf = app.workspace.getLeaf(true);
  const view = new MarkdownView(leaf);
  // The fake's MarkdownView answers getMode() from `mode`.
  (view as unknown as { mode: string }).mode = mode;
  view.file = app.vault.getFileByPath(path);
  (view as unknown as { editor: FakeEditor }).editor = editor;
  await leaf.open(view);
}

/** The fragments notices are made of, as they are made: the fake Notice puts none in the DOM (restore with jest.restoreAllMocks). */
export function madeFragments(): DocumentFragment[] {
  const fragments: DocumentFragment[] = [];
  const original = globalThis.createFragment;
  jest.spyOn(globalThis, 'createFragment').mockImplementation((callback) => {
    const fragment = original(callback);
    fragments.push(fragment);
    return fragment;
  });
  return fragments;
}
