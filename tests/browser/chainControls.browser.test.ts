/**
 * The chain view's controls and layout in Chromium: the filter box, sort, pin and expand all as a
 * person uses them, and a tidy grid at a 240 px and a 400 px sidebar (no part of an entry overlaps
 * another, nothing is wider than the view, entries of one level line up).
 */
import type { Page } from 'playwright-core';
import { clickAt, describeInBrowser, elementBox, settle, START_NOTE, TIMEOUT, usePlaygroundPages } from './harness';

jest.setTimeout(TIMEOUT);

const AMBIGUOUS_NOTE = '202211141100 Celebrate finished work.md';
const chain = (p: Page): Promise<string> => p.evaluate(() => window.__playground.chainText(false));

/** Every overlap between parts of one entry's row, and everything sticking out of the view. */
async function layoutProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const view = document.querySelector<HTMLElement>('.pg-sidebar .view-content')!;
    const bounds = view.getBoundingClientRect();
    if (view.scrollWidth > view.clientWidth) problems.push(`the view scrolls sideways: ${view.scrollWidth} > ${view.clientWidth}`);
    for (const el of Array.from(view.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > bounds.right + 0.5) problems.push(`${el.className || el.tagName} ends at ${box.right}, past the view's ${bounds.right}`);
    }
    const rects = (el: Element): DOMRect[] => Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const row of Array.from(view.querySelectorAll('.pc-chain-row'))) {
      const parts = Array.from(row.querySelectorAll(':scope > .pc-chain-toggle, :scope > .pc-chain-id, .pc-chain-title, .pc-chain-flag, .pc-chain-path')).filter((el) => rects(el).length > 0);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          if (rects(parts[i]).some((a) => rects(parts[j]).some((b) => overlap(a, b)))) {
            problems.push(`"${parts[i].textContent}" overlaps "${parts[j].textContent}"`);
          }
        }
      }
      // Title and ID start on the toggle's line: nothing drops out of line.
      const toggle = row.querySelector(':scope > .pc-chain-toggle')!.getBoundingClientRect();
      for (const part of Array.from(row.querySelectorAll(':scope > .pc-chain-id, .pc-chain-title'))) {
        const first = rects(part)[0];
        if (first !== undefined && Math.abs(first.top - toggle.top) > 4) problems.push(`"${part.textContent}" starts below its toggle`);
      }
    }
    // Entries of one level (candidates of an ambiguous ID included) start at the same x.
    const starts = new Map<string, Set<number>>();
    for (const item of Array.from(view.querySelectorAll('[role="treeitem"].pc-chain-item'))) {
      const key = `${item.closest('[role="tree"]')?.getAttribute('aria-labelledby')} ${item.getAttribute('aria-level')}`;
      const title = item.querySelector(':scope > .pc-chain-row .pc-chain-title')!.getBoundingClientRect();
      starts.set(key, (starts.get(key) ?? new Set()).add(Math.round(title.left)));
    }
    for (const [level, xs] of starts) if (xs.size > 1) problems.push(`titles at ${level} start at ${[...xs].join(', ')}`);
    return problems;
  });
}

describeInBrowser('chain view controls', () => {
  const openPage = usePlaygroundPages();

  test.each([240, 400])('at a %i px sidebar, entries are a tidy grid', async (width) => {
    const { page: p } = await openPage(AMBIGUOUS_NOTE);
    await p.evaluate((w) => window.__playground.setSidebarWidth(w), width);
    for (const note of [AMBIGUOUS_NOTE, START_NOTE, '202301020900 Team leadership map.md']) {
      await p.evaluate((n) => window.__playground.open(n), note);
      await settle(p);
      expect({ note, problems: await layoutProblems(p) }).toStrictEqual({ note, problems: [] });
    }
    const idShown = await p.$eval('.pg-sidebar .pc-chain-item .pc-chain-id', (el) => getComputedStyle(el).display !== 'none');
    // A 240 px sidebar has no room for an ID column; the header still names the note's ID.
    expect(idShown).toBe(width >= 400);
    expect(await p.$eval('.pg-sidebar .pc-chain-path', (el) => getComputedStyle(el).fontFamily)).toBe(await p.$eval('.pg-sidebar .pc-chain-title', (el) => getComputedStyle(el).fontFamily));
  });

  test('the filter box narrows the trees, keeps the path to a match, and Esc clears it', async () => {
    const { page: p } = await openPage();
    const before = await chain(p);
    await p.fill('.pg-sidebar .pc-chain-filter-input', 'decision LOG');
    await p.waitForSelector('.pg-sidebar .pc-chain.is-filtered');
    const lines = (await p.evaluate(() => window.__playground.chainText(true))).split('\n');
    const matches = lines.filter((line) => line.endsWith(' *'));
    expect(matches.length).toBeGreaterThan(2);
    // Each match names both words in its title or in the sentence under it; entries between are the path to one.
    for (const match of matches) {
      const context = lines[lines.indexOf(match) + 1] ?? '';
      expect(`${match} ${context.trim().startsWith('>') ? context : ''}`.toLowerCase()).toMatch(/decision.*log|log.*decision/);
    }
    const entries = lines.filter((line) => /^ +[•▾▸] /.test(line));
    expect(entries.filter((line) => !line.endsWith(' *')).every((line) => line.trimStart().startsWith('▾'))).toBe(true);
    expect(await chain(p)).not.toContain('Team leadership map');
    await p.focus('.pg-sidebar .pc-chain-filter-input');
    await p.keyboard.press('Escape');
    await p.waitForFunction((text) => window.__playground.chainText(false) === text, before);
    expect(await p.inputValue('.pg-sidebar .pc-chain-filter-input')).toBe('');
  });

  test('sorting by title reorders each level', async () => {
    const { page: p } = await openPage('202301020900 Team leadership map.md');
    const topTitles = (): Promise<string[]> => p.$$eval('.pg-sidebar .mod-out [role="tree"] > .pc-chain-item > .pc-chain-row .pc-chain-title', (els) => els.map((el) => el.textContent ?? ''));
    const reference = await topTitles();
    await clickAt(p, await elementBox(p, '.pg-sidebar [data-tool="sort"]'));
    await p.click('.menu .menu-item:has-text("Title")');
    await p.waitForFunction(() => document.querySelector('.pg-sidebar [data-tool="sort"]')?.getAttribute('aria-label') === 'Sort: Title');
    const sorted = await topTitles();
    expect(sorted).toStrictEqual([...reference].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(sorted).not.toEqual(reference);
  });

  test('a pinned view keeps its note while others open; unpinned it follows again', async () => {
    const { page: p } = await openPage();
    await clickAt(p, await elementBox(p, '.pg-sidebar [data-tool="pin"]'));
    await p.evaluate(() => window.__playground.open('202209051500 Delegate the problem, not the task.md'));
    await settle(p);
    expect(await p.textContent('.pg-sidebar .pc-chain-note-title')).toBe('Clarity is a gift to the team');
    await clickAt(p, await elementBox(p, '.pg-sidebar [data-tool="pin"]'));
    await settle(p);
    expect(await p.textContent('.pg-sidebar .pc-chain-note-title')).toBe('Delegate the problem, not the task');
  });

  test('collapse all, then expand all, from the toolbar', async () => {
    const { page: p } = await openPage();
    const opened = (): Promise<string[]> => p.$$eval('.pg-sidebar [role="treeitem"][aria-expanded]', (els) => els.map((el) => el.getAttribute('aria-expanded') ?? ''));
    await clickAt(p, await elementBox(p, '.pg-sidebar [data-tool="collapse-all"]'));
    expect(new Set(await opened())).toStrictEqual(new Set(['false']));
    await clickAt(p, await elementBox(p, '.pg-sidebar [data-tool="expand-all"]'));
    expect(new Set(await opened())).toStrictEqual(new Set(['true']));
    expect((await opened()).length).toBeGreaterThan(5);
  });
});
