/**
 * Screenshots of the editor, the reading pane and the chain view in the light and dark themes,
 * saved under test-artifacts/ (git-ignored) for people to look at. The test checks only that each
 * was written and that the theme really changed the page.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, describeInBrowser, elementBox, launchBrowser, openPlayground, settle, TIMEOUT, type BrowserSession, type PlaygroundPage } from './harness';

jest.setTimeout(TIMEOUT);

const NOTES: readonly (readonly [string, string])[] = [
  ['chain', '202201100900 Clarity is a gift to the team.md'],
  ['problems', '202210031000 Name the owner of every risk.md'],
  ['ambiguous', '202211141100 Celebrate finished work.md'],
];

describeInBrowser('screenshots', () => {
  let session: BrowserSession;
  let open: PlaygroundPage | null = null;

  beforeAll(async () => {
    session = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await open?.page.close();
    await session?.close();
  });

  test.each(['light', 'dark'] as const)('%s theme: editor, reading pane and chain view', async (theme) => {
    open = await openPlayground(session);
    const p = open.page;
    await p.evaluate((t) => window.__playground.setTheme(t), theme);
    const background = await p.$eval('body', (body) => getComputedStyle(body).backgroundColor);
    expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(30, 30, 30)');
    const written: string[] = [];
    const shoot = async (name: string, selector?: string): Promise<void> => {
      const file = path.join(ARTIFACTS, `playground-${theme}-${name}.png`);
      if (selector === undefined) await p.screenshot({ path: file });
      else await p.locator(selector).screenshot({ path: file });
      written.push(file);
    };
    for (const [name, note] of NOTES) {
      await p.evaluate((n) => window.__playground.open(n), note);
      await settle(p);
      await p.mouse.move(1, 1);
      await shoot(`${name}-editor`, '.pg-editor-pane');
      await shoot(`${name}-reading`, '.pg-reading-pane');
      if (name === 'chain') {
        await shoot('chain-view', '.pg-sidebar');
        await shoot('page');
      }
    }
    // Hover with Ctrl over a link for the page preview.
    await p.evaluate((n) => window.__playground.open(n), NOTES[0][1]);
    await settle(p);
    const box = await elementBox(p, '.cm-content [data-principle-chain-id="202201121430"]');
    await p.keyboard.down('Control');
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await p.waitForSelector('.hover-popover .markdown-rendered p');
    await shoot('hover-preview');
    await p.keyboard.up('Control');
    for (const file of written) expect(fs.statSync(file).size).toBeGreaterThan(5000);
    expect(open.errors).toStrictEqual([]);
    await p.close();
    open = null;
  });
});
