/**
 * Repair on the note shapes real vaults hold: Denote names and `denote:` links, titles of notes named
 * only by their ID, IDs in Japanese prose, and link reference definitions.
 */
import { DENOTE } from '../../src/core/ids/formats';
import { planFileRepairs } from '../../src/core/repair/plan';
import { contextOf, type Files } from './helpers';

const edits = (files: Files, path: string, options: Parameters<typeof contextOf>[1] = {}) =>
  planFileRepairs(path, files[path], contextOf(files, options)).plan.edits.map((e) => [e.kind, e.before, e.after]);

describe('Denote vaults', () => {
  const files: Files = {
    '20200310T094419==2--reading-notes__books.md': '',
    '20210101T101010--spaced-repetition__memory_learning.md': '',
    'a.md': [
      'A link by ID stays as it is: [spaced](denote:20210101T101010).',
      'A broken ID followed by a Denote title: 20200310T000000 reading notes.',
      'A stale link: [[20200310T094419--reading__books]].',
    ].join('\n'),
  };

  test('keeps denote: links, matches Denote titles, repoints stale links to the signed name', () => {
    expect(edits(files, 'a.md', { format: DENOTE })).toStrictEqual([
      ['broken-id', '20200310T000000', '20200310T094419'],
      ['stale-link-target', '20200310T094419--reading__books', '20200310T094419==2--reading-notes__books'],
    ]);
  });

  test('an unresolved denote: link is a problem, never rewritten', () => {
    const result = planFileRepairs('b.md', '[gone](denote:20990101T000000)', contextOf({ ...files, 'b.md': '' }, { format: DENOTE }));
    expect(result.plan.edits).toStrictEqual([]);
    expect(result.problems.map((p) => [p.kind, p.id])).toStrictEqual([['unresolved-id', '20990101T000000']]);
  });
});

describe('notes named only by their ID', () => {
  test('stale-title and broken-ID repairs match the title from the heading or the frontmatter', () => {
    const files: Files = {
      'posts/202101011200.md': '---\ntitle: Start with why\n---\nText.\n',
      'zet/202102021200/README.md': '# Habits beat goals\n',
      'a.md': 'See 202101010000 Start with why, and 202102020000 Habits beat goals.',
    };
    expect(edits(files, 'a.md')).toStrictEqual([
      ['broken-id', '202101010000', '202101011200'],
      ['broken-id', '202102020000', '202102021200'],
    ]);
  });
});

describe('prose real vaults write', () => {
  test('IDs in Japanese prose and definitions are repaired like any other', () => {
    const files: Files = {
      '202001011200 小さな一歩.md': '',
      'a.md': '詳細は202001011200 小さい一歩を参照\n\n[n]: 202001011200%20%E5%B0%8F%E3%81%95%E3%81%84%E4%B8%80%E6%AD%A9.md\n',
    };
    expect(edits(files, 'a.md', { renames: { '202001011200': ['小さい一歩'] } })).toStrictEqual([
      ['stale-title', '小さい一歩', '小さな一歩'],
      ['stale-link-target', '202001011200%20%E5%B0%8F%E3%81%95%E3%81%84%E4%B8%80%E6%AD%A9.md', '202001011200%20小さな一歩.md'],
    ]);
  });
});

describe('reference links', () => {
  // A stale title after an ID in the text of a defined shortcut reference is that link's label:
  // rewriting it would leave the link without its definition, so text the user wrote as a link.
  const files: Files = {
    '202001011200 Small steps.md': '',
    'a.md': 'See [202001011200 Little steps] and 202001011200 Little steps.\n\n[202001011200 little steps]: https://example.com\n',
    'b.md': 'See [202001011200 Little steps][] again.\n',
    // A definition's label may go on over lines (CommonMark), in a quote too.
    'c.md': 'See [202001011200 Little steps] and 202001011200 Little steps.\n\n[202001011200\nlittle steps]: https://example.com\n',
    'd.md': '> See [202001011200 Little steps].\n>\n> [202001011200\n> little steps]: https://example.com\n',
    // A definition commented out (a `%%` comment may run over blank lines) gives no label.
    'e.md': 'See [202001011200 Little steps].\n\n%%\n\n[202001011200 little steps]: https://example.com\n\n%%\n',
  };
  const renames = { '202001011200': ['Little steps'] };

  test('the text of a defined reference link is left as it is; the same words in prose are repaired', () => {
    expect(edits(files, 'a.md', { renames })).toStrictEqual([['stale-title', 'Little steps', 'Small steps']]);
  });

  test('a definition whose label goes on over lines makes the reference a link all the same', () => {
    expect(edits(files, 'c.md', { renames })).toStrictEqual([['stale-title', 'Little steps', 'Small steps']]);
    expect(edits(files, 'd.md', { renames })).toStrictEqual([]);
  });

  test('brackets whose label no definition gives are text, and repaired like any other', () => {
    expect(edits(files, 'b.md', { renames })).toStrictEqual([['stale-title', 'Little steps', 'Small steps']]);
    expect(edits(files, 'e.md', { renames })).toStrictEqual([['stale-title', 'Little steps', 'Small steps']]);
  });
});
