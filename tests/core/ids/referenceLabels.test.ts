import { mark } from './mark';
import { DENOTE, FOURTEEN_DIGIT, idFormatFor, type IdFormat } from '../../../src/core/ids/formats';
import { isLinkLabel, labelKey } from '../../../src/core/ids/referenceLabels';

const A = '202104291524';
const B = '202108191025';

/** The brackets of `[…]` written alone. */
const whole = (label: string): [string, number, number] => [label, 0, label.length - 1];

describe('isLinkLabel', () => {
  test.each<[string, string, boolean]>([
    ['a word', '[ref]', true],
    ['white space only (its key matches nothing)', '[ \t]', true],
    ['over two lines', '[a\nb]', true],
    ['an unescaped opening bracket', '[a[b]', false],
    ['an unescaped closing bracket', '[a]b]', false],
    ['an escaped closing bracket', '[a\\]b]', true],
    ['an escaped opening bracket', '[a\\[b]', true],
    ['an escaped backslash before a bracket', '[a\\\\[b]', false],
    ['999 characters', `[${'x'.repeat(999)}]`, true],
    ['1,000 characters', `[${'x'.repeat(1000)}]`, false],
  ])('%s', (_name, label, expected) => {
    expect(isLinkLabel(...whole(label))).toBe(expected);
  });
});

describe('labelKey', () => {
  test.each<[string, string, string]>([
    ['trimmed, white space runs as one space, case folded', '[ Two\t\n  words ]', 'TWO WORDS'],
    // CommonMark's example of Unicode case folding: ẞ matches SS.
    ['ẞ', '[ẞ]', 'SS'],
    ['ß', '[ß]', 'SS'],
    ['escapes kept', '[a\\]b]', 'A\\]B'],
  ])('%s', (_name, label, key) => {
    expect(labelKey(...whole(label))).toBe(key);
  });
});

// Each row was read by commonmark.js the same way.
describe('which labels a note defines', () => {
  test.each<[string, string, string]>([
    ['labels fold case as CommonMark does', `[${A}][ẞ]\n\n[SS]: /u`, `[${A}][ẞ]\n\n[SS]: /u`],
    ['white space between words matters', `[${A}][two words]\n\n[twowords]: /u`, `[«b:${A}»][two words]\n\n[twowords]: /u`],
    ['a label of over 999 characters is none, though its key is short', `[${A}][a${' '.repeat(998)}b]\n\n[a b]: /u`, `[«b:${A}»][a${' '.repeat(998)}b]\n\n[a b]: /u`],
    ['an escaped bracket in a reference label', `[see ${A}][a\\]b]\n\n[a\\]b]: /u`, `[see ${A}][a\\]b]\n\n[a\\]b]: /u`],
    ['an escaped opening bracket in a definition label', `[${A}][\\[a]\n\n[\\[a]: /u`, `[${A}][\\[a]\n\n[\\[a]: /u`],
    ['an escaped backslash before the colon', `[${A}][a\\\\]\n\n[a\\\\]: /u`, `[${A}][a\\\\]\n\n[a\\\\]: /u`],
    ['an escaped closing bracket closes no definition label', `[${A}][a]\n\n[a\\]: /u`, `[«b:${A}»][a]\n\n[a\\]: /u`],
    ['a label with brackets is no label: the text may be a shortcut', `[${A}][a [b]]\n\n[${A}]: /u`, `[${A}][a [b]]\n\n[${A}]: /u`],
    ['a definition after code that holds `]:`', `[${A}]\n\n\`\`\`\n[x]: y\n\`\`\`\n\n[${A}]: /u`, `[${A}]\n\n\`\`\`\n[x]: y\n\`\`\`\n\n[${A}]: /u`],
    ['a definition line continuing a short first line defines nothing', `x\n[${A}]: /u\n\n[${A}]`, `x\n[«b:${A}»]: /u\n\n[«b:${A}»]`],
    ['a reference far into a note', `${'x'.repeat(1000)}\n\n[${A}][ref]\n\n[ref]: /u`, `${'x'.repeat(1000)}\n\n[${A}][ref]\n\n[ref]: /u`],
    ['a line that closes a label it never opened defines nothing', `  ${A}]: /u\n\n[${A}]`, `  «b:${A}»]: /u\n\n[«b:${A}»]`],
    ['definitions one after another', `[${A}][b]\n\n[a]: /u\n[b]: /v`, `[${A}][b]\n\n[a]: /u\n[b]: /v`],
    ['a second definition after one with a title on its own line', `[${A}][b]\n\n[a]: /u\n"t"\n[b]: /v`, `[${A}][b]\n\n[a]: /u\n"t"\n[b]: /v`],
    // `%%…%%` and `$$…$$` may run over blank lines, so a definition-shaped paragraph may lie in one:
    // it is a comment or math, which the scan skips, and defines nothing.
    ['a definition in a comment block defines nothing', `%%\n\n[see ${A}]: /u\n\n%%\n\n[see ${A}]`, `%%\n\n[see ${A}]: /u\n\n%%\n\n[see «b:${A}»]`],
    ['a definition in a comment that opens in a paragraph defines nothing', `a %% b\n\n[see ${A}]: /u\n\nc %%\n\n[see ${A}]`, `a %% b\n\n[see ${A}]: /u\n\nc %%\n\n[see «b:${A}»]`],
    ['a definition in an unclosed comment defines nothing', `[see ${A}]\n\n%% b\n\n[see ${A}]: /u`, `[see «b:${A}»]\n\n%% b\n\n[see ${A}]: /u`],
    ['a definition in math over blank lines defines nothing', `a $$ b\n\n[see ${A}]: /u\n\nc $$\n\n[see ${A}]`, `a $$ b\n\n[see ${A}]: /u\n\nc $$\n\n[see «b:${A}»]`],
    ['a definition in a comment after the reference that needs it defines nothing', `[see ${A}] ${B}\n\n%% b\n\n[see ${A}]: /u\n\n%% ${B}`, `[see «b:${A}»] «b:${B}»\n\n%% b\n\n[see ${A}]: /u\n\n%% «b:${B}»`],
    ['a definition after a comment or math that closed defines its label', `%% a %%\n\n$$ b $$\n\n[see ${A}]: /u\n\n[see ${A}] ${B}`, `%% a %%\n\n$$ b $$\n\n[see ${A}]: /u\n\n[see ${A}] «b:${B}»`],
    ['a definition before a comment defines its label', `[see ${A}]\n\n[see ${A}]: /u\n\n%% a\n\nb %%`, `[see ${A}]\n\n[see ${A}]: /u\n\n%% a\n\nb %%`],
    ['a definition beside a comment defines its label', `[see ${A}]\n\n%% a\n\nb %%\n\n[see ${A}]: /u`, `[see ${A}]\n\n%% a\n\nb %%\n\n[see ${A}]: /u`],
    ['`%%` in code opens no comment', `[see ${A}]\n\n\`%%\`\n\n[see ${A}]: /u\n\n\`%%\``, `[see ${A}]\n\n\`%%\`\n\n[see ${A}]: /u\n\n\`%%\``],
  ])('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });

  test.each<[string, IdFormat, string]>([
    ['14 digits', FOURTEEN_DIGIT, '20210429152404'],
    ['Denote', DENOTE, '20210429T152404'],
    ['a custom pattern', idFormatFor('custom', 'zk-[0-9]{4}'), 'zk-1234'],
  ])('a definition in a comment defines nothing, %s', (_name, format, id) => {
    expect(mark(`[see ${id}] x\n\n%% b\n\n[see ${id}]: /u\n\n%% ${id}`, format)).toBe(`[see «b:${id}»] x\n\n%% b\n\n[see ${id}]: /u\n\n%% «b:${id}»`);
  });
});
