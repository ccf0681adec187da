import { existsSync } from 'fs';
import * as path from 'path';
import { isPlausibleTimestamp } from '../../src/core/ids/timestamp';
import { run, runJson } from '../cli/harness';
import {
  byFile, describeCorpus, expectCheckInvariants, expectRowsPointAtIds, folderNotes, linesOutsideFences, readNote,
  type CheckJson, type RefJson,
} from './corpora';

describeCorpus('zettelkasten-public-12digit', (vault) => {
  const notes = folderNotes(vault);
  let rows: RefJson[];
  beforeAll(async () => {
    rows = (await runJson(['refs', '--vault', vault, ...notes])).json as RefJson[];
  });

  it('checks clean: every markdown link [ID](../ID) resolves to its folder note', async () => {
    const { code, json } = await runJson(['check', '--vault', vault]);
    const report = json as CheckJson;
    expectCheckInvariants(report);
    expect(code).toBe(0);
    // 138 ID/README.md notes plus README.md and REGISTRY.md at the root, which have no ID. Of the
    // 183 references refs lists, 2 are notes linking to themselves, which check does not count.
    expect(report).toStrictEqual({ notes: 140, notesWithId: 138, references: 181, resolved: 181, unresolved: 0, ambiguous: 0, problems: [] });
  });

  it('lists, per note, exactly the ../ID links outside code fences (an oracle independent of the scanner)', () => {
    expectRowsPointAtIds(rows, (file) => readNote(vault, file));
    expect(rows).toHaveLength(183);
    expect(rows.filter((r) => r.self).map((r) => `${r.file} ${r.id}`)).toStrictEqual(['202112021908/README.md 202112021908', '202112061553/README.md 202112061553']);
    const grouped = byFile(rows);
    const differing = notes.flatMap((note) => {
      const expected = linesOutsideFences(readNote(vault, note)).flatMap(({ line, text }) =>
        [...text.matchAll(/\]\(\.\.\/(\d{12})\)/g)]
          .filter(([, id]) => existsSync(path.join(vault, id)) || isPlausibleTimestamp(id))
          .map(([, id]) => `${line} ${id}`),
      );
      const listed = (grouped.get(note) ?? []).map((r) => `${r.line} ${r.id}`);
      return JSON.stringify(listed) === JSON.stringify(expected) ? [] : [{ note, expected, listed }];
    });
    expect(differing).toStrictEqual([]);
    expect(new Set(rows.map((r) => r.form))).toStrictEqual(new Set(['markdown']));
  });

  it('does not count IDs of real notes that stand inside a code fence', async () => {
    // 202212250755 quotes JSON and JS holding "zettel_id": "202201310445" and zetId: "202201191736".
    expect(readNote(vault, '202212250755/README.md')).toContain('"zettel_id": "202201310445"');
    expect(rows.filter((r) => r.file === '202212250755/README.md')).toStrictEqual([]);
    const chain = (await runJson(['chain', '--vault', vault, '202201310445', '--direction', 'in', '--depth', '1'])).json as { in: { path: string }[] };
    expect(chain.in.map((n) => n.path)).toStrictEqual(['202201310422/README.md']);
  });

  it('does not count a link into another repository, whose destination is a URL', () => {
    expect(readNote(vault, '202311250110/README.md')).toContain('[202311260454](https://github.com/');
    expect(rows.some((r) => r.id === '202311260454')).toBe(false);
  });

  it('follows the Big O hub in both directions, titled by each note\'s first heading', async () => {
    const result = await run(['chain', '--vault', vault, '202201310445', '--depth', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '- 202201310445 Big O Notation: Considerations',
        '  - Builds on (none)',
        '  - Built on by',
        '    - 202201310422 Big O Notation: Hub Node',
        '      - 202201310334 Software Interview Preparation: Hub Node',
        '',
      ].join('\n'),
    );
  });
});
