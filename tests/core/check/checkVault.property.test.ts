import fc from 'fast-check';
import { checkVault } from '../../../src/core/check';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// A small pool so IDs collide: plausible ones, an impossible one, and one no note ever owns.
const IDS = ['202101010000', '202101010001', '202101010002', '202113019999', '202305141030'];
const id = fc.constantFrom(...IDS);
const token = fc.oneof(
  fc.constantFrom('word', 'and', '\n', '\n\n', '`code', '`', '```\n', '#', '$'),
  id,
  id.map((i) => `${i} Title`),
  id.map((i) => `[[${i} Title]]`),
  id.map((i) => `[[${i}|alias]]`),
  id.map((i) => `[x](${i}%20Title.md)`),
);
const note = fc.record({
  name: fc.oneof(id.map((i) => `${i} Title.md`), id.map((i) => `${i} Other.md`), fc.constantFrom('plain.md', 'sub/plain.md')),
  text: fc.array(token, { maxLength: 30 }).map((tokens) => tokens.join(' ')),
});

describe('checkVault properties', () => {
  it('partitions references to other notes by resolution, one problem per unresolved or ambiguous one and per duplicate ID, sorted', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 8 }), (generated) => {
        const notes = new Map(generated.map((n) => [n.name, n.text]));
        const index = new IdIndex({ format: TWELVE_DIGIT });
        const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };
        for (const [path, text] of notes) index.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, options) });
        const paths = { has: (p: string) => notes.has(p), byBasename: (name: string) => [...notes.keys()].filter((p) => p.endsWith(name)) };
        const report = checkVault(index, { paths, textOf: (p) => notes.get(p) });
        const count = (kind: string) => report.problems.filter((p) => p.kind === kind).length;
        const listed = [...index.notes()].flatMap((n) => index.referencesOf(n.path).map((r) => r.id === n.id));
        const selfReferences = listed.filter((self) => self).length;
        const sorted = report.problems.every((p, i, all) => i === 0 || all[i - 1].file < p.file || (all[i - 1].file === p.file && all[i - 1].line <= p.line));
        return (
          report.notes === notes.size &&
          report.references === report.resolved + report.unresolved + report.ambiguous &&
          // A note naming its own ID is listed by the index but never counted by check.
          report.references === listed.length - selfReferences &&
          count('unresolved-id') === report.unresolved &&
          count('ambiguous-id') === report.ambiguous &&
          // One problem per duplicated ID, naming every owner.
          count('duplicate-id') === index.duplicates().size &&
          [...index.duplicates()].every(([dup, owners]) =>
            report.problems.some((p) => p.kind === 'duplicate-id' && p.id === dup && p.file === owners[0] && owners.every((o) => p.message.includes(o))),
          ) &&
          count('stale-link') <= report.resolved &&
          sorted &&
          report.problems.every((p) => p.id !== '202113019999' || index.isKnownId(p.id))
        );
      }),
      { seed: 20260101, numRuns: 300 },
    );
  });
});
