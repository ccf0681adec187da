/** A small in-memory ID index and repair context over a map of files, for planner tests. */
import { TWELVE_DIGIT, type IdFormat } from '../../src/core/ids/formats';
import { extractNoteFacts, type NoteFacts } from '../../src/core/index/noteFacts';
import { createRepairContext } from '../../src/core/repair/context';
import type { RepairContext } from '../../src/core/repair/types';
import type { LinkStyle } from '../../src/core/settings';
import type { IdIndexReader, IncomingReference, Resolution } from '../../src/core/types';

export type Files = Record<string, string>;

/** Rebuilt from scratch on every call: tests stay simple and the index is never stale. */
export function indexOf(files: Files, format: IdFormat = TWELVE_DIGIT): IdIndexReader {
  const facts: NoteFacts[] = Object.keys(files)
    .filter((p) => p.endsWith('.md'))
    .sort()
    .map((path) => extractNoteFacts(path, files[path], { format, ownIdSources: ['filename', 'folder', 'frontmatter'], frontmatterKey: 'id' }));
  const owners = new Map<string, string[]>();
  for (const note of facts) if (note.id !== null) owners.set(note.id, [...(owners.get(note.id) ?? []), note.path]);
  const isKnownId = (id: string) => owners.has(id);
  const resolve = (id: string): Resolution => {
    const paths = owners.get(id) ?? [];
    return { id, paths, status: paths.length === 0 ? 'unresolved' : paths.length === 1 ? 'resolved' : 'ambiguous' };
  };
  const counts = (note: NoteFacts) => note.references.filter((r) => isKnownId(r.id) || format.isPlausible(r.id));
  return {
    revision: 1,
    resolve,
    isKnownId,
    note: (path) => {
      const found = facts.find((n) => n.path === path);
      return found && { path: found.path, id: found.id, title: found.title };
    },
    notes: () => facts.map((n) => ({ path: n.path, id: n.id, title: n.title })),
    referencesOf: (path) => counts(facts.find((n) => n.path === path) ?? { path, id: null, title: '', references: [] }),
    referencesTo: (id) =>
      facts.flatMap((n) => counts(n).filter((r) => r.id === id).map((reference): IncomingReference => ({ sourcePath: n.path, reference }))),
    duplicates: () => new Map([...owners].filter(([, paths]) => paths.length > 1)),
  };
}

export interface ContextOptions {
  readonly renames?: Record<string, string[]>;
  readonly linkStyle?: LinkStyle;
  readonly format?: IdFormat;
}

export function contextOf(files: Files, options: ContextOptions = {}): RepairContext {
  const format = options.format ?? TWELVE_DIGIT;
  return createRepairContext({
    format,
    index: indexOf(files, format),
    paths: Object.keys(files),
    renameHistory: new Map(Object.entries(options.renames ?? {})),
    linkStyle: options.linkStyle,
  });
}
