import { FuzzySuggestModal, Notice } from 'obsidian';
import type { App, Editor, Plugin } from 'obsidian';
import { findIdsInProse } from '../core/ids/prose';
import { spacedInsertion } from '../core/ids/insertion';
import type { IdFormat } from '../core/ids/formats';
import type { IdIndexReader, IdMatch, NoteRecord } from '../core/types';
import { registerDiagnosticsCommand } from './diagnostics/command';
import type { IdServices } from './services';

/** What the commands need besides the services: the indexer's rebuild. */
export interface CommandDeps {
  readonly services: IdServices;
  rebuild(): Promise<void>;
}

/** The ID whose span holds column `ch` of `line` (its end counts too), if it counts as an ID. */
export function idAtColumn(line: string, ch: number, format: IdFormat, index: IdIndexReader): IdMatch | null {
  for (const match of findIdsInProse(line, format)) {
    if (match.from <= ch && ch <= match.to && (index.isKnownId(match.id) || format.isPlausible(match.id))) return match;
    if (match.from > ch) break; // a shortcut: matches come in text order, so none after this one holds ch
  }
  return null;
}

/** The text inserted for a note: `ID Title`, or the ID alone when the note has no other title. */
export function idLinkText(note: NoteRecord): string {
  return note.id === null || note.title === '' || note.title === note.id ? (note.id ?? '') : `${note.id} ${note.title}`;
}

/**
 * Registers "Open ID under cursor", "Insert link to note by ID", "Rebuild ID index" and "Copy
 * diagnostics for this note".
 */
export function registerCommands(plugin: Plugin, deps: CommandDeps): void {
  const { services } = deps;
  plugin.addCommand({
    id: 'open-id-under-cursor',
    name: 'Open ID under cursor',
    editorCallback: (editor, ctx) => openIdUnderCursor(editor, ctx.file?.path ?? '', services),
  });
  plugin.addCommand({
    id: 'insert-link-to-note-by-id',
    name: 'Insert link to note by ID',
    editorCallback: (editor) => new InsertIdLinkModal(services.app, services.index, editor).open(),
  });
  plugin.addCommand({
    id: 'rebuild-id-index',
    name: 'Rebuild ID index',
    callback: () => {
      new Notice('Rebuilding the ID index…');
      // A new notice: on a large vault the first one has timed out by the time the rebuild ends.
      void deps.rebuild().then(() => new Notice(`ID index rebuilt: ${countNotes(services.index)} notes.`));
    },
  });
  registerDiagnosticsCommand(plugin, services);
}

/** The editor part of "Open ID under cursor"; a notice says so when there is no ID there. */
export function openIdUnderCursor(editor: Editor, sourcePath: string, services: IdServices): void {
  const cursor = editor.getCursor();
  const match = idAtColumn(editor.getLine(cursor.line), cursor.ch, services.format(), services.index);
  if (match === null) {
    new Notice('No ID at the cursor.');
    return;
  }
  void services.openId(match.id, sourcePath, false);
}

function countNotes(index: IdIndexReader): string {
  return Array.from(index.notes()).length.toLocaleString('en-US');
}

/** Every note that has an ID, by ID then path (code-unit order: IDs are ASCII). */
function notesWithIds(index: IdIndexReader): NoteRecord[] {
  const notes: NoteRecord[] = [];
  for (const note of index.notes()) if (note.id !== null) notes.push(note);
  const key = (note: NoteRecord): string => `${note.id ?? ''}\u0000${note.path}`;
  return notes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Fuzzy search over `ID Title` of every note that has an ID; inserts the choice at the cursor. */
export class InsertIdLinkModal extends FuzzySuggestModal<NoteRecord> {
  /** Collected once: Obsidian asks for the items on every keystroke. */
  private readonly items: NoteRecord[];

  constructor(
    app: App,
    index: IdIndexReader,
    private readonly editor: Editor,
  ) {
    super(app);
    this.setPlaceholder('Type an ID or a title');
    this.items = notesWithIds(index);
  }

  getItems(): NoteRecord[] {
    return this.items;
  }

  getItemText(note: NoteRecord): string {
    return idLinkText(note);
  }

  onChooseItem(note: NoteRecord): void {
    const { editor } = this;
    const from = editor.getCursor('from');
    const to = editor.getCursor('to');
    const before = editor.getLine(from.line).slice(0, from.ch);
    const after = editor.getLine(to.line).slice(to.ch);
    editor.replaceSelection(spacedInsertion(before, idLinkText(note), after));
  }
}
