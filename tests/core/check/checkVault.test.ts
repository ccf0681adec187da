import { checkVault } from '../../../src/core/check';
import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

/** Checks an in-memory vault; `attachments` are files that are not notes. */
function check(notes: Record<string, string>, options: { format?: IdFormat; attachments?: string[]; unreadable?: { path: string; reason: string }[] } = {}) {
  const format = options.format ?? TWELVE_DIGIT;
  const index = new IdIndex({ format });
  for (const [path, text] of Object.entries(notes)) {
    index.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' }) });
  }
  const all = new Set([...Object.keys(notes), ...(options.attachments ?? [])]);
  const paths = {
    has: (p: string) => all.has(p),
    byBasename: (name: string) => [...all].filter((p) => p === name || p.endsWith(`/${name}`)),
  };
  return checkVault(index, { paths, unreadable: options.unreadable, textOf: (p) => notes[p] });
}

describe('checkVault counts', () => {
  it('counts every reference of every form exactly once by resolution', () => {
    const report = check({
      '202101010000 A.md': 'See 202101010001 B, [[202101010001 B]], [b](202101010001%20B.md), 202212312359 and 202101010002.',
      '202101010001 B.md': 'B.',
      '202101010002 C.md': 'C one.',
      '202101010002 D.md': 'C two.',
      'No id.md': '202101010000 A',
    });
    expect(report).toMatchObject({ notes: 5, notesWithId: 4, references: 6, resolved: 4, unresolved: 1, ambiguous: 1 });
    expect(report.references).toBe(report.resolved + report.unresolved + report.ambiguous);
  });

  it('does not count a digit run that names no note and is no plausible timestamp', () => {
    const report = check({ '202101010000 A.md': 'Ticket 987654321012 and 202113011200.' });
    expect(report).toMatchObject({ references: 0, problems: [] });
  });

  it('counts an impossible timestamp that names a note as resolved', () => {
    const report = check({ '20221003150064.md': '# x', 'a.md': 'See 20221003150064 here.' }, { format: FOURTEEN_DIGIT });
    expect(report).toMatchObject({ references: 1, resolved: 1, problems: [] });
  });

  it('is clean when every reference resolves and every link names its file', () => {
    const report = check({
      '202101010000 A.md': '202101010000 A links [[202101010001 B#Part|bee]] and ![[202101010001 B]].',
      '202101010001 B.md': 'Back to [a](202101010000%20A.md).',
    });
    expect(report).toStrictEqual({ notes: 2, notesWithId: 2, references: 3, resolved: 3, unresolved: 0, ambiguous: 0, problems: [] });
  });

  it('leaves a note naming its own ID out of the counts and the problems', () => {
    const report = check({
      '202101010000 A.md': '202101010000 A\nBuilds on 202101010001 B and [[202101010000 Old A]].',
      '202101010001 B.md': '202101010001 B',
    });
    expect(report).toStrictEqual({ notes: 2, notesWithId: 2, references: 1, resolved: 1, unresolved: 0, ambiguous: 0, problems: [] });
  });
});

describe('checkVault problems', () => {
  it.each([
    ['unresolved bare ID', { 'a.md': 'x\nSee 202201010900 here.' }, { kind: 'unresolved-id', file: 'a.md', line: 2, id: '202201010900' }],
    ['unresolved wikilink', { 'a.md': '[[202201010900 Gone]]' }, { kind: 'unresolved-id', file: 'a.md', line: 1, id: '202201010900' }],
    ['stale wikilink', { '202101010001 New.md': '', 'a.md': '\n\n[[202101010001 Old]]' }, { kind: 'stale-link', file: 'a.md', line: 3, id: '202101010001' }],
    ['stale markdown link', { 'n/202101010001 New.md': '', 'a.md': '[x](202101010001%20Old.md)' }, { kind: 'stale-link', file: 'a.md', line: 1, id: '202101010001' }],
  ])('%s', (_name, notes, expected) => {
    const report = check(notes);
    expect(report.problems).toStrictEqual([expect.objectContaining(expected)]);
    expect(report.problems[0].message.length).toBeGreaterThan(20);
  });

  it('does not call a link stale when it names a folder holding README.md or index.md', () => {
    const report = check({
      '202109260705/README.md': '# Folder note',
      '202109260706/index.md': '# Other',
      'zet/a.md': '[one](../202109260705) [two](/202109260706) [three](../202109260705/README.md)',
    });
    expect(report).toMatchObject({ references: 3, resolved: 3, problems: [] });
  });

  it('does not call a link stale when it names an attachment file that exists', () => {
    const report = check({ '202101010001 Note.md': '', 'a.md': '![[202101010001 diagram.png]]' }, { attachments: ['202101010001 diagram.png'] });
    expect(report.problems).toStrictEqual([]);
  });

  it('reports a duplicate ID once, naming every file, and each reference to it from another note as ambiguous', () => {
    const report = check({
      '202101010001 One.md': '202101010001 One',
      '202101010001 Two.md': '# 202101010001 Two',
      '202101010001 Three.md': '',
      'a.md': 'See 202101010001.',
    });
    expect(report.problems.map((p) => [p.kind, p.file, p.line, p.id])).toStrictEqual([
      ['duplicate-id', '202101010001 One.md', 1, '202101010001'],
      ['ambiguous-id', 'a.md', 1, '202101010001'],
    ]);
    expect(report.problems[0].message).toBe(
      '202101010001 is the ID of 3 notes (202101010001 One.md, 202101010001 Three.md, 202101010001 Two.md). ' +
        'Give each note its own ID; until then every reference to 202101010001 is ambiguous.',
    );
    expect(report).toMatchObject({ references: 1, ambiguous: 1 });
  });

  it('reports unreadable files with a null id and their reason', () => {
    const report = check({}, { unreadable: [{ path: 'bin.md', reason: 'it contains NUL bytes' }] });
    expect(report.problems).toStrictEqual([{ kind: 'unreadable-file', file: 'bin.md', line: 1, id: null, message: 'Not checked: it contains NUL bytes.' }]);
  });

  it('leaves out an unreadable note the index knows by its name, and checks every other note', () => {
    // As the command line builds it: every note by its name first, then each note read; one could not be.
    const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    const all = ['202101010000 A.md', '202101010001 B.md'];
    index.putNames(all, options);
    const text = 'Builds on 202101010001 B and 202101010009.';
    index.put(new NoteScanner(options).scan(all[0], text));
    const report = checkVault(index, {
      paths: { has: (p: string) => all.includes(p), byBasename: (name: string) => all.filter((p) => p === name) },
      unreadable: [{ path: all[1], reason: 'it is not valid UTF-8 text' }],
      textOf: (p) => (p === all[0] ? text : undefined),
    });
    // B still owns its ID, so the reference to it resolves; B itself is neither counted nor checked.
    expect(report).toMatchObject({ notes: 1, notesWithId: 1, references: 2, resolved: 1, unresolved: 1 });
    expect(report.problems.map((p) => [p.kind, p.file])).toStrictEqual([['unresolved-id', all[0]], ['unreadable-file', all[1]]]);
  });

  it('sorts problems by file then line, keeping text order within a line', () => {
    const report = check({
      'b.md': '202201010901 then 202201010902\n202201010903',
      'a.md': '\n\n202201010904',
    });
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.id}`)).toStrictEqual([
      'a.md:3:202201010904', 'b.md:1:202201010901', 'b.md:1:202201010902', 'b.md:2:202201010903',
    ]);
  });

  it('names the note a broken bare ID was meant for when exactly one title follows it', () => {
    const report = check({ '202201100900 Clarity is a gift.md': '', 'a.md': 'As 202201010900 Clarity is a gift says.' });
    expect(report.problems[0].message).toBe(
      'No note has the ID 202201010900. The title after it is the title of 202201100900 Clarity is a gift.md: did you mean 202201100900?',
    );
  });

  it.each([
    ['its title is in a link', { '202201100900 Clarity is a gift.md': '', 'a.md': 'As [[202201010900 Clarity is a gift]] says.' }],
    ['the note with that title has no ID', { 'Clarity is a gift.md': '', 'a.md': 'As 202201010900 Clarity is a gift says.' }],
  ])('names no note for a broken ID when %s', (_name, notes) => {
    // Only a bare ID is followed by prose a title can stand in, and only a note with an ID can be meant.
    const report = check(notes);
    expect(report.problems).toStrictEqual([expect.objectContaining({ kind: 'unresolved-id', file: 'a.md', message: 'No note has the ID 202201010900. Create the note, or correct the ID.' })]);
  });

  it.each([
    ['is not given', undefined],
    ['gives no text', () => undefined],
  ])('reports a broken bare ID, naming no note, when textOf %s', (_name, textOf) => {
    const notes: Record<string, string> = { '202201100900 Clarity is a gift.md': '', 'a.md': 'As 202201010900 Clarity is a gift says.' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    for (const [path, text] of Object.entries(notes)) index.put(extractNoteFacts(path, text, { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' }));
    const paths = { has: (p: string) => p in notes, byBasename: () => [] };
    const report = checkVault(index, { paths, textOf });
    expect(report.problems).toStrictEqual([expect.objectContaining({ kind: 'unresolved-id', message: 'No note has the ID 202201010900. Create the note, or correct the ID.' })]);
  });

  it('counts a resolved link whose text cannot be read back, and calls it stale only when it can be judged', () => {
    // Scanned facts keep no link strings: with no texts and no kept targets, the link cannot be judged.
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.put(scanner.scan('202101010001 New.md', ''));
    index.put(scanner.scan('a.md', 'See [[202101010001 Old]].'));
    const report = checkVault(index, { paths: { has: () => false, byBasename: () => [] } });
    expect(report).toMatchObject({ references: 1, resolved: 1, problems: [] });
  });

  it.each([
    ['no title follows', 'As 202201010900 says.'],
    ['the title runs on into a word', 'As 202201010900 Clarity is a giftshop says.'],
    ['two notes share the title', 'As 202201010900 Twin says.'],
  ])('guesses nothing when %s', (_name, text) => {
    const report = check({ '202201100900 Clarity is a gift.md': '', '202201100901 Twin.md': '', '202201100902 Twin.md': '', 'a.md': text });
    const problem = report.problems.find((p) => p.file === 'a.md');
    expect(problem?.message).toBe('No note has the ID 202201010900. Create the note, or correct the ID.');
  });
});

describe('checkVault on real-vault shapes', () => {
  it('counts a Denote link (denote:ID) by its ID and never calls it stale', () => {
    const report = check(
      {
        '20200310T094419==2--reading-notes__books.md': '',
        'a.md': '[r](denote:20200310T094419) and [gone](denote:20990101T000000)',
      },
      { format: DENOTE },
    );
    expect(report).toMatchObject({ references: 2, resolved: 1, unresolved: 1 });
    expect(report.problems.map((p) => [p.kind, p.id])).toStrictEqual([['unresolved-id', '20990101T000000']]);
  });

  it('counts IDs in Japanese prose, definitions and footnote lines, on the lines a lone-CR note has', () => {
    const report = check({
      '202001011200-小さな一歩.md': '',
      '202002021200-書く.md': '',
      'a.md': '詳細は202001011200を参照\r\r[n]: /202002021200-書く.md\r\r[^1]: 202003031200 も',
    });
    expect(report).toMatchObject({ references: 3, resolved: 2, unresolved: 1 });
    expect(report.problems.map((p) => [p.kind, p.line, p.id])).toStrictEqual([['unresolved-id', 5, '202003031200']]);
  });
});
