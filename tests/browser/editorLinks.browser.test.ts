/**
 * Bare-ID links in the CodeMirror editor, in Chromium: clicks and hovers land on the pixels of an
 * ID, as a person's would, and must do what Obsidian does with links in each mode.
 */
import {
  clickAt,
  currentFile,
  describeInBrowser,
  editorMarks,
  elementBox,
  START_NOTE,
  textBox,
  TIMEOUT,
  usePlaygroundPages,
  waitForFile,
} from './harness';

jest.setTimeout(TIMEOUT);

const TARGET_ID = '202201121430';
const TARGET = '202201121430 Write the decision down before the meeting ends.md';
const idMark = (id: string): string => `.cm-content [data-principle-chain-id="${id}"]`;

describeInBrowser('editor links', () => {
  const page = usePlaygroundPages();

  test('a click on an ID in Live Preview opens its note in the same tab', async () => {
    const { page: p } = await page();
    await clickAt(p, await elementBox(p, idMark(TARGET_ID)));
    await waitForFile(p, TARGET);
    const opened = await p.evaluate(() => window.__playground.openedLinks());
    expect(opened).toStrictEqual([{ linktext: TARGET, sourcePath: START_NOTE, newLeaf: false }]);
  });

  test('Ctrl-click in Live Preview asks for a new tab', async () => {
    const { page: p } = await page();
    await clickAt(p, await elementBox(p, idMark(TARGET_ID)), ['Control']);
    await waitForFile(p, TARGET);
    const opened = await p.evaluate(() => window.__playground.openedLinks());
    expect(opened).toStrictEqual([{ linktext: TARGET, sourcePath: START_NOTE, newLeaf: 'tab' }]);
  });

  test('in Live Preview a press on an ID dragged across the line selects text and opens nothing', async () => {
    const { page: p } = await page();
    const box = await elementBox(p, idMark(TARGET_ID));
    const y = box.y + box.height / 2;
    await p.mouse.move(box.x + 2, y);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width + 40, y, { steps: 5 });
    await p.mouse.up();
    await p.evaluate(() => window.__playground.settle());
    expect(await currentFile(p)).toBe(START_NOTE);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([]);
    expect(await p.evaluate(() => (document.getSelection()?.toString() ?? '').length)).toBeGreaterThan(TARGET_ID.length / 2);
  });

  test('in Source mode a plain click edits (moves the cursor) and opens nothing', async () => {
    const { page: p } = await page();
    await p.evaluate(() => window.__playground.setMode('source'));
    await p.waitForSelector('.cm-editor.is-source-mode');
    const box = await elementBox(p, idMark(TARGET_ID));
    await clickAt(p, box);
    // Give a wrongly opened note every chance to show up before concluding nothing opened.
    await p.evaluate(() => window.__playground.settle());
    expect(await currentFile(p)).toBe(START_NOTE);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([]);
    const cursorInId = await p.evaluate((id) => {
      const selection = document.getSelection();
      const mark = selection?.anchorNode?.parentElement?.closest('[data-principle-chain-id]');
      return mark?.getAttribute('data-principle-chain-id') === id;
    }, TARGET_ID);
    expect(cursorInId).toBe(true);
  });

  test('in Source mode Ctrl-click opens the note, in a new tab', async () => {
    const { page: p } = await page();
    await p.evaluate(() => window.__playground.setMode('source'));
    await p.waitForSelector('.cm-editor.is-source-mode');
    await clickAt(p, await elementBox(p, idMark(TARGET_ID)), ['Control']);
    await waitForFile(p, TARGET);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([{ linktext: TARGET, sourcePath: START_NOTE, newLeaf: 'tab' }]);
  });

  test('hovering an ID with Ctrl held emits hover-link with the target, and the preview shows it', async () => {
    const { page: p } = await page();
    const box = await elementBox(p, idMark(TARGET_ID));
    // From the status bar in one step, so the pointer crosses no other link on its way.
    const status = await elementBox(p, '.status-bar');
    await p.mouse.move(status.x + 5, status.y + 5);
    await p.keyboard.down('Control');
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForFunction(() => window.__playground.hoverLinks().length > 0);
    await p.keyboard.up('Control');
    const hovers = await p.evaluate(() => window.__playground.hoverLinks());
    expect(hovers).toStrictEqual([{ source: 'principle-chain', linktext: TARGET.replace(/\.md$/, ''), sourcePath: START_NOTE, modifier: true }]);
    await p.waitForSelector('.hover-popover');
    expect(await p.textContent('.hover-popover')).toContain('A meeting that ends with everyone nodding');
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([]);
  });

  test('IDs in code, URLs, math, comments, tags and longer digit runs are no links; a click there opens nothing', async () => {
    const note = '202302140930 Tools are not the principle.md';
    const { page: p } = await page(note);
    // Only the note's own ID on its title line is a reference in this note.
    expect((await editorMarks(p)).map((mark) => mark.id)).toStrictEqual(['202302140930']);
    for (const text of ['202201100900', '202202031000 inside', '202201121430']) {
      await clickAt(p, await textBox(p, '.cm-content', text));
    }
    await p.evaluate(() => window.__playground.settle());
    expect(await currentFile(p)).toBe(note);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([]);
  });

  test('an unresolved ID looks unresolved and a click offers to create the note', async () => {
    const note = '202210031000 Name the owner of every risk.md';
    const { page: p } = await page(note);
    const unresolved = idMark('202206011200');
    const resolved = idMark('202210031000');
    expect(await p.getAttribute(unresolved, 'class')).toContain('is-unresolved');
    const style = (selector: string) =>
      p.$eval(selector, (el) => {
        const s = getComputedStyle(el);
        return { color: s.color, opacity: s.opacity, decorationColor: s.textDecorationColor };
      });
    const [looksUnresolved, looksResolved] = [await style(unresolved), await style(resolved)];
    expect(looksUnresolved).not.toEqual(looksResolved);
    expect(Number(looksUnresolved.opacity)).toBeLessThan(1);

    await clickAt(p, await elementBox(p, unresolved));
    await p.waitForSelector('.modal-container .modal-title');
    expect(await p.textContent('.modal-container .modal-title')).toBe('Create note 202206011200?');
    await clickAt(p, await elementBox(p, '.modal-container button.mod-cta'));
    await waitForFile(p, '202206011200.md');
    await p.evaluate(() => window.__playground.settle());
    await p.evaluate((path) => window.__playground.open(path), note);
    await p.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('is-unresolved') === false, unresolved);
  });

  test('an ambiguous ID opens a chooser listing both notes; choosing one opens it', async () => {
    const note = '202211141100 Celebrate finished work.md';
    const { page: p } = await page(note);
    const ambiguous = idMark('202203151000');
    expect(await p.getAttribute(ambiguous, 'class')).toContain('principle-chain-ambiguous');
    await clickAt(p, await elementBox(p, ambiguous));
    await p.waitForSelector('.modal-container .suggestion-item');
    const choices = await p.$$eval('.modal-container .suggestion-item .suggestion-note', (els) => els.map((el) => el.textContent));
    expect(choices.sort()).toStrictEqual(['202203151000 Feedback is a habit, not an event.md', '202203151000 Praise in public, correct in private.md']);
    await clickAt(p, await textBox(p, '.modal-container', 'Praise in public, correct in private'));
    await waitForFile(p, '202203151000 Praise in public, correct in private.md');
    expect(await p.$('.modal-container')).toBeNull();
  });
});
