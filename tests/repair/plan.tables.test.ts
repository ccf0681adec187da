/** Link style in table rows (an alias's '|' would split the cell), and the order a vault's plan is listed in. */
import { applyEdits } from '../../src/core/repair/edits';
import { planFileRepairs, planRepairs } from '../../src/core/repair/plan';
import { contextOf } from './helpers';

const ID = '202108191025';
const NOTES = { [`${ID} Teams exist.md`]: '' };

function asWikilinks(text: string): string {
  const context = contextOf({ ...NOTES, 'source.md': text }, { linkStyle: 'wikilink' });
  return applyEdits(text, planFileRepairs('source.md', text, context).plan.edits);
}

describe('bare IDs into wikilinks, in and out of tables', () => {
  it.each([
    ['prose', `See ${ID} here`, `See [[${ID} Teams exist|${ID}]] here`],
    ['a line with a bar after the ID', `See ${ID} | here`, `See [[${ID} Teams exist|${ID}]] | here`],
    ['a line with a bar before the ID that is no table row', `a | ${ID} b`, `a | [[${ID} Teams exist|${ID}]] b`],
    ['a table row', `| ${ID} | x |`, `| ${ID} | x |`],
    ['a table row indented by spaces', `   | ${ID} | x |`, `   | ${ID} | x |`],
    // A tab at a line's start makes indented code (no reference at all): in a list item it indents the row.
    ['a table row in a list item, indented by a tab', `- item\n\t| ${ID} | x |`, `- item\n\t| ${ID} | x |`],
    ['a table row in a list item, indented by a space and a tab', `- item\n \t| ${ID} | x |`, `- item\n \t| ${ID} | x |`],
    ['a table row on a later line', `x\n| ${ID} | x |`, `x\n| ${ID} | x |`],
    ['a line too long to tell, treated as a row', `${'w '.repeat(2100)}${ID} x`, `${'w '.repeat(2100)}${ID} x`],
    ['a short line far into a long note, judged by its own start', `${'w '.repeat(2100)}\nSee ${ID} here`, `${'w '.repeat(2100)}\nSee [[${ID} Teams exist|${ID}]] here`],
  ])('%s', (_name, text, expected) => {
    expect(asWikilinks(text)).toBe(expected);
  });

  it('a link that needs no alias is written in a table row too', () => {
    expect(asWikilinks(`| ${ID} Teams exist | x |`)).toBe(`| [[${ID} Teams exist]] | x |`);
  });
});

describe('the order of a vault plan', () => {
  it('lists files by path and problems by file, then line, whatever order the files come in', () => {
    const files = { ...NOTES, 'b.md': `[[${ID} Old]] and 202001010000 y\n`, 'a.md': `x\n202001020000 y\n[[${ID} Old]]\n202001030000 z\n` };
    const context = contextOf(files);
    const plan = planRepairs([{ path: 'b.md', text: files['b.md'] }, { path: 'a.md', text: files['a.md'] }], context);
    expect(plan.files.map((f) => f.path)).toStrictEqual(['a.md', 'b.md']);
    expect(plan.problems.map((p) => `${p.file}:${p.line}`)).toStrictEqual(['a.md:2', 'a.md:4', 'b.md:1']);
  });
});

describe('code is never edited, wherever CommonMark puts it (tests/core/ids/blockContainers.table.test.ts)', () => {
  const renamed = { [`${ID} New.md`]: '' };
  const titleFixed = (text: string): string => {
    const context = contextOf({ ...renamed, 'source.md': text }, { renames: { [ID]: ['Old'] } });
    return applyEdits(text, planFileRepairs('source.md', text, context).plan.edits);
  };

  it.each([
    ['indented code after a heading', `# Example\n    echo ${ID} Old\n`],
    ['indented code after a closed fence', `\`\`\`\nx\n\`\`\`\n    ${ID} Old\n`],
    ['indented code after a thematic break', `***\n    ${ID} Old\n`],
    ['indented code in a list item', `- item\n\n      ${ID} Old\n`],
    ['indented code in a quote', `> q\n>\n>     ${ID} Old\n`],
    ['a fence whose closer is indented four columns, so it is still open', `\`\`\`\n    \`\`\`\n${ID} Old\n\`\`\`\n`],
    // Raw HTML (tests/core/ids/rawHtml.table.test.ts), which Reading view shows as preformatted text.
    ['a pre block, over a blank line', `<pre>\nx\n\n${ID} Old\n</pre>\n`],
    ['a script block in a list item', `- <script>\n  // ${ID} Old\n  </script>\n`],
  ])('%s is left as it is', (_name, text) => {
    expect(titleFixed(text)).toBe(text);
  });

  it('the same reference in prose gets its new title', () => {
    expect(titleFixed(`# Example\n\n${ID} Old\n`)).toBe(`# Example\n\n${ID} New\n`);
  });
});
