import fc from 'fast-check';
import { scanReferences } from '../../../src/core/ids/scanner';
import { findIdsInProse } from '../../../src/core/ids/prose';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { mark } from './mark';

const SEED = 20261125;

// Fragments chosen to collide: IDs, digit runs, and every character that opens a construct.
const fragment = fc.constantFrom(
  '202104291524', '202108191025', '20210429152404', '2021042915', '0', '7', ' ', ' ', '\n', '\n\n', '\r\n',
  'word', '_', '#', '^', '`', '``', '```', '~~~', '$', '$$', '[', ']', '[[', ']]', '(', ')', '!', '<', '>',
  '<!--', '-->', '%%', 'https://', 'www.', '.png', '.md', '|', '\\', '---', '    ', '\t', '- ', '> ', '%20', '/',
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
        expect(shifted).toEqual(scanReferences(text, TWELVE_DIGIT).map((r) => [r.id, r.from]));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('CRLF line endings find the same references', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const lf = text.replace(/\r\n/g, '\n');
        expect(ids(lf.replace(/\n/g, '\r\n'))).toEqual(ids(lf));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('a fence around everything hides every reference', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        expect(scanReferences('~~~~~~~~~~\n' + text.replace(/~/g, '') + '\n~~~~~~~~~~\n', TWELVE_DIGIT)).toEqual([]);
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
    ['angle brackets', '<a '.repeat(100_000), 0],
    ['ids without spaces', '202104291524,'.repeat(40_000), 40_000],
  ])('%s on one megabyte-scale line', (_name, hostile, idsInside) => {
    const text = hostile + tail;
    const refs = scanReferences(text, TWELVE_DIGIT);
    expect(refs).toHaveLength(idsInside + 1);
    expect(refs[refs.length - 1]).toEqual({ id: '202108191025', form: 'bare', from: text.length - 12, to: text.length });
  });
});
