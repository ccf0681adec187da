import { approvalsIn } from '../approval';
import { EXAMPLE_VAULT, VAULT_PARENT, run, runJson } from './harness';
import * as path from 'path';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));

const PROBLEM_KINDS = ['unresolved-id', 'ambiguous-id', 'duplicate-id', 'stale-link', 'unreadable-file'];

describe('check on the example vault', () => {
  it('prints the contract JSON, keys in contract order, and exits 1 for the problems it finds', async () => {
    const { code, json } = await runJson(['check']);
    const report = json as Record<string, unknown> & { problems: Record<string, unknown>[] };
    expect(code).toBe(1);
    expect(Object.keys(report)).toStrictEqual(['notes', 'notesWithId', 'references', 'resolved', 'unresolved', 'ambiguous', 'problems']);
    for (const problem of report.problems) {
      expect(Object.keys(problem)).toStrictEqual(['kind', 'file', 'line', 'id', 'message']);
      expect(PROBLEM_KINDS).toContain(problem.kind);
    }
    expect(report.references).toBe((report.resolved as number) + (report.unresolved as number) + (report.ambiguous as number));
  });

  it('finds exactly the faults the vault was written with', async () => {
    const { json } = await runJson(['check']);
    const report = json as { notes: number; notesWithId: number; problems: { kind: string; file: string; line: number; id: string }[] };
    expect(report.notes).toBe(27);
    expect(report.notesWithId).toBe(25);
    expect(report.problems.map((p) => `${p.kind} ${p.id} ${p.file}:${p.line}`)).toStrictEqual([
      'duplicate-id 202203151000 202203151000 Feedback is a habit, not an event.md:1',
      'unresolved-id 202201010900 202208021000 Meetings need an owner and an end.md:3',
      'unresolved-id 202206011200 202210031000 Name the owner of every risk.md:3',
      'ambiguous-id 202203151000 202211141100 Celebrate finished work.md:3',
      'stale-link 202204011030 202301020900 Team leadership map.md:9',
      'ambiguous-id 202203151000 Psychological safety comes before candour.md:10',
      // The smoke-test note clicks one unresolved and one ambiguous ID on purpose.
      'unresolved-id 202206011200 Smoke test in Obsidian.md:9',
      'ambiguous-id 202203151000 Smoke test in Obsidian.md:10',
    ]);
  });

  it('matches the approved JSON and text', async () => {
    const json = await run(['check', '--json']);
    expectApproved('check.json', json.stdout);
    const text = await run(['check']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expectApproved('check.txt', text.stdout);
  });

  it('takes the vault as a positional folder as well as --vault', async () => {
    // From the folder above it, the vault is named relative to the current folder; by default it is the current folder.
    const byOption = await run(['check', '--vault', 'example-vault', '--json'], { cwd: VAULT_PARENT });
    const byPositional = await run(['check', 'example-vault', '--json'], { cwd: VAULT_PARENT });
    const byDefault = await run(['check', '--json'], { cwd: EXAMPLE_VAULT });
    expect(byOption.stdout).toBe(byDefault.stdout);
    expect(byPositional.stdout).toBe(byDefault.stdout);
  });
});
