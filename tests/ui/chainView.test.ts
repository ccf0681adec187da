/** @jest-environment jsdom */
import { Menu, MenuItem } from '../mocks/obsidian';
import { CHAIN_VIEW_TYPE, REFRESH_DELAY_MS, type ChainView } from '../../src/ui/chainView';
import { LEVEL_CAP, SHOW_MORE_PAGE } from '../../src/ui/chain/expansion';
import type { ChainComputation } from '../../src/ui/chain/deps';
import { createUiState } from '../../src/ui/chain/model';
import { renderChainInto } from '../../src/ui/chain/render';
import { mixedModel } from './chainModels';

const withoutIncoming = (): ChainComputation => {
  const chain = mixedChain();
  return chain.kind === 'chain' ? { kind: 'chain', result: { ...chain.result, in: [] } } : chain;
};
import { accessibleName, chainAsText } from './chainText';
import { coreChain, coreNode, EXECUTION, mixedChain, openChainView, type Harness } from './chainViewHarness';

function byLabel(h: Harness, labelStart: string): HTMLElement {
  const found = Array.from(h.content().querySelectorAll<HTMLElement>('[role="treeitem"]')).find((el) =>
    (accessibleName(el) ?? '').startsWith(labelStart),
  );
  if (!found) throw new Error(`no entry labelled ${labelStart}`);
  return found;
}

/** `count` resolved core siblings with IDs 2021010100nn… in order, titled "Note N". */
function coreSiblings(count: number): ReturnType<typeof coreNode>[] {
  return Array.from({ length: count }, (_, i) => {
    const minutes = String(i % 60).padStart(2, '0');
    const hours = String(Math.floor(i / 60) % 24).padStart(2, '0');
    const day = String(1 + Math.floor(i / 1440)).padStart(2, '0');
    return coreNode(`202101${day}${hours}${minutes}`, `Note ${i + 1}`);
  });
}

const chainOf = (out: ReturnType<typeof coreNode>[], incoming: ReturnType<typeof coreNode>[] = []): ChainComputation =>
  coreChain(EXECUTION, '202104291524', 'Execution is the priority of the team', out, incoming);

function click(el: Element, init: MouseEventInit = {}): void {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
}

function key(el: Element, keyName: string, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init }));
}

function chainFor(path: string | undefined): ChainComputation {
  return path === EXECUTION ? mixedChain() : { kind: 'empty', reason: 'no-note' };
}

beforeEach(() => jest.useFakeTimers());

afterEach(() => {
  jest.useRealTimers();
  document.body.empty();
});

describe('ChainView', () => {
  test('describes itself and draws the empty state when no note is open', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    expect(h.view.getViewType()).toBe(CHAIN_VIEW_TYPE);
    expect(h.view.getDisplayText()).toBe('Principle chain');
    expect(chainAsText(h.content())).toContain('Open a note to see the principles');
    expect(h.chainRequests).toStrictEqual(['(none)@3']);
  });

  test('follows the open note after 150 ms of quiet, computing once for a burst of events', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile('Other.md');
    h.openFile(EXECUTION);
    h.fireIndexChange();
    h.app.workspace.trigger('active-leaf-change', null);
    jest.advanceTimersByTime(149);
    expect(h.chainRequests).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(h.chainRequests).toStrictEqual(['(none)@3', `${EXECUTION}@3`]);
    expect(chainAsText(h.content())).toContain('# Execution is the priority of the team · 202104291524');
  });

  test('pane focus changes that leave the note, depth, index and settings alone compute nothing', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    h.workspace.trigger('active-leaf-change', null);
    jest.runOnlyPendingTimers();
    expect(h.chainRequests).toHaveLength(2);
    h.settings.showContext = false;
    h.workspace.trigger('active-leaf-change', null);
    jest.runOnlyPendingTimers();
    expect(h.chainRequests).toHaveLength(3);
    // After an index change has been computed, focus changes compute nothing again.
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    h.workspace.trigger('active-leaf-change', null);
    jest.runOnlyPendingTimers();
    expect(h.chainRequests).toHaveLength(4);
  });

  test('redraws only when the model changed', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    const drawn = h.content().querySelector('.pc-chain');
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(h.chainRequests).toHaveLength(3);
    expect(h.content().querySelector('.pc-chain')).toBe(drawn);
    h.chainFor = withoutIncoming;
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(h.content().querySelector('.pc-chain')).not.toBe(drawn);
    expect(chainAsText(h.content())).toContain('▾ Built on by (0)');
  });

  test('stops listening when closed', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.view.leaf.detach();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    h.openFile(EXECUTION);
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(h.chainRequests).toStrictEqual(['(none)@3']);
    expect(h.workspace.listenerCount('file-open')).toBe(0);
  });

  test.each<[string, (view: ChainView) => void]>([
    ['closes', (view) => view.leaf.detach()],
    ['is unloaded without closing', (view) => view.unload()],
  ])('a refresh pending when the view %s never runs', async (_when, end) => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    const requests = h.chainRequests.length;
    h.fireIndexChange();
    end(h.view);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    jest.runOnlyPendingTimers();
    expect(h.chainRequests.length).toBe(requests);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('its icon is the fork, and a view opened without a texts feed closes cleanly', async () => {
    const h = await openChainView((file) => chainFor(file?.path), { withoutTextsFeed: true });
    expect(h.view.getIcon()).toBe('git-fork');
    h.view.leaf.detach();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(h.workspace.listenerCount('file-open')).toBe(0);
  });

  test('closing the view stops listening to note texts', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    expect(h.textListenerCount()).toBe(1);
    h.view.leaf.detach();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(h.textListenerCount()).toBe(0);
  });

  test('a restored state equal to the shown one computes nothing', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    const requests = h.chainRequests.length;
    await h.view.setState(h.view.getState(), { history: false });
    expect(h.chainRequests.length).toBe(requests);
  });

  describe('opening entries', () => {
    async function withChain(): Promise<Harness> {
      const h = await openChainView((file) => chainFor(file?.path));
      h.openFile(EXECUTION);
      jest.runOnlyPendingTimers();
      return h;
    }

    test.each<[string, MouseEventInit, boolean | string]>([
      ['plain click', {}, false],
      ['Ctrl-click', { ctrlKey: true }, 'tab'],
      ['Ctrl-Alt-click', { ctrlKey: true, altKey: true }, 'split'],
      ['Ctrl-Alt-Shift-click', { ctrlKey: true, altKey: true, shiftKey: true }, 'window'],
    ])('%s opens the ID from the followed note in the pane Keymap.isModEvent names', async (_name, init, paneType) => {
      const h = await withChain();
      click(byLabel(h, 'Teams exist for a reason').querySelector('.pc-chain-title')!, init);
      expect(h.openIdCalls).toStrictEqual([{ id: '202108191025', sourcePath: EXECUTION, paneType }]);
    });

    test('a middle click opens in a new tab; the other buttons\' auxclick (a right click) opens nothing', async () => {
      const h = await withChain();
      byLabel(h, 'Teams exist').dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 2 }));
      expect(h.openIdCalls).toStrictEqual([]);
      byLabel(h, 'Teams exist').dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }));
      expect(h.openIdCalls).toStrictEqual([{ id: '202108191025', sourcePath: EXECUTION, paneType: 'tab' }]);
    });

    test('a context line click opens its entry; an unresolved ID goes through openId too', async () => {
      const h = await withChain();
      click(byLabel(h, 'No note has this ID').querySelector('.pc-chain-context')!);
      expect(h.openIdCalls).toStrictEqual([{ id: '202112311199', sourcePath: EXECUTION, paneType: false }]);
    });

    test('an ambiguous entry itself goes through openId, which offers the chooser', async () => {
      const h = await withChain();
      click(byLabel(h, 'Several notes have this ID'));
      expect(h.openIdCalls).toStrictEqual([{ id: '202203151000', sourcePath: EXECUTION, paneType: false }]);
    });

    test('an ambiguous candidate opens its own file; a note without ID opens by path', async () => {
      const h = await withChain();
      click(byLabel(h, 'Praise in public'), { ctrlKey: true });
      click(byLabel(h, 'Reading list'));
      expect(h.openIdCalls).toStrictEqual([]);
      expect(h.workspace.openedLinks).toStrictEqual([
        { linktext: '202203151000 Praise in public.md', sourcePath: EXECUTION, newLeaf: 'tab' },
        { linktext: 'Reading list.md', sourcePath: EXECUTION, newLeaf: false },
      ]);
    });

    test('a click on the view outside any entry or button does nothing and raises no error', async () => {
      const h = await withChain();
      const errors: unknown[] = [];
      const onError = (evt: ErrorEvent): void => void errors.push(evt.error);
      window.addEventListener('error', onError);
      const before = h.content().innerHTML;
      for (const selector of ['.pc-chain-note-title', '.pc-chain-depth-label', '.pc-chain-tree']) click(h.content().querySelector(selector)!);
      window.removeEventListener('error', onError);
      expect(errors).toStrictEqual([]);
      expect(h.openIdCalls).toStrictEqual([]);
      expect(h.content().innerHTML).toBe(before);
    });

    test('clicking the toggle collapses instead of opening', async () => {
      const h = await withChain();
      click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
      expect(h.openIdCalls).toStrictEqual([]);
      expect(byLabel(h, 'Teams exist').getAttribute('aria-expanded')).toBe('false');
    });

    test('hovering an entry asks for a page preview with this view as the parent', async () => {
      const h = await withChain();
      const hovers: unknown[] = [];
      h.workspace.on('hover-link', (info) => hovers.push(info));
      const row = byLabel(h, 'Teams exist').querySelector('.pc-chain-row')!;
      row.querySelector('.pc-chain-title')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, ctrlKey: true }));
      expect(hovers).toStrictEqual([
        expect.objectContaining({
          source: CHAIN_VIEW_TYPE,
          hoverParent: h.view,
          targetEl: row,
          linktext: '202108191025 Teams exist for a reason.md',
          sourcePath: EXECUTION,
        }),
      ]);
    });

    test('hovering an entry whose name holds # asks for no preview: its link text would name the note up to the #', async () => {
      const h = await openChainView(() => chainOf([coreNode('202104291530', 'C# tips')]));
      h.openFile(EXECUTION);
      jest.runOnlyPendingTimers();
      const hovers: unknown[] = [];
      h.workspace.on('hover-link', (info) => hovers.push(info));
      byLabel(h, 'C# tips').querySelector('.pc-chain-title')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, ctrlKey: true }));
      expect(hovers).toStrictEqual([]);
    });

    test('right-clicking an entry shows Obsidian\'s file menu for its note', async () => {
      const h = await withChain();
      const file = await h.app.vault.create('202108191025 Teams exist for a reason.md', '');
      const fileMenus: unknown[][] = [];
      h.workspace.on('file-menu', (...args) => fileMenus.push(args));
      byLabel(h, 'Teams exist').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
      expect(fileMenus).toStrictEqual([[h.menus[0], file, CHAIN_VIEW_TYPE, h.view.leaf]]);
      const items = h.menus[0].items.filter((i): i is MenuItem => i !== 'separator');
      expect(items.map((item) => [item.title, item.icon])).toStrictEqual([
        ['Open in new tab', 'file-plus'],
        ['Open to the right', 'separator-vertical'],
        ['Open in new window', 'picture-in-picture-2'],
      ]);
      for (const item of items) item.click();
      expect(h.workspace.openedLinks.map((link) => [link.linktext, link.sourcePath, link.newLeaf])).toStrictEqual(
        ['tab', 'split', 'window'].map((pane) => [file.path, EXECUTION, pane]),
      );
      byLabel(h, 'No note has this ID').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
      expect(h.menus).toHaveLength(1);
    });

    test('dragging an entry carries "ID Title" as plain text', async () => {
      const h = await withChain();
      const drag = (el: Element): string | undefined => {
        const data = new Map<string, string>();
        const evt = new Event('dragstart', { bubbles: true });
        Object.defineProperty(evt, 'dataTransfer', {
          value: { setData: (type: string, value: string) => data.set(type, value), effectAllowed: '' },
        });
        el.dispatchEvent(evt);
        return data.get('text/plain');
      };
      expect(drag(byLabel(h, 'Teams exist'))).toBe('202108191025 Teams exist for a reason');
      expect(drag(byLabel(h, 'No note has this ID'))).toBe('202112311199');
      expect(drag(byLabel(h, 'Praise in public'))).toBe('202203151000 Praise in public');
      expect(drag(byLabel(h, 'Reading list'))).toBeUndefined();
      h.chainFor = () => chainOf([coreNode('202203011000', '202203011000')]);
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      expect(drag(byLabel(h, '202203011000'))).toBe('202203011000');
    });
  });

  test('"Show N more" draws the rest of the level and focuses the first new entry', async () => {
    const h = await openChainView(() => chainOf(coreSiblings(LEVEL_CAP + 5)));
    const more = h.content().querySelector('.pc-chain-more')!;
    expect(more.textContent).toBe('Show 5 more');
    click(more);
    expect(h.content().querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP + 5);
    expect(h.content().querySelector('.pc-chain-more')).toBeNull();
    expect(accessibleName(document.activeElement)).toBe(`Note ${LEVEL_CAP + 1}, 20210101${'0320'}`);
    expect(document.activeElement?.getAttribute('aria-level')).toBe('1');
    // The view keeps that entry as the tree's tab stop when it draws again.
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    const stops = Array.from(h.content().querySelectorAll('[role="treeitem"][tabindex="0"]'));
    expect(stops.map((el) => accessibleName(el))).toStrictEqual([`Note ${LEVEL_CAP + 1}, 20210101${'0320'}`]);
  });

  test('"Show more" on a long level adds pages in place, keeping what is drawn', async () => {
    const h = await openChainView(() => chainOf(coreSiblings(LEVEL_CAP + 1200)));
    const first = byLabel(h, 'Note 1,');
    const more = (): HTMLElement => h.content().querySelector<HTMLElement>('.pc-chain-more')!;
    expect(more().textContent).toBe(`Show ${SHOW_MORE_PAGE} more (1200 not shown)`);
    click(more());
    expect(h.content().querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP + SHOW_MORE_PAGE);
    expect(byLabel(h, 'Note 1,')).toBe(first);
    expect(more().textContent).toBe(`Show ${SHOW_MORE_PAGE} more (700 not shown)`);
    key(more(), 'Enter');
    expect(accessibleName(document.activeElement)).toMatch(new RegExp(`^Note ${LEVEL_CAP + SHOW_MORE_PAGE + 1},`));
    expect(more().textContent).toBe('Show 200 more');
    click(more());
    expect(h.content().querySelector('.pc-chain-more')).toBeNull();
    expect(h.content().querySelectorAll('.pc-chain-item')).toHaveLength(LEVEL_CAP + 1200);
    const stops = h.content().querySelectorAll('[role="tree"] [tabindex="0"]');
    expect(stops).toHaveLength(1);
  });

  test('"Show more" inside an entry reveals that entry\'s children and survives a refresh', async () => {
    const parent = coreNode('202001010000', 'Hub', { children: coreSiblings(LEVEL_CAP + 3) });
    const h = await openChainView(() => chainOf([parent]));
    const more = h.content().querySelector<HTMLElement>('.pc-chain-more')!;
    expect(more.getAttribute('aria-level')).toBe('2');
    click(more);
    expect(byLabel(h, 'Hub').querySelectorAll('[role="group"] > .pc-chain-item')).toHaveLength(LEVEL_CAP + 3);
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    h.settings.showIncoming = false;
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(chainAsText(h.content())).not.toContain('Built on by');
    expect(byLabel(h, 'Hub').querySelectorAll('[role="group"] > .pc-chain-item')).toHaveLength(LEVEL_CAP + 3);
  });

  test('expansion survives refreshes and note switches', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
    click(h.content().querySelector('[data-action="toggle-section"][data-key="in"]')!);
    h.chainFor = (file) => {
      const chain = mixedChain();
      return file?.path === EXECUTION && chain.kind === 'chain' ? { kind: 'chain', result: { ...chain.result, out: [...chain.result.out, coreNode('202201010101', 'New')] } } : chainFor(file?.path);
    };
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    let text = chainAsText(h.content());
    expect(text).toContain('▸ Teams exist for a reason');
    expect(text).toContain('• New · 202201010101');
    expect(text).toContain('▸ Built on by (1)');
    h.openFile('Other.md');
    jest.runOnlyPendingTimers();
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    text = chainAsText(h.content());
    expect(text).toContain('▸ Teams exist for a reason');
  });

  describe('a rename keeps the trees as they were', () => {
    const RENAMED = '202104291524 Execution comes first.md';
    /** mixedChain rooted wherever the note is now. */
    const rootedAt = (path: string | undefined): ChainComputation => {
      const chain = mixedChain();
      return chain.kind === 'chain' && path !== undefined ? { kind: 'chain', result: { ...chain.result, root: { ...chain.result.root, path } } } : chain;
    };

    test('of the open note: its expansion and scroll position stay', async () => {
      const h = await openChainView((file) => (file?.path === EXECUTION || file?.path === RENAMED ? rootedAt(file.path) : chainFor(file?.path)));
      let scrollTop = 0;
      Object.defineProperty(h.content(), 'scrollTop', { get: () => scrollTop, set: (v: number) => (scrollTop = v) });
      const file = await h.app.vault.create(EXECUTION, '');
      h.workspace.setActiveFile(file);
      jest.runOnlyPendingTimers();
      click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
      scrollTop = 120;
      await h.app.vault.rename(file, RENAMED);
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      expect(h.chainRequests.at(-1)).toBe(`${RENAMED}@3`);
      expect(chainAsText(h.content())).toContain('▸ Teams exist for a reason');
      expect(scrollTop).toBe(120);
    });

    test('of the pinned note, moved with its folder; and of a note left for another, remembered under its new name', async () => {
      const h = await openChainView((file) => (file?.path.includes('202104291524') === true ? rootedAt(file.path) : chainFor(file?.path)));
      const note = await h.app.vault.create('zet/' + EXECUTION, '');
      await h.view.setState({ pinned: note.path }, { history: false });
      click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
      await h.app.vault.rename(h.app.vault.getAbstractFileByPath('zet')!, 'notes');
      jest.runOnlyPendingTimers();
      expect(h.view.pinnedPath).toBe('notes/' + EXECUTION);
      expect(chainAsText(h.content())).toContain('▸ Teams exist for a reason');
      await h.view.setState({ pinned: null }, { history: false });
      h.openFile('Other.md');
      jest.runOnlyPendingTimers();
      await h.app.vault.rename(note, 'notes/' + RENAMED);
      h.workspace.setActiveFile(note);
      jest.runOnlyPendingTimers();
      expect(h.chainRequests.at(-1)).toBe(`notes/${RENAMED}@3`);
      expect(chainAsText(h.content())).toContain('▸ Teams exist for a reason');
    });
  });

  test('a redraw of the same note keeps the scroll position; another note starts at the top', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    let scrollTop = 0;
    Object.defineProperty(h.content(), 'scrollTop', { get: () => scrollTop, set: (v: number) => (scrollTop = v) });
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    scrollTop = 120;
    click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
    expect(scrollTop).toBe(120);
    h.chainFor = withoutIncoming;
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(scrollTop).toBe(120);
    h.chainFor = () => coreChain('Other.md', null, 'Other', []);
    h.openFile('Other.md');
    jest.runOnlyPendingTimers();
    expect(chainAsText(h.content())).toContain('# Other · No ID');
    expect(scrollTop).toBe(0);
  });

  test('the depth control recomputes at once, is kept in the view state, and follows the setting until used', async () => {
    const h = await openChainView((file, depth) => ({ ...chainFor(file?.path), depth }));
    h.settings.chainDepth = 4;
    h.fireIndexChange();
    jest.runOnlyPendingTimers();
    expect(h.chainRequests.at(-1)).toBe('(none)@4');
    click(h.content().querySelector('[data-action="depth-up"]')!);
    expect(h.chainRequests.at(-1)).toBe('(none)@5');
    expect(h.view.getState()).toStrictEqual(expect.objectContaining({ depth: 5 }));
    expect(h.workspace.layoutSaveRequests).toBe(1);
    click(h.content().querySelector('[data-action="depth-down"]')!);
    click(h.content().querySelector('[data-action="depth-down"]')!);
    expect(h.chainRequests.at(-1)).toBe('(none)@3');
    expect(chainAsText(h.content())).toContain('Depth 3');
  });

  test('a restored view state sets the depth; bad stored depths are ignored', async () => {
    const h = await openChainView((file, depth) => ({ ...chainFor(file?.path), depth }));
    await h.view.setState({ depth: 7 }, { history: false });
    expect(h.chainRequests.at(-1)).toBe('(none)@7');
    await h.view.setState({ depth: 99 }, { history: false });
    await h.view.setState({ depth: 'x' }, { history: false });
    await h.view.setState(null, { history: false });
    await h.view.setState({ depth: 0 }, { history: false });
    await h.view.setState({ depth: 2.5 }, { history: false });
    expect(h.view.depth).toBe(7);
  });

  test('the pane menu copies the chain shown as an outline or as Mermaid, or says why it cannot', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    const menu = new Menu();
    h.view.onPaneMenu(menu as never, 'more-options');
    const item = (title: string): MenuItem => menu.items.find((i): i is MenuItem => i !== 'separator' && i.title === title)!;
    item('Copy chain as outline').click();
    await jest.runAllTimersAsync();
    expect(written).toStrictEqual([]);
    expect(h.notices.at(-1)).toBe('Open a note with an ID or references to copy its chain.');
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    item('Copy chain as outline').click();
    await jest.runAllTimersAsync();
    expect(written[0]).toMatch(/^- 202104291524 Execution is the priority of the team\n {2}- Builds on\n {4}- 202108191025 Teams exist for a reason\n/);
    expect(h.notices).toContain('Chain copied as outline.');
    item('Copy chain as Mermaid').click();
    await jest.runAllTimersAsync();
    expect(written[1]).toBe(`graph TD %% ${EXECUTION}\n`);
    expect(h.notices.at(-1)).toBe('Chain copied as Mermaid.');
  });

  test('the pane menu says so when the clipboard refuses the chain', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    const menu = new Menu();
    h.view.onPaneMenu(menu as never, 'more-options');
    menu.items.find((i): i is MenuItem => i !== 'separator' && i.title === 'Copy chain as outline')!.click();
    await jest.runAllTimersAsync();
    expect(h.notices.at(-1)).toBe('Could not copy to the clipboard.');
  });

  test('the pane menu\'s items have their icons; pin pins the view to the note, unpin follows again, and one opens another view', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    h.openFile(EXECUTION);
    jest.runOnlyPendingTimers();
    const paneMenu = (): MenuItem[] => {
      const menu = new Menu();
      h.view.onPaneMenu(menu as never, 'more-options');
      return menu.items.filter((i): i is MenuItem => i !== 'separator');
    };
    expect(paneMenu().map((item) => [item.title, item.icon])).toStrictEqual([
      ['Copy chain as outline', 'copy'],
      ['Copy chain as Mermaid', 'workflow'],
      ['Expand all', 'chevrons-up-down'],
      ['Collapse all', 'chevrons-down-up'],
      ['Pin to this note', 'pin'],
      ['Open another chain view', 'git-fork'],
    ]);
    paneMenu()[4].click();
    expect(h.view.pinnedPath).toBe(EXECUTION);
    const unpin = paneMenu()[4];
    expect([unpin.title, unpin.icon]).toStrictEqual(['Unpin: follow the open note', 'pin-off']);
    unpin.click();
    expect(h.view.pinnedPath).toBeNull();
    const chainLeaves = (): number => {
      let count = 0;
      h.workspace.iterateAllLeaves((leaf) => void (leaf.getViewState().type === CHAIN_VIEW_TYPE && count++));
      return count;
    };
    const before = chainLeaves();
    paneMenu()[5].click();
    await jest.runAllTimersAsync();
    expect(chainLeaves()).toBe(before + 1);
  });

  describe('keyboard', () => {
    async function focused(): Promise<Harness> {
      const h = await openChainView((file) => chainFor(file?.path));
      h.openFile(EXECUTION);
      jest.runOnlyPendingTimers();
      h.content().querySelector<HTMLElement>('[role="tree"] [tabindex="0"]')!.focus();
      return h;
    }
    const label = (): string | null => accessibleName(document.activeElement);

    test('arrows move through drawn entries and the tab stop follows', async () => {
      const h = await focused();
      expect(label()).toBe('Teams exist for a reason, ×2, 202108191025');
      key(document.activeElement!, 'ArrowDown');
      expect(label()).toBe('Execution is the priority of the team, Already in this chain, 202104291524');
      key(document.activeElement!, 'ArrowDown');
      key(document.activeElement!, 'ArrowDown');
      expect(label()).toBe('No note has this ID, unresolved, 202112311199');
      expect(h.content().querySelectorAll('[role="tree"]')[0].querySelectorAll('[tabindex="0"]')).toHaveLength(1);
      key(document.activeElement!, 'ArrowUp');
      expect(label()).toBe('Ownership is shared, +4 not loaded, 202109260705');
      key(document.activeElement!, 'End');
      expect(label()).toBe('Praise in public, 202203151000 Praise in public.md');
      key(document.activeElement!, 'Home');
      expect(label()).toBe('Teams exist for a reason, ×2, 202108191025');
    });

    /** Per tree, the labels of its entries that hold the tab stop; every other entry must be out of the tab order. */
    function tabStops(h: Harness): string[][] {
      return Array.from(h.content().querySelectorAll('[role="tree"]'), (tree) => {
        const items = Array.from(tree.querySelectorAll('[role="treeitem"]'));
        const others = items.filter((item) => item.getAttribute('tabindex') !== '0');
        expect(others.map((item) => item.getAttribute('tabindex'))).toStrictEqual(others.map(() => '-1'));
        return items.filter((item) => item.getAttribute('tabindex') === '0').map((item) => accessibleName(item) ?? '');
      });
    }

    test('each tree keeps one tab stop: it stays put when another entry opens or closes, and goes to the entry that closed over it', async () => {
      const h = await focused();
      key(document.activeElement!, 'ArrowDown');
      const child = 'Execution is the priority of the team, Already in this chain, 202104291524';
      const parent = 'Teams exist for a reason, ×2, 202108191025';
      expect(tabStops(h)).toStrictEqual([[child], ['Reading list']]);
      click(byLabel(h, 'Several notes have this ID').querySelector('[data-action="toggle"]')!);
      expect(byLabel(h, 'Several notes have this ID').getAttribute('aria-expanded')).toBe('false');
      expect(tabStops(h)).toStrictEqual([[child], ['Reading list']]);
      click(byLabel(h, parent).querySelector('[data-action="toggle"]')!);
      expect(byLabel(h, parent).getAttribute('aria-expanded')).toBe('false');
      expect(tabStops(h)).toStrictEqual([[parent], ['Reading list']]);
      click(byLabel(h, parent).querySelector('[data-action="toggle"]')!);
      expect(tabStops(h)).toStrictEqual([[parent], ['Reading list']]);
      // A stop inside an entry that is not the tree's first goes to that entry, not to the first.
      const ambiguous = 'Several notes have this ID, ambiguous: 2 notes, 202203151000';
      click(byLabel(h, ambiguous).querySelector('[data-action="toggle"]')!);
      byLabel(h, 'Praise in public').focus();
      expect(tabStops(h)).toStrictEqual([['Praise in public, 202203151000 Praise in public.md'], ['Reading list']]);
      // Focus is elsewhere (the filter box), so the entry closed is not focused either.
      h.content().querySelector<HTMLElement>('.pc-chain-filter-input')!.focus();
      click(byLabel(h, ambiguous).querySelector('[data-action="toggle"]')!);
      expect(tabStops(h)).toStrictEqual([[ambiguous], ['Reading list']]);
      // Drawn again as a whole, each tree keeps its own stop.
      h.citations['202108191025'] = 5;
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      expect(tabStops(h)).toStrictEqual([[ambiguous], ['Reading list']]);
    });

    test('left collapses then goes to the parent; right expands then enters', async () => {
      await focused();
      key(document.activeElement!, 'ArrowDown');
      key(document.activeElement!, 'ArrowLeft');
      expect(label()).toBe('Teams exist for a reason, ×2, 202108191025');
      key(document.activeElement!, 'ArrowLeft');
      expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
      expect(label()).toBe('Teams exist for a reason, ×2, 202108191025');
      key(document.activeElement!, 'ArrowDown');
      expect(label()).toBe('No note has this ID, unresolved, 202112311199');
      key(document.activeElement!, 'ArrowUp');
      key(document.activeElement!, 'ArrowRight');
      expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
      key(document.activeElement!, 'ArrowRight');
      expect(label()).toBe('Execution is the priority of the team, Already in this chain, 202104291524');
    });

    test.each<[string, KeyboardEventInit]>([
      ['Ctrl-Alt', { altKey: true, ctrlKey: true }],
      ['Ctrl', { ctrlKey: true }],
      ['Alt', { altKey: true }],
      ['Cmd', { metaKey: true }],
    ])('%s with an arrow is left to Obsidian\'s hotkeys', async (_name, modifiers) => {
      await focused();
      for (const keyName of ['ArrowLeft', 'ArrowDown']) {
        const evt = new KeyboardEvent('keydown', { key: keyName, ...modifiers, bubbles: true, cancelable: true });
        document.activeElement!.dispatchEvent(evt);
        expect(evt.defaultPrevented).toBe(false);
      }
      expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
      expect(label()).toBe('Teams exist for a reason, ×2, 202108191025');
    });

    test('a key the tree has no use for is left to the browser, and opens nothing', async () => {
      const h = await focused();
      const press = (keyName: string): boolean => {
        const evt = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true });
        document.activeElement!.dispatchEvent(evt);
        return evt.defaultPrevented;
      };
      // A letter; up from the first entry; right on a note entry and on a candidate that cannot
      // open; down past the last.
      const prevented = [press('x'), press('ArrowUp')];
      byLabel(h, 'Ownership is shared').focus();
      prevented.push(press('ArrowRight'));
      key(document.activeElement!, 'End');
      prevented.push(press('ArrowDown'), press('ArrowRight'));
      expect(prevented).toStrictEqual([false, false, false, false, false]);
      expect([label(), h.openIdCalls, h.workspace.openedLinks]).toStrictEqual(['Praise in public, 202203151000 Praise in public.md', [], []]);
    });

    test('Enter opens, with modifiers deciding the pane', async () => {
      const h = await focused();
      key(document.activeElement!, 'Enter');
      key(document.activeElement!, 'Enter', { ctrlKey: true });
      expect(h.openIdCalls).toStrictEqual([
        { id: '202108191025', sourcePath: EXECUTION, paneType: false },
        { id: '202108191025', sourcePath: EXECUTION, paneType: 'tab' },
      ]);
    });

    test('Enter and Space on a section header fold the section', async () => {
      const h = await focused();
      const header = h.content().querySelector<HTMLElement>('[data-action="toggle-section"][data-key="out"]')!;
      key(header, ' ');
      expect(chainAsText(h.content())).toContain('▸ Builds on (3)\n▾ Built on by');
      key(h.content().querySelector('[data-action="toggle-section"][data-key="out"]')!, 'Enter');
      expect(chainAsText(h.content())).toContain('▾ Builds on (3)\n  ▾ Teams');
    });

    test('a section header toggled from the keyboard keeps focus', async () => {
      const h = await focused();
      const header = (): HTMLElement => h.content().querySelector<HTMLElement>('[data-action="toggle-section"][data-key="out"]')!;
      header().focus();
      key(header(), ' ');
      expect(header().getAttribute('aria-expanded')).toBe('false');
      expect(document.activeElement).toBe(header());
      key(header(), 'Enter');
      expect(header().getAttribute('aria-expanded')).toBe('true');
      expect(document.activeElement).toBe(header());
    });

    test('a depth button pressed from the keyboard keeps focus, or hands it to the other one once it is disabled', async () => {
      const h = await focused();
      const button = (action: string): HTMLButtonElement => h.content().querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
      // Enter or Space on a focused button is a click on it (detail 0); the redraw must not move focus into the trees.
      button('depth-down').focus();
      click(button('depth-down'), { detail: 0 });
      expect([h.view.depth, document.activeElement]).toStrictEqual([2, button('depth-down')]);
      click(button('depth-down'), { detail: 0 });
      expect([h.view.depth, button('depth-down').disabled, document.activeElement]).toStrictEqual([1, true, button('depth-up')]);
      key(document.activeElement!, 'Enter');
      expect([h.openIdCalls, h.workspace.openedLinks]).toStrictEqual([[], []]);
    });

    test('in an empty state a depth button pressed from the keyboard keeps focus too', async () => {
      const h = await openChainView((file) => chainFor(file?.path));
      const up = (): HTMLButtonElement => h.content().querySelector<HTMLButtonElement>('[data-action="depth-up"]')!;
      up().focus();
      click(up(), { detail: 0 });
      expect([h.view.depth, document.activeElement]).toStrictEqual([4, up()]);
    });

    test('"-" (collapse all) leaves focus on the nearest entry still drawn above the focused one, in its own tree', async () => {
      const h = await focused();
      const ambiguous = 'Several notes have this ID, ambiguous: 2 notes, 202203151000';
      byLabel(h, 'Praise in public').focus();
      key(document.activeElement!, '-');
      expect(label()).toBe(ambiguous);
      const readers = chainOf([coreNode('202101010001', 'First')], [coreNode('202101010002', 'Reader', { children: [coreNode('202101010003', 'Reader of reader')] })]);
      h.chainFor = () => readers;
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      key(document.activeElement!, '*');
      byLabel(h, 'Reader of reader').focus();
      key(document.activeElement!, '-');
      expect(label()).toBe('Reader, 202101010002');
    });

    test('a redraw that drops the focused entry and its parents leaves focus in that entry\'s tree, or on its section\'s header', async () => {
      const h = await focused();
      const readers = (incoming: ReturnType<typeof coreNode>[]): ChainComputation => chainOf([coreNode('202101010001', 'First')], incoming);
      h.chainFor = () => readers([coreNode('202101010002', 'Reader'), coreNode('202101010004', 'Other reader')]);
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      byLabel(h, 'Other reader').focus();
      h.chainFor = () => readers([coreNode('202101010002', 'Reader')]);
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      expect(label()).toBe('Reader, 202101010002');
      // No entry left in that tree: its section header takes focus.
      h.chainFor = () => readers([]);
      h.fireIndexChange();
      jest.runOnlyPendingTimers();
      expect(document.activeElement).toBe(h.content().querySelector('[data-action="toggle-section"][data-key="in"]'));
    });

    test('other keys on a section header are left to the browser: Tab moves on, a letter does nothing', async () => {
      const h = await focused();
      const header = (): HTMLElement => h.content().querySelector<HTMLElement>('[data-action="toggle-section"][data-key="out"]')!;
      for (const keyName of ['Tab', 'x', 'ArrowDown']) {
        const evt = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true });
        header().dispatchEvent(evt);
        expect(evt.defaultPrevented).toBe(false);
      }
      expect(header().getAttribute('aria-expanded')).toBe('true');
    });
  });
});

test('opening or closing an entry redraws only its subtree and keeps one tab stop per tree', async () => {
  const h = await openChainView((file) => chainFor(file?.path));
  h.openFile(EXECUTION);
  jest.runOnlyPendingTimers();
  const tree = h.content().querySelector('[role="tree"]')!;
  const ambiguous = byLabel(h, 'Several notes have this ID');
  byLabel(h, 'Ownership is shared').focus();
  expect(byLabel(h, 'Ownership is shared').getAttribute('tabindex')).toBe('0');
  click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
  expect(byLabel(h, 'Several notes have this ID')).toBe(ambiguous);
  expect(byLabel(h, 'Teams exist').getAttribute('aria-expanded')).toBe('false');
  expect(tree.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  expect(byLabel(h, 'Teams exist').getAttribute('tabindex')).toBe('0');
  click(byLabel(h, 'Teams exist').querySelector('.pc-chain-toggle')!);
  expect(chainAsText(h.content())).toBe(chainAsText((() => {
    const fresh = document.createElement('div');
    renderChainInto(fresh, mixedModel(), createUiState());
    return fresh;
  })()));
  click(byLabel(h, 'Execution is the priority'));
  expect(h.openIdCalls).toStrictEqual([{ id: '202104291524', sourcePath: EXECUTION, paneType: false }]);
});

describe('expansion under the render budget', () => {
  const bigChild = (i: number) =>
    coreNode(`2021010100${String(i).padStart(2, '0')}`, `Big ${i}`, {
      children: Array.from({ length: 199 }, (_, j) => coreNode(`2022${String(i * 1000 + j).padStart(8, '0')}`, `Child ${i}.${j}`)),
    });
  const states = (h: Harness): string[] =>
    Array.from(h.content().querySelectorAll('[role="tree"] > [role="treeitem"]'), (el) => el.getAttribute('aria-expanded') ?? '-');

  test('closing one entry never opens others that the budget left closed', async () => {
    const h = await openChainView(() => chainOf([0, 1, 2, 3].map(bigChild)));
    expect(states(h)).toStrictEqual(['true', 'true', 'false', 'false']);
    click(byLabel(h, 'Big 0').querySelector('.pc-chain-toggle')!);
    expect(states(h)).toStrictEqual(['false', 'true', 'false', 'false']);
    click(byLabel(h, 'Big 3').querySelector('.pc-chain-toggle')!);
    expect(states(h)).toStrictEqual(['false', 'true', 'false', 'true']);
  });
});

describe('ChainView context lines read from note texts', () => {
  test('redraws when the texts of notes it shows arrive, and only then', async () => {
    let line: string | null = null;
    const entry = coreNode('202108191025', 'Teams exist');
    // A context line computed as it is read, as the index computes it from the note's text.
    const shown = Object.defineProperty({ ...entry }, 'context', { get: () => line, enumerable: true });
    const h = await openChainView((file) => (file?.path === EXECUTION ? chainOf([shown]) : chainFor(undefined)));
    h.openFile(EXECUTION);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(h.content().querySelector('.pc-chain-context')).toBeNull();

    line = 'See 202108191025 Teams exist for a reason.';
    h.fireTextsLoaded(['Unrelated.md']);
    expect(h.content().querySelector('.pc-chain-context')).toBeNull();
    h.fireTextsLoaded([EXECUTION]);
    expect(h.content().querySelector('.pc-chain-context')?.textContent).toBe(line);
    // The same chain drawn again, not computed again.
    expect(h.chainRequests.filter((r) => r.startsWith(EXECUTION))).toHaveLength(1);

    line = 'See 202108191025 again.';
    h.fireTextsLoaded([entry.path as string]);
    expect(h.content().querySelector('.pc-chain-context')?.textContent).toBe(line);
  });
});
