/**
 * The chain view of a hub note in Chromium: entries out of sight skip layout (styles.css,
 * content-visibility) and are laid out at an estimated height, yet a redraw of the same note (here,
 * after a cited note above is renamed) keeps the entry the reader was at in place.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser, settle, TIMEOUT, usePlaygroundPages, waitForFile } from './harness';

jest.setTimeout(TIMEOUT);

const HUB = '202401010000 Hub of principles.md';
const CITED = 220;

/** The hub cites CITED notes, one per line; their titles are of many lengths, so rows wrap unevenly. */
async function createHub(page: Page): Promise<void> {
  await page.evaluate(
    async ({ hub, cited }) => {
      const lines: string[] = [];
      for (let i = 0; i < cited; i++) {
        const id = String(202301010000 + i);
        const title = `Principle ${i}${' that keeps going'.repeat(i % 7)}`;
        await window.__playground.createNote(`${id} ${title}.md`, `# ${title}\n\nA note of the hub.\n`);
        lines.push(`- This one builds on ${id}${' and on what came before it'.repeat(i % 4)}.`);
      }
      await window.__playground.createNote(hub, `# Hub of principles\n\n${lines.join('\n')}\n`);
    },
    { hub: HUB, cited: CITED },
  );
  await settle(page);
}

/** Two frames, so the entries that came into sight are drawn and measured. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The chain view's scrolling element, and the entry row at its top: its title and how far below the top it starts. */
async function topRow(page: Page): Promise<{ title: string; offset: number; scroller: string }> {
  return page.evaluate(() => {
    const chain = document.querySelector('.pg-sidebar .pc-chain') as HTMLElement;
    let scroller = chain.parentElement;
    while (scroller !== null && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    if (scroller === null) throw new Error('the chain view does not scroll');
    const top = scroller.getBoundingClientRect().top;
    const rows = [...chain.querySelectorAll('.pc-chain-row')].map((row) => ({ row, box: row.getBoundingClientRect() })).filter(({ box }) => box.bottom > top);
    rows.sort((a, b) => a.box.top - b.box.top);
    const first = rows[0];
    return { title: first.row.querySelector('.pc-chain-title')?.textContent ?? '', offset: first.box.top - top, scroller: scroller.className };
  });
}

/** Scrolls the chain view so the nth row starts `offset` pixels below the top. */
async function scrollToRow(page: Page, n: number, offset: number): Promise<void> {
  await page.evaluate(
    ({ n: at, offset: below }) => {
      const chain = document.querySelector('.pg-sidebar .pc-chain') as HTMLElement;
      let scroller = chain.parentElement;
      while (scroller !== null && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      if (scroller === null) throw new Error('the chain view does not scroll');
      const row = chain.querySelectorAll('.pc-chain-row')[at];
      scroller.scrollTop += row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - below;
    },
    { n, offset },
  );
}

/**
 * Which element scrolls the view. In Obsidian it is taken to be the view's content (ItemView.contentEl,
 * `.view-content`): public plugins keep a view's place by saving and restoring `this.contentEl.scrollTop`.
 * The playground's sidebar scrolls as a whole. The view must keep its place either way.
 */
const LAYOUTS: readonly [string, string][] = [
  ['the view content scrolls', '.pg-sidebar { display: flex; flex-direction: column; overflow: hidden; } .pg-sidebar .workspace-leaf-content { flex: 1; min-height: 0; display: flex; flex-direction: column; } .pg-sidebar .view-content { flex: 1; min-height: 0; }'],
  ['an outer element scrolls', ''],
];

describeInBrowser('chain view of a hub', () => {
  const openPage = usePlaygroundPages();

  test.each(LAYOUTS)('out of sight, entries skip layout; a redraw keeps the entry at the top in place (%s)', async (_layout, css) => {
    const { page } = await openPage();
    if (css !== '') await page.addStyleTag({ content: css });
    await page.evaluate(() => window.__playground.setSidebarWidth(320));
    await createHub(page);
    await page.evaluate((hub) => window.__playground.open(hub), HUB);
    await waitForFile(page, HUB);
    await settle(page);
    // The level's first LEVEL_CAP (200) entries; the rest wait behind "Show more".
    expect(await page.locator('.pg-sidebar .pc-chain-row').count()).toBe(200);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.pg-sidebar .pc-chain-row') as Element).contentVisibility)).toBe('auto');

    await scrollToRow(page, 150, 5);
    await frames(page);
    const before = await topRow(page);
    expect(before.title).toMatch(/^Principle 1[45]\d/);
    expect(before.scroller).toBe(css === '' ? 'pg-sidebar' : 'view-content pc-chain-view');

    // A cited note above the reader gets a longer title (the playground renames it as Obsidian's file
    // manager would): the chain changes, so the view draws it all again.
    await page.evaluate(() => window.__playground.rename('202301010005 Principle 5 that keeps going that keeps going that keeps going that keeps going that keeps going.md', '202301010005 Principle 5, renamed to a title long enough to wrap onto more lines than before in this pane.md'));
    await settle(page);
    await frames(page);
    expect(await page.locator('.pg-sidebar .pc-chain-title', { hasText: 'Principle 5, renamed' }).count()).toBe(1);
    await frames(page);
    const after = await topRow(page);
    expect(after.title).toBe(before.title);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(1);
  });

  test('the keyboard reaches entries out of sight and shows them', async () => {
    const { page } = await openPage();
    await createHub(page);
    await page.evaluate((hub) => window.__playground.open(hub), HUB);
    await waitForFile(page, HUB);
    await settle(page);
    await page.focus('.pg-sidebar .pc-chain-item');
    await page.keyboard.press('End');
    await frames(page);
    const shown = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const row = (active.querySelector(':scope > .pc-chain-row') ?? active).getBoundingClientRect();
      const sidebar = (document.querySelector('.pg-sidebar') as HTMLElement).getBoundingClientRect();
      return { text: active.textContent ?? '', inSight: row.top >= sidebar.top && row.bottom <= sidebar.bottom, height: row.height };
    });
    // The last entry of the view: "Show 20 more", after the first 200 of the hub's 220 cited notes.
    expect(shown.text).toMatch(/Show 20 more/);
    expect(shown.inSight).toBe(true);
    expect(shown.height).toBeGreaterThan(0);
    await page.keyboard.press('Home');
    await frames(page);
    expect(await page.evaluate(() => document.activeElement?.querySelector('.pc-chain-title')?.textContent)).toBe('Principle 0');
  });
});
