/**
 * Bare-ID links in the reading pane, in Chromium: the plugin's post processor runs on sections
 * rendered like Obsidian's Reading view, and clicks land on the pixels of the link.
 */
import {
  clickAt,
  currentFile,
  describeInBrowser,
  elementBox,
  readingLinks,
  START_NOTE,
  TIMEOUT,
  usePlaygroundPages,
  waitForFile,
} from './harness';

jest.setTimeout(TIMEOUT);

const TARGET = '202201121430 Write the decision down before the meeting ends.md';
// The link text Obsidian writes for a note with a unique file name: the name, without `.md`.
const TARGET_LINKTEXT = TARGET.slice(0, -3);
const link = (id: string): string => `.pg-reading-pane .principle-chain-id[data-principle-chain-id="${id}"]`;

describeInBrowser('reading view links', () => {
  const page = usePlaygroundPages();

  test('IDs in prose become internal links to their notes', async () => {
    const { page: p } = await page();
    expect(await readingLinks(p)).toStrictEqual([
      { text: '202201100900', id: '202201100900', href: START_NOTE.slice(0, -3), classes: 'internal-link principle-chain-id' },
      { text: '202201121430', id: '202201121430', href: TARGET_LINKTEXT, classes: 'internal-link principle-chain-id' },
      { text: '202209051500', id: '202209051500', href: '202209051500 Delegate the problem, not the task', classes: 'internal-link principle-chain-id' },
    ]);
  });

  test('a click on an ID opens its note; Ctrl-click asks for a new tab', async () => {
    const { page: p } = await page();
    await clickAt(p, await elementBox(p, link('202201121430')));
    await waitForFile(p, TARGET);
    await p.evaluate((note) => window.__playground.open(note), START_NOTE);
    await clickAt(p, await elementBox(p, link('202201121430')), ['Control']);
    await p.waitForFunction(() => window.__playground.openedLinks().length === 2);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([
      { linktext: TARGET_LINKTEXT, sourcePath: START_NOTE, newLeaf: false },
      { linktext: TARGET_LINKTEXT, sourcePath: START_NOTE, newLeaf: 'tab' },
    ]);
  });

  test('no ID inside code blocks, inline code, math, URLs or tags is linked', async () => {
    const { page: p } = await page('202302140930 Tools are not the principle.md');
    expect((await readingLinks(p)).map((l) => l.id)).toStrictEqual(['202302140930']);
    expect(await p.$$eval('.pg-reading-pane pre code, .pg-reading-pane code', (els) => els.length)).toBeGreaterThanOrEqual(4);
    expect(await p.$$('.pg-reading-pane :is(pre, code, .math, a.external-link) a')).toStrictEqual([]);
  });

  test('the reading pane is shaped like Obsidian\'s: code blocks, inline code, math, links, embeds; comments hidden', async () => {
    const { page: p } = await page('202302140930 Tools are not the principle.md');
    const shape = await p.$eval('.pg-reading-pane .markdown-preview-sizer', (sizer) => ({
      sections: sizer.children.length,
      blocks: sizer.querySelectorAll(':scope > div > pre').length,
      inlineCode: Array.from(sizer.querySelectorAll('p code')).map((el) => el.textContent),
      math: Array.from(sizer.querySelectorAll('.math')).map((el) => el.textContent),
      external: Array.from(sizer.querySelectorAll('a.external-link')).map((el) => el.getAttribute('href')),
      embeds: sizer.querySelectorAll('.internal-embed').length,
      tags: sizer.querySelectorAll('a.tag').length,
      text: sizer.textContent ?? '',
    }));
    expect(shape.blocks).toBe(3);
    expect(shape.sections).toBeGreaterThan(shape.blocks);
    // CommonMark strips one space only when the code starts and ends with one.
    expect(shape.inlineCode).toStrictEqual(['202201121430', '202201150815 with `ticks` ']);
    expect(shape.math).toStrictEqual(['202208101200 + 1', '202209051500']);
    expect(shape.external).toStrictEqual(['https://example.com/notes/202201181100', 'https://example.com/202201201645']);
    expect(shape.embeds).toBe(1);
    // Obsidian: a tag needs a character that is not a digit, so #202203081400 stays text.
    expect(shape.tags).toBe(0);
    expect(shape.text).toContain('#202203081400');
    expect(shape.text).not.toContain('202210031000');
    expect(shape.text).not.toContain('202211141100');
  });

  test('an unresolved ID looks unresolved; a click offers to create the note and Cancel creates nothing', async () => {
    const note = '202210031000 Name the owner of every risk.md';
    const { page: p } = await page(note);
    const unresolved = link('202206011200');
    // The plugin's own element, never an internal link Obsidian would open (and so create) itself.
    expect(await p.$eval(unresolved, (el) => [el.tagName, el.getAttribute('role'), el.getAttribute('tabindex')])).toStrictEqual(['SPAN', 'link', '0']);
    expect(await p.getAttribute(unresolved, 'class')).toContain('is-unresolved');
    const opacity = await p.$eval(unresolved, (el) => Number(getComputedStyle(el).opacity));
    expect(opacity).toBeLessThan(1);
    await clickAt(p, await elementBox(p, unresolved));
    await p.waitForSelector('.modal-container .modal-title');
    expect(await p.textContent('.modal-container .modal-title')).toBe('Create note 202206011200?');
    const cancel = p.locator('.modal-container button', { hasText: 'Cancel' });
    const box = await cancel.boundingBox();
    if (box === null) throw new Error('Cancel is not visible');
    await clickAt(p, box);
    await p.waitForSelector('.modal-container', { state: 'detached' });
    expect(await currentFile(p)).toBe(note);
    expect(await p.evaluate(() => window.__playground.openedLinks())).toStrictEqual([]);
  });

  test('an ambiguous ID is marked and opens the chooser', async () => {
    const { page: p } = await page('202211141100 Celebrate finished work.md');
    const ambiguous = link('202203151000');
    expect(await p.$eval(ambiguous, (el) => el.tagName)).toBe('SPAN');
    expect(await p.getAttribute(ambiguous, 'aria-label')).toBe('202203151000 is the ID of 2 notes');
    const marker = await p.$eval(ambiguous, (el) => getComputedStyle(el, '::after').content);
    expect(marker).toBe('"?"');
    await clickAt(p, await elementBox(p, ambiguous));
    await p.waitForSelector('.modal-container .suggestion-item');
    expect(await p.$$eval('.modal-container .suggestion-item', (els) => els.length)).toBe(2);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => window.__playground.currentFile()?.startsWith('202203151000 ') === true);
  });

  test('an unresolved ID takes keyboard focus and Enter offers to create the note', async () => {
    const { page: p } = await page('202210031000 Name the owner of every risk.md');
    await p.focus(link('202206011200'));
    const outline = await p.$eval(link('202206011200'), (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await p.keyboard.press('Enter');
    await p.waitForSelector('.modal-container .modal-title');
    expect(await p.textContent('.modal-container .modal-title')).toBe('Create note 202206011200?');
  });
});
