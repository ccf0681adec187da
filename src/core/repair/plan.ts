/**
 * The repair planner: for one file's text, the edits that fix stale link targets, stale titles after
 * bare IDs, broken bare IDs and (optionally) link style, and the problems it will not guess at.
 * Every edit is checked to be a fixed point, so planning again on the repaired text finds nothing.
 */
import { ambiguousMessage, duplicateMessage, staleLinkMessage, unresolvedMessage, type Problem, type ProblemKind } from '../check/problems';
import { idInLinkTarget } from '../ids/links';
import { findIdsInProse } from '../ids/prose';
import { compareCodeUnits } from '../order';
import { scanReferences } from '../ids/scanner';
import type { LinkParts, NoteRecord, ScannedReference } from '../types';
import { linkNamesAFile } from './context';
import { lineBounds, lineCounter } from './edits';
import { markdownCandidates, unlinkableCharacter, wikilinkCandidates } from './targets';
import { TitleLookup, type TitledNote } from '../index/titleLookup';
import { longestTitleAfter } from './titles';
import type { FileRepairPlan, RepairContext, RepairEdit, RepairKind, RepairPlan } from './types';

/** The plan for one file: its edits (possibly none) and its problems. */
export interface FileRepairResult {
  readonly plan: FileRepairPlan;
  readonly problems: readonly Problem[];
}

export interface RepairPlanner {
  planFile(path: string, text: string): FileRepairResult;
  planVault(files: Iterable<{ readonly path: string; readonly text: string }>): RepairPlan;
  /** Plans files one at a time as they arrive, keeping only the text of files that get edits. */
  collector(): PlanCollector;
}

export interface PlanCollector {
  add(path: string, text: string): void;
  finish(): RepairPlan;
}

interface PlannedChange {
  readonly edit?: Omit<RepairEdit, 'line'>;
  readonly problem?: { readonly kind: ProblemKind; readonly id: string; readonly message: string };
}

const NOTHING: PlannedChange = {};
// Characters that cannot stand inside a wikilink's display text without changing its meaning.
const UNLINKABLE = /[[\]|\r\n]/;

/** A planner bound to one index state; reuse it across the files of one run. */
export function createRepairPlanner(context: RepairContext): RepairPlanner {
  const { index, format } = context;
  let titleLookup: TitleLookup | null = null;
  // The first characters of every note's title: text after a broken ID that starts none of them
  // is told at once, without the lookup of every title (built only when some text may need it).
  let titleHeads: Set<string> | null = null;
  const notesTitledAfter = (text: string, idEnd: number): readonly TitledNote[] => {
    // The lookup's own first test: a title follows one space.
    if (text[idEnd] !== ' ') return [];
    titleHeads ??= new Set(Array.from(index.notes(), (note) => note.title.slice(0, TITLE_HEAD)));
    const start = idEnd + 1;
    let startsOne = false;
    for (let length = 1; length <= TITLE_HEAD && !startsOne; length++) startsOne = titleHeads.has(text.slice(start, start + length));
    if (!startsOne) return [];
    titleLookup ??= new TitleLookup(index.notes());
    return titleLookup.notesTitledAfter(text, idEnd);
  };
  const titlesOf = (note: NoteRecord): string[] => {
    const former = note.id === null ? undefined : context.renameHistory.get(note.id);
    return former === undefined ? [note.title] : [note.title, ...former];
  };
  // The index's duplicate IDs, taken once per index revision rather than once per note planned.
  let duplicates: { revision: number; owners: ReadonlyMap<string, readonly string[]> } | null = null;
  // Note records by path, taken once per index revision: a vault's references name the same few
  // thousand notes over and over.
  let records: { revision: number; byPath: Map<string, NoteRecord | undefined> } | null = null;
  const noteAt = (path: string): NoteRecord | undefined => {
    if (records === null || records.revision !== index.revision) records = { revision: index.revision, byPath: new Map() };
    let record = records.byPath.get(path);
    if (record === undefined && !records.byPath.has(path)) {
      record = index.note(path);
      records.byPath.set(path, record);
    }
    return record;
  };
  const sharingOwners = (id: string): readonly string[] | undefined => {
    if (duplicates === null || duplicates.revision !== index.revision) duplicates = { revision: index.revision, owners: index.duplicates() };
    return duplicates.owners.get(id);
  };

  /** The shortest target that names the owner and still shows its ID (so the link stays a reference). */
  function chooseTarget(id: string, link: LinkParts, form: 'wikilink' | 'markdown', sourcePath: string, ownerPath: string, angled: boolean): string | null {
    const candidates =
      form === 'wikilink' ? wikilinkCandidates(ownerPath, link.target) : markdownCandidates(ownerPath, link.target, sourcePath, angled);
    for (const target of candidates) {
      if (idInLinkTarget(target, format)?.id !== id) continue;
      // Resolution reads the target alone; the rest of the probe is the link as written.
      const probe: LinkParts = { ...link, target, targetTo: link.targetFrom + target.length };
      if (context.resolveLink(probe, form, sourcePath) === ownerPath) return target;
    }
    return null;
  }

  /**
   * Whether a wikilink written over [from, to) would read otherwise: after `!` it is an embed, after
   * `\` its first bracket is escaped, and a `[` before or a `]` after makes three brackets in a row.
   */
  function clashesWithBrackets(text: string, from: number, to: number): boolean {
    const before = text.charCodeAt(from - 1);
    return before === 33 || before === 92 || before === 91 || text.charCodeAt(to) === 93;
  }

  /** `[[target|display]]` for a bare reference, or null when no wikilink would name the owner. */
  function wikilinkFor(display: string, owner: NoteRecord, sourcePath: string, inTable: () => boolean): string | null {
    if (UNLINKABLE.test(display)) return null;
    // A link not yet written: only its target (none) matters to the candidates.
    const blank: LinkParts = { from: 0, to: 0, embed: false, target: '', targetFrom: 0, targetTo: 0, subpath: '', display: null };
    const target = chooseTarget(owner.id ?? '', blank, 'wikilink', sourcePath, owner.path, false);
    if (target === null) return null;
    if (target === display) return `[[${target}]]`;
    // An alias's '|' would split a table row into a new cell.
    if (inTable()) return null;
    return `[[${target}|${display}]]`;
  }

  function planBare(ref: ScannedReference, text: string, path: string): PlannedChange {
    const resolution = index.resolve(ref.id);
    if (resolution.status === 'ambiguous') return NOTHING;
    let owner: NoteRecord | undefined;
    let kind: RepairKind | null = null;
    let titleEnd: number | null = null;
    let after: string;
    if (resolution.status === 'unresolved') {
      const candidates = notesTitledAfter(text, ref.to);
      if (candidates.length !== 1) {
        // Worded as `check` words the same problem.
        const message =
          candidates.length === 0
            ? unresolvedMessage(ref.id, null)
            : `No note has the ID ${ref.id}. The text after it fits several notes (${candidates.map((n) => n.path).join(', ')}); correct the ID.`;
        return { problem: { kind: 'unresolved-id', id: ref.id, message } };
      }
      owner = candidates[0];
      // The title lookup holds notes with IDs only.
      const newId = owner.id ?? '';
      const match = longestTitleAfter(text, ref.to, titlesOf(owner));
      if (index.resolve(newId).status !== 'resolved' || match === null || match.title !== owner.title) {
        const message = `${ref.id} names no note; the title after it is "${owner.title}" but its ID ${newId} cannot be used`;
        return { problem: { kind: 'unresolved-id', id: ref.id, message } };
      }
      kind = 'broken-id';
      titleEnd = match.end;
      after = newId + text.slice(ref.to, titleEnd);
    } else {
      // With no former title anywhere and no wikilink style, nothing below can edit a resolved ID.
      if (context.renameHistory.size === 0 && context.linkStyle !== 'wikilink') return NOTHING;
      owner = noteAt(resolution.paths[0]);
      // A resolved ID's owner has a record in every index; a reader that answers otherwise gets no edit.
      if (owner === undefined) return NOTHING;
      const titles = titlesOf(owner);
      const match = longestTitleAfter(text, ref.to, titles);
      titleEnd = match?.end ?? null;
      after = text.slice(ref.from, titleEnd ?? ref.to);
      // A note named by its ID alone has its ID for a title (no title is empty): no title to write after the ID.
      if (match !== null && match.title !== owner.title && owner.title !== '' && owner.title !== owner.id) {
        const longest = Math.max(...titles.map((t) => t.length));
        const repaired = ref.id + ' ' + owner.title + text.slice(match.end, match.end + longest + 2);
        if (longestTitleAfter(repaired, ref.id.length, titles)?.title !== owner.title) return NOTHING;
        kind = 'stale-title';
        after = ref.id + ' ' + owner.title;
      }
    }
    const spanEnd = titleEnd ?? ref.to;
    // A note naming itself (its own "ID Title" line) is no link to anywhere.
    if (context.linkStyle === 'wikilink' && owner.path !== path && !clashesWithBrackets(text, ref.from, spanEnd)) {
      const link = wikilinkFor(after, owner, path, () => inTableRow(text, ref.from));
      if (link !== null) return { edit: { kind: kind ?? 'link-style', id: ref.id, from: ref.from, to: spanEnd, before: text.slice(ref.from, spanEnd), after: link } };
    }
    if (kind === 'broken-id') return { edit: { kind, id: ref.id, from: ref.from, to: ref.to, before: ref.id, after: owner.id ?? '' } };
    if (kind === 'stale-title') {
      return { edit: { kind, id: ref.id, from: ref.to + 1, to: spanEnd, before: text.slice(ref.to + 1, spanEnd), after: owner.title } };
    }
    return NOTHING;
  }

  /** The bare text a wikilink becomes under the 'bare' style, or null when it would not read the same. */
  function bareFor(ref: ScannedReference, link: LinkParts, target: string, owner: NoteRecord, text: string): string | null {
    if (link.embed || link.subpath !== '') return null;
    const display = link.display ?? target;
    if (display !== ref.id && display !== `${ref.id} ${owner.title}`) return null;
    const windowStart = Math.max(0, link.from - 32);
    const probe = text.slice(windowStart, link.from) + display + text.slice(link.to, link.to + 32);
    const at = link.from - windowStart;
    const stillAnId = findIdsInProse(probe, format).some((m) => m.from === at && m.id === ref.id);
    return stillAnId ? display : null;
  }

  function planLink(ref: ScannedReference, link: LinkParts, text: string, path: string): PlannedChange {
    const form = ref.form === 'markdown' ? 'markdown' : 'wikilink';
    const resolution = index.resolve(ref.id);
    // Only whether the link names a file matters here, not which: the cheap test comes first.
    const ownerPath = resolution.status === 'resolved' ? resolution.paths[0] : undefined;
    const named = linkNamesAFile(context, link, form, path, ownerPath);
    if (resolution.status !== 'resolved') {
      if (named) return NOTHING;
      const message = resolution.status === 'unresolved' ? unresolvedMessage(ref.id, null) : ambiguousMessage(ref.id, resolution.paths);
      return { problem: { kind: resolution.status === 'unresolved' ? 'unresolved-id' : 'ambiguous-id', id: ref.id, message } };
    }
    const owner = noteAt(resolution.paths[0]);
    // As in planBare: never undefined for a resolved ID.
    if (owner === undefined) return NOTHING;
    let target = link.target;
    let kind: RepairKind | null = null;
    if (!named) {
      // `(<…>)`: a markdown destination in angle brackets, whose new target keeps its spaces as
      // written (a wikilink's target follows `[[`).
      const angled = text.charCodeAt(link.targetFrom - 1) === 60;
      const repointed = chooseTarget(ref.id, link, form, path, owner.path, angled);
      if (repointed === null) {
        const unlinkable = form === 'wikilink' ? unlinkableCharacter(owner.path) : null;
        const message =
          unlinkable === null
            ? staleLinkMessage(link.target, ref.id, owner.path)
            : `The link target "${link.target}" names no file, but ${ref.id} is the ID of ${owner.path}, which no wikilink can name (it holds "${unlinkable}"). Rename the note or use a markdown link.`;
        return { problem: { kind: 'stale-link', id: ref.id, message } };
      }
      target = repointed;
      kind = 'stale-link-target';
    }
    if (context.linkStyle === 'bare' && form === 'wikilink') {
      const bare = bareFor(ref, link, target, owner, text);
      if (bare !== null) {
        return { edit: { kind: kind ?? 'link-style', id: ref.id, from: link.from, to: link.to, before: text.slice(link.from, link.to), after: bare } };
      }
    }
    if (kind === null) return NOTHING;
    return { edit: { kind, id: ref.id, from: link.targetFrom, to: link.targetTo, before: text.slice(link.targetFrom, link.targetTo), after: target } };
  }

  function planFile(path: string, text: string): FileRepairResult {
    const edits: RepairEdit[] = [];
    const problems: Problem[] = [];
    const line = lineCounter(text);
    const ownId = index.note(path)?.id ?? null;
    const sharing = ownId === null ? undefined : sharingOwners(ownId);
    if (ownId !== null && sharing !== undefined) {
      // Listed under each note that has the ID (a single note can be repaired), worded as check words it.
      problems.push({ kind: 'duplicate-id', file: path, line: 1, id: ownId, message: duplicateMessage(ownId, sharing) });
    }
    let consumedUntil = 0;
    for (const ref of scanReferences(text, format)) {
      if (ref.from < consumedUntil) continue;
      if (!index.isKnownId(ref.id) && !format.isPlausible(ref.id)) continue;
      const change = ref.link ? planLink(ref, ref.link, text, path) : planBare(ref, text, path);
      if (change.edit && change.edit.before !== change.edit.after) {
        edits.push({ ...change.edit, line: line(change.edit.from) });
        consumedUntil = Math.max(ref.link?.to ?? ref.to, change.edit.to);
      } else if (change.problem) {
        const { kind, id, message } = change.problem;
        problems.push({ kind, file: path, line: line(ref.from), id, message });
      }
    }
    return { plan: { path, text, edits }, problems };
  }

  function collector(): PlanCollector {
    const planned: FileRepairPlan[] = [];
    const problems: Problem[] = [];
    return {
      add(path, text) {
        const result = planFile(path, text);
        if (result.plan.edits.length > 0) planned.push(result.plan);
        problems.push(...result.problems);
      },
      finish() {
        planned.sort((a, b) => compareCodeUnits(a.path, b.path));
        problems.sort((a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.kind, b.kind));
        return { files: planned, problems };
      },
    };
  }

  function planVault(files: Iterable<{ readonly path: string; readonly text: string }>): RepairPlan {
    const plan = collector();
    for (const file of files) plan.add(file.path, file.text);
    return plan.finish();
  }

  return { planFile, planVault, collector };
}

/** Plans one file (builds a planner; use createRepairPlanner to plan many). */
export function planFileRepairs(path: string, text: string, context: RepairContext): FileRepairResult {
  return createRepairPlanner(context).planFile(path, text);
}

/** Plans every given file: only files with edits are listed, problems from all of them. */
export function planRepairs(files: Iterable<{ readonly path: string; readonly text: string }>, context: RepairContext): RepairPlan {
  return createRepairPlanner(context).planVault(files);
}

/** Characters of a title that the text after a broken ID must start with for the title to follow it. */
const TITLE_HEAD = 6;

/** Longest line prefix looked at to tell a table row; a longer one is treated as a row, to be safe. */
const TABLE_SCAN_LIMIT = 4096;

/** Whether the offset stands in a table row (the line's first non-blank character is '|'). */
function inTableRow(text: string, offset: number): boolean {
  const { start } = lineBounds(text, offset, offset, TABLE_SCAN_LIMIT);
  if (offset - start >= TABLE_SCAN_LIMIT) return true;
  let at = start;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === '|';
}
