import * as fs from 'fs';
import * as path from 'path';
import { run } from './harness';

/** The core's approved renders of the example vault: the command must print exactly these. */
function approved(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../core/chain/__approved__', name), 'utf8');
}

describe('graph on the example vault', () => {
  test.each([
    [['202201100900', '--format', 'mermaid'], 'example-chain.mmd'],
    [['202201100900'], 'example-chain.mmd'],
    [['202201100900 Clarity is a gift to the team.md', '--format', 'dot'], 'example-chain.dot'],
    [['202201100900', '--format', 'json'], 'example-chain.json'],
    [['202201100900', '--json'], 'example-chain.json'],
    [['202201100900', '--json', '--format', 'json'], 'example-chain.json'],
    [['--format', 'mermaid'], 'example-vault-graph.mmd'],
    [['--format', 'dot'], 'example-vault-graph.dot'],
    [['--json'], 'example-vault-graph.json'],
  ])('graph %j prints the approved %s', async (argv, file) => {
    const result = await run(['graph', ...argv]);
    expect(result).toStrictEqual({ code: 0, stdout: approved(file), stderr: '' });
  });

  test('--depth and --direction shape the chain like `chain` does', async () => {
    const result = await run(['graph', '202201100900', '--depth', '1', '--direction', 'out', '--json']);
    const json = JSON.parse(result.stdout) as { root: string; nodes: { id: string }[]; edges: { from: string; to: string }[] };
    expect(json.nodes.map((node) => node.id)).toStrictEqual(['202201100900', '202201121430', '202209051500']);
    expect(json.edges.every((edge) => edge.from === json.root)).toBe(true);
  });

  test.each([
    [['--format', 'svg'], /--format must be one of mermaid, dot, json, not "svg"/],
    [['202201100900', '--format', 'dot', '--json'], /--json and --format dot ask for different outputs/],
    [['--depth', '2'], /--depth and --direction follow a chain: give an ID or PATH/],
    [['--direction', 'in'], /--depth and --direction follow a chain/],
    [['202201100900', '202201121430'], /graph takes at most one ID or PATH/],
    [['202201100900', '--depth', '11'], /--depth must be from 1 to 10/],
    [['202201100900', '--direction', 'up'], /--direction must be one of out, in, both, not "up"/],
    [['202201100900', '--json', '--format', 'json', '--format', 'svg'], /Option --format was given twice, as "json" and "svg"/],
    [['no such note.md'], /No such file: no such note\.md/],
  ])('graph %j is a usage error that says why', async (argv, message) => {
    const result = await run(['graph', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Run "principle-chain graph --help" for usage.');
  });

  test('the overall help lists the command', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^ {2}graph +Print a chain, or the whole vault, as a graph/m);
  });
});
