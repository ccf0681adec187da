import { applyEdits } from '../../src/core/repair/edits';
import { createRepairPlanner, planFileRepairs, planRepairs } from '../../src/core/repair/plan';
import { IdIndex } from '../../src/core/index/idIndex';
import { createRepairContext } from '../../src/core/repair/context';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { facts } from '../core/index/helpers';
import type { RepairKind } from '../../src/core/repair/types';
import { contextOf, type ContextOptions, type Files } from './helpers';

const NOTES: Files = {
  '202108191025 Teams exist for a reason.md': 'Teams.',
  '202104291524 Execution is the priority of the team.md': 'Execution.',
  'zet/202109260705/README.md': '# Folder note\n',
  '202203151000 Feedback is a habit.md': 'one',
  'sub/202203151000 Praise in public.md': 'two',
  'sub/Reading list.md': 'no id',
  'Teams.md': 'a note called Teams',
};
const RENAMES = { '202108191025': ['Teams exist', 'Why teams'] };

function repair(text: string, source = 'source.md', options: ContextOptions = {}) {
  const context = contextOf({ ...NOTES, [source]: text }, { renames: RENAMES, ...options });
  const { plan, problems } = planFileRepairs(source, text, context);
  return { result: applyEdits(text, plan.edits), kinds: plan.edits.map((e) => e.kind), problems, edits: plan.edits };
}

describe('planFileRepairs: one row per case', () => {
  const rows: [string, string, string, RepairKind[]][] = [
    ['stale wikilink', '[[202108191025 Teams exist]]', '[[202108191025 Teams exist for a reason]]', ['stale-link-target']],
    ['keeps alias', 'see [[202108191025 Old|the why]].', 'see [[202108191025 Teams exist for a reason|the why]].', ['stale-link-target']],
    ['keeps embed and heading', '![[202108191025 Old#Why]]', '![[202108191025 Teams exist for a reason#Why]]', ['stale-link-target']],
    ['keeps block suffix', '[[202108191025 Old#^abc|x]]', '[[202108191025 Teams exist for a reason#^abc|x]]', ['stale-link-target']],
    ['keeps .md in a wikilink', '[[202108191025 Old.md]]', '[[202108191025 Teams exist for a reason.md]]', ['stale-link-target']],
    ['folder note by shortest path holding the ID', '[[202109260705 Gone]]', '[[202109260705/README]]', ['stale-link-target']],
    ['markdown link, encoded', '[x](202108191025%20Old.md)', '[x](202108191025%20Teams%20exist%20for%20a%20reason.md)', ['stale-link-target']],
    ['markdown link, vault-absolute', '[x](/202108191025%20Old.md)', '[x](/202108191025%20Teams%20exist%20for%20a%20reason.md)', ['stale-link-target']],
    ['markdown link without extension', '[x](202108191025%20Old)', '[x](202108191025%20Teams%20exist%20for%20a%20reason)', ['stale-link-target']],
    ['working link untouched', '[[202108191025 Teams exist for a reason]] [[Teams]]', '[[202108191025 Teams exist for a reason]] [[Teams]]', []],
    ['a link by the bare ID names no file', '[[202108191025|why]]', '[[202108191025 Teams exist for a reason|why]]', ['stale-link-target']],
    ['stale bare title', 'As 202108191025 Teams exist, we act.', 'As 202108191025 Teams exist for a reason, we act.', ['stale-title']],
    ['older stale title', '202108191025 Why teams', '202108191025 Teams exist for a reason', ['stale-title']],
    ['current title is left alone', '202108191025 Teams exist for a reason.', '202108191025 Teams exist for a reason.', []],
    ['old title must end at a word end', '202108191025 Teams existence', '202108191025 Teams existence', []],
    ['bare ID without title', 'see 202108191025.', 'see 202108191025.', []],
    ['broken bare ID with a known title', 'per 202104291525 Execution is the priority of the team.', 'per 202104291524 Execution is the priority of the team.', ['broken-id']],
    ['inline code untouched', '`202108191025 Teams exist` and `[[202108191025 Old]]`', '`202108191025 Teams exist` and `[[202108191025 Old]]`', []],
    ['fenced code untouched', '```\n202108191025 Teams exist\n```\n', '```\n202108191025 Teams exist\n```\n', []],
    ['frontmatter untouched', '---\nsee: 202108191025 Teams exist\n---\n202108191025 Teams exist\n', '---\nsee: 202108191025 Teams exist\n---\n202108191025 Teams exist for a reason\n', ['stale-title']],
    ['URL untouched', 'https://x.org/202108191025 Teams exist', 'https://x.org/202108191025 Teams exist', []],
    ['CRLF kept', 'a\r\n202108191025 Teams exist\r\n', 'a\r\n202108191025 Teams exist for a reason\r\n', ['stale-title']],
    ['BOM kept', '\uFEFF202108191025 Teams exist', '\uFEFF202108191025 Teams exist for a reason', ['stale-title']],
  ];
  it.each(rows)('%s', (_name, before, after, kinds) => {
    const { result, kinds: planned } = repair(before);
    expect(result).toBe(after);
    expect(planned).toStrictEqual(kinds);
    expect(repair(result).kinds).toStrictEqual([]);
  });

  const changing = rows.filter(([, before, after]) => before !== after);
  it.each(changing)('%s — same edits behind frontmatter, with CRLF, and none inside a fence', (_name, before, after) => {
    if (before.startsWith('\uFEFF') || before.startsWith('---')) return;
    const frontmatter = '---\nid: 202108191025 Teams exist\n---\n';
    expect(repair(frontmatter + before).result).toBe(frontmatter + after);
    expect(repair(before.replace(/\r?\n/g, '\r\n')).result).toBe(after.replace(/\r?\n/g, '\r\n'));
    if (!before.includes('```')) expect(repair('```\n' + before + '\n```\n').kinds).toStrictEqual([]);
  });

  it('repoints a markdown link relative to a note in a subfolder', () => {
    expect(repair('[x](../202108191025%20Old.md)', 'sub/source.md').result).toBe('[x](../202108191025%20Teams%20exist%20for%20a%20reason.md)');
  });

  it('reports the line and the spans of each edit', () => {
    const { edits } = repair('one\ntwo 202108191025 Teams exist\n');
    expect(edits).toStrictEqual([{ kind: 'stale-title', id: '202108191025', line: 2, from: 21, to: 32, before: 'Teams exist', after: 'Teams exist for a reason' }]);
  });
});

describe('planFileRepairs: never guesses', () => {
  it('reports an unresolved ID that no title follows', () => {
    const { kinds, problems } = repair('see 202108191059 something');
    expect(kinds).toStrictEqual([]);
    expect(problems).toStrictEqual([expect.objectContaining({ kind: 'unresolved-id', id: '202108191059', line: 1, file: 'source.md' })]);
  });

  it('reports a broken ID whose title fits several notes', () => {
    const files = { ...NOTES, 'x/202301010000 Same.md': '', 'y/202301020000 Same.md': '' };
    const text = 'see 202301030000 Same.';
    const { plan, problems } = planFileRepairs('s.md', text, contextOf(files));
    expect(plan.edits).toStrictEqual([]);
    expect(problems[0].message).toContain('x/202301010000 Same.md, y/202301020000 Same.md');
  });

  it('reports a stale link to a duplicate ID instead of picking one', () => {
    const { kinds, problems } = repair('[[202203151000 Gone]]');
    expect(kinds).toStrictEqual([]);
    expect(problems).toStrictEqual([expect.objectContaining({ kind: 'ambiguous-id', id: '202203151000' })]);
  });

  it('leaves implausible unknown digit runs alone', () => {
    expect(repair('count 202199999999 Teams').problems).toStrictEqual([]);
  });

  it('lists every file of a duplicate ID', () => {
    const context = contextOf(NOTES);
    const plan = planRepairs(Object.entries(NOTES).map(([path, text]) => ({ path, text })), context);
    expect(plan.problems.filter((p) => p.kind === 'duplicate-id').map((p) => p.file)).toStrictEqual([
      '202203151000 Feedback is a habit.md',
      'sub/202203151000 Praise in public.md',
    ]);
  });
});

describe('a planner kept while the index changes', () => {
  it('reports a duplicate ID that arose after it was made, and stops when it is gone', () => {
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.apply({ kind: 'upsert', facts: facts('a/202203151000 One.md', '202203151000') });
    const planner = createRepairPlanner(createRepairContext({ format: TWELVE_DIGIT, index, paths: ['a/202203151000 One.md', 'b/202203151000 Two.md'] }));
    const problems = () => planner.planFile('a/202203151000 One.md', 'one').problems.map((p) => p.kind);
    expect(problems()).toStrictEqual([]);
    index.apply({ kind: 'upsert', facts: facts('b/202203151000 Two.md', '202203151000') });
    expect(problems()).toStrictEqual(['duplicate-id']);
    index.apply({ kind: 'delete', path: 'b/202203151000 Two.md' });
    expect(problems()).toStrictEqual([]);
  });

  it('repairs a title after an ID to the note\'s title as it is now', () => {
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.apply({ kind: 'upsert', facts: facts('202203151000.md', '202203151000', [], 'Old title') });
    const planner = createRepairPlanner(createRepairContext({ format: TWELVE_DIGIT, index, paths: ['202203151000.md', 'source.md'], renameHistory: new Map([['202203151000', ['Old title']]]) }));
    const edits = () => planner.planFile('source.md', 'See 202203151000 Old title.').plan.edits.map((e) => e.after);
    expect(edits()).toStrictEqual([]);
    // The same path with a new title (its heading changed): the planner must not keep the old record.
    index.apply({ kind: 'upsert', facts: facts('202203151000.md', '202203151000', [], 'New title') });
    expect(edits()).toStrictEqual(['New title']);
  });
});

describe('link-style normalisation', () => {
  it('is off by default', () => {
    expect(repair('202108191025 Teams exist for a reason').kinds).toStrictEqual([]);
  });

  it('turns bare references into wikilinks, keeping what the reader sees', () => {
    const { result, kinds } = repair('a 202108191025 Teams exist for a reason, b 202104291524.', 'source.md', { linkStyle: 'wikilink' });
    expect(result).toBe('a [[202108191025 Teams exist for a reason]], b [[202104291524 Execution is the priority of the team|202104291524]].');
    expect(kinds).toStrictEqual(['link-style', 'link-style']);
  });

  it('leaves a note naming itself unlinked', () => {
    const own = '202108191025 Teams exist for a reason.md';
    expect(repair('202108191025 Teams exist for a reason', own, { linkStyle: 'wikilink' }).kinds).toStrictEqual([]);
  });

  it('fixes a stale title and links it in one edit', () => {
    const { result, kinds } = repair('202108191025 Teams exist', 'source.md', { linkStyle: 'wikilink' });
    expect(result).toBe('[[202108191025 Teams exist for a reason]]');
    expect(kinds).toStrictEqual(['stale-title']);
    expect(repair(result, 'source.md', { linkStyle: 'wikilink' }).kinds).toStrictEqual([]);
  });

  it('turns plain wikilinks into bare references and leaves the rest', () => {
    const target = '202108191025 Teams exist for a reason';
    const text = `[[${target}]] [[${target}|202108191025]] [[${target}|why]] ![[${target}]] [[${target}#Why]]`;
    const { result } = repair(text, 'source.md', { linkStyle: 'bare' });
    expect(result).toBe(`${target} 202108191025 [[${target}|why]] ![[${target}]] [[${target}#Why]]`);
  });

  it('keeps a wikilink whose bare form would not read as an ID', () => {
    expect(repair('x[[202108191025 Teams exist for a reason]]', 'source.md', { linkStyle: 'bare' }).kinds).toStrictEqual([]);
  });
});

describe('planFileRepairs: file names of every kind, folders, case and normalisation', () => {
  const VAULT: Files = {
    '202101040000 C# tips.md': '',
    '202101040001 A|B.md': '',
    '202101040002 x^y [draft].md': '',
    'archive/202101040003/README.md': '',
    '202101040004.md': '',
    '202101040005 Old Title.md': '',
    '202101040006 Cafe\u0301.md': '',
    '202101040007 a\\b.md': '',
  };
  const fix = (text: string) => {
    const context = contextOf({ ...VAULT, 's.md': text });
    const { plan, problems } = planFileRepairs('s.md', text, context);
    const result = applyEdits(text, plan.edits);
    // A fixed point: planning again on the result finds nothing more to write.
    expect(planFileRepairs('s.md', result, contextOf({ ...VAULT, 's.md': result })).plan.edits).toStrictEqual([]);
    return { result, problems: problems.map((p) => `${p.kind}: ${p.message}`) };
  };

  it.each([
    ['[x](202101040000%20Old.md)', '[x](202101040000%20C%23%20tips.md)'],
    ['[x](202101040001%20Old.md)', '[x](202101040001%20A%7CB.md)'],
    ['[x](202101040002%20Old.md)', '[x](202101040002%20x^y%20%5Bdraft%5D.md)'],
    ['[x](/202101040003/)', '[x](/archive/202101040003/)'],
    ['[x](../202101040003/)', '[x](archive/202101040003/)'],
    ['[x](/202101040004/)', '[x](/202101040004)'],
  ])('markdown %s becomes %s', (before, after) => {
    expect(fix(before)).toStrictEqual({ result: after, problems: [] });
  });

  it.each([
    ['[[202101040000 Old]]', '202101040000 C# tips.md', '#'],
    ['[[202101040001 Old|alias]]', '202101040001 A|B.md', '|'],
    ['![[202101040002 Old]]', '202101040002 x^y [draft].md', '^'],
    ['[[202101040007 Old]]', '202101040007 a\\b.md', '\\'],
  ])('wikilink %s to a name no wikilink can hold is reported, not written', (before, owner, character) => {
    expect(fix(before)).toStrictEqual({
      result: before,
      problems: [
        `stale-link: The link target "${/\[\[([^|\]]*)/.exec(before)![1]}" names no file, but ${owner.slice(0, 12)} is the ID of ${owner}, which no wikilink can name (it holds "${character}"). Rename the note or use a markdown link.`,
      ],
    });
  });

  it.each([
    '[[202101040005 old title]]',
    '[[202101040005 OLD TITLE#Heading|x]]',
    '[x](202101040005%20old%20title.md)',
    '[[202101040006 Café]]',
    '[[202101040006 CAFÉ]]',
    '[x](202101040006%20Caf%C3%A9.md)',
  ])('%s differs from the file name only in case or normalisation, which Obsidian resolves: not stale', (text) => {
    expect(fix(text)).toStrictEqual({ result: text, problems: [] });
  });

  it('does not link a bare reference to a note whose name no wikilink can hold', () => {
    const text = 'see 202101040000 C# tips here';
    const context = contextOf({ ...VAULT, 's.md': text }, { linkStyle: 'wikilink' });
    expect(planFileRepairs('s.md', text, context).plan.edits).toStrictEqual([]);
  });
});
