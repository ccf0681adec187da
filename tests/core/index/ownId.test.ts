import fc from 'fast-check';
import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { findFrontmatter, frontmatterValue, readFrontmatter } from '../../../src/core/index/frontmatter';
import { namesOnlyFacts, titleOf } from '../../../src/core/index/noteFacts';
import { ownIdOf, type OwnIdOptions } from '../../../src/core/index/ownId';
import type { OwnIdSource } from '../../../src/core/settings';

const ALL: OwnIdSource[] = ['filename', 'folder', 'frontmatter'];
const options = (format: IdFormat = TWELVE_DIGIT, ownIdSources: OwnIdSource[] = ALL, frontmatterKey = 'id'): OwnIdOptions => ({
  format,
  ownIdSources,
  frontmatterKey,
});

describe('own ID from the path', () => {
  test.each<[string, string | null, IdFormat?]>([
    ['202104291524 Execution is the priority of the team.md', '202104291524'],
    ['202104291524.md', '202104291524'],
    ['202104291524-execution.md', '202104291524'],
    ['202104291524_execution.md', '202104291524'],
    ['folder/deeper/202104291524 Title.md', '202104291524'],
    ['202104291524 Title.MD', '202104291524'],
    ['20210429152404 Title.md', null],
    ['2021042915240 Title.md', null],
    ['20210429152 Title.md', null],
    ['20210429152a Title.md', null],
    // Characters below '0' among the first twelve are no digits either.
    ['2021 04 2915 Title.md', null],
    ['2021.04.2915 Title.md', null],
    ['2022-10-031500 Title.md', null, FOURTEEN_DIGIT],
    ['２０２１０４２９１５２４ Title.md', null],
    ['٢٠٢١٠٤٢٩١٥٢٤ Title.md', null],
    ['202104291524Title.md', null],
    ['x202104291524 Title.md', null],
    ['Title 202104291524.md', null],
    ['Reading list.md', null],
    // A name that owns nothing by date still owns its ID: plausibility only matters for references.
    ['202199999999 Collision.md', '202199999999'],
    ['202109260705/README.md', '202109260705'],
    ['zet/202109260705/README.md', '202109260705'],
    ['zet/202109260705/index.md', '202109260705'],
    ['zet/202109260705/readme.md', '202109260705'],
    ['zet/202109260705 Title/README.md', null],
    ['zet/202109260705/notes.md', null],
    ['README.md', null],
    ['20221003150064/README.md', '20221003150064', FOURTEEN_DIGIT],
    ['20221003150064 Title.md', '20221003150064', FOURTEEN_DIGIT],
    ['202210031500 Title.md', null, FOURTEEN_DIGIT],
    ['2022100315006 Title.md', null, FOURTEEN_DIGIT],
    ['20210429T152400--execution__team.md', '20210429T152400', DENOTE],
    // Denote signatures (`==…`) follow the ID directly.
    ['20200310T094419==2--reading-notes__books.md', '20200310T094419', DENOTE],
    ['20200310T094419==1a.md', '20200310T094419', DENOTE],
    ['20200310T094419__books.md', '20200310T094419', DENOTE],
    ['20200310T094419.md', '20200310T094419', DENOTE],
    ['20200310T0944190==2--x.md', null, DENOTE],
    ['202003100944==2--x.md', null],
    // Japanese `ID-slug.md` names.
    ['202001011200-小さな一歩.md', '202001011200'],
    ['202001011200小さな一歩.md', null],
  ])('%s → %s', (path, expected, format = TWELVE_DIGIT) => {
    expect(ownIdOf(path, null, options(format))?.id ?? null).toBe(expected);
  });
});

describe('own ID from frontmatter and source order', () => {
  const withKey = (value: string, key = 'id') => `---\ntitle: x\n${key}: ${value}\n---\nBody 202101010101\n`;

  test.each<[string, string, string | null]>([
    ['plain number', withKey('202104291524'), '202104291524'],
    ['double quotes', withKey('"202104291524"'), '202104291524'],
    ['single quotes', withKey("'202104291524'"), '202104291524'],
    ['trailing comment', withKey('202104291524 # created'), '202104291524'],
    ['not an ID', withKey('hello'), null],
    ['longer digit run', withKey('20210429152404'), null],
    ['ID with text after', withKey('202104291524 Title'), null],
    ['nested value is ignored', '---\nmeta:\n  id: 202104291524\n---\n', null],
    ['list value is ignored', '---\nid: [202104291524]\n---\n', null],
    ['BOM and CRLF', '\uFEFF---\r\nid: 202104291524\r\n---\r\nBody\r\n', '202104291524'],
    ['frontmatter not at the start', '\n---\nid: 202104291524\n---\n', null],
    ['unclosed frontmatter', '---\nid: 202104291524\n', null],
    ['body only', 'id: 202104291524\n', null],
  ])('%s', (_name, text, expected) => {
    expect(ownIdOf('notes/Some note.md', text, options())?.id ?? null).toBe(expected);
  });

  test('a custom key is read', () => {
    expect(ownIdOf('a.md', withKey('202104291524', 'uid'), options(TWELVE_DIGIT, ALL, 'uid'))?.id).toBe('202104291524');
    expect(ownIdOf('a.md', withKey('202104291524', 'uid'), options())).toBeNull();
  });

  test('sources are tried in the order of the settings', () => {
    const text = withKey('202201010101');
    const path = '202104291524 Title.md';
    expect(ownIdOf(path, text, options(TWELVE_DIGIT, ['filename', 'frontmatter']))).toStrictEqual({ id: '202104291524', source: 'filename' });
    expect(ownIdOf(path, text, options(TWELVE_DIGIT, ['frontmatter', 'filename']))).toStrictEqual({ id: '202201010101', source: 'frontmatter' });
    expect(ownIdOf(path, null, options(TWELVE_DIGIT, ['frontmatter', 'filename']))).toStrictEqual({ id: '202104291524', source: 'filename' });
    expect(ownIdOf('202109260705/README.md', null, options(TWELVE_DIGIT, ['filename', 'frontmatter']))).toBeNull();
  });

  test('never from the body', () => {
    expect(ownIdOf('Some note.md', '202104291524 is the first line\n', options())).toBeNull();
    expect(ownIdOf('Some note.md', '# 202104291524\n', options())).toBeNull();
  });
});

describe('titles', () => {
  test.each<[string, string | null, string]>([
    ['202104291524 Execution is the priority of the team.md', null, 'Execution is the priority of the team'],
    ['folder/202104291524-execution-first.md', null, 'execution-first'],
    ['202104291524_execution.md', null, 'execution'],
    ['202104291524 - Dash separated.md', null, 'Dash separated'],
    ['202104291524.md', null, '202104291524'],
    ['Reading list.md', null, 'Reading list'],
    ['notes/Title 202104291524.md', null, 'Title 202104291524'],
    ['zet/202109260705/README.md', '# Teams exist for a reason\n\nBody', 'Teams exist for a reason'],
    ['zet/202109260705/README.md', '---\ntitle: x\n---\n\n# Heading after frontmatter #\n', 'Heading after frontmatter'],
    ['zet/202109260705/README.md', '# 202109260705 Heading with its ID\n', 'Heading with its ID'],
    ['zet/202109260705/README.md', '```\n# not a heading\n```\n## Second level\n# Real\n', 'Real'],
    ['zet/202109260705/README.md', 'No heading at all\n', '202109260705'],
    ['zet/202109260705/README.md', null, '202109260705'],
    ['docs/README.md', 'Nothing\n', 'README'],
    // Notes named only by their ID: first heading, else frontmatter `title`, else the ID.
    ['zet/202109260705/README.md', '---\ntitle: "Small steps compound"\n---\nNo heading\n', 'Small steps compound'],
    ['zet/202109260705/README.md', '---\ntitle: From frontmatter\n---\n# From the heading\n', 'From the heading'],
    ['202104291524.md', '# Execution is the priority\n', 'Execution is the priority'],
    ['202104291524.md', '# 202104291524 Execution first\n', 'Execution first'],
    ['202104291524.md', '# 202104291524\n', '202104291524'],
    ['202104291524.md', '---\ntitle: Blog post title\ndate: 2021-04-29\n---\nText\n', 'Blog post title'],
    ['202104291524.md', '---\ntitle: Blog post title\n---\n# Heading wins\n', 'Heading wins'],
    ['202104291524.md', '---\ntitle: ""\n---\nText\n', '202104291524'],
    ['202104291524.md', '202104291524 A first line is no heading\n', '202104291524'],
    ['202104291524.md', '## Only a second level\n', '202104291524'],
    ['202104291524.md', '#tag line\n', '202104291524'],
    ['202104291524.md', '~~~\n# in code\n~~~\n', '202104291524'],
    ['202104291524.md', '---\rtitle: Lone CR title\r---\rText\r', 'Lone CR title'],
    ['202104291524.md', 'Intro\r\r# Lone CR heading\rText', 'Lone CR heading'],
    ['202104291524.md', '~~~\r# in code\r~~~\r# After the fence\r', 'After the fence'],
    // A title in the name wins over the text.
    ['202104291524 Named.md', '# Heading\n', 'Named'],
    ['202001011200-小さな一歩.md', '# 見出し\n', '小さな一歩'],
    // A note without an ID keeps its name.
    ['Reading list.md', '# Heading\n', 'Reading list'],
  ])('%s', (path, text, expected) => {
    const own = ownIdOf(path, text, options());
    expect(titleOf(path, own?.id ?? null, text, TWELVE_DIGIT)).toBe(expected);
  });

  test.each<[string, string | null, string]>([
    ['20210101T101010--spaced-repetition__memory_learning.md', null, 'spaced repetition'],
    ['20200310T094419==2--reading-notes__books.md', null, 'reading notes'],
    ['20200310T094419--reading-notes.md', null, 'reading notes'],
    ['notes/20200310T094419==1a--a-b-c__x.md', null, 'a b c'],
    ['20200310T094419__books.md', '# Notes on books\n', 'Notes on books'],
    ['20200310T094419==2__books.md', '---\ntitle:      "Notes on books"\n---\n', 'Notes on books'],
    ['20200310T094419__books.md', null, '20200310T094419'],
    ['20200310T094419.md', null, '20200310T094419'],
    // Not in Denote's form after the ID: the name after the separator, as in other formats.
    ['20200310T094419 Plain title.md', null, 'Plain title'],
    ['20200310T094419-single-hyphen.md', null, 'single-hyphen'],
  ])('Denote: %s', (path, text, expected) => {
    const own = ownIdOf(path, text, options(DENOTE));
    expect(titleOf(path, own?.id ?? null, text, DENOTE)).toBe(expected);
  });

  test('Denote: the title is the title words, whatever signature and keywords the name carries', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.option(fc.stringMatching(/^[a-z0-9=]{1,6}$/)), fc.array(word, { maxLength: 3 }), (words, signature, keywords) => {
        const name = `20200310T094419${signature === null ? '' : `==${signature}`}--${words.join('-')}${keywords.length === 0 ? '' : `__${keywords.join('_')}`}.md`;
        expect(ownIdOf(name, null, options(DENOTE))?.id).toBe('20200310T094419');
        expect(titleOf(name, '20200310T094419', null, DENOTE)).toBe(words.join(' '));
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  test('Denote titles are read only with the Denote format', () => {
    expect(titleOf('20210101T101010--spaced-repetition__memory.md', null, null, TWELVE_DIGIT)).toBe('20210101T101010--spaced-repetition__memory');
  });

  test('names-only facts carry no references and no frontmatter ID', () => {
    expect(namesOnlyFacts('zet/202109260705/README.md', options())).toStrictEqual({
      path: 'zet/202109260705/README.md',
      id: '202109260705',
      title: '202109260705',
      references: [],
    });
    expect(namesOnlyFacts('Plain.md', options()).id).toBeNull();
  });
});

describe('frontmatter reader', () => {
  test('reads flat scalars and skips nesting, lists and comments', () => {
    const text = ['---', 'id: 202104291524', 'title: "Quoted: with colon"', 'tags:', '  - a', 'nested:', '  id: 1', '# comment', 'n: 42', '---', 'body'].join('\n');
    expect([...readFrontmatter(text)]).toStrictEqual([
      ['id', '202104291524'],
      ['title', 'Quoted: with colon'],
      ['n', '42'],
    ]);
  });

  test('the first of repeated keys wins and a missing key is null', () => {
    expect(frontmatterValue('---\nid: 1\nid: 2\n---\n', 'id')).toBe('1');
    expect(frontmatterValue('---\nother: 1\n---\n', 'id')).toBeNull();
  });

  test('lone-CR and mixed line ends', () => {
    expect([...readFrontmatter('---\rid: 202104291524\rtitle: T\r---\rbody')]).toStrictEqual([['id', '202104291524'], ['title', 'T']]);
    expect(findFrontmatter('---\rid: 1\r---\rbody')).toStrictEqual({ contentFrom: 4, contentTo: 10, closingEnd: 13, body: 14 });
    expect(frontmatterValue('---\r\nid: 1\rtitle: x\n---\n', 'title')).toBe('x');
    expect(ownIdOf('a.md', '---\rid: 202104291524\r---\r', options())?.id).toBe('202104291524');
  });

  test('block bounds with CRLF, BOM and a `...` terminator', () => {
    const text = '\uFEFF---\r\nid: 1\r\n...\r\nbody';
    expect(findFrontmatter(text)).toStrictEqual({ contentFrom: 6, contentTo: 13, closingEnd: 16, body: 18 });
    expect(text.slice(18)).toBe('body');
    expect(findFrontmatter('---\n---\n')).toStrictEqual({ contentFrom: 4, contentTo: 4, closingEnd: 7, body: 8 });
    expect(findFrontmatter('----\nid: 1\n---\n')).toBeNull();
  });
});
