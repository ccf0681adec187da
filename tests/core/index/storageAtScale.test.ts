/**
 * The index's storage past the sizes the other tests reach: an arena compacted or trimmed once it
 * holds more than its first 1,024 ints, a note linking more distinct IDs than the bulk build's
 * short list of repeats when other notes cite them too, and the ID whose integer key is 0. Each
 * index is held to one built from the same facts in another way.
 */
import fc from 'fast-check';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { ChangedIdSet } from '../../../src/core/index/changedIds';
import { IdIndex } from '../../../src/core/index/idIndex';
import { hashKey, IdTable, NONE } from '../../../src/core/index/idTable';
import { extractNoteFacts, namesOnlyFacts } from '../../../src/core/index/noteFacts';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { facts, snapshot } from './helpers';

const OPTIONS = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
const idOf = (i: number): string => `2021${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 24).padStart(2, '0')}${String(i % 60).padStart(2, '0')}`;

function rebuiltFrom(notes: readonly [string, string | null, readonly string[]][]): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const [path, id, referenced] of notes) index.apply({ kind: 'upsert', facts: facts(path, id, referenced) });
  return index;
}

test('trimming an arena of many thousand ints keeps every reference', () => {
  const notes = Array.from({ length: 300 }, (_, i) => [`${idOf(i)} N.md`, idOf(i), Array.from({ length: 8 }, (__, k) => idOf((i * 7 + k) % 300))] as [string, string, string[]]);
  const index = rebuiltFrom(notes);
  index.trim();
  expect(index.checkInvariants()).toStrictEqual([]);
  expect(snapshot(index)).toStrictEqual(snapshot(rebuiltFrom(notes)));
});

test('an arena compacted after most of its references went keeps the rest, and takes more after', () => {
  // 200 notes of 100 references (100,000 ints); 180 of them then lose theirs, well past the garbage
  // that makes compaction pay (65,536 ints and half the arena).
  const notes = Array.from({ length: 200 }, (_, i) => [`${idOf(i)} N.md`, idOf(i), Array.from({ length: 100 }, (__, k) => idOf((i + k) % 200))] as [string, string, string[]]);
  const index = rebuiltFrom(notes);
  const final = notes.map(([path, id, referenced], i) => [path, id, i % 10 === 0 ? referenced : []] as [string, string, string[]]);
  for (const [path, id, referenced] of final) index.apply({ kind: 'upsert', facts: facts(path, id, referenced) });
  expect(index.checkInvariants()).toStrictEqual([]);
  expect(snapshot(index)).toStrictEqual(snapshot(rebuiltFrom(final)));
  // Blocks written after the compaction land beside the moved ones without overwriting them.
  final[1] = [final[1][0], final[1][1], [idOf(5), idOf(6)]];
  index.apply({ kind: 'upsert', facts: facts(...final[1]) });
  expect(snapshot(index)).toStrictEqual(snapshot(rebuiltFrom(final)));
});

test('the bulk build links a note with more distinct IDs than its list of repeats to IDs other notes cite as well', () => {
  const many = Array.from({ length: 50 }, (_, i) => `2021042915${String(i).padStart(2, '0')}`);
  const texts = new Map([
    ['202001010000 Other.md', many.join(' ')],
    ['202001010001 Many.md', [...many, ...many].join(' ')],
  ]);
  const paths = [...texts.keys(), ...many.map((id) => `${id}.md`)];
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
  index.putNames(paths, OPTIONS);
  const scanner = new NoteScanner(OPTIONS);
  for (const [path, text] of texts) index.put(scanner.scan(path, text));
  expect(index.checkInvariants()).toStrictEqual([]);
  for (const id of many) expect(index.referencingPaths(id)).toStrictEqual(['202001010000 Other.md', '202001010001 Many.md']);
  const rebuilt = new IdIndex({ format: TWELVE_DIGIT });
  for (const path of paths) {
    const text = texts.get(path);
    rebuilt.apply({ kind: 'upsert', facts: text === undefined ? namesOnlyFacts(path, OPTIONS) : extractNoteFacts(path, text, OPTIONS) });
  }
  expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
});

describe('the ID 000000000000, whose integer key is 0', () => {
  const ZERO = '000000000000';

  test('is one ID however it reaches the table', () => {
    const table = new IdTable(TWELVE_DIGIT);
    const slot = table.intern(ZERO);
    expect([table.slotOf(ZERO), table.intern(ZERO), table.keyOf(slot), table.idOf(slot)]).toStrictEqual([slot, slot, 0, ZERO]);
  });

  test('the bulk build indexes it as a rebuild does, and reports it changed once', () => {
    const texts = new Map([
      [`${ZERO} Zero.md`, 'The first.\n'],
      ['a.md', `See ${ZERO} and [[${ZERO} Zero]].\n`],
      ['b.md', `Also ${ZERO}.\n`],
    ]);
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
    index.putNames([...texts.keys()], OPTIONS);
    const scanner = new NoteScanner(OPTIONS);
    const changed = index.changeSet();
    for (const [path, text] of texts) index.applyGathering({ kind: 'upsert', facts: scanner.scan(path, text) }, changed);
    expect(index.checkInvariants()).toStrictEqual([]);
    expect(index.referencingPaths(ZERO)).toStrictEqual(['a.md', 'b.md']);
    expect(changed.drain()).toStrictEqual(new Set([ZERO]));
    const rebuilt = new IdIndex({ format: TWELVE_DIGIT });
    for (const [path, text] of texts) rebuilt.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, OPTIONS) });
    expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
  });

  test('a set of changed IDs keeps it once, by its ID or its table slot', () => {
    const table = new IdTable(TWELVE_DIGIT);
    const set = new ChangedIdSet(TWELVE_DIGIT);
    set.add(ZERO);
    set.addSlot(table, table.intern(ZERO));
    set.addKey(0);
    expect([set.size, [...set.drainIds()]]).toStrictEqual([1, [ZERO]]);
  });
});

test('a set of changed IDs with a limit drains as every ID once it passed the limit, however the IDs came', () => {
  const table = new IdTable(TWELVE_DIGIT);
  const bySlot = new ChangedIdSet(TWELVE_DIGIT, 2);
  for (const id of ['202101010900', '202101010901', '202101010902']) bySlot.addSlot(table, table.intern(id));
  expect([bySlot.overflowed, bySlot.drain()]).toStrictEqual([true, 'all']);
  const atLimit = new ChangedIdSet(TWELVE_DIGIT, 2);
  for (const id of ['202101010900', '202101010901']) atLimit.addSlot(table, table.intern(id));
  expect(atLimit.drain()).toStrictEqual(new Set(['202101010900', '202101010901']));
});

test('the bulk build takes a frontmatter ID that comes before the file name\'s, as a rebuild does', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['frontmatter', 'filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const texts = new Map([
    ['202101010900 A.md', '---\nid: 202101010901\n---\nSee 202101010902.\n'],
    ['202101010902 B.md', 'See 202101010900 and 202101010901.\n'],
  ]);
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
  index.putNames([...texts.keys()], options);
  const scanner = new NoteScanner(options);
  for (const [path, text] of texts) index.put(scanner.scan(path, text));
  expect(index.note('202101010900 A.md')?.id).toBe('202101010901');
  const rebuilt = new IdIndex({ format: TWELVE_DIGIT });
  for (const [path, text] of texts) rebuilt.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, options) });
  expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
});

test('the ID table finds every ID it holds and none it let go, through any run of interning and releasing', () => {
  // Few buckets and IDs close together: long probe runs, so a release must shift the right entries back.
  const vocabulary = Array.from({ length: 120 }, (_, i) => `2021010109${String(i).padStart(2, '0')}`);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(vocabulary.length - 1)), { maxLength: 400 }), (steps) => {
      const table = new IdTable(TWELVE_DIGIT);
      const held = new Set<string>();
      for (const [intern, n] of steps) {
        const id = vocabulary[n];
        if (intern) {
          table.intern(id);
          held.add(id);
        } else if (held.has(id)) {
          expect(table.releaseIfUnused(table.slotOf(id))).toBe(true);
          held.delete(id);
        }
      }
      for (const id of vocabulary) {
        const slot = table.slotOf(id);
        expect(held.has(id) ? table.idOf(slot) : slot).toBe(held.has(id) ? id : NONE);
      }
      expect(table.size).toBe(held.size);
    }),
    { seed: 20261204, numRuns: 300 },
  );
});

test('releasing an ID shifts back the IDs after it across the end of the table, leaving each where its probe finds it', () => {
  // IDs whose home buckets in the first table (16 buckets) are 14, 15 and 0: a run that wraps.
  const homeOf = (id: string): number => hashKey(Number(id)) & 15;
  const candidates = Array.from({ length: 5000 }, (_, i) => `20210101${String(i).padStart(4, '0')}`);
  const [a, b, c] = [14, 15, 0].map((home) => candidates.find((id) => homeOf(id) === home) as string);
  const table = new IdTable(TWELVE_DIGIT);
  for (const id of [a, b, c]) table.intern(id);
  expect(table.releaseIfUnused(table.slotOf(a))).toBe(true);
  expect([table.slotOf(a), table.idOf(table.slotOf(b)), table.idOf(table.slotOf(c))]).toStrictEqual([NONE, b, c]);
  // Three IDs at home in bucket 15, in 15, 0 and 1: the one in 1 moves to 0, on its way from 15.
  const [d, e, f] = candidates.filter((id) => homeOf(id) === 15).slice(1, 4);
  const wrapped = new IdTable(TWELVE_DIGIT);
  for (const id of [d, e, f]) wrapped.intern(id);
  expect(wrapped.releaseIfUnused(wrapped.slotOf(e))).toBe(true);
  expect([wrapped.idOf(wrapped.slotOf(d)), wrapped.slotOf(e), wrapped.idOf(wrapped.slotOf(f))]).toStrictEqual([d, NONE, f]);
  // At home in 14, 15 and 15 (in 14, 15 and 0): releasing the first leaves the one in 0 there, since
  // in bucket 14 its probe from 15 would never reach it.
  const [g, h] = candidates.filter((id) => homeOf(id) === 15).slice(4, 6);
  const past = new IdTable(TWELVE_DIGIT);
  for (const id of [a, g, h]) past.intern(id);
  expect(past.releaseIfUnused(past.slotOf(a))).toBe(true);
  expect([past.slotOf(a), past.idOf(past.slotOf(g)), past.idOf(past.slotOf(h))]).toStrictEqual([NONE, g, h]);
});
