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
