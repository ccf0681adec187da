/**
 * Which notes a repair plan must read: what the index stored of a note (its references in text
 * order, how each resolves, where its links stand) tells, for most notes, that planning the note
 * would find no edit and no problem, so it need not be read or scanned. The rules mirror the
 * planner's (plan.ts) reference by reference, and the answer is exact for the text the index
 * scanned: callers screen a note only while the index is current for it.
 */
import { isScanned, type NoteInput } from '../index/scannedNote';
import type { IdIndexReader, ReferenceCursor, ReferenceForm } from '../types';
import { linkNamesAFile } from './context';
import type { RepairContext } from './types';

/** The index as the screen reads it: the reader, and a note's stored references in text order. */
export interface ScreenableIndex extends IdIndexReader {
  /**
   * Every stored reference of the note (counting or not), in text order; empty for unknown paths.
   * With `text`, link parts are read from it, and only if it is the text the note was scanned from.
   */
  cursor(path: string, text?: string): ReferenceCursor;
  /** The note's facts as stored: scanned from a text, or given whole (a note known by name alone, too). */
  storedFacts(path: string): NoteInput | undefined;
}

/**
 * What the index tells of a note before it is read: `nothing` to plan; `links` when the only
 * question left is whether its links name files (answered from its text, without scanning it);
 * `plan` when it must be read and planned.
 */
export type Screening = 'nothing' | 'links' | 'plan';

export interface NoteScreen {
  screen(path: string): Screening;
  /** Whether a note screened `links` or `plan` must be planned, given the text just read (the one the index scanned). */
  needsPlanning(path: string, screening: Screening, text: string): boolean;
}

/** A screen bound to one index and repair context; reuse it across the notes of one run. */
export function createNoteScreen(index: ScreenableIndex, context: RepairContext): NoteScreen {
  let duplicates: { revision: number; ids: ReadonlyMap<string, readonly string[]> } | null = null;
  const duplicateIds = (): ReadonlyMap<string, readonly string[]> => {
    if (duplicates === null || duplicates.revision !== index.revision) duplicates = { revision: index.revision, ids: index.duplicates() };
    return duplicates.ids;
  };

  function screen(path: string): Screening {
    const note = index.note(path);
    if (note === undefined) return 'plan';
    // The planner lists a duplicate ID under each note that has it.
    if (note.id !== null && duplicateIds().has(note.id)) return 'plan';
    const { linkStyle, renameHistory } = context;
    let links = false;
    let references = false;
    const cursor = index.cursor(path);
    while (cursor.next()) {
      references = true;
      // The planner passes over what is neither a known ID nor a plausible timestamp; so does this.
      if (!cursor.counts()) continue;
      const status = cursor.status;
      if (cursor.isLink) {
        // A wikilink may be turned bare; anything else about a link hangs on whether it names a file.
        if (status === 'resolved' && linkStyle === 'bare' && cursor.form === 'wikilink') return 'plan';
        links = true;
        continue;
      }
      // Bare: an ambiguous ID is left alone; an unresolved one is a problem or a broken-ID edit.
      if (status === 'ambiguous') continue;
      if (status === 'unresolved') return 'plan';
      const ownerPath = cursor.ownerPath();
      if (ownerPath === null) return 'plan';
      // Only the wikilink style (towards another note) or a former title can edit a resolved bare ID.
      if (linkStyle === 'wikilink' && ownerPath !== path) return 'plan';
      if (renameHistory.size > 0) {
        const ownerId = index.note(ownerPath)?.id;
        if (ownerId === undefined || ownerId === null || renameHistory.has(ownerId)) return 'plan';
      }
    }
    if (links) return 'links';
    // No reference stored: a note read and scanned holds none, but one the index knows by its name
    // alone (not read yet, or unreadable when it was) may hold any.
    return references || scannedFromText(path) ? 'nothing' : 'plan';
  }

  function scannedFromText(path: string): boolean {
    const facts = index.storedFacts(path);
    return facts !== undefined && isScanned(facts);
  }

  /** Whether every counting link of the note names a file, read from its text; false when unsure. */
  function linksNameFiles(path: string, text: string): boolean {
    const cursor = index.cursor(path, text);
    while (cursor.next()) {
      if (!cursor.isLink || !cursor.counts()) continue;
      const link = cursor.link();
      const form: Exclude<ReferenceForm, 'bare'> = cursor.form === 'markdown' ? 'markdown' : 'wikilink';
      if (link === undefined || !linkNamesAFile(context, link, form, path, cursor.ownerPath() ?? undefined)) return false;
    }
    return true;
  }

  return {
    screen,
    needsPlanning: (path, screening, text) => screening === 'plan' || (screening === 'links' && !linksNameFiles(path, text)),
  };
}

/**
 * The files of `paths` a plan must look at, each read (by `read`; undefined: left out) only when
 * screening cannot rule it out, in the order given.
 */
export function* filesToPlan(paths: Iterable<string>, read: (path: string) => string | undefined, screen: NoteScreen): Generator<{ path: string; text: string }> {
  for (const path of paths) {
    const screening = screen.screen(path);
    if (screening === 'nothing') continue;
    const text = read(path);
    if (text !== undefined && screen.needsPlanning(path, screening, text)) yield { path, text };
  }
}
