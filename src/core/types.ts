/**
 * Shapes shared by every part of the core. Offsets are 0-based UTF-16 code units into the text that
 * was scanned; lines and columns are 1-based. Paths are vault-relative with '/' separators.
 */

export type ReferenceForm = 'bare' | 'wikilink' | 'markdown';
export type ResolutionStatus = 'resolved' | 'unresolved' | 'ambiguous';

/** The parts of a wikilink or markdown link that holds an ID, as written in the text. */
export interface LinkParts {
  /** The whole link, including a leading '!' for embeds. */
  readonly from: number;
  readonly to: number;
  readonly embed: boolean;
  /** Wikilink: the path before '#'/'|'. Markdown: the destination without '#…', still URL-encoded. */
  readonly target: string;
  readonly targetFrom: number;
  readonly targetTo: number;
  /** '#Heading', '#^block' or ''. */
  readonly subpath: string;
  /** Wikilink alias after '|', markdown link text; null for a wikilink without alias. */
  readonly display: string | null;
}

/** One reference the scanner found: where the ID stands and, for links, the link around it. */
export interface ScannedReference {
  readonly id: string;
  readonly form: ReferenceForm;
  /** The ID itself (for links: the ID inside the target). */
  readonly from: number;
  readonly to: number;
  readonly link?: LinkParts;
}

/** A plain ID occurrence in a piece of prose (no Markdown structure). */
export interface IdMatch {
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/** How an ID resolves against the index. `paths` is sorted; empty when unresolved. */
export interface Resolution {
  readonly id: string;
  readonly status: ResolutionStatus;
  readonly paths: readonly string[];
}

/** What the index knows of one note, without its references. */
export interface NoteRecord {
  readonly path: string;
  /** The note's own ID (from file name, folder or frontmatter), or null. */
  readonly id: string | null;
  /** Display title: the file name without extension and without the leading ID and separator
   * (for `ID/README.md` notes: the first heading, else the ID). */
  readonly title: string;
}

/** A reference as the index keeps it: where it stands and the line it stands in. */
export interface IndexedReference {
  readonly id: string;
  readonly form: ReferenceForm;
  readonly from: number;
  readonly to: number;
  /** 1-based line and column (UTF-16 units) of the ID. */
  readonly line: number;
  readonly column: number;
  /** The line the reference stands in, trimmed around the ID (for context display). */
  readonly context: string;
  readonly link?: LinkParts;
}

/** An incoming reference: which note holds it, and the reference itself. */
export interface IncomingReference {
  readonly sourcePath: string;
  readonly reference: IndexedReference;
}

/**
 * A note's stored references one at a time, numbers first: walking a whole vault through it makes
 * no object per reference. Strings (ID, context, link texts) are made only when asked for.
 * Valid until the index next changes.
 */
export interface ReferenceCursor {
  /** Moves to the next reference (counting or not, in text order); false after the last. */
  next(): boolean;
  /** Equal for two references to the same ID (an opaque number, stable while the index is unchanged). */
  readonly idSlot: number;
  readonly from: number;
  readonly line: number;
  readonly column: number;
  readonly form: ReferenceForm;
  readonly isLink: boolean;
  /** How the reference's ID resolves now. */
  readonly status: ResolutionStatus;
  /** Whether the reference counts (its ID names a note or is a plausible timestamp). */
  counts(): boolean;
  id(): string;
  to(): number;
  /** The line the reference stands in, trimmed around the ID; '' when the note's text is not at hand. */
  context(): string;
  /** The link around the ID; undefined for bare IDs and when the note's text is not at hand. */
  link(): LinkParts | undefined;
  /** The reference as referencesOf hands it out. */
  reference(): IndexedReference;
  /** The path of the one note owning the reference's ID; null when none or several do. */
  ownerPath(): string | null;
}

/** A cursor over the references of the note it stands on, which it can tell about too. */
export interface NoteCursor extends ReferenceCursor {
  readonly path: string;
  readonly hasOwnId: boolean;
  /** The note's own ID as an `idSlot` (compare with references' idSlot), or -1. */
  readonly ownIdSlot: number;
  ownId(): string | null;
  title(): string;
}

/**
 * An index's notes and IDs as numbers, for walks over thousands of them (the chain): each step is
 * an array read, not a lookup by string. Numbers are valid until the index next changes.
 */
export interface IndexGraph {
  /** The note's number, or -1 when the index does not hold the path. */
  noteOf(path: string): number;
  path(note: number): string;
  title(note: number): string;
  /** The number of the note's own ID, or -1. */
  ownId(note: number): number;
  /** The ID's number, or -1 when no note owns or references it. */
  idOf(id: string): number;
  idString(id: number): string;
  status(id: number): ResolutionStatus;
  /** The one note owning the ID, or -1 (none, or several). */
  owner(id: number): number;
  /**
   * The distinct IDs the note references where they count, its own ID left out, in order of first
   * reference, with how many references name each.
   */
  outgoing(note: number): { readonly ids: readonly number[]; readonly mentions: readonly number[] };
  /** How many IDs `outgoing` lists for the note, found without listing them. */
  outgoingCount(note: number): number;
  /**
   * The notes referencing the ID where it counts, in path order, its owners left out, with how many
   * references each holds to it.
   */
  incoming(id: number): { readonly notes: readonly number[]; readonly mentions: readonly number[] };
  /** The context line of the note's first reference to the ID; null when it holds none that counts. */
  context(note: number, id: number): string | null;
}

/** Read access to the ID index, shared by every surface (editor, reading view, chain, repair). */
export interface IdIndexReader {
  /** Increases on every applied change. */
  readonly revision: number;
  resolve(id: string): Resolution;
  /** Whether any note owns the ID (used with format.isPlausible to decide what counts as an ID). */
  isKnownId(id: string): boolean;
  note(path: string): NoteRecord | undefined;
  notes(): Iterable<NoteRecord>;
  /** The note's references that count (known IDs or plausible timestamps), in text order. */
  referencesOf(path: string): readonly IndexedReference[];
  /** References to the ID from every note, sorted by source path then offset. */
  referencesTo(id: string): readonly IncomingReference[];
  /** IDs owned by more than one note, each with its sorted paths. */
  duplicates(): ReadonlyMap<string, readonly string[]>;
}

/** Which IDs changed resolution, as features hear it: a set, or 'all' after a rebuild or a settings change. */
export type IndexChange = ReadonlySet<string> | 'all';
