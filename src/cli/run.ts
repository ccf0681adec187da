/** The tool without its process: arguments in, text and an exit code out, files through the io seam. */
import * as path from 'path';
import { parseArguments, type OptionSpec } from './args';
import type { CliCommand } from './commands/command';
import { COMMANDS } from './commands';
import { IdFormatError, idFormatFromArgument, TWELVE_DIGIT, type IdFormat } from '../core/ids/formats';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { loadVault } from './loadVault';

const TOOL = 'principle-chain';

/** Options every command takes. */
const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'vault', value: 'DIR', help: 'The vault folder (default: the example vault bundled with the tool).' },
  { name: 'id-format', value: '12|14|denote|REGEX', help: 'How IDs look: 12 digits (default), 14 digits, Denote, or a regular expression.' },
  { name: 'json', help: 'Print JSON instead of text.' },
  { name: 'help', short: 'h', help: 'Show help.' },
];
const VERSION_OPTION: OptionSpec = { name: 'version', help: 'Print the version.' };

/** Runs the tool; never throws. Returns the exit code: 0 fine, 1 problems found, 2 usage error or unreadable vault. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand | undefined;
  try {
    const known = [...COMMON_OPTIONS, VERSION_OPTION, ...COMMANDS.flatMap((c) => c.options)];
    const parsed = parseArguments(argv, known);
    if (parsed.options.has('version')) {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    if (parsed.command === null) {
      if (parsed.options.has('help')) {
        io.stdout(overallHelp());
        return 0;
      }
      throw new UsageError('No command given.');
    }
    command = COMMANDS.find((c) => c.name === parsed.command);
    if (command === undefined) throw new UsageError(`Unknown command "${parsed.command}".`);
    if (parsed.options.has('help')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const accepted = [...COMMON_OPTIONS, ...command.options].map((o) => o.name);
    for (const name of parsed.options.keys()) {
      if (!accepted.includes(name)) throw new UsageError(`${command.name} does not take --${name}.`);
    }
    const format = formatOption(parsed.options.get('id-format'));
    const vaultOption = parsed.options.get('vault');
    return await command.run({
      io,
      positionals: parsed.positionals,
      options: parsed.options,
      json: parsed.options.has('json'),
      format,
      loadVault: async (directoryArgument) => {
        const given = directoryArgument ?? (typeof vaultOption === 'string' ? vaultOption : undefined);
        if (given !== undefined) return loadVault(path.resolve(io.cwd, given), format, io.fs);
        try {
          return await loadVault(io.defaultVault, format, io.fs);
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          throw new UsageError(`${error.message} (the example vault that ships with the tool); give a vault with --vault DIR.`);
        }
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      // An option error stops parsing before the command is known; a command named anywhere still gets its own help.
      command ??= COMMANDS.find((c) => argv.includes(c.name));
      const helpCommand = command === undefined ? `${TOOL} --help` : `${TOOL} ${command.name} --help`;
      io.stderr(`${TOOL}: ${error.message}\nRun "${helpCommand}" for usage.\n`);
    } else {
      io.stderr(`${TOOL}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 2;
  }
}

function formatOption(value: string | true | undefined): IdFormat {
  if (value === undefined || value === true) return TWELVE_DIGIT;
  try {
    return idFormatFromArgument(value);
  } catch (error) {
    if (error instanceof IdFormatError) throw new UsageError(`--id-format "${value}" cannot be used: ${error.message}`);
    throw error;
  }
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const left = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => `  ${left[i].padEnd(width)}${o.help}`);
}

export function overallHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${TOOL} COMMAND [options]`,
    '',
    'Checks and explores the bare timestamp ID references of a Markdown vault (Zettelkasten notes',
    'that mention each other as "202104291524 Title" in prose, wikilinks or markdown links).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options of every command:',
    ...optionLines([...COMMON_OPTIONS, VERSION_OPTION]),
    '',
    'Exit codes: 0 fine, 1 problems found, 2 usage error or a vault or file that cannot be read (message on stderr).',
    `Run "${TOOL} COMMAND --help" for a command's arguments.`,
    '',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  return [
    `Usage: ${TOOL} ${command.name} ${command.synopsis}`,
    '',
    command.summary,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines([...command.options, ...COMMON_OPTIONS]),
    '',
    `Exit codes: ${command.exitCodes}.`,
    '',
  ].join('\n');
}
