/**
 * The artifact users install: the page loads the production main.js through the stand-in for
 * Obsidian (CommonJS, `require('obsidian')` and `@codemirror/*`), runs onload and layout-ready, and
 * checks what it registered and that its editor extension and post processor work.
 */
import { describeInBrowser, launchBrowser, openPlayground, TIMEOUT, type BrowserSession, type PlaygroundPage } from './harness';

jest.setTimeout(TIMEOUT);

describeInBrowser('production main.js', () => {
  let session: BrowserSession;
  let open: PlaygroundPage;

  beforeAll(async () => {
    session = await launchBrowser();
    open = await openPlayground(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  test('loads through the stand-in and registers its view, commands, post processor and editor extension without errors', async () => {
    const check = await open.page.evaluate(() => window.__playground.productionCheck);
    expect(check?.errors).toStrictEqual([]);
    expect(check?.items.filter((item) => !item.ok)).toStrictEqual([]);
    expect(check?.items.map((item) => item.name)).toStrictEqual([
      'onload finished',
      'indexer started after layout-ready',
      'chain view registered',
      'commands registered',
      'post processor registered',
      'editor extension registered',
      'settings tab registered',
      'no default hotkeys',
      'post processor links an ID',
      'editor extension decorates an ID (not in code)',
      'unload finished',
      'no errors',
    ]);
    expect(check?.ok).toBe(true);
    expect(await open.page.getAttribute('.pg-check', 'data-ok')).toBe('true');
    expect(open.errors).toStrictEqual([]);
  });

  test('the check fails for a bundle that registers nothing, and for one that throws', async () => {
    const empty = await open.page.evaluate(() =>
      window.__playground.checkBundle('const { Plugin } = require("obsidian"); module.exports = { default: class extends Plugin { async onload() {} } };'),
    );
    expect(empty.ok).toBe(false);
    expect(empty.items.filter((item) => !item.ok).map((item) => item.name)).toStrictEqual(
      expect.arrayContaining(['chain view registered', 'commands registered', 'post processor registered', 'editor extension registered']),
    );
    const throwing = await open.page.evaluate(() => window.__playground.checkBundle('require("electron");'));
    expect(throwing.ok).toBe(false);
    expect(throwing.errors.join('\n')).toContain('main.js requires "electron"');
  });
});
