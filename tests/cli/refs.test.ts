import { readFileSync } from 'fs';
import * as path from 'path';
import { EXAMPLE_VAULT, VAULT_PARENT, run, runJson } from './harness';

interface Row {
  file: string; id: string; form: string; line: number; column: number; from: number; to: number; status: string; targets: string[]; self: boolean;
}

async function refs(...files: string[]): Promise<Row[]> {
  const { code, json } = await runJson(['refs', ...files]);
  expect(code).toBe(0);
  return json as Row[];
}

describe('refs on the example vault', () => {
  it('prints rows with the contract keys whose offsets point at the ID in the file text', async () => {
    const files = ['Reading list.md', '202203081400 One-on-ones belong to the report.md', 'Psychological safety comes before candour.md'];
    const rows = await refs(...files);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(Object.keys(row)).toStrictEqual(['file', 'id', 'form', 'line', 'column', 'from', 'to', 'status', 'targets', 'self']);
      const text = readFileSync(path.join(EXAMPLE_VAULT, row.file), 'utf8');
      expect(text.slice(row.from, row.to)).toBe(row.id);
      const lineStart = row.from - (row.column - 1);
      expect(text.slice(0, lineStart).split('\n').length).toBe(row.line);
      expect(lineStart === 0 || text[lineStart - 1] === '\n').toBe(true);
    }
  });

  it('lists every form with its status and sorted targets, in text order', async () => {
    const rows = await refs('Psychological safety comes before candour.md');
    expect(rows.map((r) => [r.line, r.id, r.form, r.status, r.targets])).toStrictEqual([
      [8, '202202101200', 'bare', 'resolved', ['Psychological safety comes before candour.md']],
      [10, '202203081400', 'bare', 'resolved', ['202203081400 One-on-ones belong to the report.md']],
      [10, '202203151000', 'wikilink', 'ambiguous', ['202203151000 Feedback is a habit, not an event.md', '202203151000 Praise in public, correct in private.md']],
    ]);
  });

  it('flags a note naming its own ID (from its file name or its frontmatter) as a self-reference, and nothing else', async () => {
    const rows = await refs('202211141100 Celebrate finished work.md', 'Psychological safety comes before candour.md');
    expect(rows.map((r) => `${r.line}:${r.id} ${r.self}`)).toStrictEqual([
      '1:202211141100 true', '3:202203151000 false', '8:202202101200 true', '10:202203081400 false', '10:202203151000 false',
    ]);
  });

  it('counts no ID inside code, math, comments, URLs, image names, tags or block ids', async () => {
    const rows = await refs('202302140930 Tools are not the principle.md');
    expect(rows.map((r) => `${r.line}:${r.id}`)).toStrictEqual(['1:202302140930']);
  });

  it('finds the markdown link, the embed and the folder link', async () => {
    const forms = async (file: string) => (await refs(file)).map((r) => `${r.form} ${r.id} ${r.status}`);
    expect(await forms('202201150815 A decision nobody can find was never made.md')).toContain('markdown 202201181100 resolved');
    expect(await forms('202203011000/README.md')).toContain('wikilink 202201150815 resolved');
    expect(await forms('Reading list.md')).toContain('markdown 202203011000 resolved');
  });

  it('reads a CRLF note with offsets into its text as read', async () => {
    const rows = await refs('202203081400 One-on-ones belong to the report.md');
    const text = readFileSync(path.join(EXAMPLE_VAULT, rows[0].file), 'utf8');
    expect(text).toContain('\r\n');
    expect(rows.map((r) => text.slice(r.from, r.to))).toStrictEqual(rows.map((r) => r.id));
    expect(rows[2].line).toBe(4);
  });

  it('accepts paths relative to the current folder and keeps the order given, once each', async () => {
    const { code, json } = await runJson(
      ['refs', '--vault', 'example-vault', 'example-vault/Reading list.md', '202212011000 Protect focus time.md', 'Reading list.md'],
      { cwd: VAULT_PARENT },
    );
    expect(code).toBe(0);
    const rows = json as Row[];
    expect([...new Set(rows.map((r) => r.file))]).toStrictEqual(['Reading list.md', '202212011000 Protect focus time.md']);
  });

  it('prints a readable listing in text mode', async () => {
    const result = await run(['refs', '202211141100 Celebrate finished work.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '202211141100 Celebrate finished work.md: 2 references',
        '  1:1     202211141100  bare      resolved    202211141100 Celebrate finished work.md  (self)',
        '  3:40    202203151000  bare      ambiguous   202203151000 Feedback is a habit, not an event.md, 202203151000 Praise in public, correct in private.md',
        '',
      ].join('\n'),
    );
  });
});
