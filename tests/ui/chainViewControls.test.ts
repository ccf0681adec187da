/** @jest-environment jsdom */
/** The chain view's controls end to end on the fake: filter, sort, hiding, expand/collapse all, pin, counts, progress, menus. */
import type * as obsidian from 'obsidian';
import { createFakeApp, Menu, MenuItem, Platform } from '../mocks/obsidian';
import { ChainView, FILTER_DELAY_MS, REFRESH_DELAY_MS } from '../../src/ui/chainView';
import type { ChainViewDeps } from '../../src/ui/chain/deps';
import { EXPAND_ALL_BUDGET } from '../../src/ui/chain/expansion';
import type { ChainComputation } from '../../src/ui/chain/deps';
import { accessibleName, chainAsText } from './chainText';
import { coreChain, coreNode, EXECUTION, mixedChain, openChainView, type Harness } from './chainViewHarness';

const OTHER = '202301010000 Other.md';

function chainFor(path: string | undefined): ChainComputation {
  if (path === EXECUTION) return mixedChain();
  if (path === OTHER) return coreChain(OTHER, '202301010000', 'Other', [coreNode('202302020000', 'Elsewhere')]);
  return { kind: 'empty', reason: 'no-note' };
}

async function withChain(options: { isMobile?: boolean } = {}): Promise<Harness> {
  const h = await openChainView((file) => chainFor(file?.path), options);
  h.openFile(EXECUTION);
  jest.advanceTimersByTime(REFRESH_DELAY_MS);
  return h;
}

const tool = (h: Harness, name: string): HTMLElement => h.content().querySelector<HTMLElement>(`[data-tool="${name}"]`)!;
const filterBox = (h: Harness): HTMLInputElement => h.content().querySelector<HTMLInputElement>('.pc-chain-filter-input')!;
const titles = (h: Harness): string[] => Array.from(h.content().querySelectorAll('[role="tree"] .pc-chain-title'), (el) => el.textContent ?? '');

function type(h: Harness, text: string): void {
  const input = filterBox(h);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(el: Element, name: string): KeyboardEvent {
  const evt = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
  el.dispatchEvent(evt);
  return evt;
}

function paneMenu(h: Harness): (title: string) => MenuItem {
  const menu = new Menu();
  h.view.onPaneMenu(menu as never, 'more-options');
  return (title) => {
    const found = menu.items.find((i): i is MenuItem => i !== 'separator' && i.title === title);
    if (!found) throw new Error(`no menu item ${title}`);
    return found;
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  document.body.empty();
  Platform.isDesktopApp = true;
});

describe('filter box', () => {
  test('narrows both trees after a pause in typing of 120 ms, keeps the path to each match, and is saved', async () => {
    const h = await withChain();
    type(h, 'OWNERSHIP');
    jest.advanceTimersByTime(119);
    expect(titles(h)).toContain('Reading list');
    jest.advanceTimersByTime(1);
    expect(chainAsText(h.content(), false)).toBe(
      ['# Execution is the priority of the team · 202104291524', 'Depth 3', '▾ Builds on (1)', '  ▾ Teams exist for a reason · 202108191025 [×2]', '    • Ownership is shared · 202109260705 [+4 not loaded] *', '▾ Built on by (0)', '  No entry here matches the filter.', ''].join('\n'),
    );
    expect(h.view.getState()).toStrictEqual(expect.objectContaining({ filter: 'OWNERSHIP' }));
    expect(h.workspace.layoutSaveRequests).toBe(1);
  });

  test('keeps focus while the trees are drawn again below it; an entry that had focus gets it back after a redraw', async () => {
    const h = await withChain();
    filterBox(h).focus();
    type(h, 'team');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).not.toContain('Reading list');
    expect(document.activeElement).toBe(filterBox(h));
    key(filterBox(h), 'Escape');
    expect(document.activeElement).toBe(filterBox(h));
    const entry = h.content().querySelector<HTMLElement>('[role="tree"] [tabindex="0"]')!;
    entry.focus();
    h.citations['202108191025'] = 7;
    h.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(document.activeElement).not.toBe(entry);
    expect(accessibleName(document.activeElement)).toBe('Teams exist for a reason, ×2, cited by 7, 202108191025');
  });

  test('matches context lines, without accents or case', async () => {
    const h = await withChain();
    type(h, 'brokén');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).toStrictEqual(['No note has this ID']);
  });

  test('Esc clears it at once and the trees come back as they were before filtering', async () => {
    const h = await withChain();
    h.content().querySelector<HTMLElement>('.pc-chain-item .pc-chain-toggle')!.click();
    const before = chainAsText(h.content());
    type(h, 'reading');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).toStrictEqual(['Reading list']);
    const evt = key(filterBox(h), 'Escape');
    expect(evt.defaultPrevented).toBe(true);
    expect(filterBox(h).value).toBe('');
    expect(chainAsText(h.content())).toBe(before);
    expect(key(filterBox(h), 'Escape').defaultPrevented).toBe(false);
  });

  test('its clear button empties it at once, brings the trees back and leaves the caret in the box', async () => {
    const h = await withChain();
    const before = titles(h);
    type(h, 'reading');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).toStrictEqual(['Reading list']);
    // Only the incoming tree matches: no "nothing matches" message.
    expect(h.content().querySelector('.pc-chain-empty')).toBeNull();
    const clear = h.content().querySelector<HTMLElement>('.search-input-clear-button')!;
    expect(clear.classList.contains('pc-chain-hidden-tool')).toBe(false);
    clear.click();
    expect(filterBox(h).value).toBe('');
    expect(titles(h)).toStrictEqual(before);
    expect(document.activeElement).toBe(filterBox(h));
    expect(clear.classList.contains('pc-chain-hidden-tool')).toBe(true);
  });

  test('its clear button drops a filter still waiting for a pause in typing', async () => {
    const h = await withChain();
    const before = titles(h);
    type(h, 'reading');
    h.content().querySelector<HTMLElement>('.search-input-clear-button')!.click();
    expect(filterBox(h).value).toBe('');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).toStrictEqual(before);
    expect(h.view.getState()).not.toHaveProperty('filter');
  });

  test('Esc pressed before the typed filter applies empties the box, and the trees stay unfiltered', async () => {
    const h = await withChain();
    const before = titles(h);
    type(h, 'reading');
    expect(key(filterBox(h), 'Escape').defaultPrevented).toBe(true);
    expect(filterBox(h).value).toBe('');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect([filterBox(h).value, titles(h)]).toStrictEqual(['', before]);
    expect(h.view.getState()).not.toHaveProperty('filter');
  });

  test('with the incoming section off, a filter nothing matches says so', async () => {
    const h = await withChain();
    h.settings.showIncoming = false;
    h.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    type(h, 'zzz');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(h.content().querySelector('.pc-chain-empty')?.textContent).toBe('No entry matches “zzz”. Press Esc in the filter box to clear it.');
  });

  test('keys typed into it other than Esc leave it as it is', async () => {
    const h = await withChain();
    type(h, 'team');
    for (const name of ['a', 'Enter', 'Backspace', 'ArrowLeft']) expect(key(filterBox(h), name).defaultPrevented).toBe(false);
    expect(filterBox(h).value).toBe('team');
    jest.advanceTimersByTime(FILTER_DELAY_MS);
    expect(titles(h)).not.toContain('Reading list');
  });

  test('a restored filter is shown in the box and applied', async () => {
    const h = await withChain();
    await h.view.setState({ filter: 'teams' }, { history: false });
    expect(filterBox(h).value).toBe('teams');
    expect(titles(h)).toStrictEqual(['Teams exist for a reason']);
  });
});

describe('sort', () => {
  test('the sort button offers every order as a checked menu; the choice sorts each level and is saved', async () => {
    const h = await withChain();
    h.modified = { '202108191025 Teams exist for a reason.md': 1, '202109260705 Ownership is shared.md': 9 };
    tool(h, 'sort').click();
    const items = h.menus[0].items.filter((i): i is MenuItem => i !== 'separator');
    expect(items.map((i) => [i.title, i.checked])).toStrictEqual([['Reference order', true], ['Title', false], ['ID (creation time)', false], ['Modified time', false]]);
    items[1].click();
    expect(titles(h).slice(0, 5)).toStrictEqual(['No note has this ID', 'Several notes have this ID', 'Feedback is a habit', 'Praise in public', 'Teams exist for a reason']);
    expect(tool(h, 'sort').getAttribute('aria-label')).toBe('Sort: Title');
    expect(h.view.getState()).toStrictEqual(expect.objectContaining({ sort: 'title' }));
    // Saved in the layout; opening and closing an entry is not.
    expect(h.workspace.layoutSaveRequests).toBe(1);
    const open = (): number => h.content().querySelectorAll('[role="treeitem"][aria-expanded="true"]').length;
    const before = open();
    h.content().querySelector<HTMLElement>('[role="treeitem"][aria-expanded="true"] [data-action="toggle"]')!.click();
    expect(open()).toBe(before - 1);
    expect(h.workspace.layoutSaveRequests).toBe(1);
    tool(h, 'sort').click();
    h.menus[1].items.filter((i): i is MenuItem => i !== 'separator')[3].click();
    expect(titles(h).slice(0, 3)).toStrictEqual(['Teams exist for a reason', 'Ownership is shared', 'Execution is the priority of the team']);
  });
});

describe('hide excluded', () => {
  test('the toggle shows only when something is excluded, hides those notes by default, and shows them again', async () => {
    const h = await withChain();
    expect(tool(h, 'hide-excluded').classList.contains('pc-chain-hidden-tool')).toBe(true);
    h.excluded.add('Reading list.md');
    h.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(tool(h, 'hide-excluded').classList.contains('pc-chain-hidden-tool')).toBe(false);
    expect(titles(h)).not.toContain('Reading list');
    expect(chainAsText(h.content())).toContain('  (1 hidden: in an excluded folder or with an excluded tag)');
    tool(h, 'hide-excluded').click();
    expect(titles(h)).toContain('Reading list');
    expect(tool(h, 'hide-excluded').getAttribute('aria-pressed')).toBe('false');
    expect(h.view.getState()).toStrictEqual(expect.objectContaining({ hideExcluded: false }));
  });
});

describe('a tag-only edit', () => {
  test('hides or shows again a note of the chain at once, with no index change; a note outside the chain draws nothing', async () => {
    const h = await withChain();
    h.excluded.add(OTHER);
    h.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(titles(h)).toContain('Reading list');
    const requests = h.chainRequests.length;
    // The note gains an excluded tag: the metadata cache tells, the index does not.
    h.excluded.add('Reading list.md');
    h.fireTagsChanged('Reading list.md');
    expect(titles(h)).not.toContain('Reading list');
    h.excluded.delete('Reading list.md');
    h.fireTagsChanged('Reading list.md');
    expect(titles(h)).toContain('Reading list');
    // Shaped again from the chain computed before: nothing is asked of the index.
    expect(h.chainRequests.length).toBe(requests);
    const drawn = h.content().querySelector('[role="tree"]');
    h.excluded.add('Elsewhere.md');
    h.fireTagsChanged('Elsewhere.md');
    expect(h.content().querySelector('[role="tree"]')).toBe(drawn);
    h.view.unload();
    expect(h.tagListenerCount()).toBe(0);
  });
});

describe('expand all and collapse all', () => {
  const expandedStates = (h: Harness): (string | null)[] => Array.from(h.content().querySelectorAll('[aria-expanded]'), (el) => el.getAttribute('aria-expanded'));

  test('from the toolbar, the pane menu and the keyboard', async () => {
    const h = await withChain();
    tool(h, 'collapse-all').click();
    expect(expandedStates(h)).toStrictEqual(['true', 'false', 'false', 'true']);
    tool(h, 'expand-all').click();
    expect(expandedStates(h)).toStrictEqual(['true', 'true', 'true', 'true']);
    // Everything fits: no entry stays closed, so nothing says so.
    expect(h.content().querySelector('.pc-chain-capped')).toBeNull();
    paneMenu(h)('Collapse all').click();
    expect(expandedStates(h)).toStrictEqual(['true', 'false', 'false', 'true']);
    paneMenu(h)('Expand all').click();
    expect(expandedStates(h)).toStrictEqual(['true', 'true', 'true', 'true']);
    const first = h.content().querySelector<HTMLElement>('[role="tree"] [tabindex="0"]')!;
    first.focus();
    key(first, '-');
    expect(expandedStates(h)).toStrictEqual(['true', 'false', 'false', 'true']);
    key(document.activeElement!, '*');
    expect(expandedStates(h)).toStrictEqual(['true', 'true', 'true', 'true']);
  });

  test('expand all opens past the usual budget but not past its own, and says so', async () => {
    const wide = Array.from({ length: 12 }, (_, i) =>
      coreNode(`2021010100${String(i).padStart(2, '0')}`, `Big ${i}`, {
        children: Array.from({ length: 199 }, (_, j) => coreNode(`2022${String(i * 1000 + j).padStart(8, '0')}`, `Child ${i}.${j}`)),
      }),
    );
    const h = await openChainView(() => coreChain(EXECUTION, '202104291524', 'Execution', wide));
    tool(h, 'expand-all').click();
    const open = Array.from(h.content().querySelectorAll('[role="tree"] > [aria-expanded="true"]')).length;
    expect(open).toBe(Math.floor((EXPAND_ALL_BUDGET - 12) / 199));
    expect(chainAsText(h.content())).toContain(`${12 - open} entries stay closed to keep the view responsive; open them one by one.`);
  });
});

describe('pin', () => {
  test('locks the view to its note while another note opens, shows it in the tab title, and is saved', async () => {
    const h = await withChain();
    tool(h, 'pin').click();
    expect(tool(h, 'pin').getAttribute('aria-pressed')).toBe('true');
    expect(h.view.getState()).toStrictEqual(expect.objectContaining({ pinned: EXECUTION }));
    expect(h.view.getDisplayText()).toBe('Principle chain: Execution is the priority of the team');
    h.openFile(OTHER);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(chainAsText(h.content())).toContain('# Execution is the priority of the team');
    tool(h, 'pin').click();
    expect(chainAsText(h.content())).toContain('# Other');
    expect(h.view.getDisplayText()).toBe('Principle chain');
    expect(h.view.getState()).not.toHaveProperty('pinned');
  });

  test('a pinned view restored but not yet opened names its note by path in the tab title', async () => {
    // Obsidian restores a view's state and asks for its title before a deferred view is opened (d.ts View.getDisplayText, WorkspaceLeaf.isDeferred).
    const leaf = createFakeApp().app.workspace.getLeaf(true);
    const view = new ChainView(leaf as unknown as obsidian.WorkspaceLeaf, {} as ChainViewDeps);
    await view.setState({ pinned: EXECUTION }, { history: false });
    expect(view.getDisplayText()).toBe(`Principle chain: ${EXECUTION}`);
  });

  test('a view pinned to a note in a dotted folder asks for its chain as a Markdown file', async () => {
    const h = await withChain();
    const asked: (string | undefined)[] = [];
    h.chainFor = (file) => {
      asked.push(file?.extension);
      return chainFor(file?.path);
    };
    await h.app.vault.create('v1.2/202104291524 Execution.md', '');
    await h.view.setState({ pinned: 'v1.2/202104291524 Execution.md' }, { history: false });
    expect(asked).toStrictEqual(['md']);
  });

  describe('to a note no longer in the vault (renamed while Obsidian was closed, or while the view was deferred)', () => {
    const GONE = 'zet/202104291524 Old title.md';
    const gone = (h: Harness): string[] => [
      ...Array.from(h.content().querySelectorAll('.pc-chain-empty'), (el) => el.textContent ?? ''),
      ...Array.from(h.content().querySelectorAll('[data-action="unpin"]'), (el) => `[${el.textContent ?? ''}]`),
    ];

    test('says so, names it and offers to unpin, rather than blaming the index', async () => {
      const h = await withChain();
      h.chainFor = (file) => (file?.path === GONE ? { kind: 'empty', reason: 'not-indexed' } : chainFor(file?.path));
      await h.view.setState({ pinned: GONE }, { history: false });
      expect(gone(h)).toStrictEqual([
        'This view is pinned to a note that is no longer in the vault: it was renamed, moved or deleted while the view could not follow it.',
        GONE,
        '[Unpin and follow the open note]',
      ]);
      expect(h.view.pinnedPath).toBe(GONE);
      h.content().querySelector<HTMLElement>('[data-action="unpin"]')!.click();
      expect(h.view.pinnedPath).toBeNull();
      expect(h.view.getState()).not.toHaveProperty('pinned');
      expect(chainAsText(h.content())).toContain('# Execution is the priority of the team');
    });

    test('is told only once the layout is ready (the vault lists its files by then), and a note back at that path shows again', async () => {
      const h = await withChain();
      h.workspace.layoutReady = false;
      h.chainFor = (file) => (file?.path === GONE ? { kind: 'empty', reason: 'not-indexed' } : chainFor(file?.path));
      await h.view.setState({ pinned: GONE }, { history: false });
      expect(gone(h)).toStrictEqual(['This note is not in the ID index yet: its folder is excluded in the settings, or indexing is still running.']);
      h.workspace.setLayoutReady();
      h.fireIndexChange();
      jest.advanceTimersByTime(REFRESH_DELAY_MS);
      expect(gone(h)).toHaveLength(3);
      await h.app.vault.create(GONE, '');
      h.chainFor = (file) => (file?.path === GONE ? chainFor(OTHER) : chainFor(file?.path));
      h.fireIndexChange();
      jest.advanceTimersByTime(REFRESH_DELAY_MS);
      expect(gone(h)).toStrictEqual([]);
      expect(chainAsText(h.content())).toContain('# Other');
    });
  });

  test('copying from a view that has not opened yet says there is no chain', async () => {
    const { app, notices } = createFakeApp();
    const view = new ChainView(app.workspace.getLeaf(true) as unknown as obsidian.WorkspaceLeaf, {} as ChainViewDeps);
    await view.copy('outline');
    expect(notices).toStrictEqual(['Open a note with an ID or references to copy its chain.']);
  });

  test('pinning with no note open pins nothing', async () => {
    const h = await openChainView((file) => chainFor(file?.path));
    paneMenu(h)('Pin to this note').click();
    expect(h.view.pinnedPath).toBeNull();
    expect(h.view.getState()).not.toHaveProperty('pinned');
  });

  test('the pin and sort buttons show when they are on, in their class, pressed state and name', async () => {
    const h = await withChain();
    const state = (el: HTMLElement): [boolean, string | null, string | null] => [el.classList.contains('is-active'), el.getAttribute('aria-pressed'), el.getAttribute('aria-label')];
    expect(state(tool(h, 'pin'))).toStrictEqual([false, 'false', 'Pin to this note']);
    expect(state(tool(h, 'sort'))).toStrictEqual([false, null, 'Sort: Reference order']);
    tool(h, 'pin').click();
    expect(state(tool(h, 'pin'))).toStrictEqual([true, 'true', 'Unpin: follow the open note']);
    tool(h, 'sort').click();
    (h.menus.at(-1)!.items as MenuItem[]).find((item) => item.title === 'Title')!.click();
    expect(state(tool(h, 'sort'))).toStrictEqual([true, null, 'Sort: Title']);
  });

  test('a restored pin shows that note; a rename moves the pin; a delete unpins', async () => {
    const h = await withChain();
    const file = await h.app.vault.create(OTHER, '');
    const unrelated = await h.app.vault.create('Elsewhere.md', '');
    await h.view.setState({ pinned: OTHER }, { history: false });
    expect(chainAsText(h.content())).toContain('# Other');
    const saves = h.workspace.layoutSaveRequests;
    // Another note renamed or deleted leaves the pin alone.
    await h.app.vault.rename(unrelated, 'Elsewhere again.md');
    await h.app.vault.delete(unrelated);
    expect(h.view.pinnedPath).toBe(OTHER);
    expect(h.workspace.layoutSaveRequests).toBe(saves);
    // The moved pin is saved with the workspace (README: the pin is kept with it), as the unpinning is.
    await h.app.vault.rename(file, '202301010000 Renamed.md');
    expect(h.view.pinnedPath).toBe('202301010000 Renamed.md');
    expect(h.workspace.layoutSaveRequests).toBe(saves + 1);
    await h.app.vault.delete(file);
    expect(h.view.pinnedPath).toBeNull();
    expect(h.workspace.layoutSaveRequests).toBe(saves + 2);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(chainAsText(h.content())).toContain('# Execution is the priority of the team');
  });

  test('a pin inside a folder follows the folder\'s rename and goes with its delete', async () => {
    const h = await withChain();
    const pinned = 'zet/202109260705/README.md';
    await h.app.vault.create(pinned, '');
    await h.app.vault.create('note/x.md', '');
    await h.view.setState({ pinned }, { history: false });
    await h.app.vault.rename(h.app.vault.getAbstractFileByPath('zet')!, 'notes');
    expect(h.view.pinnedPath).toBe('notes/202109260705/README.md');
    // A folder whose name only starts the same leaves the pin alone.
    await h.app.vault.delete(h.app.vault.getAbstractFileByPath('note')!);
    expect(h.view.pinnedPath).toBe('notes/202109260705/README.md');
    await h.app.vault.delete(h.app.vault.getAbstractFileByPath('notes/202109260705')!);
    expect(h.view.pinnedPath).toBeNull();
  });

  test('two views side by side: one pinned, one following', async () => {
    const pinned = await withChain();
    tool(pinned, 'pin').click();
    const following = await openChainView((file) => chainFor(file?.path));
    following.openFile(OTHER);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(chainAsText(following.content())).toContain('# Other');
    pinned.openFile(OTHER);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(chainAsText(pinned.content())).toContain('# Execution');
    const ids = Array.from(document.querySelectorAll('[id]'), (el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('counts', () => {
  test('citations are drawn for drawn entries and a changed count redraws on the next index change', async () => {
    const h = await withChain();
    h.citations['202108191025'] = 3;
    h.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(chainAsText(h.content())).toContain('Teams exist for a reason · 202108191025 [×2] [cited by 3]');
  });
});

describe('right-click', () => {
  test('offers to open the note in a new tab, to the right or in a new window before Obsidian\'s own file items', async () => {
    const h = await withChain();
    await h.app.vault.create('202108191025 Teams exist for a reason.md', '');
    h.content().querySelector('.pc-chain-item')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    const items = h.menus[0].items.filter((i): i is MenuItem => i !== 'separator');
    expect(items.map((i) => [i.section, i.title])).toStrictEqual([['open', 'Open in new tab'], ['open', 'Open to the right'], ['open', 'Open in new window']]);
    items[1].click();
    expect(h.workspace.openedLinks.at(-1)).toStrictEqual({ linktext: '202108191025 Teams exist for a reason.md', sourcePath: EXECUTION, newLeaf: 'split' });
    Platform.isDesktopApp = false;
    h.content().querySelector('.pc-chain-item')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    expect(h.menus[1].items.filter((i): i is MenuItem => i !== 'separator').map((i) => i.title)).not.toContain('Open in new window');
  });
});

describe('indexing progress on mobile', () => {
  test('mobile shows it in the view header and follows it until indexing ends; desktop leaves it to the status bar', async () => {
    const mobile = await withChain({ isMobile: true });
    const progress = (h: Harness): string => h.content().querySelector('.pc-chain-progress')?.textContent ?? '';
    mobile.progress = { done: 1200, total: 5000 };
    mobile.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(progress(mobile)).toBe('Indexing IDs 1,200 / 5,000');
    const shown = (h: Harness): boolean => !h.content().querySelector('.pc-chain-progress')!.classList.contains('pc-chain-hidden-tool');
    expect(shown(mobile)).toBe(true);
    // Looked at again every half second.
    mobile.progress = { done: 4000, total: 5000 };
    jest.advanceTimersByTime(499);
    expect(progress(mobile)).toBe('Indexing IDs 1,200 / 5,000');
    jest.advanceTimersByTime(1);
    expect(progress(mobile)).toBe('Indexing IDs 4,000 / 5,000');
    mobile.progress = null;
    jest.advanceTimersByTime(500);
    expect(progress(mobile)).toBe('');
    expect(shown(mobile)).toBe(false);
    expect(jest.getTimerCount()).toBe(0);

    const desktop = await withChain();
    desktop.progress = { done: 1, total: 2 };
    desktop.fireIndexChange();
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(progress(desktop)).toBe('');
  });
});

describe('accessibility', () => {
  test('toolbar buttons without words are named; entries are named by what they show', async () => {
    const h = await withChain();
    const names = Array.from(h.content().querySelectorAll('.pc-chain-toolbar button'), (el) => el.getAttribute('aria-label'));
    expect(names).toStrictEqual(['Pin to this note', 'Sort: Reference order', 'Expand all', 'Collapse all', 'Hide excluded folders and tags']);
    expect(accessibleName(h.content().querySelector('[role="tree"]'))).toBe('Builds on');
    expect(Array.from(h.content().querySelectorAll('[role="treeitem"][aria-label]'))).toStrictEqual([]);
  });
});
