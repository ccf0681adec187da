import { buildChain } from '../../../src/core/chain/chain';
import { FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { describeCorpus, folderNotes, readNote } from '../../corpora/corpora';

function indexCorpus(vault: string, format: IdFormat): IdIndex {
  const index = new IdIndex({ format });
  const options = { format, ownIdSources: ['filename' as const, 'folder' as const, 'frontmatter' as const], frontmatterKey: 'id' };
  for (const note of folderNotes(vault)) index.apply({ kind: 'upsert', facts: extractNoteFacts(note, readNote(vault, note), options) });
  return index;
}

/** Link references whose target file is not the note owning the ID (stale links), as `path → target`. */
function linkMismatches(index: IdIndex): string[] {
  const mismatches: string[] = [];
  for (const note of index.notes()) {
    for (const reference of index.referencesOf(note.path)) {
      if (reference.link === undefined) continue;
      const resolution = index.resolve(reference.id);
      if (resolution.status !== 'resolved') continue;
      const target = index.resolveLink(reference.link, reference.form, note.path);
      if (target !== resolution.paths[0]) mismatches.push(`${note.path} → ${reference.link.target}`);
    }
  }
  return mismatches;
}

describeCorpus('zet-conversion-14digit', (vault) => {
  const index = indexCorpus(vault, FOURTEEN_DIGIT);

  test('every folder note owns its ID and the index is consistent', () => {
    const notes = [...index.notes()];
    expect(notes.length).toBeGreaterThan(2000);
    expect(notes.filter((note) => note.id === null)).toStrictEqual([]);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('repository-absolute links (/zet/ID/README.md) name the note owning their ID', () => {
    expect(linkMismatches(index)).toStrictEqual([]);
  });

  test('IDs that are impossible timestamps still resolve when a note owns them', () => {
    const impossible = [...index.notes()].filter((note) => note.id !== null && !FOURTEEN_DIGIT.isPlausible(note.id));
    expect(impossible.length).toBeGreaterThan(100);
    const referenced = impossible.filter((note) => index.referencesTo(note.id as string).length > 0);
    expect(referenced.length).toBeGreaterThan(0);
  });

  test('a deep chain from every fiftieth note stays within its budget', () => {
    const notes = [...index.notes()].sort((a, b) => (a.path < b.path ? -1 : 1)).filter((_, i) => i % 50 === 0);
    for (const note of notes) {
      const result = buildChain(index, { path: note.path }, { depth: 10, direction: 'both', maxNodes: 2000 });
      expect(result.root.path).toBe(note.path);
    }
  });
});

describeCorpus('zettelkasten-public-12digit', (vault) => {
  const index = indexCorpus(vault, TWELVE_DIGIT);

  test('relative folder links ([ID](../ID)) name the note owning their ID', () => {
    expect(index.size).toBeGreaterThan(100);
    expect(index.checkInvariants()).toStrictEqual([]);
    expect(linkMismatches(index)).toStrictEqual([]);
  });
});
