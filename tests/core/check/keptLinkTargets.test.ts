import fc from 'fast-check';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { checkVault, KeptLinkTargets } from '../../../src/core/check';
import { DENOTE, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { createPathLookup } from '../../../src/core/index/linkTargets';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

/**
 * Check with link targets kept while scanning must report exactly what check reports reading every
 * link back from the note texts: same counts, same problems, same messages.
 */
function bothWays(notes: ReadonlyMap<string, string>, attachments: readonly string[], format: IdFormat = TWELVE_DIGIT, whole: ReadonlySet<string> = new Set()) {
  const options = { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' };
  const paths = createPathLookup([...notes.keys(), ...attachments].sort());
  const texts = { textOf: (p: string) => notes.get(p) };
  const read = new IdIndex({ format, texts });
  const keptIndex = new IdIndex({ format });
  const targets = new KeptLinkTargets();
  const scanner = new NoteScanner(options);
  const readScanner = new NoteScanner(options);
  for (const [path, text] of notes) {
    // Facts given whole (as the plugin gives them) carry their links' strings; scanned ones do not.
    const facts = whole.has(path) ? extractNoteFacts(path, text, options) : scanner.scan(path, text);
    read.put(whole.has(path) ? facts : readScanner.scan(path, text));
    keptIndex.put(facts);
    targets.add(facts, () => text);
  }
  return {
    read: checkVault(read, { paths, textOf: texts.textOf }),
    kept: checkVault(keptIndex, { paths, textOf: texts.textOf, linkTargets: targets }),
  };
}

const IDS = ['202101010000', '202101010001', '202101010002', '202305141030'];
const id = fc.constantFrom(...IDS);
const token = fc.oneof(
  fc.constantFrom('word', '\n', '`', '#'),
  id,
  id.map((i) => `${i} Title`),
  id.map((i) => `[[${i} Title]]`),
  id.map((i) => `[[${i} Old]]`),
  id.map((i) => `[[sub/${i} Title]]`),
  id.map((i) => `[[${i}|alias]]`),
  id.map((i) => `![[${i} Title.md#Part]]`),
  id.map((i) => `[x](${i}%20Title.md)`),
  id.map((i) => `[x](../${i}%20Title.md)`),
  id.map((i) => `[x](/sub/${i}%20Old.md)`),
  id.map((i) => `[x](<${i} Title.md>)`),
  id.map((i) => `[[${i.toUpperCase()} title]]`),
  id.map((i) => `[f](${i}/)`),
);
const note = fc.record({
  name: fc.oneof(
    id.map((i) => `${i} Title.md`),
    id.map((i) => `sub/${i} Title.md`),
    id.map((i) => `${i}/README.md`),
    fc.constantFrom('plain.md', 'sub/plain.md'),
  ),
  text: fc.array(token, { maxLength: 20 }).map((tokens) => tokens.join(' ')),
  whole: fc.boolean(),
});

describe('KeptLinkTargets', () => {
  it('lets check report exactly what it reports reading links back from the texts', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 8 }), fc.subarray(['202101010001 Old.md', 'sub/202101010002 Old.md', 'img.png']), (generated, attachments) => {
        const notes = new Map(generated.map((n) => [n.name, n.text]));
        const whole = new Set(generated.filter((n) => n.whole).map((n) => n.name));
        const { read, kept } = bothWays(notes, attachments, TWELVE_DIGIT, whole);
        expect(kept).toStrictEqual(read);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('finds stale links as reading does', () => {
    const notes = new Map([
      ['202101010001 New.md', ''],
      ['n/202101010002 B.md', ''],
      ['a.md', '[[202101010001 Old]] [[202101010001 New]] [x](n/202101010002%20B.md) [y](202101010002%20Gone.md)'],
    ]);
    const { read, kept } = bothWays(notes, []);
    expect(kept.problems.map((p) => [p.kind, p.id])).toStrictEqual([['stale-link', '202101010001'], ['stale-link', '202101010002']]);
    expect(kept).toStrictEqual(read);
  });

  it('keeps a Denote link, which names the note owning its ID', () => {
    const notes = new Map([
      ['20200310T094419==2--reading-notes__books.md', ''],
      ['a.md', '[r](denote:20200310T094419) and [gone](denote:20990101T000000)'],
    ]);
    const { read, kept } = bothWays(notes, [], DENOTE);
    expect(kept).toStrictEqual(read);
    expect(kept).toMatchObject({ resolved: 1, unresolved: 1 });
  });

  it('reads the text of a note only when it has a link, and gives targets by where their ID starts', () => {
    const targets = new KeptLinkTargets();
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    let reads = 0;
    const text = 'Bare 202101010000 only.';
    targets.add(scanner.scan('a.md', text), () => (reads++, text));
    expect(reads).toBe(0);
    const linked = 'See [[202101010000 Gone]] and [x](202101010001%20Other.md).';
    targets.add(scanner.scan('b.md', linked), () => (reads++, linked));
    expect(reads).toBe(1);
    expect(targets.startNote('a.md')).toBe(true);
    expect(targets.targetAt(5)).toBeUndefined();
    expect(targets.startNote('b.md')).toBe(true);
    // Out of text order too.
    expect(targets.targetAt(linked.indexOf('202101010001'))).toBe('202101010001%20Other.md');
    expect(targets.targetAt(6)).toBe('202101010000 Gone');
    expect(targets.targetAt(7)).toBeUndefined();
    // Out of the order notes were added, and a note never added.
    expect(targets.startNote('a.md')).toBe(true);
    expect(targets.startNote('c.md')).toBe(false);
    expect(targets.targetAt(6)).toBeUndefined();
  });

  it('gives a target of the current note only, however it was asked before', () => {
    const targets = new KeptLinkTargets();
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    const first = 'See [[202101010000 Gone]].';
    const second = 'x [[202101010001 B]]';
    targets.add(scanner.scan('a.md', first), first);
    targets.add(scanner.scan('b.md', second), second);
    expect(targets.startNote('a.md')).toBe(true);
    expect(targets.targetAt(6)).toBe('202101010000 Gone');
    // b.md's link starts at 4; a.md has none there, and its links are all taken.
    expect(targets.targetAt(4)).toBeUndefined();
    expect(targets.startNote('b.md')).toBe(true);
    expect(targets.targetAt(4)).toBe('202101010001 B');
  });

  it('keeps no target for a note without links scanned after one with them', () => {
    // The scanner reuses its arrays: what a longer note left past this note's records is not this note's.
    const targets = new KeptLinkTargets();
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    const linked = 'See [[202101010000 Gone]].';
    targets.add(scanner.scan('a.md', linked), linked);
    let reads = 0;
    targets.add(scanner.scan('b.md', 'No links here at all.'), () => (reads++, 'No links here at all.'));
    expect(reads).toBe(0);
    expect(targets.startNote('b.md')).toBe(true);
    expect(targets.targetAt(6)).toBeUndefined();
  });

  it('keeps targets across the strings they are joined into, each note whole in one', () => {
    const notes = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const id = `2021010100${String(i).padStart(2, '0')}`;
      const next = `2021010100${String((i + 1) % 12).padStart(2, '0')}`;
      notes.set(`${id} Title.md`, `[[${next} ${'Long title '.repeat(800 + i)}]] and [[${next} Title]] and [[${next} Old]]`);
    }
    const { read, kept } = bothWays(notes, []);
    expect(kept.problems.filter((p) => p.kind === 'stale-link')).toHaveLength(24);
    expect(kept.problems.some((p) => p.message.length > 8800)).toBe(true);
    expect(kept).toStrictEqual(read);
  });
});

// The point of keeping targets: check holds no note text while it scans the rest of the vault. A
// target is a slice of its text (V8 keeps the whole text behind a slice) until it is joined into a
// string of its own, so this measures what the texts of a whole run of notes leave behind.
describe('what kept targets hold on to', () => {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;

  test('not the texts their targets were copied from, however many notes pass', async () => {
    const targets = new KeptLinkTargets();
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // 40 fresh texts of 400,000 characters (16 MB), each with one link; none is referenced once added.
    for (let i = 0; i < 40; i++) {
      const text = `Note ${i}: [[20210101${String(1000 + i)} Title ${i}]] ${'plain words '.repeat(33_333)}`;
      targets.add(scanner.scan(`${i}.md`, text), () => text);
    }
    // A regex's last subject is kept until another runs (see tests/core/ids/scanState.test.ts).
    /x/.exec('x');
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4_000_000);
    // And the targets are all still there.
    expect(targets.startNote('0.md')).toBe(true);
    expect(targets.targetAt('Note 0: [['.length)).toBe('202101011000 Title 0');
    expect(targets.startNote('39.md')).toBe(true);
    expect(targets.targetAt('Note 39: [['.length)).toBe('202101011039 Title 39');
  });
});
