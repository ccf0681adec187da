/** @jest-environment jsdom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { MarkdownFileInfo, MarkdownPostProcessorContext, PluginManifest } from 'obsidian';
import * as fake from '../mocks/obsidian';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { scanReferences } from '../../src/core/ids/scanner';
import { registerEditorLinks } from '../../src/obsidian/editorLinks';
import { registerCommands } from '../../src/obsidian/commands';
import { dumpSyntaxTree } from '../../src/editor/treeDump';
import { DIAGNOSTICS_FORMAT, formatDump, outlineOf, type DiagnosticsDump } from '../../src/obsidian/diagnostics/dump';
import { readingViewDeps } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
import { languageFor } from '../editor/setup';
import { fakeServices, type FakeServices } from '../obsidian/fakeServices';
import { isReplayable, languageFromDump, replayEditor, replayReading } from './replay';

const TEAMS = '202108191025 Teams exist for a reason.md';
const NOTE = 'zet/A private note.md';
const TEXT = [
  '# Confidential heading',
  'Builds on 202108191025 and [202104291524], not `202001011200` nor [[202108191025]].',
  '',
  '```',
  '202108191025 in code',
  '```',
  'Secret words, then 202001011200.',
].join('\n');

let copied: string[] = [];
beforeAll(() => {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
});
let views: EditorView[] = [];
afterEach(() => {
  views.forEach((view) => view.destroy());
  views = [];
  copied = [];
  document.body.replaceChildren();
});

/**
 * A note open in an editor (HyperMD-shaped tree, Live Preview unless `livePreview` says otherwise;
 * 'absent': an editor without Obsidian's Live Preview field) and rendered in Reading view.
 */
function openNote(services: FakeServices, livePreview: boolean | 'absent' = true): { plugin: fake.Plugin; view: fake.MarkdownView } {
  const plugin = new (class extends fake.Plugin {})(services.app, { id: 'principle-chain', version: '9.9.9' } as PluginManifest);
  registerEditorLinks(plugin as never, services);
  registerCommands(plugin as never, { services, rebuild: async () => undefined });
  const leaf = services.fakeApp.workspace.getLeaf(true);
  const view = new fake.MarkdownView(leaf);
  leaf.view = view;
  view.file = services.fakeApp.vault.getFileByPath(NOTE);
  const info = { app: services.app, file: view.file, hoverPopover: null } as unknown as MarkdownFileInfo;
  const editor = new EditorView({
    state: EditorState.create({
      doc: TEXT,
      extensions: [
        languageFor('HyperMD'),
        fake.editorInfoField.init(() => info),
        livePreview === 'absent' ? [] : fake.editorLivePreviewField.init(() => livePreview),
        plugin.registered.editorExtensions,
      ],
    }),
    parent: view.contentEl,
  });
  views.push(editor);
  document.body.appendChild(view.containerEl);
  // Sections as Obsidian renders this note, each through the post processor.
  const sizer = view.previewMode.containerEl.createDiv('markdown-preview-sizer markdown-preview-section');
  const sections: [string, (el: HTMLElement) => void][] = [
    ['h1', (el) => el.createEl('h1', { text: 'Confidential heading' })],
    [
      'p',
      (el) => {
        const p = el.createEl('p', { text: 'Builds on 202108191025 and [202104291524], not ' });
        p.createEl('code', { text: '202001011200' });
        p.appendText(' nor ');
        p.createEl('a', { cls: 'internal-link', text: '202108191025', attr: { 'data-href': '202108191025', href: '202108191025' } });
        p.appendText('.');
      },
    ],
    ['pre', (el) => el.createEl('pre').createEl('code', { text: '202108191025 in code\n' })],
    ['p', (el) => el.createEl('p', { text: 'Secret words, then 202001011200.' })],
  ];
  for (const [, fill] of sections) {
    const section = sizer.createDiv();
    fill(section);
    const ctx = { sourcePath: NOTE, addChild: () => undefined, getSectionInfo: () => null };
    decorateRendered(section, ctx as unknown as MarkdownPostProcessorContext, readingViewDeps(services));
  }
  return { plugin, view };
}

/** The notices the last runCommand showed. */
let lastNotices: readonly string[] = [];

/** Runs the command as a user would: choose in the modal, press Copy, read the clipboard. */
async function runCommand(plugin: fake.Plugin, choose: { includeText?: boolean; saveToFile?: boolean } = {}): Promise<DiagnosticsDump> {
  const command = plugin.registered.commands.find((c) => c.id === 'principle-chain:copy-diagnostics-for-this-note')!;
  const shown = fake.recordShown();
  copied = [];
  expect(command.checkCallback!(true)).toBe(true);
  command.checkCallback!(false);
  const modal = document.querySelector('.modal-container')!;
  const toggles = Array.from(modal.querySelectorAll<HTMLElement>('.checkbox-container'));
  if (choose.includeText) toggles[0].click();
  if (choose.saveToFile) toggles[1].click();
  Array.from(modal.querySelectorAll('button')).find((b) => b.textContent === 'Copy')!.click();
  // The notice comes last, once the dump is copied (and saved).
  for (let i = 0; i < 20 && shown.notices.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  lastNotices = shown.notices;
  expect(copied).toHaveLength(1);
  return JSON.parse(copied[0]) as DiagnosticsDump;
}

describe('"Copy diagnostics for this note"', () => {
  it('copies versions, platform, settings, the syntax tree and the Reading view structure', async () => {
    const services = fakeServices({ [TEAMS]: '', [NOTE]: TEXT }, { linkTitle: true });
    const { plugin } = openNote(services);
    const dump = await runCommand(plugin);
    expect([dump.format, dump.version, dump.obsidian, dump.plugin]).toStrictEqual([DIAGNOSTICS_FORMAT, 1, fake.apiVersion, '9.9.9']);
    expect(dump.platform).toMatchObject({ isDesktop: true, isMobile: false, isLinux: true });
    // Platform's flags only: its resourcePathPrefix (a string, obsidian.d.ts) is left out.
    expect(Object.values(dump.platform).every((value) => typeof value === 'boolean')).toBe(true);
    expect(dump.platform).not.toHaveProperty('resourcePathPrefix');
    expect(dump.index).toStrictEqual({ notes: 2 });
    expect(dump.settings.linkTitle).toBe(true);
    expect(dump.idFormat).toStrictEqual({ key: '12', source: '\\d{12}' });
    expect(dump.note).toStrictEqual({ length: TEXT.length, mode: 'source', livePreview: true });
    const names = dump.editor!.nodes.map(([name]) => name);
    expect(names).toStrictEqual(expect.arrayContaining(['hmd-internal-link', 'inline-code', 'HyperMD-codeblock_HyperMD-codeblock-bg_hmd-codeblock']));
    const inline = dump.editor!.nodes.find(([name]) => name === 'inline-code')!;
    expect(TEXT.slice(inline[1], inline[2])).toBe('202001011200');
    expect(dump.editor!.parsedTo).toBe(TEXT.length);
    expect(dump.readingView![0]).toStrictEqual({ tag: 'div', children: [{ tag: 'h1', children: [{ textLength: 20 }] }] });
    expect(JSON.stringify(dump.readingView)).toContain('"cls":["internal-link","principle-chain-id"]');
    // Both boxes start off: copied, and no file written.
    expect(lastNotices).toStrictEqual(['Principle Chain diagnostics copied to the clipboard.']);
    const adapter = services.fakeApp.vault.adapter as unknown as fake.MemoryAdapter;
    expect([...adapter.files.keys()].filter((path) => path.includes('diagnostics-'))).toStrictEqual([]);
  });

  it('asks in a dialog that says what goes in, both boxes off; Cancel closes it and copies nothing', async () => {
    const services = fakeServices({ [NOTE]: TEXT });
    const { plugin } = openNote(services);
    const command = plugin.registered.commands.find((c) => c.id === 'principle-chain:copy-diagnostics-for-this-note')!;
    command.checkCallback!(true);
    expect(document.querySelector('.modal-container')).toBeNull();
    command.checkCallback!(false);
    const modal = document.querySelector('.modal-container')!;
    const content = modal.querySelector('.modal-content')!;
    expect(modal.querySelector('.modal-title')!.textContent).toBe('Copy diagnostics for this note');
    expect(content.querySelector('p')!.textContent).toBe(
      'For a problem report: Obsidian and plugin versions, platform, the plugin’s settings, the names and positions of the ' +
        'editor’s syntax nodes, and the element structure of the Reading view. The note’s text and name are left out unless you include them.',
    );
    const settings = Array.from(content.querySelectorAll('.setting-item'), (item) => [
      item.querySelector('.setting-item-name')!.textContent,
      item.querySelector('.setting-item-description')!.textContent,
      item.querySelector('.checkbox-container')?.classList.contains('is-enabled') ?? null,
    ]);
    expect(settings).toStrictEqual([
      ['Include the note’s text and name', 'Lets the report be replayed exactly. Leave it off for a private note.', false],
      ['Also save to a file', 'In .obsidian/plugins/principle-chain', false],
      ['', '', null],
    ]);
    const buttons = Array.from(content.querySelectorAll('button'));
    expect(buttons.map((b) => [b.textContent, b.classList.contains('mod-cta')])).toStrictEqual([['Copy', true], ['Cancel', false]]);
    buttons[1].click();
    expect(document.querySelector('.modal-container')).toBeNull();
    expect(content.childElementCount).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(copied).toStrictEqual([]);
  });

  it('leaves out the note text and name unless the box is ticked', async () => {
    const services = fakeServices({ [TEAMS]: '', [NOTE]: TEXT });
    const { plugin } = openNote(services);
    const json = JSON.stringify(await runCommand(plugin));
    for (const secret of ['Secret', 'Confidential', 'private note', 'Builds on']) expect(json).not.toContain(secret);
    copied = [];
    const withText = await runCommand(plugin, { includeText: true });
    expect([withText.note.path, withText.note.text]).toStrictEqual([NOTE, TEXT]);
    expect(JSON.stringify(withText.readingView)).toContain('Secret words');
  });

  it('can save the dump to a file in the plugin folder', async () => {
    const services = fakeServices({ [NOTE]: TEXT });
    const { plugin } = openNote(services);
    const shown = fake.recordShown();
    await runCommand(plugin, { saveToFile: true });
    const adapter = services.fakeApp.vault.adapter as unknown as fake.MemoryAdapter;
    const saved = [...adapter.files.keys()].filter((path) => path.startsWith('.obsidian/plugins/principle-chain/diagnostics-'));
    expect(saved).toHaveLength(1);
    expect(adapter.files.get(saved[0])).toBe(copied[0]);
    expect(shown.notices[0]).toBe(`Principle Chain diagnostics copied to the clipboard and saved to ${saved[0]}.`);
    // Named by the time, with the colons and dots of an ISO time made dashes (no file name may hold a colon on Windows).
    expect(saved[0]).toMatch(/^\.obsidian\/plugins\/principle-chain\/diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
  });

  it('says so when the file cannot be saved, and still copies', async () => {
    const services = fakeServices({ [NOTE]: TEXT });
    const { plugin } = openNote(services);
    jest.spyOn(services.fakeApp.vault.adapter, 'write').mockRejectedValue(new Error('Disk full.'));
    await runCommand(plugin, { saveToFile: true });
    expect(lastNotices).toStrictEqual(['Principle Chain diagnostics copied to the clipboard and not saved (Disk full.).']);
  });

  it('reports the mode, Live Preview on, off or not known, and a note with no editor open', async () => {
    const reading = fakeServices({ [NOTE]: TEXT });
    const opened = openNote(reading);
    opened.view.mode = 'preview';
    expect((await runCommand(opened.plugin)).note).toStrictEqual({ length: TEXT.length, mode: 'preview', livePreview: true });
    opened.view.mode = 'live' as never;
    expect((await runCommand(opened.plugin)).note.mode).toBe('unknown');

    expect((await runCommand(openNote(fakeServices({ [NOTE]: TEXT }), false).plugin)).note.livePreview).toBe(false);
    expect((await runCommand(openNote(fakeServices({ [NOTE]: TEXT }), 'absent').plugin)).note.livePreview).toBeNull();

    // Reading view only: the text comes from the view, and there is no editor to dump.
    const noEditor = openNote(fakeServices({ [NOTE]: TEXT }));
    noEditor.view.contentEl.querySelector('.cm-editor')!.remove();
    noEditor.view.setViewData('Only 202108191025 here.');
    const dump = await runCommand(noEditor.plugin, { includeText: true });
    expect(dump.note).toStrictEqual({ length: 23, mode: 'source', livePreview: null, path: NOTE, text: 'Only 202108191025 here.' });
    expect(dump.editor).toBeNull();

    // No section rendered: no Reading view; text between sections does not make it one, nor hide it.
    const sizer = noEditor.view.previewMode.containerEl.querySelector('.markdown-preview-sizer')!;
    const sections = Array.from(sizer.children);
    sizer.replaceChildren('\n');
    expect((await runCommand(noEditor.plugin)).readingView).toBeNull();
    sizer.append(...sections);
    expect((await runCommand(noEditor.plugin)).readingView).toHaveLength(5);
  });

  it('names the note by an empty path when its view lost the note while the dialog was open', async () => {
    const { plugin, view } = openNote(fakeServices({ [NOTE]: TEXT }));
    plugin.registered.commands.find((c) => c.id === 'principle-chain:copy-diagnostics-for-this-note')!.checkCallback!(false);
    const modal = document.querySelector('.modal-container')!;
    modal.querySelectorAll<HTMLElement>('.checkbox-container')[0].click();
    view.file = null;
    Array.from(modal.querySelectorAll('button')).find((b) => b.textContent === 'Copy')!.click();
    for (let i = 0; i < 20 && copied.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect((JSON.parse(copied[0]) as DiagnosticsDump).note.path).toBe('');
  });

  it('says so when the clipboard refuses, and still saves the file', async () => {
    const services = fakeServices({ [NOTE]: TEXT });
    const { plugin } = openNote(services);
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('Document is not focused.')) } });
    try {
      const command = plugin.registered.commands.find((c) => c.id === 'principle-chain:copy-diagnostics-for-this-note')!;
      const shown = fake.recordShown();
      command.checkCallback!(false);
      const modal = document.querySelector('.modal-container')!;
      modal.querySelectorAll<HTMLElement>('.checkbox-container')[1].click();
      Array.from(modal.querySelectorAll('button')).find((b) => b.textContent === 'Copy')!.click();
      for (let i = 0; i < 20 && shown.notices.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(shown.notices[0]).toMatch(/^Principle Chain diagnostics not copied \(Document is not focused\.\) and saved to \.obsidian\/plugins\/principle-chain\/diagnostics-.*\.json\.$/);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('is offered only while a Markdown note is active', () => {
    const services = fakeServices({});
    const plugin = new (class extends fake.Plugin {})(services.app, { id: 'principle-chain', version: '1' } as PluginManifest);
    registerCommands(plugin as never, { services, rebuild: async () => undefined });
    const command = plugin.registered.commands.find((c) => c.id === 'principle-chain:copy-diagnostics-for-this-note')!;
    expect(command.checkCallback!(true)).toBe(false);
    // A Markdown view showing no note (d.ts FileView.file: TFile | null) is not a note either.
    const leaf = services.fakeApp.workspace.getLeaf(true);
    leaf.view = new fake.MarkdownView(leaf);
    expect(command.checkCallback!(true)).toBe(false);
  });
});

describe('the Reading view outline', () => {
  it('leaves out empty text and comments, and gives an element without children no children list', () => {
    const el = document.createElement('div');
    const span = document.createElement('span');
    span.append('ab');
    el.append(document.createTextNode(''), document.createComment('x'), document.createElement('br'), span, 'cd');
    expect(outlineOf(el, false)).toStrictEqual([{ tag: 'br' }, { tag: 'span', children: [{ textLength: 2 }] }, { textLength: 2 }]);
    expect(outlineOf(el, true)).toStrictEqual([{ tag: 'br' }, { tag: 'span', children: [{ text: 'ab' }] }, { text: 'cd' }]);
  });
});

describe('replaying a dump', () => {
  it('rebuilds the dumped syntax tree node for node', async () => {
    const services = fakeServices({ [TEAMS]: '', [NOTE]: TEXT });
    const { plugin } = openNote(services);
    const dump = await runCommand(plugin, { includeText: true });
    const state = EditorState.create({ doc: TEXT, extensions: [languageFromDump(dump.editor!)] });
    expect(dumpSyntaxTree(state)).toStrictEqual(dump.editor);
  });

  it('pastes as JSON that reads back unchanged, each node on one line', () => {
    const text = 'odd "text" [\n "x",\n 1,\n 2\n] \\ end';
    const dump = { format: DIAGNOSTICS_FORMAT, note: { text }, editor: { parsedTo: 345, nodes: [['a_b', 0, 12], ['c', 12, 345]], truncated: false } } as unknown as DiagnosticsDump;
    const pasted = formatDump(dump);
    expect(JSON.parse(pasted)).toStrictEqual(dump);
    expect(pasted).toContain('["a_b", 0, 12],\n');
    expect(pasted).toContain('["c", 12, 345]\n');
  });

  it('a fresh dump replays to what the editor and the Reading view showed', async () => {
    const services = fakeServices({ [TEAMS]: '', [NOTE]: TEXT });
    const { plugin, view } = openNote(services);
    const dump = await runCommand(plugin, { includeText: true });
    if (!isReplayable(dump)) throw new Error('no text');
    const shownInEditor = Array.from(view.contentEl.querySelectorAll('[data-principle-chain-id]')).map((el) => el.textContent);
    const shownInReading = Array.from(view.previewMode.containerEl.querySelectorAll('.principle-chain-id')).map((el) => el.textContent);
    expect(replayEditor(dump, [TEAMS])).toStrictEqual(shownInEditor);
    expect(replayReading(dump, [TEAMS])).toStrictEqual(shownInReading);
    // And both agree with the core scanner on this note.
    const bare = scanReferences(TEXT, TWELVE_DIGIT).filter((r) => r.form === 'bare').map((r) => r.id);
    expect(shownInEditor).toStrictEqual(bare);
    expect(shownInReading).toStrictEqual(bare);
  });

  // Dumps users attached to reports, each with the IDs that should be links (tests/fixtures/diagnostics/README.md).
  const dir = join(__dirname, '../fixtures/diagnostics');
  const fixtures = readdirSync(dir).filter((name) => name.endsWith('.json'));
  test.each(fixtures)('%s', (name) => {
    const fixture = JSON.parse(readFileSync(join(dir, name), 'utf8')) as DiagnosticsDump & { expected: { notes?: string[]; editor?: string[]; readingView?: string[] } };
    expect(fixture.format).toBe(DIAGNOSTICS_FORMAT);
    if (!isReplayable(fixture)) throw new Error(`${name} has no note text; it cannot be replayed`);
    const notes = fixture.expected.notes ?? [];
    if (fixture.expected.editor !== undefined) expect(replayEditor(fixture, notes)).toStrictEqual(fixture.expected.editor);
    if (fixture.expected.readingView !== undefined) expect(replayReading(fixture, notes)).toStrictEqual(fixture.expected.readingView);
  });
});
