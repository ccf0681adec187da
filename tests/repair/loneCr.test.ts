/**
 * Notes with lone-CR line ends (old Mac files) are planned line by line like any other: a plan never
 * edits their frontmatter, fenced or indented code, and it is the plan of the same note with LF line
 * ends, at the same offsets.
 */
import fc from 'fast-check';
import { applyEdits } from '../../src/core/repair/edits';
import { createRepairPlanner } from '../../src/core/repair/plan';
import type { RepairEdit } from '../../src/core/repair/types';
import { contextOf, type Files } from './helpers';

const NOTES: Files = {
  '202108191025 Teams exist for a reason.md': '',
  '202104291524 Execution is the priority of the team.md': '',
  'source.md': '',
};
const RENAMES = { '202108191025': ['Teams exist'] };
const planner = createRepairPlanner(contextOf(NOTES, { renames: RENAMES }));

/** Stale references: each is edited when it stands in prose. */
const STALE = ['202108191025 Teams exist', '[[202108191025 Teams exist]]', '[x](202108191025%20Teams%20exist.md)'];

const shape = (edits: readonly RepairEdit[]) => edits.map(({ kind, from, to, before, after }) => ({ kind, from, to, before, after }));

describe('repair of a lone-CR note', () => {
  const lines = [
    '---',
    'see: 202108191025 Teams exist',
    'link: "[[202108191025 Teams exist]]"',
    '---',
    'Prose: 202108191025 Teams exist.',
    '',
    '~~~',
    '[[202108191025 Teams exist]] in a fence',
    '~~~',
    '',
    '    202108191025 Teams exist in indented code',
    '',
    'More prose: [[202108191025 Teams exist]].',
  ];

  test('edits the prose only, and reads the note like its LF twin', () => {
    const cr = lines.join('\r');
    const { edits } = planner.planFile('source.md', cr).plan;
    expect(edits.map((e) => [e.line, e.kind, e.before, e.after])).toStrictEqual([
      [5, 'stale-title', 'Teams exist', 'Teams exist for a reason'],
      [13, 'stale-link-target', '202108191025 Teams exist', '202108191025 Teams exist for a reason'],
    ]);
    expect(shape(edits)).toStrictEqual(shape(planner.planFile('source.md', lines.join('\n')).plan.edits));
    const repaired = applyEdits(cr, edits).split('\r');
    expect(repaired.filter((_, i) => i !== 4 && i !== 12)).toStrictEqual(lines.filter((_, i) => i !== 4 && i !== 12));
  });
});

describe('repair of generated lone-CR notes', () => {
  type Block = { lines: string[]; prose: boolean };
  const stale = fc.constantFrom(...STALE);
  const block = fc.oneof(
    fc.array(fc.tuple(fc.constantFrom('Text', 'See', '>', '#'), stale).map(([lead, ref]) => `${lead} ${ref}.`), { minLength: 1, maxLength: 3 }).map((l) => ({ lines: l, prose: true })),
    fc.array(stale, { minLength: 1, maxLength: 3 }).map((l): Block => ({ lines: ['```', ...l, '```'], prose: false })),
    fc.array(stale, { minLength: 1, maxLength: 3 }).map((l): Block => ({ lines: l.map((x) => `    ${x}`), prose: false })),
  );
  const note = fc.record({ frontmatter: fc.option(stale), blocks: fc.array(block, { minLength: 1, maxLength: 6 }) }).map(({ frontmatter, blocks }) => {
    const parts: Block[] = frontmatter === null ? [] : [{ lines: ['---', `a: ${frontmatter}`, '---'], prose: false }];
    // A blank line before each block, so indented lines are code and not a paragraph's continuation.
    for (const b of blocks) parts.push({ lines: [''], prose: true }, b);
    return parts;
  });

  test('never edits frontmatter or code, and plans as the LF note does', () => {
    fc.assert(
      fc.property(note, (parts) => {
        const lf = parts.flatMap((p) => p.lines).join('\n');
        const cr = lf.replace(/\n/g, '\r');
        const { edits } = planner.planFile('source.md', cr).plan;
        expect(shape(edits)).toStrictEqual(shape(planner.planFile('source.md', lf).plan.edits));
        let at = 0;
        for (const part of parts) {
          const length = part.lines.join('\r').length + 1;
          if (!part.prose) for (const edit of edits) expect(edit.to <= at || edit.from >= at + length).toBe(true);
          at += length;
        }
        const proseStale = parts.filter((p) => p.prose).flatMap((p) => p.lines).filter((l) => l !== '').length;
        expect(edits.length).toBeGreaterThanOrEqual(proseStale);
        expect(applyEdits(cr, edits).split('\r').length).toBe(cr.split('\r').length);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
