import fc from 'fast-check';
import {
  activeIdFormat,
  customPatternProblem,
  idFormatFor,
  idFormatFromArgument,
  IdFormatError,
  TWELVE_DIGIT,
  FOURTEEN_DIGIT,
  DENOTE,
} from '../../../src/core/ids/formats';
import { isPlausibleTimestamp } from '../../../src/core/ids/timestamp';
import { idInLinkTarget } from '../../../src/core/ids/links';
import { titleAfterId } from '../../../src/core/ids/title';
import { findIdsInProse } from '../../../src/core/ids/prose';

describe('timestamp plausibility', () => {
  test.each([
    ['202104291524', true],
    ['202402291200', true], // leap day
    ['202302291200', false], // not a leap year
    ['210002291200', false], // century rule
    ['200002291200', true], // 400-year rule
    ['202113011200', false], // month 13
    ['202100011200', false], // month 0
    ['202104311200', false], // April 31
    ['202104002400', false], // day 0
    ['202104302400', false], // hour 24
    ['202104302360', false], // minute 60
    ['20221003150059', true],
    ['20221003150060', false], // second 60 (Unique note creator bumps past 59)
    ['2021042915', false],
  ])('%s → %s', (id, expected) => {
    expect(isPlausibleTimestamp(id)).toBe(expected);
  });

  test('each month ends on its own last day (2023, a common year)', () => {
    const lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lastDays.forEach((last, index) => {
      const month = String(index + 1).padStart(2, '0');
      expect([isPlausibleTimestamp(`2023${month}${last}1200`), isPlausibleTimestamp(`2023${month}${last + 1}1200`)]).toStrictEqual([true, false]);
    });
  });

  test('Denote IDs are checked without the T', () => {
    expect(DENOTE.isPlausible('20210429T152404')).toBe(true);
    expect(DENOTE.isPlausible('20211329T152404')).toBe(false);
  });
});

describe('custom patterns', () => {
  test.each([
    ['', 'empty'],
    ['(', 'does not compile'],
    ['\\d*', 'empty text'],
    ['a?', 'empty text'],
    ['(?<=x)\\d{4}', 'lookbehind'],
    ['(?<!x)\\d{4}', 'lookbehind'],
    ['^\\d{4}', 'anchors'],
    ['(\\d{1,9}){0,9}x', 'more than one way'],
    ['(a|a){0,20}b', 'more than one way|too complex'],
    ['(\\d+)+x', 'any length'],
    ['x'.repeat(201), 'longer than 200'],
  ])('%j is rejected (%s)', (source, why) => {
    expect(customPatternProblem(source)).toMatch(new RegExp(why, 'i'));
    expect(() => idFormatFor('custom', source)).toThrow(IdFormatError);
  });

  test.each(['zk-\\d{4}', '\\d{8}-\\d{4}', '[0-9]{10}[a-z]', 'ID[$]\\d{3}'])('%j is accepted', (source) => {
    expect(customPatternProblem(source)).toBeNull();
    const format = idFormatFor('custom', source);
    expect(format.key).toBe('custom');
    expect(format.isPlausible('anything')).toBe(true);
  });

  // Read as the pattern's own syntax: escaped characters and character classes are neither.
  test.each(['\\(?<=\\d{4}', '\\(?<!\\d{4}', '[(?<=]\\d{3}', 'a[\\]^x]\\d{3}', 'a[\\]$]\\d{3}', '\\^\\d{3}\\$'])('%j is neither lookbehind nor an anchor', (source) => {
    expect(customPatternProblem(source)).toBeNull();
  });

  test.each([
    ['\\\\(?<=x)\\d{4}', 'lookbehind'],
    ['[\\]](?<!x)\\d{4}', 'lookbehind'],
    ['[\\]]^\\d{4}', 'anchors'],
    ['\\d{4}\\\\$', 'anchors'],
  ])('%j is still refused (%s)', (source, why) => {
    expect(customPatternProblem(source)).toMatch(why);
  });

  test('the active format is what the settings ask for; a rejected custom pattern falls back to 12 digits, saying why', () => {
    expect(activeIdFormat('14', '')).toStrictEqual({ format: FOURTEEN_DIGIT, problem: null });
    expect(activeIdFormat('denote', '\\d*')).toStrictEqual({ format: DENOTE, problem: null });
    const custom = activeIdFormat('custom', 'zk-\\d{4}');
    expect([custom.format.key, custom.format.source, custom.problem]).toStrictEqual(['custom', 'zk-\\d{4}', null]);
    expect(activeIdFormat('custom', '\\d*')).toStrictEqual({ format: TWELVE_DIGIT, problem: customPatternProblem('\\d*') });
  });

  test.each([
    ['empty', ''],
    ['white space only', ' \t '],
  ])('a pattern that is %s is refused as empty', (_case, source) => {
    expect(customPatternProblem(source)).toBe('The pattern is empty.');
  });

  test('a custom format asked for without a pattern is refused as empty', () => {
    expect(() => idFormatFor('custom')).toThrow(new IdFormatError('The pattern is empty.'));
  });

  test('a pattern of 200 characters is accepted; 201 are too long', () => {
    const at200 = `[${'a'.repeat(193)}]\\d{4}`;
    expect(at200.length).toBe(200);
    expect(customPatternProblem(at200)).toBeNull();
    expect(customPatternProblem(`[${'a'.repeat(194)}]\\d{4}`)).toBe('The pattern is longer than 200 characters.');
  });

  test.each(['\\d{4}$', 'zk^\\d{4}', 'zk-\\d{4}(?:$|x)'])('%j is refused: an anchor after another character', (source) => {
    expect(customPatternProblem(source)).toMatch(/\^ or \$ anchors/);
  });

  test('an escaped anchor character is accepted', () => {
    expect(customPatternProblem('zk\\$\\d{4}')).toBeNull();
  });

  test('a custom format is named by its pattern, as messages show it', () => {
    expect(idFormatFor('custom', 'zk-\\d{4}').label).toBe('Custom (zk-\\d{4})');
  });

  test('a refused pattern throws an error named for its class', () => {
    let thrown: unknown;
    try {
      idFormatFor('custom', '(');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IdFormatError);
    expect((thrown as Error).name).toBe('IdFormatError');
  });

  test('command-line argument picks presets by name and anything else as a pattern', () => {
    expect(idFormatFromArgument('12')).toBe(TWELVE_DIGIT);
    expect(idFormatFromArgument('14')).toBe(FOURTEEN_DIGIT);
    expect(idFormatFromArgument('denote')).toBe(DENOTE);
    expect(idFormatFromArgument('zk\\d{3}').source).toBe('zk\\d{3}');
    expect(() => idFormatFromArgument('(')).toThrow(/does not compile/);
  });
});

describe('idInLinkTarget', () => {
  test.each([
    ['202108191025 Teams exist', '202108191025', 0],
    ['202108191025', '202108191025', 0],
    ['202108191025.md', '202108191025', 0],
    ['zk/202108191025 Title.md', '202108191025', 3],
    ['../202109260705', '202109260705', 3],
    ['../202109260705/', '202109260705', 3],
    ['/zet/202109260705/README.md', '202109260705', 5],
    ['202109260705/index', '202109260705', 0],
    ['202108191025%20Teams%20exist.md', '202108191025', 0],
    ['Pasted image 202104291524.png', null, 0],
    ['notes/x202108191025', null, 0],
    ['2021081910251 x', null, 0],
    ['https://example.com/202108191025', null, 0],
    ['README.md', null, 0],
    ['', null, 0],
    ['202108191025_title.md', '202108191025', 0],
    ['202108191025é', null, 0],
    ['202108191025\u0301', null, 0],
    ['202108191025詳細', '202108191025', 0],
    ['zk/20210819102', null, 0],
    ['a/202109260705/Readme', '202109260705', 2],
    ['202109260705/readme.markdown', null, 0],
    ['///', null, 0],
  ])('%j', (target, id, offset) => {
    const found = idInLinkTarget(target, TWELVE_DIGIT);
    if (id === null) expect(found).toBeNull();
    else expect(found).toStrictEqual({ id, offset });
  });

  // The all-digit formats read the target without a regex; a custom pattern of the same digits
  // takes the regex's way, and both must name the same ID at the same offset in every target.
  test('an all-digit format finds what the same pattern as a custom format finds', () => {
    const part = fc.constantFrom('202108191025', '20210819102512', '2021', '/', '../', 'README.md', 'index', 'Readme.MD', '_', 'x', ' ', '.md', 'é', '\u0301', '詳', '#', 'http:', '%20');
    const customTwelve = idFormatFor('custom', '\\d{12}');
    const customFourteen = idFormatFor('custom', '\\d{14}');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const target = parts.join('');
        expect(idInLinkTarget(target, TWELVE_DIGIT)).toStrictEqual(idInLinkTarget(target, customTwelve));
        expect(idInLinkTarget(target, FOURTEEN_DIGIT)).toStrictEqual(idInLinkTarget(target, customFourteen));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});

describe('titleAfterId', () => {
  const text = '202108191025 Teams exist for a reason and more';
  test.each([
    ['Teams exist for a reason', 37],
    ['Teams exist', 24],
    ['Teams exi', null], // stops inside a word
    ['teams exist', null], // exact case only
    ['', null],
  ])('%j', (title, end) => {
    expect(titleAfterId(text, 12, title)).toBe(end);
  });
  test('needs exactly one space after the ID', () => {
    expect(titleAfterId('202108191025  Teams', 12, 'Teams')).toBeNull();
    expect(titleAfterId('202108191025Teams', 12, 'Teams')).toBeNull();
    expect(titleAfterId('202108191025_Teams', 12, 'Teams')).toBeNull();
    expect(titleAfterId('202108191025-Teams', 12, 'Teams')).toBeNull();
  });
  test('a title ending in punctuation may be followed by anything', () => {
    expect(titleAfterId('202108191025 Why?x', 12, 'Why?')).toBe(17);
  });
});

describe('findIdsInProse', () => {
  test('reports IDs with offsets, ignoring Markdown structure', () => {
    expect(findIdsInProse('see 202104291524 and `202108191025`', TWELVE_DIGIT)).toStrictEqual([
      { id: '202104291524', from: 4, to: 16 },
      { id: '202108191025', from: 22, to: 34 },
    ]);
  });
  test('skips tags, block IDs, URLs and attachment names', () => {
    const text = '#202104291524 ^202104291524 http://x.org/202104291524 202104291524.jpg 202104291524.';
    expect(findIdsInProse(text, TWELVE_DIGIT).map((m) => m.from)).toStrictEqual([text.length - 13]);
  });
});

describe('the compiled regexes of a format', () => {
  it.each([
    ['12 digits', TWELVE_DIGIT, '202104291524', ['2021042915245', '20210429152']],
    ['14 digits', FOURTEEN_DIGIT, '20210429152400', ['202104291524', '202104291524001']],
    ['Denote', DENOTE, '20210429T152400', ['20210429152400', '20210429T1524']],
    ['a custom pattern', idFormatFor('custom', 'Z\\d{4}'), 'Z1234', ['Z123', 'z1234']],
  ] as const)('%s: exact takes one whole ID, atStart an ID at the start, anywhere every ID', (_name, format, id, notIds) => {
    expect(format.exact.test(id)).toBe(true);
    for (const other of notIds) expect([other, format.exact.test(other)]).toStrictEqual([other, false]);
    expect(format.exact.test(`${id} `)).toBe(false);
    expect(format.atStart.exec(`${id} Title`)?.[0]).toBe(id);
    expect(format.atStart.test(`x${id}`)).toBe(false);
    format.anywhere.lastIndex = 0;
    expect(`a ${id}, b ${id}`.match(format.anywhere)).toStrictEqual([id, id]);
  });

  it('a custom pattern with an alternation stays inside the anchors', () => {
    const format = idFormatFor('custom', 'A\\d|B\\d');
    expect([format.exact.test('A1'), format.exact.test('B2'), format.exact.test('xB2'), format.exact.test('A1x')]).toStrictEqual([true, true, false, false]);
  });
});
