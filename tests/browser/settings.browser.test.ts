/**
 * The plugin's settings tab in the playground, in Chromium: a change applies to the open editor,
 * the reading pane and the chain view at once, without reopening the note.
 */
import { clickAt, describeInBrowser, editorMarks, elementBox, launchBrowser, openPlayground, readingLinks, settle, TIMEOUT, type BrowserSession, type PlaygroundPage } from './harness';

jest.setTimeout(TIMEOUT);

const TITLED = '202201121430 Write the decision down before the meeting ends';

describeInBrowser('settings', () => {
  let session: BrowserSession;
  let open: PlaygroundPage | null = null;

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    await open?.page.close();
    await session?.close();
  });

  test('turning on "Link the title" links ID and title in the editor and the reading pane at once', async () => {
    open = await openPlayground(session);
    const p = open.page;
    expect((await editorMarks(p)).map((m) => m.text)).toContain('202201121430');

    await clickAt(p, await elementBox(p, '.pg-settings-button'));
    const toggle = p.locator('.modal .setting-item', { hasText: 'Link the title' }).locator('.checkbox-container');
    const box = await toggle.boundingBox();
    if (box === null) throw new Error('The "Link the title" toggle is not visible');
    await clickAt(p, box);
    await p.keyboard.press('Escape');
    await settle(p);

    await p.waitForFunction((text) => Array.from(document.querySelectorAll('.cm-content [data-principle-chain-id]')).some((el) => el.textContent === text), TITLED);
    expect((await editorMarks(p)).map((m) => m.text)).toContain(TITLED);
    expect((await readingLinks(p)).map((l) => l.text)).toContain(TITLED);
    expect(open.errors).toEqual([]);
  });
});
