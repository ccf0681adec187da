/** Human-readable forms of a plan: each edit in its line, counts by kind, and the whole plan as Markdown. */
import { lineBounds } from './edits';
import { REPAIR_KINDS, type RepairEdit, type RepairKind, type RepairPlan } from './types';

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

function code(text: string): string {
  const visible = text.replace(/\r/g, '␍').replace(/\n/g, '␊').replace(/\|/g, '\\|');
  const fence = visible.includes('`') ? '``' : '`';
  return visible === '' ? '(nothing)' : `${fence}${fence === '``' ? ' ' : ''}${visible}${fence === '``' ? ' ' : ''}${fence}`;
}

/** The plan as Markdown: counts, every file with its edits in context, and the problems left. */
export function renderPlanMarkdown(plan: RepairPlan): string {
  const edits = plan.files.flatMap((f) => f.edits);
  const out: string[] = ['# Repair plan', ''];
  out.push(`${edits.length} edit${edits.length === 1 ? '' : 's'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}: ${describeCounts(countByKind(edits))}.`);
  out.push(`${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'} will not be fixed.`, '');
  for (const file of plan.files) {
    out.push(`## ${file.path}`, '', '| Line | Kind | Before | After |', '| --- | --- | --- | --- |');
    for (const edit of file.edits) {
      const shown = editInContext(file.text, edit);
      out.push(`| ${edit.line} | ${edit.kind} | ${code(shown.prefix + shown.before + shown.suffix)} | ${code(shown.prefix + shown.after + shown.suffix)} |`);
    }
    out.push('');
  }
  if (plan.problems.length > 0) {
    out.push('## Problems that will not be fixed', '');
    for (const problem of plan.problems) out.push(`- ${problem.file}:${problem.line} — ${problem.kind} — ${problem.message}`);
    out.push('');
  }
  return out.join('\n');
}
