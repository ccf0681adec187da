/**
 * `apply` of a scanned note over its names-only record (the plugin's content pass) takes the bulk
 * build's short way, and reports exactly the IDs upsertNote would, in the same order, leaving the
 * same index: compared with an index whose short way is shut, for random sequences of updates.
 * Gathering the changes of all the updates in one ChangedIdSet gives their union, in order.
 */
import fc from 'fast-check';
import { DENOTE, idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { BulkPut } from '../../../src/core/index/bulkPut';
import { IdIndex, type IndexUpdate } from '../../../src/core/index/idIndex';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { snapshot } from './helpers';

const VOCABULARIES: readonly (readonly [IdFormat, readonly string[]])[] = [
  [TWELVE_DIGIT, ['202104291524', '202108191025', '202104291947', '20210429152']],
  [DENOTE, ['20210429T152400', '20210819T102500', '20210429T194700', '20210429T15240']],
  [idFormatFor('custom', 'ZK-\\d{3}'), ['ZK-101', 'ZK-202', 'ZK-303', 'ZK-10']],
];

type Step = { kind: 'upsert'; note: number; text: number } | { kind: 'delete'; note: number } | { kind: 'rename'; note: number; to: number; text: number };

/** What each update of the run reported, and how many took the short way. */
interface Run {
  readonly index: IdIndex;
  readonly changes: string[][];
  readonly shortWays: number;
  /** A twin index given the same updates through applyGathering, and what it gathered over all of them. */
  readonly twin: IdIndex;
  readonly gathered: string[];
}

/** The IDs of every update's changes, each once, in the order first reported. */
function unionInOrder(changes: readonly string[][]): string[] {
  return [...new Set(changes.flat())];
}

describe.each(VOCABULARIES.map(([format, ids]) => [format.key, format, ids] as const))('apply over names-only records (%s)', (_, format, ids) => {
  const [a, b, c] = ids;
  const names = [`${a} A.md`, `${b}.md`, `dir/${a} A2.md`, `x/${c}/README.md`, 'Loose.md', `${c} C.md`];
  const options = { format, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  const piece = fc.constantFrom(...ids, `[[${b} B|b]]`, `[c](${c})`, `\`${a}\``, ' ', '\n', `# ${b} Own\n`, `---\nid: ${c}\n---\n`, 'word');
  const texts = fc.array(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), { minLength: 4, maxLength: 4 });
  const note = fc.nat(names.length - 1);
  const text = fc.nat(3);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('upsert' as const), note, text }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), note }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), note, to: note, text }) },
  );

  function run(named: readonly string[], bodies: readonly string[], steps: readonly Step[], shortWayShut: boolean): Run {
    const bodyOf = new Map<string, string>();
    const index = new IdIndex({ format, texts: { textOf: (p) => bodyOf.get(p) } });
    const twin = new IdIndex({ format, texts: { textOf: (p) => bodyOf.get(p) } });
    const gathering = twin.changeSet();
    const tryPut = jest.spyOn(BulkPut.prototype, 'tryPut');
    if (shortWayShut) tryPut.mockReturnValue(false);
    try {
      index.putNames(named, options);
      twin.putNames(named, options);
      const scanner = new NoteScanner(options);
      const changes: string[][] = [];
      for (const s of steps) {
        let update: IndexUpdate;
        if (s.kind === 'delete') {
          bodyOf.delete(names[s.note]);
          update = { kind: 'delete', path: names[s.note] };
        } else {
          const path = s.kind === 'rename' ? names[s.to] : names[s.note];
          if (s.kind === 'rename') bodyOf.delete(names[s.note]);
          bodyOf.set(path, bodies[s.text]);
          const facts = scanner.scan(path, bodies[s.text]);
          update = s.kind === 'rename' ? { kind: 'rename', oldPath: names[s.note], facts } : { kind: 'upsert', facts };
        }
        changes.push([...index.apply(update)]);
        twin.applyGathering(update, gathering);
      }
      const shortWays = tryPut.mock.results.filter((result) => result.value === true).length / 2;
      return { index, changes, shortWays, twin, gathered: [...gathering.drain()] };
    } finally {
      tryPut.mockRestore();
    }
  }

  test('reports the changes upsertNote reports and leaves the same index', () => {
    let shortWays = 0;
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), texts, fc.array(step, { maxLength: 12 }), (named, bodies, steps) => {
        const short = run(named, bodies, steps, false);
        const long = run(named, bodies, steps, true);
        expect(long.shortWays).toBe(0);
        shortWays += short.shortWays;
        expect(short.changes).toStrictEqual(long.changes);
        expect(short.index.checkInvariants()).toStrictEqual([]);
        expect(snapshot(short.index)).toStrictEqual(snapshot(long.index));
        // Gathered over all updates at once (the content pass's way): the same IDs, the same index.
        for (const way of [short, long]) {
          expect(way.gathered).toStrictEqual(unionInOrder(way.changes));
          expect(snapshot(way.twin)).toStrictEqual(snapshot(way.index));
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
    // The runs above must have gone the short way often, or they proved nothing about it.
    expect(shortWays).toBeGreaterThan(300);
  });
});

test('the first upsert of a read note over its names-only record goes the short way and reports the IDs it references', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const text = 'See 202108191025 and [[202104291947 X]], then 202108191025 again and 202104291524 itself.';
  const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: () => text } });
  index.putNames(['202104291524 A.md', '202108191025 B.md'], options);
  const tryPut = jest.spyOn(BulkPut.prototype, 'tryPut');
  try {
    const changed = index.apply({ kind: 'upsert', facts: new NoteScanner(options).scan('202104291524 A.md', text) });
    expect(tryPut.mock.results.map((result) => result.value as boolean)).toStrictEqual([true]);
    expect([...changed]).toStrictEqual(['202108191025', '202104291947', '202104291524']);
  } finally {
    tryPut.mockRestore();
  }
  expect(index.referencingPaths('202108191025')).toStrictEqual(['202104291524 A.md']);
  expect(index.checkInvariants()).toStrictEqual([]);
});
