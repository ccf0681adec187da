/** `refs`: every reference in the given notes, in text order. */
import type { IdIndexReader, ResolutionStatus } from '../../core/types';
import { UsageError } from '../errors';
import { locateNote } from '../locateNote';
import { line, plural, PLAIN, renderLines, toned, type TextLine } from '../textLayout';
import { writeJson, type CliCommand } from './command';

/** One reference, keyed exactly as the command-line contract prints it. */
export interface ReferenceRow {
  readonly file: string;
  readonly id: string;
  readonly form: 'bare' | 'wikilink' | 'markdown';
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
  readonly status: ResolutionStatus;
  readonly targets: readonly string[];
  /** The note names its own ID (its own "ID Title" line): listed, but no reference to another note. */
  readonly self: boolean;
}

export const refsCommand: CliCommand = {
  name: 'refs',
  summary: 'List every ID reference in the given notes.',
  synopsis: 'FILE... [options]',
  description: [
    'Lists the references of each FILE in text order: the ID, its form (bare, wikilink or markdown),',
    'its line and column (1-based, column in UTF-16 code units), from/to (0-based UTF-16 offsets of',
    'the ID in the file\'s text as decoded from UTF-8, a leading byte-order mark counting as one',
    'character), its status (resolved, unresolved or ambiguous), the notes it names, and whether it',
    'is the note\'s own ID ("self": true in JSON, "(self)" in text; check does not count those).',
    'A FILE is a path relative to the vault, or to the current folder.',
  ].join('\n'),
  exitCodes: '0 listed (unresolved references too; check is the command that fails on them), 2 usage error or a FILE that is missing or cannot be read',
  options: [],
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError('refs needs at least one FILE.');
    const vault = await context.loadVault();
    const files: string[] = [];
    for (const argument of context.positionals) {
      const file = await locateNote(argument, vault, context.io);
      if (!files.includes(file)) files.push(file);
    }
    const rows = files.flatMap((file) => referenceRows(vault.index, file));
    if (context.json) writeJson(context.io, rows);
    else context.io.stdout(renderLines(renderRefsText(rows, files), context.io.style ?? PLAIN));
    return 0;
  },
};

export function referenceRows(index: IdIndexReader, file: string): ReferenceRow[] {
  const ownId = index.note(file)?.id ?? null;
  return index.referencesOf(file).map((reference) => {
    const resolution = index.resolve(reference.id);
    return {
      file,
      id: reference.id,
      form: reference.form,
      line: reference.line,
      column: reference.column,
      from: reference.from,
      to: reference.to,
      status: resolution.status,
      targets: [...resolution.paths],
      self: reference.id === ownId,
    };
  });
}

export function renderRefsText(rows: readonly ReferenceRow[], files: readonly string[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const file of files) {
    const own = rows.filter((row) => row.file === file);
    lines.push(line(toned('strong', file), `: ${plural(own.length, 'reference')}`));
    for (const row of own) {
      const where = `${`${row.line}:${row.column}`.padEnd(7)} `;
      const names = row.status === 'unresolved' ? 'no note has this ID' : row.targets.join(', ');
      const lead = `  ${where}${row.id}  ${row.form.padEnd(8)}  `;
      const status = row.status.padEnd(10);
      // Wrapped target lists continue under the first target.
      lines.push({
        segments: [
          { text: lead },
          row.status === 'resolved' ? { text: status } : toned(row.status === 'ambiguous' ? 'warning' : 'problem', status),
          { text: `  ${names}${row.self ? '  (self)' : ''}` },
        ],
        hangingIndent: lead.length + status.length + 2,
      });
    }
  }
  return lines;
}
