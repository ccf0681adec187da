/**
 * `repair`'s text output, laid out like `check`'s: notes in path order, each with its edits and
 * the problems left in it by line, then a blank line and the summary. An empty plan is one line.
 */
import { countByKind, describeCounts, editInContext } from '../core/repair/render';
import { compareCodeUnits } from '../core/order';
import type { Problem } from '../core/check';
import type { RepairEdit, RepairPlan } from '../core/repair/types';
import { problemLine } from './checkText';
import { line, plural, toned, type TextLine } from './textLayout';

/** What --apply did; null for a dry run. */
export interface RepairOutcomeSummary {
  readonly written: number;
  readonly notWritten: number;
}

type Entry = { readonly line: number; readonly problem: Problem } | { readonly line: number; readonly edit: RepairEdit; readonly text: string };

/** The plan as text lines; `notes` is how many notes were read, for the one-line empty plan. */
export function repairTextLines(plan: RepairPlan, outcome: RepairOutcomeSummary | null, notes: number): TextLine[] {
  const edits = plan.files.flatMap((f) => f.edits);
  if (edits.length === 0 && plan.problems.length === 0) {
    return [line(`Nothing to repair: no stale or broken ID references in ${plural(notes, 'note')}.`)];
  }
  const byFile = new Map<string, Entry[]>();
  const entriesOf = (file: string): Entry[] => {
    let list = byFile.get(file);
    if (list === undefined) byFile.set(file, (list = []));
    return list;
  };
  for (const problem of plan.problems) entriesOf(problem.file).push({ line: problem.line, problem });
  for (const file of plan.files) for (const edit of file.edits) entriesOf(file.path).push({ line: edit.line, edit, text: file.text });
  const out: TextLine[] = [];
  for (const file of [...byFile.keys()].sort(compareCodeUnits)) {
    out.push(line(''), line(toned('strong', file)));
    // Stable: on one line, problems (found first) stay before edits.
    for (const entry of [...entriesOf(file)].sort((a, b) => a.line - b.line)) {
      if ('problem' in entry) out.push(problemLine(entry.problem));
      else out.push(...editLines(entry.edit, entry.text));
    }
  }
  out.shift();
  out.push(line(''), ...summary(plan, edits, outcome));
  return out;
}

function editLines(edit: RepairEdit, text: string): TextLine[] {
  const shown = editInContext(text, edit);
  const prefix = visible(shown.prefix);
  const suffix = visible(shown.suffix);
  return [
    line(`  line ${edit.line}  `, toned('strong', edit.kind)),
    { segments: [{ text: '    before  ' + prefix }, toned('removed', visible(shown.before) || '(nothing)'), { text: suffix }], hangingIndent: 12 },
    { segments: [{ text: '    after   ' + prefix }, toned('added', visible(shown.after) || '(nothing)'), { text: suffix }], hangingIndent: 12 },
  ];
}

/** Line breaks and tabs inside an edit's context, shown rather than printed. */
function visible(text: string): string {
  return text.replace(/\r/g, '␍').replace(/\n/g, '␊').replace(/\t/g, '⇥');
}

function summary(plan: RepairPlan, edits: readonly RepairEdit[], outcome: RepairOutcomeSummary | null): TextLine[] {
  const left = plan.problems.length === 0 ? '.' : `; ${plural(plan.problems.length, 'problem')} left for you to fix (listed above).`;
  if (edits.length === 0) return [line(`Nothing to repair${left}`)];
  const planned = `${plural(edits.length, 'edit')} in ${plural(plan.files.length, 'file')}: ${describeCounts(countByKind(edits))}${left}`;
  if (outcome === null) return [line(planned), line('Dry run: nothing was written. Run again with --apply to write these edits.')];
  // Each reason says whether running again can help (a note that changed) or not (a read-only note).
  const failed = outcome.notWritten === 0 ? '' : ` ${outcome.notWritten} not written; each one's reason is on stderr.`;
  return [line(planned), line(`Wrote ${outcome.written} of ${plural(plan.files.length, 'file')}.${failed}`)];
}
