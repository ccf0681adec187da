/**
 * Typing into a long note in Chromium: after every edit, each rendered editor line carries exactly
 * the ID marks its text calls for (real keystrokes, real viewport, real syntax tree), and the
 * marks stay right after the edits are saved and the index has caught up.
 */
import type { Page } from 'playwright-core';
import {
  clickAt,
  describeInBrowser,
  settle,
  textBox,
  TIMEOUT,
  usePlaygroundPages,
} from './harness';

jest.setTimeout(TIMEOUT);

/** IDs of example notes; a 12-digit run that is none of them and no timestamp is never marked. */
const KNOWN = ['202201100900', '202201121430', '202202031000', '202209051500', '202212011000', '202207151330'];
const NOT_AN_ID = '987654321012';
const LINES = 400;

function longNote(): string {
  const lines = ['Long note', 'A note long enough that most of it is outside the viewport.'];
  for (let i = 0; i < LINES; i++) {
    const first = KNOWN[i % KNOWN.length];
    const second = KNOWN[(i * 5 + 1) % KNOWN.length];
    lines.push(i % 10 === 3 ? `Line ${i} keeps \`${first}\` in code and ${NOT_AN_ID} as a number.` : `Line ${i} cites ${first} and ${second} for context.`);
  }
  return lines.join('\n') + '\n';
}

/**
 * For every line on screen: the marked texts, and the IDs the line's prose calls for. Lines drawn
 * but scrolled out of sight (CodeMirror keeps the cursor's line) are left out: only what is
 * visible is decorated.
 */
async function marksVersusText(page: Page): Promise<{ line: string; marked: string[]; expected: string[] }[]> {
  const rows = await page.$$eval('.cm-content .cm-line', (lines) => {
    const view = (document.querySelector('.cm-scroller') as HTMLElement).getBoundingClientRect();
    return lines
      .filter((line) => {
        const box = line.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      })
      .map((line) => ({
        line: line.textContent ?? '',
        marked: Array.from(line.querySelectorAll('[data-principle-chain-id]')).map((el) => el.textContent ?? ''),
      }));
  });
  return rows.map(({ line, marked }) => {
    const prose = line.replace(/`[^`]*`/g, ' ');
    const expected = (prose.match(/\b\d{12}\b/g) ?? []).filter((id) => KNOWN.includes(id));
    return { line, marked, expected };
  });
}

/**
 * Each rendered line's marks equal what its text calls for. CodeMirror may still be parsing just
 * after a keystroke (marks wait for the syntax tree), so this waits for agreement, then asserts.
 */
async function expectMarksMatchText(page: Page): Promise<void> {
  let rows: Awaited<ReturnType<typeof marksVersusText>> = [];
  let mismatches: typeof rows = [];
  // Generous for a loaded machine: this waits for correctness, it does not measure speed.
  const giveUpAt = Date.now() + 60_000;
  while (Date.now() < giveUpAt) {
    rows = await marksVersusText(page);
    mismatches = rows.filter((row) => row.marked.join(' ') !== row.expected.join(' '));
    if (rows.length > 10 && mismatches.length === 0) return;
    await page.waitForTimeout(100);
  }
  expect(rows.length).toBeGreaterThan(10);
  expect(mismatches).toStrictEqual([]);
}

async function scrollToLine(page: Page, n: number): Promise<void> {
  await page.evaluate((n) => {
    const scroller = document.querySelector('.cm-scroller') as HTMLElement;
    const content = document.querySelector('.cm-content') as HTMLElement;
    scroller.scrollTop = (content.scrollHeight * n) / 402 - scroller.clientHeight / 2;
  }, n);
  await page.waitForFunction((n) => Array.from(document.querySelectorAll('.cm-line')).some((line) => line.textContent?.startsWith(`Line ${n} `)), n);
}

describeInBrowser('typing in the editor', () => {
  const openPage = usePlaygroundPages();

  test('typing into a long note keeps every visible line marked exactly as its text calls for', async () => {
    const open = await openPage();
    const p = open.page;
    await p.evaluate((text) => window.__playground.createNote('Long note.md', text), longNote());
    await p.evaluate(() => window.__playground.setMode('source'));
    await expectMarksMatchText(p);

    await scrollToLine(p, 200);
    await expectMarksMatchText(p);

    // Append a reference at the end of a line deep in the note.
    await clickAt(p, await textBox(p, '.cm-content', 'Line 200 '));
    await p.keyboard.press('End');
    await p.keyboard.type(' Also 202212011000.');
    await p.waitForFunction(() =>
      Array.from(document.querySelectorAll('.cm-line')).some((l) => l.textContent?.startsWith('Line 200 ') && l.querySelectorAll('[data-principle-chain-id]').length === 3),
    );
    await expectMarksMatchText(p);

    // A digit typed inside an ID makes a 13-digit run: no longer an ID; deleting it restores the mark.
    await clickAt(p, await textBox(p, '.cm-content', 'Line 201 cites'));
    await p.keyboard.press('End');
    await p.keyboard.press('Home');
    for (let i = 0; i < 'Line 201 cites 2022'.length; i++) await p.keyboard.press('ArrowRight');
    await p.keyboard.type('9');
    await p.waitForFunction(() =>
      Array.from(document.querySelectorAll('.cm-line')).some((l) => l.textContent?.startsWith('Line 201 ') && l.querySelectorAll('[data-principle-chain-id]').length === 1),
    );
    await expectMarksMatchText(p);
    await p.keyboard.press('Backspace');
    await p.waitForFunction(() =>
      Array.from(document.querySelectorAll('.cm-line')).some((l) => l.textContent?.startsWith('Line 201 ') && l.querySelectorAll('[data-principle-chain-id]').length === 2),
    );
    await expectMarksMatchText(p);

    // New lines shift everything below; an ID typed in backticks is code, the same ID after it prose.
    await p.keyboard.press('Home');
    await p.keyboard.press('Enter');
    await p.keyboard.press('ArrowUp');
    await p.keyboard.type('Typed: `202201100900` is code, 202201100900 is prose, 2022011009001 is too long.');
    await expectMarksMatchText(p);

    await settle(p);
    await expectMarksMatchText(p);
    await scrollToLine(p, 390);
    await expectMarksMatchText(p);
    await scrollToLine(p, 5);
    await expectMarksMatchText(p);

    // The saved text reached the reading pane through the vault; there every prose occurrence is linked.
    const reading = await p.$eval('.pg-reading-pane .markdown-rendered', (root) => {
      const count = (text: string): number => (text.match(/\b202212011000\b/g) ?? []).length;
      const inCode = Array.from(root.querySelectorAll('code')).reduce((n, el) => n + count(el.textContent ?? ''), 0);
      const linked = Array.from(root.querySelectorAll('a.principle-chain-id')).filter((a) => a.textContent === '202212011000').length;
      return { typedShown: (root.textContent ?? '').includes('Also 202212011000.'), prose: count(root.textContent ?? '') - inCode, linked };
    });
    expect(reading.typedShown).toBe(true);
    expect(reading.linked).toBe(reading.prose);
  });
});
