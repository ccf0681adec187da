/**
 * The screen (src/core/repair/screen.ts) lets a plan skip notes by what the index stored of them.
 * It must never change a plan: on the fixture vaults, the example vault, the shared corpora, a
 * generated vault and random vaults, each as found and with notes renamed, renumbered and moved
 * (stale links, stale titles, broken IDs), with every link style and rename history, the plan of
 * the notes the screen lets through equals the plan of every note, byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { generateNotes } from '../../bench/generate';
import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { NoteScanner } from '../../src/core/index/scannedNote';
import { createRepairContext } from '../../src/core/repair/context';
import { planRepairs } from '../../src/core/repair/plan';
import { createNoteScreen, filesToPlan } from '../../src/core/repair/screen';
import type { RepairPlan } from '../../src/core/repair/types';
import { DEFAULT_SETTINGS, type LinkStyle } from '../../src/core/settings';
import { CORPORA } from '../corpora/corpora';
import { EXAMPLE_VAULT, exampleVaultFiles } from '../exampleVault';

type Files = Map<string, string>;
type History = ReadonlyMap<string, readonly string[]>;

const STYLES: readonly LinkStyle[] = ['off', 'wikilink', 'bare'];
/** An attachment beside the notes: links may name it. */
const ATTACHMENT = 'assets/diagram.png';

function optionsFor(format: IdFormat) {
  return { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
}

/** As the plugin and the command line build it: names first, then each note scanned in the compact form. */
function scannedIndex(files: Files, format: IdFormat): IdIndex {
  const index = new IdIndex({ format });
  const paths = [...files.keys()];
  index.putNames(paths, optionsFor(format));
  const scanner = new NoteScanner(optionsFor(format));
  for (const [file, text] of files) index.put(scanner.scan(file, text));
  return index;
}

/** With facts given whole (strings included), as tests and older callers give them. */
function givenIndex(files: Files, format: IdFormat): IdIndex {
  const index = new IdIndex({ format });
  for (const [file, text] of files) index.apply({ kind: 'upsert', facts: extractNoteFacts(file, text, optionsFor(format)) });
  return index;
}

function plans(files: Files, index: IdIndex, format: IdFormat, linkStyle: LinkStyle, renameHistory: History): { full: RepairPlan; screened: RepairPlan } {
  const context = createRepairContext({ format, index, paths: [...files.keys(), ATTACHMENT], renameHistory, linkStyle });
  const full = planRepairs([...files].map(([file, text]) => ({ path: file, text })), context);
  const screened = planRepairs(filesToPlan(files.keys(), (file) => files.get(file), createNoteScreen(index, context)), context);
  return { full, screened };
}

/**
 * The vault after renames Obsidian's users make: some notes retitled (their old title recorded),
 * some given another ID, some moved to another folder; their references left as they were.
 */
function mutated(files: Files, format: IdFormat): { files: Files; history: Map<string, string[]> } {
  const index = givenIndex(files, format);
  const out: Files = new Map();
  const history = new Map<string, string[]>();
  [...files.keys()].sort().forEach((file, i) => {
    const note = index.note(file);
    const slash = file.lastIndexOf('/');
    const folder = file.slice(0, slash + 1);
    const name = file.slice(slash + 1);
    let renamed = file;
    if (note?.id != null && note.title !== '' && note.title !== note.id && name.includes(note.title) && i % 4 === 0) {
      renamed = folder + name.replace(note.title, `${note.title} revised`);
      history.set(note.id, [note.title.slice(0, Math.max(1, note.title.length - 3)), note.title]);
    } else if (note?.id != null && file.includes(note.id) && /^\d{4}/.test(note.id) && i % 5 === 1) {
      renamed = file.replace(note.id, `1999${note.id.slice(4)}`);
    } else if (i % 6 === 2) {
      renamed = `moved/${file}`;
    }
    out.set(renamed, files.get(file) as string);
  });
  return { files: out, history };
}

/** Screened and full plans agree for both index builds, every link style and each rename history. */
function expectScreenedPlansEqual(files: Files, format: IdFormat, histories: readonly History[]): number {
  let edits = 0;
  for (const build of [scannedIndex, givenIndex]) {
    const index = build(files, format);
    for (const linkStyle of STYLES) {
      for (const history of histories) {
        const { full, screened } = plans(files, index, format, linkStyle, history);
        expect(JSON.stringify(screened)).toBe(JSON.stringify(full));
        edits += full.files.length;
      }
    }
  }
  return edits;
}

/** The vault as found (no history; a history of an ID nobody has), and renamed (with its history). */
function expectScreenAgreesOn(files: Files, format: IdFormat): void {
  const unrelated = new Map([['000000000000', ['Nothing']]]);
  expectScreenedPlansEqual(files, format, [new Map(), unrelated]);
  const renamed = mutated(files, format);
  const edits = expectScreenedPlansEqual(renamed.files, format, [renamed.history]);
  // The renamed vault must give the screen something to let through.
  expect(edits).toBeGreaterThan(0);
}

function readFolder(root: string, relative: readonly string[]): Files {
  return new Map(relative.map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
}

function markdownUnder(root: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : markdownUnder(root, relative + '/');
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

describe('the screened plan equals the full plan', () => {
  const FIXTURES: [string, IdFormat][] = [
    ['zet-14digit', FOURTEEN_DIGIT],
    ['japanese-id-slug', TWELVE_DIGIT],
    ['denote', DENOTE],
    ['blog-12digit', TWELVE_DIGIT],
  ];
  it.each(FIXTURES)('on the fixture vault %s', (name, format) => {
    const root = path.join(__dirname, '../fixtures/vaults', name);
    expectScreenAgreesOn(readFolder(root, markdownUnder(root)), format);
  });

  it('on the example vault', () => {
    expectScreenAgreesOn(readFolder(EXAMPLE_VAULT, exampleVaultFiles()), TWELVE_DIGIT);
  });

  it('on a generated vault', () => {
    const files: Files = new Map([...generateNotes({ notes: 700, seed: 13, hugeNotes: false })].map((note) => [note.path, note.text]));
    expectScreenAgreesOn(files, TWELVE_DIGIT);
  });

  const CORPUS_FORMATS: [string, IdFormat][] = [
    ['zettelkasten-public-12digit', TWELVE_DIGIT],
    ['zet-conversion-14digit', FOURTEEN_DIGIT],
  ];
  for (const [name, format] of CORPUS_FORMATS) {
    const root = path.join(CORPORA, name);
    (fs.existsSync(root) ? it : it.skip)(`on the corpus ${name}`, () => {
      expectScreenAgreesOn(readFolder(root, markdownUnder(root)), format);
    }, 300_000);
  }
});

describe('the screened plan equals the full plan on random vaults', () => {
  const NOTES = [
    ['202108191025', 'Teams exist for a reason'],
    ['202104291524', 'Execution is the priority of the team'],
    ['202203151000', 'Feedback is a habit'],
    ['202203151000', 'Praise in public'],
    ['202301010000', 'Teams'],
  ];
  const ids = fc.constantFrom('202108191025', '202104291524', '202203151000', '202301010000', '202104291525', '202199999999', '202301010001');
  const titles = fc.constantFrom('Teams exist for a reason', 'Teams exist', 'Teams', 'Crews', 'Feedback is a habit', 'Praise in public', 'Old');
  const token = fc.oneof(
    fc.constantFrom('word', 'the team', '`code 202108191025`', '```\n202104291524 Teams\n```', '#202301010000', '\n', '\r\n', '|'),
    fc.tuple(ids, fc.option(titles)).map(([id, title]) => (title === null ? id : `${id} ${title}`)),
    fc.tuple(ids, titles, fc.constantFrom('', '|alias', '#Heading', '.md')).map(([id, title, suffix]) => `[[${id} ${title}${suffix}]]`),
    fc.tuple(ids, titles, fc.constantFrom('', '.md', '../')).map(([id, title, extra]) =>
      extra === '../' ? `[t](../${encodeURIComponent(`${id} ${title}`)}.md)` : `[t](${encodeURIComponent(`${id} ${title}`)}${extra})`,
    ),
    ids.map((id) => `[[${id}]]`),
    // Percent-encoding names a file in a markdown link only: the screen must judge each link by its own form.
    fc.tuple(ids, titles).map(([id, title]) => `[[${encodeURIComponent(`${id} ${title}`)}]]`),
  );
  const body = fc.array(token, { maxLength: 12 }).map((tokens) => tokens.join(' '));
  const vault = fc.record({
    bodies: fc.array(body, { minLength: NOTES.length + 2, maxLength: NOTES.length + 2 }),
    folders: fc.array(fc.constantFrom('', 'sub/', 'moved/'), { minLength: NOTES.length, maxLength: NOTES.length }),
    renamed: fc.subarray(['202108191025', '202301010000', '202203151000']),
    linkStyle: fc.constantFrom<LinkStyle>(...STYLES),
  });

  it('with every link style and rename history', () => {
    fc.assert(
      fc.property(vault, ({ bodies, folders, renamed, linkStyle }) => {
        const files: Files = new Map(NOTES.map(([id, title], i) => [`${folders[i]}${id} ${title}.md`, bodies[i]]));
        files.set('source.md', bodies[NOTES.length]);
        files.set('sub/other.md', bodies[NOTES.length + 1]);
        const history = new Map(renamed.map((id) => [id, ['Teams exist', 'Crews']]));
        for (const build of [scannedIndex, givenIndex]) {
          const { full, screened } = plans(files, build(files, TWELVE_DIGIT), TWELVE_DIGIT, linkStyle, history);
          expect(JSON.stringify(screened)).toBe(JSON.stringify(full));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the screen itself', () => {
  const format = TWELVE_DIGIT;
  const files: Files = new Map([
    ['202108191025 Teams exist.md', 'Plain prose with no ID.\n'],
    ['a.md', 'We act because 202108191025 Teams exist.\n'],
    ['b.md', 'See [[202108191025 Teams exist]].\n'],
    ['c.md', 'See [[202108191025 Old title]].\n'],
    ['d.md', 'As 202201011200 said.\n'],
  ]);
  const index = scannedIndex(files, format);
  const screen = createNoteScreen(index, createRepairContext({ format, index, paths: [...files.keys()] }));

  it('rules out notes without reading them, and asks for the text only where links must be looked at', () => {
    // The first note was read and holds no reference: unlike a note known by its name alone, it need not be read again.
    expect([...files.keys()].map((file) => screen.screen(file))).toStrictEqual(['nothing', 'nothing', 'links', 'links', 'plan']);
    expect(screen.needsPlanning('b.md', 'links', files.get('b.md') as string)).toBe(false);
    expect(screen.needsPlanning('c.md', 'links', files.get('c.md') as string)).toBe(true);
  });

  it('lets through a note the index does not hold or knows by name alone, and links in a text other than the one the index scanned', () => {
    expect(screen.screen('new.md')).toBe('plan');
    const named = new IdIndex({ format });
    named.put(new NoteScanner(optionsFor(format)).scan('202108191025 Teams exist.md', 'No reference.\n'));
    named.putNames(['a.md', '202108191025 Teams exist.md'], optionsFor(format));
    const byName = createNoteScreen(named, createRepairContext({ format, index: named, paths: [...files.keys()] }));
    expect([byName.screen('a.md'), byName.screen('202108191025 Teams exist.md')]).toStrictEqual(['plan', 'nothing']);
    expect(screen.needsPlanning('b.md', 'links', 'See [[202108191025 Teams exist]] and more.\n')).toBe(true);
  });

  it('reads only the notes it cannot rule out, and leaves out a note that cannot be read', () => {
    const asked: string[] = [];
    const read = (file: string): string | undefined => {
      asked.push(file);
      return file === 'd.md' ? undefined : files.get(file);
    };
    expect([...filesToPlan(files.keys(), read, screen)].map((file) => file.path)).toStrictEqual(['c.md']);
    expect(asked).toStrictEqual(['b.md', 'c.md', 'd.md']);
  });
});

/**
 * Each rule of the screen on its own: a note that one rule decides, under the link style and rename
 * history that rule looks at. The agreement tests above hold that the screen never loses an edit;
 * this holds that it rules out what it can (a rule that answers "plan" too often reads and plans
 * every note, which no plan comparison can tell).
 */
describe('the screen rule by rule', () => {
  const format = TWELVE_DIGIT;
  const files: Files = new Map([
    ['202108191025 Teams exist.md', '202108191025 Teams exist\n\nIts own line names it.\n'],
    ['202104291524 Execution first.md', 'No reference here.\n'],
    ['dup/202203151000 Feedback.md', 'One of two.\n'],
    ['dup/202203151000 Praise.md', 'The other.\n'],
    ['bare resolved.md', 'We act because 202108191025 Teams exist.\n'],
    ['bare ambiguous.md', 'As 202203151000 says.\n'],
    ['bare unresolved.md', 'As 202201011200 said.\n'],
    ['bare implausible.md', 'Call 999999999999 now.\n'],
    ['wikilink resolved.md', 'See [[202108191025 Teams exist]].\n'],
    ['wikilink unresolved.md', 'See [[202201011200 Gone]].\n'],
    ['markdown resolved.md', 'See [t](202108191025%20Teams%20exist.md).\n'],
    ['two bare.md', '202104291524 Execution first, then 202108191025 Teams exist.\n'],
    ['bare and link.md', 'As 202108191025 Teams exist says: [[202108191025 Teams exist]].\n'],
  ]);
  const index = scannedIndex(files, format);
  function screening(file: string, linkStyle: LinkStyle = 'off', renameHistory: History = new Map()): string {
    return createNoteScreen(index, createRepairContext({ format, index, paths: [...files.keys()], linkStyle, renameHistory })).screen(file);
  }

  it.each([
    ['a bare ID that resolves, no style', 'bare resolved.md', 'off', 'nothing'],
    ['a bare ID that resolves, bare style', 'bare resolved.md', 'bare', 'nothing'],
    ['a bare ID that resolves to another note, wikilink style', 'bare resolved.md', 'wikilink', 'plan'],
    ["a note's own ID in its own text, wikilink style", '202108191025 Teams exist.md', 'wikilink', 'nothing'],
    ['an ambiguous bare ID', 'bare ambiguous.md', 'wikilink', 'nothing'],
    ['an unresolved bare ID', 'bare unresolved.md', 'off', 'plan'],
    ['digits that are no plausible ID', 'bare implausible.md', 'wikilink', 'nothing'],
    ['a note whose ID another note has too', 'dup/202203151000 Feedback.md', 'off', 'plan'],
    ['a wikilink that resolves, no style', 'wikilink resolved.md', 'off', 'links'],
    ['a wikilink that resolves, wikilink style', 'wikilink resolved.md', 'wikilink', 'links'],
    ['a wikilink that resolves, bare style', 'wikilink resolved.md', 'bare', 'plan'],
    ['a wikilink that does not resolve, bare style', 'wikilink unresolved.md', 'bare', 'links'],
    ['a markdown link that resolves, bare style', 'markdown resolved.md', 'bare', 'links'],
    ['two bare IDs towards other notes, wikilink style', 'two bare.md', 'wikilink', 'plan'],
    ['a note read with no reference in it', '202104291524 Execution first.md', 'wikilink', 'nothing'],
  ] as const)('%s: %s', (_case, file, linkStyle, expected) => {
    expect(screening(file, linkStyle)).toBe(expected);
  });

  it('looks at the rename history only for the IDs a note refers to', () => {
    expect(screening('bare resolved.md', 'off', new Map([['202104291524', ['Execution']]]))).toBe('nothing');
    expect(screening('bare resolved.md', 'off', new Map([['202108191025', ['Teams']]]))).toBe('plan');
    // The second of two IDs decides: the first one's owner has no former title.
    expect(screening('two bare.md', 'off', new Map([['202108191025', ['Teams']]]))).toBe('plan');
    expect(screening('two bare.md', 'off', new Map([['202203151000', ['Feedback']]]))).toBe('nothing');
  });

  it('reads a note screened for its links, and plans it only when a link names no file', () => {
    const context = createRepairContext({ format, index, paths: [...files.keys()] });
    const screen = createNoteScreen(index, context);
    // A bare ID beside the link is no link to look at; a markdown link is judged decoded, as the planner judges it.
    for (const file of ['wikilink resolved.md', 'markdown resolved.md', 'bare and link.md']) {
      expect([file, screen.screen(file), screen.needsPlanning(file, 'links', files.get(file) as string)]).toStrictEqual([file, 'links', false]);
    }
    expect(screen.needsPlanning('wikilink unresolved.md', 'links', files.get('wikilink unresolved.md') as string)).toBe(true);
  });

  it('takes the duplicate IDs again once the index has changed', () => {
    const changing = scannedIndex(files, format);
    const screen = createNoteScreen(changing, createRepairContext({ format, index: changing, paths: [...files.keys()] }));
    expect(screen.screen('202104291524 Execution first.md')).toBe('nothing');
    changing.put(new NoteScanner(optionsFor(format)).scan('dup/202104291524 Again.md', 'Another note with that ID.\n'));
    expect(screen.screen('202104291524 Execution first.md')).toBe('plan');
  });

  it('agrees with the planner on every note of this vault, with each style and history', () => {
    for (const linkStyle of STYLES) {
      for (const history of [new Map(), new Map([['202108191025', ['Teams']]])]) {
        const { full, screened } = plans(files, index, format, linkStyle, history);
        expect(JSON.stringify(screened)).toBe(JSON.stringify(full));
      }
    }
  });
});
