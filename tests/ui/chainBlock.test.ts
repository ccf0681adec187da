/** @jest-environment jsdom */
/** The `principle-chain` code block on the fake: drawing, messages, live updates, the shared scheduler, cleanup. */
import type * as obsidian from 'obsidian';
import { Component, Plugin } from '../mocks/obsidian';
import * as fakeBase from '../mocks/fake/base';
import { BLOCK_REFRESH_DELAY_MS, type ChainBlock } from '../../src/ui/block/chainBlock';
import { CHAIN_BLOCK_LANGUAGE, registerChainBlocks } from '../../src/obsidian/codeBlock';
import { fakeServices, type FakeServices } from '../obsidian/fakeServices';
import type { NoteTexts } from '../../src/core/index/idIndex';

// The README's figure: "a chain with more than 500 links is drawn as a tree instead" (src/ui/block/render.ts: MAX_GRAPH_EDGES).
const LINKS_A_DIAGRAM_SHOWS = 500;

class TestPlugin extends Plugin {}

const NOTES: Record<string, string> = {
  '202101010000 Root.md': 'Builds on 202101010001 and 202101010002, and again 202101010001.\n```principle-chain\n```',
  '202101010001 First.md': '- Then 202101010003 Deep.',
  '202101010002 Second.md': 'Nothing further.',
  '202101010003 Deep.md': 'The end.',
  'Daily/2021-01-01.md': 'Read 202101010000 today.',
  '202101010009 Loose.md': 'No references yet.',
};

interface Setup {
  services: FakeServices;
  plugin: TestPlugin;
  section: Component;
  /** Draws a block as Obsidian's Reading view would: a fresh element, the handler, the section's context. */
  block(source: string, sourcePath?: string): { el: HTMLElement; child: ChainBlock };
  settle(): void;
  /** Index listeners subscribed now. */
  indexListeners(): number;
}

async function setUp(notes = NOTES, texts?: NoteTexts): Promise<Setup> {
  const services = fakeServices(notes, {}, texts);
  let indexListeners = 0;
  const subscribe = services.onIndexChange;
  (services as { onIndexChange: FakeServices['onIndexChange'] }).onIndexChange = (listener) => {
    indexListeners++;
    const off = subscribe(listener);
    return () => {
      indexListeners--;
      off();
    };
  };
  const plugin = new TestPlugin(services.app, { id: 'principle-chain', name: 'Principle Chain' } as obsidian.PluginManifest);
  plugin.load();
  registerChainBlocks(plugin as unknown as obsidian.Plugin, services);
  const section = new Component();
  section.load();
  const handler = plugin.registered.codeBlockProcessors.get(CHAIN_BLOCK_LANGUAGE)!;
  return {
    services,
    plugin,
    section,
    block(source, sourcePath = '202101010000 Root.md') {
      const el = document.body.createDiv();
      let child: ChainBlock | null = null;
      const ctx = {
        sourcePath,
        docId: sourcePath,
        frontmatter: undefined,
        addChild: (c: ChainBlock) => {
          child = c;
          section.addChild(c as never);
        },
        getSectionInfo: () => null,
      } as unknown as obsidian.MarkdownPostProcessorContext;
      void handler(source, el, ctx);
      return { el, child: child! };
    },
    settle: () => jest.advanceTimersByTime(BLOCK_REFRESH_DELAY_MS),
    indexListeners: () => indexListeners,
  };
}

const links = (el: HTMLElement): string[] => Array.from(el.querySelectorAll('a.internal-link'), (a) => `${a.textContent} → ${a.getAttribute('data-href')}`);
const problems = (el: HTMLElement): string[] => Array.from(el.querySelectorAll('.pc-block-problem li'), (li) => li.textContent ?? '');

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  // A spy left by a failed test would otherwise change every block after it.
  jest.restoreAllMocks();
  document.body.empty();
});

describe('drawing', () => {
  test('the note\'s own chain as nested lists of Obsidian internal links, with counts', async () => {
    const s = await setUp();
    const { el } = s.block('');
    expect(el.classList.contains('pc-block')).toBe(true);
    expect(links(el)).toStrictEqual([
      '202101010000 Root → 202101010000 Root',
      '202101010001 First → 202101010001 First',
      '202101010003 Deep → 202101010003 Deep',
      '202101010002 Second → 202101010002 Second',
      '2021-01-01 → 2021-01-01',
    ]);
    const anchor = el.querySelector<HTMLAnchorElement>('.pc-block-section a.internal-link')!;
    expect([anchor.getAttribute('href'), anchor.getAttribute('target'), anchor.getAttribute('rel')]).toStrictEqual(['202101010001 First', '_blank', 'noopener']);
    expect(el.querySelector('.pc-block-entry')?.textContent).toContain('×2');
    expect(el.querySelectorAll('.pc-block-section ul ul a.internal-link')).toHaveLength(1);
  });

  test.each([
    ['start: 202101010001\ndirection: out', ['202101010001 First', '202101010003 Deep']],
    ['start: "[[202101010001 First|the first]]"\ndirection: out', ['202101010001 First', '202101010003 Deep']],
    ['start: 202101010001 First\ndirection: out', ['202101010001 First', '202101010003 Deep']],
    ['start: Daily/2021-01-01.md\ndirection: out\ndepth: 1', ['2021-01-01', '202101010000 Root']],
  ])('%j starts where it says', async (source, expected) => {
    const s = await setUp();
    expect(links(s.block(source).el).map((l) => l.split(' → ')[0])).toStrictEqual(expected);
  });

  test('show: list gives each note once; sort and exclude apply; context shows the sentence', async () => {
    const s = await setUp();
    const list = s.block('show: list\ndirection: out\nsort: title');
    expect(list.el.querySelectorAll('.pc-block-section ul ul')).toHaveLength(0);
    expect(links(list.el).map((l) => l.split(' → ')[0])).toStrictEqual(['202101010000 Root', '202101010001 First', '202101010002 Second', '202101010003 Deep']);
    const excluded = s.block('direction: in\nexclude: [Daily/]');
    expect(excluded.el.textContent).toContain('None.');
    const context = s.block('direction: out\ncontext: true\ndepth: 1');
    const contexts = Array.from(context.el.querySelectorAll('.pc-block-context'), (c) => c.textContent ?? '');
    expect(contexts).toHaveLength(2);
    expect(contexts[0]).toMatch(/^Builds on 202101010001 and 202101010002/);
    expect(context.el.querySelector('.pc-block-context .pc-chain-context-id')?.textContent).toBe('202101010001');
  });

  test('direction: in draws only who builds on the note; a limit stops the entries and says so', async () => {
    const s = await setUp();
    const incoming = s.block('direction: in');
    expect(Array.from(incoming.el.querySelectorAll('.pc-block-heading'), (h) => h.textContent)).toStrictEqual(['Built on by']);
    const limited = s.block('direction: out\nlimit: 2');
    expect(limited.el.querySelectorAll('.pc-block-entry')).toHaveLength(2);
    expect(limited.el.querySelector('.pc-block-note')?.textContent).toBe('Only the first 2 entries are shown (limit).');
    expect(s.block('direction: out\nlimit: 3').el.querySelector('.pc-block-note')).toBeNull();
  });

  test('an ambiguous ID lists the notes that share it, separated by commas', async () => {
    const s = await setUp({ ...NOTES, '202101010002 Second.md': 'See 202101010007.', '202101010007 One.md': '', 'x/202101010007 Two.md': '', 'y/202101010007 Three.md': '' });
    const { el } = s.block('start: 202101010002\ndirection: out\ndepth: 1');
    const entry = Array.from(el.querySelectorAll('.pc-block-entry')).find((e) => e.textContent?.startsWith('202101010007'));
    expect(entry?.textContent).toBe('202101010007 (3 notes) — one of 202101010007 One, 202101010007 Two, 202101010007 Three');
  });

  test('an incoming entry\'s sentence highlights the ID it cites: its parent\'s', async () => {
    const s = await setUp();
    const { el } = s.block('start: 202101010003\ndirection: in\ncontext: true');
    expect(Array.from(el.querySelectorAll('.pc-block-context .pc-chain-context-id'), (id) => id.textContent)).toStrictEqual(['202101010003', '202101010001', '202101010000']);
  });

  test('a note whose name holds # is a link of its own that opens its file: as link text it would name the note up to the #', async () => {
    const sharp = '202101010007 C# tips.md';
    const s = await setUp({ ...NOTES, '202101010002 Second.md': 'See 202101010007 and 202101010008.', [sharp]: '', 'x/202101010008 F# too.md': '', 'y/202101010008 Other.md': '' });
    const { el } = s.block('start: 202101010002\ndirection: out\ndepth: 1');
    expect(links(el)).toStrictEqual(['202101010002 Second → 202101010002 Second', '202101010008 Other → 202101010008 Other']);
    const own = Array.from(el.querySelectorAll<HTMLElement>('.pc-block-link'));
    expect(own.map((link) => [link.textContent, link.getAttribute('role'), link.getAttribute('tabindex')])).toStrictEqual([
      ['202101010007 C# tips', 'link', '0'],
      ['x/202101010008 F# too', 'link', '0'],
    ]);
    const { workspace } = s.services.fakeApp;
    const opened: [obsidian.PaneType | boolean | undefined, string][] = [];
    const getLeaf = workspace.getLeaf.bind(workspace);
    jest.spyOn(workspace, 'getLeaf').mockImplementation((pane) => {
      const leaf = getLeaf(pane);
      jest.spyOn(leaf, 'openFile').mockImplementation(async (file) => void opened.push([pane, file.path]));
      return leaf;
    });
    own[0].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    own[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    own[0].dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    own[0].dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 }));
    // Keymap.isModEvent decides where: Ctrl+Alt in a split, Ctrl+Alt+Shift in a window.
    own[1].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true, altKey: true }));
    own[1].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true, altKey: true, shiftKey: true }));
    await jest.runAllTimersAsync();
    expect(workspace.openedLinks).toStrictEqual([]);
    expect(opened).toStrictEqual([
      [false, sharp],
      [false, 'x/202101010008 F# too.md'],
      ['tab', sharp],
      ['split', 'x/202101010008 F# too.md'],
      ['window', 'x/202101010008 F# too.md'],
    ]);
  });

  test('an unresolved start still shows who cites it, as text rather than a link', async () => {
    const s = await setUp({ ...NOTES, '202101010005 Asks.md': 'Where is 202112311159?' });
    const { el } = s.block('start: 202112311159');
    expect(el.querySelector('.pc-block-caption')?.textContent).toBe('Principle chain of 202112311159 (no note)');
    expect(links(el)).toStrictEqual(['202101010005 Asks → 202101010005 Asks']);
  });
});

describe('messages instead of exceptions', () => {
  test.each([
    ['depth: 0', ['depth must be a whole number from 1 to 10, not 0.']],
    ['dept: 2', ['Unknown option "dept" (did you mean "depth"?). Options: start, direction, depth, show, context, sort, exclude, limit.']],
    ['depth: [1', [expect.stringMatching(/^The options are not valid YAML: /)]],
    ['start: 209901010000 Nobody', ['start: no note is called "209901010000 Nobody", and it is not an ID of the format 12 digits (YYYYMMDDHHmm).']],
  ])('%j draws a message in the block', async (source, expected) => {
    const s = await setUp();
    const { el } = s.block(source);
    expect(problems(el)).toStrictEqual(expected);
    expect(el.querySelector('.pc-block-problem')?.getAttribute('role')).toBe('alert');
    expect(el.querySelector('.pc-block-problem-title')?.textContent).toBe('This principle-chain block cannot be drawn:');
    expect(el.querySelector('a')).toBeNull();
  });

  test('a block in a note outside the index says so', async () => {
    const s = await setUp();
    expect(problems(s.block('', 'Elsewhere.md').el)).toStrictEqual(['This note is not in the ID index (its folder is excluded in the settings, or indexing is still running).']);
  });
});

describe('graph', () => {
  test('show: graph hands Obsidian a mermaid block whose notes are internal links', async () => {
    const s = await setUp();
    const { el } = s.block('show: graph\ndirection: out');
    const rendered = s.services.fakeApp.renderedMarkdown;
    expect(rendered).toHaveLength(1);
    expect(rendered[0].sourcePath).toBe('202101010000 Root.md');
    expect(rendered[0].markdown).toBe(
      ['```mermaid', 'graph TD', '  n0["202101010000 Root"]', '  n1["202101010001 First"]', '  n2["202101010002 Second"]', '  n3["202101010003 Deep"]', '  n0 --> n1', '  n0 --> n2', '  n1 --> n3', '  classDef start stroke-width:3px', '  class n0 start', '  class n0,n1,n2,n3 internal-link', '```', ''].join('\n'),
    );
    expect(el.querySelector('.pc-block-graph')).not.toBeNull();
  });

  test('drawn again and again, a graph block keeps only the renderer of the diagram on show', async () => {
    const s = await setUp();
    const { el } = s.block('show: graph\ndirection: out');
    for (const name of ['Renamed', 'Second']) {
      const old = s.services.index.resolve('202101010002').paths[0];
      s.services.remove(old);
      s.services.put(`202101010002 ${name}.md`, 'Nothing further.');
      s.settle();
    }
    const rendered = s.services.fakeApp.renderedMarkdown;
    expect(rendered).toHaveLength(3);
    expect(rendered.map((r) => r.child.unloaded)).toStrictEqual([true, true, false]);
    expect(el.querySelector('.pc-block-graph')).not.toBeNull();
    // A problem drawn instead lets go of the last one too.
    s.services.remove('202101010000 Root.md');
    s.settle();
    expect(problems(el)).toHaveLength(1);
    expect(rendered[2].child.unloaded).toBe(true);
  });

  test("a graph names each note by Obsidian's link text, as seen from the block's note", async () => {
    const s = await setUp();
    s.block('show: graph\ndirection: in\ndepth: 1');
    expect(s.services.fakeApp.renderedMarkdown[0].markdown).toContain('  n1["2021-01-01"]');
  });

  test(`with exactly ${LINKS_A_DIAGRAM_SHOWS} links it is still a graph`, async () => {
    const ids = Array.from({ length: LINKS_A_DIAGRAM_SHOWS }, (_, i) => `2021020${Math.floor(i / 100)}${String(i % 100).padStart(2, '0')}00`);
    const notes: Record<string, string> = { '202101010000 Hub.md': ids.join(' ') };
    for (const id of ids) notes[`${id} N.md`] = '';
    const s = await setUp(notes);
    const { el } = s.block('show: graph\ndirection: out\ndepth: 1\nlimit: 600', '202101010000 Hub.md');
    expect(s.services.fakeApp.renderedMarkdown).toHaveLength(1);
    expect(el.querySelector('.pc-block-note')).toBeNull();
  });

  test(`past ${LINKS_A_DIAGRAM_SHOWS} links it draws the tree and says why`, async () => {
    const ids = Array.from({ length: LINKS_A_DIAGRAM_SHOWS + 1 }, (_, i) => `2021020${String(Math.floor(i / 100)).padStart(1, '0')}${String(i % 100).padStart(2, '0')}00`.slice(0, 12));
    const notes: Record<string, string> = { '202101010000 Hub.md': ids.join(' ') };
    for (const id of ids) notes[`${id} N.md`] = '';
    const s = await setUp(notes);
    const { el } = s.block('show: graph\ndirection: out\ndepth: 1\nlimit: 600', '202101010000 Hub.md');
    expect(s.services.fakeApp.renderedMarkdown).toStrictEqual([]);
    expect(el.querySelector('.pc-block-note')?.textContent).toBe(`This chain has ${LINKS_A_DIAGRAM_SHOWS + 1} links, more than a diagram can show (${LINKS_A_DIAGRAM_SHOWS}), so it is drawn as a tree.`);
    expect(el.querySelectorAll('.pc-block-section a.internal-link')).toHaveLength(LINKS_A_DIAGRAM_SHOWS + 1);
  });
});

describe('staying current', () => {
  test('a referenced note renamed: the block redraws after a quiet period, and only then', async () => {
    const s = await setUp();
    const { el } = s.block('direction: out');
    s.services.put('202101010002 Second.md', '');
    s.services.remove('202101010002 Second.md');
    s.services.put('202101010002 Renamed.md', 'Nothing further.');
    expect(links(el).join()).toContain('Second');
    s.settle();
    expect(links(el).join()).toContain('202101010002 Renamed');
    expect(links(el).join()).not.toContain('Second');
  });

  test.each(['"[[202101010001 First]]"', '202101010001 First'])('a block starting from %s keeps its chain after that note is renamed with its ID', async (start) => {
    const s = await setUp();
    const { el } = s.block(`start: ${start}\ndirection: out`);
    s.services.remove('202101010001 First.md');
    s.services.put('202101010001 Renamed.md', '- Then 202101010003 Deep.');
    s.settle();
    expect(problems(el)).toStrictEqual([]);
    expect(links(el).map((l) => l.split(' → ')[0])).toStrictEqual(['202101010001 Renamed', '202101010003 Deep']);
  });

  test('a burst of changes costs each touched visible block one computation, 300 ms after the change; untouched blocks none', async () => {
    const s = await setUp();
    const touched = Array.from({ length: 50 }, () => s.block('direction: out').child);
    const untouched = Array.from({ length: 50 }, () => s.block('start: 202101010009').child);
    for (let i = 0; i < 10; i++) s.services.put('202101010003 Deep.md', `The end, take ${i}.`);
    s.services.emit(new Set(['202101010003']));
    jest.advanceTimersByTime(299);
    expect(touched.every((b) => b.computations === 1)).toBe(true);
    jest.advanceTimersByTime(1);
    expect(touched[0].computations).toBe(2);
    while (jest.getTimerCount() > 0) jest.runOnlyPendingTimers();
    expect(touched.map((b) => b.computations)).toStrictEqual(touched.map(() => 2));
    expect(untouched.map((b) => b.computations)).toStrictEqual(untouched.map(() => 1));
  });

  test('a hidden block waits, and redraws once shown', async () => {
    const s = await setUp();
    const { el, child } = s.block('direction: out');
    el.hide();
    s.services.emit('all');
    s.settle();
    expect(child.computations).toBe(1);
    el.show();
    s.services.fakeApp.workspace.trigger('layout-change');
    s.settle();
    expect(child.computations).toBe(2);
    // A pane switch shows hidden blocks too.
    el.hide();
    s.services.emit('all');
    s.settle();
    el.show();
    s.services.fakeApp.workspace.trigger('active-leaf-change', null);
    s.settle();
    expect(child.computations).toBe(3);
  });

  test('a note of the chain that gains its first reference redraws the block once the index catches up', async () => {
    const s = await setUp();
    const { el } = s.block('direction: out');
    // put() writes the file (a vault modify event), then applies it to the index.
    s.services.put('202101010002 Second.md', 'Now builds on 202101010009.');
    s.settle();
    expect(links(el).join()).toContain('202101010009 Loose');
  });

  test('renaming the note that holds the block: its own chain follows', async () => {
    const s = await setUp();
    const { el } = s.block('direction: out');
    const root = s.services.fakeApp.vault.getFileByPath('202101010000 Root.md')!;
    await s.services.fakeApp.vault.rename(root, '202101010000 Root again.md');
    s.services.remove('202101010000 Root.md');
    s.services.put('202101010000 Root again.md', NOTES['202101010000 Root.md']);
    s.settle();
    expect(el.querySelector('.pc-block-caption')?.textContent).toBe('Principle chain of 202101010000 Root again');
  });

  test('texts of a note it shows arriving (its context lines can be read) redraws the block; of other notes, not', async () => {
    const s = await setUp();
    const { child } = s.block('direction: out\ncontext: true');
    s.services.textsLoaded(['Daily/2021-01-01.md']);
    s.settle();
    expect(child.computations).toBe(1);
    s.services.textsLoaded(['202101010003 Deep.md']);
    s.settle();
    expect(child.computations).toBe(2);
  });

  test('a block that draws no context lines is not drawn again when texts arrive', async () => {
    const s = await setUp();
    const { child } = s.block('direction: out');
    s.services.textsLoaded(['202101010003 Deep.md']);
    s.settle();
    expect(child.computations).toBe(1);
  });

  test('context lines whose note texts arrive after the block was drawn are drawn when they arrive', async () => {
    // The index keeps no text: a context line is read from the citing note's text once it is at hand.
    const arrived = new Map<string, string>();
    const s = await setUp(NOTES, { textOf: (path) => arrived.get(path) });
    const { el } = s.block('direction: in\ncontext: true');
    const contexts = () => [...el.querySelectorAll('.pc-block-context')].map((line) => line.textContent);
    expect(el.querySelectorAll('.pc-block-entry')).toHaveLength(1);
    expect(contexts()).toStrictEqual([]);
    arrived.set('Daily/2021-01-01.md', NOTES['Daily/2021-01-01.md']);
    s.services.textsLoaded(['Daily/2021-01-01.md']);
    s.settle();
    expect(contexts()).toStrictEqual(['Read 202101010000 today.']);
  });

  test('unloading every block leaves no listener and no timer behind', async () => {
    const s = await setUp();
    const { vault, workspace, metadataCache } = s.services.fakeApp;
    const before = { modify: vault.listenerCount('modify'), layout: workspace.listenerCount('layout-change'), metadata: metadataCache.listenerCount('changed') };
    for (let i = 0; i < 3; i++) s.block('');
    // A redraw is pending when the blocks go.
    s.services.emit('all');
    expect(jest.getTimerCount()).toBe(1);
    expect(vault.listenerCount('modify')).toBe(before.modify + 1);
    expect(s.indexListeners()).toBe(1);
    s.section.unload();
    expect(s.indexListeners()).toBe(0);
    expect(vault.listenerCount('modify')).toBe(before.modify);
    expect(vault.listenerCount('rename')).toBe(0);
    expect(workspace.listenerCount('layout-change')).toBe(before.layout);
    expect(metadataCache.listenerCount('changed')).toBe(before.metadata);
    s.services.emit('all');
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('what draws a block again', () => {
  test('an index change naming an ID of its chain, without any file event; a change naming none leaves it alone', async () => {
    const s = await setUp();
    const { child } = s.block('direction: out');
    s.services.emit(new Set(['202101010009']));
    s.settle();
    expect(child.computations).toBe(1);
    s.services.emit(new Set(['202101010003']));
    s.settle();
    expect(child.computations).toBe(2);
  });

  test('a block showing a problem tries again on any index change: its start may exist now', async () => {
    const s = await setUp();
    const { el } = s.block('start: 202101010042 Arrives\ndirection: out', 'Elsewhere.md');
    expect(problems(el)).toHaveLength(1);
    s.services.put('202101010042 Arrives.md', 'Builds on 202101010003.');
    s.settle();
    expect(problems(el)).toStrictEqual([]);
    expect(links(el).map((l) => l.split(' → ')[0])).toStrictEqual(['202101010042 Arrives', '202101010003 Deep']);
  });

  test('its own note changed on disk: drawn again once the index has caught up, whatever IDs that changed', async () => {
    const s = await setUp();
    const { child } = s.block('direction: out');
    const root = s.services.fakeApp.vault.getFileByPath('202101010000 Root.md')!;
    await s.services.fakeApp.vault.modify(root, NOTES['202101010000 Root.md']);
    s.services.emit(new Set(['202101010009']));
    s.settle();
    expect(child.computations).toBe(2);
  });

  test('its own note renamed: drawn again from the new path without waiting for the index; another note renamed moves nothing', async () => {
    const s = await setUp();
    const { el, child } = s.block('');
    await s.services.fakeApp.vault.rename(s.services.fakeApp.vault.getFileByPath('202101010009 Loose.md')!, '202101010009 Loose again.md');
    s.settle();
    expect(child.computations).toBe(1);
    expect(el.querySelector('.pc-block-caption')?.textContent).toBe('Principle chain of 202101010000 Root');
    await s.services.fakeApp.vault.rename(s.services.fakeApp.vault.getFileByPath('202101010000 Root.md')!, '202101010000 Root again.md');
    s.settle();
    expect(child.computations).toBe(2);
  });

  test('the same chain computed again is not drawn again; the same problem neither', async () => {
    const s = await setUp();
    const { el } = s.block('direction: out');
    const before = el.firstElementChild;
    s.services.emit('all');
    s.settle();
    expect(el.firstElementChild).toBe(before);
    const failing = s.block('depth: 0');
    const shown = failing.el.firstElementChild;
    s.services.emit('all');
    s.settle();
    expect(failing.child.computations).toBe(2);
    expect(failing.el.firstElementChild).toBe(shown);
  });

  test('after texts arrive and the block is drawn again, the next unchanged chain is not', async () => {
    const s = await setUp();
    const { el } = s.block('direction: out\ncontext: true');
    s.services.textsLoaded(['202101010003 Deep.md']);
    s.settle();
    const drawn = el.firstElementChild;
    s.services.emit('all');
    s.settle();
    expect(el.firstElementChild).toBe(drawn);
  });

  test('texts arriving while a block shows a problem change nothing', async () => {
    const s = await setUp();
    const { el } = s.block('depth: 0\ncontext: true');
    s.services.textsLoaded(['202101010000 Root.md']);
    s.settle();
    expect(problems(el)).toStrictEqual(['depth must be a whole number from 1 to 10, not 0.']);
  });

  test('an error while drawing is shown in the block instead of thrown', async () => {
    const s = await setUp();
    jest.spyOn(s.services.index, 'resolve').mockImplementation(() => {
      throw new Error('index unavailable');
    });
    const { el } = s.block('start: 202101010001');
    expect(problems(el)).toStrictEqual(['Something went wrong while drawing the chain: index unavailable']);
  });

  test('YAML that cannot be read is reported by the first line of the parser\'s message', async () => {
    const s = await setUp();
    const { el } = s.block('depth: [1');
    expect(problems(el)).toHaveLength(1);
    expect(problems(el)[0]).toMatch(/^The options are not valid YAML: \S.*$/);
    expect(problems(el)[0]).not.toContain('\n');
    expect(problems(el)[0]).not.toContain('undefined');
    jest.spyOn(fakeBase, 'parseYaml').mockImplementation(() => {
      throw new Error('Unexpected flow-seq-end at line 1\n\ndepth: ]\n       ^');
    });
    expect(problems(s.block('depth: ]').el)).toStrictEqual(['The options are not valid YAML: Unexpected flow-seq-end at line 1']);
  });

  test('a note of its chain deleted: drawn again once the index has caught up, whatever IDs that changed', async () => {
    const s = await setUp();
    const { child } = s.block('direction: in');
    await s.services.fakeApp.vault.delete(s.services.fakeApp.vault.getFileByPath('Daily/2021-01-01.md')!);
    s.services.emit(new Set(['202101010009']));
    s.settle();
    expect(child.computations).toBe(2);
  });

  test('a note of its chain tagged as hidden, with no index change: the block hides it after the quiet period; another note draws nothing', async () => {
    const s = await setUp();
    const { el, child } = s.block('direction: out\nexclude: ["#draft"]');
    expect(links(el).join()).toContain('Second');
    const { metadataCache, vault } = s.services.fakeApp;
    metadataCache.setFileCache(vault.getFileByPath('202101010002 Second.md')!, { frontmatter: { tags: ['draft'] } });
    s.settle();
    expect(links(el).join()).not.toContain('Second');
    expect(child.computations).toBe(2);
    metadataCache.setFileCache(vault.getFileByPath('202101010009 Loose.md')!, { frontmatter: { tags: ['draft'] } });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('an index change that touches no block sets no timer', async () => {
    const s = await setUp();
    s.block('start: 202101010009');
    s.services.emit(new Set(['202101010003']));
    expect(jest.getTimerCount()).toBe(0);
  });

  test('hiding a folder leaves unresolved IDs in the chain, and sort: modified follows the files\' times', async () => {
    const s = await setUp({ ...NOTES, '202101010002 Second.md': 'Cites 202112311159, which no note owns.' });
    const { el } = s.block('direction: out\nexclude: [Daily/]');
    expect(el.textContent).toContain('202112311159');
    const times: Record<string, number> = { '202101010001 First.md': 1, '202101010002 Second.md': 2 };
    for (const [path, mtime] of Object.entries(times)) s.services.fakeApp.vault.getFileByPath(path)!.stat.mtime = mtime;
    const sorted = s.block('direction: out\ndepth: 1\nsort: modified');
    expect(links(sorted.el).map((l) => l.split(' → ')[0])).toStrictEqual(['202101010000 Root', '202101010002 Second', '202101010001 First']);
  });
});

describe('the shared scheduler', () => {
  test('the plugin unloading while blocks are on show stops it listening; a block drawn after that draws once', async () => {
    const s = await setUp();
    const { vault, workspace } = s.services.fakeApp;
    const before = { modify: vault.listenerCount('modify'), layout: workspace.listenerCount('layout-change') };
    const { child } = s.block('direction: out');
    s.services.emit('all');
    expect(jest.getTimerCount()).toBe(1);
    s.plugin.unload();
    expect(s.indexListeners()).toBe(0);
    expect(vault.listenerCount('modify')).toBe(before.modify);
    expect(workspace.listenerCount('layout-change')).toBe(before.layout);
    expect(jest.getTimerCount()).toBe(0);
    const computations = child.computations;
    s.services.emit('all');
    s.settle();
    expect(child.computations).toBe(computations);
    expect(s.block('direction: out').child.computations).toBe(1);
    expect(s.indexListeners()).toBe(0);
  });

  test('unloading one block leaves the others listening', async () => {
    const s = await setUp();
    const first = s.block('direction: out');
    const second = new Component();
    second.load();
    const el = document.body.createDiv();
    const handler = s.plugin.registered.codeBlockProcessors.get(CHAIN_BLOCK_LANGUAGE)!;
    let other: ChainBlock | null = null;
    const addChild = (c: ChainBlock): void => {
      other = c;
      second.addChild(c as never);
    };
    void handler('direction: out', el, { sourcePath: '202101010000 Root.md', addChild } as unknown as obsidian.MarkdownPostProcessorContext);
    second.unload();
    expect(s.indexListeners()).toBe(1);
    s.services.emit('all');
    s.settle();
    expect(first.child.computations).toBe(2);
    expect(other!.computations).toBe(1);
  });

  test('draws in slices of about 12 ms, yielding to the page between them', async () => {
    const s = await setUp();
    const blocks = Array.from({ length: 3 }, () => s.block('direction: out').child);
    let cost = 13;
    for (const block of blocks) {
      const refresh = block.refresh.bind(block);
      jest.spyOn(block, 'refresh').mockImplementation(() => {
        refresh();
        jest.setSystemTime(Date.now() + cost);
      });
    }
    const computed = () => blocks.map((b) => b.computations);
    s.services.emit('all');
    s.settle();
    expect(computed()).toStrictEqual([2, 1, 1]);
    // A timeout of 0 set while timers run is due a millisecond later on the fake clock (@sinonjs/fake-timers).
    jest.advanceTimersByTime(1);
    expect(computed()).toStrictEqual([2, 2, 1]);
    jest.advanceTimersByTime(1);
    expect(computed()).toStrictEqual([2, 2, 2]);
    // Nothing is left, so nothing more is scheduled.
    expect(jest.getTimerCount()).toBe(0);
    // Blocks that draw within the slice (12 ms included) are all drawn at once.
    cost = 4;
    s.services.emit('all');
    s.settle();
    expect(computed()).toStrictEqual([3, 3, 3]);
    // A slice ends once more than 12 ms have gone: a block taking exactly 12 leaves room for the next.
    cost = 12;
    s.services.emit('all');
    s.settle();
    expect(computed()).toStrictEqual([4, 4, 3]);
    jest.advanceTimersByTime(1);
    expect(computed()).toStrictEqual([4, 4, 4]);
  });

  test('where the platform has an IntersectionObserver, a hidden block is drawn once it scrolls into view', async () => {
    const observers: FakeIntersectionObserver[] = [];
    class FakeIntersectionObserver {
      observed = new Set<Element>();
      disconnected = false;
      constructor(readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
        observers.push(this);
      }
      observe(el: Element): void {
        this.observed.add(el);
      }
      unobserve(el: Element): void {
        this.observed.delete(el);
      }
      disconnect(): void {
        this.disconnected = true;
      }
    }
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeIntersectionObserver;
    try {
      const s = await setUp();
      const { el, child } = s.block('direction: out');
      const second = s.block('');
      expect(observers).toHaveLength(1);
      expect([...observers[0].observed]).toStrictEqual([el, second.el]);
      el.hide();
      s.services.emit('all');
      s.settle();
      expect(child.computations).toBe(1);
      el.show();
      observers[0].callback([{ isIntersecting: false }]);
      s.settle();
      expect(child.computations).toBe(1);
      observers[0].callback([{ isIntersecting: false }, { isIntersecting: true }]);
      s.settle();
      expect(child.computations).toBe(2);
      s.section.unload();
      expect(observers[0].observed.size).toBe(0);
      expect(observers[0].disconnected).toBe(true);
    } finally {
      delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    }
  });

  test('services without a texts feed are fine, and with one it is unsubscribed with the last block', async () => {
    const services = fakeServices(NOTES);
    let textListeners = 0;
    const feed = services.onTextsLoaded!;
    const counted = {
      ...services,
      onTextsLoaded: (listener: (paths: ReadonlySet<string>) => void) => {
        textListeners++;
        const off = feed(listener);
        return () => {
          textListeners--;
          off();
        };
      },
    };
    const { onTextsLoaded: _none, ...withoutFeed } = services;
    for (const variant of [counted, withoutFeed]) {
      const plugin = new TestPlugin(services.app, { id: 'principle-chain', name: 'Principle Chain' } as obsidian.PluginManifest);
      plugin.load();
      const scheduler = registerChainBlocks(plugin as unknown as obsidian.Plugin, variant);
      const section = new Component();
      section.load();
      const handler = plugin.registered.codeBlockProcessors.get(CHAIN_BLOCK_LANGUAGE)!;
      void handler('', document.body.createDiv(), { sourcePath: '202101010000 Root.md', addChild: (c: ChainBlock) => section.addChild(c as never) } as unknown as obsidian.MarkdownPostProcessorContext);
      expect(scheduler.size).toBe(1);
      section.unload();
      expect(scheduler.size).toBe(0);
    }
    expect(textListeners).toBe(0);
  });
});
