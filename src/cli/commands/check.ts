/** `check`: link health of the whole vault. */
import { checkVault, type CheckReport } from '../../core/check';
import { checkTextLines } from '../checkText';
import { UsageError } from '../errors';
import { PLAIN, renderLines, type OutputStyle } from '../textLayout';
import { writeJson, type CliCommand } from './command';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Report unresolved, ambiguous, duplicate and stale ID references in the vault.',
  synopsis: '[VAULT] [options]',
  description: [
    'Reads every .md file of the vault (skipping folders whose name starts with "." and node_modules,',
    'and the excluded folders), counts every ID reference (bare, wikilink and markdown link) as',
    'resolved, unresolved or ambiguous (a note naming its own ID is not counted: refs lists those with',
    '"self": true), and lists the problems: unresolved-id, ambiguous-id, duplicate-id, stale-link (a',
    'link whose ID resolves but whose target names no file) and unreadable-file (binary, not UTF-8, or',
    'not readable; such files are left out of the note count). The vault is VAULT, or --vault DIR, or',
    'else the current folder. Exits with 1 when there is any problem, 0 when there is none; a folder',
    'with no Markdown, or with no note that has an ID in the chosen format, exits with 1 and says so on',
    'stderr.',
    '',
    'JSON: {"notes","notesWithId","references","resolved","unresolved","ambiguous","problems":[{"kind",',
    '"file","line","id","message"}]}; problems are sorted by file and line. duplicate-id (one per ID,',
    'under the first of its files, naming them all) and unreadable-file stand on line 1;',
    'unreadable-file has "id": null.',
  ].join('\n'),
  exitCodes: '0 no problems; 1 problems found (an unreadable note is one), or no note with an ID; 2 usage error or a vault folder that cannot be read',
  options: [],
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('check takes at most one VAULT folder.');
    const [positional] = context.positionals;
    if (positional !== undefined && context.options.has('vault')) {
      throw new UsageError('Give the vault either as VAULT or with --vault, not both.');
    }
    // Check copies each note's link targets while its text is at hand, so no text has to stay alive.
    const vault = await context.loadVault(positional, { scan: { keepTexts: false, keepLinkTargets: true } });
    const report = checkVault(vault.index, {
      paths: vault.paths,
      unreadable: vault.contents.unreadable,
      textOf: vault.textOf,
      ...(vault.linkTargets === undefined ? {} : { linkTargets: vault.linkTargets }),
      ...(vault.keptTextAfterId === undefined ? {} : { keptTextAfterId: vault.keptTextAfterId }),
    });
    if (context.json) writeJson(context.io, report);
    else context.io.stdout(renderCheckText(report, context.io.style));
    return report.problems.length > 0 ? 1 : 0;
  },
};

/** The person-readable report: a summary, then problems grouped by file (plain unless a style says otherwise). */
export function renderCheckText(report: CheckReport, style: OutputStyle = PLAIN): string {
  return renderLines(checkTextLines(report), style);
}
