import fc from 'fast-check';
import { scanReferences } from '../../../src/core/ids/scanner';
import { collectIdsInRange, findIdsInProse } from '../../../src/core/ids/prose';
import type { IdMatch } from '../../../src/core/types';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { mark } from './mark';

const SEED = 20261125;

// Fragments chosen to collide: IDs, digit runs, and every character that opens a construct.
const fragment = fc.constantFrom(
  '202104291524', '202108191025', '20210429152404', '2021042915', '0', '7', ' ', ' ', '\n', '\n\n', '\r\n',
  'word', '_', '#', '^', '`', '``', '```', '~~~', '$', '$$', '[', ']', '[[', ']]', '(', ')', '!', '<', '>',
  '<!--', '-->', '%%', 'https://', 'www.', '.png', '.md', '|', '\\', '---', '    ', '\t', '- ', '> ', '%20', '/',
  '[a]: ', '[^1]: ', ']:', '"t"', '\r', '詳細', 'を', '、', '\u{1D400}', 'e\u0301', '\u0301', 'か\u3099',
);
const noteText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

describe('scanReferences properties', () => {
  test('results are sorted, non-overlapping, inside the text, and name their own text', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const refs = scanReferences(text, TWELVE_DIGIT);
        let previousEnd = 0;
        for (const ref of refs) {
          expect(ref.from).toBeGreaterThanOrEqual(previousEnd);
          expect(ref.to).toBeLessThanOrEqual(text.length);
          expect(text.slice(ref.from, ref.to)).toBe(ref.id);
          previousEnd = ref.to;
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test('never splits a longer digit run', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        for (const ref of scanReferences(text, TWELVE_DIGIT)) {
          expect(/\d/.test(text[ref.from - 1] ?? '')).toBe(false);
          expect(/\d/.test(text[ref.to] ?? '')).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test('links hold their reference: the ID lies inside the link target', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        for (const ref of scanReferences(text, TWELVE_DIGIT)) {
          if (ref.form === 'bare') continue;
          expect(ref.link).toBeDefined();
          expect(ref.from).toBeGreaterThanOrEqual(ref.link!.targetFrom);
          expect(ref.to).toBeLessThanOrEqual(ref.link!.targetTo);
          expect(text.slice(ref.link!.targetFrom, ref.link!.targetTo)).toBe(ref.link!.target);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  test('bare IDs of the scanner are a subset of the prose finder on the same text', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const prose = new Set(findIdsInProse(text, TWELVE_DIGIT).map((m) => m.from));
        for (const ref of scanReferences(text, TWELVE_DIGIT)) {
          if (ref.form === 'bare') expect(prose.has(ref.from)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

// Metamorphic variants of prose-only notes: how the note is wrapped must not change what counts.
const proseText = fc
  .array(fc.constantFrom('202104291524', '202108191025', ' ', 'word', '. ', ', ', '(', ')', '\n', '**'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('metamorphic variants', () => {
  const ids = (text: string) => scanReferences(text, TWELVE_DIGIT).map((r) => `${r.form}:${r.id}`);

  test('frontmatter prepended shifts every reference by its length and adds none', () => {
    fc.assert(
      fc.property(proseText, (text) => {
        const front = '---\nid: 202001010000\ntags: [a]\n---\n';
        const shifted = scanReferences(front + text, TWELVE_DIGIT).map((r) => [r.id, r.from - front.length]);
        expect(shifted).toStrictEqual(scanReferences(text, TWELVE_DIGIT).map((r) => [r.id, r.from]));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('CRLF line endings find the same references', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect(ids(lf.replace(/\n/g, '\r\n'))).toStrictEqual(ids(lf));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('lone-CR line endings find the same references at the same offsets', () => {
    const at = (text: string) => scanReferences(text, TWELVE_DIGIT).map((r) => `${r.form}:${r.id}@${r.from}`);
    fc.assert(
      fc.property(noteText, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect(at(lf.replace(/\n/g, '\r'))).toStrictEqual(at(lf));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('a fence around everything hides every reference', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        expect(scanReferences('~~~~~~~~~~\n' + text.replace(/~/g, '') + '\n~~~~~~~~~~\n', TWELVE_DIGIT)).toStrictEqual([]);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('the table rows keep their meaning with frontmatter and with CRLF', () => {
    const samples = ['After 202108191025 Teams.', '`202104291524` 202108191025', '[[202108191025 T]] x'];
    for (const sample of samples) {
      const front = '---\nid: 1\n---\n';
      expect(mark(front + sample)).toBe(front + mark(sample));
      expect(mark(sample.replace(/\n/g, '\r\n'))).toBe(mark(sample).replace(/\n/g, '\r\n'));
    }
  });
});

describe('prose finder', () => {
  // What one ID's surroundings decide must not depend on the IDs before it: the finder remembers
  // token walks from one ID to the next, and must answer as if each were looked at alone.
  const piece = fc.constantFrom('202104291524', '202108191025', ' ', '\n', 'x', '詳細', 'を', '#', '#tag', '^', '/', '-', '.png', '.', 'https://h.org/', 'www.', ')', 'x'.repeat(700), '詳'.repeat(900), '\u{20000}');
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  test('finds in a whole text exactly the IDs it finds at each candidate alone', () => {
    fc.assert(
      fc.property(text, (body) => {
        const whole = findIdsInProse(body, TWELVE_DIGIT).map((m) => m.from);
        const alone: number[] = [];
        for (const candidate of body.matchAll(/(?=\d{12})/g)) {
          const out: IdMatch[] = [];
          collectIdsInRange(body, TWELVE_DIGIT, candidate.index, candidate.index + 12, out);
          if (out.length > 0 && out[0].from === candidate.index) alone.push(candidate.index);
        }
        expect(whole).toStrictEqual(alone);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

// The word rule as relations between texts: swapping a neighbour of an ID for another character of
// the same class keeps every reference where it was.
describe('word rule metamorphic relations', () => {
  const at = (text: string) => scanReferences(text, TWELVE_DIGIT).map((r) => `${r.form}:${r.id}@${r.from}`);
  const words = fc
    .array(fc.constantFrom('202104291524', '202108191025', ' ', 'ab', '詳', 'を', 'カ', '한', '\u{20000}', '\u{1D400}', 'e\u0301', 'か\u3099', '_', '、', '.', '7'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  test('a CJK letter separates like punctuation', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(at(text.replace(/[詳をカ한]/g, '、').replace(/\u{20000}/gu, '「」'))).toStrictEqual(at(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('an astral letter joins like two Latin letters', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(at(text.replace(/\u{1D400}/gu, 'xy'))).toStrictEqual(at(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('a combining mark reads as the letter it sits on', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(at(text.replace(/e\u0301/g, 'ee').replace(/か\u3099/g, 'かか'))).toStrictEqual(at(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('hostile input', () => {
  // Each input would take minutes if a construct rescanned to the end of the line from every opener.
  // The ID placed after the hostile part proves the scan reached it and resumed normal prose.
  const tail = '\n\nsee 202108191025';
  test.each([
    ['unclosed backticks', '` a '.repeat(100_000), 0],
    ['unclosed brackets', '[a '.repeat(100_000), 0],
    ['unclosed wikilinks', '[[a '.repeat(100_000), 0],
    ['dollar signs', '$a '.repeat(100_000), 0],
    ['link openers', '[x]( '.repeat(60_000), 0],
    ['links with unclosed parenthesised titles', '[x](a ( '.repeat(60_000), 0],
    ['links with quoted titles left open', '[x](a "\\" '.repeat(60_000), 0],
    ['angle brackets', '<a '.repeat(100_000), 0],
    ['email autolinks left open', '<a.b@c-d.e '.repeat(60_000), 0],
    ['tags with many attributes left open', '<a b c=d e="f" '.repeat(60_000), 0],
    ['a tag with one long unquoted value left open', '<a b=' + 'c'.repeat(1_000_000), 0],
    ['one tag of many attributes left open', '<a' + ' b c=d e="f"'.repeat(80_000), 0],
    ['tags of many attributes, each opened after the last', '<a b c=d '.repeat(40_000).replace(/ /g, '  '), 0],
    ['an email autolink left open over a long domain', '<a@' + 'b-c.'.repeat(200_000), 0],
    ['ids without spaces', '202104291524,'.repeat(40_000), 40_000],
    ['definition openers on one line', '[a]: '.repeat(100_000), 0],
    ['definition lines', '[a]: /x\n'.repeat(60_000), 0],
    ['footnote lines', '[^1]: x\n'.repeat(60_000), 0],
    ['labels with long destinations', ('[a]: ' + '('.repeat(500) + '\n').repeat(1_000), 0],
    ['lone-CR lines', 'x\r'.repeat(200_000), 0],
    ['long quote and rule lines before definitions', ('> '.repeat(20_000) + 'x\n[a]: /b\n' + '- '.repeat(20_000) + 'x\n[a]: /b\n').repeat(5), 0],
    ['ids between Japanese words', '詳細は202104291524を'.repeat(20_000), 20_000],
    ['a long run of astral letters after an id', '202104291524' + '\u{1D400}'.repeat(200_000), 0],
    ['a long run of combining marks before an id', 'e' + '\u0301'.repeat(200_000) + '202104291524', 0],
  ])('%s on one megabyte-scale line', (_name, hostile, idsInside) => {
    const text = hostile + tail;
    const refs = scanReferences(text, TWELVE_DIGIT);
    expect(refs).toHaveLength(idsInside + 1);
    expect(refs[refs.length - 1]).toStrictEqual({ id: '202108191025', form: 'bare', from: text.length - 12, to: text.length });
  });
});
