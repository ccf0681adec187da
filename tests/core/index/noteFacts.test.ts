import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { contextAround, contextAt, CONTEXT_RADIUS, extractNoteFacts, indexReferences } from '../../../src/core/index/noteFacts';

const options = { format: TWELVE_DIGIT, ownIdSources: ['filename', 'folder', 'frontmatter'] as const, frontmatterKey: 'id' };
const facts = (path: string, text: string) => extractNoteFacts(path, text, { ...options, ownIdSources: [...options.ownIdSources] });

describe('extractNoteFacts', () => {
  test('record and references of a seed-style note', () => {
    const text = '202104291524 Execution\nAfter all, 202108191025 Teams exist for a reason.\nSee [[202104291947 Serve others|serve]].\n';
    const result = facts('202104291524 Execution.md', text);
    expect(result.id).toBe('202104291524');
    expect(result.title).toBe('Execution');
    expect(result.references.map((r) => [r.id, r.form, r.line, r.column, r.context])).toStrictEqual([
      ['202104291524', 'bare', 1, 1, '202104291524 Execution'],
      ['202108191025', 'bare', 2, 12, 'After all, 202108191025 Teams exist for a reason.'],
      ['202104291947', 'wikilink', 3, 7, 'See [[202104291947 Serve others|serve]].'],
    ]);
    const link = result.references[2].link;
    expect(link?.display).toBe('serve');
    expect(text.slice(result.references[1].from, result.references[1].to)).toBe('202108191025');
  });

  test('CRLF lines: columns and contexts exclude the carriage return', () => {
    const text = 'first line\r\nsecond 202108191025 here\r\n\r\n202104291947\r\n';
    const refs = facts('n.md', text).references;
    expect(refs.map((r) => [r.line, r.column, r.context])).toStrictEqual([
      [2, 8, 'second 202108191025 here'],
      [4, 1, '202104291947'],
    ]);
  });

  test('lone-CR lines: line numbers, columns and contexts', () => {
    const text = 'first line\rsecond 202108191025 here\r\r202104291947\r';
    const refs = facts('n.md', text).references;
    expect(refs.map((r) => [r.line, r.column, r.context])).toStrictEqual([
      [2, 8, 'second 202108191025 here'],
      [4, 1, '202104291947'],
    ]);
  });

  test('frontmatter IDs are no references, and frontmatter gives the own ID', () => {
    const text = '---\nid: 202201010101\nrelated: 202108191025\n---\nBody 202104291947\n';
    const result = facts('Plain title.md', text);
    expect(result.id).toBe('202201010101');
    expect(result.title).toBe('Plain title');
    expect(result.references.map((r) => [r.id, r.line])).toStrictEqual([['202104291947', 5]]);
  });

  test('implausible candidates are kept: the index decides whether they count', () => {
    const refs = facts('n.md', 'Bumped 202199999999 and real 202108191025\n').references;
    expect(refs.map((r) => r.id)).toStrictEqual(['202199999999', '202108191025']);
  });

  test('a megabyte one-line note stays linear and contexts stay short', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `word 2021${String((i % 12) + 1).padStart(2, '0')}101200 more`).join(' ');
    const refs = facts('big.md', line).references;
    expect(refs).toHaveLength(20_000);
    expect(refs[19_999].line).toBe(1);
    expect(Math.max(...refs.map((r) => r.context.length))).toBeLessThanOrEqual(2 * CONTEXT_RADIUS + 12 + 2);
  });
});

describe('contextAround', () => {
  const around = (line: string, id: string) => {
    const from = line.indexOf(id);
    return contextAround(line, 0, line.length, from, from + id.length);
  };

  test.each<[string, string]>([
    ['short line 202108191025 stays whole', 'short line 202108191025 stays whole'],
    ['   indented 202108191025 line   ', 'indented 202108191025 line'],
    [
      'Above all else, a team has to execute well. If this isn’t happening then nothing else matters. After all, 202108191025 Teams exist for a reason and the reason for having the team at all is to build something greater than the individuals.',
      'After all, 202108191025 Teams exist for a reason and the reason…',
    ],
    ['Earlier words. See 202108191025 now. Later words follow here.', 'See 202108191025 now.'],
    ['Really? Yes 202108191025! And then more', 'Yes 202108191025!'],
    ['Version 3.5 of 202108191025 is out', 'Version 3.5 of 202108191025 is out'],
    ['Ends with the ID 202108191025.', 'Ends with the ID 202108191025.'],
    ['x'.repeat(200) + ' 202108191025 ' + 'y'.repeat(200), '…' + 'x'.repeat(CONTEXT_RADIUS - 1) + ' 202108191025 ' + 'y'.repeat(CONTEXT_RADIUS - 1) + '…'],
    // The last space is more than a snap's reach back from the cut: the word is cut, not the context shortened to that space.
    ['202108191025 yyyyy ' + 'y'.repeat(60), '202108191025 yyyyy ' + 'y'.repeat(CONTEXT_RADIUS - 7) + '…'],
    // Spaces ending a long line are no text left out: no ellipsis for them.
    ['See 202108191025' + ' '.repeat(60), 'See 202108191025'],
    // Nothing is cut at the line's start, so a lone low surrogate there is kept (only a cut skips one).
    ['\uDC00 202108191025', '\uDC00 202108191025'],
  ])('%#', (line, expected) => {
    expect(around(line, '202108191025')).toBe(expected);
  });

  test('a cut never splits an emoji', () => {
    for (let pad = 30; pad < 50; pad++) {
      const line = '🙂'.repeat(pad) + ' 202108191025 ' + '🙂'.repeat(pad);
      const context = around(line, '202108191025');
      expect(context).toContain('202108191025');
      expect(context).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/);
    }
  });

  test('a cut skips exactly the low half of a surrogate pair, at both ends of that range', () => {
    // The cut falls 40 characters before the ID, here on the character after four a's.
    const cutAt = (at: string) => around('aaaa' + at + 'b'.repeat(45 - 4 - at.length) + '202108191025 end', '202108191025');
    const tail = 'b'.repeat(39) + '202108191025 end';
    expect(cutAt('\u{10000}')).toBe('…' + tail);
    expect(cutAt('\u{10FFFF}')).toBe('…' + tail);
    // A full-width letter (U+FF42) is no surrogate: the cut keeps it.
    expect(cutAt('b\uFF42')).toBe('…\uFF42' + tail);
  });

  test('a cut after the ID that falls inside a surrogate pair leaves the whole pair out', () => {
    // The cut falls 40 characters after the ID, here on the low half of U+10000.
    const line = 'Start 202108191025' + 'b'.repeat(39) + '\u{10000}aaaa';
    expect(around(line, '202108191025')).toBe('Start 202108191025' + 'b'.repeat(39) + '…');
  });

  test('a tab is a space where the cut snaps to a word', () => {
    const line = 'w'.repeat(10) + '\t' + 'z'.repeat(33) + ' 202108191025 end';
    expect(around(line, '202108191025')).toBe('…' + 'z'.repeat(33) + ' 202108191025 end');
  });

  test('a sentence end just past the cut is not reached', () => {
    const line = '202108191025 ' + 'c'.repeat(39) + '. More words.';
    expect(around(line, '202108191025')).toBe('202108191025 ' + 'c'.repeat(39) + '…');
  });

  test('the ID itself is always inside the context', () => {
    for (let pad = 0; pad < 150; pad += 7) {
      const line = 'a '.repeat(pad) + '202108191025' + ' b'.repeat(150 - pad);
      expect(around(line, '202108191025')).toContain('202108191025');
    }
  });

  // contextAt finds the line from the text alone (the index keeps no line for a reference); a custom
  // pattern's ID can be one character long, right before a line break.
  test.each<[string, number, number, string]>([
    ['See 202108191025 here', 4, 16, 'See 202108191025 here'],
    ['first line\rsecond 202108191025 here\rlast', 18, 30, 'second 202108191025 here'],
    ['first line\r\nsecond 202108191025 here\r\nlast', 19, 31, 'second 202108191025 here'],
    ['See 7\nNext', 4, 5, 'See 7'],
    ['7\nNext', 0, 1, '7'],
  ])('contextAt %j', (text, from, to, expected) => {
    expect(contextAt(text, from, to)).toBe(expected);
  });

  test('indexReferences accepts an empty scan', () => {
    expect(indexReferences('text', [])).toStrictEqual([]);
  });
});

describe('metamorphic variants over the example vault', () => {
  const vault = `${__dirname}/../../../example-vault`;
  const files = existsSync(vault) ? readdirSync(vault).filter((name) => name.endsWith('.md')) : [];

  test.each(files)('%s', (name) => {
    const text = readFileSync(`${vault}/${name}`, 'utf8').replace(/\r\n/g, '\n');
    const base = facts(name, text);
    const shape = (f: ReturnType<typeof facts>, lineShift = 0) => f.references.map((r) => [r.id, r.form, r.line - lineShift, r.column, r.context]);

    // CRLF and lone-CR line endings: same references, lines, columns, contexts, own ID and title.
    for (const eol of ['\r\n', '\r']) {
      const other = facts(name, text.replace(/\n/g, eol));
      expect(shape(other)).toStrictEqual(shape(base));
      expect([other.id, other.title]).toStrictEqual([base.id, base.title]);
    }
    // Frontmatter prepended (when the note has none): same references, three lines lower.
    if (!text.startsWith('---')) {
      const withFrontmatter = facts(name, `---\ntags: [a]\n---\n${text}`);
      expect(shape(withFrontmatter, 3)).toStrictEqual(shape(base));
      expect(withFrontmatter.id).toBe(base.id);
    }
    // A fence around everything: no references at all.
    expect(facts(name, '~~~~~~~~\n' + text + '\n~~~~~~~~\n').references).toStrictEqual([]);
  });
});

describe('properties over arbitrary text', () => {
  const piece = fc.constantFrom('202104291524', '202108191025 Title', '[[202104291947|x]]', '[a](202104291524%20A.md)', ' ', '\n', '\r\n', '\r', '. ', 'word', '…', '’', '🙂', '`', '#', '---\n', '$', '\t', 'x'.repeat(70), '[r]: ', '詳細は');
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  test('positions, lines, columns and contexts agree with the text, and the index hands back the same references', () => {
    fc.assert(
      fc.property(text, (body) => {
        const result = facts('n.md', body);
        for (const reference of result.references) {
          expect(body.slice(reference.from, reference.to)).toBe(reference.id);
          const before = body.slice(0, reference.from);
          // Lines end at \n, \r\n or a lone \r.
          const lines = before.split(/\r\n|\r|\n/);
          expect(reference.line).toBe(lines.length);
          expect(reference.column).toBe(lines[lines.length - 1].length + 1);
          expect(reference.context).not.toMatch(/[\r\n]/);
          expect(reference.context).toContain(reference.id);
          expect(reference.context.length).toBeLessThanOrEqual(2 * CONTEXT_RADIUS + reference.id.length + 2);
        }
        const index = new IdIndex({ format: TWELVE_DIGIT });
        index.apply({ kind: 'upsert', facts: result });
        expect(index.referencesOf('n.md')).toStrictEqual(result.references.filter((r) => TWELVE_DIGIT.isPlausible(r.id)));
        expect(index.checkInvariants()).toStrictEqual([]);
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
