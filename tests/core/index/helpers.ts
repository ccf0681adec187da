import type { ChainIndex } from '../../../src/core/chain/chain';
import type { IdFormat } from '../../../src/core/ids/formats';
import type { IdIndex } from '../../../src/core/index/idIndex';
import { idKeysFor, type IdKeys } from '../../../src/core/index/idKeys';
import type { NoteFacts } from '../../../src/core/index/noteFacts';
import type { IndexedReference } from '../../../src/core/types';

/** Hand-built facts: each reference on its own line, `ID` alone, context `see ID`. */
export function facts(path: string, id: string | null, referenced: readonly string[] = [], title = path.replace(/\.md$/, '')): NoteFacts {
  const references: IndexedReference[] = referenced.map((refId, i) => ({
    id: refId,
    form: 'bare',
    from: i * 20 + 4,
    to: i * 20 + 4 + refId.length,
    line: i + 1,
    column: 5,
    context: `see ${refId}`,
  }));
  return { path, id, title, references };
}

/** Everything the reader interface shows, in a canonical order, for comparing two indexes. */
export function snapshot(index: IdIndex): unknown {
  const notes = [...index.notes()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const ids = new Set<string>();
  for (const note of notes) {
    if (note.id !== null) ids.add(note.id);
    for (const reference of index.referencesOf(note.path)) ids.add(reference.id);
  }
  const sortedIds = [...ids].sort();
  return {
    size: index.size,
    notes: notes.map((note) => ({ ...note, references: index.referencesOf(note.path) })),
    resolutions: sortedIds.map((id) => index.resolve(id)),
    incoming: sortedIds.map((id) => [id, index.referencesTo(id)]),
    duplicates: [...index.duplicates()],
    // Asking builds the file-name map; from then on updates must keep it in step.
    fileNames: notes.map((note) => [...index.paths.byBasename(note.path.slice(note.path.lastIndexOf('/') + 1))].sort()),
  };
}

/** The index seen only through IdIndexReader: the chain then takes its generic paths, not the fast ones over the graph. */
export function genericReader(index: IdIndex): ChainIndex {
  return {
    get revision() {
      return index.revision;
    },
    resolve: (id) => index.resolve(id),
    isKnownId: (id) => index.isKnownId(id),
    note: (path) => index.note(path),
    notes: () => index.notes(),
    referencesOf: (path) => index.referencesOf(path),
    referencesTo: (id) => index.referencesTo(id),
    duplicates: () => index.duplicates(),
  };
}

/** The integer keys of a preset format (idKeysFor), which a test of one must have. */
export function presetKeys(format: IdFormat): IdKeys {
  const keys = idKeysFor(format);
  if (keys === null) throw new Error(`no keys for ${format.key}`);
  return keys;
}
