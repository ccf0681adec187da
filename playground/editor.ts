/**
 * The playground's Markdown editor: a real CodeMirror 6 view with @codemirror/lang-markdown and the
 * extensions the plugin registered, providing the two state fields Obsidian provides (which file is
 * edited, Live Preview or Source mode). It also adapts itself to the small part of Obsidian's
 * `Editor` the plugin's editor commands use.
 */
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import type * as obsidian from 'obsidian';
import { obsidianMarkdownSyntax } from './markdownSyntax';
import { editorInfoField, editorLivePreviewField, type TFile } from './obsidian';

export type EditorMode = 'live' | 'source';

/** The subset of Obsidian's Editor that the plugin's editor commands call. */
export interface PlaygroundEditorApi {
  getCursor(side?: 'from' | 'to' | 'head' | 'anchor'): obsidian.EditorPosition;
  getLine(line: number): string;
  getValue(): string;
  replaceSelection(text: string): void;
}

export class PlaygroundEditor {
  readonly view: EditorView;
  private current: EditorMode = 'live';
  private file: TFile | null = null;

  constructor(
    parent: HTMLElement,
    private readonly app: obsidian.App,
    private readonly pluginExtensions: readonly Extension[],
    private readonly onChange: (file: TFile, text: string) => void,
  ) {
    this.view = new EditorView({ parent, state: this.stateFor(null, '') });
  }

  get currentMode(): EditorMode {
    return this.current;
  }

  get currentFile(): TFile | null {
    return this.file;
  }

  /** Shows a note; a new state, as Obsidian gives each opened file its own editor state. */
  show(file: TFile, text: string): void {
    this.file = file;
    this.view.setState(this.stateFor(file, text));
  }

  /**
   * Switches Live Preview / Source mode. A state field keeps its value across reconfiguration, so
   * the mode field gets a new state (same text and selection), as a re-opened editor would.
   */
  setMode(mode: EditorMode): void {
    this.current = mode;
    const { state, scrollDOM } = this.view;
    const scrollTop = scrollDOM.scrollTop;
    this.view.setState(this.stateFor(this.file, state.doc.toString(), state.selection));
    scrollDOM.scrollTop = scrollTop;
  }

  /** The plugin's commands see the editor through this adapter. */
  readonly api: PlaygroundEditorApi = {
    // Editor.getCursor(side) in obsidian.d.ts: one end of the main selection, the head by default.
    getCursor: (side = 'head') => {
      const { main } = this.view.state.selection;
      const at = side === 'from' ? main.from : side === 'to' ? main.to : side === 'anchor' ? main.anchor : main.head;
      const line = this.view.state.doc.lineAt(at);
      return { line: line.number - 1, ch: at - line.from };
    },
    getLine: (line) => this.view.state.doc.line(line + 1).text,
    getValue: () => this.view.state.doc.toString(),
    replaceSelection: (text) => this.view.dispatch(this.view.state.replaceSelection(text)),
  };

  private modeExtension(): Extension {
    const live = this.current === 'live';
    return [
      editorLivePreviewField.init(() => live),
      EditorView.editorAttributes.of({ class: live ? 'is-live-preview' : 'is-source-mode' }),
    ];
  }

  private stateFor(file: TFile | null, text: string, selection?: EditorSelection): EditorState {
    const info = { app: this.app, file, hoverPopover: null, editor: this.api } as unknown as obsidian.MarkdownFileInfo;
    return EditorState.create({
      doc: text,
      selection,
      extensions: [
        // Obsidian's own editor has syntax nodes for wikilinks, math and comments; this gives
        // lang-markdown the same, so IDs there are skipped as in Obsidian.
        markdown({ extensions: obsidianMarkdownSyntax }),
        syntaxHighlighting(classHighlighter),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Note editor', spellcheck: 'false' }),
        editorInfoField.init(() => info),
        this.modeExtension(),
        this.pluginExtensions,
        EditorView.updateListener.of((update) => {
          if (update.docChanged && file !== null) this.onChange(file, update.state.doc.toString());
        }),
      ],
    });
  }
}
