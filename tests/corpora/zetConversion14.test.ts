import { existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { isPlausibleTimestamp } from '../../src/core/ids/timestamp';
import { runJson } from '../cli/harness';
import {
  byFile, describeCorpus, expectCheckInvariants, expectRowsPointAtIds, folderNotes, linesOutsideFences, readNote,
  type CheckJson, type RefJson,
} from './corpora';

describeCorpus('zet-conversion-14digit', (vault) => {
  const notes = folderNotes(vault);
  const isNote = (id: string) => existsSync(path.join(vault, id, 'README.md'));
  let rows: RefJson[];
  let report: CheckJson;
  let checkCode: number;
  beforeAll(async () => {
    rows = (await runJson(['refs', '--vault', vault, '--id-format', '14', ...notes])).json as RefJson[];
    const check = await runJson(['check', '--vault', vault, '--id-format', '14']);
    report = check.json as CheckJson;
    checkCode = check.code;
  }, 30_000);

  it('reports the counts and the dangling references, and exits 1', () => {
    expectCheckInvariants(report);
    expect(checkCode).toBe(1);
    // 2095 ID/README.md notes plus two plain notes (20221007182026/todo.md and notes.md) without an ID.
    // refs lists 16245 references; the 6 where a note names its own ID are not counted.
    expect(report).toMatchObject({ notes: 2097, notesWithId: 2095, references: 16239, resolved: 16172, unresolved: 67, ambiguous: 0 });
    expect(new Set(report.problems.map((p) => p.kind))).toStrictEqual(new Set(['unresolved-id']));
    expect(report.problems).toHaveLength(67);
    expect(report.problems[0]).toStrictEqual({
      kind: 'unresolved-id',
      file: '20221003150193/README.md',
      line: 8,
      id: '20221003150233',
      message: 'No note has the ID 20221003150233. Create the note, or correct the ID.',
    });
    expect(report.problems.filter((p) => p.file === '20221014024704/README.md')).toHaveLength(66);
  });

  it('lists, per note, exactly the /zet/ID/README.md links outside code fences (an oracle independent of the scanner)', () => {
    // The two plain notes hold no references, so the folder notes' rows are all of them: those check
    // counts, and the self-references (a note naming its own ID), which it does not.
    const self = rows.filter((r) => r.self);
    expect(self.map((r) => r.file)).toStrictEqual(self.map((r) => `${r.id}/README.md`));
    expect(rows).toHaveLength(report.references + 6);
    expect(self).toHaveLength(6);
    expectRowsPointAtIds(rows, (file) => readNote(vault, file));
    const grouped = byFile(rows);
    const differing = notes.flatMap((note) => {
      const expected = linesOutsideFences(readNote(vault, note)).flatMap(({ line, text }) =>
        [...text.matchAll(/\]\(\/zet\/(\d{14})\/README\.md\)/g)]
          .filter(([, id]) => isNote(id) || isPlausibleTimestamp(id))
          .map(([, id]) => `${line} ${id}`),
      );
      const listed = (grouped.get(note) ?? []).filter((r) => r.form === 'markdown').map((r) => `${r.line} ${r.id}`);
      return JSON.stringify(listed) === JSON.stringify(expected) ? [] : [{ note, expected, listed }];
    });
    expect(differing).toStrictEqual([]);
  });

  it('resolves every reference to the 452 notes whose IDs are impossible timestamps (seconds 60–99)', () => {
    const impossible = readdirSync(vault).filter((entry) => /^\d{14}$/.test(entry) && Number(entry.slice(12)) > 59);
    expect(impossible).toHaveLength(452);
    const toThem = rows.filter((r) => Number(r.id.slice(12)) > 59);
    expect(new Set(toThem.map((r) => r.status))).toStrictEqual(new Set(['resolved']));
    expect(new Set(toThem.map((r) => r.id))).toStrictEqual(new Set(impossible));
    expect(toThem).toHaveLength(2953);
  });

  it('does not count an impossible timestamp that names no note', () => {
    // The hub lists [20221003150163](/zet/20221003150163/README.md) on line 29, a note that does not exist.
    expect(readNote(vault, '20221014024704/README.md').split('\n')[28]).toContain('[20221003150163](/zet/20221003150163/README.md)');
    expect(isNote('20221003150163')).toBe(false);
    expect(rows.some((r) => r.id === '20221003150163')).toBe(false);
  });

  it('skips IDs inside fenced and inline code but counts a zet path in prose', () => {
    const text = readNote(vault, '20221004212452/README.md').split('\n');
    expect(text.slice(3, 6)).toStrictEqual(['```', 'zet/20221003151424/README.md    bash scripting      #bash #script', '```']);
    expect(text[12]).toBe('` zet/20221004212452/README.md `');
    const own = rows.filter((r) => r.file === '20221004212452/README.md');
    expect(own.some((r) => r.line === 5 || r.line === 13)).toBe(false);
    expect(own.filter((r) => r.form === 'bare').map((r) => `${r.line}:${r.column} ${r.id}`)).toStrictEqual([
      '9:5 20221003151332', '10:1 20221003151332', '11:5 20221003151329',
    ]);
  });

  it('draws the chain of the note with 754 outgoing links', async () => {
    const { code, json } = await runJson(['chain', '--vault', vault, '--id-format', '14', '20221014024704', '--depth', '1']);
    const chain = json as { note: unknown; out: { status: string }[]; in: unknown[] };
    expect(code).toBe(0);
    expect(chain.note).toStrictEqual({ id: '20221014024704', path: '20221014024704/README.md', title: 'list of sparse nodes', candidates: [] });
    expect(chain.out).toHaveLength(754);
    expect(chain.out.filter((n) => n.status === 'unresolved')).toHaveLength(66);
    expect(chain.in).toHaveLength(5);
  });
});
