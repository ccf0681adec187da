/** The shape every subcommand has; the dispatcher knows commands only through it. */
import type { OptionSpec } from '../args';
import type { CliIo } from '../io';
import type { LoadedVault } from '../loadVault';
import type { ScanOptions } from '../scanVault';

export interface CommandContext {
  readonly io: CliIo;
  /** Positional arguments after the command name. */
  readonly positionals: readonly string[];
  /** Options given, by name (only ones this command accepts). */
  readonly options: ReadonlyMap<string, string | true>;
  readonly json: boolean;
  /** The vault's Obsidian configuration folder (--config-dir), where the plugin keeps its files. */
  readonly configDir: string;
  /**
   * Reads and indexes the vault: `directoryArgument`, else --vault, else the current folder, with the
   * options' settings over the plugin's own in the vault (LoadedVault.settings). Usage errors when it
   * or the plugin's settings cannot be read, or when `requirement` asks for a vault named on the command line
   * and none was; a vault with no note to work on is a NothingToCheckError.
   */
  loadVault(directoryArgument?: string, requirement?: VaultRequirement): Promise<LoadedVault>;
}

export interface VaultRequirement {
  /** What needs the vault named, e.g. "repair --apply"; never the current folder by default. */
  readonly mustBeNamedFor?: string;
  /** How the vault is read: check keeps no texts, only link targets (see ScanOptions). */
  readonly scan?: ScanOptions;
}

export interface CliCommand {
  readonly name: string;
  /** One line for the overall help. */
  readonly summary: string;
  /** The argument synopsis after the command name, e.g. "FILE... [options]". */
  readonly synopsis: string;
  /** Paragraphs of help shown by `COMMAND --help`. */
  readonly description: string;
  /** What each exit code means for this command, for its help. */
  readonly exitCodes: string;
  /** Options beyond the ones every command takes. */
  readonly options: readonly OptionSpec[];
  /** Returns the exit code: 0 fine, 1 problems found (usage errors are thrown as UsageError). */
  run(context: CommandContext): Promise<number>;
}

/** Writes a value as the contract's JSON: two-space indented, with a final newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
