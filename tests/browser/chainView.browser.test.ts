/**
 * The principle chain view in Chromium: it draws the example vault's chain exactly as the approved
 * render (tests/ui/approved), follows the open note, and its entries open notes when clicked.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  clickAt,
  describeInBrowser,
  elementBox,
  settle,
  START_NOTE,
  textBox,
  TIMEOUT,
  usePlaygroundPages,
  waitForFile,
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
  const openPage = usePlaygroundPages();

  test('shows the example chain of the open note, as approved, and follows the note that opens', async () => {
    const open = await openPage();
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
    const open = await openPage();
    const p = open.page;
    const delegate = '202209051500 Delegate the problem, not the task.md';
    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-title', 'Delegate the problem, not the task'));
    await waitForFile(p, delegate);
    await settle(p);
    expect(await p.textContent('.pg-sidebar .pc-chain-note-title')).toBe('Delegate the problem, not the task');

    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-title', 'The team owns the outcome'), ['Control']);
    await waitForFile(p, '202203011000/README.md');
    const opened = await p.evaluate(() => window.__playground.openedLinks());
    expect(opened).toStrictEqual([
      { linktext: delegate, sourcePath: START_NOTE, newLeaf: false },
      { linktext: '202203011000/README.md', sourcePath: delegate, newLeaf: 'tab' },
    ]);
  });

  test('hovering an entry with Ctrl held emits hover-link with the view as the source', async () => {
    const open = await openPage();
    const p = open.page;
    const box = await textBox(p, '.pg-sidebar .pc-chain-title', 'Delegate the problem, not the task');
    // From the status bar in one step, so the pointer crosses no other link on its way.
    const status = await elementBox(p, '.status-bar');
    await p.mouse.move(status.x + 5, status.y + 5);
    await p.keyboard.down('Control');
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForFunction(() => window.__playground.hoverLinks().length > 0);
    await p.keyboard.up('Control');
    expect(await p.evaluate(() => window.__playground.hoverLinks())).toStrictEqual([{
      source: 'principle-chain',
      linktext: '202209051500 Delegate the problem, not the task.md',
      sourcePath: START_NOTE,
      modifier: true,
    }]);
  });

  test('the trees work from the keyboard: arrows move between entries, Enter opens one', async () => {
    const open = await openPage();
    const p = open.page;
    await p.focus('.pg-sidebar [role="tree"] [role="treeitem"][tabindex="0"]');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const focused = await p.evaluate(() => document.activeElement?.querySelector('.pc-chain-title')?.textContent);
    expect(focused).toBe('Keep a decision log next to the code');
    await p.keyboard.press('Enter');
    await waitForFile(p, '202201181100 Keep a decision log next to the code.md');
  });

  test('dragging an entry into the editor inserts "ID Title"', async () => {
    const open = await openPage();
    const p = open.page;
    const from = await textBox(p, '.pg-sidebar .pc-chain-title', 'Delegate the problem, not the task');
    const to = await textBox(p, '.cm-content', 'Vague goals');
    await p.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await p.mouse.down();
    await p.mouse.move(to.x + 2, to.y + to.height / 2, { steps: 8 });
    await p.mouse.move(to.x + 1, to.y + to.height / 2, { steps: 2 });
    await p.mouse.up();
    await p.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('202209051500 Delegate the problem, not the task') === true);
    const line = await p.$$eval('.cm-line', (lines) => lines.map((l) => l.textContent ?? '').find((t) => t.includes('Vague goals')));
    expect(line).toContain('202209051500 Delegate the problem, not the taskVague goals');
  });

  test('collapsing a section hides its entries and keeps the other section', async () => {
    const open = await openPage();
    const p = open.page;
    await clickAt(p, await textBox(p, '.pg-sidebar .pc-chain-section-header', 'Builds on'));
    await p.waitForFunction(() => window.__playground.chainText(false).includes('▸ Builds on (2)'));
    const text = await p.evaluate(() => window.__playground.chainText(false));
    expect(text).not.toContain('Write the decision down before the meeting ends · 202201121430');
    expect(text).toContain('▾ Built on by (3)');
  });
});
