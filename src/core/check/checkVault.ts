/** Link health of a whole vault: counts of references by resolution, and every problem found. */
import { isWordCharAt, isWordCharBefore } from '../ids/wordRule';
import { titleAfterId } from '../ids/title';
import { linkNamesFile, namesAFile, withIdOwners, type LinkPathLookup } from '../index/linkTargets';
import { compareCodeUnits } from '../order';
import type { IdIndexReader, NoteCursor, NoteRecord, ReferenceCursor } from '../types';
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

/** The index as check reads it: notes through one cursor, so a whole vault makes no object per reference. */
export interface CheckIndex extends IdIndexReader {
  noteCursors(): Iterable<NoteCursor>;
}

// A title longer than this after a broken ID is not looked for; it keeps one-line megabyte notes cheap.
const LONGEST_TITLE = 250;

/** An unresolved bare ID whose message waits for the title lookup. */
interface BrokenBareId {
  readonly problem: { message: string };
  readonly id: string;
  readonly text: string;
  readonly idEnd: number;
}

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
  const broken: BrokenBareId[] = [];
  // Problems are sorted by file and line at the end, so notes can be visited in any order.
  for (const note of index.noteCursors()) {
    notes++;
    if (note.hasOwnId) notesWithId++;
    const path = note.path;
    while (note.next()) {
      if (!note.counts()) continue;
      // A note naming its own ID (its own "ID Title" line) refers to nothing else: not counted, no problem.
      if (note.hasOwnId && note.id() === note.ownId()) continue;
      references++;
      const status = note.status;
      if (status === 'resolved') {
        resolved++;
        const stale = note.isLink ? staleLink(note, path, paths) : null;
        if (stale !== null) problems.push(stale);
      } else if (status === 'unresolved') {
        unresolved++;
        const id = note.id();
        const found = { kind: 'unresolved-id' as const, file: path, line: note.line, id, message: unresolvedMessage(id, null) };
        problems.push(found);
        const text = note.form === 'bare' ? input.textOf?.(path) : undefined;
        if (text !== undefined && text[note.to()] === ' ') broken.push({ problem: found, id, text, idEnd: note.to() });
      } else {
        ambiguous++;
        const id = note.id();
        problems.push(problem('ambiguous-id', path, note.line, id, ambiguousMessage(id, index.resolve(id).paths)));
      }
    }
  }
  if (broken.length > 0) nameBrokenIds(index, broken);
  // Stable sort: problems of one line keep the text order they were found in.
  problems.sort((a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line);
  return { notes, notesWithId, references, resolved, unresolved, ambiguous, problems };
}

function problem(kind: Problem['kind'], file: string, line: number, id: string, message: string): Problem {
  return { kind, file, line, id, message };
}

/** A link whose ID resolves but whose target names no file is stale (the note was renamed or moved). */
function staleLink(cursor: ReferenceCursor, sourcePath: string, paths: LinkPathLookup): Problem | null {
  const link = cursor.link();
  const owner = cursor.ownerPath() as string;
  if (link === undefined || linkNamesFile(link, cursor.form, owner) || namesAFile(link, cursor.form, sourcePath, paths)) return null;
  const id = cursor.id();
  return problem('stale-link', sourcePath, cursor.line, id, staleLinkMessage(link.target, id, owner));
}

/**
 * Says in each broken bare ID's message which note it meant, when the text after it is exactly one
 * note's title. Only titles that start like some text after a broken ID are looked up, so a vault
 * with a handful of broken IDs does not build a map of every title.
 */
function nameBrokenIds(index: CheckIndex, broken: readonly BrokenBareId[]): void {
  const heads = new Set<string>();
  for (const { text, idEnd } of broken) {
    for (let length = 1; length <= HEAD; length++) heads.add(text.slice(idEnd + 1, idEnd + 1 + length));
  }
  const byTitle = new Map<string, NoteRecord[]>();
  for (const note of index.noteCursors()) {
    if (!note.hasOwnId) continue;
    const title = note.title();
    if (!heads.has(title.slice(0, HEAD))) continue;
    const id = note.ownId() as string;
    if (title === '' || title === id) continue;
    const list = byTitle.get(title);
    const record = { path: note.path, id, title };
    if (list === undefined) byTitle.set(title, [record]);
    else list.push(record);
  }
  let longest = 0;
  for (const title of byTitle.keys()) longest = Math.max(longest, title.length);
  for (const { problem: found, id, text, idEnd } of broken) {
    // No title is longer than `longest`, so the search can stop there.
    if (byTitle.size > 0) found.message = unresolvedMessage(id, noteNamedAfter(text, idEnd, byTitle, longest));
  }
}

/** Characters of a title that text after a broken ID must start with for the title to be looked up. */
const HEAD = 6;

/**
 * The one note whose exact title follows a broken ID (`202201010900 Clarity is…` where the note is
 * 202201100900), or null when no title or several notes' titles follow it: then nothing is guessed.
 */
function noteNamedAfter(text: string, idEnd: number, byTitle: ReadonlyMap<string, NoteRecord[]>, longest: number): { id: string; path: string } | null {
  if (text[idEnd] !== ' ') return null;
  const start = idEnd + 1;
  const limit = Math.min(text.length, start + LONGEST_TITLE, start + longest);
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
