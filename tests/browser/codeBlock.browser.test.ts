/**
 * `principle-chain` code blocks in the playground's reading pane, in Chromium: the chain drawn as
 * internal links that open notes, kept current when a note of the chain is renamed, and a graph
 * block handed to Obsidian's renderer as a Mermaid diagram whose notes are links.
 */
import { clickAt, describeInBrowser, settle, textBox, TIMEOUT, usePlaygroundPages, WAIT, waitForFile } from './harness';

jest.setTimeout(TIMEOUT);

const NOTE = '202303010900 Chains inside a note.md';
const BLOCK = '.pg-reading-pane .block-language-principle-chain';

describeInBrowser('code blocks', () => {
  const openPage = usePlaygroundPages();

  test('a tree block draws the chain as links that open their notes', async () => {
    const { page: p } = await openPage(NOTE);
    const first = p.locator(BLOCK).first();
    expect(await first.locator('.pc-block-caption').textContent()).toBe('Principle chain of 202201100900 Clarity is a gift to the team');
    const links = await first.locator('.pc-block-section a.internal-link').evaluateAll((els) => els.map((el) => `${el.textContent} → ${el.getAttribute('data-href')}`));
    expect(links).toStrictEqual([
      '202201121430 Write the decision down before the meeting ends → 202201121430 Write the decision down before the meeting ends',
      '202201150815 A decision nobody can find was never made → 202201150815 A decision nobody can find was never made',
      '202201181100 Keep a decision log next to the code → 202201181100 Keep a decision log next to the code',
      '202209051500 Delegate the problem, not the task → 202209051500 Delegate the problem, not the task',
      '202203011000 The team owns the outcome → README',
      '202201100900 Clarity is a gift to the team → 202201100900 Clarity is a gift to the team',
      '202201150815 A decision nobody can find was never made → 202201150815 A decision nobody can find was never made',
    ]);
    await clickAt(p, await textBox(p, `${BLOCK} .pc-block-section a.internal-link`, 'Delegate the problem'));
    await waitForFile(p, '202209051500 Delegate the problem, not the task.md');
  });

  test('renaming a note of the chain redraws the block with its new title', async () => {
    const { page: p } = await openPage(NOTE);
    await p.evaluate(() => window.__playground.rename('202209051500 Delegate the problem, not the task.md', '202209051500 Hand over the problem.md'));
    await settle(p);
    await p.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('202209051500 Hand over the problem') === true, BLOCK);
    const text = await p.locator(BLOCK).first().textContent();
    expect(text).not.toContain('Delegate the problem');
    expect(await p.locator(BLOCK).first().locator('a.internal-link', { hasText: 'Hand over the problem' }).getAttribute('data-href')).toBe('202209051500 Hand over the problem');
  });

  test('a graph block hands Obsidian a Mermaid diagram whose notes are internal links', async () => {
    const { page: p } = await openPage(NOTE);
    const calls = await p.evaluate(() => window.__playground.renderedMarkdown());
    expect(calls.map((call) => call.sourcePath)).toStrictEqual([NOTE]);
    const [markdown] = calls.map((call) => call.markdown);
    expect(markdown.startsWith('```mermaid\ngraph TD\n')).toBe(true);
    expect(markdown).toContain('  n0["202201100900 Clarity is a gift to the team"]');
    expect(markdown).toContain('  n0 --> n1');
    expect(markdown).toMatch(/\n {2}class n0,n1,n2,n3,n4,n5 internal-link\n```\n$/);
    const shown = await p.locator(`${BLOCK} .pc-block-graph pre.language-mermaid code`).textContent();
    expect(`\`\`\`mermaid\n${shown ?? ''}\n\`\`\`\n`).toBe(markdown);
  });

  test('an incoming block lists its notes newest first, each with the sentence that cites it', async () => {
    const { page: p } = await openPage(NOTE);
    // The sentences come from the citing notes' texts, fetched in the background; the block redraws with them.
    await p.waitForFunction((selector) => (document.querySelectorAll(selector)[2]?.querySelectorAll('.pc-block-context').length ?? 0) > 2, BLOCK, { timeout: WAIT });
    const third = p.locator(BLOCK).nth(2);
    expect(await third.locator('.pc-block-context').count()).toBeGreaterThan(2);
    expect(await third.locator('.pc-block-context .pc-chain-context-id').first().textContent()).toBe('202203011000');
    expect(await third.locator('.pc-block-problem').count()).toBe(0);
  });
});
