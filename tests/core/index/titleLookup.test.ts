import fc from 'fast-check';
import { titleAfterId } from '../../../src/core/ids/title';
import { TEXT_READ_AFTER_ID, TitleLookup, titlesStartingAfter, type TitledNote } from '../../../src/core/index/titleLookup';

const notes = [
  { path: 'a/202201100900 Clarity is kindness.md', id: '202201100900', title: 'Clarity is kindness' },
  { path: '202201100901 Clarity.md', id: '202201100901', title: 'Clarity' },
  { path: '202201100902 Teams.md', id: '202201100902', title: 'Teams' },
  { path: 'b/202201100903 Teams.md', id: '202201100903', title: 'Teams' },
  { path: '202201100904.md', id: '202201100904', title: '202201100904' },
  { path: 'no id.md', id: null, title: 'no id' },
];

const paths = (found: readonly TitledNote[]): string[] => found.map((note) => note.path);

describe('the notes whose title follows an ID', () => {
  const lookup = new TitleLookup(notes);

  it.each<[string, string, string[]]>([
    ['one title', 'See 202201010900 Clarity is kindness.', ['202201100901 Clarity.md', 'a/202201100900 Clarity is kindness.md']],
    ['a title that ends inside a word is not one', 'See 202201010900 Clarityness', []],
    ['two notes with the same title, by path', 'See 202201010900 Teams here', ['202201100902 Teams.md', 'b/202201100903 Teams.md']],
    ['two spaces are not one', 'See 202201010900  Teams', []],
    ['a note without an ID is never found', 'See 202201010900 no id', []],
    ['a note titled by its own ID is never found', 'See 202201010900 202201100904', []],
    ['nothing after the ID', 'See 202201010900', []],
  ])('%s', (_what, text, expected) => {
    expect(paths(lookup.notesTitledAfter(text, text.indexOf('202201010900') + 12))).toStrictEqual(expected);
  });

  it('lists the notes found by path, whatever order their titles were found in', () => {
    // Found shortest title first (Teams, then Teams at work); the longer title's path sorts first.
    const more = new TitleLookup([...notes, { path: '0/202201100905 Teams at work.md', id: '202201100905', title: 'Teams at work' }]);
    expect(paths(more.notesTitledAfter('See 202201010900 Teams at work', 16))).toStrictEqual(['0/202201100905 Teams at work.md', '202201100902 Teams.md', 'b/202201100903 Teams.md']);
  });

  it('finds a title of 250 characters (the longest a file name can hold), and none longer', () => {
    const title = (length: number) => `T${'a'.repeat(length - 1)}`;
    const long = new TitleLookup([
      { path: '250.md', id: '1', title: title(250) },
      { path: '251.md', id: '2', title: title(251) },
    ]);
    expect(paths(long.notesTitledAfter(`9 ${title(250)}`, 1))).toStrictEqual(['250.md']);
    expect(paths(long.notesTitledAfter(`9 ${title(251)}`, 1))).toStrictEqual([]);
  });

  describe('reads no further than a title can reach', () => {
    // Each possible title end is one lookup in the map of titles: counting them counts the work.
    const lookupsFor = (lookup: TitleLookup, text: string): number => {
      const get = jest.spyOn(Map.prototype, 'get');
      try {
        lookup.notesTitledAfter(text, 1);
        return get.mock.calls.length;
      } finally {
        get.mockRestore();
      }
    };
    const withLongTitle = new TitleLookup([{ path: 'long.md', id: '1', title: 'b'.repeat(200) }]);

    it('the longest title held, on a long line (a one-line note of megabytes stays cheap)', () => {
      expect(lookupsFor(withLongTitle, `9 ${'a '.repeat(5_000)}`)).toBeLessThanOrEqual(201);
    });

    it('the end of the line', () => {
      expect(lookupsFor(withLongTitle, `9 a\n${'a '.repeat(100)}`)).toBe(1);
      expect(lookupsFor(withLongTitle, `9 a\r\n${'a '.repeat(100)}`)).toBe(1);
      expect(lookupsFor(withLongTitle, `9 a\r${'a '.repeat(100)}`)).toBe(1);
    });
  });

  it('finds each note once, even when it is listed twice', () => {
    const twice = new TitleLookup([notes[2], notes[2]]);
    expect(paths(twice.notesTitledAfter('x Teams', 1))).toStrictEqual(['202201100902 Teams.md']);
  });

  // Small alphabets, so titles often follow; a title is part of a file name and holds no line break.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1', ' ', '-', '\n'), maxLength: 8 });
  const title = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1', ' ', '-'), maxLength: 6 });
  const note = fc.record({ path: fc.string({ maxLength: 6 }), id: fc.option(fc.constantFrom('1', '2', '3'), { nil: null }), title });

  it('finds exactly the notes a check of every title finds', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 12 }), word, (all, after) => {
        const text = `1${after}`;
        const expected = new Map<string, TitledNote>();
        for (const { path, id, title } of all) {
          if (id !== null && title !== id && titleAfterId(text, 1, title) !== null) expected.set(path, { path, id, title });
        }
        const found = new TitleLookup(all).notesTitledAfter(text, 1);
        expect(new Set(paths(found))).toStrictEqual(new Set(expected.keys()));
        expect(found).toHaveLength(expected.size);
      }),
    );
  });

  it('a lookup of the titles wanted after some IDs finds after them what a lookup of every title finds', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 3 }), (all, afters) => {
        const places = afters.map((after) => ({ text: `1${after}`, idEnd: 1 }));
        const wanted = new TitleLookup(all, titlesStartingAfter(places));
        const every = new TitleLookup(all);
        for (const { text, idEnd } of places) expect(wanted.notesTitledAfter(text, idEnd)).toStrictEqual(every.notesTitledAfter(text, idEnd));
      }),
    );
  });

  it('answers the same from the TEXT_READ_AFTER_ID characters after an ID as from the whole text', () => {
    // Titles that are the text after the ID cut near the longest length looked for, and text after
    // them that ends a word or not (marks, surrogate pairs, `_`), so the last characters read decide.
    const unit = fc.constantFrom('a', 'é', '\u0301', '😀', '_', ' ', '-', '\n');
    const after = fc.tuple(fc.string({ unit, maxLength: 12 }), fc.string({ unit, maxLength: 30 })).map(([a, b]) => `${'a'.repeat(236)}${a}${b}`);
    const cuts = fc.array(fc.record({ path: fc.string({ maxLength: 6 }), id: fc.constantFrom('1', '2'), length: fc.integer({ min: 236, max: 252 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 4 }), cuts, fc.string({ maxLength: 4 }), after, (short, cut, before, rest) => {
        const all = [...short, ...cut.map(({ path, id, length }) => ({ path, id, title: rest.slice(0, length) }))];
        const text = `${before}1 ${rest}`;
        const idEnd = before.length + 1;
        const kept = text.slice(idEnd, idEnd + TEXT_READ_AFTER_ID);
        const every = new TitleLookup(all);
        expect(every.notesTitledAfter(kept, 0)).toStrictEqual(every.notesTitledAfter(text, idEnd));
        const wanted = (places: { text: string; idEnd: number }[]) => new TitleLookup(all, titlesStartingAfter(places));
        expect(wanted([{ text: kept, idEnd: 0 }]).notesTitledAfter(kept, 0)).toStrictEqual(wanted([{ text, idEnd }]).notesTitledAfter(text, idEnd));
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
