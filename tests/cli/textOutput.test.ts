/**
 * How the tool's text reads: repair like check, help within 100 columns, colour only where asked,
 * wrapping that keeps every word, and a did-you-mean for a mistyped command.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { closestChoice, editDistance } from '../../src/cli/didYouMean';
import { commandHelp, HELP_WIDTH, overallHelp } from '../../src/cli/run';
import { displayWidth, indentedLines, line, outputStyleFor, PLAIN, renderLines, toned, type OutputStyle } from '../../src/cli/textLayout';
import { EXAMPLE_VAULT, run, runJson } from './harness';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const COLOUR: OutputStyle = { width: null, color: true };

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pc-text-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("repair's text reads like check's", () => {
  interface Problem { kind: string; file: string; line: number; message: string }

  it('words every problem it leaves exactly as check words it', async () => {
    const check = (await runJson(['check'])).json as { problems: Problem[] };
    const repair = (await runJson(['repair'])).json as { problems: Problem[] };
    expect(new Set(repair.problems.map((p) => p.kind))).toStrictEqual(new Set(['duplicate-id', 'unresolved-id']));
    // A duplicate ID is one problem in check (under its first note); repair lists it under each note.
    const key = (p: Problem): string => `${p.kind} ${p.message}`;
    expect(check.problems.map(key)).toStrictEqual(expect.arrayContaining(repair.problems.map(key)));
  });

  it('prints those problems in the same lines as check, and no Markdown', async () => {
    const checkLines = (await run(['check'])).stdout.split('\n');
    const repairText = (await run(['repair'])).stdout;
    const problemLines = repairText.split('\n').filter((l) => /^ {2}line \d+ {2}(duplicate|unresolved|ambiguous)-id /.test(l));
    expect(problemLines.length).toBeGreaterThan(0);
    for (const problemLine of problemLines) expect(checkLines).toContain(problemLine);
    expect(repairText).not.toMatch(/^#|\| --- \||`/m);
  });

  it('puts a blank line before the summary', async () => {
    const rows = (await run(['repair'])).stdout.split('\n');
    const summary = rows.findIndex((r) => /^\d+ edits? in \d+ files?: /.test(r));
    expect(summary).toBeGreaterThan(0);
    expect(rows[summary - 1]).toBe('');
    expect(rows[summary - 2]).not.toBe('');
  });

  it('prints one line for an empty plan', async () => {
    const clean = mkdtempSync(path.join(scratch, 'empty-plan-'));
    writeFileSync(path.join(clean, '202101010900 A.md'), 'Builds on 202101011000 B.\n');
    writeFileSync(path.join(clean, '202101011000 B.md'), 'Alone.\n');
    const result = await run(['repair', clean]);
    expect(result).toStrictEqual({ code: 0, stdout: 'Nothing to repair: no stale or broken ID references in 2 notes.\n', stderr: '' });
  });

  it('with problems but no edits, lists the problems and then says there is nothing to repair', async () => {
    const dir = mkdtempSync(path.join(scratch, 'problems-only-'));
    writeFileSync(path.join(dir, '202101010900 A.md'), 'Builds on 202101011000.\n');
    const rows = (await run(['repair', dir])).stdout.split('\n');
    expect(rows).toStrictEqual([
      '202101010900 A.md',
      '  line 1  unresolved-id  No note has the ID 202101011000. Create the note, or correct the ID.',
      '',
      'Nothing to repair; 1 problem left for you to fix (listed above).',
      '',
    ]);
  });

  it('after --apply, says how many files were written', async () => {
    const dir = mkdtempSync(path.join(scratch, 'apply-'));
    cpSync(EXAMPLE_VAULT, dir, { recursive: true });
    const rows = (await run(['repair', dir, '--apply'])).stdout.trimEnd().split('\n');
    expect(rows[rows.length - 2]).toMatch(/^3 edits in 3 files: 1 stale link target, 1 stale title, 1 broken ID; \d+ problems left for you to fix \(listed above\)\.$/);
    expect(rows[rows.length - 1]).toBe('Wrote 3 of 3 files.');
  });

  it('colours what an edit removes and adds only when the style asks for colour', async () => {
    const plain = (await run(['repair'])).stdout;
    const coloured = (await run(['repair'], { style: COLOUR })).stdout;
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m202201010900\u001b[39m');
    expect(coloured).toContain('\u001b[32m202201100900\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });
});

describe('check text', () => {
  it('colours problem kinds and file names only when asked, and is otherwise the same text', async () => {
    const plain = (await run(['check'])).stdout;
    const coloured = (await run(['check'], { style: COLOUR })).stdout;
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toContain('\u001b[31mduplicate-id\u001b[39m');
    expect(coloured).toContain('\u001b[33mambiguous-id\u001b[39m');
    expect(coloured).toContain('\u001b[1m202301020900 Team leadership map.md\u001b[22m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it.each([40, 60, 100])('wraps at %i columns: no row wider unless it is one word, every word kept, continuations indented', async (width) => {
    const plain = (await run(['check'])).stdout;
    const wrapped = (await run(['check'], { style: { width, color: false } })).stdout;
    const rows = wrapped.split('\n');
    for (const row of rows) if (displayWidth(row) > width) expect(row.trim()).not.toMatch(/ /);
    expect(wrapped.split(/\s+/)).toStrictEqual(plain.split(/\s+/));
    const continuation = rows.find((r, i) => i > 0 && /^ {4,}\S/.test(r) && rows[i - 1].startsWith('  line '));
    expect(continuation).toBeDefined();
  });
});

describe('control characters in names and notes', () => {
  it('are shown as escapes in text output: a name cannot forge a line or send the terminal commands', async () => {
    const dir = mkdtempSync(path.join(scratch, 'control-'));
    const name = `a\nline 9  unresolved-id ${ESC}[2J.md`;
    writeFileSync(path.join(dir, name), 'See 202101010000 and\n202101010001.\n');
    writeFileSync(path.join(dir, '202101010002 Note.md'), 'x\n');
    const checked = (await run(['check', '--vault', dir])).stdout;
    expect(checked).toContain('a\\nline 9  unresolved-id \\x1b[2J.md');
    expect(checked).not.toContain(ESC);
    expect(checked.split('\n').filter((row) => row.startsWith('line 9'))).toStrictEqual([]);
    const refs = (await run(['refs', '--vault', dir, name])).stdout;
    expect(refs.split('\n')[0]).toBe('a\\nline 9  unresolved-id \\x1b[2J.md: 2 references');
    // JSON keeps the name as it is: JSON.stringify escapes it already.
    const json = (await runJson(['check', '--vault', dir])).json as { problems: { file: string }[] };
    expect(json.problems.map((p) => p.file)).toContain(name);
  });

  it('leave a tab and other text alone', () => {
    expect(renderLines([line('a\tb é 日本 \u200f')], PLAIN)).toBe('a\tb é 日本 \u200f\n');
  });
});

describe('chain and refs text', () => {
  it.each([
    ['chain', ['chain', '202201100900', '--depth', '4']],
    ['refs', ['refs', '202211141100 Celebrate finished work.md', 'Reading list.md', '202203151000 Feedback is a habit, not an event.md']],
  ])('%s wraps at 50 columns under its own indentation, keeping every word', async (_name, argv) => {
    const plain = (await run(argv)).stdout;
    const wrapped = (await run(argv, { style: { width: 50, color: false } })).stdout;
    expect(plain.split('\n').some((row) => displayWidth(row) > 50)).toBe(true);
    for (const row of wrapped.split('\n')) if (displayWidth(row) > 50) expect(row.trim()).not.toMatch(/ /);
    expect(wrapped.split(/\s+/)).toStrictEqual(plain.split(/\s+/));
    const rows = wrapped.split('\n');
    rows.forEach((row, i) => {
      // A continuation line is indented deeper than the list item or listing row it continues.
      if (i > 0 && !/^\s*(- |\S)/.test(row) && row !== '') expect(row.length - row.trimStart().length).toBeGreaterThan(rows[i - 1].length - rows[i - 1].trimStart().length - 1);
    });
  });

  it('refs continues a wrapped list of targets under the first target', async () => {
    const result = await run(['refs', 'Psychological safety comes before candour.md'], { style: { width: 100, color: false } });
    const rows = result.stdout.split('\n');
    const first = rows.findIndex((row) => row.includes('wikilink  ambiguous'));
    const targetsAt = rows[first].indexOf('202203151000 Feedback');
    expect(rows[first + 1].length - rows[first + 1].trimStart().length).toBe(targetsAt);
  });

  it('check continues a wrapped problem under its message', async () => {
    const result = await run(['check'], { style: { width: 100, color: false } });
    const rows = result.stdout.split('\n');
    const first = rows.findIndex((row) => /^ {2}line \d+ {2}duplicate-id {2}/.test(row));
    const messageAt = rows[first].indexOf('duplicate-id  ') + 'duplicate-id  '.length;
    expect(rows[first + 1].length - rows[first + 1].trimStart().length).toBe(messageAt);
  });

  it('refs lists each file once, with its own references under it, and leaves "resolved" uncoloured', async () => {
    const files = ['202211141100 Celebrate finished work.md', '202210031000 Name the owner of every risk.md'];
    const plain = (await run(['refs', files[0], files[1], files[0]])).stdout.split('\n');
    const headers = plain.filter((row) => !row.startsWith(' ') && row !== '');
    expect(headers.map((row) => row.split(':')[0])).toStrictEqual(files);
    for (const [i, header] of headers.entries()) {
      const count = Number(/: (\d+) references?$/.exec(header)?.[1]);
      expect(count).toBe(((await runJson(['refs', files[i]])).json as unknown[]).length);
      const rows = plain.slice(plain.indexOf(header) + 1).filter((row, i, all) => all.slice(0, i + 1).every((r) => r.startsWith('  ')));
      expect(rows.filter((row) => /^ {2}\d+:\d+/.test(row))).toHaveLength(count);
    }
    const coloured = (await run(['refs', files[0]], { style: COLOUR })).stdout;
    expect(coloured).toMatch(/ resolved {4}/);
    expect(coloured).not.toMatch(new RegExp(`${ESC}\\[\\d+mresolved`));
  });

  it('refs colours an unresolved or ambiguous status only when asked', async () => {
    const argv = ['refs', '202211141100 Celebrate finished work.md', '202210031000 Name the owner of every risk.md'];
    const plain = (await run(argv)).stdout;
    const coloured = (await run(argv, { style: COLOUR })).stdout;
    expect(coloured).toContain('\u001b[33mambiguous \u001b[39m');
    expect(coloured).toContain('\u001b[31munresolved\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
    expect(plain).toMatch(/ unresolved {2}no note has this ID\n/);
    expect(plain).toMatch(/ unresolved {2}no note has this ID\n/);
  });
});

describe('text layout', () => {
  it('measures East Asian wide characters as two columns and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('詳細は')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('keeps a line within the width, a long word alone, and the first row\'s indentation', () => {
    const text = renderLines([{ segments: [{ text: '  one two three ' }, toned('problem', 'four'), { text: ' averyveryverylongword five' }], hangingIndent: 4 }], { width: 12, color: false });
    expect(text).toBe('  one two\n    three\n    four\n    averyveryverylongword\n    five\n');
  });

  it('never starts with an empty row: a long first word, indented or not, stays on the first', () => {
    const style = { width: 5, color: false };
    expect(renderLines([{ segments: [{ text: 'averyverylongword x' }], hangingIndent: 2 }], style)).toBe('averyverylongword\n  x\n');
    expect(renderLines([{ segments: [{ text: '  averyverylongword x' }], hangingIndent: 2 }], style)).toBe('  averyverylongword\n  x\n');
    // A line of spaces wider than the terminal has no word to keep.
    expect(renderLines([line(' '.repeat(10))], style)).toBe('\n');
  });

  it('puts no colour codes around an empty segment', () => {
    expect(renderLines([line(toned('problem', ''), 'x')], COLOUR)).toBe('x\n');
    expect(renderLines([line('ab ', toned('problem', ''), 'cd')], { width: 3, color: true })).toBe('ab\ncd\n');
  });

  it('indents continuation rows by at most half the width (rounded down), so a narrow terminal keeps room for words', () => {
    const deep = (text: string) => [{ segments: [{ text }], hangingIndent: 10 }];
    expect(renderLines(deep('aaa bbb ccc'), { width: 10, color: false })).toBe('aaa bbb\n     ccc\n');
    expect(renderLines(deep('aaa bbb ccc dd'), { width: 11, color: false })).toBe('aaa bbb ccc\n     dd\n');
    expect(renderLines([{ segments: [{ text: 'aaa bbb ccc' }], hangingIndent: 3 }], { width: 10, color: false })).toBe('aaa bbb\n   ccc\n');
  });

  it('continues ready-made lines under their own indentation plus the extra, and dims in its own colour', () => {
    expect(indentedLines('- top\n    - nested item\n', 2).map((l) => l.hangingIndent)).toStrictEqual([2, 6]);
    // The final newline ends the last line; without one, the last line is kept whole.
    expect(indentedLines('- top\n  - end', 0).map((l) => l.segments[0].text)).toStrictEqual(['- top', '  - end']);
    expect(renderLines([line(toned('dim', 'quiet'))], COLOUR)).toBe(`${ESC}[2mquiet${ESC}[22m\n`);
  });

  it('counts two columns for each East Asian wide range, at both its ends, and none for combining marks', () => {
    const wide: [number, number][] = [[0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd]];
    const widthOf = (code: number): number => displayWidth(String.fromCodePoint(code));
    for (const [first, last] of wide) {
      expect([first - 1, first, last, last + 1].map(widthOf)).toStrictEqual([1, 2, 2, 1]);
    }
    // U+303F, the half-width ideographic space, sits inside a wide range but takes one column.
    expect(widthOf(0x303f)).toBe(1);
    // Combining marks, the zero-width joiner and variation selectors take none; their neighbours one.
    expect([0x2ff, 0x300, 0x36f, 0x370, 0x200c, 0x200d, 0x200e, 0xfdff, 0xfe00, 0xfe0f, 0xfe10].map(widthOf)).toStrictEqual([1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1]);
  });

  it('leaves short lines and unwrapped styles alone', () => {
    expect(renderLines([line('a  b'), line('')], { width: 80, color: true })).toBe('a  b\n\n');
    // Trailing spaces too, up to a line exactly as wide as the terminal, whatever its segments.
    expect(renderLines([line('a  ')], { width: 80, color: false })).toBe('a  \n');
    expect(renderLines([line('ab', toned('dim', 'c'), '  ')], { width: 5, color: false })).toBe('abc  \n');
    expect(renderLines([line('x '.repeat(100))], PLAIN)).toBe(`${'x '.repeat(100)}\n`);
  });

  it.each<[string, { isTTY?: boolean; columns?: number }, Record<string, string>, OutputStyle]>([
    ['a pipe', {}, {}, { width: null, color: false }],
    ['a pipe, even when the environment asks for colour', { isTTY: false, columns: 80 }, { FORCE_COLOR: '1' }, { width: null, color: false }],
    ['a terminal', { isTTY: true, columns: 80 }, {}, { width: 80, color: true }],
    ['a terminal with NO_COLOR', { isTTY: true, columns: 80 }, { NO_COLOR: '1' }, { width: 80, color: false }],
    ['a terminal with an empty NO_COLOR (no-color.org: ignored)', { isTTY: true, columns: 80 }, { NO_COLOR: '' }, { width: 80, color: true }],
    ['a dumb terminal', { isTTY: true, columns: 80 }, { TERM: 'dumb' }, { width: 80, color: false }],
    ['a terminal of unknown width', { isTTY: true }, {}, { width: null, color: true }],
    ['a terminal that reports 0 columns', { isTTY: true, columns: 0 }, {}, { width: null, color: true }],
  ])('%s', (_name, stream, env, style) => {
    expect(outputStyleFor(stream, env)).toStrictEqual(style);
  });
});

describe('help', () => {
  const helps = (style?: OutputStyle): [string, string][] => [
    ['overall', overallHelp(style)],
    ...COMMANDS.map((c): [string, string] => [c.name, commandHelp(c, style)]),
  ];

  it.each(helps())('%s help: every line fits 100 columns', (_name, text) => {
    const wide = text.split('\n').filter((row) => displayWidth(row) > HELP_WIDTH);
    expect(wide).toStrictEqual([]);
  });

  it.each(helps({ width: 72, color: true }))('%s help in a 72-column terminal: every line fits but one-word ones, and no colour', (_name, text) => {
    expect(text.split('\n').filter((row) => displayWidth(row) > 72 && / /.test(row.trim()))).toStrictEqual([]);
    expect(text).not.toMatch(ANSI);
  });

  it('overall help in a narrow terminal continues a command\'s summary under its first word', () => {
    const rows = overallHelp({ width: 60, color: false }).split('\n');
    const at = rows.findIndex((row) => /^ {2}check +\S/.test(row));
    const summaryAt = (/^ {2}check +/.exec(rows[at]) ?? [''])[0].length;
    expect(rows[at + 1].length - rows[at + 1].trimStart().length).toBe(summaryAt);
  });

  it.each(COMMANDS.map((c) => [c.name, c.description] as const))('%s: description lines are written within 100 columns, so no paragraph is broken mid-line', (_name, description) => {
    expect(description.split('\n').filter((row) => displayWidth(row) > HELP_WIDTH)).toStrictEqual([]);
  });

  it('says that the vault is the current folder, and that repair --apply needs it named', async () => {
    const overall = (await run(['--help'])).stdout;
    expect(overall).toContain('The vault is the current folder unless one is given with --vault DIR');
    expect(overall).toMatch(/repair --apply always\s+needs it named/);
    expect((await run(['check', '--help'])).stdout).toMatch(/--vault DIR +The vault folder \(default: the current folder/);
    expect((await run(['repair', '--help'])).stdout).toMatch(/with\s+--apply it must be named/);
  });
});

describe('did you mean', () => {
  it.each([
    ['chek', 'check'],
    ['cehck', 'check'],
    ['reapir', 'repair'],
    ['rep', 'repair'],
    ['ref', 'refs'],
    ['Chain', 'chain'],
    ['chian', 'chain'],
  ])('%s → %s', async (typed, meant) => {
    expect(closestChoice(typed, COMMANDS.map((c) => c.name))).toBe(meant);
    const result = await run([typed]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Unknown command "${typed}". Did you mean "${meant}"?`);
  });

  it.each(['build', 'xyz', 'status'])('%s: no suggestion for a word that is not close', async (typed) => {
    expect(closestChoice(typed, COMMANDS.map((c) => c.name))).toBeNull();
    expect((await run([typed])).stderr).toBe(`principle-chain: Unknown command "${typed}".\nRun "principle-chain --help" for usage.\n`);
  });

  it('suggests an option too', async () => {
    expect((await run(['check', '--vualt', '.'])).stderr).toContain('Unknown option --vualt. Did you mean --vault?');
  });

  it('allows two edits in a name of six letters or more, one in a shorter one, and suggests nothing for nothing typed', async () => {
    expect(closestChoice('rapoir', ['repair'])).toBe('repair');
    expect(closestChoice('grupf', ['graph'])).toBeNull();
    expect(closestChoice('', ['check', 'refs'])).toBeNull();
    expect((await run(['repair', '--lnk-styel', 'off'])).stderr).toContain('Unknown option --lnk-styel. Did you mean --link-style?');
  });

  it('suggests the closest choice, the first of equally close ones', () => {
    expect(closestChoice('abcd', ['abce', 'abcd'])).toBe('abcd');
    expect(closestChoice('abcd', ['abcd', 'abce'])).toBe('abcd');
    expect(closestChoice('re', ['refs', 'repair'])).toBe('refs');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('cehck', 'check')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // A swap needs both characters to match crosswise; one match alone is a replacement.
    expect([editDistance('ab', 'xa'), editDistance('ab', 'bx'), editDistance('abcd', 'acbd')]).toStrictEqual([2, 2, 1]);
  });
});
