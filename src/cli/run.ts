/** The tool without its process: arguments in, text and an exit code out, files through the io seam. */
import * as path from 'path';
import { parseArguments, type OptionSpec } from './args';
import type { CliCommand } from './commands/command';
import { COMMANDS } from './commands';
import { customPatternWarning, IdFormatError, idFormatFromArgument, type IdFormat } from '../core/ids/formats';
import { closestChoice } from './didYouMean';
import { nothingToCheck } from './emptyVault';
import { NothingToCheckError, UsageError } from './errors';
import type { CliIo } from './io';
import { loadVault } from './loadVault';
import { line, PLAIN, renderLines, type OutputStyle, type TextLine } from './textLayout';
import { DEFAULT_CONFIG_DIR, pluginSettingsPath, readPluginSettings } from './pluginSettings';
import { VAULT_SETTINGS_OPTIONS, vaultSettingsFrom, vaultSettingsOptions } from './vaultSettings';
import { isAtOrUnder } from '../core/settings';

const TOOL = 'principle-chain';
const HELP_COMMAND = 'help';
/** Help is laid out for this many columns at most, so it reads well in any terminal and in a pipe. */
export const HELP_WIDTH = 100;

/** Options every command takes. */
const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'vault', value: 'DIR', help: 'The vault folder (default: the current folder, as with git or rg).' },
  {
    name: 'id-format',
    value: '12|14|denote|REGEX',
    help: 'How IDs look: 12 digits, 14 digits, Denote, or a regular expression (default: the plugin\'s setting, else 12).',
  },
  ...VAULT_SETTINGS_OPTIONS,
  {
    name: 'config-dir',
    value: 'NAME',
    help: `The vault's Obsidian configuration folder, which holds the plugin's settings and rename history (default ${DEFAULT_CONFIG_DIR}).`,
  },
  { name: 'no-plugin-settings', help: 'Read no settings from the plugin\'s data.json in the vault: only options and the plugin\'s defaults count.' },
  { name: 'json', help: 'Print JSON instead of text.' },
  { name: 'help', short: 'h', help: 'Show help.' },
];
const VERSION_OPTION: OptionSpec = { name: 'version', help: 'Print the version.' };

const EMPTY_VAULT = 'The vault folder is empty text; name a folder (. for the current one).';

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
        io.stdout(overallHelp(io.style));
        return 0;
      }
      throw new UsageError(`No command given; the commands are ${COMMANDS.map((c) => c.name).join(', ')}.`);
    }
    // `help [COMMAND]`, as git and npm have it: the same text as --help.
    if (parsed.command === HELP_COMMAND) {
      const option = [...parsed.options.keys()].find((name) => name !== 'help');
      if (option !== undefined) throw new UsageError(`help does not take --${option}.`);
      return printHelp(parsed.positionals, io);
    }
    command = COMMANDS.find((c) => c.name === parsed.command);
    if (command === undefined) {
      throw new UsageError(`Unknown command "${parsed.command}".${commandSuggestion(parsed.command)}`);
    }
    if (parsed.options.has('help')) {
      io.stdout(commandHelp(command, io.style));
      return 0;
    }
    const accepted = [...COMMON_OPTIONS, ...command.options].map((o) => o.name);
    for (const name of parsed.options.keys()) {
      if (!accepted.includes(name)) throw new UsageError(`${command.name} does not take --${name}.`);
    }
    const format = formatOption(parsed.options.get('id-format'));
    const given = vaultSettingsOptions(format, parsed.options, parsed.repeated);
    // Options that contradict each other are refused before the vault is read.
    vaultSettingsFrom(given);
    const configDir = configDirOption(parsed.options.get('config-dir'));
    const warning = format?.key === 'custom' ? customPatternWarning(format.source) : null;
    if (warning !== null) io.stderr(`${TOOL}: warning: ${warning}\n`);
    const vaultOption = parsed.options.get('vault');
    if (vaultOption === '') throw new UsageError(EMPTY_VAULT);
    const readsStored = !parsed.options.has('no-plugin-settings');
    return await command.run({
      io,
      positionals: parsed.positionals,
      options: parsed.options,
      json: parsed.options.has('json'),
      configDir,
      loadVault: async (directoryArgument, requirement) => {
        if (directoryArgument === '') throw new UsageError(EMPTY_VAULT);
        const named = directoryArgument ?? (typeof vaultOption === 'string' ? vaultOption : undefined);
        if (named === undefined && requirement?.mustBeNamedFor !== undefined) {
          throw new UsageError(`${requirement.mustBeNamedFor} needs the vault named: give --vault DIR or VAULT (. for the current folder).`);
        }
        const directory = path.resolve(io.cwd, named ?? '.');
        const stored = readsStored ? await readPluginSettings(directory, configDir, io.fs, new Set(parsed.options.keys())) : null;
        for (const problem of stored?.problems ?? []) io.stderr(`${TOOL}: warning: ${pluginSettingsPath(configDir)}: ${problem}\n`);
        const vault = await loadVault(directory, vaultSettingsFrom(given, stored?.settings, stored?.file ?? null), io.fs, requirement?.scan);
        if (parsed.options.has('config-dir') && (await io.fs.kind(path.join(directory, configDir))) !== 'directory') {
          io.stderr(`${TOOL}: warning: --config-dir ${configDir}: the vault has no such folder.\n`);
        }
        // A mistyped folder would leave its notes in, silently.
        for (const folder of given.excludedFolders ?? []) {
          if (!vault.contents.allPaths.some((p) => isAtOrUnder(p, folder))) io.stderr(`${TOOL}: warning: --exclude ${folder}: no file of the vault is in it; give folders relative to the vault, with /.\n`);
        }
        const nothing = nothingToCheck(vault, named === undefined ? `the current folder ${directory}` : directory);
        if (nothing !== null) throw new NothingToCheckError(nothing);
        return vault;
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      // An option error stops parsing before the command is known; a command named anywhere still gets its own help.
      command ??= COMMANDS.find((c) => argv.includes(c.name));
      const helpCommand = command === undefined ? `${TOOL} --help` : `${TOOL} ${command.name} --help`;
      io.stderr(`${TOOL}: ${error.message}\nRun "${helpCommand}" for usage.\n`);
      return 2;
    }
    if (error instanceof NothingToCheckError) {
      io.stderr(`${TOOL}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`${TOOL}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function printHelp(positionals: readonly string[], io: CliIo): number {
  if (positionals.length === 0) {
    io.stdout(overallHelp(io.style));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === positionals[0]);
  if (positionals.length > 1 || command === undefined) {
    const said = command === undefined ? `No command "${positionals[0]}".${commandSuggestion(positionals[0])}` : 'help takes one command.';
    throw new UsageError(`${said} Give one of ${COMMANDS.map((c) => c.name).join(', ')}, or nothing for the overall help.`);
  }
  io.stdout(commandHelp(command, io.style));
  return 0;
}

/** ` Did you mean "chain"?` for a word close to a command's name, else ''. */
function commandSuggestion(word: string): string {
  const suggestion = closestChoice(word, COMMANDS.map((c) => c.name));
  return suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
}

/** The format --id-format gives, or null without it. */
function formatOption(value: string | true | undefined): IdFormat | null {
  if (value === undefined || value === true) return null;
  try {
    return idFormatFromArgument(value);
  } catch (error) {
    if (error instanceof IdFormatError) throw new UsageError(`--id-format "${value}" cannot be used: ${error.message}`);
    throw error;
  }
}

function configDirOption(value: string | true | undefined): string {
  if (value === undefined) return DEFAULT_CONFIG_DIR;
  if (value === true || value.trim() === '' || value.includes('/') || value.includes('\\') || value === '..') {
    throw new UsageError(`--config-dir takes the name of a folder inside the vault, like ${DEFAULT_CONFIG_DIR}, not "${value === true ? '' : value}".`);
  }
  return value;
}

function optionLines(options: readonly OptionSpec[]): TextLine[] {
  const left = options.map((o) => `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => ({ segments: [{ text: `  ${left[i].padEnd(width)}${o.help}` }], hangingIndent: width + 2 }));
}

function paragraphs(text: string): TextLine[] {
  return text.split('\n').map((l) => line(l));
}

function helpStyle(style: OutputStyle = PLAIN): OutputStyle {
  return { width: Math.min(style.width ?? HELP_WIDTH, HELP_WIDTH), color: false };
}

export function overallHelp(style?: OutputStyle): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return renderLines(
    [
      line(`Usage: ${TOOL} COMMAND [options]`),
      line(''),
      ...paragraphs(
        [
          'Checks and explores the bare timestamp ID references of a Markdown vault (Zettelkasten notes',
          'that mention each other as "202104291524 Title" in prose, wikilinks or markdown links).',
          'The vault is the current folder unless one is given with --vault DIR (or as VAULT for check',
          'and repair); repair --apply always needs it named.',
          '',
          `The plugin's own settings in the vault (${pluginSettingsPath(DEFAULT_CONFIG_DIR)}), when`,
          'there, apply as they do in Obsidian: ID format, own-ID sources, frontmatter key, excluded folders,',
          'chain depth and repair\'s link style. Each option given overrides its setting.',
          '',
          'Commands:',
        ].join('\n'),
      ),
      ...COMMANDS.map((c) => ({ segments: [{ text: `  ${c.name.padEnd(width)}${c.summary}` }], hangingIndent: width + 2 })),
      line(''),
      line('Options of every command:'),
      ...optionLines([...COMMON_OPTIONS, VERSION_OPTION]),
      line(''),
      { segments: [{ text: 'Exit codes: 0 fine; 1 problems found, or no note with an ID in the vault; 2 usage error, a vault or file that cannot be read, or output that cannot be written (message on stderr).' }], hangingIndent: 12 },
      line(`Run "${TOOL} COMMAND --help" (or "${TOOL} help COMMAND") for a command's arguments.`),
    ],
    helpStyle(style),
  );
}

export function commandHelp(command: CliCommand, style?: OutputStyle): string {
  return renderLines(
    [
      line(`Usage: ${TOOL} ${command.name} ${command.synopsis}`),
      line(''),
      line(command.summary),
      line(''),
      ...paragraphs(command.description),
      line(''),
      line('Options:'),
      ...optionLines([...command.options, ...COMMON_OPTIONS]),
      line(''),
      { segments: [{ text: `Exit codes: ${command.exitCodes}.` }], hangingIndent: 12 },
    ],
    helpStyle(style),
  );
}
