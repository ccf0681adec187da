/** Link health of a whole vault: counts of references by resolution, and every problem found. */
import { isWordCharAt, isWordCharBefore } from '../ids/wordRule';
import { titleAfterId } from '../ids/title';
import { resolveLinkPath, withIdOwners, type LinkPathLookup } from '../index/linkTargets';
import type { IdIndexReader, IndexedReference, NoteRecord } from '../types';
import {
  ambiguousMessage, duplicateMessage, staleLinkMessage, unreadableMessage, unresolvedMessage, type Problem,
} from './problems';

/** The result of `check`, keyed exactly as the command-line contract prints it. */
export interface CheckReport {
  readonly notes: number;
  readonly notesWithId: number;
  readonly references: number;
  readonly resolved: number;
  readonly unresolved: number;
  readonly ambiguous: number;
  /** Sorted by file, then line; within a line, in text order. */
  readonly problems: readonly Problem[];
}

export interface CheckInput {
  /** Every file of the vault (notes and attachments), for telling whether a link names a file. */
  readonly paths: LinkPathLookup;
  /** Files that could not be read, with why; they are not in the index. */
  readonly unreadable?: readonly { readonly path: string; readonly reason: string }[];
  /** A note's text, to recognise an unresolved bare ID followed by another note's exact title. */
  readonly textOf?: (path: string) => string | undefined;
}

// A title longer than this after a broken ID is not looked for; it keeps one-line megabyte notes cheap.
const LONGEST_TITLE = 250;

/** Checks every reference of every note in the index. Pure: reads only the index and the input. */
export function checkVault(index: IdIndexReader, input: CheckInput): CheckReport {
  const problems: Problem[] = [];
  const notes = [...index.notes()].sort((a, b) => compare(a.path, b.path));
  const byTitle = titlesOfNotesWithId(notes);
  const paths = withIdOwners(input.paths, index);
  // File-level problems first, so on line 1 they come before the references standing there. A
  // duplicate ID is one problem, at the first of its files, naming every one of them.
  for (const [id, owners] of index.duplicates()) {
    problems.push({ kind: 'duplicate-id', file: owners[0], line: 1, id, message: duplicateMessage(id, owners) });
  }
  for (const { path, reason } of input.unreadable ?? []) {
    problems.push({ kind: 'unreadable-file', file: path, line: 1, id: null, message: unreadableMessage(reason) });
  }
  let references = 0;
  let resolved = 0;
  let unresolved = 0;
  let ambiguous = 0;
  for (const note of notes) {
    const text = input.textOf?.(note.path);
    for (const reference of index.referencesOf(note.path)) {
      // A note naming its own ID (its own "ID Title" line) refers to nothing else: not counted, no problem.
      if (reference.id === note.id) continue;
      references++;
      const resolution = index.resolve(reference.id);
      if (resolution.status === 'resolved') {
        resolved++;
        const stale = staleLink(reference, note.path, resolution.paths[0], paths);
        if (stale !== null) problems.push(stale);
      } else if (resolution.status === 'unresolved') {
        unresolved++;
        const meant = reference.form === 'bare' && text !== undefined ? noteNamedAfter(text, reference.to, byTitle) : null;
        problems.push(problem('unresolved-id', note.path, reference, unresolvedMessage(reference.id, meant)));
      } else {
        ambiguous++;
        problems.push(problem('ambiguous-id', note.path, reference, ambiguousMessage(reference.id, resolution.paths)));
      }
    }
  }
  // Stable sort: problems of one line keep the text order they were found in.
  problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  return {
    notes: notes.length,
    notesWithId: notes.filter((n) => n.id !== null).length,
    references,
    resolved,
    unresolved,
    ambiguous,
    problems,
  };
}

function problem(kind: Problem['kind'], file: string, reference: IndexedReference, message: string): Problem {
  return { kind, file, line: reference.line, id: reference.id, message };
}

/** A link whose ID resolves but whose target names no file is stale (the note was renamed or moved). */
function staleLink(reference: IndexedReference, sourcePath: string, owner: string, paths: LinkPathLookup): Problem | null {
  if (reference.form === 'bare' || reference.link === undefined) return null;
  if (resolveLinkPath(reference.link, reference.form, sourcePath, paths) !== null) return null;
  return problem('stale-link', sourcePath, reference, staleLinkMessage(reference.link.target, reference.id, owner));
}

function titlesOfNotesWithId(notes: readonly NoteRecord[]): Map<string, NoteRecord[]> {
  const byTitle = new Map<string, NoteRecord[]>();
  for (const note of notes) {
    if (note.id === null || note.title === '' || note.title === note.id) continue;
    const list = byTitle.get(note.title);
    if (list === undefined) byTitle.set(note.title, [note]);
    else list.push(note);
  }
  return byTitle;
}

/**
 * The one note whose exact title follows a broken ID (`202201010900 Clarity is…` where the note is
 * 202201100900), or null when no title or several notes' titles follow it: then nothing is guessed.
 */
function noteNamedAfter(text: string, idEnd: number, byTitle: ReadonlyMap<string, NoteRecord[]>): { id: string; path: string } | null {
  if (text[idEnd] !== ' ') return null;
  const start = idEnd + 1;
  const limit = Math.min(text.length, start + LONGEST_TITLE);
  const found = new Map<string, NoteRecord>();
  for (let end = start + 1; end <= limit; end++) {
    const next = text[end];
    if (!(isWordCharBefore(text, end) && isWordCharAt(text, end))) {
      for (const note of byTitle.get(text.slice(start, end)) ?? []) {
        if (titleAfterId(text, idEnd, note.title) !== null) found.set(note.path, note);
      }
    }
    if (next === '\n' || next === '\r') break;
  }
  if (found.size !== 1) return null;
  const [note] = found.values();
  return { id: note.id as string, path: note.path };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
