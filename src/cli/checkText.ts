/** `check`'s text output: a summary, then problems grouped by file, then counts by kind. */
import type { CheckReport, Problem } from '../core/check';
import { compareCodeUnits } from '../core/order';
import { line, plural, toned, type TextLine } from './textLayout';

/** One problem as `check` prints it; `repair` prints the problems it leaves the same way. */
export function problemLine(problem: Pick<Problem, 'kind' | 'line' | 'message'>): TextLine {
  const lead = `  line ${problem.line}  `;
  return {
    segments: [{ text: lead }, toned(problem.kind === 'ambiguous-id' ? 'warning' : 'problem', problem.kind), { text: `  ${problem.message}` }],
    hangingIndent: lead.length + problem.kind.length + 2,
  };
}

export function checkTextLines(report: CheckReport): TextLine[] {
  const lines = [
    line(
      `${plural(report.notes, 'note')} (${report.notesWithId} with an ID), ${plural(report.references, 'reference')}: ` +
        `${report.resolved} resolved, ${report.unresolved} unresolved, ${report.ambiguous} ambiguous.`,
    ),
  ];
  if (report.problems.length === 0) return [...lines, line('No problems found.')];
  let file: string | null = null;
  for (const problem of report.problems) {
    if (problem.file !== file) {
      file = problem.file;
      lines.push(line(''), line(toned('strong', file)));
    }
    lines.push(problemLine(problem));
  }
  lines.push(line(''), line(`${plural(report.problems.length, 'problem')}: ${countsByKind(report.problems)}.`));
  return lines;
}

function countsByKind(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareCodeUnits(a, b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
}
