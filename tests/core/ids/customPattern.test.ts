/** The custom ID pattern check: rejects what can hang, span words or match nothing; warns about word-like patterns. */
import fc from 'fast-check';
import { isSafePattern } from 'redos-detector';
import { activeIdFormat, customPatternProblem, customPatternWarning, idFormatFor, TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { CUSTOM_PATTERN_LINE_CAP, findIdsInProse } from '../../../src/core/ids/prose';
import { scanReferences } from '../../../src/core/ids/scanner';
import { MAX_ID_LENGTH, patternStructureProblem } from '../../../src/core/ids/customPattern';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { REF_INTS } from '../../../src/core/index/referenceStore';
import { normalizeSettings } from '../../../src/core/settings';

// The backtracking analysis as it is, watched: which patterns reach it.
jest.mock('redos-detector', () => {
  const actual = jest.requireActual<typeof import('redos-detector')>('redos-detector');
  return { ...actual, isSafePattern: jest.fn(actual.isSafePattern) };
});
const analysis = jest.mocked(isSafePattern);

describe('patterns that backtrack badly are rejected by analysis, not by timing a few inputs', () => {
  // Each of these, with + for its bounded repeats, took seconds to minutes on one line when accepted.
  it.each(['(x|x){1,20}y', '(x|xx){1,20}y', '(\\w|\\d){1,20}!', '(a|b|ab){0,20}c', '(?:[A-Z]|[A-Z][A-Z]){1,20}-\\d{3}', '\\d{1,20}\\d{1,20}x', '(\\d{1,9}){0,9}x', `(?:${'abcdefghijklmnopqrstuvwxyz'.split('').join('|')}){1,99}`])(
    '%j',
    (source) => {
      expect(customPatternProblem(source)).toMatch(/more than one way|too complex/);
    },
  );

  // The analysis of these took seconds (it has no time limit: its verdict must not depend on the device's speed).
  it.each(['(x|x)+y', '(x|xx)+y', '(\\w|\\d)+!', '(a|b|ab)*c', '(?:[A-Z]|[A-Z][A-Z])+-\\d{3}', '\\d+\\d+x', '(\\d+)*x'])(
    '%j matches text of any length, so it is refused for that, without the analysis',
    (source) => {
      analysis.mockClear();
      expect(customPatternProblem(source)).toContain('text of any length');
      expect(analysis).not.toHaveBeenCalled();
    },
  );
});

describe('the verdict does not depend on how fast the device is', () => {
  it('holds under a clock that runs a second per reading (a phone four times slower saw the desktop\'s pattern refused)', () => {
    let now = 0;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      // Its analysis takes about 300 ms on a desktop.
      expect(customPatternProblem('(?:a|b|c|d|e|f|g|h|i|j){1,30}')).toBeNull();
      expect(customPatternProblem('(x|x){1,25}y')).toContain('more than one way');
    } finally {
      clock.mockRestore();
    }
  });
});

describe('each pattern is analysed once per process', () => {
  it('however many parts ask: loading the settings, the index\'s format, the settings tab', () => {
    const source = 'once-\\d{4}';
    analysis.mockClear();
    const loaded = normalizeSettings({ idFormat: 'custom', customPattern: source });
    const active = activeIdFormat(loaded.settings.idFormat, loaded.settings.customPattern);
    expect([loaded.problems, active.problem, customPatternProblem(source), idFormatFor('custom', source).source]).toStrictEqual([[], null, null, source]);
    expect(analysis).toHaveBeenCalledTimes(1);
  });

  it('and a refused one too, with the same reason each time', () => {
    const source = '(x|x){1,21}y';
    analysis.mockClear();
    const reasons = [customPatternProblem(source), activeIdFormat('custom', source).problem];
    expect(reasons[0]).toContain('more than one way');
    expect(reasons[1]).toBe(reasons[0]);
    expect(analysis).toHaveBeenCalledTimes(1);
  });
});

describe('what an ID can be', () => {
  it.each([
    ['.', 'space or a line break (through .)'],
    ['\\d{12}\\n\\d{3}', 'space or a line break (through \\n)'],
    ['\\d{4} \\d{4}', 'space or a line break (through a space)'],
    ['[^a-z]{4}', 'space or a line break (through [^a-z])'],
    ['\\d{4}\\s?\\d{2}', 'space or a line break (through \\s)'],
    ['\\d{4}\\W\\d{2}', 'space or a line break (through \\W)'],
    // Every space \s matches counts, the typographic ones between U+2000 and U+200A too.
    ['\\d{4}\u2005\\d{4}', 'space or a line break (through U+2005)'],
    ['\\d{4}\t\\d{4}', 'space or a line break (through U+0009)'],
    ['\\d{4}[\\u2007]\\d{4}', 'space or a line break (through [\\u2007])'],
    // The last of them, and the ideographic space of CJK text.
    ['\\d{4}\u200a\\d{4}', 'space or a line break (through U+200A)'],
    ['\\d{4}\u3000\\d{4}', 'space or a line break (through U+3000)'],
    ['\\d{4}[\\u3000]\\d{4}', 'space or a line break (through [\\u3000])'],
    ['\\d?', 'empty text'],
    ['(?=\\d)', 'empty text'],
    ['a|', 'empty text'],
    ['(\\d)\\1', 'back-reference'],
    // JavaScript reads \k as a k when the pattern names no group; the structure check cannot.
    ['\\kx\\d{3}', 'The pattern cannot be read: '],
    ['\\d+', 'any length'],
    ['[A-Z][a-z]+\\d{3}', 'any length'],
    ['\\d{101}', `at most ${MAX_ID_LENGTH}`],
    ['\\d{101}', 'up to 101 characters'],
    // An anchor matches no text; a repeat of what matches none (or none of a repeat) adds nothing.
    ['\\b', 'empty text'],
    ['\\d{101}(?=x)*', 'up to 101 characters'],
    ['(?:\\d+){0}\\d{101}', 'up to 101 characters'],
    ['(?:\\d{40}){3}', 'up to 120 characters'],
    ['\\d{3}|\\d{101}', 'up to 101 characters'],
    ['(?:\\d{4} \\d{4})', 'space or a line break (through a space)'],
    ['(\\d{4}\\s\\d{4})', 'space or a line break (through \\s)'],
    ['\\d{4}|\\d{2} \\d{2}', 'space or a line break (through a space)'],
    // The backtracking analysis reads named groups as plain ones.
    ['(?<x>x|x){1,20}y', 'more than one way'],
    ['\\d{1,20}\\d{1,20}x', 'more than one way'],
    [`(?:${'abcdefghijklmnopqrstuvwxyz'.split('').join('|')}){1,99}`, 'too complex'],
  ])('%j is rejected: %s', (source, why) => {
    expect(customPatternProblem(source)).toContain(why);
  });

  it.each(['\\d{12}', '\\d{14}', '\\d{8}T\\d{6}', '[A-Z]{2}-\\d{4}', 'zk-\\d{4}', '\\d{4}-\\d{2}-\\d{2}', '[0-9a-f]{8}', '\\d{12,14}', '\\d{8}T\\d{6}(?:==\\d{1,4})?', '\\d{1,4}(?:[a-z]{1,3}\\d{1,4}){0,8}[a-z]{0,3}', '[A-Z][a-z]{1,30}\\d{3}', '(?<y>\\d{4})-\\d{3}', '\\d{6}(?!\\s)', 'ID[$]\\d{3}',
    '(\\d{12})', '(?:zk-\\d{4})', '\\d{100}', '\\b\\d{100}\\b', '\\d{12}(?: ){0}', '(?<y>\\d{4})-(?<n>\\d{3})', '\\c\\d{3}',
    // U+200B, the zero-width space just past the typographic ones, is no white space to \s.
    '\\d{4}\u200b\\d{4}'])(
    '%j is accepted',
    (source) => {
      expect(customPatternProblem(source)).toBeNull();
    },
  );
});

describe('a lookahead reads at most an ID\'s length, as it is tried at every position of a line', () => {
  // Each was accepted, and a 200 KB note of ten 20,000-digit lines took seconds to scan.
  it.each([
    ['(?=\\d+x)\\d{3}', 'The lookahead (?=\\d+x) can read text of any length'],
    ['\\d{3}(?=\\d*x)', 'The lookahead (?=\\d*x) can read text of any length'],
    ['(?=[^x]*x)\\d{3}', 'The lookahead (?=[^x]*x) can read text of any length'],
    ['(?!\\d{101})\\d{3}', 'The lookahead (?!\\d{101}) can read up to 101 characters'],
    ['\\d{3}(?=a(?=\\w+))', 'The lookahead (?=\\w+) can read text of any length'],
  ])('%j is refused', (source, why) => {
    expect(customPatternProblem(source)).toBe(`${why}; it is tried at every position of a line, so long lines would take long to scan. Keep it within ${MAX_ID_LENGTH} characters with bounded repeats such as {1,20} instead of +, * or {n,}.`);
  });

  it.each(['(?=\\d{1,20}x)\\d{3}', '\\d{3}(?![^x]{1,97}x)', '\\d{3}(?!\\d)'])('%j is accepted', (source) => {
    expect(customPatternProblem(source)).toBeNull();
  });
});

describe('a Unicode property escape, which needs the u flag ID patterns run without', () => {
  it.each([
    ['\\p{Lu}\\d{3}', '\\p{Lu}', 'p{Lu}'],
    ['[\\P{L}]{2}\\d{3}', '\\P{L}', 'P{L}'],
    ['\\d{3}\\p{', '\\p{', 'p{'],
  ])('%j is refused, naming %s', (source, escape, letters) => {
    expect(customPatternProblem(source)).toBe(
      `The pattern uses ${escape}, a Unicode property, which needs the u flag; ID patterns run without it, where it stands for the letters "${letters}". Use a class such as [A-Z] instead.`,
    );
  });

  it('a backslash written twice, then p{, is no property escape', () => {
    expect(customPatternProblem('\\\\p{Lu}\\d{3}')).toBeNull();
  });
});

describe('patterns that match ordinary words', () => {
  it.each(['[A-Za-z]{1,20}', '[a-z]{2,3}', 'the|team'])('%j is accepted with a warning naming the words', (source) => {
    expect(customPatternProblem(source)).toBeNull();
    expect(customPatternWarning(source)).toMatch(/^The pattern matches ordinary words such as "\w+"/);
  });

  it.each(['\\d{12}', '[A-Z]{2}-\\d{4}', 'zk-\\d{4}'])('%j gets no warning', (source) => {
    expect(customPatternWarning(source)).toBeNull();
  });

  it.each([
    ['[a-z]{2}', '"on", "it", "in"'],
    ['[A-Za-z]{1,20}', '"The", "team", "met"'],
  ])('%j: the warning names the first three whole words it matches', (source, words) => {
    expect(customPatternWarning(source)).toBe(`The pattern matches ordinary words such as ${words}: every such word would count as an ID, and repair could rewrite it into a note's ID.`);
  });

  it('a pattern that matches only inside words gets no warning', () => {
    expect(customPatternWarning('ee')).toBeNull();
  });

  it('rejects the word-matching patterns of the issue outright, and warns about none that does not compile', () => {
    expect(customPatternProblem('\\S+')).toContain('any length');
    expect(customPatternProblem('[A-Za-z]+')).toContain('any length');
    expect(customPatternWarning('[')).toBeNull();
  });
});

describe('any text typed as a pattern gets an answer, never an error', () => {
  const piece = fc.constantFrom('\\', 'c', 'd', 'b', 'k', '<', '>', '(', ')', '?', ':', '=', '!', '[', ']', '^', '-', '{', '}', ',', '1', '|', '*', '+', '.', 'x', ' ', 'u', 's', 'w', 'n', '$');

  it('customPatternProblem and customPatternWarning return, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((parts) => parts.join('')), (source) => {
        const problem = customPatternProblem(source);
        expect(problem === null || typeof problem === 'string').toBe(true);
        const warning = customPatternWarning(source);
        expect(warning === null || typeof warning === 'string').toBe(true);
      }),
      // `\c` once made the space check compile a lone backslash; each call keeps memory until the next task, so few runs.
      { seed: 1, numRuns: 600, examples: [['d:\\c'], ['\\c']] },
    );
  });

  it('the structure check says a pattern it cannot parse cannot be read (callers compile it first)', () => {
    expect(patternStructureProblem('(')).toMatch(/^The pattern cannot be read: /);
  });
});

describe('custom patterns run on a capped part of each line', () => {
  const format = idFormatFor('custom', 'ZK-\\d{4}');
  it('finds IDs up to the cap on every line, none past it, and the presets are not capped', () => {
    const long = 'x '.repeat(CUSTOM_PATTERN_LINE_CAP / 2);
    const text = `ZK-0001 ${long}ZK-0002\nZK-0003\r\nZK-0004\rZK-0005`;
    expect(scanReferences(text, format).map((r) => r.id)).toStrictEqual(['ZK-0001', 'ZK-0003', 'ZK-0004', 'ZK-0005']);
    expect(findIdsInProse(text, format).map((m) => m.id)).toStrictEqual(['ZK-0001', 'ZK-0003', 'ZK-0004', 'ZK-0005']);
    const twelve = `202101010000 ${long}202101010001`;
    expect(scanReferences(twelve, TWELVE_DIGIT).map((r) => r.id)).toStrictEqual(['202101010000', '202101010001']);
  });

  it('sees an ID that ends by its line\'s 20,000th character (the README\'s figure), and none that ends after', () => {
    const within = `${'x '.repeat(9_996)} ZK-0001`;
    const past = `${'x '.repeat(9_997)}ZK-0002`;
    expect([within.length, past.length]).toStrictEqual([20_000, 20_001]);
    expect(scanReferences(`${within}\n${past}`, format).map((r) => r.id)).toStrictEqual(['ZK-0001']);
  });

  it('never runs the pattern over more than the cap, however the note is scanned', () => {
    const long = 'x '.repeat(CUSTOM_PATTERN_LINE_CAP);
    const text = `ZK-0001 ${long}ZK-0002\n\n\`code\` ${long}\nZK-0003 [x](y) ${long}ZK-0004\n`;
    const subjects: number[] = [];
    const exec = RegExp.prototype.exec;
    // String methods and RegExp.prototype.test call the exec property too, so this sees every run.
    const spy = jest.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, subject: string) {
      if (this.source === format.source) subjects.push(subject.length);
      return exec.call(this, subject);
    });
    try {
      const scanner = new NoteScanner({ format, ownIdSources: ['filename'], frontmatterKey: 'id' });
      const ids = [scanReferences(text, format), findIdsInProse(text, format)].map((found) => found.map((r) => r.id));
      expect(ids).toStrictEqual([['ZK-0001', 'ZK-0003'], ['ZK-0001', 'ZK-0003']]);
      expect(scanner.scan('a.md', text).length).toBe(2 * REF_INTS);
    } finally {
      spy.mockRestore();
    }
    expect(subjects.length).toBeGreaterThan(0);
    expect(Math.max(...subjects)).toBeLessThanOrEqual(CUSTOM_PATTERN_LINE_CAP);
  });

  it('finds the same IDs as an uncapped search on ordinary text', () => {
    const text = '# ZK-0001 heading\n\nSee ZK-0002, and `ZK-0003` in code, then [[ZK-0004 Title]] and xZK-0005.\n';
    expect(scanReferences(text, format).map((r) => `${r.id} ${r.form}`)).toStrictEqual(['ZK-0001 bare', 'ZK-0002 bare', 'ZK-0004 wikilink']);
  });
});
