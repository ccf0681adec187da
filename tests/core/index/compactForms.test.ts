/**
 * The index's compact ways in must say exactly what the general ones say: integer ID keys and
 * their plausibility, the names pass against `namesOnlyFacts`, and scanned notes (strings read back
 * from the text) against facts extracted with every string.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { DENOTE, FOURTEEN_DIGIT, idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { idKeysFor } from '../../../src/core/index/idKeys';
import { extractNoteFacts, namesOnlyFacts, titleOf } from '../../../src/core/index/noteFacts';
import { ownIdOf } from '../../../src/core/index/ownId';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { snapshot } from './helpers';

const PRESETS: readonly IdFormat[] = [TWELVE_DIGIT, FOURTEEN_DIGIT, DENOTE];

describe('integer ID keys', () => {
  const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const idOf = (format: IdFormat): fc.Arbitrary<string> =>
    format === DENOTE ? fc.tuple(digits(8), digits(6)).map(([a, b]) => `${a}T${b}`) : digits(format === TWELVE_DIGIT ? 12 : 14);

  test.each(PRESETS.map((format) => [format.key, format] as const))('%s: keys round-trip, and plausibility from the key is the format’s', (_, format) => {
    const keys = idKeysFor(format);
    if (keys === null) throw new Error('a preset has keys');
    fc.assert(
      fc.property(idOf(format), (id) => {
        const key = keys.keyOf(id);
        expect(key).toBeGreaterThanOrEqual(0);
        expect(keys.idOf(key)).toBe(id);
        expect(keys.keyAt(`x${id}`, 1)).toBe(key);
        expect(keys.isPlausible(key)).toBe(format.isPlausible(id));
        // The forms that read and write the key in an array say the same.
        const out = new Float64Array([7, 7, 7]);
        keys.keyInto(`x${id}`, 1, out, 2);
        expect([...out]).toStrictEqual([7, 7, key]);
        expect(keys.isPlausibleIn(out, 2)).toBe(format.isPlausible(id));
      }),
      { seed: 1, numRuns: 2000 },
    );
    // Calendar edges, which random digits rarely hit.
    for (const minute of ['202402291200', '202302291200', '210002291200', '200002291200', '202104302359', '202104310000', '000001010000']) {
      const id = format === TWELVE_DIGIT ? minute : format === FOURTEEN_DIGIT ? `${minute}59` : `${minute.slice(0, 8)}T${minute.slice(8)}60`;
      expect(keys.isPlausible(keys.keyOf(id))).toBe(format.isPlausible(id));
      expect(keys.isPlausibleIn(Float64Array.of(keys.keyOf(id)), 0)).toBe(format.isPlausible(id));
    }
  });

  test('strings of another shape have no key', () => {
    const twelve = idKeysFor(TWELVE_DIGIT);
    for (const odd of ['20210429152', '2021042915240', '20210429152a', '2021a4291524', '202104/91524', '', '２０２１０４２９１５２４']) expect(twelve?.keyOf(odd)).toBe(-1);
    // Past the text's end in either half of the digits.
    const out = new Float64Array(1);
    for (const [text, from] of [['x2021', 1], ['x20210429', 1], ['202104291524', 1]] as const) {
      expect(twelve?.keyAt(text, from)).toBe(-1);
      twelve?.keyInto(text, from, out, 0);
      expect(out[0]).toBe(-1);
    }
    idKeysFor(DENOTE)?.keyInto('20210429t152400', 0, out, 0);
    expect(out[0]).toBe(-1);
    expect(idKeysFor(FOURTEEN_DIGIT)?.keyAt('20221003150064', 0)).toBe(20221003150064);
    expect(idKeysFor(DENOTE)?.keyOf('20210429t152400')).toBe(-1);
    expect(idKeysFor(idFormatFor('custom', '[a-z]{3}-\\d{1,8}'))).toBeNull();
  });
});

describe('the names pass', () => {
  const segment = fc.constantFrom('202104291524', '20221003150064', '20210429T152400', 'README', 'index', 'Readme', 'zet', 'a b', '', ' ', '-', '_', 'Title', ' Title ', '\u3000T', 'x');
  const name = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const extension = fc.constantFrom('.md', '.MD', '.Md', '', '.txt', '.mx', '.xd', 'md', '.mdx');
  const notePath = fc
    .tuple(fc.array(name, { maxLength: 3 }), name, extension)
    .map(([folders, file, ext]) => [...folders.filter((f) => f !== ''), `${file}${ext}`].join('/'))
    .filter((p) => p !== '' && !p.startsWith('/'));
  const sources = fc.subarray<OwnIdSource>(['filename', 'folder', 'frontmatter']).chain((some) => fc.shuffledSubarray(some, { minLength: some.length }));
  const formats = fc.constantFrom<IdFormat>(...PRESETS, idFormatFor('custom', '\\d{12}'));

  test('puts each path exactly as upserting its names-only facts would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(notePath, { maxLength: 12 }), sources, formats, (paths, ownIdSources, format) => {
        const options = { format, ownIdSources, frontmatterKey: 'id' };
        const bulk = new IdIndex({ format });
        bulk.putNames(paths, options);
        const one = new IdIndex({ format });
        for (const p of paths) one.apply({ kind: 'upsert', facts: namesOnlyFacts(p, options) });
        expect(bulk.checkInvariants()).toStrictEqual([]);
        expect(snapshot(bulk)).toStrictEqual(snapshot(one));
      }),
      { seed: 11, numRuns: 1500 },
    );
  });

  test('a scanned note has the own ID and title ownIdOf and titleOf give, read off the same path', () => {
    const text = fc.constantFrom('', 'body', '# Heading\n', '# 202104291524 Own\n', '---\nid: 202108191025\ntitle: Front\n---\n', '---\nid: 20210429T152400\n---\n# H\n');
    fc.assert(
      fc.property(notePath, text, sources, formats, (p, body, ownIdSources, format) => {
        const options = { format, ownIdSources, frontmatterKey: 'id' };
        const own = ownIdOf(p, body, options);
        const id = own === null ? null : own.id;
        const scanned = new NoteScanner(options).scan(p, body);
        expect({ id: scanned.id, title: scanned.title }).toStrictEqual({ id, title: titleOf(p, id, body, format) });
      }),
      { seed: 12, numRuns: 3000 },
    );
  });

  test.each([
    [['frontmatter', 'folder'], '---\nid: 202108191025\n---\n', '202108191025'],
    [['frontmatter', 'folder'], 'body', '202104291524'],
    [['frontmatter'], 'body', null],
    [['folder', 'frontmatter'], '---\nid: 202108191025\n---\n', '202104291524'],
    [['filename'], 'body', null],
  ] as const)('a folder note in an ID folder, sources %j, text %j: the scanner reads own ID %j', (ownIdSources, body, id) => {
    const options = { format: TWELVE_DIGIT, ownIdSources: [...ownIdSources], frontmatterKey: 'id' };
    const p = 'zet/202104291524/README.md';
    expect(new NoteScanner(options).scan(p, body).id).toBe(id);
    expect(ownIdOf(p, body, options)?.id ?? null).toBe(id);
  });

  test('a path given twice is indexed once, with everything it owns', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
    const paths = ['202104291524 A.md', 'b.md', '202104291524 A.md', '202108191025 C.md', 'b.md'];
    const twice = new IdIndex({ format: TWELVE_DIGIT });
    twice.putNames(paths, options);
    expect(twice.resolve('202104291524')).toStrictEqual({ id: '202104291524', status: 'resolved', paths: ['202104291524 A.md'] });
    expect(twice.size).toBe(3);
    expect(twice.checkInvariants()).toStrictEqual([]);
    const once = new IdIndex({ format: TWELVE_DIGIT });
    once.putNames([...new Set(paths)], options);
    expect(snapshot(twice)).toStrictEqual(snapshot(once));
  });

  test('leaves paths already indexed as they are', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.apply({ kind: 'upsert', facts: extractNoteFacts('a.md', '---\nid: 202104291524\n---\nSee 202108191025.', options) });
    index.putNames(['a.md', '202108191025 B.md'], options);
    expect(index.note('a.md')?.id).toBe('202104291524');
    expect(index.referencesOf('a.md').map((r) => r.id)).toStrictEqual(['202108191025']);
    expect(index.resolve('202108191025').paths).toStrictEqual(['202108191025 B.md']);
  });
});

describe('scanned notes', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  const piece = fc.constantFrom(
    '202104291524', '202108191025 Title', '[[202104291947|x]]', '![[202104291524#^b]]', '[[202108191025\\|y]]', '[a](202104291524%20A.md)',
    '![i](202108191025.md#h "t")', '[b](<202104291947 B.md>)', '`202104291524`', ' ', '\n', '\r\n', '. ', 'word', '…', '’', '🙂', '#', '---\n',
    '$', '\t', 'x'.repeat(70), '202199999999', '20210429152', 'id: 202104291947\n',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  function both(notes: readonly [string, string][]): { scanned: IdIndex; whole: IdIndex } {
    const texts = new Map(notes);
    const scanned = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
    const whole = new IdIndex({ format: TWELVE_DIGIT });
    const scanner = new NoteScanner(options);
    for (const [p, body] of notes) {
      scanned.apply({ kind: 'upsert', facts: scanner.scan(p, body) });
      whole.apply({ kind: 'upsert', facts: extractNoteFacts(p, body, options) });
    }
    return { scanned, whole };
  }

  test('read back, with their text at hand, exactly what extracted facts hold', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (bodies) => {
        const { scanned, whole } = both(bodies.map((body, i) => [`${i === 0 ? '202104291524' : `n${i}`} T.md`, body]));
        expect(scanned.checkInvariants()).toStrictEqual([]);
        expect(snapshot(scanned)).toStrictEqual(snapshot(whole));
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  test('give no context or link texts from a text that is not the one scanned', () => {
    const body = 'See [[202108191025 B]] and 202104291947 here.\n';
    let current: string | undefined = body;
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: () => current } });
    index.apply({ kind: 'upsert', facts: new NoteScanner(options).scan('a.md', body) });
    expect(index.referencesOf('a.md').map((r) => [r.context, r.link?.target])).toStrictEqual([
      ['See [[202108191025 B]] and 202104291947 here.', '202108191025 B'],
      ['See [[202108191025 B]] and 202104291947 here.', undefined],
    ]);
    for (const changed of [undefined, `${body}more`, body.replace('202104291947', '202104291948')]) {
      current = changed;
      const references = index.referencesOf('a.md');
      expect(references.map((r) => [r.id, r.from, r.line, r.column])).toStrictEqual([['202108191025', 6, 1, 7], ['202104291947', 27, 1, 28]]);
      if (changed === undefined || changed.length !== body.length) {
        expect(references.map((r) => r.context)).toStrictEqual(['', '']);
        expect(references[0].link).toBeUndefined();
      } else {
        // Same length, and the first ID still stands where it did: only the second is taken as changed.
        expect(references[1].context).toBe('');
        expect(references[0].link?.target).toBe('202108191025 B');
      }
    }
  });

  test('a scanned note is refused once its scanner has moved on to another note', () => {
    const scanner = new NoteScanner(options);
    const first = scanner.scan('a.md', 'See 202104291524.');
    scanner.scan('b.md', 'See 202108191025.');
    expect(() => new IdIndex({ format: TWELVE_DIGIT }).put(first)).toThrow('The scanned facts of a.md were used after their scanner scanned another note.');
    // Over its names-only record too, where the bulk build's short way would take it.
    const named = new IdIndex({ format: TWELVE_DIGIT });
    named.putNames(['a.md'], options);
    expect(() => named.put(first)).toThrow('The scanned facts of a.md were used after their scanner scanned another note.');
    expect(named.referencesOf('a.md')).toStrictEqual([]);
  });

  test('a note with more references than the scanner first makes room for reads back as extracted', () => {
    // 300 bare IDs and 300 links: more records than the scanner's first arrays hold (1,024 ints,
    // 128 IDs), so they grow while the note is scanned.
    const lines = Array.from({ length: 300 }, (_, i) => `Line ${i}: 2021042915${String(i % 60).padStart(2, '0')} and [[2021081910${String(i % 60).padStart(2, '0')}|x]].`);
    const { scanned, whole } = both([['202104291524 Big.md', lines.join('\n')]]);
    expect(scanned.referencesOf('202104291524 Big.md')).toHaveLength(600);
    expect(snapshot(scanned)).toStrictEqual(snapshot(whole));
  });

  test('a link with empty text reads back with an empty display, not none', () => {
    const body = 'See [](202104291524.md) and [[202108191025|]] and [[202104291947]].';
    const { scanned, whole } = both([['a.md', body]]);
    expect(scanned.referencesOf('a.md').map((r) => r.link?.display)).toStrictEqual(['', '', null]);
    expect(snapshot(scanned)).toStrictEqual(snapshot(whole));
  });

  test('the example vault reads back as extracted', () => {
    const vault = path.join(__dirname, '../../../example-vault');
    const files = fs.readdirSync(vault).filter((name) => name.endsWith('.md'));
    const { scanned, whole } = both(files.map((file) => [file, fs.readFileSync(path.join(vault, file), 'utf8')]));
    expect(snapshot(scanned)).toStrictEqual(snapshot(whole));
  });
});

test('a NoteScanner reused from note to note gives each note its own IDs and lines, nothing of the note before', () => {
  const format = idFormatFor('custom', 'ZK-\\d{3}');
  const scanner = new NoteScanner({ format, ownIdSources: ['filename'], frontmatterKey: 'id' });
  scanner.scan('a.md', 'ZK-101 and ZK-102\r\nthen ZK-103 and ZK-104.');
  const second = scanner.scan('b.md', 'one line\n\nZK-205 only.');
  // The IDs in use and no more: entries left from the longer note before would keep its text alive.
  expect(second.ids).toStrictEqual(['ZK-205']);
  expect(second.keyCount).toBe(1);
  expect(extractNoteFacts('b.md', 'one line\n\nZK-205 only.', { format, ownIdSources: ['filename'], frontmatterKey: 'id' }).references.map((r) => [r.id, r.line, r.column])).toStrictEqual([['ZK-205', 3, 1]]);
  const index = new IdIndex({ format, texts: { textOf: () => 'one line\n\nZK-205 only.' } });
  index.put(second);
  expect(index.referencesOf('b.md').map((r) => [r.id, r.line, r.column])).toStrictEqual([['ZK-205', 3, 1]]);
});

test.each([
  ['\n', 'line feeds'],
  ['\r\n', 'CRLF'],
  ['\r', 'lone carriage returns'],
])('line and column after a frontmatter whose lines end in %j (%s) are the ones extracted facts give', (br) => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const text = ['---', 'id: 202104291524', 'tags: [a]', '---', '', 'Intro', '  see 202108191025 and', '[[202104291947]] too'].join(br);
  const scanned = new NoteScanner(options).scan('n.md', text);
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: () => text } });
  index.put(scanned);
  const lines = index.referencesOf('n.md').map((r) => [r.id, r.line, r.column]);
  expect(lines).toStrictEqual([
    ['202108191025', 7, 7],
    ['202104291947', 8, 3],
  ]);
  expect(extractNoteFacts('n.md', text, options).references.map((r) => [r.id, r.line, r.column])).toStrictEqual(lines);
});
