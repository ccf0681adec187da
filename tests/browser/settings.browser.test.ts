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
    expect(open.errors).toStrictEqual([]);
  });

  test('each description sits beside its control, inside its row, and the chain depth slider shows its value', async () => {
    open = await openPlayground(session);
    const p = open.page;
    await clickAt(p, await elementBox(p, '.pg-settings-button'));
    const rows = p.locator('.modal .setting-item:not(.setting-item-heading)');
    expect(await rows.count()).toBe(15);
    const misplaced = await rows.evaluateAll((els) =>
      els
        // The custom pattern row is hidden until the custom format is chosen.
        .filter((row) => row.getClientRects().length > 0)
        .map((row) => {
          const box = row.getBoundingClientRect();
          const desc = row.querySelector('.setting-item-description')?.getBoundingClientRect();
          const control = row.querySelector('.setting-item-control')?.getBoundingClientRect();
          const name = row.querySelector('.setting-item-name')?.textContent ?? '?';
          if (desc === undefined || control === undefined || desc.height === 0) return `${name}: no description or control`;
          const inside = (r: DOMRect): boolean => r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          if (!inside(desc) || !inside(control)) return `${name}: description or control outside its row`;
          // Beside, not below: the control starts level with the name and description, to their right.
          if (control.left < desc.right - 1 || control.top > desc.bottom) return `${name}: control not beside the description`;
          return null;
        })
        .filter((problem) => problem !== null),
    );
    expect(misplaced).toStrictEqual([]);

    const depth = p.locator('.modal .setting-item', { hasText: 'Chain depth' });
    const value = depth.locator('.slider-value, .principle-chain-slider-value');
    expect(await value.count()).toBe(1);
    expect(await value.textContent()).toBe('3');
    expect(await value.isVisible()).toBe(true);
    const slider = depth.locator('input.slider');
    await slider.focus();
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    expect(await value.textContent()).toBe('5');
    await p.keyboard.press('Escape');
    expect(open.errors).toStrictEqual([]);
  });
});
