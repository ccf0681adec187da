/**
 * The bulk build's way in (names pass, then `put` of scanned notes, then `trim`) gives the index a
 * rebuild from whole facts gives, whatever the order, repeats and notes whose own ID or title the
 * text changes; and the pieces it rests on keep their promises.
 */
import fc from 'fast-check';
import { DENOTE, idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { plannedCapacity } from '../../../src/core/index/bulkPut';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts, namesOnlyFacts } from '../../../src/core/index/noteFacts';
import { worthTrimming } from '../../../src/core/index/idTable';
import { NoteTable } from '../../../src/core/index/noteTable';
import { isScanned, NoteScanner } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { snapshot } from './helpers';

interface Vocabulary {
  readonly format: IdFormat;
  readonly ids: readonly string[];
}

const VOCABULARIES: readonly Vocabulary[] = [
  { format: TWELVE_DIGIT, ids: ['202104291524', '202108191025', '202104291947', '202199999999', '20210429152'] },
  { format: DENOTE, ids: ['20210429T152400', '20210819T102500', '20210429T194700', '20219999T999999', '20210429T15240'] },
  { format: idFormatFor('custom', 'ZK-\\d{3}'), ids: ['ZK-101', 'ZK-202', 'ZK-303', 'ZK-999', 'ZK-10'] },
];

describe.each(VOCABULARIES.map((v) => [v.format.key, v] as const))('names pass, then put (%s)', (_, { format, ids }) => {
  const [a, b, c] = ids;
  // Names whose own ID or title a text can change: ID-only names (heading), a folder note, no ID (frontmatter).
  const names = [`${a} A.md`, `${b}.md`, `dir/${a} A2.md`, `x/${c}/README.md`, 'Loose.md', 'z/Other.md', `${c} C.md`];
  const options = { format, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  const piece = fc.constantFrom(...ids, `[[${b} B|b]]`, `[c](${c})`, `\`${a}\``, ' ', '\n', '# Heading\n', `# ${b} Own\n`, `---\nid: ${c}\n---\n`, 'word');
  const body = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  const vault = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1 }).chain((paths) =>
    fc.record({
      // The names pass sees every path, in any order, some twice.
      named: fc.subarray(paths).chain((again) => fc.shuffledSubarray([...paths, ...again], { minLength: paths.length + again.length })),
      sorted: fc.boolean(),
      texts: fc.array(body, { minLength: paths.length, maxLength: paths.length }),
      // Notes put in this order (some never, some twice), the texts of later puts winning.
      order: fc.array(fc.nat(paths.length - 1), { maxLength: paths.length * 2 }),
      trim: fc.boolean(),
      // Puts wait in batches from the first ID on, or (as below BATCH_SIZES.fromIds) each settles at once.
      batched: fc.boolean(),
      paths: fc.constant(paths),
    }),
  );

  test('equals a rebuild from whole facts, and the invariants hold', () => {
    fc.assert(
      fc.property(vault, ({ paths, named, sorted, texts, order, trim, batched }) => {
        const textOf = new Map<string, string>();
        const index = new IdIndex({ format, texts: { textOf: (p) => textOf.get(p) }, bulkBatch: batched ? { fromIds: 0, references: 1 << 14 } : undefined });
        index.putNames(sorted ? [...new Set(named)].sort() : named, options);
        const scanner = new NoteScanner(options);
        for (const n of order) {
          textOf.set(paths[n], texts[n]);
          const scanned = scanner.scan(paths[n], texts[n]);
          // What the bulk build compares titles by: a title read off the path is its span there.
          if ((scanned.titleFrom ?? -1) >= 0) expect(paths[n].slice(scanned.titleFrom, (scanned.titleFrom as number) + scanned.title.length)).toBe(scanned.title);
          index.put(scanned);
        }
        if (trim) index.trim();
        expect(index.checkInvariants()).toStrictEqual([]);
        const rebuilt = new IdIndex({ format });
        for (const p of paths) {
          const text = textOf.get(p);
          rebuilt.apply({ kind: 'upsert', facts: text === undefined ? namesOnlyFacts(p, options) : extractNoteFacts(p, text, options) });
        }
        expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

test('a note with more distinct IDs than the small list of repeats holds links each ID once', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const many = Array.from({ length: 50 }, (_, i) => `2021042915${String(i).padStart(2, '0')}`);
  // Every ID twice, the second time after the list is full, then the first ones again.
  const text = [...many, ...many, ...many.slice(0, 5)].join(' ');
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: () => text } });
  index.putNames(['202001010000 Many.md', ...many.map((id) => `${id}.md`)], options);
  index.put(new NoteScanner(options).scan('202001010000 Many.md', text));
  expect(index.checkInvariants()).toStrictEqual([]);
  for (const id of many) expect(index.referencingPaths(id)).toStrictEqual(['202001010000 Many.md']);
  expect(index.referencesOf('202001010000 Many.md')).toHaveLength(105);
  const rebuilt = new IdIndex({ format: TWELVE_DIGIT });
  rebuilt.apply({ kind: 'upsert', facts: extractNoteFacts('202001010000 Many.md', text, options) });
  for (const id of many) rebuilt.apply({ kind: 'upsert', facts: namesOnlyFacts(`${id}.md`, options) });
  expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
});

test('a vault large enough to plan its arrays builds the same index as one note at a time', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const id = (i: number): string => `2021${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 24).padStart(2, '0')}${String(i % 60).padStart(2, '0')}`;
  const paths = Array.from({ length: 1200 }, (_, i) => `n${String(i).padStart(4, '0')}/${id(i)} Note.md`);
  // Later notes hold more references, so the early estimate falls short and the arrays grow again.
  const text = (i: number): string => Array.from({ length: 1 + Math.floor(i / 100) }, (_, k) => `[[${id((i * 7 + k) % 1200)}]] and ${id((i + k) % 1200)}`).join('\n');
  const byPath = new Map(paths.map((p, i) => [p, text(i)]));
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => byPath.get(p) } });
  index.putNames(paths, options);
  const scanner = new NoteScanner(options);
  paths.forEach((p, i) => index.put(scanner.scan(p, text(i))));
  index.trim();
  const rebuilt = new IdIndex({ format: TWELVE_DIGIT });
  paths.forEach((p, i) => rebuilt.apply({ kind: 'upsert', facts: extractNoteFacts(p, text(i), options) }));
  expect(index.checkInvariants()).toStrictEqual([]);
  expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
});

describe('plannedCapacity', () => {
  test('grows by half until enough notes tell, and when every note is in', () => {
    expect(plannedCapacity(1000, 1000, 1010, 10, 10_000)).toBe(1500);
    expect(plannedCapacity(1000, 1000, 1010, 10_000, 10_000)).toBe(1500);
    expect(plannedCapacity(1000, 1000, 2000, 10, 10_000)).toBe(2000);
    // The sample's last note is the first to tell.
    expect(plannedCapacity(1000, 1000, 1010, 255, 1000)).toBe(1500);
    expect(plannedCapacity(1000, 1000, 1010, 256, 1000)).toBe(4000);
  });

  test('scales what the notes so far used to every note, 5 % more, within four times', () => {
    expect(plannedCapacity(1000, 1000, 1010, 500, 1000)).toBe(2100);
    expect(plannedCapacity(1000, 1000, 1010, 500, 100_000)).toBe(4000);
    expect(plannedCapacity(1000, 1000, 1010, 900, 1000)).toBe(1167);
    expect(plannedCapacity(1000, 1000, 9000, 500, 100_000)).toBe(9000);
  });

  test('grows at least by the share of notes still to come, between a sixteenth and a quarter', () => {
    // The estimate (1,050) falls short: half the notes are still to come, so a quarter more.
    expect(plannedCapacity(500, 1000, 1010, 500, 1000)).toBe(1250);
    // A tenth still to come, and the estimate (1,050) short: a tenth more.
    expect(plannedCapacity(900, 1000, 1010, 900, 1000)).toBe(1100);
    // One in a hundred still to come: a sixteenth more, no less.
    expect(plannedCapacity(1000, 1000, 1010, 990, 1000)).toBe(1063);
  });

  test('a growth near the end leaves too little unused for the build\'s trim to copy the array again', () => {
    // As on the generated 100k vault: the arena full with 2,769,117 of the build's final 2,811,156 ints (98.5 %).
    const grown = plannedCapacity(2_769_117, 2_769_152, 2_769_200, 98_500, 100_000);
    expect(grown).toBeGreaterThanOrEqual(2_811_156);
    expect(worthTrimming(2_811_156, grown)).toBe(false);
  });
});

describe('NoteTable', () => {
  test('titleIs compares a title kept as a span of the path or apart, without making it', () => {
    const table = new NoteTable();
    const slot = table.add('dir/202104291524 The title.md');
    table.setTitleSpan(slot, 17, 26);
    expect(table.titleIs(slot, 'The title')).toBe(true);
    expect(table.titleIs(slot, 'The titl')).toBe(false);
    expect(table.titleIs(slot, 'The title.')).toBe(false);
    table.setTitle(slot, 'A heading');
    expect(table.titleIs(slot, 'A heading')).toBe(true);
    expect(table.titleIs(slot, 'The title')).toBe(false);
  });

  test('titleIsSpanOf holds only for the span the title is kept as, in the same path', () => {
    const table = new NoteTable();
    const slot = table.add('dir/202104291524 The title.md');
    table.setTitleSpan(slot, 17, 26);
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', 17, 9)).toBe(true);
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', 17, 8)).toBe(false);
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', 16, 9)).toBe(false);
    expect(table.titleIsSpanOf(slot, 'ris/202104291524 The title.md', 17, 9)).toBe(false);
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', -1, 9)).toBe(false);
    // Equal text kept apart from the path is for titleIs to tell.
    table.setTitle(slot, 'A heading');
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', 17, 9)).toBe(false);
    // No span at all: -1 and a length would make the number of a title kept apart.
    expect(table.titleIsSpanOf(slot, 'dir/202104291524 The title.md', -1, 4095)).toBe(false);
    // A span at the path's start.
    const root = table.add('The title.md');
    table.setTitleSpan(root, 0, 9);
    expect(table.titleIsSpanOf(root, 'The title.md', 0, 9)).toBe(true);
    // An empty span at 1 is kept as the number that a span of 4,096 at 0 would make.
    const empty = table.add('x/202104291524.md');
    table.setTitleSpan(empty, 1, 1);
    expect(table.titleIsSpanOf(empty, 'x/202104291524.md', 0, 4096)).toBe(false);
    // A span too long to be kept as one number never matches a number that would decode to another.
    const long = table.add(`202104291524 ${'x'.repeat(5000)}.md`);
    table.setTitleSpan(long, 13, 5013);
    expect(table.titleIsSpanOf(long, `202104291524 ${'x'.repeat(5000)}.md`, 13, 5000)).toBe(false);
    expect(table.titleIs(long, 'x'.repeat(5000))).toBe(true);
  });

  test('a note put over its names-only record compares a title read off the same path as numbers, not as strings', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.putNames(['dir/202104291524 The title.md'], options);
    const compared = jest.spyOn(NoteTable.prototype, 'titleIs');
    try {
      index.put(new NoteScanner(options).scan('dir/202104291524 The title.md', 'Builds on 202108191025.'));
      expect(compared).not.toHaveBeenCalled();
    } finally {
      compared.mockRestore();
    }
    expect(index.referencesOf('dir/202104291524 The title.md').map((r) => r.id)).toStrictEqual(['202108191025']);
    expect(index.note('dir/202104291524 The title.md')?.title).toBe('The title');
  });

  test('slotOfGuess takes the guess only when it holds the path, and never a duplicate the names pass drops', () => {
    const dropped: number[] = [];
    const table = new NoteTable((slot) => {
      dropped.push(slot);
      table.free(slot);
    });
    table.addUnmapped(['b.md', 'a.md', 'b.md']);
    expect(table.slotOfGuess('b.md', 2)).toBe(0);
    expect(dropped).toStrictEqual([2]);
    expect(table.slotOfGuess('a.md', 1)).toBe(1);
    expect(table.slotOfGuess('a.md', 0)).toBe(1);
    expect(table.slotOfGuess('c.md', 7)).toBe(-1);
  });

  test('a second bulk of paths is checked against the first: a path of both is dropped once', () => {
    const dropped: number[] = [];
    const table = new NoteTable((slot) => {
      dropped.push(slot);
      table.free(slot);
    });
    expect(table.addUnmapped(['a.md', 'c.md'])).toBe(0);
    expect(table.addUnmapped(['b.md', 'c.md'])).toBe(2);
    expect(table.size).toBe(3);
    expect(dropped).toStrictEqual([3]);
    expect([...table.liveSlots()].map((slot) => table.path(slot))).toStrictEqual(['a.md', 'c.md', 'b.md']);
    expect(table.ownId[2]).toBe(-1);
    expect(table.textLength[2]).toBe(-1);
  });

  test('paths given in increasing order need no path map to settle, and a lookup still finds them', () => {
    const table = new NoteTable(() => {
      throw new Error('no path was given twice');
    });
    table.addUnmapped(['a.md', 'b.md', 'c.md']);
    expect(table.slotOfGuess('b.md', 1)).toBe(1);
    expect([...table.liveSlots()]).toStrictEqual([0, 1, 2]);
    expect(table.size).toBe(3);
    expect(table.slotOf('c.md')).toBe(2);
  });
});

test('a note without references is stored as read from a text once scanned, whichever way it went in', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const scanner = new NoteScanner(options);
  const read = (index: IdIndex, path: string): boolean | undefined => {
    const facts = index.storedFacts(path);
    return facts === undefined ? undefined : isScanned(facts);
  };
  // The bulk build's way: names first, then each note read (the repair screen then need not read it again).
  const bulk = new IdIndex({ format: TWELVE_DIGIT });
  bulk.putNames(['202104291524 A.md', 'b.md', 'c.md'], options);
  bulk.put(scanner.scan('202104291524 A.md', 'No reference.\n'));
  bulk.put(scanner.scan('b.md', 'None here either.\n'));
  expect([read(bulk, '202104291524 A.md'), read(bulk, 'b.md'), read(bulk, 'c.md')]).toStrictEqual([true, true, false]);
  // One note at a time (the general way in): read, then given whole, then read again.
  const single = new IdIndex({ format: TWELVE_DIGIT });
  single.apply({ kind: 'upsert', facts: namesOnlyFacts('b.md', options) });
  expect(read(single, 'b.md')).toBe(false);
  single.apply({ kind: 'upsert', facts: scanner.scan('b.md', 'None here.\n') });
  expect(read(single, 'b.md')).toBe(true);
  single.apply({ kind: 'upsert', facts: extractNoteFacts('b.md', 'None here.\n', options) });
  expect(read(single, 'b.md')).toBe(false);
  for (const index of [bulk, single]) expect(index.checkInvariants()).toStrictEqual([]);
});
