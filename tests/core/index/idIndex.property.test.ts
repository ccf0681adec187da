import fc from 'fast-check';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex, type IndexUpdate } from '../../../src/core/index/idIndex';
import type { NoteFacts } from '../../../src/core/index/noteFacts';
import { facts, snapshot } from './helpers';

// Few paths and IDs, so updates collide: duplicates, self-references, implausible IDs that a
// later note makes count, renames onto existing paths.
const PATHS = ['a.md', 'b.md', 'dir/a.md', 'dir/c.md', 'z/y/x.md', 'README.md'];
const IDS = ['202104291524', '202108191025', '202104291947', '202199999999', '202113011200', '20210429152'];

const factsArbitrary: fc.Arbitrary<NoteFacts> = fc
  .record({
    path: fc.constantFrom(...PATHS),
    id: fc.option(fc.constantFrom(...IDS.slice(0, 5)), { nil: null }),
    references: fc.array(fc.constantFrom(...IDS), { maxLength: 5 }),
    title: fc.constantFrom('Title', 'Other title', ''),
  })
  .map(({ path, id, references, title }) => facts(path, id, references, title));

const updateArbitrary: fc.Arbitrary<IndexUpdate> = fc.oneof(
  { weight: 3, arbitrary: factsArbitrary.map((f): IndexUpdate => ({ kind: 'upsert', facts: f })) },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS).map((path): IndexUpdate => ({ kind: 'delete', path })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...PATHS), factsArbitrary)
      .map(([oldPath, f]): IndexUpdate => ({ kind: 'rename', oldPath, facts: f })),
  },
);

/** The model: what the vault holds after the update. */
function applyToModel(model: Map<string, NoteFacts>, update: IndexUpdate): void {
  if (update.kind === 'delete') model.delete(update.path);
  else {
    if (update.kind === 'rename') model.delete(update.oldPath);
    model.set(update.facts.path, update.facts as NoteFacts);
  }
}

function rebuild(model: Map<string, NoteFacts>): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of model.values()) index.apply({ kind: 'upsert', facts: note });
  return index;
}

/** What a listener can observe about one ID. */
function observe(index: IdIndex, id: string): string {
  const note = (path: string) => index.note(path);
  return JSON.stringify([
    index.resolve(id),
    index.resolve(id).paths.map(note),
    index.referencesTo(id),
  ]);
}

describe('IdIndex properties', () => {
  test('incremental updates equal a rebuild, invariants hold after every step, and changes are reported', () => {
    fc.assert(
      fc.property(fc.array(updateArbitrary, { minLength: 1, maxLength: 40 }), (updates) => {
        const index = new IdIndex({ format: TWELVE_DIGIT });
        const model = new Map<string, NoteFacts>();
        for (const update of updates) {
          const before = new Map(IDS.map((id) => [id, observe(index, id)]));
          const change = index.apply(update);
          applyToModel(model, update);
          expect(index.checkInvariants()).toEqual([]);
          for (const id of IDS) {
            if (observe(index, id) !== before.get(id)) expect({ id, reported: change.has(id) }).toEqual({ id, reported: true });
          }
          expect(snapshot(index)).toEqual(snapshot(rebuild(model)));
        }
      }),
      { seed: 20260425, numRuns: 300 },
    );
  });
});
