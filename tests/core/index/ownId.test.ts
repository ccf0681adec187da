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
    ['20210429T152400--execution__team.md', '20210429T152400', DENOTE],
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
    expect(ownIdOf(path, text, options(TWELVE_DIGIT, ['filename', 'frontmatter']))).toEqual({ id: '202104291524', source: 'filename' });
    expect(ownIdOf(path, text, options(TWELVE_DIGIT, ['frontmatter', 'filename']))).toEqual({ id: '202201010101', source: 'frontmatter' });
    expect(ownIdOf(path, null, options(TWELVE_DIGIT, ['frontmatter', 'filename']))).toEqual({ id: '202104291524', source: 'filename' });
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
  ])('%s', (path, text, expected) => {
    const own = ownIdOf(path, text, options());
    expect(titleOf(path, own?.id ?? null, text, TWELVE_DIGIT)).toBe(expected);
  });

  test('names-only facts carry no references and no frontmatter ID', () => {
    expect(namesOnlyFacts('zet/202109260705/README.md', options())).toEqual({
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
    expect([...readFrontmatter(text)]).toEqual([
      ['id', '202104291524'],
      ['title', 'Quoted: with colon'],
      ['n', '42'],
    ]);
  });

  test('the first of repeated keys wins and a missing key is null', () => {
    expect(frontmatterValue('---\nid: 1\nid: 2\n---\n', 'id')).toBe('1');
    expect(frontmatterValue('---\nother: 1\n---\n', 'id')).toBeNull();
  });

  test('block bounds with CRLF, BOM and a `...` terminator', () => {
    const text = '\uFEFF---\r\nid: 1\r\n...\r\nbody';
    expect(findFrontmatter(text)).toEqual({ contentFrom: 6, contentTo: 13, body: 18 });
    expect(text.slice(18)).toBe('body');
    expect(findFrontmatter('---\n---\n')).toEqual({ contentFrom: 4, contentTo: 4, body: 8 });
    expect(findFrontmatter('----\nid: 1\n---\n')).toBeNull();
  });
});
