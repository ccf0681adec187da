import { Keymap, Modal, Setting, SuggestModal } from 'obsidian';
import type { App, PaneType } from 'obsidian';
import type { NoteRecord } from '../core/types';

/** Lists every note that owns an ambiguous ID; choosing one calls `onChoose` with its path. */
export class AmbiguousIdModal extends SuggestModal<NoteRecord> {
  constructor(
    app: App,
    private readonly id: string,
    private readonly candidates: readonly NoteRecord[],
    private readonly onChoose: (path: string, paneType: PaneType | boolean) => void,
    private readonly paneType: PaneType | boolean,
  ) {
    super(app);
    this.setPlaceholder(`${id} is the ID of ${candidates.length} notes; choose one`);
    this.emptyStateText = 'No matching note.';
  }

  getSuggestions(query: string): NoteRecord[] {
    const needle = query.trim().toLowerCase();
    return this.candidates.filter(
      (note) => needle === '' || note.path.toLowerCase().includes(needle) || note.title.toLowerCase().includes(needle),
    );
  }

  renderSuggestion(note: NoteRecord, el: HTMLElement): void {
    el.createDiv({ cls: 'suggestion-title', text: note.title === '' ? this.id : note.title });
    el.createDiv({ cls: 'suggestion-note', text: note.path });
  }

  onChooseSuggestion(note: NoteRecord, evt: MouseEvent | KeyboardEvent): void {
    // A modifier held while choosing wins over the one that opened the chooser.
    const chosen = Keymap.isModEvent(evt);
    this.onChoose(note.path, chosen === false ? this.paneType : chosen);
  }
}

/** Characters Obsidian does not accept in a file name (links would break on them). */
const FORBIDDEN_IN_NAME = /[\\/:*?"<>|#^[\]]/;

/** Why a new note's name cannot be used for the ID, or null when it can. */
export function newNoteNameProblem(name: string, id: string): string | null {
  const trimmed = name.trim();
  if (!trimmed.startsWith(id)) return `The name must start with ${id} so the note owns the ID.`;
  if (trimmed.length > id.length && trimmed[id.length] !== ' ' && trimmed[id.length] !== '-') {
    return 'Separate a title from the ID with a space or a dash.';
  }
  if (FORBIDDEN_IN_NAME.test(trimmed)) return 'The name contains a character Obsidian does not allow in file names.';
  return null;
}

/**
 * Offers to create the note for an unresolved ID. The name starts as the ID and may be extended
 * with a title; `onCreate` receives the name without extension.
 */
export class CreateNoteModal extends Modal {
  private name: string;

  constructor(
    app: App,
    private readonly id: string,
    private readonly folderPath: string,
    private readonly onCreate: (name: string) => void,
  ) {
    super(app);
    this.name = id;
  }

  onOpen(): void {
    this.titleEl.setText(`Create note ${this.id}?`);
    // The vault root's path is '/' (obsidian.d.ts TFolder; getNewFileParent gives a folder).
    const where = this.folderPath === '/' ? 'the vault root' : this.folderPath;
    this.contentEl.createEl('p', { text: `No note has the ID ${this.id} yet. The new note goes to ${where}.` });
    const problemEl = this.contentEl.createEl('p', { cls: 'principle-chain-problem' });
    let createButton: HTMLButtonElement | null = null;
    const check = (): boolean => {
      const problem = newNoteNameProblem(this.name, this.id);
      problemEl.setText(problem ?? '');
      if (createButton) createButton.disabled = problem !== null;
      return problem === null;
    };
    const submit = (): void => {
      if (!check()) return;
      this.close();
      // The extension is added on creation; a typed one would double it.
      this.onCreate(this.name.trim().replace(/\.md$/i, ''));
    };
    new Setting(this.contentEl).setName('Note name').addText((text) => {
      text.setValue(this.name).onChange((value) => {
        this.name = value;
        check();
      });
      text.inputEl.addEventListener('keydown', (evt) => {
        if (evt.key === 'Enter' && !evt.isComposing) {
          evt.preventDefault();
          submit();
        }
      });
    });
    new Setting(this.contentEl)
      .addButton((button) => {
        createButton = button.buttonEl;
        button.setButtonText('Create').setCta().onClick(submit);
      })
      .addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
    check();
  }

  onClose(): void {
    this.contentEl.empty();
  }
}
