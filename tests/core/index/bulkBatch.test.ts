/**
 * The bulk build interns and links its notes' references in batches (BulkPut.settle). Whatever is
 * asked of the index, or of a change set, while a batch waits gets the answer it would get had
 * each note been settled as it was put; and a build past a batch's size equals one note at a time.
 */
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import type { ChangedIdSet } from '../../../src/core/index/changedIds';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { EDGE, recordLength, REF_FLAGS } from '../../../src/core/index/referenceStore';
import { NoteScanner, type ScannedNote } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { snapshot } from './helpers';

// Batches from the first ID on, small enough that a test of a few thousand notes fills one.
const SMALL_BATCHES = { fromIds: 0, references: 1 << 14 };
const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };

/** A 12-digit ID that is a real timestamp, distinct for each i below 10,000. */
function idOf(i: number): string {
  return `20${String(10 + Math.floor(i / 1440)).padStart(2, '0')}0101${String(Math.floor((i % 1440) / 60)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}`;
}

const A = idOf(1);
const B = idOf(2);
const C = idOf(3);
const UNOWNED = idOf(9);
const NOTES: ReadonlyArray<readonly [string, string]> = [
  [`${A} Alpha.md`, `Builds on ${B} and [[${C}|the third]].\nSee also ${UNOWNED}.`],
  [`${B} Beta.md`, `After ${A}, ${C} and ${A} again; [c](${C}).`],
  [`${C} Gamma.md`, `Nothing but prose, and ${UNOWNED}.`],
  [`${C} Gamma twin.md`, `Owns ${C} too, cites ${B}.`],
];
const PATHS = NOTES.map(([path]) => path);
const TEXTS = new Map(NOTES);

interface Built {
  readonly index: IdIndex;
  readonly changed: ChangedIdSet;
}

/** Names first, then every note put the bulk way; `settleEach` reads the change set after each put, which settles it. */
function build(settleEach: boolean): Built {
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (path) => TEXTS.get(path) }, bulkBatch: SMALL_BATCHES });
  index.putNames(PATHS, options);
  const changed = index.changeSet();
  const scanner = new NoteScanner(options);
  for (const [path, text] of NOTES) {
    index.applyGathering({ kind: 'upsert', facts: scanner.scan(path, text) }, changed);
    if (settleEach) expect(changed.size).toBeGreaterThan(0);
  }
  return { index, changed };
}

function everyReference(index: IdIndex): unknown[] {
  const found: unknown[] = [];
  for (const note of index.noteCursors()) while (note.next()) found.push([note.path, note.reference(), note.status, note.counts()]);
  return found.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

const READERS: ReadonlyArray<readonly [string, (index: IdIndex) => unknown]> = [
  ['resolve', (index) => index.resolve(C)],
  ['isKnownId', (index) => [index.isKnownId(A), index.isKnownId(UNOWNED)]],
  ['isKnownKeyIn', (index) => index.isKnownKeyIn(Float64Array.of(Number(B)), 0)],
  ['note', (index) => index.note(PATHS[1])],
  ['notes', (index) => [...index.notes()].sort((x, y) => x.path.localeCompare(y.path))],
  ['referencesOf', (index) => index.referencesOf(PATHS[0])],
  ['referencesTo', (index) => index.referencesTo(C)],
  ['referencingPaths', (index) => [index.referencingPaths(A), index.referencingPaths(UNOWNED)]],
  ['cursor', (index) => {
    const cursor = index.cursor(PATHS[1]);
    const seen: unknown[] = [];
    while (cursor.next()) seen.push(cursor.reference());
    return seen;
  }],
  ['graph', (index) => {
    const graph = index.graph();
    return [graph.status(graph.idOf(C)), graph.status(graph.idOf(UNOWNED))];
  }],
  ['noteCursors', everyReference],
  ['storedFacts', (index) => index.storedFacts(PATHS[1])],
  ['duplicates', (index) => index.duplicates()],
  ['paths.ownerOfId', (index) => [index.paths.ownerOfId?.(A), index.paths.ownerOfId?.(C)]],
  ['size', (index) => index.size],
  ['checkInvariants', (index) => index.checkInvariants()],
  ['snapshot', snapshot],
];

test.each(READERS)('%s answers with the batch settled', (_, read) => {
  expect(read(build(false).index)).toStrictEqual(read(build(true).index));
});

const WRITERS: ReadonlyArray<readonly [string, (index: IdIndex) => void]> = [
  ['trim', (index) => index.trim()],
  ['a delete', (index) => void index.apply({ kind: 'delete', path: PATHS[0] })],
  ['a rename', (index) => void index.apply({ kind: 'rename', oldPath: PATHS[1], facts: extractNoteFacts(`${B} Renamed.md`, TEXTS.get(PATHS[1]) as string, options) })],
  ['a note given whole', (index) => index.put(extractNoteFacts(PATHS[2], `Now cites ${A}.`, options))],
  // Its record is no longer the names pass's: the general way in, which takes the old references out.
  ['a note put again', (index) => index.applyGathering({ kind: 'upsert', facts: new NoteScanner(options).scan(PATHS[1], `Now ${UNOWNED}.`) }, index.changeSet())],
  ['the names of more notes', (index) => index.putNames([`${idOf(5)} Epsilon.md`], options)],
];

test.each(WRITERS)('%s while a batch waits changes the index as after it', (_, write) => {
  const [pending, settled] = [build(false).index, build(true).index];
  write(pending);
  write(settled);
  expect(pending.checkInvariants()).toStrictEqual([]);
  expect(snapshot(pending)).toStrictEqual(snapshot(settled));
});

test('a note whose IDs are not all keys, put while a batch waits, is linked after the batch', () => {
  // As the cache may hand facts over: one ID as its string (key -1), which the index interns at once.
  const whole = build(true).index.storedFacts(PATHS[0]) as ScannedNote;
  const keys = Float64Array.from(whole.keys);
  const ids = [...whole.ids];
  keys[0] = -1;
  ids[0] = B;
  const mixed: ScannedNote = { ...whole, keys, ids };
  const changes = (settleEach: boolean): string[] => {
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (path) => TEXTS.get(path) }, bulkBatch: SMALL_BATCHES });
    index.putNames(PATHS, options);
    const changed = index.changeSet();
    const scanner = new NoteScanner(options);
    for (const [path, text] of NOTES.slice(1)) {
      index.applyGathering({ kind: 'upsert', facts: scanner.scan(path, text) }, changed);
      if (settleEach) expect(changed.size).toBeGreaterThan(0);
    }
    index.applyGathering({ kind: 'upsert', facts: mixed }, changed);
    expect(index.checkInvariants()).toStrictEqual([]);
    return [...changed.drainIds()];
  };
  expect(changes(false)).toStrictEqual(changes(true));
  expect(changes(false)).toStrictEqual([A, C, UNOWNED, B]);
});

test('a record that comes flagged as having linked its note is linked afresh', () => {
  const stored = build(true).index.storedFacts(PATHS[1]) as ScannedNote;
  const ints = Int32Array.from(stored.ints);
  for (let at = 0; at < stored.length; at += recordLength(ints, at)) ints[at + REF_FLAGS] |= EDGE;
  const flagged = (settleEach: boolean): IdIndex => {
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (path) => TEXTS.get(path) }, bulkBatch: SMALL_BATCHES });
    index.putNames(PATHS, options);
    index.put({ ...stored, ints });
    if (settleEach) expect(index.size).toBe(PATHS.length);
    return index;
  };
  expect(flagged(false).checkInvariants()).toStrictEqual([]);
  expect(snapshot(flagged(false))).toStrictEqual(snapshot(flagged(true)));
});

test('clear while a batch waits leaves nothing of it to link later', () => {
  const { index } = build(false);
  index.clear();
  index.putNames([PATHS[0]], options);
  expect(index.checkInvariants()).toStrictEqual([]);
  expect(index.referencingPaths(B)).toStrictEqual([]);
  expect(index.size).toBe(1);
});

describe('a change set', () => {
  test('tells its size, whether it overflowed, and drains with the batch settled', () => {
    const [pending, settled] = [build(false).changed, build(true).changed];
    expect(pending.size).toBe(settled.size);
    expect(pending.overflowed).toBe(false);
    expect([...pending.drainIds()]).toStrictEqual([...settled.drainIds()]);
  });

  test('drains as "all" past its limit with the batch settled', () => {
    const index = new IdIndex({ format: TWELVE_DIGIT, bulkBatch: SMALL_BATCHES });
    index.putNames(PATHS, options);
    const changed = index.changeSet(1);
    const scanner = new NoteScanner(options);
    index.applyGathering({ kind: 'upsert', facts: scanner.scan(PATHS[0], TEXTS.get(PATHS[0]) as string) }, changed);
    expect(changed.drain()).toBe('all');
  });

  test('cleared while a batch waits does not get its changes afterwards', () => {
    const { changed } = build(false);
    changed.clear();
    expect(changed.size).toBe(0);
    expect([...changed.drainIds()]).toStrictEqual([]);
  });

  test('each of two sets gets the changes of the notes put with it', () => {
    const index = new IdIndex({ format: TWELVE_DIGIT, bulkBatch: SMALL_BATCHES });
    index.putNames(PATHS, options);
    const [first, second] = [index.changeSet(), index.changeSet()];
    const scanner = new NoteScanner(options);
    index.applyGathering({ kind: 'upsert', facts: scanner.scan(PATHS[0], TEXTS.get(PATHS[0]) as string) }, first);
    index.applyGathering({ kind: 'upsert', facts: scanner.scan(PATHS[2], TEXTS.get(PATHS[2]) as string) }, second);
    expect([...second.drainIds()]).toStrictEqual([UNOWNED]);
    expect([...first.drainIds()]).toStrictEqual([B, C, UNOWNED]);
  });
});

test('a build past a batch, with a note larger than one, equals one settled note at a time', () => {
  // 16,384 references fill a batch (SMALL_BATCHES): 2,400 notes of 8 cross it, and one note of 17,000 is put on its own
  // (of 40 IDs, so that comparing what cites each ID stays quick).
  const count = 2400;
  const paths = Array.from({ length: count }, (_, i) => `${idOf(i)} Note ${i}.md`);
  const text = (i: number): string =>
    i === 7 ? Array.from({ length: 17_000 }, (_, k) => idOf(k % 40) + (k % 10 === 9 ? '\n' : ' ')).join('') : Array.from({ length: 8 }, (_, k) => (k % 2 === 0 ? idOf((i * 31 + k) % count) : `[[${idOf((i + k * 97) % 5000)}]]`)).join(', ');
  const byPath = new Map(paths.map((p, i) => [p, text(i)]));
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => byPath.get(p) }, bulkBatch: SMALL_BATCHES });
  index.putNames(paths, options);
  const changed = index.changeSet();
  const scanner = new NoteScanner(options);
  paths.forEach((p, i) => index.applyGathering({ kind: 'upsert', facts: scanner.scan(p, text(i)) }, changed));
  const one = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => byPath.get(p) }, bulkBatch: SMALL_BATCHES });
  one.putNames(paths, options);
  const oneChanged = one.changeSet();
  paths.forEach((p, i) => {
    one.applyGathering({ kind: 'upsert', facts: scanner.scan(p, text(i)) }, oneChanged);
    // Reading the set settles each note as it is put.
    expect(oneChanged.size).toBeGreaterThan(0);
  });
  expect([...changed.drainIds()]).toStrictEqual([...oneChanged.drainIds()]);
  index.trim();
  one.trim();
  expect(index.checkInvariants()).toStrictEqual([]);
  expect(snapshot(index)).toStrictEqual(snapshot(one));
});
