import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { CACHE_FORMAT_VERSION, decodeSnapshot, decodeSnapshotSteps, encodeSnapshot, NOTES_PER_STEP } from '../../src/core/cache/snapshot';
import type { CachedNote, IndexSnapshot } from '../../src/core/cache/snapshot';
import { extractNoteFacts } from '../../src/core/index/noteFacts';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const VAULT = path.join(__dirname, '..', '..', 'example-vault');
const STAMP = { pluginVersion: '1.2.3' };
const OPTIONS = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };

function exampleSnapshot(): IndexSnapshot {
  const notes: CachedNote[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.name.endsWith('.md')) {
        const text = fs.readFileSync(path.join(dir, entry.name), 'utf8');
        notes.push({ path: rel, mtime: 1_700_000_000_000 + notes.length, size: text.length, facts: extractNoteFacts(rel, text, OPTIONS) });
      }
    }
  };
  walk(VAULT, '');
  return { settingsKey: '["12","",["filename","folder","frontmatter"],"id",[]]', notes };
}

/** FNV-1a as the cache computes it, so a test can forge a valid checksum over a bad line. */
function checksumOf(lines: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Edits the first note line and re-stamps the checksum, so only field validation can catch the
 * damage (the checksum alone is tested separately).
 */
function withNoteLine(encoded: string, edit: (note: unknown[]) => void): string {
  const lines = encoded.split('\n');
  const note = JSON.parse(lines[1]) as unknown[];
  edit(note);
  lines[1] = JSON.stringify(note);
  const header = JSON.parse(lines[0]) as Record<string, unknown>;
  header.checksum = checksumOf(lines.slice(1, -1));
  lines[0] = JSON.stringify(header);
  return lines.join('\n');
}

describe('index cache snapshot', () => {
  const snapshot = exampleSnapshot();
  const encoded = encodeSnapshot(snapshot, STAMP);

  it('round-trips the facts of every example note exactly, links and contexts included', () => {
    expect(snapshot.notes.length).toBeGreaterThan(20);
    expect(snapshot.notes.some((n) => n.facts.references.some((r) => r.link !== undefined))).toBe(true);
    expect(decodeSnapshot(encoded, STAMP)).toEqual(snapshot);
  });

  it('round-trips arbitrary facts, including text that looks like the encoding itself', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const reference = fc.record({ id: fc.string({ minLength: 1, maxLength: 14 }), from: fc.nat(1000), line: fc.integer({ min: 1, max: 99 }), column: fc.integer({ min: 1, max: 99 }), context: text });
    const note = fc.record({ path: fc.string({ minLength: 1, maxLength: 30 }), id: fc.option(fc.string({ minLength: 1, maxLength: 14 })), title: text, refs: fc.array(reference, { maxLength: 4 }), mtime: fc.nat(), size: fc.nat() });
    fc.assert(
      fc.property(fc.uniqueArray(note, { selector: (n) => n.path, maxLength: 5 }), text, (notes, settingsKey) => {
        const cached: IndexSnapshot = {
          settingsKey,
          notes: notes.map((n) => ({
            path: n.path,
            mtime: n.mtime,
            size: n.size,
            facts: {
              path: n.path,
              id: n.id,
              title: n.title,
              references: n.refs
                .sort((a, b) => a.from - b.from)
                .map((r) => ({ id: r.id, form: 'bare' as const, from: r.from, to: r.from + r.id.length, line: r.line, column: r.column, context: r.context })),
            },
          })),
        };
        expect(decodeSnapshot(encodeSnapshot(cached, STAMP), STAMP)).toEqual(cached);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps an mtime with fractions of a millisecond exactly, so it still matches the file', () => {
    const fractional: IndexSnapshot = { settingsKey: 'k', notes: [{ ...snapshot.notes[0], mtime: 1_700_000_000_123.456 }] };
    expect(decodeSnapshot(encodeSnapshot(fractional, STAMP), STAMP)?.notes[0].mtime).toBe(1_700_000_000_123.456);
  });

  it('yields between slices so a big vault never blocks for the whole decode', () => {
    const many: IndexSnapshot = {
      settingsKey: 'k',
      notes: Array.from({ length: NOTES_PER_STEP * 3 }, (_, i) => ({ ...snapshot.notes[0], path: `n${i}.md`, facts: { ...snapshot.notes[0].facts, path: `n${i}.md` } })),
    };
    const steps = decodeSnapshotSteps(encodeSnapshot(many, STAMP), STAMP);
    let yields = 0;
    let step = steps.next();
    while (step.done !== true) {
      yields++;
      step = steps.next();
    }
    expect(yields).toBe(3);
    expect(step.value?.notes).toHaveLength(NOTES_PER_STEP * 3);
  });

  const rejected: [string, (text: string) => string][] = [
    ['empty text', () => ''],
    ['not JSON', () => 'this is not a cache\n'],
    ['JSON of another shape', () => '{"notes": []}\n'],
    ['truncated mid-line', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['truncated at a line end', (t) => t.split('\n').slice(0, 3).join('\n') + '\n'],
    ['a line dropped', (t) => t.split('\n').filter((_, i) => i !== 2).join('\n')],
    ['a line duplicated', (t) => { const l = t.split('\n'); l.splice(2, 0, l[2]); return l.join('\n'); }],
    ['another cache format version', (t) => t.replace(`"version":${CACHE_FORMAT_VERSION}`, `"version":${CACHE_FORMAT_VERSION + 1}`)],
    ['another plugin version', (t) => t.replace('"pluginVersion":"1.2.3"', '"pluginVersion":"1.2.4"')],
    ['a negative mtime', (t) => withNoteLine(t, (n) => { n[1] = -1; })],
    ['a fractional size', (t) => withNoteLine(t, (n) => { n[2] = 1.5; })],
    ['a note id that is a number', (t) => withNoteLine(t, (n) => { n[3] = 202201100900; })],
    ['references that are not a list', (t) => withNoteLine(t, (n) => { n[5] = {}; })],
    ['a reference whose span does not fit its ID', (t) => withNoteLine(t, (n) => { (n[5] as unknown[][])[0][3] = 1; })],
    ['an unknown reference form', (t) => withNoteLine(t, (n) => { (n[5] as unknown[][])[0][1] = 7; })],
    ['references out of text order', (t) => withNoteLine(t, (n) => { (n[5] as unknown[]).reverse(); })],
  ];

  it.each(rejected)('throws the whole cache away on %s, without throwing', (_, corrupt) => {
    const firstLine = JSON.parse(encoded.split('\n')[1]) as unknown[];
    expect((firstLine[5] as unknown[]).length).toBeGreaterThan(1);
    const bad = corrupt(encoded);
    expect(bad).not.toBe(encoded);
    expect(decodeSnapshot(bad, STAMP)).toBeNull();
  });

  it('rejects a link reference without its link and a bare reference with one', () => {
    const link = snapshot.notes.find((n) => n.facts.references.some((r) => r.link !== undefined));
    if (link === undefined) throw new Error('the example vault has no link reference');
    const one: IndexSnapshot = { settingsKey: 'k', notes: [link] };
    const text = encodeSnapshot(one, STAMP);
    const stripped = withNoteLine(text, (n) => {
      for (const r of n[5] as unknown[][]) r.length = 7;
    });
    expect(decodeSnapshot(stripped, STAMP)).toBeNull();
  });

  it('gives the exact snapshot or nothing after random damage, even inside a context string', () => {
    const headerEnd = encoded.indexOf('\n') + 1;
    fc.assert(
      fc.property(fc.integer({ min: headerEnd, max: encoded.length - 2 }), fc.string({ minLength: 1, maxLength: 3 }), (at, junk) => {
        const damaged = encoded.slice(0, at) + junk + encoded.slice(at + 1);
        const decoded = decodeSnapshot(damaged, STAMP);
        if (damaged === encoded) expect(decoded).toEqual(snapshot);
        else expect(decoded).toBeNull();
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('catches a changed context that still parses, by the checksum', () => {
    const lines = encoded.split('\n');
    const note = JSON.parse(lines[1]) as unknown[][];
    const reference = (note[5] as unknown as unknown[][])[0];
    reference[6] = `${String(reference[6])}!`;
    lines[1] = JSON.stringify(note);
    expect(decodeSnapshot(lines.join('\n'), STAMP)).toBeNull();
  });

  it('accepts a re-stamped file whose fields are all valid (the forging helper is honest)', () => {
    expect(decodeSnapshot(withNoteLine(encoded, () => undefined), STAMP)).toEqual(snapshot);
  });
});
