/**
 * The bench's Chromium render row (bench/chromium.ts): its page, bundled as `npm run bench` bundles
 * it, draws a chain view model with the plugin's styles in Chromium and times each draw. Checks what
 * the row measures, never how fast.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromiumRenderTimes } from '../../bench/chromium';
import type { ChainViewModel, ChainViewNode } from '../../src/ui/chain/model';
import { CHROMIUM, describeInBrowser, TIMEOUT } from './harness';

jest.setTimeout(TIMEOUT);

const REPOSITORY = path.join(__dirname, '..', '..');

/** `count` entries with a context line each, plus one child each. */
function chain(count: number): ChainViewModel {
  const node = (id: string, children: ChainViewNode[]): ChainViewNode => ({
    id, path: `${id} Note.md`, title: `A principle whose title may wrap in a narrow pane, number ${id}`, status: 'resolved', candidates: [], cycle: false,
    context: { before: 'This builds on ', id, after: ' because the team said so, at some length.' }, mentions: 1, match: false, children, truncated: 0,
  });
  const outgoing = Array.from({ length: count }, (_, i) => node(String(202101010000 + i * 10), [node(String(202101010001 + i * 10), [])]));
  return {
    kind: 'chain', note: { path: 'root.md', id: null, title: 'Root' }, depth: 3, maxDepth: 10, outgoing, incoming: null,
    outgoingTruncated: 0, incomingTruncated: 0, outgoingHidden: 0, incomingHidden: 0, capped: false, showContext: true, filter: '',
  };
}

describeInBrowser('the bench page in Chromium', () => {
  let dir: string;
  let page: { script: string; styles: string[] };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-page-'));
    // esbuild from a Node child, as the bench's own test does.
    const built = execFileSync(process.execPath, ['--input-type=module', '-e', `import { buildChainRenderPage } from ${JSON.stringify(path.join(REPOSITORY, 'bench', 'pageBundle.mjs'))}; process.stdout.write(JSON.stringify(await buildChainRenderPage(${JSON.stringify(REPOSITORY)}, ${JSON.stringify(dir)})));`], { cwd: REPOSITORY, encoding: 'utf8' });
    page = JSON.parse(built) as { script: string; styles: string[] };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('draws every entry, lays it out, and times each draw after the warm-up', async () => {
    const times = await chromiumRenderTimes(chain(40), { ...page, chromium: CHROMIUM }, { runs: 3, warmup: 1 });
    expect(times.entries).toBe(80);
    expect(times.times).toHaveLength(3);
    expect(times.buildTimes).toHaveLength(3);
    times.times.forEach((time, i) => {
      expect(time).toBeGreaterThan(0);
      expect(times.buildTimes[i]).toBeLessThanOrEqual(time);
    });
    // 80 entries and 80 context lines, laid out one under another.
    expect(times.height).toBeGreaterThan(80 * 2 * 10);
  });

  test('lays the entries out with the plugin\'s styles', async () => {
    const styled = await chromiumRenderTimes(chain(10), { ...page, chromium: CHROMIUM }, { runs: 1, warmup: 0 });
    const unstyled = await chromiumRenderTimes(chain(10), { script: page.script, styles: [], chromium: CHROMIUM }, { runs: 1, warmup: 0 });
    expect(styled.height).not.toBe(unstyled.height);
  });
});
