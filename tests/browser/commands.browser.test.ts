/**
 * The plugin's editor commands run from the playground's toolbar, in Chromium, on the editor's real
 * cursor: "Open ID under cursor" and "Insert link to note by ID".
 */
import {
  clickAt,
  describeInBrowser,
  START_NOTE,
  textBox,
  TIMEOUT,
  usePlaygroundPages,
  waitForFile,
} from './harness';

jest.setTimeout(TIMEOUT);

describeInBrowser('editor commands', () => {
  const openPage = usePlaygroundPages();

  test('"Open ID under cursor" opens the ID the cursor stands in (Source mode)', async () => {
    const open = await openPage();
    const p = open.page;
    await p.evaluate(() => window.__playground.setMode('source'));
    await p.waitForSelector('.cm-editor.is-source-mode');
    await clickAt(p, await textBox(p, '.cm-content', '202209051500'));
    expect(await p.evaluate(() => window.__playground.currentFile())).toBe(START_NOTE);
    await p.selectOption('.pg-commands', { label: 'Open ID under cursor' });
    await waitForFile(p, '202209051500 Delegate the problem, not the task.md');
  });

  test('"Insert link to note by ID" inserts "ID Title" at the cursor, spaced from the word after it', async () => {
    const open = await openPage();
    const p = open.page;
    await p.evaluate(() => window.__playground.setMode('source'));
    await p.waitForSelector('.cm-editor.is-source-mode');
    const box = await textBox(p, '.cm-content', 'Vague goals');
    await p.mouse.click(box.x + 1, box.y + box.height / 2);
    await p.selectOption('.pg-commands', { label: 'Insert link to note by ID' });
    await p.waitForSelector('.modal-container .prompt-input');
    await p.keyboard.type('trust grows');
    await p.waitForFunction(() => document.querySelectorAll('.modal-container .suggestion-item').length === 1);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('202202031000 Trust grows from kept promises') === true);
    const line = await p.$$eval('.cm-line', (lines) => lines.map((l) => l.textContent ?? '').find((t) => t.includes('Vague goals')));
    // Spaced from the word after it, so the title does not run into it.
    expect(line).toContain('202202031000 Trust grows from kept promises Vague goals');
    expect(await p.$$eval('.cm-content [data-principle-chain-id="202202031000"]', (els) => els.length)).toBe(1);
  });
});
