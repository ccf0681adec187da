/** Hand-written argument parsing: options may stand anywhere, `--name value` or `--name=value`. */
import { closestChoice } from './didYouMean';
import { UsageError } from './errors';

/** An option the tool understands; `value` names its argument in help, absent for a plain flag. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly value?: string;
  /** The option may be given several times, each with its own value (`--exclude A --exclude B`). */
  readonly repeatable?: boolean;
  readonly help: string;
}

/** What was typed, before any command looks at it. */
export interface ParsedArguments {
  readonly command: string | null;
  readonly positionals: readonly string[];
  /** Option name → its value, or true for a flag (a flag may be repeated; an option with a value, only with the same value). */
  readonly options: ReadonlyMap<string, string | true>;
  /** Every value of each repeatable option given, in the order typed (`options` holds the first). */
  readonly repeated: ReadonlyMap<string, readonly string[]>;
}

/**
 * Splits argv into the command (the first positional), the other positionals and the options.
 * `known` lists every option of every command; whether the chosen command accepts an option is
 * checked later, so the message can name the command.
 */
export function parseArguments(argv: readonly string[], known: readonly OptionSpec[]): ParsedArguments {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (onlyPositionals || token === '-' || !token.startsWith('-')) {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = token.indexOf('=');
    const written = equals === -1 ? token : token.slice(0, equals);
    const spec = findOption(written, known);
    if (spec === undefined) throw new UsageError(`Unknown option ${written}.${suggestOption(written, known)}`);
    if (spec.value === undefined) {
      if (equals !== -1) throw new UsageError(`Option --${spec.name} takes no value.`);
      options.set(spec.name, true);
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = token.slice(equals + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`Option --${spec.name} needs a value (${spec.value}).`);
      value = argv[++i];
    }
    if (spec.repeatable === true) {
      const values = repeated.get(spec.name) ?? [];
      if (values.length === 0) options.set(spec.name, value);
      repeated.set(spec.name, [...values, value]);
      continue;
    }
    // Two values of one option (`--vault a --vault b`): the tool will not pick one, least of all for
    // a command that writes.
    const earlier = options.get(spec.name);
    if (earlier !== undefined && earlier !== value) throw new UsageError(`Option --${spec.name} was given twice, as "${String(earlier)}" and "${value}"; give it once.`);
    options.set(spec.name, value);
  }
  const [command = null, ...rest] = positionals;
  return { command, positionals: rest, options, repeated };
}

function suggestOption(written: string, known: readonly OptionSpec[]): string {
  if (!written.startsWith('--')) return '';
  const suggestion = closestChoice(written.slice(2), known.map((o) => o.name));
  return suggestion === null ? '' : ` Did you mean --${suggestion}?`;
}

function findOption(written: string, known: readonly OptionSpec[]): OptionSpec | undefined {
  if (written.startsWith('--')) return known.find((o) => o.name === written.slice(2));
  return known.find((o) => o.short !== undefined && o.short === written.slice(1));
}

/** Reads `--depth`-style values: a whole number within bounds, or a usage error that says so. */
export function wholeNumberOption(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${value}.`);
  return value;
}

/** Reads an option whose value is one of a few words. */
export function choiceOption<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  const choice = choices.find((c) => c === raw);
  if (choice === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${raw}".`);
  return choice;
}
