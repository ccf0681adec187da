/**
 * The README's screenshot, taken from the playground: a note in Live Preview with its bare IDs as
 * links and a page preview open, beside the principle chain view. `npm run screenshot` writes it to
 * docs/screenshot.png; every other run writes it to test-artifacts/ and checks that the committed
 * one is there, a PNG of the same size, so the README never shows a missing or stale-layout image.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, describeInBrowser, elementBox, START_NOTE, TIMEOUT, settle, usePlaygroundPages } from './harness';

jest.setTimeout(TIMEOUT);

const DOCS_SCREENSHOT = path.join(__dirname, '../../docs/screenshot.png');
const REFRESH = process.env.PRINCIPLE_CHAIN_REFRESH_SCREENSHOT === '1';
/** The link whose page preview the screenshot shows. */
const HOVERED_ID = '202209051500';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describeInBrowser('README screenshot', () => {
  const open = usePlaygroundPages();

  test(REFRESH ? 'writes docs/screenshot.png' : 'matches the size of docs/screenshot.png', async () => {
    const { page } = await open(START_NOTE);
    await page.setViewportSize({ width: 1280, height: 640 });
    await page.evaluate(() => window.__playground.setTheme('light'));
    // The reader sees the plugin, not the playground: no file list, no second (reading) pane.
    await page.addStyleTag({ content: '.pg-main { grid-template-columns: minmax(0, 1fr) !important; } .pg-reading-pane { display: none !important; }' });
    await settle(page);
    const link = await elementBox(page, `.cm-content [data-principle-chain-id="${HOVERED_ID}"]`);
    await page.keyboard.down('Control');
    await page.mouse.move(link.x + link.width / 2, link.y + link.height / 2, { steps: 3 });
    await page.waitForSelector('.hover-popover .markdown-rendered p');
    const main = await elementBox(page, '.pg-main');
    const sidebar = await elementBox(page, '.pg-sidebar');
    const file = REFRESH ? DOCS_SCREENSHOT : path.join(ARTIFACTS, 'readme-screenshot.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, clip: { x: main.x, y: main.y, width: sidebar.x + sidebar.width - main.x, height: main.height } });
    await page.keyboard.up('Control');
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    if (!REFRESH) {
      expect(fs.existsSync(DOCS_SCREENSHOT)).toBe(true);
      expect(pngSize(DOCS_SCREENSHOT)).toStrictEqual(pngSize(file));
    }
  });
});
