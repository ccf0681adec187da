import { spawnSync } from 'child_process';
import { closeSync, openSync, renameSync, rmSync } from 'fs';
import * as path from 'path';
import { EXAMPLE_VAULT, packagedTool } from './harness';

// The real thing, laid out as the package is: bin/ runs dist/cli.js. Built into a scratch copy so the
// test never races a build of the working tree's dist/. Run from inside the example vault, as a user
// runs it from inside theirs.
let packageDir: string;
beforeAll(() => {
  packageDir = packagedTool('principle-chain-package-');
}, 60_000);
afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

function cli(...argv: string[]) {
  return spawnSync(process.execPath, [path.join(packageDir, 'bin/principle-chain.js'), ...argv], { cwd: EXAMPLE_VAULT, encoding: 'utf8' });
}

describe('bin/principle-chain.js', () => {
  it('checks the current folder by default and exits 1 for the example vault\'s planted problems', () => {
    const result = cli('check', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { notes: number; references: number; problems: unknown[] };
    expect(report.notes).toBe(27);
    expect(report.problems).toHaveLength(8);
  });

  it('exits 2 with a one-line reason for a missing vault', () => {
    const result = cli('check', '--vault', 'no-such-folder');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`principle-chain: Vault folder not found: ${path.join(EXAMPLE_VAULT, 'no-such-folder')}\nRun "principle-chain check --help" for usage.\n`);
  });

  it('checks a custom ID pattern with the pattern checker bundled beside the tool', () => {
    const custom = cli('check', '--json', '--id-format', '\\d{12}');
    expect(custom.stderr).toBe('');
    expect((JSON.parse(custom.stdout) as { notes: number }).notes).toBe(27);
    const unsafe = cli('check', '--id-format', '(a|a){1,20}b');
    expect(unsafe.status).toBe(2);
    expect(unsafe.stderr).toMatch(/^principle-chain: --id-format "\(a\|a\)\{1,20\}b" cannot be used: The pattern can match the same text in more than one way/);
  });

  it('loads the pattern checker only for a custom pattern: a preset format runs without it', () => {
    const checker = path.join(packageDir, 'dist/patternDeps.js');
    const aside = `${checker}.aside`;
    renameSync(checker, aside);
    try {
      const preset = cli('check', '--json');
      expect([preset.status, preset.stderr]).toStrictEqual([1, '']);
      // The reason's first line only: Node's "Require stack" lines after it name this machine's paths.
      expect(cli('check', '--id-format', '\\d{12}').stderr).toMatch(
        /the tool's pattern checker \(dist\/patternDeps\.js\) cannot be loaded \(Cannot find module '\.\/patternDeps\.js'\); reinstall principle-chain\.\n/,
      );
    } finally {
      renameSync(aside, checker);
    }
  });

  // /dev/full fails every write with ENOSPC (Linux): output that cannot be written is a one-line
  // reason and exit code 2, for a run that would exit 0 or 1; a reader that stops early is no error.
  (process.platform === 'linux' ? it : it.skip)('exits 2 with a one-line reason when the output cannot be written', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const argv of [['check'], ['refs', '202201100900 Clarity is a gift to the team.md'], ['--help']]) {
        const result = spawnSync(process.execPath, [path.join(packageDir, 'bin/principle-chain.js'), ...argv], { cwd: EXAMPLE_VAULT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect([result.status, result.stderr]).toStrictEqual([2, 'principle-chain: cannot write the output (ENOSPC: no space left on device, write)\n']);
      }
    } finally {
      closeSync(full);
    }
    // The reader is gone before the tool's first write (`true` exits at once): EPIPE on every write.
    const stoppedEarly = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" refs *.md | true', process.execPath, path.join(packageDir, 'bin/principle-chain.js')], { cwd: EXAMPLE_VAULT, encoding: 'utf8' });
    expect([stoppedEarly.status, stoppedEarly.stderr]).toStrictEqual([0, '']);
  });

  it('prints the package version', () => {
    const result = cli('--version');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

// Colour and wrapping depend on stdout being a terminal: util-linux `script` gives the tool a real
// pseudo-terminal, and `stty cols` sets its width, so this runs the same code path a person does.
const onLinux = process.platform === 'linux' ? describe : describe.skip;
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

onLinux('bin/principle-chain.js in a terminal', () => {
  const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
  function inTerminal(columns: number, env: Record<string, string>, ...argv: string[]): string {
    const command = `stty cols ${columns}; ${[process.execPath, path.join(packageDir, 'bin/principle-chain.js'), ...argv].map(quote).join(' ')}`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: EXAMPLE_VAULT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', TERM: 'xterm', ...env },
    });
    if (result.error) throw result.error;
    return result.stdout.replace(/\r\n/g, '\n');
  }
  const words = (text: string): string[] => text.replace(ANSI, '').split(/\s+/).filter((w) => w !== '');

  it('wraps to the terminal width and colours problem kinds; the words are those of the piped text', () => {
    const piped = cli('check').stdout;
    const shown = inTerminal(60, {}, 'check');
    expect(shown).toContain(`${ESC}[31munresolved-id${ESC}[39m`);
    for (const row of shown.replace(ANSI, '').split('\n')) {
      if (row.length > 60) expect(row.trim()).not.toContain(' ');
    }
    expect(shown.replace(ANSI, '').split('\n').length).toBeGreaterThan(piped.split('\n').length);
    expect(words(shown)).toStrictEqual(words(piped));
  });

  it('honours NO_COLOR', () => {
    const shown = inTerminal(200, { NO_COLOR: '1' }, 'check');
    expect(shown).not.toMatch(ANSI);
    expect(words(shown)).toStrictEqual(words(cli('check').stdout));
  });

  it('piped output has neither colour nor wrapping, whatever the environment says', () => {
    const result = spawnSync(process.execPath, [path.join(packageDir, 'bin/principle-chain.js'), 'check'], {
      cwd: EXAMPLE_VAULT,
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '40', FORCE_COLOR: '1', TERM: 'xterm-256color' },
    });
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout.split('\n').some((row) => row.length > 100)).toBe(true);
  });
});
