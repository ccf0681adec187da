/** Link health of a whole vault: counts of references by resolution, and every problem found. */
import { linkNamesFile, namesAFile, withIdOwners, type LinkPathLookup } from '../index/linkTargets';
import { TitleLookup, titlesStartingAfter } from '../index/titleLookup';
import { compareCodeUnits } from '../order';
import type { IdIndexReader, LinkParts, NoteCursor, ReferenceCursor } from '../types';
import type { LinkTargetsOfNotes } from './keptLinkTargets';
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
  /**
   * The text after a bare ID that ends at `idEnd` in the note, when the caller kept it (see
   * KeptTextAfterIds): a text holding the note's characters from the ID's end on, TEXT_READ_AFTER_ID
   * of them or up to the note's end. When it gives none, textOf is asked.
   */
  readonly keptTextAfterId?: (path: string, idEnd: number) => TextAfterId | undefined;
  /**
   * The notes' link targets as kept while scanning (KeptLinkTargets): the index is then asked for
   * a link only when its note's targets were not kept, so it needs no note texts.
   */
  readonly linkTargets?: LinkTargetsOfNotes;
}

/** The index as check reads it: notes through one cursor, so a whole vault makes no object per reference. */
export interface CheckIndex extends IdIndexReader {
  noteCursors(): Iterable<NoteCursor>;
}

/** A note's text from a bare ID's end on: `text` from `idEnd` is the note's text from the ID's end. */
export interface TextAfterId {
  readonly text: string;
  readonly idEnd: number;
}

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
  const targets = input.linkTargets;
  const wholeText = wholeTextAfterId(input.textOf);
  const textAfterId = (path: string, idEnd: number): TextAfterId | undefined => input.keptTextAfterId?.(path, idEnd) ?? wholeText(path, idEnd);
  // An unreadable note is in the index by its name (what it is named is known) but was not checked.
  const unread = new Set((input.unreadable ?? []).map((file) => file.path));
  // Problems are sorted by file and line at the end, so notes can be visited in any order.
  for (const note of index.noteCursors()) {
    if (unread.size > 0 && unread.has(note.path)) continue;
    notes++;
    if (note.hasOwnId) notesWithId++;
    const path = note.path;
    const ownIdSlot = note.ownIdSlot;
    const targetsKept = targets !== undefined && targets.startNote(path);
    while (note.next()) {
      // Every link's target is taken, counted or not, so the kept list is walked in step with the
      // note and targetAt never has to search (a path V8 would first meet in optimised code).
      const target = targetsKept && note.isLink ? targets?.targetAt(note.from) : undefined;
      if (!note.counts()) continue;
      // A note naming its own ID (its own "ID Title" line) refers to nothing else: not counted, no
      // problem. Compared as slots, so no ID string is made per reference (a reference's slot is
      // never -1, so the second test only says what a note without an ID means).
      if (note.idSlot === ownIdSlot && ownIdSlot !== -1) continue;
      references++;
      const status = note.status;
      if (status === 'resolved') {
        resolved++;
        if (note.isLink) {
          // A kept target, else the link as the index reads it from the note's text.
          const stale = staleLink(note, target === undefined ? note.link() : { target }, path, paths);
          if (stale !== null) problems.push(stale);
        }
      } else if (status === 'unresolved') {
        unresolved++;
        const id = note.id();
        const found = { kind: 'unresolved-id' as const, file: path, line: note.line, id, message: unresolvedMessage(id, null) };
        problems.push(found);
        if (note.form === 'bare') {
          const after = textAfterId(path, note.to());
          // Only a space can start a title (notesTitledAfter asks too): the others are not held.
          if (after !== undefined && after.text[after.idEnd] === ' ') broken.push({ problem: found, id, text: after.text, idEnd: after.idEnd });
        }
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

/** textAfterId from whole texts: each note's asked for once, however many of its bare IDs are broken (textOf may read it again). */
function wholeTextAfterId(textOf: CheckInput['textOf']): (path: string, idEnd: number) => TextAfterId | undefined {
  let lastPath: string | null = null;
  let lastText: string | undefined;
  return (path, idEnd) => {
    if (path !== lastPath) {
      lastPath = path;
      lastText = textOf?.(path);
    }
    return lastText === undefined ? undefined : { text: lastText, idEnd };
  };
}

function problem(kind: Problem['kind'], file: string, line: number, id: string, message: string): Problem {
  return { kind, file, line, id, message };
}

/** A link whose ID resolves but whose target names no file is stale (the note was renamed or moved). */
function staleLink(cursor: ReferenceCursor, link: Pick<LinkParts, 'target'> | undefined, sourcePath: string, paths: LinkPathLookup): Problem | null {
  if (link === undefined) return null;
  const owner = cursor.ownerPath() as string;
  if (linkNamesFile(link, cursor.form, owner) || namesAFile(link, cursor.form, sourcePath, paths)) return null;
  const id = cursor.id();
  return problem('stale-link', sourcePath, cursor.line, id, staleLinkMessage(link.target, id, owner));
}

/**
 * Says in each broken bare ID's message which note it meant, when the text after it is exactly one
 * note's title. Only titles that start like some text after a broken ID are held, so a vault with a
 * handful of broken IDs does not build a map of every title.
 */
function nameBrokenIds(index: CheckIndex, broken: readonly BrokenBareId[]): void {
  const wanted = titlesStartingAfter(broken);
  const titles = new TitleLookup(notesWithId(index, wanted), wanted);
  for (const { problem: found, id, text, idEnd } of broken) {
    const meant = titles.notesTitledAfter(text, idEnd);
    found.message = unresolvedMessage(id, meant.length === 1 ? meant[0] : null);
  }
}

/**
 * Every note with an ID whose title is wanted, through the index's cursor (the ID string is made
 * only for those); one record is reused (the lookup copies what it keeps).
 */
function* notesWithId(index: CheckIndex, wanted: (title: string) => boolean): Iterable<{ path: string; id: string | null; title: string }> {
  const note = { path: '', id: null as string | null, title: '' };
  for (const cursor of index.noteCursors()) {
    // TitleLookup passes over a note without an ID too; skipping it here saves reading its title.
    if (!cursor.hasOwnId) continue;
    const title = cursor.title();
    if (!wanted(title)) continue;
    note.path = cursor.path;
    note.id = cursor.ownId();
    note.title = title;
    yield note;
  }
}
