import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { MAX_NODES } from '../../src/cli/commands/chain';
import { approvalsIn } from '../approval';
import { VAULT_PARENT, run, runJson } from './harness';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));

interface Node { id: string | null; path: string | null; title: string; status: string; cycle: boolean; candidates: string[]; children: Node[] }
interface Chain { note: { id: string | null; path: string | null; title: string; candidates: string[] }; out: Node[]; in: Node[] }

async function chain(...argv: string[]): Promise<Chain> {
  const { code, json } = await runJson(['chain', ...argv]);
  expect(code).toBe(0);
  return json as Chain;
}

/** The chain as asked from one folder above the vault. */
async function chainFromAbove(...argv: string[]): Promise<Chain> {
  const { code, json } = await runJson(['chain', ...argv, '--vault', 'example-vault'], { cwd: VAULT_PARENT });
  expect(code).toBe(0);
  return json as Chain;
}

function keysEverywhere(nodes: Node[]): void {
  for (const node of nodes) {
    expect(Object.keys(node)).toStrictEqual(['id', 'path', 'title', 'status', 'cycle', 'candidates', 'children']);
    keysEverywhere(node.children);
  }
}

function depthOf(nodes: Node[]): number {
  return nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((n) => depthOf(n.children)));
}

const labels = (nodes: Node[]) => nodes.map((n) => `${n.id} ${n.title}${n.cycle ? ' ↺' : ''}`);

describe('chain on the example vault', () => {
  it.each(['202201100900', '202202031000'])('matches the approved outline and JSON of %s', async (id) => {
    const text = await run(['chain', id]);
    expect(text.code).toBe(0);
    expectApproved(`chain-${id}.txt`, text.stdout);
    expectApproved(`chain-${id}.json`, (await run(['chain', id, '--json'])).stdout);
  });

  it('prints the contract keys on the note and every node', async () => {
    const result = await chain('202201100900');
    expect(Object.keys(result)).toStrictEqual(['note', 'out', 'in']);
    expect(result.note).toStrictEqual({ id: '202201100900', path: '202201100900 Clarity is a gift to the team.md', title: 'Clarity is a gift to the team', candidates: [] });
    keysEverywhere(result.out);
    keysEverywhere(result.in);
  });

  it('follows a chain four deep and marks the cycle back to the start', async () => {
    const result = await chain('202201100900', '--direction', 'out', '--depth', '5');
    const path: string[] = [];
    for (let nodes = result.out; nodes.length > 0; nodes = nodes[0].children) path.push(labels(nodes)[0]);
    expect(path).toStrictEqual([
      '202201121430 Write the decision down before the meeting ends',
      '202201150815 A decision nobody can find was never made',
      '202201181100 Keep a decision log next to the code',
      '202201201645 Review old decisions on a fixed rhythm',
      '202201100900 Clarity is a gift to the team ↺',
    ]);
    expect(result.in).toStrictEqual([]);
  });

  it('keeps to the depth: 1 means direct references only, in order of first reference', async () => {
    const result = await chain('202301020900', '--depth', '1', '--direction', 'out');
    expect(depthOf(result.out)).toBe(1);
    expect(labels(result.out)).toStrictEqual([
      '202201100900 Clarity is a gift to the team',
      '202202031000 Trust grows from kept promises',
      '202203011000 The team owns the outcome',
      '202207151330 Leaders absorb discomfort for the team',
      '202212011000 Protect focus time',
      '202211141100 Celebrate finished work',
      '202204011030 Hire for slope over intercept',
    ]);
    expect(depthOf((await chain('202301020900', '--direction', 'out')).out)).toBe(3);
  });

  it('lists incoming notes sorted by path, each once', async () => {
    const result = await chain('202203011000', '--depth', '1', '--direction', 'in');
    expect(result.in.map((n) => n.path)).toStrictEqual([
      '202207151330 Leaders absorb discomfort for the team.md',
      '202209051500 Delegate the problem, not the task.md',
      '202301020900 Team leadership map.md',
      'Reading list.md',
    ]);
  });

  it('starts from a path, and from an unresolved ID with the notes that reference it', async () => {
    expect(await chain('Reading list', '--depth', '1')).toStrictEqual(await chainFromAbove('example-vault/Reading list.md', '--depth', '1'));
    const byPath = await chain('Reading list.md', '--depth', '1');
    expect(byPath.note).toStrictEqual({ id: null, path: 'Reading list.md', title: 'Reading list', candidates: [] });
    expect(byPath.out.map((n) => n.id)).toStrictEqual(['202209051500', '202203081400', '202203011000']);
    const missing = await chain('202206011200', '--depth', '1');
    expect(missing).toStrictEqual({
      note: { id: '202206011200', path: null, title: '', candidates: [] },
      out: [],
      in: [
        { id: '202210031000', path: '202210031000 Name the owner of every risk.md', title: 'Name the owner of every risk', status: 'resolved', cycle: false, candidates: [], children: [] },
        { id: null, path: 'Smoke test in Obsidian.md', title: 'Smoke test in Obsidian', status: 'resolved', cycle: false, candidates: [], children: [] },
      ],
    });
  });

  it('shows an ambiguous ID as a leaf without a path, listing its candidates as text mode does', async () => {
    const result = await chain('202211141100', '--depth', '2', '--direction', 'out');
    const candidates = ['202203151000 Feedback is a habit, not an event.md', '202203151000 Praise in public, correct in private.md'];
    expect(result.out).toStrictEqual([{ id: '202203151000', path: null, title: '', status: 'ambiguous', cycle: false, candidates, children: [] }]);
    expect((await run(['chain', '202211141100', '--depth', '2', '--direction', 'out'])).stdout).toContain(`(ambiguous: ${candidates.join(', ')})`);
  });

  it('gives an ambiguous starting ID its candidates', async () => {
    const result = await chain('202203151000', '--depth', '1', '--direction', 'in');
    expect(result.note).toStrictEqual({
      id: '202203151000',
      path: null,
      title: '',
      candidates: ['202203151000 Feedback is a habit, not an event.md', '202203151000 Praise in public, correct in private.md'],
    });
  });

  it.each([
    [['chain'], /chain needs exactly one ID or PATH\./],
    [['chain', '202201100900', '202202031000'], /chain needs exactly one ID or PATH\./],
    [['chain', '202201100900', '--depth', 'abc'], /--depth must be a whole number from 1 to 10, not "abc"\./],
    [['chain', '202201100900', '--depth', '0'], /--depth must be from 1 to 10, not 0\./],
    [['chain', '202201100900', '--direction', 'up'], /--direction must be one of out, in, both, not "up"\./],
    [['chain', '20221003150064'], /20221003150064 is not an ID of the format 12 digits \(YYYYMMDDHHmm\), and no note has that path; for another ID format use --id-format\./],
    [['chain', '999999999999'], /^principle-chain: 999999999999 names no note and is no date and time, so it is not an ID of the format 12 digits \(YYYYMMDDHHmm\)\.\n/],
    [['chain', 'Missing note.md'], /No such file: Missing note\.md/],
    [['chain', '202210031500.mdx'], /202210031500\.mdx is not an ID of the format 12 digits/],
    [['chain', 'Archive/2022 note.md'], /No such file: Archive\/2022 note\.md/],
  ])('rejects %j with exit 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('chain on a vault where every note cites every other', () => {
  // 13 notes. Each entry lists the 12 notes its note cites, those already on its path as cycles (not
  // followed), so level k holds 12 × 12 × 11 × … entries: 19,164 to depth 4, 174,240 more at depth 5.
  const vault = mkdtempSync(path.join(tmpdir(), 'pc-chain-cap-'));
  const ids = Array.from({ length: 13 }, (_, i) => `2023010100${String(i).padStart(2, '0')}`);
  for (const id of ids) writeFileSync(path.join(vault, `${id} Note.md`), ids.filter((other) => other !== id).join(' cites ') + '\n');
  afterAll(() => rmSync(vault, { recursive: true, force: true }));

  const count = (nodes: Node[]): number => nodes.reduce((sum, n) => sum + 1 + count(n.children), 0);

  it(`stops at ${MAX_NODES.toLocaleString('en')} notes and says so on stderr, in text and in JSON`, async () => {
    const { code, json } = await runJson(['chain', ids[0], '--depth', '5', '--direction', 'out', '--vault', vault]);
    expect(code).toBe(0);
    expect(count((json as Chain).out)).toBe(MAX_NODES);
    for (const extra of [['--json'], []]) {
      const result = await run(['chain', ids[0], '--depth', '5', '--direction', 'out', '--vault', vault, ...extra]);
      expect(result.stderr).toBe('principle-chain: the chain was cut at 100000 notes; use a smaller --depth to see all of it.\n');
    }
  });

  it('says nothing when the whole chain fits', async () => {
    const result = await run(['chain', ids[0], '--depth', '4', '--direction', 'out', '--vault', vault, '--json']);
    expect(result.stderr).toBe('');
    expect(count((JSON.parse(result.stdout) as Chain).out)).toBe(12 + 12 * 12 + 12 * 11 * 12 + 12 * 11 * 10 * 12);
  });
});
