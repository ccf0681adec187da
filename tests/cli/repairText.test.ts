/**
 * `repair`'s text and the order of its problems, rule by rule: a plan of edits alone, entries of one
 * note by line, white space shown rather than printed, an empty side of an edit, files left unwritten.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { repairTextLines, type RepairOutcomeSummary } from '../../src/cli/repairText';
import { PLAIN, renderLines } from '../../src/cli/textLayout';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import type { Problem } from '../../src/core/check';
import type { RepairEdit, RepairPlan } from '../../src/core/repair/types';
import { runJson } from './harness';

const TEXT = 'Builds on 202201010900 Old title.\nSecond line.\nThird line.\n';

function staleTitle(overrides: Partial<RepairEdit> = {}): RepairEdit {
  return { kind: 'stale-title', line: 1, id: '202201010900', from: 23, to: 32, before: 'Old title', after: 'New title', ...overrides };
}

function unresolved(file: string, line: number): Problem {
  return { kind: 'unresolved-id', file, line, id: '202101011000', message: 'No note has the ID 202101011000.' };
}

function textOf(plan: RepairPlan, outcome: RepairOutcomeSummary | null = null): string[] {
  return renderLines(repairTextLines(plan, outcome, 3), PLAIN).trimEnd().split('\n');
}

describe("repair's text", () => {
  it('with edits and no problems, gives the plan and the dry-run line, not "nothing to repair"', () => {
    const plan: RepairPlan = { files: [{ path: 'a.md', text: TEXT, edits: [staleTitle()] }], problems: [] };
    expect(textOf(plan)).toStrictEqual([
      'a.md',
      '  line 1  stale-title',
      '    before  Builds on 202201010900 Old title.',
      '    after   Builds on 202201010900 New title.',
      '',
      '1 edit in 1 file: 1 stale title.',
      'Dry run: nothing was written. Run again with --apply to write these edits.',
    ]);
  });

  it("lists a note's problems and edits by line, a problem before an edit on the same line", () => {
    const plan: RepairPlan = {
      files: [{ path: 'a.md', text: TEXT, edits: [staleTitle()] }],
      problems: [unresolved('a.md', 3), unresolved('a.md', 1)],
    };
    const rows = textOf(plan).filter((row) => row.startsWith('  line '));
    expect(rows).toStrictEqual(['  line 1  unresolved-id  No note has the ID 202101011000.', '  line 1  stale-title', '  line 3  unresolved-id  No note has the ID 202101011000.']);
  });

  it('shows line breaks and tabs inside an edit as symbols, so each edit stays on its rows', () => {
    const edit = staleTitle({ before: 'Old\r\ntitle', after: 'New\ttitle' });
    const rows = textOf({ files: [{ path: 'a.md', text: TEXT, edits: [edit] }], problems: [] });
    expect(rows.slice(2, 4)).toStrictEqual(['    before  Builds on 202201010900 Old␍␊title.', '    after   Builds on 202201010900 New⇥title.']);
  });

  it('says "(nothing)" for an empty side of an edit', () => {
    const removal = staleTitle({ after: '' });
    const insertion = staleTitle({ from: 23, to: 23, before: '' });
    const rows = textOf({ files: [{ path: 'a.md', text: TEXT, edits: [removal, insertion] }], problems: [] });
    expect(rows.filter((row) => row.includes('(nothing)'))).toStrictEqual([
      '    after   Builds on 202201010900 (nothing).',
      '    before  Builds on 202201010900 (nothing)Old title.',
    ]);
  });

  it('after --apply, says how many files were not written and what to do', () => {
    const plan: RepairPlan = {
      files: ['a.md', 'b.md', 'c.md'].map((file) => ({ path: file, text: TEXT, edits: [staleTitle()] })),
      problems: [],
    };
    expect(textOf(plan, { written: 2, notWritten: 1 }).slice(-2)).toStrictEqual([
      '3 edits in 3 files: 3 stale titles.',
      "Wrote 2 of 3 files. 1 not written; each one's reason is on stderr.",
    ]);
    expect(textOf(plan, { written: 3, notWritten: 0 }).slice(-1)).toStrictEqual(['Wrote 3 of 3 files.']);
  });
});

describe("repair's JSON problems", () => {
  let vault: string;
  beforeAll(() => {
    vault = mkdtempSync(path.join(tmpdir(), 'pc-repair-order-'));
    writeFileSync(path.join(vault, '202101010900 A.md'), 'Builds on 202101011001.\n\nAnd on 202101011002.\n');
    writeFileSync(path.join(vault, '202101010901 B.md'), 'Locked.\n');
    writeFileSync(path.join(vault, '202101010902 C.md'), 'Builds on 202101011003.\n');
  });
  afterAll(() => rmSync(vault, { recursive: true, force: true }));

  it('come by file and then by line, a file that could not be read in its place', async () => {
    const locked = path.join(vault, '202101010901 B.md');
    const fs: VaultFs = {
      ...nodeVaultFs,
      read: (absolute) => (absolute === locked ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) : nodeVaultFs.read(absolute)),
    };
    const { json } = await runJson(['repair', vault], { fs });
    const problems = (json as { problems: Problem[] }).problems.map((p) => `${p.file}:${p.line} ${p.kind}`);
    expect(problems).toStrictEqual(['202101010900 A.md:1 unresolved-id', '202101010900 A.md:3 unresolved-id', '202101010901 B.md:1 unreadable-file', '202101010902 C.md:1 unresolved-id']);
  });
});
