/** @jest-environment jsdom */
import { newNoteNameProblem } from '../../src/obsidian/chooser';
import { openId } from '../../src/obsidian/openId';
import * as fakeBase from '../mocks/fake/base';
import { recordShown } from '../mocks/obsidian';
import { fakeServices } from './fakeServices';

const SOURCE = 'notes/Source.md';
const D1 = '202109260705 First.md';
const D2 = 'other/202109260705 Second.md';

function setup() {
  const services = fakeServices({ '202104291524 Execution.md': '', [D1]: '', [D2]: '' });
  return { services, app: services.fakeApp, opened: services.fakeApp.workspace.openedLinks };
}

function modal(): HTMLElement {
  const el = document.body.querySelector<HTMLElement>('.modal-container');
  if (!el) throw new Error('no modal open');
  return el;
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(modal().querySelectorAll('button')).find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

afterEach(() => {
  document.body.replaceChildren();
  jest.restoreAllMocks();
});

describe('openId', () => {
  it('opens a resolved ID directly, in the pane the modifier asked for', async () => {
    const { services, opened } = setup();
    await openId(services, '202104291524', SOURCE, 'split');
    expect(opened).toStrictEqual([{ linktext: '202104291524 Execution.md', sourcePath: SOURCE, newLeaf: 'split' }]);
    expect(document.body.querySelector('.modal-container')).toBeNull();
  });

  it('opens a note whose name holds `#` by its file: as link text, the rest would read as a heading', async () => {
    const services = fakeServices({ '202104291530 C# tips.md': '' });
    const { workspace } = services.fakeApp;
    await openId(services, '202104291530', SOURCE, 'tab');
    expect(workspace.openedLinks).toStrictEqual([]);
    expect(workspace.activeLeaf?.openedFiles.map((file) => file.path)).toStrictEqual(['202104291530 C# tips.md']);
  });

  it('lists every candidate of an ambiguous ID and opens the chosen one', async () => {
    const { services, opened } = setup();
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    const items = Array.from(modal().querySelectorAll('.suggestion-item'));
    expect(items.map((item) => item.querySelector('.suggestion-note')?.textContent)).toStrictEqual([D1, D2]);
    expect(items.map((item) => item.querySelector('.suggestion-title')?.textContent)).toStrictEqual(['First', 'Second']);
    items[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(opened).toStrictEqual([{ linktext: D2, sourcePath: SOURCE, newLeaf: false }]);
  });

  it('says how many notes share the ID, and narrows the candidates by path or title as the user types', async () => {
    const { services } = setup();
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    const input = modal().querySelector<HTMLInputElement>('.prompt-input')!;
    expect(input.placeholder).toBe('202109260705 is the ID of 2 notes; choose one');
    const shownFor = async (query: string): Promise<(string | null | undefined)[]> => {
      input.value = query;
      input.dispatchEvent(new Event('input'));
      await settle();
      return Array.from(modal().querySelectorAll('.suggestion-item .suggestion-note')).map((el) => el.textContent);
    };
    // Case and the spaces around the query do not matter; a path's folder matches, and so does a title.
    expect(await shownFor('  OTHER/ ')).toStrictEqual([D2]);
    expect(await shownFor('first')).toStrictEqual([D1]);
    expect(await shownFor('SECOND')).toStrictEqual([D2]);
    expect(await shownFor('   ')).toStrictEqual([D1, D2]);
    expect(await shownFor('elsewhere')).toStrictEqual([]);
    expect(modal().querySelector('.suggestion-empty')?.textContent).toBe('No matching note.');
  });

  it('finds a candidate by a title its path does not hold, and shows the ID for a candidate without a title', async () => {
    const services = fakeServices({ [D1]: '', '202109260705/README.md': '# Zettel heading', 'z/202109260705.md': '' });
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    const shown = () => Array.from(modal().querySelectorAll('.suggestion-item'), (item) => `${item.querySelector('.suggestion-title')?.textContent} | ${item.querySelector('.suggestion-note')?.textContent}`);
    expect(shown()).toContain('202109260705 | z/202109260705.md');
    const input = modal().querySelector<HTMLInputElement>('.prompt-input')!;
    input.value = 'ZETTEL';
    input.dispatchEvent(new Event('input'));
    await settle();
    expect(shown()).toStrictEqual(['Zettel heading | 202109260705/README.md']);
  });

  it('a candidate chosen without a modifier opens in the pane the chooser was opened for', async () => {
    const { services, opened } = setup();
    await openId(services, '202109260705', SOURCE, 'split');
    await settle();
    modal().querySelectorAll('.suggestion-item')[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(opened).toStrictEqual([{ linktext: D2, sourcePath: SOURCE, newLeaf: 'split' }]);
  });

  it.each([
    ['Ctrl+Alt', { ctrlKey: true, altKey: true }, 'split'],
    ['Ctrl+Alt+Shift', { ctrlKey: true, altKey: true, shiftKey: true }, 'window'],
  ] as const)('%s held while choosing opens the candidate where Keymap.isModEvent says', async (_name, keys, newLeaf) => {
    const { services, opened } = setup();
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    modal().querySelector('.suggestion-item')!.dispatchEvent(new MouseEvent('click', { bubbles: true, ...keys }));
    expect(opened).toStrictEqual([{ linktext: D1, sourcePath: SOURCE, newLeaf }]);
  });

  it('shows a candidate\'s title as text, never as markup (PRODUCT.md: note text is never put into innerHTML)', async () => {
    const title = '<img src=x onerror="window.pwned = true"> Heading';
    const services = fakeServices({ [D1]: '', '202109260705/README.md': `# ${title}\n` });
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    expect(Array.from(modal().querySelectorAll('.suggestion-title')).map((el) => el.textContent)).toContain(title);
    expect(modal().querySelector('img')).toBeNull();
  });

  it('a modifier held while choosing opens the candidate in a new tab', async () => {
    const { services, opened } = setup();
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    modal().querySelector('.suggestion-item')!.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
    expect(opened).toStrictEqual([{ linktext: D1, sourcePath: SOURCE, newLeaf: 'tab' }]);
  });

  it('offers to create an unresolved ID as a note in the default folder for new notes, then opens it', async () => {
    const { services, app, opened } = setup();
    await app.vault.createFolder('Inbox');
    app.fileManager.newFileFolder = 'Inbox';
    await openId(services, '202001011200', SOURCE, 'tab');
    expect(modal().querySelector('.modal-title')?.textContent).toBe('Create note 202001011200?');
    expect(modal().querySelector('input')?.value).toBe('202001011200');
    button('Create').click();
    await settle();
    expect(app.vault.getFileByPath('Inbox/202001011200.md')).not.toBeNull();
    expect(opened).toStrictEqual([{ linktext: 'Inbox/202001011200.md', sourcePath: SOURCE, newLeaf: 'tab' }]);
    expect(document.body.querySelector('.modal-container')).toBeNull();
  });

  it('takes a title typed after the ID, refuses names that would not own the ID, and creates nothing on cancel', async () => {
    const { services, app, opened } = setup();
    await openId(services, '202001011200', SOURCE, false);
    const input = modal().querySelector('input')!;
    const type = (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('My title');
    expect(button('Create').disabled).toBe(true);
    expect(modal().querySelector('.principle-chain-problem')?.textContent).toBe('The name must start with 202001011200 so the note owns the ID.');
    type('202001011200 My title.md');
    expect(button('Create').disabled).toBe(false);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(app.vault.getFileByPath('202001011200 My title.md')).not.toBeNull();
    expect(opened.map((o) => o.linktext)).toStrictEqual(['202001011200 My title.md']);

    const before = app.vault.getMarkdownFiles().length;
    await openId(services, '202002021200', SOURCE, false);
    button('Cancel').click();
    await settle();
    expect(app.vault.getMarkdownFiles().length).toBe(before);
    expect(app.vault.getMarkdownFiles().some((f) => f.path.startsWith('202002021200'))).toBe(false);
  });

  it('says where the new note goes, and labels the name', async () => {
    const { services, app } = setup();
    await openId(services, '202001011200', SOURCE, false);
    expect(modal().querySelector('p')?.textContent).toBe('No note has the ID 202001011200 yet. The new note goes to the vault root.');
    expect(modal().querySelector('.setting-item-name')?.textContent).toBe('Note name');
    button('Cancel').click();
    await app.vault.createFolder('Inbox');
    app.fileManager.newFileFolder = 'Inbox';
    await openId(services, '202001011200', SOURCE, false);
    expect(modal().querySelector('p')?.textContent).toBe('No note has the ID 202001011200 yet. The new note goes to Inbox.');
  });

  it('Enter with a name that would not own the ID creates nothing and keeps the dialog; other keys and Enter while composing do not submit', async () => {
    const { services, app, opened } = setup();
    await openId(services, '202001011200', SOURCE, false);
    const input = modal().querySelector('input')!;
    const problem = modal().querySelector('.principle-chain-problem')!;
    expect(problem.textContent).toBe('');
    input.value = 'Title 202001011200';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(problem.textContent).toBe('The name must start with 202001011200 so the note owns the ID.');
    input.value = '202001011200 Fine';
    input.dispatchEvent(new Event('input'));
    expect([problem.textContent, button('Create').disabled]).toStrictEqual(['', false]);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }));
    await settle();
    expect([app.vault.getMarkdownFiles().some((f) => f.path.startsWith('202001011200')), opened]).toStrictEqual([false, []]);
    expect(document.body.querySelector('.modal-container')).not.toBeNull();
  });

  it('creates the typed name without the spaces around it, dropping only a final .md', async () => {
    const { services, app, opened } = setup();
    await openId(services, '202001011200', SOURCE, false);
    const input = modal().querySelector('input')!;
    input.value = '  202001011200 Notes.md on names.MD  ';
    input.dispatchEvent(new Event('input'));
    button('Create').click();
    await settle();
    expect(app.vault.getFileByPath('202001011200 Notes.md on names.md')).not.toBeNull();
    expect(opened.map((o) => o.linktext)).toStrictEqual(['202001011200 Notes.md on names.md']);
  });

  it('Cancel closes the dialog and empties it', async () => {
    const { services } = setup();
    await openId(services, '202001011200', SOURCE, false);
    const content = modal().querySelector('.modal-content')!;
    button('Cancel').click();
    expect(document.body.querySelector('.modal-container')).toBeNull();
    expect(content.childElementCount).toBe(0);
  });

  it('lists a candidate the index holds no record of by its file name', async () => {
    const services = fakeServices({ [D1]: '', 'other/202109260705 Why.md files.md': '' });
    jest.spyOn(services.index, 'note').mockReturnValue(undefined);
    await openId(services, '202109260705', SOURCE, false);
    await settle();
    const items = Array.from(modal().querySelectorAll('.suggestion-item'));
    expect(items.map((item) => item.querySelector('.suggestion-title')?.textContent)).toStrictEqual(['202109260705 First', '202109260705 Why.md files']);
  });

  it('asks for the new note\'s folder with its path, and creates it empty', async () => {
    const { services, app } = setup();
    await openId(services, '202001011200', SOURCE, false);
    expect(app.fileManager.newFileParentAsked).toStrictEqual([[SOURCE, '202001011200.md']]);
    button('Create').click();
    await settle();
    expect(await app.vault.read(app.vault.getFileByPath('202001011200.md')!)).toBe('');
  });

  it('names a note at the root without a leading slash, however normalizePath treats one', async () => {
    const { services, app } = setup();
    jest.spyOn(fakeBase, 'normalizePath').mockImplementation((path) => path);
    await openId(services, '202001011200', SOURCE, false);
    button('Create').click();
    await settle();
    expect(app.vault.getFileByPath('202001011200.md')).not.toBeNull();
  });

  it('says why when the note cannot be created, and opens nothing', async () => {
    const { services, app, opened } = setup();
    const { notices } = recordShown();
    jest.spyOn(app.vault, 'create').mockRejectedValue(new Error('disk full'));
    await openId(services, '202001011200', SOURCE, false);
    button('Create').click();
    await settle();
    expect([notices, opened]).toStrictEqual([['Could not create 202001011200.md: disk full'], []]);
  });

  it('opens the note instead of failing when it appeared meanwhile', async () => {
    const { services, app, opened } = setup();
    await openId(services, '202001011200', SOURCE, false);
    await app.vault.create('202001011200.md', 'already here');
    button('Create').click();
    await settle();
    expect(await app.vault.read(app.vault.getFileByPath('202001011200.md')!)).toBe('already here');
    expect(opened.map((o) => o.linktext)).toStrictEqual(['202001011200.md']);
  });
});

describe('newNoteNameProblem', () => {
  it.each([
    ['202001011200', null],
    ['202001011200 A title', null],
    ['202001011200-a-title', null],
    ['  202001011200 padded  ', null],
    ['A title', 'The name must start with 202001011200 so the note owns the ID.'],
    ['2020010112001', 'Separate a title from the ID with a space or a dash.'],
    ['202001011200 a/b', 'The name contains a character Obsidian does not allow in file names.'],
    ['202001011200 [x]', 'The name contains a character Obsidian does not allow in file names.'],
  ])('%j', (name, problem) => {
    expect(newNoteNameProblem(name, '202001011200')).toBe(problem);
  });

  // Each character Obsidian refuses in a file name or that would break a link to it (`#` a heading, `^` a block, `|` an alias, `[]` the link).
  it.each(['\\', '/', ':', '*', '?', '"', '<', '>', '|', '#', '^', '[', ']'])('refuses %s in the title', (character) => {
    expect(newNoteNameProblem(`202001011200 a${character}b`, '202001011200')).toBe('The name contains a character Obsidian does not allow in file names.');
  });
});
