/** Human-readable forms of a plan: each edit in its line, and counts by kind. */
import { lineBounds } from './edits';
import { REPAIR_KINDS, type RepairEdit, type RepairKind } from './types';

const CONTEXT_CHARS = 30;

/** An edit shown inside its line: the text around it, trimmed, and the span before and after. */
export interface EditInContext {
  readonly prefix: string;
  readonly before: string;
  readonly after: string;
  readonly suffix: string;
}

export const KIND_LABELS: Readonly<Record<RepairKind, string>> = {
  'stale-link-target': 'stale link target',
  'stale-title': 'stale title',
  'broken-id': 'broken ID',
  'link-style': 'link style',
};

/** The line around an edit, cut to a few words each side so long lines stay readable. */
export function editInContext(text: string, edit: RepairEdit): EditInContext {
  const { start, end } = lineBounds(text, edit.from, edit.to, CONTEXT_CHARS + 1);
  let prefix = text.slice(start, edit.from);
  let suffix = text.slice(edit.to, end);
  if (prefix.length > CONTEXT_CHARS) prefix = '…' + prefix.slice(prefix.length - CONTEXT_CHARS);
  if (suffix.length > CONTEXT_CHARS) suffix = suffix.slice(0, CONTEXT_CHARS) + '…';
  return { prefix, before: edit.before, after: edit.after, suffix };
}

/** How many edits of each kind, in the fixed kind order (kinds with none included). */
export function countByKind(edits: Iterable<Pick<RepairEdit, 'kind'>>): Record<RepairKind, number> {
  const counts = Object.fromEntries(REPAIR_KINDS.map((k) => [k, 0])) as Record<RepairKind, number>;
  for (const edit of edits) counts[edit.kind]++;
  return counts;
}

/** "3 stale titles, 1 broken ID" — only kinds that occur; "no edits" when none. */
export function describeCounts(counts: Readonly<Record<RepairKind, number>>): string {
  const parts = REPAIR_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${KIND_LABELS[k]}${counts[k] === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'no edits' : parts.join(', ');
}
