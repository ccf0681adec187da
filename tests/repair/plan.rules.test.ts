/**
 * The planner (src/core/repair/plan.ts) rule by rule: for each rule, a note it decides, with the
 * exact edits and problems it must give. A mutation run (`npx stryker run --mutate
 * src/core/repair/plan.ts`) listed these rules as held by no test: each case below fails when its
 * rule is changed.
 */
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { ambiguousMessage, staleLinkMessage, unresolvedMessage } from '../../src/core/check/problems';
import { createRepairContext } from '../../src/core/repair/context';
import { applyEdits } from '../../src/core/repair/edits';
import { planFileRepairs } from '../../src/core/repair/plan';
import type { RepairContext } from '../../src/core/repair/types';
import type { LinkStyle, OwnIdSource } from '../../src/core/settings';
import { contextOf, type Files } from './helpers';

const TEAMS = '202108191025';
const EXECUTION = '202104291524';
const FEEDBACK = '202203151000';
const NOTES: Files = {
  [`${TEAMS} Teams exist.md`]: '',
  [`${EXECUTION} Execution first.md`]: '',
  // One ID, two notes: every reference to it is ambiguous.
  [`a/${FEEDBACK} Feedback is a habit.md`]: '',
  [`b/${FEEDBACK} Praise in public.md`]: '',
  'Reading list.md': '',
};

interface Planned {
  readonly text: string;
  readonly edits: readonly string[];
  readonly problems: readonly string[];
}

function plan(text: string, options: { linkStyle?: LinkStyle; renames?: Record<string, string[]>; files?: Files } = {}): Planned {
  const files = { ...(options.files ?? NOTES), 'source.md': text };
  return planWith(contextOf(files, options), text);
}

function planWith(context: RepairContext, text: string): Planned {
  const { plan: filePlan, problems } = planFileRepairs('source.md', text, context);
  return {
    text: applyEdits(text, filePlan.edits),
    edits: filePlan.edits.map((edit) => `${edit.kind} ${edit.before} -> ${edit.after}`),
    problems: problems.map((problem) => `${problem.kind}: ${problem.message}`),
  };
}

describe('a bare ID that names no note', () => {
  it('is a problem worded as check words it when no title follows it', () => {
    const message = `unresolved-id: ${unresolvedMessage('202201011200', null)}`;
    expect(plan('As 202201011200.').problems).toStrictEqual([message]);
    expect(plan('As 202201011200 zzz says.').problems).toStrictEqual([message]);
    // A title's first characters, but no whole title.
    expect(plan('As 202201011200 Teams are many.').problems).toStrictEqual([message]);
  });

  it('is corrected when the text after it is one note\'s title, also as a wikilink', () => {
    expect(plan(`As 202101011200 Teams exist for a reason.`)).toMatchObject({
      text: `As ${TEAMS} Teams exist for a reason.`,
      edits: [`broken-id 202101011200 -> ${TEAMS}`],
      problems: [],
    });
    expect(plan(`As 202101011200 Teams exist for a reason.`, { linkStyle: 'wikilink' })).toMatchObject({
      text: `As [[${TEAMS} Teams exist]] for a reason.`,
      edits: [`broken-id 202101011200 Teams exist -> [[${TEAMS} Teams exist]]`],
    });
  });

  it('is left as a problem when the note it meant has an ID that names several notes', () => {
    expect(plan('As 202203151001 Feedback is a habit says.')).toStrictEqual({
      text: 'As 202203151001 Feedback is a habit says.',
      edits: [],
      problems: [`unresolved-id: 202203151001 names no note; the title after it is "Feedback is a habit" but its ID ${FEEDBACK} cannot be used`],
    });
  });

  it('is left as a problem when the text after it fits several notes', () => {
    const files = { ...NOTES, 'x/202104291530 Teams exist.md': '' };
    expect(plan('As 202201011200 Teams exist, we act.', { files }).problems).toStrictEqual([
      `unresolved-id: No note has the ID 202201011200. The text after it fits several notes (${TEAMS} Teams exist.md, x/202104291530 Teams exist.md); correct the ID.`,
    ]);
  });
});

describe('a former title after a bare ID', () => {
  it('is replaced by the current title', () => {
    expect(plan(`See ${TEAMS} Crews exist.`, { renames: { [TEAMS]: ['Crews exist'] } })).toMatchObject({
      text: `See ${TEAMS} Teams exist.`,
      edits: ['stale-title Crews exist -> Teams exist'],
    });
  });

  it('is left alone when the note is named by its ID alone (its title is the ID: no title to write)', () => {
    const files = { [`${TEAMS}.md`]: 'No heading.\n' };
    expect(plan(`See ${TEAMS} Teams exist today.`, { files, renames: { [TEAMS]: ['Teams exist'] } }).edits).toStrictEqual([]);
  });
});

describe('a former title replaced only where the result is a fixed point', () => {
  // Planning again must find nothing: after the current title, the text must not read as a longer former title.
  const files = { [`${TEAMS} AI.md`]: '' };
  const renames = { [TEAMS]: ['ML', 'AI ethics'] };

  it('is replaced when a longer former title does not follow (the word runs on)', () => {
    expect(plan(`See ${TEAMS} ML ethicsx today.`, { files, renames })).toMatchObject({
      text: `See ${TEAMS} AI ethicsx today.`,
      edits: ['stale-title ML -> AI'],
    });
  });

  it('is left when the result would read as a longer former title', () => {
    expect(plan(`See ${TEAMS} ML ethics today.`, { files, renames }).edits).toStrictEqual([]);
  });
});

describe('a wikilink under the bare style', () => {
  const bare = (text: string): Planned => plan(text, { linkStyle: 'bare' });

  it('becomes its ID (and title) when that reads the same and stays an ID', () => {
    expect(bare(`See [[${TEAMS} Teams exist|${TEAMS}]] now.`)).toMatchObject({ text: `See ${TEAMS} now.`, edits: [`link-style [[${TEAMS} Teams exist|${TEAMS}]] -> ${TEAMS}`] });
    expect(bare(`See [[${TEAMS} Teams exist]] now.`).text).toBe(`See ${TEAMS} Teams exist now.`);
  });

  it('keeps the kind of a repointed link that also becomes bare', () => {
    expect(bare(`See [[${TEAMS} Old name|${TEAMS}]] now.`)).toMatchObject({
      text: `See ${TEAMS} now.`,
      edits: [`stale-link-target [[${TEAMS} Old name|${TEAMS}]] -> ${TEAMS}`],
    });
  });

  it.each([
    ['an alias that is neither the ID nor ID and title', `See [[${TEAMS} Teams exist|${TEAMS} our reason]] now.`],
    ['a link a digit follows (the ID would run on into it)', `[[${TEAMS} Teams exist|${TEAMS}]]7 items`],
    ['a link a letter stands before', `${TEAMS} and a[[${TEAMS} Teams exist|${TEAMS}]] too`],
  ])('stays a link: %s', (_case, text) => {
    expect(bare(text).edits).toStrictEqual([]);
  });
});

describe('a link whose ID does not resolve and whose target names no file', () => {
  it('is an unresolved-ID problem, or an ambiguous-ID one', () => {
    expect(plan('See [[202201011200 Gone]].').problems).toStrictEqual([`unresolved-id: ${unresolvedMessage('202201011200', null)}`]);
    const owners = [`a/${FEEDBACK} Feedback is a habit.md`, `b/${FEEDBACK} Praise in public.md`];
    expect(plan(`See [[${FEEDBACK} Nope]].`).problems).toStrictEqual([`ambiguous-id: ${ambiguousMessage(FEEDBACK, owners)}`]);
  });
});

describe('a stale link whose owner no file name names by its ID (the ID only in its frontmatter)', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  function frontmatterContext(files: Files, linkStyle: LinkStyle = 'off'): RepairContext {
    const index = new IdIndex({ format: TWELVE_DIGIT });
    for (const [path, text] of Object.entries(files)) index.apply({ kind: 'upsert', facts: extractNoteFacts(path, text, options) });
    return createRepairContext({ format: TWELVE_DIGIT, index, paths: Object.keys(files), linkStyle });
  }

  it('is a stale-link problem: no target that keeps the ID names the owner', () => {
    const files = { 'owner.md': `---\nid: ${TEAMS}\n---\nBody.\n`, 'source.md': `See [[${TEAMS} Teams]].` };
    expect(planWith(frontmatterContext(files), files['source.md'])).toStrictEqual({
      text: files['source.md'],
      edits: [],
      problems: [`stale-link: ${staleLinkMessage(`${TEAMS} Teams`, TEAMS, 'owner.md')}`],
    });
  });

  it('is worded for its own form: only a wikilink is told that no wikilink can name the owner', () => {
    const files = { 'own#er.md': `---\nid: ${TEAMS}\n---\nBody.\n`, 'source.md': `See [t](${TEAMS}%20Teams.md) and [[${TEAMS} Teams]].` };
    expect(planWith(frontmatterContext(files), files['source.md']).problems).toStrictEqual([
      `stale-link: ${staleLinkMessage(`${TEAMS}%20Teams.md`, TEAMS, 'own#er.md')}`,
      `stale-link: The link target "${TEAMS} Teams" names no file, but ${TEAMS} is the ID of own#er.md, which no wikilink can name (it holds "#"). Rename the note or use a markdown link.`,
    ]);
  });

  it('is pointed at the owner by a target that reaches it, not at another file of the same name', () => {
    // The shorter target names the file that does not hold the ID.
    const files = {
      [`${TEAMS} Teams exist.md`]: 'Not the owner.\n',
      [`z/${TEAMS} Teams exist.md`]: `---\nid: ${TEAMS}\n---\nThe owner.\n`,
      'source.md': `See [[${TEAMS} Teams]].`,
    };
    const planned = planWith(frontmatterContext(files), files['source.md']);
    expect(planned.text).toBe(`See [[z/${TEAMS} Teams exist]].`);
  });
});

describe('edits never overlap', () => {
  it('an ID inside a title the link takes in is not planned again', () => {
    const files: Files = { ...NOTES, [`${TEAMS} Teams ${EXECUTION} rule.md`]: '' };
    delete files[`${TEAMS} Teams exist.md`];
    const planned = plan(`See ${TEAMS} Teams ${EXECUTION} rule here.`, { files, linkStyle: 'wikilink' });
    expect(planned.text).toBe(`See [[${TEAMS} Teams ${EXECUTION} rule]] here.`);
    expect(planned.edits).toHaveLength(1);
  });
});

describe('a bare ID under the wikilink style', () => {
  it('stays bare when the text the link would show holds a bracket (its title from a heading)', () => {
    const files = { [`${TEAMS}.md`]: '# Teams [draft]\n' };
    const text = `See ${TEAMS} Teams [draft] here.`;
    expect(plan(text, { files, linkStyle: 'wikilink' }).edits).toStrictEqual([]);
  });

  it.each([
    ['a pipe, which would end the link\'s target', 'Teams | draft'],
    ['an opening bracket alone', 'Teams [draft'],
    ['a closing bracket alone', 'Teams draft]'],
  ])('stays bare when that text holds %s', (_name, heading) => {
    const files = { [`${TEAMS}.md`]: `# ${heading}\n` };
    const text = `See ${TEAMS} ${heading} here.`;
    expect(plan(text, { files, linkStyle: 'wikilink' }).edits).toStrictEqual([]);
  });

  it.each([['\n'], ['\r']])('stays bare when the title, from a file name that holds a line break (%j), runs over two lines', (lineBreak) => {
    const files = { [`${TEAMS} Teams${lineBreak}exist.md`]: '' };
    const text = `See ${TEAMS} Teams${lineBreak}exist here.`;
    expect(plan(text, { files, linkStyle: 'wikilink' }).edits).toStrictEqual([]);
  });
});

describe('a stale markdown link into a folder whose name is escaped', () => {
  it('is pointed at the note, the folder kept escaped as it was', () => {
    // Obsidian escapes a folder's spaces too (`my%20notes/`); the ID there is still the link's.
    const files = { [`my notes/${TEAMS} Teams exist.md`]: '' };
    const planned = plan(`See [t](my%20notes/${TEAMS}%20Old.md) and [u](my%20notes/${TEAMS}%20Teams%20exist.md).`, { files });
    expect(planned.text).toBe(`See [t](my%20notes/${TEAMS}%20Teams%20exist.md) and [u](my%20notes/${TEAMS}%20Teams%20exist.md).`);
    expect(planned.edits).toHaveLength(1);
  });
});

describe('a stale markdown link written in angle brackets', () => {
  it('is pointed at the note with its spaces kept, as the user wrote the destination', () => {
    const planned = plan(`See [t](<${TEAMS} Old name.md>) and [u](<./${TEAMS} Old.md> "title").\n\n[def]: <${TEAMS} Old.md>\n`);
    expect(planned.text).toBe(`See [t](<${TEAMS} Teams exist.md>) and [u](<./${TEAMS} Teams exist.md> "title").\n\n[def]: <${TEAMS} Teams exist.md>\n`);
    expect(planned.problems).toStrictEqual([]);
  });

  it('still encodes, outside angle brackets, the spaces that would end the destination', () => {
    expect(plan(`See [t](${TEAMS}%20Old%20name.md).`).text).toBe(`See [t](${TEAMS}%20Teams%20exist.md).`);
  });
});

describe('a stale markdown link to a note whose name holds a space past ASCII', () => {
  it('is pointed at it by a target that decodes to its name (an ideographic space as UTF-8 bytes)', () => {
    const files = { [`${TEAMS} チーム\u3000の理由.md`]: '' };
    expect(plan(`[t](${TEAMS}%20Old.md)`, { files }).text).toBe(`[t](${TEAMS}%20チーム%E3%80%80の理由.md)`);
    expect(plan(`[t](<${TEAMS} Old.md>)`, { files }).text).toBe(`[t](<${TEAMS} チーム%E3%80%80の理由.md>)`);
  });
});

describe('what a repair never rewrites', () => {
  it('a link to an attachment named by an ID, whether or not the attachment is there', () => {
    // Repointed at the note, the image would become the note.
    const text = `![[${EXECUTION}.png]] and [scan](${EXECUTION}.pdf)`;
    expect(plan(text)).toStrictEqual({ text, edits: [], problems: [] });
  });

  it('an ID in a code span whose opening backtick stands in the list item before', () => {
    // The item before leaves its backtick unclosed; the span is the second item's own (CommonMark).
    const text = '- Press ` to open the console\n- Then type `202301011200 Teams exist`\n';
    expect(plan(text)).toStrictEqual({ text, edits: [], problems: [] });
  });

  it('the prose and the link after a `[[` that is never closed', () => {
    // Obsidian links only the inner of `[[a [[b]]`: the first `[[` and the words after it are text.
    const text = `See [[${EXECUTION} Old title and, as I wrote, [[${TEAMS} Teams exist]] matter.`;
    expect(plan(text)).toStrictEqual({ text, edits: [], problems: [] });
    const renamed = plan(text, { renames: { [EXECUTION]: ['Old title'] } });
    expect(renamed.text).toBe(`See [[${EXECUTION} Execution first and, as I wrote, [[${TEAMS} Teams exist]] matter.`);
  });
});

describe('the wikilink style', () => {
  it('leaves a bare ID where a wikilink would read otherwise', () => {
    // After `!` it would be an embed, after `\` its bracket escaped, next to `[` or `]` three brackets.
    for (const text of [`Wow!${TEAMS} Teams exist.`, `a \\${TEAMS} Teams exist`, `See [${TEAMS} Teams exist here.`, `(${TEAMS} Teams exist] here`]) {
      expect(plan(text, { linkStyle: 'wikilink' })).toStrictEqual({ text, edits: [], problems: [] });
    }
    expect(plan(`See ${TEAMS} Teams exist here.`, { linkStyle: 'wikilink' }).text).toBe(`See [[${TEAMS} Teams exist]] here.`);
  });
});
