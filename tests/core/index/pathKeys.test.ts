import fc from 'fast-check';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { createPathLookup } from '../../../src/core/index/linkTargets';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };
const sorted = (paths: readonly string[]): string[] => [...paths].sort();

// Letters with case and with a composed and a decomposed accent, folders, and file names.
const segment = fc.string({ unit: fc.constantFrom('a', 'A', 'é', 'e\u0301', 'É', ' ', '1'), minLength: 1, maxLength: 4 });
const path = fc.tuple(fc.option(segment, { nil: null }), segment).map(([folder, name]) => `${folder === null ? '' : `${folder}/`}${name}.md`);

describe('path lookup: the command line and the index find the same files', () => {
  it('for any notes, after any deletions, by file name and by path, ignoring case and normalisation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), fc.array(path, { maxLength: 6 }), (paths, deleted, queries) => {
        const index = new IdIndex({ format: TWELVE_DIGIT });
        for (const p of paths) index.apply({ kind: 'upsert', facts: extractNoteFacts(p, '', options) });
        // The index builds its keys on the first lookup; deletions after it update them in place.
        index.paths.byBasename('x.md');
        const gone = new Set(deleted.filter((n) => paths.length > 0).map((n) => paths[n % paths.length]));
        for (const p of gone) index.apply({ kind: 'delete', path: p });
        const lookup = createPathLookup(paths.filter((p) => !gone.has(p)));
        for (const query of [...queries, ...paths]) {
          const name = query.slice(query.lastIndexOf('/') + 1);
          expect(sorted(index.paths.byBasename(name))).toStrictEqual(sorted(lookup.byBasename(name)));
          expect(sorted(index.paths.byPathIgnoringCase?.(query) ?? [])).toStrictEqual(sorted(lookup.byPathIgnoringCase?.(query) ?? []));
        }
        expect(index.checkInvariants()).toStrictEqual([]);
      }),
    );
  });

  it('a composed and a decomposed accent, in either case, name one file', () => {
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.apply({ kind: 'upsert', facts: extractNoteFacts('Notes/Café.md', '', options) });
    const lookup = createPathLookup(['Notes/Café.md']);
    for (const paths of [index.paths, lookup]) {
      expect(paths.byBasename('CAFE\u0301.md')).toStrictEqual(['Notes/Café.md']);
      expect(paths.byPathIgnoringCase?.('notes/cafe\u0301.md')).toStrictEqual(['Notes/Café.md']);
    }
  });
});
