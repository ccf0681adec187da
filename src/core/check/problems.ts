/** The problems `check` reports, and the messages that tell a person what to do about each. */

export type ProblemKind = 'unresolved-id' | 'ambiguous-id' | 'duplicate-id' | 'stale-link' | 'unreadable-file';

/** One problem, keyed exactly as the command-line contract prints it. `id` is null for unreadable files. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly file: string;
  /** 1-based; file-level problems (duplicate ID, unreadable file) stand on line 1. A duplicate ID
   * is one problem, filed under the first of its notes (path order) and naming all of them. */
  readonly line: number;
  readonly id: string | null;
  readonly message: string;
}

export function unresolvedMessage(id: string, meant: { id: string; path: string } | null): string {
  const base = `No note has the ID ${id}.`;
  if (meant === null) return `${base} Create the note, or correct the ID.`;
  return `${base} The title after it is the title of ${meant.path}: did you mean ${meant.id}?`;
}

export function ambiguousMessage(id: string, paths: readonly string[]): string {
  return `${id} is the ID of ${paths.length} notes (${paths.join(', ')}). Give each note its own ID so that ${id} names one note.`;
}

export function duplicateMessage(id: string, paths: readonly string[]): string {
  return `${id} is the ID of ${paths.length} notes (${paths.join(', ')}). Give each note its own ID; until then every reference to ${id} is ambiguous.`;
}

export function staleLinkMessage(target: string, id: string, ownerPath: string): string {
  return `The link target "${target}" names no file, but ${id} is the ID of ${ownerPath}. Point the link at that note.`;
}

export function unreadableMessage(reason: string): string {
  return `Not checked: ${reason}.`;
}
