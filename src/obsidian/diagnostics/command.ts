/**
 * "Copy diagnostics for this note": what a user attaches to a problem report, so that the report
 * replays as a regression test (tests/diagnostics). Nothing of the note's text or name is included
 * unless the user ticks the box.
 */
import { EditorView } from '@codemirror/view';
import { apiVersion, editorLivePreviewField, MarkdownView, Modal, normalizePath, Notice, Platform, Setting } from 'obsidian';
import type { App, Plugin } from 'obsidian';
import { dumpSyntaxTree } from '../../editor/treeDump';
import { pluginFolder } from '../pluginFolder';
import type { IdServices } from '../services';
import { DIAGNOSTICS_FORMAT, DIAGNOSTICS_VERSION, formatDump, outlineOf, type DiagnosticsDump } from './dump';

export interface DiagnosticsChoice {
  readonly includeText: boolean;
  readonly saveToFile: boolean;
}

/** The platform flags Obsidian exposes (d.ts Platform), by name. */
function platformFlags(): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(Platform)) if (typeof value === 'boolean') flags[name] = value;
  return flags;
}

/** The CodeMirror editor shown by a Markdown view, if any. */
function editorOf(view: MarkdownView): EditorView | null {
  const el = view.contentEl.querySelector('.cm-editor');
  return el !== null && el.instanceOf(HTMLElement) ? EditorView.findFromDOM(el) : null;
}

/** The rendered sections of a Markdown view's Reading view, as outlines, or null when none are rendered. */
function readingOutline(view: MarkdownView, withText: boolean): DiagnosticsDump['readingView'] {
  const container = view.previewMode.containerEl;
  const sizer = container.querySelector('.markdown-preview-sizer') ?? container;
  const outline = outlineOf(sizer, withText);
  return outline.some((node) => 'tag' in node) ? outline : null;
}

/** Everything the dump says about a note open in `view`. */
export function collectDiagnostics(view: MarkdownView, services: IdServices, pluginVersion: string, choice: DiagnosticsChoice): DiagnosticsDump {
  const editor = editorOf(view);
  const text = editor?.state.doc.toString() ?? view.getViewData();
  const mode = view.getMode();
  const format = services.format();
  return {
    format: DIAGNOSTICS_FORMAT,
    version: DIAGNOSTICS_VERSION,
    obsidian: apiVersion,
    plugin: pluginVersion,
    platform: platformFlags(),
    settings: services.settings(),
    idFormat: { key: format.key, source: format.source },
    index: { notes: Array.from(services.index.notes()).length },
    note: {
      length: text.length,
      mode: mode === 'source' || mode === 'preview' ? mode : 'unknown',
      livePreview: editor === null ? null : editor.state.field(editorLivePreviewField, false) ?? null,
      ...(choice.includeText ? { path: view.file?.path ?? '', text } : {}),
    },
    editor: editor === null ? null : dumpSyntaxTree(editor.state),
    readingView: readingOutline(view, choice.includeText),
  };
}

/** Puts the dump on the clipboard and, if asked, in a file of the plugin folder; a notice says what happened. */
export async function deliverDiagnostics(app: App, dump: DiagnosticsDump, pluginDir: string, saveToFile: boolean): Promise<void> {
  const json = formatDump(dump);
  const done: string[] = [];
  try {
    await navigator.clipboard.writeText(json);
    done.push('copied to the clipboard');
  } catch (error) {
    done.push(`not copied (${(error as Error).message})`);
  }
  if (saveToFile) {
    const path = normalizePath(`${pluginDir}/diagnostics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      await app.vault.adapter.write(path, json);
      done.push(`saved to ${path}`);
    } catch (error) {
      done.push(`not saved (${(error as Error).message})`);
    }
  }
  new Notice(`Principle Chain diagnostics ${done.join(' and ')}.`);
}

/** Asks what to include, then hands the choice on. */
export class DiagnosticsModal extends Modal {
  private choice: DiagnosticsChoice = { includeText: false, saveToFile: false };

  constructor(
    app: App,
    private readonly pluginDir: string,
    private readonly onSubmit: (choice: DiagnosticsChoice) => void,
  ) {
    super(app);
  }

  onOpen(): void {
    this.titleEl.setText('Copy diagnostics for this note');
    this.contentEl.createEl('p', {
      text:
        'For a problem report: Obsidian and plugin versions, platform, the plugin’s settings, the names and ' +
        'positions of the editor’s syntax nodes, and the element structure of the Reading view. ' +
        'The note’s text and name are left out unless you include them.',
    });
    new Setting(this.contentEl)
      .setName('Include the note’s text and name')
      .setDesc('Lets the report be replayed exactly. Leave it off for a private note.')
      .addToggle((toggle) => toggle.setValue(false).onChange((value) => (this.choice = { ...this.choice, includeText: value })));
    new Setting(this.contentEl)
      .setName('Also save to a file')
      .setDesc(`In ${this.pluginDir}`)
      .addToggle((toggle) => toggle.setValue(false).onChange((value) => (this.choice = { ...this.choice, saveToFile: value })));
    new Setting(this.contentEl)
      .addButton((button) =>
        button
          .setButtonText('Copy')
          .setCta()
          .onClick(() => {
            this.close();
            this.onSubmit(this.choice);
          }),
      )
      .addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
  }

  onClose(): void {
    this.contentEl.empty();
  }
}

/** Registers the command; it is offered while a Markdown note is the active view. */
export function registerDiagnosticsCommand(plugin: Plugin, services: IdServices): void {
  const pluginDir = pluginFolder(plugin);
  plugin.addCommand({
    id: 'copy-diagnostics-for-this-note',
    name: 'Copy diagnostics for this note',
    checkCallback: (checking) => {
      const view = services.app.workspace.getActiveViewOfType(MarkdownView);
      if (view === null || view.file === null) return false;
      if (!checking) {
        new DiagnosticsModal(services.app, pluginDir, (choice) => {
          const dump = collectDiagnostics(view, services, plugin.manifest.version, choice);
          void deliverDiagnostics(services.app, dump, pluginDir, choice.saveToFile);
        }).open();
      }
      return true;
    },
  });
}
