/**
 * What every browser test needs: Chromium through playwright-core (headless, a fresh temporary
 * profile, no network chatter), the playground page ready to use, and pointer actions aimed at the
 * pixels of an element or of a piece of text, as a person would click.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import '../../playground/testApi';

/** The Chromium binary globalSetup.js found (it decides whether these tests run at all). */
export const CHROMIUM = process.env.BROWSER_TESTS_CHROMIUM ?? '/usr/bin/chromium';
/** Generous: the machine may be loaded; these tests check behaviour, never speed. */
export const TIMEOUT = 240_000;
export const WAIT = 90_000;

export const START_NOTE = '202201100900 Clarity is a gift to the team.md';
export const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

/**
 * A describe block that runs in Chromium, as globalSetup.js decided: run, skip (it already said
 * why, in one line), or fail with one test that says what is missing (CI without Chromium).
 */
export function describeInBrowser(name: string, body: () => void): void {
  const mode = process.env.BROWSER_TESTS_MODE;
  if (mode === 'run') {
    describe(name, body);
  } else if (mode === 'skip') {
    describe.skip(name, body);
  } else {
    describe(name, () => {
      test('Chromium is installed', () => {
        throw new Error(
          mode === 'fail'
            ? `${CHROMIUM} is missing; CI must install it (apt-get install -y chromium) to run the browser tests.`
            : 'BROWSER_TESTS_MODE is not set: run the browser tests with jest.browser.config.js (npm test or npm run test:browser).',
        );
      });
    });
  }
}

/** A browser with one context; close() also removes its profile folder. */
export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'principle-chain-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    timeout: WAIT,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(WAIT);
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page the test opened, with the errors the page threw while it was open. */
export interface PlaygroundPage {
  readonly page: Page;
  readonly errors: string[];
}

/** Opens the playground (on a note, if given) and waits until the index is built and checked. */
export async function openPlayground(session: BrowserSession, note = START_NOTE): Promise<PlaygroundPage> {
  const url = process.env.PLAYGROUND_URL;
  if (url === undefined) throw new Error('PLAYGROUND_URL is not set: run with jest.browser.config.js (globalSetup builds and serves the playground)');
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}#${encodeURIComponent(note)}`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: WAIT });
  return { page, errors };
}

/**
 * One browser for the enclosing describe block, and an opener for playground pages: the page a test
 * opened is closed after it, and the test fails if the page reported an error meanwhile.
 */
export function usePlaygroundPages(): (note?: string) => Promise<PlaygroundPage> {
  let session: BrowserSession | undefined;
  let open: PlaygroundPage | null = null;

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
  });

  afterEach(async () => {
    const errors = open?.errors ?? [];
    await open?.page.close();
    open = null;
    expect(errors).toStrictEqual([]);
  });

  return async (note = START_NOTE) => {
    if (session === undefined) throw new Error('the browser did not start');
    open = await openPlayground(session, note);
    return open;
  };
}

export async function currentFile(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__playground.currentFile());
}

/** Waits for the editor to show a note (opening is asynchronous). */
export async function waitForFile(page: Page, file: string): Promise<void> {
  await page.waitForFunction((f) => window.__playground.currentFile() === f, file, { timeout: WAIT });
}

export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__playground.settle());
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The on-screen box of an occurrence of `text` within one text node under the elements matching `selector`. */
export async function textBox(page: Page, selector: string, text: string, occurrence = 0): Promise<Box> {
  const box = await page.evaluate(
    ({ selector, text, occurrence }) => {
      let seen = 0;
      for (const root of Array.from(document.querySelectorAll(selector))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const data = (node as Text).data;
          for (let at = data.indexOf(text); at >= 0; at = data.indexOf(text, at + 1)) {
            if (seen++ < occurrence) continue;
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const rect = range.getClientRects()[0];
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
          }
        }
      }
      return null;
    },
    { selector, text, occurrence },
  );
  if (box === null) throw new Error(`"${text}" not found under ${selector}`);
  return box;
}

/** The on-screen box of the first element matching `selector`, scrolled into view. */
export async function elementBox(page: Page, selector: string): Promise<Box> {
  const locator = page.locator(selector).first();
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${selector} is not visible`);
  return box;
}

type Modifier = 'Control' | 'Alt' | 'Shift' | 'Meta';

/** A real pointer click at the centre of a box, with modifier keys held down around it. */
export async function clickAt(page: Page, box: Box, modifiers: Modifier[] = []): Promise<void> {
  for (const key of modifiers) await page.keyboard.down(key);
  try {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  } finally {
    for (const key of modifiers) await page.keyboard.up(key);
  }
}

/** The editor's ID marks: text and ID of each, in document order. */
export async function editorMarks(page: Page): Promise<{ text: string; id: string; classes: string }[]> {
  return page.$$eval('.cm-content [data-principle-chain-id]', (els) =>
    els.map((el) => ({ text: el.textContent ?? '', id: el.getAttribute('data-principle-chain-id') ?? '', classes: el.getAttribute('class') ?? '' })),
  );
}

/** The reading pane's ID anchors (resolved IDs; the others are spans). */
export async function readingLinks(page: Page): Promise<{ text: string; id: string; href: string; classes: string }[]> {
  return page.$$eval('.pg-reading-pane a.principle-chain-id', (els) =>
    els.map((el) => ({
      text: el.textContent ?? '',
      id: el.getAttribute('data-principle-chain-id') ?? '',
      href: el.getAttribute('data-href') ?? '',
      classes: el.getAttribute('class') ?? '',
    })),
  );
}
