/**
 * The principle chain view in Chromium: it draws the example vault's chain exactly as the approved
 * render (tests/ui/approved), follows the open note, and its entries open notes when clicked.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  clickAt,
  describeInBrowser,
  launchBrowser,
  openPlayground,
  settle,
  START_NOTE,
  textBox,
  TIMEOUT,
  waitForFile,
  type BrowserSession,
  type PlaygroundPage,
} from './harness';

jest.setTimeout(TIMEOUT);

const APPROVED = path.join(__dirname, '../ui/approved/example-vault-chains.approved.txt');

/** The approved chain of one note: the block after its `======== path` line. */
function approvedChain(note: string): string {
  const blocks = fs.readFileSync(APPROVED, 'utf8').split(/^======== /m);
  const block = blocks.find((b) => b.startsWith(`${note}\n`));
  if (block === undefined) throw new Error(`${note} has no approved chain`);
  return block.slice(note.length + 1).replace(/\n+$/, '\n');
}

describeInBrowser('chain view', () => {
  let session: BrowserSession;
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
    expect(errors).toEqual([]);
  });

  test('shows the example chain of the open note, as approved, and follows the note that opens', async () => {
    open = await openPlayground(session);
    const p = open.page;
    expect(await p.evaluate(() => window.__playground.chainText(false))).toBe(approvedChain(START_NOTE));
    // Context lines are left out of the approved render; here each entry has one, naming its ID.
    const lines = (await p.evaluate(() => window.__playground.chainText(true))).split('\n');
    const entries = lines.filter((line) => / · \d{12}/.test(line) && /^ +[•▾▸] /.test(line));
    expect(entries.length).toBe(18);
    for (const entry of entries) {
      const context = lines[lines.indexOf(entry) + 1];
      expect(context).toMatch(/^ +> /);
    }

    const next = '202201121430 Write the decision down before the meeting ends.md';
    await p.evaluate((note) => window.__playground.open(note), next);
    await settle(p);
    expect(await p.evaluate(() => window.__playground.chainText(false))).toBe(approvedChain(next));
  });

  test('clicking an entry opens its note and the view follows; Ctrl-click asks for a new tab', async () => {
    open = await openPlayground(session);
    const p = open.page;
    const delegate = '202209051500 Delegate the problem, not the task.md';
    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-title', 'Delegate the problem, not the task'));
    await waitForFile(p, delegate);
    await settle(p);
    expect(await p.textContent('.pg-sidebar .pc-chain-note-title')).toBe('Delegate the problem, not the task');

    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-title', 'The team owns the outcome'), ['Control']);
    await waitForFile(p, '202203011000/README.md');
    const opened = await p.evaluate(() => window.__playground.openedLinks());
    expect(opened).toEqual([
      { linktext: delegate, sourcePath: START_NOTE, newLeaf: false },
      { linktext: '202203011000/README.md', sourcePath: delegate, newLeaf: 'tab' },
    ]);
  });

  test('collapsing a section hides its entries and keeps the other section', async () => {
    open = await openPlayground(session);
    const p = open.page;
    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-section-header', 'Builds on'));
    await p.waitForFunction(() => window.__playground.chainText(false).includes('▸ Builds on (2)'));
    const text = await p.evaluate(() => window.__playground.chainText(false));
    expect(text).not.toContain('Write the decision down before the meeting ends · 202201121430');
    expect(text).toContain('▾ Built on by (3)');
  });
});
