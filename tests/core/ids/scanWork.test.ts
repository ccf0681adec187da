/**
 * The scanner's searches remember their answers (src/core/ids/searcher.ts), so a note full of
 * openers that never close (a megabyte of `[[`, backticks, `$`) costs work in proportion to its
 * length, not to its square; so does walking a note's lines (src/core/ids/lines.ts), whichever
 * line breaks it uses. Work is counted, not timed: the characters every search passes over
 * (String.prototype.indexOf, and RegExp exec and test from their lastIndex).
 */
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { forEachLine, lineNumberAt } from '../../../src/core/ids/lines';
import { scanReferences } from '../../../src/core/ids/scanner';

const ID = '202104291524';

/** Characters passed over by the searches `run` makes. */
function searchWork(run: () => void): number {
  let passed = 0;
  const indexOf = String.prototype.indexOf;
  const exec = RegExp.prototype.exec;
  const test = RegExp.prototype.test;
  const spies = [
    jest.spyOn(String.prototype, 'indexOf').mockImplementation(function (this: string, needle: string, from?: number) {
      const found = indexOf.call(this, needle, from);
      passed += (found === -1 ? this.length : found) - Math.max(0, from ?? 0);
      return found;
    }),
    jest.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, subject: string) {
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, subject);
      passed += (match === null ? subject.length : match.index) - start;
      return match;
    }),
    jest.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, subject: string) {
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const found = test.call(this, subject);
      passed += (found ? this.lastIndex || start : subject.length) - start;
      return found;
    }),
  ];
  try {
    run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return passed;
}

describe('search work stays linear in the note', () => {
  // Links, math and code spans over lines never close here, so a search without its memo would run
  // to the note's end from every opener. Backtick runs pair with the next run of their length, so
  // their rows hold that a search stops there.
  test.each<[string, string | null, string?]>([
    ['wikilinks', '[[a '],
    ['markdown links', '[a](b '],
    ['link labels', '[a '],
    ['single backticks', '`a '],
    ['double backticks', '``a '],
    ['backtick runs longer than the slotted ones', `${'`'.repeat(20)}a `],
    ['backtick runs of every length', null],
    ['inline math', '$a '],
    ['display math', '$$a '],
    ['code spans across lines', '`a\n'],
    // A line break of `\r` anywhere makes the line and paragraph searches regexes.
    ['code spans across lines of a CRLF note', '`a\r\n'],
    ['code spans on one long line of a CRLF note', '`a` ', '\r\n'],
    // Brackets pair a paragraph at a time, past code spans and autolinks inside them. (A sticky
    // regex that fails counts here as passing the rest of the text, so `<` that opens no tag has no row.)
    ['link labels around backticks that never close', '[`a '],
    ['link labels around backticks that close', '[`a` '],
    ['link labels around autolinks', '[<ab:c> '],
  ])('%s', (_case, unit, lineBreak = ' ') => {
    const note = (count: number): string =>
      unit === null
        ? `${ID} ` + Array.from({ length: count }, (_, i) => `${'`'.repeat((i % 24) + 1)}a `).join('')
        : `${ID}${lineBreak}${unit.repeat(count)}`;
    const small = searchWork(() => scanReferences(note(2000), TWELVE_DIGIT));
    const large = searchWork(() => scanReferences(note(4000), TWELVE_DIGIT));
    // Twice the note, at most a little more than twice the work (a square would be four times).
    expect(large / small).toBeLessThan(2.5);
  });
});

describe('line walks stay linear in the note', () => {
  // Each of `\n` and `\r` is searched once until passed: a text without one of them is not searched
  // to its end again for every line.
  test.each([['\n'], ['\r\n'], ['\r']])('every line, ending in %j', (lineBreak) => {
    const note = (lines: number): string => `a line of words${lineBreak}`.repeat(lines);
    const walk = (text: string) => () => forEachLine(text, 0, () => undefined);
    const number = (text: string) => () => lineNumberAt(text, text.length);
    expect(searchWork(walk(note(4000))) / searchWork(walk(note(2000)))).toBeLessThan(2.5);
    expect(searchWork(number(note(4000))) / searchWork(number(note(2000)))).toBeLessThan(2.5);
  });
});
