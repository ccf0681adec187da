/** @jest-environment jsdom */
import type { Editor, MarkdownFileInfo, MarkdownView } from 'obsidian';
import type * as obsidian from 'obsidian';
import { Plugin, recordShown } from '../mocks/obsidian';
import { idAtColumn, idLinkText, openIdUnderCursor, registerCommands } from '../../src/obsidian/commands';
import { fakeServices } from './fakeServices';

/** Just enough of Obsidian's Editor: lines, a cursor and a selection. */
class FakeEditor {
  lines: string[];
  cursor = { line: 0, ch: 0 };
  selection = { from: 0, to: 0 };

  constructor(text: string) {
    this.lines = text.split('\n');
  }
  /** Editor.getCursor(side?: 'from' | 'to' | 'head' | 'anchor') in obsidian.d.ts; the selection lies on the cursor's line. */
  getCursor(side?: 'from' | 'to' | 'head' | 'anchor') {
    const selected = this.selection.from !== this.selection.to;
    if (selected && side === 'from') return { line: this.cursor.line, ch: this.selection.from };
    if (selected && side === 'to') return { line: this.cursor.line, ch: this.selection.to };
    return { ...this.cursor };
  }
  getLine(line: number) {
    return this.lines[line];
  }
  /** Replaces the selection on the cursor's line (or inserts at the cursor). */
  replaceSelection(text: string) {
    const line = this.lines[this.cursor.line];
    const from = this.selection.from === this.selection.to ? this.cursor.ch : this.selection.from;
    const to = this.selection.from === this.selection.to ? this.cursor.ch : this.selection.to;
    this.lines[this.cursor.line] = line.slice(0, from) + text + line.slice(to);
    this.cursor.ch = from + text.length;
  }
  get text() {
    return this.lines.join('\n');
  }
}

const NOTES = {
  '202104291524 Execution is the priority of the team.md': '',
  '202108191025 Teams exist for a reason.md': '',
  '202109260705/README.md': '# Zet',
  '202110101010.md': '',
  'plain note.md': '',
};

function plugin(services: ReturnType<typeof fakeServices>, rebuild = jest.fn(async () => undefined)) {
  const { notices } = recordShown();
  const p = new (class extends Plugin {})(services.app, { id: 'principle-chain' } as obsidian.PluginManifest);
  registerCommands(p as unknown as obsidian.Plugin, { services, rebuild });
  return { p, rebuild, notices, command: (id: string) => p.registered.commands.find((c) => c.id === `principle-chain:${id}`)! };
}
afterEach(() => document.body.replaceChildren());

describe('commands', () => {
  it('are registered in sentence case without hotkeys', () => {
    const { p } = plugin(fakeServices(NOTES));
    expect(p.registered.commands.map((c) => [c.name, c.hotkeys])).toStrictEqual([
      ['Open ID under cursor', undefined],
      ['Insert link to note by ID', undefined],
      ['Rebuild ID index', undefined],
      ['Copy diagnostics for this note', undefined],
    ]);
  });

  it('"Open ID under cursor" opens the ID the cursor stands in or touches', () => {
    const services = fakeServices(NOTES);
    const { command, notices } = plugin(services);
    const editor = new FakeEditor('first line\nSee 202108191025 Teams and 202104291524.');
    for (const ch of [4, 10, 16]) {
      editor.cursor = { line: 1, ch };
      command('open-id-under-cursor').editorCallback!(editor as unknown as Editor, { file: { path: 'src.md' } } as unknown as MarkdownView);
    }
    editor.cursor = { line: 1, ch: 30 };
    command('open-id-under-cursor').editorCallback!(editor as unknown as Editor, { file: null } as unknown as MarkdownFileInfo);
    expect(services.opened).toStrictEqual([
      { id: '202108191025', sourcePath: 'src.md', paneType: false },
      { id: '202108191025', sourcePath: 'src.md', paneType: false },
      { id: '202108191025', sourcePath: 'src.md', paneType: false },
      { id: '202104291524', sourcePath: '', paneType: false },
    ]);
    expect(notices).toStrictEqual([]);
  });

  it('"Open ID under cursor" says so when there is no ID at the cursor', () => {
    const services = fakeServices(NOTES);
    const { notices } = recordShown();
    const editor = new FakeEditor('See 202108191025 Teams and 202113131313 and 2021081910251.');
    for (const ch of [0, 3, 17, 35, 50]) {
      editor.cursor = { line: 0, ch };
      openIdUnderCursor(editor as unknown as Editor, 'src.md', services);
    }
    expect(services.opened).toStrictEqual([]);
    expect(notices).toStrictEqual(Array(5).fill('No ID at the cursor.'));
  });

  it('"Insert link to note by ID" offers every note with an ID and inserts "ID Title" at the cursor', async () => {
    const services = fakeServices(NOTES);
    const { command } = plugin(services);
    const editor = new FakeEditor('Builds on . Done');
    editor.cursor = { line: 0, ch: 10 };
    command('insert-link-to-note-by-id').editorCallback!(editor as unknown as Editor, {} as MarkdownView);
    await Promise.resolve();
    const modal = document.body.querySelector('.modal-container')!;
    const items = () => Array.from(modal.querySelectorAll('.suggestion-item')).map((el) => el.textContent);
    expect(modal.querySelector('input')?.placeholder).toBe('Type an ID or a title');
    expect(items()).toStrictEqual([
      '202104291524 Execution is the priority of the team',
      '202108191025 Teams exist for a reason',
      '202109260705 Zet',
      '202110101010',
    ]);
    const input = modal.querySelector('input')!;
    input.value = 'teams';
    input.dispatchEvent(new Event('input'));
    await Promise.resolve();
    expect(items()).toStrictEqual(['202108191025 Teams exist for a reason']);
    modal.querySelector('.suggestion-item')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(editor.text).toBe('Builds on 202108191025 Teams exist for a reason. Done');
  });

  it('"Insert link to note by ID" lists notes by ID, then by path, whatever order the index holds them in', async () => {
    const services = fakeServices({ 'z/202108191025 Later copy.md': '', '202110101010.md': '', 'a/202108191025 Copy.md': '', '202104291524 First.md': '' });
    const { command } = plugin(services);
    command('insert-link-to-note-by-id').editorCallback!(new FakeEditor('') as unknown as Editor, {} as MarkdownView);
    await Promise.resolve();
    const items = Array.from(document.body.querySelectorAll('.modal-container .suggestion-item')).map((el) => el.textContent);
    expect(items).toStrictEqual(['202104291524 First', '202108191025 Copy', '202108191025 Later copy', '202110101010']);
  });

  it.each<[string, string, number, { from: number; to: number }, string]>([
    ['right after a word, spaced from it', 'See.', 3, { from: 0, to: 0 }, 'See 202108191025 Teams exist for a reason.'],
    ['between two words, spaced from both', 'seeand', 3, { from: 0, to: 0 }, 'see 202108191025 Teams exist for a reason and'],
    ['over a selection, spaced from the words beside it', 'seeXYZand', 6, { from: 3, to: 6 }, 'see 202108191025 Teams exist for a reason and'],
    ['over a selection after a space, spaced only after', 'see XYZand', 7, { from: 4, to: 7 }, 'see 202108191025 Teams exist for a reason and'],
    ['over a selection made backwards, before a space, spaced only before', 'seeXYZ and', 3, { from: 3, to: 6 }, 'see 202108191025 Teams exist for a reason and'],
  ])('"Insert link to note by ID" %s', async (_name, text, ch, selection, expected) => {
    const services = fakeServices(NOTES);
    const { command } = plugin(services);
    const editor = new FakeEditor(text);
    editor.cursor = { line: 0, ch };
    editor.selection = selection;
    command('insert-link-to-note-by-id').editorCallback!(editor as unknown as Editor, {} as MarkdownView);
    await Promise.resolve();
    const modal = document.body.querySelector('.modal-container')!;
    const input = modal.querySelector('input')!;
    input.value = 'teams';
    input.dispatchEvent(new Event('input'));
    await Promise.resolve();
    modal.querySelector('.suggestion-item')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(editor.text).toBe(expected);
  });

  it('"Rebuild ID index" rebuilds and reports when done', async () => {
    const { command, rebuild, notices } = plugin(fakeServices(NOTES));
    command('rebuild-id-index').callback!();
    await Promise.resolve();
    await Promise.resolve();
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(notices).toStrictEqual(['Rebuilding the ID index…', 'ID index rebuilt: 5 notes.']);
  });
});

describe('idAtColumn and idLinkText', () => {
  const services = fakeServices(NOTES);
  it.each([
    ['202104291524', 0, '202104291524'],
    ['202104291524', 12, '202104291524'],
    ['x 202104291524', 2, '202104291524'],
    ['x 202104291524', 1, null],
    ['[[202104291524 Title]]', 5, '202104291524'],
    ['#202104291524', 5, null],
    ['202199999999', 3, null],
    ['202001011200', 3, '202001011200'],
  ])('%j at %d', (line, ch, id) => {
    expect(idAtColumn(line, ch, services.format(), services.index)?.id ?? null).toBe(id);
  });

  it('uses the ID alone when the note has no other title', () => {
    expect(idLinkText({ path: '202110101010.md', id: '202110101010', title: '202110101010' })).toBe('202110101010');
    expect(idLinkText({ path: 'a/202110101010 T.md', id: '202110101010', title: 'T' })).toBe('202110101010 T');
    expect(idLinkText({ path: 'a/202110101010.md', id: '202110101010', title: '' })).toBe('202110101010');
  });
});
