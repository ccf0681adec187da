/** Locates the shared real-world corpora beside the project; absent in a user's clone, where their tests skip. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

export const CORPORA = path.resolve(__dirname, '../../../shared/corpora');

/** Runs `body` against the corpus folder, or reports the suite as skipped (with why) when it is absent. */
export function describeCorpus(name: string, body: (vault: string) => void): void {
  const vault = path.join(CORPORA, name);
  if (!existsSync(vault)) {
    describe.skip(`${name}: corpus not found at ${vault} (it lives outside the repository; nothing to test)`, () => {
      it('needs the corpus', () => undefined);
    });
    return;
  }
  describe(name, () => body(vault));
}

/** Every `ID/README.md` note of a zet-style corpus, as vault paths. */
export function folderNotes(vault: string): string[] {
  return readdirSync(vault)
    .filter((entry) => existsSync(path.join(vault, entry, 'README.md')))
    .map((entry) => `${entry}/README.md`)
    .sort();
}

const texts = new Map<string, string>();

/** A note's text, read once per test run. */
export function readNote(vault: string, note: string): string {
  const file = path.join(vault, note);
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    texts.set(file, text);
  }
  return text;
}

/** `rows` grouped by file, each group in the order given. */
export function byFile<T extends { file: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.file);
    if (group === undefined) groups.set(row.file, [row]);
    else group.push(row);
  }
  return groups;
}

/** The lines of a note outside fenced code blocks (``` or ~~~), with their 1-based numbers: an oracle independent of the scanner. */
export function linesOutsideFences(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, i) => {
    // CommonMark: a backtick fence's info string holds no backtick (```x``` is inline code); a closing fence holds nothing else.
    const marker = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})(.*)$/.exec(line);
    if (marker !== null && fence === null) {
      fence = marker[1];
      return;
    }
    if (marker !== null && fence !== null && marker[1][0] === fence[0] && marker[1].length >= fence.length && marker[2].trim() === '') {
      fence = null;
      return;
    }
    if (fence === null) lines.push({ line: i + 1, text: line });
  });
  return lines;
}

export interface CheckJson {
  notes: number; notesWithId: number; references: number; resolved: number; unresolved: number; ambiguous: number;
  problems: { kind: string; file: string; line: number; id: string | null; message: string }[];
}

export interface RefJson {
  file: string; id: string; form: string; line: number; column: number; from: number; to: number; status: string; targets: string[]; self: boolean;
}

const KINDS = ['unresolved-id', 'ambiguous-id', 'duplicate-id', 'stale-link', 'unreadable-file'];

/** What the contract promises of every check report, whatever the vault. */
export function expectCheckInvariants(report: CheckJson): void {
  expect(report.references).toBe(report.resolved + report.unresolved + report.ambiguous);
  expect(report.notesWithId).toBeLessThanOrEqual(report.notes);
  for (const problem of report.problems) {
    expect(Object.keys(problem)).toStrictEqual(['kind', 'file', 'line', 'id', 'message']);
    expect(KINDS).toContain(problem.kind);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.message).not.toBe('');
  }
  const order = report.problems.map((p) => [p.file, p.line] as const);
  const sorted = [...order].sort(([fa, la], [fb, lb]) => (fa < fb ? -1 : fa > fb ? 1 : la - lb));
  expect(order).toStrictEqual(sorted);
}

/** What the contract promises of every refs row: the offsets and line/column point at the ID in the text. */
export function expectRowsPointAtIds(rows: readonly RefJson[], textOf: (file: string) => string): void {
  const wrong: string[] = [];
  for (const row of rows) {
    const text = textOf(row.file);
    const lineStart = text.lastIndexOf('\n', row.from - 1) + 1;
    const line = countLines(text, lineStart);
    const targetsSorted = row.targets.every((t, i) => i === 0 || row.targets[i - 1] < t);
    const expectedTargets = row.status === 'unresolved' ? 0 : row.status === 'resolved' ? 1 : 2;
    if (
      text.slice(row.from, row.to) !== row.id || row.column !== row.from - lineStart + 1 || row.line !== line ||
      !targetsSorted || Math.min(row.targets.length, 2) !== expectedTargets
    ) {
      wrong.push(JSON.stringify(row));
    }
  }
  expect(wrong).toStrictEqual([]);
}

function countLines(text: string, upTo: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < upTo; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
