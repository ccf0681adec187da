import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { decodeRecords, encodeRecords } from '../../src/core/cache/recordCodes';
import { CACHE_FORMAT_VERSION, decodeSnapshot, decodeSnapshotSteps, encodeSnapshot, encodeSnapshotSteps, NOTES_PER_STEP } from '../../src/core/cache/snapshot';
import type { CachedNote, IndexSnapshot } from '../../src/core/cache/snapshot';
import { REF_INTS } from '../../src/core/index/referenceStore';
import { IdIndex } from '../../src/core/index/idIndex';
import { isScanned, NoteScanner, type NoteInput } from '../../src/core/index/scannedNote';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { snapshot } from '../core/index/helpers';
import { restamped, withHeader, withNoteLine, withRecordsText } from './forge';

const VAULT = path.join(__dirname, '..', '..', 'example-vault');
const STAMP = { pluginVersion: '1.2.3' };
const OPTIONS = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };

const texts = new Map<string, string>();

/** Every example note, scanned into an index that reads texts back from `texts`. */
function exampleIndex(): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
  const scanner = new NoteScanner(OPTIONS);
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.name.endsWith('.md')) {
        texts.set(rel, fs.readFileSync(path.join(dir, entry.name), 'utf8'));
        index.put(scanner.scan(rel, texts.get(rel) as string));
      }
    }
  };
  walk(VAULT, '');
  return index;
}

/** The cache of an index: each note's stored facts, with made-up file versions. */
function snapshotOf(index: IdIndex): IndexSnapshot {
  const notes: CachedNote[] = [...index.notes()].map((note, i) => ({ path: note.path, mtime: 1_700_000_000_000 + i, size: i, facts: index.storedFacts(note.path) as NoteInput }));
  return { settingsKey: '["12","",["filename","folder","frontmatter"],"id",[]]', notes };
}

/** The index a snapshot's facts give, reading texts from `texts`. */
function indexFrom(decoded: IndexSnapshot | null): IdIndex {
  if (decoded === null) throw new Error('the snapshot did not decode');
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
  for (const note of decoded.notes) index.put(note.facts);
  return index;
}

/** What a snapshot says apart from the facts' array layout: paths, versions, and the index it gives. */
function meaning(decoded: IndexSnapshot | null): unknown {
  return decoded === null ? null : { settingsKey: decoded.settingsKey, versions: decoded.notes.map((n) => [n.path, n.mtime, n.size]), index: snapshot(indexFrom(decoded)) };
}

describe('index cache snapshot', () => {
  const example = exampleIndex();
  const cached = snapshotOf(example);
  const encoded = encodeSnapshot(cached, STAMP);

  it('round-trips every example note exactly, links included, and the contexts read back from the texts', () => {
    expect(cached.notes.length).toBeGreaterThan(20);
    expect(cached.notes.every((n) => isScanned(n.facts))).toBe(true);
    const decoded = decodeSnapshot(encoded, STAMP);
    expect(meaning(decoded)).toStrictEqual(meaning(cached));
    expect(snapshot(indexFrom(decoded))).toStrictEqual(snapshot(example));
    expect([...indexFrom(decoded).notes()].flatMap((n) => example.referencesOf(n.path)).some((r) => r.link !== undefined && r.context !== '')).toBe(true);
  });

  it('round-trips arbitrary scanned notes and facts given whole, including text that looks like the encoding itself', () => {
    const piece = fc.constantFrom('202104291524', '[[202108191025|x]]', '[a](202104291947%20A.md)', '"],[', '\\', '\n', ' ', 'é', '🙂', '\u2028');
    const body = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const reference = fc.record({ id: fc.string({ minLength: 1, maxLength: 14 }), from: fc.nat(1000), line: fc.integer({ min: 1, max: 99 }), column: fc.integer({ min: 1, max: 99 }), context: text });
    const whole = fc.record({ path: fc.string({ minLength: 1, maxLength: 30 }), id: fc.option(fc.string({ minLength: 1, maxLength: 14 })), title: text, refs: fc.array(reference, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), body), { selector: ([p]) => p, maxLength: 4 }), fc.uniqueArray(whole, { selector: (n) => n.path, maxLength: 3 }), text, (scanned, given, settingsKey) => {
        const local = new Map<string, string>();
        const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => local.get(p) } });
        const scanner = new NoteScanner(OPTIONS);
        for (const [p, b] of scanned) {
          local.set(`s/${p}`, b);
          index.put(scanner.scan(`s/${p}`, b));
        }
        for (const n of given) {
          const references = n.refs.sort((a, b) => a.from - b.from).map((r) => ({ id: r.id, form: 'bare' as const, from: r.from, to: r.from + r.id.length, line: r.line, column: r.column, context: r.context }));
          index.put({ path: `w/${n.path}`, id: n.id, title: n.title, references });
        }
        const original = { ...snapshotOf(index), settingsKey };
        const decoded = decodeSnapshot(encodeSnapshot(original, STAMP), STAMP);
        const rebuilt = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => local.get(p) } });
        for (const note of decoded?.notes ?? []) rebuilt.put(note.facts);
        expect(decoded?.settingsKey).toBe(settingsKey);
        expect(snapshot(rebuilt)).toStrictEqual(snapshot(index));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps an ID of a preset format as its integer key, not as a string, and once per chunk', () => {
    const facts = new NoteScanner(OPTIONS).scan('a.md', 'See 202104291524 and [[202108191025 B]], then 202104291524 again.');
    const text = encodeSnapshot({ settingsKey: 'k', notes: [{ path: 'a.md', mtime: 1, size: 1, facts }] }, STAMP);
    expect(text).toContain('[202104291524,202108191025]');
    const index = new IdIndex({ format: TWELVE_DIGIT });
    for (const note of decodeSnapshot(text, STAMP)?.notes ?? []) index.put(note.facts);
    expect(index.referencesOf('a.md').map((r) => r.id)).toStrictEqual(['202104291524', '202108191025', '202104291524']);
  });

  it('keeps an ID of all zeros (integer key 0) as a key too, once per chunk', () => {
    const scanner = new NoteScanner(OPTIONS);
    const facts = scanner.scan('z.md', 'Placeholder 000000000000, and 000000000000 again.');
    // The ID's own note, so its references count (an ID that is no date and names no note is not shown).
    const owner = scanner.scan('000000000000 Zero.md', '');
    const notes = [{ path: 'z.md', mtime: 1, size: 1, facts }, { path: owner.path, mtime: 1, size: 0, facts: owner }];
    const text = encodeSnapshot({ settingsKey: 'k', notes }, STAMP);
    expect((JSON.parse(text.split('\n')[1]) as unknown[])[8]).toStrictEqual([0]);
    const index = new IdIndex({ format: TWELVE_DIGIT });
    for (const note of decodeSnapshot(text, STAMP)?.notes ?? []) index.put(note.facts);
    expect(index.referencesOf('z.md').map((r) => r.id)).toStrictEqual(['000000000000', '000000000000']);
  });

  it.each([1_700_000_000_123.456, 0])('keeps an mtime of %p exactly (fractions on some platforms, 0 from some sync tools), so it still matches the file', (mtime) => {
    const stamped: IndexSnapshot = { settingsKey: 'k', notes: [{ ...cached.notes[0], mtime }] };
    expect(decodeSnapshot(encodeSnapshot(stamped, STAMP), STAMP)?.notes[0].mtime).toBe(mtime);
  });

  // Two full chunks and one note: the last chunk need not be full.
  const many: IndexSnapshot = {
    settingsKey: 'k',
    notes: Array.from({ length: NOTES_PER_STEP * 2 + 1 }, (_, i) => ({ ...cached.notes[0], path: `n${i}.md`, facts: { ...cached.notes[0].facts, path: `n${i}.md` } })),
  };
  const yieldsOf = <T>(steps: Generator<void, T, void>): { yields: number; value: T } => {
    let yields = 0;
    let step = steps.next();
    while (step.done !== true) {
      yields++;
      step = steps.next();
    }
    return { yields, value: step.value };
  };

  it('yields after every chunk of a decode, so a big vault never blocks for the whole of it', () => {
    const { yields, value } = yieldsOf(decodeSnapshotSteps(encodeSnapshot(many, STAMP), STAMP));
    expect(yields).toBe(3);
    expect(value?.notes.map((n) => n.path)).toStrictEqual(many.notes.map((n) => n.path));
  });

  it('yields between the chunks of an encode', () => {
    const { yields, value } = yieldsOf(encodeSnapshotSteps(many, STAMP));
    expect(yields).toBe(2);
    expect(value).toBe(encodeSnapshot(many, STAMP));
  });

  // The first line after the header is a chunk, column by column: [paths, mtimes, sizes, ids,
  // titles, textLengths, record lengths, records, the chunk's IDs, whole facts]. Its first note is a
  // compact one whose first record starts the records.
  type Chunk = unknown[] & { 0: string[]; 1: number[]; 2: number[]; 3: unknown[]; 5: number[]; 6: number[]; 7: number[]; 8: unknown[]; 9: unknown[] };
  const chunk = (n: unknown[]) => n as Chunk;
  const rejected: [string, (text: string) => string][] = [
    ['empty text', () => ''],
    ['not JSON', () => 'this is not a cache\n'],
    ['JSON of another shape', () => '{"notes": []}\n'],
    ['truncated mid-line', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['truncated at a line end', (t) => t.split('\n').slice(0, 1).join('\n') + '\n'],
    ['text after the last line', (t) => `${t}x`],
    ['an extra empty chunk', (t) => { const lines = t.split('\n'); lines.splice(-1, 0, JSON.stringify([[], [], [], [], [], [], [], '', [], []])); return restamped(lines); }],
    ['not text at all', () => 5 as unknown as string],
    ['a header that is null', (t) => `null${t.slice(t.indexOf('\n'))}`],
    ['a header of another magic', (t) => withHeader(t, (h) => { h.magic = 'another-index-cache'; })],
    ['a settings key that is not text', (t) => withHeader(t, (h) => { h.settingsKey = 5; })],
    ['a note dropped', (t) => withNoteLine(t, (n) => { for (let c = 0; c < 7; c++) (n[c] as unknown[]).pop(); })],
    ['a path given twice', (t) => withNoteLine(t, (n) => { chunk(n)[0][1] = chunk(n)[0][0]; })],
    ['another cache format version', (t) => t.replace(`"version":${CACHE_FORMAT_VERSION}`, `"version":${CACHE_FORMAT_VERSION + 1}`)],
    ['another plugin version', (t) => t.replace('"pluginVersion":"1.2.3"', '"pluginVersion":"1.2.4"')],
    ['a negative mtime', (t) => withNoteLine(t, (n) => { chunk(n)[1][0] = -1; })],
    ['a fractional size', (t) => withNoteLine(t, (n) => { chunk(n)[2][0] = 1.5; })],
    ['a note id that is a number', (t) => withNoteLine(t, (n) => { chunk(n)[3][0] = 202201100900; })],
    ['nine columns', (t) => withNoteLine(t, (n) => { n.pop(); })],
    ['a text length below -1', (t) => withNoteLine(t, (n) => { chunk(n)[5][0] = -2; })],
    ['a note given whole without its references', (t) => withNoteLine(t, (n) => { chunk(n)[5][0] = -1; })],
    ['IDs that are not a list', (t) => withNoteLine(t, (n) => { n[8] = {}; })],
    ['an empty ID', (t) => withNoteLine(t, (n) => { chunk(n)[8][0] = ''; })],
    ['an ID key too big to be one', (t) => withNoteLine(t, (n) => { chunk(n)[8][0] = 1e16; })],
    ['an ID key of 10^15, one past the largest', (t) => withNoteLine(t, (n) => { chunk(n)[8][0] = 1e15; })],
    ['a record naming no ID', (t) => withNoteLine(t, (n) => { chunk(n)[7][0] = chunk(n)[8].length; })],
    ['a record past the end of its text', (t) => withNoteLine(t, (n) => { chunk(n)[5][0] = chunk(n)[7][1]; })],
    ['records out of text order', (t) => withNoteLine(t, (n) => { const ints = chunk(n)[7]; const second = ints[4] & 4 ? 12 : 5; ints[1] = ints[second + 1] + 1; })],
    ['a record with unknown flags', (t) => withNoteLine(t, (n) => { chunk(n)[7][4] = 64; })],
    ['a record claiming an edge', (t) => withNoteLine(t, (n) => { chunk(n)[7][4] |= 16; })],
    ['a bare record flagged as a link', (t) => withNoteLine(t, (n) => { chunk(n)[7][4] = 4; })],
    ['records cut short', (t) => withNoteLine(t, (n) => { chunk(n)[7].pop(); })],
    ['a record length that does not add up', (t) => withNoteLine(t, (n) => { chunk(n)[6][0] += 5; })],
    ['a value beyond 32 bits', (t) => withNoteLine(t, (n) => { chunk(n)[7][2] = 2 ** 32 + 1; })],
    ['records that are not text', (t) => withRecordsText(t, () => 5 as unknown as string)],
    ['a character outside the records code', (t) => withRecordsText(t, (r) => `${r.slice(0, 3)}!${r.slice(4)}`)],
    ['records cut inside a number', (t) => withRecordsText(t, (r) => `${r}_`)],
    // The first record's ID number, 0, written in eight digits where seven hold any 32-bit int: it decodes to the same ints.
    ['an int in more digits than 32 bits need', (t) => withRecordsText(t, (r) => { expect(r[0]).toBe('0'); return `${'W'.repeat(7)}${r}`; })],
  ];

  it.each(rejected)('throws the whole cache away on %s, without throwing', (_, corrupt) => {
    const first = chunk(JSON.parse(encoded.split('\n')[1]) as unknown[]);
    expect(first[5][0]).toBeGreaterThan(0);
    expect(first[6][0]).toBeGreaterThan(REF_INTS);
    const bad = corrupt(encoded);
    expect(bad).not.toBe(encoded);
    expect(decodeSnapshot(bad, STAMP)).toBeNull();
  });

  it('reads an int of up to seven digits, and no more', () => {
    expect([...(decodeRecords(`${'W'.repeat(6)}1`) ?? [])]).toStrictEqual([2 ** 29]);
    expect(decodeRecords(`${'W'.repeat(7)}0`)).toBeNull();
  });

  it('reads records of the 64 code characters only', () => {
    // Each would decode to an int were it taken for a digit: '\u0080' or 'é' as a 0 continuing a number, '!' as 31.
    for (const text of ['\u00800', 'é0', '!']) expect(decodeRecords(text)).toBeNull();
  });

  it('writes records as text that decodes to the same ints, whatever the ints', () => {
    const int = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -40, max: 40 }), fc.constantFrom(4, 5, 6, 12));
    fc.assert(
      fc.property(fc.array(int, { maxLength: 60 }), (ints) => {
        const text = encodeRecords(ints);
        expect(text).toMatch(/^[0-9A-Za-z_-]*$/);
        expect([...(decodeRecords(text) ?? [NaN])]).toStrictEqual(ints);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('rejects a link record whose spans do not hold its ID', () => {
    const linked = cached.notes.find((n) => example.referencesOf(n.path).some((r) => r.link !== undefined));
    if (linked === undefined) throw new Error('the example vault has no link reference');
    const text = encodeSnapshot({ settingsKey: 'k', notes: [linked] }, STAMP);
    const linkAt = (n: unknown[]): number => {
      const ints = chunk(n)[7];
      for (let at = 0; at < ints.length; at += ints[at + 4] & 4 ? 12 : 5) if (ints[at + 4] & 4) return at;
      throw new Error('no link record');
    };
    expect(decodeSnapshot(withNoteLine(text, () => undefined), STAMP)).not.toBeNull();
    expect(decodeSnapshot(withNoteLine(text, (n) => { chunk(n)[7][linkAt(n) + 8] = chunk(n)[7][linkAt(n) + 1]; }), STAMP)).toBeNull();
    expect(decodeSnapshot(withNoteLine(text, (n) => { chunk(n)[7][linkAt(n) + 9] = -2; }), STAMP)).toBeNull();
  });

  it('keeps facts given whole, and rejects them when a reference breaks', () => {
    const whole = { path: 'w.md', mtime: 1, size: 2, facts: { path: 'w.md', id: null, title: 'w', references: [{ id: '202101010000', form: 'bare' as const, from: 3, to: 15, line: 1, column: 4, context: 'c' }] } };
    const text = encodeSnapshot({ settingsKey: 'k', notes: [cached.notes[0], whole] }, STAMP);
    expect(decodeSnapshot(text, STAMP)?.notes[1]).toStrictEqual(whole);
    expect(decodeSnapshot(withNoteLine(text, (n) => { ((chunk(n)[9][0] as unknown[])[1] as unknown[][])[0][3] = 99; }), STAMP)).toBeNull();
  });

  it('gives the exact snapshot or nothing after random damage', () => {
    const headerEnd = encoded.indexOf('\n') + 1;
    fc.assert(
      fc.property(fc.integer({ min: headerEnd, max: encoded.length - 2 }), fc.string({ minLength: 1, maxLength: 3 }), (at, junk) => {
        const damaged = encoded.slice(0, at) + junk + encoded.slice(at + 1);
        const decoded = decodeSnapshot(damaged, STAMP);
        if (damaged === encoded) expect(meaning(decoded)).toStrictEqual(meaning(cached));
        else expect(decoded).toBeNull();
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('catches a changed title that still parses, by the checksum', () => {
    const lines = encoded.split('\n');
    const line = JSON.parse(lines[1]) as unknown[][];
    line[4][0] = `${String(line[4][0])}!`;
    lines[1] = JSON.stringify(line);
    expect(decodeSnapshot(lines.join('\n'), STAMP)).toBeNull();
  });

  it('accepts a re-stamped file whose fields are all valid (the forging helper is honest)', () => {
    expect(meaning(decodeSnapshot(withNoteLine(encoded, () => undefined), STAMP))).toStrictEqual(meaning(cached));
  });
});
