/** Link health of a whole vault: counts of references by resolution, and every problem found. */
import { isWordCharAt, isWordCharBefore } from '../ids/wordRule';
import { titleAfterId } from '../ids/title';
import { namesAFile, withIdOwners, type LinkPathLookup } from '../index/linkTargets';
import type { IdIndexReader, NoteRecord, ReferenceCursor } from '../types';
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

/** The index as check reads it: references through a cursor, so a whole vault makes no object per reference. */
export interface CheckIndex extends IdIndexReader {
  cursor(path: string): ReferenceCursor;
}

// A title longer than this after a broken ID is not looked for; it keeps one-line megabyte notes cheap.
const LONGEST_TITLE = 250;

/** Checks every reference of every note in the index. Pure: reads only the index and the input. */
export function checkVault(index: CheckIndex, input: CheckInput): CheckReport {
  const problems: Problem[] = [];
  const paths = withIdOwners(input.paths, index);
  // File-level problems first, so on line 1 they come before the references standing there. A
  // duplicate ID is one problem, at the first of its files, naming every one of them.
  for (const [id, owners] of index.duplicates()) {
    problems.push({ kind: 'duplicate-id', file: owners[0], line: 1, id, message: duplicateMessage(id, owners) });
  }
  for (const { path, reason } of input.unreadable ?? []) {
    problems.push({ kind: 'unreadable-file', file: path, line: 1, id: null, message: unreadableMessage(reason) });
  }
  let notes = 0;
  let notesWithId = 0;
  let references = 0;
  let resolved = 0;
  let unresolved = 0;
  let ambiguous = 0;
  const titles = new TitlesAfterIds(index);
  // Problems are sorted by file and line at the end, so notes can be visited in any order.
  for (const note of index.notes()) {
    notes++;
    if (note.id !== null) notesWithId++;
    const cursor = index.cursor(note.path);
    while (cursor.next()) {
      if (!cursor.counts()) continue;
      // A note naming its own ID (its own "ID Title" line) refers to nothing else: not counted, no problem.
      if (note.id !== null && cursor.id() === note.id) continue;
      references++;
      const status = cursor.status;
      if (status === 'resolved') {
        resolved++;
        const stale = cursor.isLink ? staleLink(cursor, note.path, index, paths) : null;
        if (stale !== null) problems.push(stale);
      } else if (status === 'unresolved') {
        unresolved++;
        const id = cursor.id();
        const text = cursor.form === 'bare' ? input.textOf?.(note.path) : undefined;
        const meant = text === undefined ? null : titles.noteNamedAfter(text, cursor.to());
        problems.push(problem('unresolved-id', note.path, cursor.line, id, unresolvedMessage(id, meant)));
      } else {
        ambiguous++;
        const id = cursor.id();
        problems.push(problem('ambiguous-id', note.path, cursor.line, id, ambiguousMessage(id, index.resolve(id).paths)));
      }
    }
  }
  // Stable sort: problems of one line keep the text order they were found in.
  problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  return { notes, notesWithId, references, resolved, unresolved, ambiguous, problems };
}

function problem(kind: Problem['kind'], file: string, line: number, id: string, message: string): Problem {
  return { kind, file, line, id, message };
}

/** A link whose ID resolves but whose target names no file is stale (the note was renamed or moved). */
function staleLink(cursor: ReferenceCursor, sourcePath: string, index: IdIndexReader, paths: LinkPathLookup): Problem | null {
  const link = cursor.link();
  if (link === undefined || namesAFile(link, cursor.form, sourcePath, paths)) return null;
  const id = cursor.id();
  return problem('stale-link', sourcePath, cursor.line, id, staleLinkMessage(link.target, id, index.resolve(id).paths[0]));
}

/**
 * Titles of notes with an ID, looked up after broken IDs. Built on the first broken bare ID (most
 * vaults have few), with each title's first characters kept apart so text after a broken ID that
 * starts no title is dismissed at once.
 */
class TitlesAfterIds {
  private byTitle: Map<string, NoteRecord[]> | null = null;
  private readonly heads = new Set<string>();

  constructor(private readonly index: IdIndexReader) {}

  noteNamedAfter(text: string, idEnd: number): { id: string; path: string } | null {
    if (text[idEnd] !== ' ') return null;
    const byTitle = this.titles();
    const start = idEnd + 1;
    if (!this.heads.has(text.slice(start, start + HEAD)) && !this.startsShortTitle(text, start)) return null;
    return noteNamedAfter(text, idEnd, byTitle);
  }

  private startsShortTitle(text: string, start: number): boolean {
    for (let length = 1; length < HEAD; length++) if (this.heads.has(SHORT + text.slice(start, start + length))) return true;
    return false;
  }

  private titles(): Map<string, NoteRecord[]> {
    if (this.byTitle === null) {
      this.byTitle = titlesOfNotesWithId(this.index.notes());
      for (const title of this.byTitle.keys()) this.heads.add(title.length >= HEAD ? title.slice(0, HEAD) : SHORT + title);
    }
    return this.byTitle;
  }
}

/** Characters of a title kept to dismiss text that starts none; shorter titles are kept whole, marked. */
const HEAD = 6;
const SHORT = '\u0000';

function titlesOfNotesWithId(notes: Iterable<NoteRecord>): Map<string, NoteRecord[]> {
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
