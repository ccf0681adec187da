/**
 * Properties of the planner over generated notes: repairing twice equals repairing once, no
 * reference is lost or turned into an embed, and edits stay inside prose references — code, frontmatter, URLs, line endings, a BOM and the final newline
 * come through byte-identical, and no digit run is split.
 */
import fc from 'fast-check';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { scanReferences } from '../../src/core/ids/scanner';
import { applyEdits } from '../../src/core/repair/edits';
import { createRepairPlanner } from '../../src/core/repair/plan';
import type { LinkStyle } from '../../src/core/settings';
import { contextOf, type Files } from './helpers';

const NOTES: Files = {
  '202108191025 Teams exist for a reason.md': '',
  '202104291524 Execution is the priority of the team.md': '',
  'zet/202109260705/README.md': '# Folder note\n',
  '202203151000 Feedback is a habit.md': '',
  'sub/202203151000 Praise in public.md': '',
  '202301010000 Teams.md': '',
  'source.md': '',
};
const RENAMES = { '202108191025': ['Teams exist', 'Why teams', 'Teams exist for'], '202301010000': ['Crews', 'Teams and more'] };
const planners = new Map(
  (['off', 'wikilink', 'bare'] as LinkStyle[]).map((style) => [style, createRepairPlanner(contextOf(NOTES, { renames: RENAMES, linkStyle: style }))]),
);

type Segment = { text: string; prose: boolean };

const ids = fc.constantFrom('202108191025', '202104291524', '202109260705', '202203151000', '202301010000', '202104291525', '202108191059', '202199999999');
const titles = fc.constantFrom('Teams exist', 'Teams exist for a reason', 'Why teams', 'Execution is the priority of the team', 'Teams', 'Crews', 'Old', 'Folder note', 'Teams exist for', 'Teams and more');
const tails = fc.constantFrom('', '.', ',', ' and more', 'ence', ')', '!', '-x');
const prose = fc.oneof(
  fc.constantFrom('word', 'the team', '—', '(', ')', '#tag', '2021', '20210829', 'x_', 'é', '*', '_', '|'),
  fc.tuple(ids, fc.option(titles), tails).map(([id, title, tail]) => `${id}${title === null ? '' : ' ' + title}${tail}`),
  fc.tuple(ids, titles, fc.constantFrom('', '|alias', '#Heading', '#^blk', '|202108191025', '.md'), fc.boolean()).map(
    ([id, title, suffix, embed]) => `${embed ? '!' : ''}[[${id} ${title}${suffix}]]`,
  ),
  fc.tuple(ids, titles, fc.constantFrom('', '.md'), fc.constantFrom('', '../', '/')).map(
    ([id, title, ext, prefix]) => `[text](${prefix}${encodeURIComponent(`${id} ${title}`)}${ext})`,
  ),
  ids.map((id) => `${id}4`),
  ids.map((id) => `7${id}`),
  ids.map((id) => `#${id}`),
  ids.map((id) => `^${id}`),
  // A reference right after `!`, `\` or `[`, or right before `]`: a wikilink written there would read otherwise.
  fc.tuple(fc.constantFrom('!', '\\', '[', '(['), ids, titles, fc.constantFrom('', ']', '].')).map(([before, id, title, after]) => `${before}${id} ${title}${after}`),
  // A `[[` never closed before a later link: its words are prose.
  fc.tuple(ids, titles).map(([id, title]) => `[[${id} ${title} and`),
);
const inlineProtected = fc.oneof(
  fc.tuple(ids, titles).map(([id, title]) => `\`${id} ${title}\``),
  fc.tuple(ids, titles).map(([id, title]) => `\`\`[[${id} ${title}]]\`\``),
  ids.map((id) => `https://example.org/${id}`),
  ids.map((id) => `$${id}$`),
  fc.tuple(ids, titles).map(([id, title]) => `<!-- ${id} ${title} -->`),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

/** One line: prose tokens and protected inline spans, separated by spaces. */
const line = fc.array(fc.oneof({ weight: 4, arbitrary: prose.map((text) => ({ text, prose: true })) }, { weight: 1, arbitrary: inlineProtected.map((text) => ({ text, prose: false })) }), { maxLength: 8 });
const fence = fc.tuple(ids, titles).map(([id, title]) => ['```', `${id} ${title} [[${id} Old]]`, '```']);

const note = fc
  .record({
    bom: fc.boolean(),
    frontmatter: fc.option(fc.tuple(ids, titles)),
    blocks: fc.array(fc.oneof({ weight: 5, arbitrary: line.map((l) => ({ line: l })) }, { weight: 1, arbitrary: fence.map((f) => ({ fence: f })) }), { minLength: 1, maxLength: 8 }),
    eols: fc.array(eol, { minLength: 40, maxLength: 40 }),
    finalNewline: fc.boolean(),
    style: fc.constantFrom<LinkStyle>('off', 'off', 'wikilink', 'bare'),
  })
  .map(({ bom, frontmatter, blocks, eols, finalNewline, style }) => {
    const segments: Segment[] = [];
    let n = 0;
    const nextEol = () => eols[n++ % eols.length];
    if (bom) segments.push({ text: '\uFEFF', prose: false });
    if (frontmatter) {
      const [id, title] = frontmatter;
      segments.push({ text: ['---', `see: ${id} ${title}`, `link: "[[${id} ${title}]]"`, '---', ''].join(nextEol()), prose: false });
    }
    blocks.forEach((block, i) => {
      if ('fence' in block) segments.push({ text: block.fence.join(nextEol()), prose: false });
      else block.line.forEach((s, j) => segments.push(...(j > 0 ? [{ text: ' ', prose: true }] : []), s));
      if (i < blocks.length - 1 || finalNewline) segments.push({ text: nextEol(), prose: false });
    });
    return { segments, style, text: segments.map((s) => s.text).join('') };
  });

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

describe('repair plan properties', () => {
  it('generates notes that need every kind of repair (so the properties below test something)', () => {
    const kinds = new Set<string>();
    for (const { text, style } of fc.sample(note, { numRuns: 300, seed: 1 })) {
      for (const edit of planners.get(style)!.planFile('source.md', text).plan.edits) kinds.add(edit.kind);
    }
    expect([...kinds].sort()).toStrictEqual(['broken-id', 'link-style', 'stale-link-target', 'stale-title']);
  });

  it('repairing twice equals repairing once', () => {
    fc.assert(
      fc.property(note, ({ text, style }) => {
        const planner = planners.get(style)!;
        const once = applyEdits(text, planner.planFile('source.md', text).plan.edits);
        expect(planner.planFile('source.md', once).plan.edits).toStrictEqual([]);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it('keeps every reference: as many in the repaired note, as many of them embeds', () => {
    const counts = (text: string): [number, number] => {
      const references = scanReferences(text, TWELVE_DIGIT);
      return [references.length, references.filter((r) => r.link?.embed === true).length];
    };
    fc.assert(
      fc.property(note, ({ text, style }) => {
        const repaired = applyEdits(text, planners.get(style)!.planFile('source.md', text).plan.edits);
        expect({ repaired, counts: counts(repaired) }).toStrictEqual({ repaired, counts: counts(text) });
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('only changes prose, never a line ending, and never splits a digit run', () => {
    fc.assert(
      fc.property(note, ({ text, segments, style }) => {
        const planner = planners.get(style)!;
        const { edits } = planner.planFile('source.md', text).plan;
        const protectedRanges: [number, number][] = [];
        let at = 0;
        for (const s of segments) {
          if (!s.prose) protectedRanges.push([at, at + s.text.length]);
          at += s.text.length;
        }
        const references = scanReferences(text, TWELVE_DIGIT);
        for (const edit of edits) {
          // Each edit starts inside a reference (its link, or the ID and the space before its title).
          expect(references.some((r) => edit.from >= (r.link?.from ?? r.from) && edit.from <= (r.link?.to ?? r.to + 1))).toBe(true);
          for (const [from, to] of protectedRanges) expect(edit.to <= from || edit.from >= to).toBe(true);
          expect(/[\r\n]/.test(edit.before + edit.after)).toBe(false);
          expect(isDigit(text[edit.from - 1]) && isDigit(text[edit.from])).toBe(false);
          expect(isDigit(text[edit.to - 1]) && isDigit(text[edit.to])).toBe(false);
        }
        const repaired = applyEdits(text, edits);
        expect(repaired.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        expect(repaired.split('\r\n').length).toBe(text.split('\r\n').length);
        expect(repaired.split('\n').length).toBe(text.split('\n').length);
        expect(repaired.split(/\r(?!\n)/).length).toBe(text.split(/\r(?!\n)/).length);
        expect(/\n$/.test(repaired)).toBe(/\n$/.test(text));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
