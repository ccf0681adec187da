/**
 * Repair on real files, over note names with every character a file system allows (`#`, `|`, `^`,
 * `%`, brackets, spaces, non-ASCII, decomposed accents, ...) and `\n`, `\r\n` or lone `\r` line endings with or
 * without a BOM: the command line's plan, applied, leaves nothing more to plan; only reference spans
 * change; and undoing the applied edits through the same writer restores every byte.
 */
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { createNodeAtomicWriter } from '../../../src/cli/atomicWrite';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { scanReferences } from '../../../src/core/ids/scanner';
import { applyEdits } from '../../../src/core/repair/edits';
import { serializeRepairState } from '../../../src/core/repair/state';
import { recordFileRepair, undoFileRepair } from '../../../src/core/repair/undo';
import { runJson } from '../../cli/harness';
import { removeScratchFolders, scratchFolder } from './realFiles';

afterAll(removeScratchFolders);

interface PlannedEdit {
  kind: 'stale-link-target' | 'stale-title' | 'broken-id' | 'link-style';
  line: number;
  from: number;
  to: number;
  before: string;
  after: string;
}
interface RepairJson {
  files: { file: string; edits: PlannedEdit[] }[];
  problems: { kind: string; file: string; message: string }[];
  applied: boolean;
}

const ID = '202101040000';
const OTHER_ID = '202102050000';
// Every character Linux allows in a name except '/' and NUL, weighted towards the troublesome ones.
const NAME_CHARS = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'#|^%[]() {}&\'!,;=+@$~`\\-_.'.split('')) },
  { weight: 4, arbitrary: fc.constantFrom('a', 'B', 'z', '7', 'é', 'e\u0301', 'Ü', '日本', 'ß', 'İ', '🙂', '\u00a0') },
);
const word = fc.array(NAME_CHARS, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
const title = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' ').trim())
  .filter((t) => t !== '' && !t.endsWith('.') && !/^[-_.]/.test(t));
const folder = fc.option(fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ').trim()).filter((f) => f !== '' && f !== '.' && f !== '..' && !f.startsWith('.')), { nil: null });

const vaultCase = fc.record({
  ownerTitle: title,
  ownerFolder: folder,
  otherTitle: title,
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
});

type VaultCase = typeof vaultCase extends fc.Arbitrary<infer T> ? T : never;

/** The source note: stale links of both forms, a stale bare title, a working reference, and plain prose. */
function sourceText(c: VaultCase): string {
  const lines = [
    `# A note about ${ID} Old title`,
    `See [[${ID} Old title]] and [[${ID} Old title|the note]].`,
    `Also [this](${encodeURIComponent(`${ID} Old title`)}.md) and [that](/${encodeURIComponent(`${ID} Old title`)}).`,
    `As ${ID} Old title says, and ${OTHER_ID} ${c.otherTitle} too.`,
    '```',
    `[[${ID} Old title]] stays in code`,
    '```',
    `Last line with ${ID}.`,
  ];
  return (c.bom ? '\uFEFF' : '') + lines.join(c.eol) + (c.finalEol ? c.eol : '');
}

function writeVault(c: VaultCase): { dir: string; source: string; original: Buffer } {
  const dir = scratchFolder('pc-names-');
  const ownerPath = path.join(dir, ...(c.ownerFolder === null ? [] : [c.ownerFolder]), `${ID} ${c.ownerTitle}.md`);
  mkdirSync(path.dirname(ownerPath), { recursive: true });
  writeFileSync(ownerPath, `${ID} ${c.ownerTitle}${c.eol}`);
  writeFileSync(path.join(dir, `${OTHER_ID} ${c.otherTitle}.md`), '');
  const stateDir = path.join(dir, '.obsidian', 'plugins', 'principle-chain');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(path.join(stateDir, 'repair.json'), serializeRepairState({ renameHistory: new Map([[ID, ['Old title']]]), lastRun: null }));
  const source = path.join(dir, 'source.md');
  const original = Buffer.from(sourceText(c), 'utf8');
  writeFileSync(source, original);
  return { dir, source, original };
}

/** Each edit lies inside a reference: a link's span, or a bare ID with the title after it. */
function insideReferences(text: string, edit: PlannedEdit): boolean {
  return scanReferences(text, TWELVE_DIGIT).some((r) => {
    const from = r.link?.from ?? r.from;
    const to = r.link?.to ?? text.length;
    return edit.from >= from && edit.to <= to && (r.link !== undefined || edit.from <= r.to + 1);
  });
}

describe('repair over every file name a file system allows, on real files', () => {
  it('plan → apply → plan is empty; only reference spans change; undo restores every byte', async () => {
    const seen = { wikilinkEdits: 0, markdownEdits: 0, titleEdits: 0, unlinkableReported: 0 };
    // Notes repaired (edits planned, applied, fixed point, undone), by line ending: each style is really exercised.
    const repairedByEol = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(vaultCase, async (c) => {
        const { dir, source, original } = writeVault(c);
        const text = original.toString('utf8');
        const planned = (await runJson(['repair', '--vault', dir])).json as RepairJson;
        const edits = planned.files.find((f) => f.file === 'source.md')?.edits ?? [];
        expect(planned.files.map((f) => f.file)).toStrictEqual(edits.length > 0 ? ['source.md'] : []);
        for (const edit of edits) expect(insideReferences(text, edit)).toBe(true);
        seen.wikilinkEdits += edits.filter((e) => e.kind === 'stale-link-target' && !e.before.includes('%')).length;
        seen.markdownEdits += edits.filter((e) => e.kind === 'stale-link-target' && e.before.includes('%')).length;
        seen.titleEdits += edits.filter((e) => e.kind === 'stale-title').length;
        seen.unlinkableReported += planned.problems.filter((p) => p.message.includes('no wikilink can name')).length;

        const applied = await runJson(['repair', '--vault', dir, '--apply']);
        expect(applied.code).toBe(0);
        const after = readFileSync(source, 'utf8');
        expect(after).toBe(applyEdits(text, edits));
        // Code, the heading's own mention, line endings and the BOM come through untouched.
        expect(after.split(c.eol).slice(4, 7)).toStrictEqual(text.split(c.eol).slice(4, 7));
        expect(after.startsWith('\uFEFF')).toBe(c.bom);
        // Every line break survives as it was: no CR or LF added, dropped or converted.
        for (const eol of ['\r\n', '\r', '\n']) expect(after.split(eol).length).toBe(text.split(eol).length);

        const again = (await runJson(['repair', '--vault', dir])).json as RepairJson;
        expect(again.files).toStrictEqual([]);

        const record = recordFileRepair('source.md', text, edits, after);
        const undone = undoFileRepair(after, record);
        if (!undone.ok) throw new Error(undone.reason);
        expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(source, after, undone.text)).status).toBe('written');
        expect(readFileSync(source)).toStrictEqual(original);
        if (edits.length > 0) repairedByEol.set(c.eol, (repairedByEol.get(c.eol) ?? 0) + 1);
      }),
      { numRuns: 60, seed: 2024 },
    );
    // The runs wrote links of both forms and titles, and reported names no wikilink can hold.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    for (const eol of ['\n', '\r\n', '\r']) expect(repairedByEol.get(eol) ?? 0).toBeGreaterThan(0);
  }, 180_000);

  it('the generated names include every troublesome character, and every line ending is used', () => {
    const samples = fc.sample(vaultCase, { numRuns: 200, seed: 2024 });
    const names = samples.map((c) => c.ownerTitle + (c.ownerFolder ?? '')).join('');
    for (const ch of ['#', '|', '^', '%', '[', ']', ' ', 'é', 'e\u0301', '\\']) expect(names).toContain(ch);
    for (const eol of ['\n', '\r\n', '\r']) expect(samples.some((c) => c.eol === eol)).toBe(true);
  });
});
