import fc from 'fast-check';
import { DENOTE, idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex, type IndexUpdate } from '../../../src/core/index/idIndex';
import { extractNoteFacts, namesOnlyFacts, type NoteFacts } from '../../../src/core/index/noteFacts';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import type { OwnIdSource } from '../../../src/core/settings';
import { buildChain, type ChainIndex } from '../../../src/core/chain/chain';
import { facts, genericReader, snapshot } from './helpers';

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

/** Every ID observed at once. */
function observeAll(index: IdIndex, ids: readonly string[]): string {
  return ids.map((id) => observe(index, id)).join('\n');
}

/**
 * Chains from every note and ID, both ways, as JSON (contexts read): by default through the index's
 * graph; `plain` hides the graph, so the chain walks the reader interface instead.
 */
function chains(index: IdIndex, starts: { paths: readonly string[]; ids: readonly string[] }, plain = false): string {
  const source: ChainIndex = plain ? genericReader(index) : index;
  const all = [...starts.paths.map((path) => ({ path })), ...starts.ids.map((id) => ({ id }))];
  return JSON.stringify(all.map((start) => [1, 3].map((depth) => buildChain(source, start, { depth, direction: 'both' }))));
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
          expect(index.checkInvariants()).toStrictEqual([]);
          for (const id of IDS) {
            if (observe(index, id) !== before.get(id)) expect({ id, reported: change.has(id) }).toStrictEqual({ id, reported: true });
          }
          expect(snapshot(index)).toStrictEqual(snapshot(rebuild(model)));
        }
      }),
      { seed: 20260425, numRuns: 300 },
    );
  });
});

/**
 * One format's vault vocabulary: IDs (the fourth never plausible for a timestamp format, the last a
 * near miss), note names that own them, and pieces of note text that reference them every way.
 */
interface Vocabulary {
  readonly format: IdFormat;
  readonly ids: readonly string[];
  readonly names: readonly string[];
}

function vocabulary(format: IdFormat, ids: readonly string[]): Vocabulary {
  const [a, b, c] = ids;
  return { format, ids, names: [`${a} A.md`, `${b} B.md`, `dir/${a} A2.md`, `x/${c}/README.md`, 'Loose.md'] };
}

const VOCABULARIES: readonly Vocabulary[] = [
  vocabulary(TWELVE_DIGIT, IDS),
  vocabulary(DENOTE, ['20210429T152400', '20210819T102500', '20210429T194700', '20219999T999999', '20211301T120000', '20210429T15240']),
  // A custom pattern: IDs interned by string, not by integer key.
  vocabulary(idFormatFor('custom', 'ZK-\\d{3}'), ['ZK-101', 'ZK-202', 'ZK-303', 'ZK-999', 'ZK-404', 'ZK-10']),
];

describe.each(VOCABULARIES.map((v) => [v.format.key, v] as const))('IdIndex properties with scanned notes and the names pass (%s)', (_, { format, ids, names }) => {
  const OPTIONS = { format, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  const [a, b, c] = ids;
  const piece = fc.constantFrom(
    ...ids, `${a} A`, `[[${b} B|b]]`, `[c](${c})`, `\`${a}\``, ' ', '\n', '. ', 'word', `---\nid: ${c}\n---\n`,
  );
  const body = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  type Step =
    | { kind: 'write'; path: string; text: string }
    | { kind: 'delete'; path: string }
    | { kind: 'rename'; from: string; to: string }
    | { kind: 'names'; paths: string[] }
    | { kind: 'trim' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), path: fc.constantFrom(...names), text: body }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...names) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: fc.constantFrom(...names), to: fc.constantFrom(...names) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('names' as const), paths: fc.subarray([...names]) }) },
    // Compaction of the reference arena and of every table (as after a bulk build).
    { weight: 1, arbitrary: fc.constant({ kind: 'trim' as const }) },
  );

  test('incremental updates equal a rebuild from extracted facts, invariants hold, and changes are reported', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        // The vault: a path's text, or null for a note known by its name only.
        const vault = new Map<string, string | null>();
        const texts = { textOf: (p: string) => vault.get(p) ?? undefined };
        const index = new IdIndex({ format, texts });
        const scanner = new NoteScanner(OPTIONS);
        for (const s of steps) {
          const before = new Map(ids.map((id) => [id, observe(index, id)]));
          let change: ReadonlySet<string> | null = null;
          if (s.kind === 'write') {
            vault.set(s.path, s.text);
            change = index.apply({ kind: 'upsert', facts: scanner.scan(s.path, s.text) });
          } else if (s.kind === 'delete') {
            vault.delete(s.path);
            change = index.apply({ kind: 'delete', path: s.path });
          } else if (s.kind === 'rename') {
            if (!vault.has(s.from) || (vault.has(s.to) && s.to !== s.from)) continue;
            const text = vault.get(s.from) as string | null;
            vault.delete(s.from);
            vault.set(s.to, text);
            const facts = text === null ? namesOnlyFacts(s.to, OPTIONS) : scanner.scan(s.to, text);
            change = index.apply({ kind: 'rename', oldPath: s.from, facts });
          } else if (s.kind === 'names') {
            for (const p of s.paths) if (!vault.has(p)) vault.set(p, null);
            index.putNames(s.paths, OPTIONS);
          } else {
            const seen = observeAll(index, ids);
            index.trim();
            expect(observeAll(index, ids)).toBe(seen);
          }
          expect(index.checkInvariants()).toStrictEqual([]);
          if (change !== null) {
            for (const id of ids) {
              if (observe(index, id) !== before.get(id)) expect({ id, reported: change.has(id) }).toStrictEqual({ id, reported: true });
            }
          }
          const rebuilt = new IdIndex({ format });
          for (const [p, text] of vault) rebuilt.apply({ kind: 'upsert', facts: text === null ? namesOnlyFacts(p, OPTIONS) : extractNoteFacts(p, text, OPTIONS) });
          expect(snapshot(index)).toStrictEqual(snapshot(rebuilt));
          // The chain's walk over the graph says what the reader interface says.
          expect(chains(index, { paths: names, ids })).toBe(chains(rebuilt, { paths: names, ids }, true));
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
