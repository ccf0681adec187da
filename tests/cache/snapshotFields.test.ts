/**
 * Every field of a cache chunk is checked when read back. The chunk here holds each kind of note:
 * facts given whole (links of every kind), compact notes whose IDs are strings (a custom format has
 * no integer keys), and a note without references; each row forges one field and the whole file
 * must be thrown away.
 */
import { decodeSnapshot, encodeSnapshot, NOTES_PER_STEP, type IndexSnapshot } from '../../src/core/cache/snapshot';
import { idFormatFor } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { isScanned, NoteScanner, type NoteInput } from '../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { snapshot } from '../core/index/helpers';
import { restamped, withNoteLine } from './forge';

const STAMP = { pluginVersion: '1.2.3' };
const FORMAT = idFormatFor('custom', 'ZK\\d{3}');
const OPTIONS = { format: FORMAT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };
const TEXTS = new Map([
  ['w.md', 'ZK010 [[ZK011#h|shown]] ![x](ZK012.md) [[ZK013]] [[ZK014|]] ZK015'],
  // Ends with a link; c.md's first record then names ZK001, the chunk's first ID.
  ['a.md', 'See [[ZK001|one]] and ![x](ZK002.md#h), [[ZK001]] again and [[ZK003|]]'],
  ['c.md', 'ZK001 then ZK004'],
  ['b.md', 'Nothing here.'],
]);

function indexOf(notes: readonly { facts: NoteInput }[]): IdIndex {
  const index = new IdIndex({ format: FORMAT, texts: { textOf: (p) => TEXTS.get(p) } });
  for (const note of notes) index.put(note.facts);
  return index;
}

/** Each text as the index stores it, in order: scanned, or (`whole`) given whole. */
function snapshotOf(texts: ReadonlyMap<string, string>, whole: ReadonlySet<string> = new Set()): IndexSnapshot {
  const scanner = new NoteScanner(OPTIONS);
  const index = new IdIndex({ format: FORMAT });
  // A scanner's facts are valid until its next scan, so each goes into the index at once.
  for (const [path, text] of texts) index.put(whole.has(path) ? extractNoteFacts(path, text, OPTIONS) : scanner.scan(path, text));
  const notes = [...texts.keys()].map((path, i) => ({ path, mtime: 1_700_000_000_000 + i, size: 10 + i, facts: index.storedFacts(path) as NoteInput }));
  return { settingsKey: 'k', notes };
}

function meaning(decoded: IndexSnapshot | null): unknown {
  return decoded === null ? null : { versions: decoded.notes.map((n) => [n.path, n.mtime, n.size]), index: snapshot(indexOf(decoded.notes)) };
}

// The chunk line, column by column: [paths, mtimes, sizes, ids, titles, textLengths, record lengths,
// records (as numbers here), the chunk's IDs, whole facts]. Notes: 0 w.md (whole), 1 a.md (four link
// records of 12 ints), 2 c.md (two bare records of 5, from int 48), 3 b.md (none).
const column = (n: unknown[], c: number): unknown[] => n[c] as unknown[];
const ints = (n: unknown[]): number[] => n[7] as number[];
const wholes = (n: unknown[]): unknown[][] => n[9] as unknown[][];
/** w.md's references: 0 bare ZK010 at 0, 1 [[ZK011#h|shown]], 2 an embed, 3 [[ZK013]], 4 [[ZK014|]], 5 bare ZK015. */
const refs = (n: unknown[]): unknown[][] => wholes(n)[0][1] as unknown[][];
const linkOf = (n: unknown[], r: number): unknown[] => refs(n)[r][7] as unknown[];
const shift = (values: unknown[], at: number, by: number): void => {
  values[at] = (values[at] as number) + by;
};
/** A fifth note, one more than the header counts, with `fields` in place of a valid note's. */
function extraNote(n: unknown[], fields: { path?: string; length?: unknown; textLength?: unknown }): void {
  const { path = 'x.md', length = 0, textLength = 0 } = fields;
  [path, 1, 1, null, 'x', textLength, length].forEach((value, c) => column(n, c).push(value));
}

describe('index cache fields', () => {
  const mixed = snapshotOf(TEXTS, new Set(['w.md']));
  const encoded = encodeSnapshot(mixed, STAMP);

  it('reads every kind of note back exactly: whole facts with their links, string IDs, a note without references', () => {
    expect(mixed.notes.map((n) => isScanned(n.facts))).toStrictEqual([false, true, true, true]);
    const decoded = decodeSnapshot(encoded, STAMP);
    expect(decoded?.notes[0]).toStrictEqual(mixed.notes[0]);
    expect(meaning(decoded)).toStrictEqual(meaning(mixed));
    expect(meaning(decodeSnapshot(withNoteLine(encoded, () => undefined), STAMP))).toStrictEqual(meaning(mixed));
  });

  it('writes each ID once per chunk', () => {
    expect((JSON.parse(encoded.split('\n')[1]) as unknown[])[8]).toStrictEqual(['ZK001', 'ZK002', 'ZK003', 'ZK004']);
  });

  const rejected: [string, (n: unknown[]) => void][] = [
    ['a column longer than the others', (n) => { column(n, 1).push(1); }],
    ['an empty path', (n) => { column(n, 0)[1] = ''; }],
    ['an empty note ID', (n) => { column(n, 3)[1] = ''; }],
    ['an mtime that is text', (n) => { column(n, 1)[1] = '1700000000001'; }],
    ['a negative size', (n) => { column(n, 2)[1] = -1; }],
    ['a text length that is not a number', (n) => { column(n, 5)[3] = '13'; }],
    ['a record length that is not a number', (n) => { column(n, 6)[3] = null; }],
    ['a note given whole that claims records', (n) => { column(n, 6)[0] = 5; }],
    ['records left over after the last note', (n) => { ints(n).push(0, 0, 1, 1, 0); }],
    // Each bad in its own way: a check that gave up early, but as if all were well, would keep the notes before it.
    ['a note past the header\'s count, with an empty path', (n) => extraNote(n, { path: '' })],
    ['a note past the header\'s count, with a record length that is not a number', (n) => extraNote(n, { length: null })],
    ['a note past the header\'s count, given whole without its references', (n) => extraNote(n, { textLength: -1 })],
    ['an ID that is null', (n) => { column(n, 8)[0] = null; }],
    ['whole facts that are not a list', (n) => { n[9] = {}; }],
    ['a whole-facts entry that is not a pair', (n) => { wholes(n).push([3]); }],
    ['a whole-facts entry of three items', (n) => { wholes(n)[0].push(0); }],
    ['whole facts for a note past the chunk\'s end', (n) => { wholes(n).push([4, []]); }],
    ['whole facts given twice for a note', (n) => { wholes(n).push([0, []]); }],
    ['a record naming ID -1', (n) => { ints(n)[48] = -1; }],
    ['a record on line 0', (n) => { ints(n)[2] = 0; }],
    ['a record at column 0', (n) => { ints(n)[3] = 0; }],
    ['the last record past the end of its text', (n) => { column(n, 5)[2] = ints(n)[54] + 2; }],
    ['a link record of form 3', (n) => { ints(n)[4] = 3 | 4; }],
    ['a bare record of a link form', (n) => { ints(n)[52] = 1; }],
    ['an embedded bare record', (n) => { ints(n)[52] = 8; }],
    ['a link starting before the text', (n) => { ints(n)[5] = -1; }],
    ['a link starting after its target', (n) => { ints(n)[5] = ints(n)[7] + 1; }],
    ['a link target starting after its ID', (n) => { ints(n)[7] = ints(n)[1] + 1; }],
    ['a link running past the end of its text', (n) => { ints(n)[6] = (column(n, 5)[1] as number) + 1; }],
    ['a link whose subpath runs past it', (n) => { ints(n)[9] = ints(n)[6] - ints(n)[8] + 1; }],
    ['a link whose display starts before it', (n) => { ints(n)[10] = ints(n)[5] - 1; }],
    ['a link whose display runs past it', (n) => { ints(n)[11] = ints(n)[6] - ints(n)[10] + 1; }],
    ['a display length below -1', (n) => { ints(n)[11] = -2; }],
    // a.md's last link loses its last int: read on, it would take c.md's first.
    ['a link record cut short before the next note\'s records', (n) => { ints(n).splice(47, 1); shift(column(n, 6), 1, -1); }],
    ['whole references that are not a list', (n) => { wholes(n)[0][1] = {}; }],
    ['whole references out of text order', (n) => { const r = refs(n); [r[0], r[5]] = [r[5], r[0]]; }],
    ['a reference that is null', (n) => { refs(n)[0] = null as unknown as unknown[]; }],
    ['a reference of nine fields', (n) => { refs(n)[1].push(0); }],
    ['an empty reference ID', (n) => { refs(n)[0][0] = ''; refs(n)[0][3] = refs(n)[0][2]; }],
    ['a reference of form 3', (n) => { refs(n)[1][1] = 3; }],
    ['a reference starting before the text', (n) => { refs(n)[0][2] = -1; refs(n)[0][3] = 4; }],
    ['a reference on line 0', (n) => { refs(n)[0][4] = 0; }],
    ['a reference at column 0', (n) => { refs(n)[0][5] = 0; }],
    ['a reference whose context is not text', (n) => { refs(n)[0][6] = null; }],
    ['a wikilink without its link parts', (n) => { refs(n)[1].pop(); }],
    ['a bare reference with link parts', (n) => { refs(n)[1][1] = 0; }],
    ['an ID starting before its link target', (n) => { shift(refs(n)[1], 2, -1); shift(refs(n)[1], 3, -1); }],
    ['an ID ending after its link target', (n) => { shift(refs(n)[3], 2, 1); shift(refs(n)[3], 3, 1); }],
    ['link parts that are null', (n) => { refs(n)[1][7] = null; }],
    ['link parts of nine fields', (n) => { linkOf(n, 1).push(0); }],
    ['a link starting at a text', (n) => { linkOf(n, 1)[0] = 'x'; }],
    ['an embed flag of 2', (n) => { linkOf(n, 1)[2] = 2; }],
    ['a link target that is not text', (n) => { linkOf(n, 1)[3] = 5; }],
    ['a link target starting before the link', (n) => { linkOf(n, 1)[4] = (linkOf(n, 1)[0] as number) - 1; }],
    ['a link target ending after the link', (n) => { linkOf(n, 1)[5] = (linkOf(n, 1)[1] as number) + 1; }],
    ['a subpath that is not text', (n) => { linkOf(n, 1)[6] = 0; }],
    ['a display that is a number', (n) => { linkOf(n, 1)[7] = 5; }],
  ];

  it.each(rejected)('throws the whole cache away on %s, without throwing', (_, edit) => {
    const bad = withNoteLine(encoded, edit);
    expect(bad).not.toBe(encoded);
    expect(decodeSnapshot(bad, STAMP)).toBeNull();
  });

  it('throws the whole cache away when a chunk but the last is not full', () => {
    const texts = new Map(Array.from({ length: NOTES_PER_STEP + 1 }, (_, i) => [`n${i}.md`, 'Nothing here.']));
    const lines = encodeSnapshot(snapshotOf(texts), STAMP).split('\n');
    expect(decodeSnapshot(restamped([...lines]), STAMP)?.notes).toHaveLength(NOTES_PER_STEP + 1);
    // The second chunk's one note (no records) moved into the first.
    const [first, second] = [JSON.parse(lines[1]) as unknown[][], JSON.parse(lines[2]) as unknown[][]];
    for (let c = 0; c < 7; c++) first[c].push(...second[c].splice(0));
    [lines[1], lines[2]] = [JSON.stringify(first), JSON.stringify(second)];
    expect(decodeSnapshot(restamped(lines), STAMP)).toBeNull();
  });
});
