import { choiceOption, parseArguments, wholeNumberOption, type OptionSpec } from '../../src/cli/args';
import { NothingToCheckError, UsageError } from '../../src/cli/errors';

const KNOWN: OptionSpec[] = [
  { name: 'vault', value: 'DIR', help: '' },
  { name: 'json', help: '' },
  { name: 'help', short: 'h', help: '' },
  { name: 'depth', value: 'N', help: '' },
  { name: 'exclude', value: 'FOLDER', repeatable: true, help: '' },
];

describe('parseArguments', () => {
  it.each<[string[], string | null, string[], Record<string, string | true>]>([
    [[], null, [], {}],
    [['check'], 'check', [], {}],
    [['check', '--json'], 'check', [], { json: true }],
    [['--json', 'check'], 'check', [], { json: true }],
    [['--vault', 'v', 'check'], 'check', [], { vault: 'v' }],
    [['check', '--vault=v w'], 'check', [], { vault: 'v w' }],
    [['check', '--vault', '--json'], 'check', [], { vault: '--json' }],
    [['refs', 'a.md', '--depth', '2', 'b.md'], 'refs', ['a.md', 'b.md'], { depth: '2' }],
    [['refs', '--', '--json', '-h'], 'refs', ['--json', '-h'], {}],
    [['refs', '-'], 'refs', ['-'], {}],
    [['check', '-h'], 'check', [], { help: true }],
    [['check', '--vault', 'a', '--vault=a'], 'check', [], { vault: 'a' }],
    [['check', '--json', '--json'], 'check', [], { json: true }],
    [['chain', '--depth='], 'chain', [], { depth: '' }],
  ])('%j', (argv, command, positionals, options) => {
    const parsed = parseArguments(argv, KNOWN);
    expect(parsed.command).toBe(command);
    expect(parsed.positionals).toStrictEqual(positionals);
    expect(Object.fromEntries(parsed.options)).toStrictEqual(options);
  });

  it('keeps every value of a repeatable option, in order, repeats included', () => {
    const parsed = parseArguments(['check', '--exclude', 'a', '--json', '--exclude=b', '--exclude', 'a'], KNOWN);
    expect(parsed.repeated.get('exclude')).toStrictEqual(['a', 'b', 'a']);
    expect(parsed.options.get('exclude')).toBe('a');
    expect(parseArguments(['check'], KNOWN).repeated.size).toBe(0);
    expect(() => parseArguments(['check', '--exclude'], KNOWN)).toThrow(new UsageError('Option --exclude needs a value (FOLDER).'));
  });

  it.each([
    [['check', '--nope'], 'Unknown option --nope.'],
    [['check', '-x'], 'Unknown option -x.'],
    [['check', '--json=yes'], 'Option --json takes no value.'],
    [['check', '--vault'], 'Option --vault needs a value (DIR).'],
    // Which of two vaults was meant (`repair --apply` writes into it) is not the tool's to guess.
    [['check', '--vault', 'a', '--vault', 'b'], 'Option --vault was given twice, as "a" and "b"; give it once.'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArguments(argv, KNOWN)).toThrow(new UsageError(message));
  });
});

describe('option values', () => {
  it.each([['1', 1], ['10', 10], ['03', 3]])('reads depth %s', (raw, value) => {
    expect(wholeNumberOption('depth', raw, 1, 10)).toBe(value);
  });

  it.each([
    ['abc', '--depth must be a whole number from 1 to 10, not "abc".'],
    ['', '--depth must be a whole number from 1 to 10, not "".'],
    ['-1', '--depth must be a whole number from 1 to 10, not "-1".'],
    ['2.5', '--depth must be a whole number from 1 to 10, not "2.5".'],
    ['0', '--depth must be from 1 to 10, not 0.'],
    ['11', '--depth must be from 1 to 10, not 11.'],
  ])('rejects depth %j', (raw, message) => {
    expect(() => wholeNumberOption('depth', raw, 1, 10)).toThrow(message);
  });

  it('reads a choice or says which ones exist', () => {
    expect(choiceOption('direction', 'in', ['out', 'in', 'both'])).toBe('in');
    expect(() => choiceOption('direction', 'up', ['out', 'in', 'both'])).toThrow('--direction must be one of out, in, both, not "up".');
  });
});

describe("the tool's errors", () => {
  // Never printed by the tool (it prints the message), but a stack trace of one that escapes names its kind.
  it.each([
    ['UsageError', new UsageError('Option --depth needs a value (N).'), 'UsageError: Option --depth needs a value (N).'],
    ['NothingToCheckError', new NothingToCheckError('No Markdown notes in v.'), 'NothingToCheckError: No Markdown notes in v.'],
  ])('%s names its kind', (_kind, error, shown) => {
    expect(String(error)).toBe(shown);
  });
});
