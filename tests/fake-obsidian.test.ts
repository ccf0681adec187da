/** @jest-environment jsdom */
import { App, Component, Events, Keymap, Notice, Platform, Setting, TFile, debounce, normalizePath } from 'obsidian';
import * as fake from './mocks/obsidian';

describe('Keymap.isModEvent', () => {
  const cases: [string, MouseEventInit, boolean, string | boolean][] = [
    ['plain click', {}, false, false],
    ['Ctrl off macOS', { ctrlKey: true }, false, 'tab'],
    ['Meta off macOS is not Mod', { metaKey: true }, false, false],
    ['Cmd on macOS', { metaKey: true }, true, 'tab'],
    ['Ctrl on macOS is not Mod', { ctrlKey: true }, true, false],
    ['Mod+Alt', { ctrlKey: true, altKey: true }, false, 'split'],
    ['Mod+Alt+Shift', { ctrlKey: true, altKey: true, shiftKey: true }, false, 'window'],
    ['Mod+Shift', { ctrlKey: true, shiftKey: true }, false, 'tab'],
    ['Alt alone', { altKey: true }, false, false],
    ['middle click', { button: 1 }, false, 'tab'],
  ];
  afterEach(() => (Platform.isMacOS = false));
  it.each(cases)('%s', (_name, init, mac, expected) => {
    Platform.isMacOS = mac;
    expect(Keymap.isModEvent(new MouseEvent('click', init))).toBe(expected);
  });
  it('is false without an event', () => expect(Keymap.isModEvent(null)).toBe(false));
  it('sees a middle click from another window (a pop-out)', () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const OtherMouseEvent = (frame.contentWindow as unknown as typeof globalThis).MouseEvent;
    expect(Keymap.isModEvent(new OtherMouseEvent('auxclick', { button: 1 }))).toBe('tab');
    frame.remove();
  });
});

describe('DOM helpers', () => {
  it('createEl applies cls, text and attr, and appends to the parent', () => {
    const parent = createDiv();
    const el = parent.createEl('a', { cls: ['x', 'y'], text: 'hi', attr: { 'data-id': 202108191025, hidden: false } });
    expect(parent.firstChild).toBe(el);
    expect(el.className).toBe('x y');
    expect(el.textContent).toBe('hi');
    expect(el.getAttr('data-id')).toBe('202108191025');
    expect(el.hasAttribute('hidden')).toBe(false);
    const span = parent.createSpan('first', (s) => s.setText('cb'));
    expect(span.hasClass('first')).toBe(true);
    expect(parent.getText()).toBe('hicb');
    parent.empty();
    expect(parent.childNodes.length).toBe(0);
  });
  it('toggleClass, setText with a fragment, instanceOf', () => {
    const el = createDiv('a');
    el.toggleClass(['a', 'b'], true);
    el.toggleClass('a', false);
    expect(el.className).toBe('b');
    el.setText(createFragment((f) => f.createEl('b', { text: 'bold' })));
    expect([el.children.length, el.firstElementChild?.tagName, el.getText()]).toStrictEqual([1, 'B', 'bold']);
    expect(el.instanceOf(HTMLDivElement)).toBe(true);
    expect(el.doc).toBe(activeDocument);
  });
  it('instanceOf works across windows, as in pop-outs (d.ts: cross-window capable)', () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const other = frame.contentWindow as Window & typeof globalThis;
    fake.installDomHelpers(other);
    const anchor = other.document.createElement('a');
    expect(anchor instanceof HTMLAnchorElement).toBe(false);
    expect([anchor.instanceOf(HTMLAnchorElement), anchor.instanceOf(HTMLElement), anchor.instanceOf(HTMLDivElement)]).toStrictEqual([true, true, false]);
    expect(anchor.win).toBe(other);
    const event = new other.MouseEvent('click');
    expect([event.instanceOf(MouseEvent), event.instanceOf(KeyboardEvent)]).toStrictEqual([true, false]);
    expect(other.document.body.createDiv().ownerDocument).toBe(other.document);
    frame.remove();
  });
});

describe('the Obsidian fake', () => {
  it('records the notices and menus shown since each test’s app was made', () => {
    const first = fake.createFakeApp();
    new Notice('Saved');
    const second = fake.createFakeApp();
    new Notice('Done').setMessage('Done again');
    const menu = new fake.Menu();
    menu.showAtPosition();
    expect([first.notices, second.notices]).toStrictEqual([
      ['Saved', 'Done', 'Done again'],
      ['Done', 'Done again'],
    ]);
    expect(second.menus).toStrictEqual([menu]);
    expect(first.app).not.toBe(second.app);
  });
  it('is one module whether imported as obsidian or by path', () => {
    expect(fake.TFile).toBe(TFile);
  });
  it('unloading a component removes its events and runs children cleanups', () => {
    const events = new Events();
    const parent = new Component();
    const child = new Component();
    const calls: string[] = [];
    child.register(() => calls.push('child'));
    parent.addChild(child);
    parent.load();
    parent.registerEvent(events.on('x', () => calls.push('x')));
    events.trigger('x');
    parent.unload();
    events.trigger('x');
    expect(calls).toStrictEqual(['x', 'child']);
  });
  it('vault events follow create, rename and delete', async () => {
    const app = new App();
    const seen: string[] = [];
    app.vault.on('rename', (file, old) => seen.push(`rename ${old} -> ${file.path}`));
    const file = await app.vault.create('zet/202108191025 Title.md', 'body');
    expect([file.basename, file.extension, file.parent?.path]).toStrictEqual(['202108191025 Title', 'md', 'zet']);
    await app.vault.rename(file, 'other/202108191025 New.md');
    expect(await app.vault.read(file)).toBe('body');
    expect(seen).toStrictEqual(['rename zet/202108191025 Title.md -> other/202108191025 New.md']);
    await app.vault.delete(file);
    expect(app.vault.getMarkdownFiles()).toStrictEqual([]);
  });
  it('a renamed folder is reported file by file, then as a folder, every path already new', async () => {
    const app = new App();
    await app.vault.create('zet/a.md', '');
    await app.vault.create('zet/sub/b.md', '');
    const seen: string[] = [];
    app.vault.on('rename', (file, old) => seen.push(`${old} -> ${file.path} ${app.vault.getAbstractFileByPath(file.path) === file}`));
    await app.vault.rename(app.vault.getAbstractFileByPath('zet')!, 'notes');
    expect(seen).toStrictEqual(['zet/a.md -> notes/a.md true', 'zet/sub -> notes/sub true', 'zet/sub/b.md -> notes/sub/b.md true', 'zet -> notes true']);
  });
  it('announces existing files at start-up, as Obsidian does while the vault loads', async () => {
    const app = new fake.App();
    await app.vault.create('a/b.md', '');
    const created: string[] = [];
    app.vault.on('create', (file) => created.push((file as fake.TFile).path));
    app.vault.announceExistingFiles();
    expect(created.sort()).toStrictEqual(['a', 'a/b.md']);
  });
  it('fileToLinktext gives the file name when it is unique, else the path (d.ts)', async () => {
    const app = new App();
    const unique = await app.vault.create('zet/202108191025 Teams.md', '');
    const first = await app.vault.create('a/Same.md', '');
    await app.vault.create('b/Same.md', '');
    const image = await app.vault.create('img/pic.png', '');
    expect(app.metadataCache.fileToLinktext(unique, '')).toBe('202108191025 Teams');
    expect(app.metadataCache.fileToLinktext(unique, '', false)).toBe('202108191025 Teams.md');
    expect(app.metadataCache.fileToLinktext(first, '')).toBe('a/Same');
    expect(app.metadataCache.fileToLinktext(image, '')).toBe('pic.png');
  });
  it('onLayoutReady runs the callback at once when the layout is ready, else later (d.ts)', () => {
    const app = new fake.App();
    const calls: string[] = [];
    app.workspace.onLayoutReady(() => calls.push('ready now'));
    app.workspace.layoutReady = false;
    app.workspace.onLayoutReady(() => calls.push('queued'));
    expect(calls).toStrictEqual(['ready now']);
    app.workspace.setLayoutReady();
    expect(calls).toStrictEqual(['ready now', 'queued']);
  });
  it('Setting builds real controls that report changes', () => {
    const container = createDiv();
    const values: unknown[] = [];
    new Setting(container)
      .setName('Depth')
      .addText((t) => t.setValue('3').onChange((v) => values.push(v)))
      .addToggle((t) => t.onChange((v) => values.push(v)))
      .addDropdown((d) => d.addOptions({ a: 'A', b: 'B' }).onChange((v) => values.push(v)));
    const input = container.querySelector('input[type=text]') as HTMLInputElement;
    input.value = '5';
    input.dispatchEvent(new Event('input'));
    (container.querySelector('.checkbox-container') as HTMLElement).click();
    const select = container.querySelector('select') as HTMLSelectElement;
    select.value = 'b';
    select.dispatchEvent(new Event('change'));
    expect(values).toStrictEqual(['5', true, 'b']);
    expect(container.querySelector('.setting-item-name')?.textContent).toBe('Depth');
  });
  it('normalizePath and debounce behave like Obsidian', () => {
    expect(normalizePath('//a\\b//c.md/')).toBe('a/b/c.md');
    expect(normalizePath('')).toBe('/');
    jest.useFakeTimers();
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 100, true);
    d(1);
    d(2);
    jest.advanceTimersByTime(100);
    d(3).cancel();
    jest.advanceTimersByTime(100);
    expect(calls).toStrictEqual([2]);
    jest.useRealTimers();
  });
});
