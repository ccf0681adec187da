/** The data a repair is made of: edits per file, problems it will not fix, and the plan around them. */
import type { Problem } from '../check/problems';
import type { IdFormat } from '../ids/formats';
import type { LinkStyle } from '../settings';
import type { IdIndexReader, LinkParts, ReferenceForm } from '../types';

export type RepairKind = 'stale-link-target' | 'stale-title' | 'broken-id' | 'link-style';

export const REPAIR_KINDS: readonly RepairKind[] = ['stale-link-target', 'stale-title', 'broken-id', 'link-style'];

/** Replace text[from, to) — which must equal `before` — with `after`. */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly before: string;
  readonly after: string;
}

/** One planned change, with the reason it is made and the ID it is about. */
export interface RepairEdit extends TextEdit {
  readonly kind: RepairKind;
  /** 1-based line of `from`. */
  readonly line: number;
  /** The ID of the reference the edit is about (for a broken ID: the ID as written). */
  readonly id: string;
}

/** The edits for one file, and the exact text they were planned on. */
export interface FileRepairPlan {
  readonly path: string;
  readonly text: string;
  readonly edits: readonly RepairEdit[];
}

export interface RepairPlan {
  /** Only files with at least one edit, sorted by path. */
  readonly files: readonly FileRepairPlan[];
  /** What repair will not fix, as `check` reports it; sorted by file, then line. */
  readonly problems: readonly Problem[];
}

/** Which vault file a link names (null: none), as Obsidian would resolve it from sourcePath. */
export type LinkResolver = (link: LinkParts, form: Exclude<ReferenceForm, 'bare'>, sourcePath: string) => string | null;

/** Everything the planner needs besides the text of the file. */
export interface RepairContext {
  readonly format: IdFormat;
  readonly index: IdIndexReader;
  /** Former titles per ID, oldest first (recorded on rename). */
  readonly renameHistory: ReadonlyMap<string, readonly string[]>;
  readonly linkStyle: LinkStyle;
  readonly resolveLink: LinkResolver;
  /**
   * Whether the link names a file (resolveLink gives a path), answered by cheaper lookups where it
   * can (first whether it names `ownerPath`, the note owning its ID, when given).
   */
  readonly namesFile: (link: LinkParts, form: Exclude<ReferenceForm, 'bare'>, sourcePath: string, ownerPath?: string) => boolean;
}
