import { DENOTE, FOURTEEN_DIGIT, TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { extractNoteFacts } from '../../../src/core/index/noteFacts';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { facts } from './helpers';

const A = '202104291524';
const B = '202108191025';
const C = '202104291947';
const BUMPED = '202199999999';

function indexOf(...notes: ReturnType<typeof facts>[]): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of notes) index.apply({ kind: 'upsert', facts: note });
  expect(index.checkInvariants()).toStrictEqual([]);
  return index;
}

describe('resolution', () => {
  test('resolved, unresolved and ambiguous', () => {
    const index = indexOf(facts('a.md', A), facts('b1.md', B), facts('b2.md', B), facts('plain.md', null));
    expect(index.resolve(A)).toStrictEqual({ id: A, status: 'resolved', paths: ['a.md'] });
    expect(index.resolve(B)).toStrictEqual({ id: B, status: 'ambiguous', paths: ['b1.md', 'b2.md'] });
    expect(index.resolve(C)).toStrictEqual({ id: C, status: 'unresolved', paths: [] });
    expect(index.isKnownId(A)).toBe(true);
    expect(index.isKnownId(C)).toBe(false);
    expect([...index.duplicates()]).toStrictEqual([[B, ['b1.md', 'b2.md']]]);
    expect(index.size).toBe(4);
    expect(index.note('plain.md')).toStrictEqual({ path: 'plain.md', id: null, title: 'plain' });
    expect(index.note('missing.md')).toBeUndefined();
  });

  test('owners stay sorted whatever the order notes arrive in', () => {
    const index = indexOf(facts('z.md', A), facts('a.md', A), facts('m/x.md', A));
    expect(index.resolve(A).paths).toStrictEqual(['a.md', 'm/x.md', 'z.md']);
  });

  test('a resolution handed out is not changed by later updates', () => {
    const index = indexOf(facts('a.md', A));
    const before = index.resolve(A);
    index.apply({ kind: 'upsert', facts: facts('a2.md', A) });
    expect(before.paths).toStrictEqual(['a.md']);
    expect(index.resolve(A).status).toBe('ambiguous');
  });
});

describe('references that count', () => {
  test('an implausible candidate counts only while a note owns it', () => {
    const index = indexOf(facts('src.md', null, [BUMPED, A, '202113011200']));
    expect(index.referencesOf('src.md').map((r) => r.id)).toStrictEqual([A]);
    expect(index.referencesTo(BUMPED)).toStrictEqual([]);
    // Referenced is not known: a known ID is one a note owns (the views decorate it even when implausible).
    expect([index.isKnownId(BUMPED), index.isKnownId(A)]).toStrictEqual([false, false]);

    const change = index.apply({ kind: 'upsert', facts: facts('bumped.md', BUMPED) });
    expect(change.has(BUMPED)).toBe(true);
    expect(index.isKnownId(BUMPED)).toBe(true);
    expect(index.referencesOf('src.md').map((r) => r.id)).toStrictEqual([BUMPED, A]);
    expect(index.referencesTo(BUMPED).map((r) => r.sourcePath)).toStrictEqual(['src.md']);

    index.apply({ kind: 'delete', path: 'bumped.md' });
    expect(index.referencesOf('src.md').map((r) => r.id)).toStrictEqual([A]);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('plausibility follows the format', () => {
    const index = new IdIndex({ format: FOURTEEN_DIGIT });
    index.apply({ kind: 'upsert', facts: facts('src.md', null, ['20221003150064', '20221003150059']) });
    expect(index.referencesOf('src.md').map((r) => r.id)).toStrictEqual(['20221003150059']);
  });

  test('references keep their fields, order and link parts', () => {
    const text = 'Intro 202108191025 and [[202104291947 Serve|serve]] then [x](202104291524%20A.md)\n';
    const note = extractNoteFacts('src.md', text, { format: TWELVE_DIGIT, ownIdSources: ['filename'], frontmatterKey: 'id' });
    const index = indexOf(note);
    expect(index.referencesOf('src.md')).toStrictEqual(note.references);
    expect(index.referencesOf('nothing.md')).toStrictEqual([]);
  });

  test('incoming references are sorted by source path then offset, self-references included', () => {
    const index = indexOf(facts('z.md', null, [A]), facts('a.md', A, [A, B, A]), facts('m.md', B, [A]));
    expect(index.referencesTo(A).map((r) => [r.sourcePath, r.reference.from])).toStrictEqual([
      ['a.md', 4],
      ['a.md', 44],
      ['m.md', 4],
      ['z.md', 4],
    ]);
    expect(index.referencingPaths(A)).toStrictEqual(['a.md', 'm.md', 'z.md']);
  });

  test('an unresolved plausible ID still has incoming references', () => {
    const index = indexOf(facts('x.md', null, [C]));
    expect(index.resolve(C).status).toBe('unresolved');
    expect(index.referencesTo(C).map((r) => r.sourcePath)).toStrictEqual(['x.md']);
  });
});

describe('updates', () => {
  test('modify replaces references and reports old and new IDs', () => {
    const index = indexOf(facts('a.md', A, [B]), facts('b.md', B));
    const change = index.apply({ kind: 'upsert', facts: facts('a.md', A, [C]) });
    expect([...change].sort()).toStrictEqual([B, C].sort());
    expect(index.referencesTo(B)).toStrictEqual([]);
    expect(index.referencesTo(C).map((r) => r.sourcePath)).toStrictEqual(['a.md']);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('an unchanged upsert reports nothing', () => {
    const index = indexOf(facts('a.md', A, [B]));
    const revision = index.revision;
    expect(index.apply({ kind: 'upsert', facts: facts('a.md', A, [B]) }).size).toBe(0);
    expect(index.revision).toBeGreaterThan(revision);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('a change to a reference\'s context alone is reported (views show the context)', () => {
    const index = indexOf(facts('a.md', A, [B]));
    const before = facts('a.md', A, [B]);
    const edited = { ...before, references: [{ ...before.references[0], context: `now ${B}` }] };
    expect([...index.apply({ kind: 'upsert', facts: edited })]).toStrictEqual([B]);
    expect(index.referencesOf('a.md').map((r) => r.context)).toStrictEqual([`now ${B}`]);
  });

  test('a title change reports the ID (editors link titles)', () => {
    const index = indexOf(facts('a.md', A, [], 'Old'));
    expect([...index.apply({ kind: 'upsert', facts: facts('a.md', A, [], 'New') })]).toStrictEqual([A]);
    expect(index.note('a.md')?.title).toBe('New');
  });

  test('delete removes the note from every map', () => {
    const index = indexOf(facts('a.md', A, [B]), facts('b.md', B, [A]));
    const change = index.apply({ kind: 'delete', path: 'a.md' });
    expect([...change].sort()).toStrictEqual([A, B]);
    expect(index.resolve(A).status).toBe('unresolved');
    expect(index.referencesTo(B)).toStrictEqual([]);
    expect(index.referencesTo(A).map((r) => r.sourcePath)).toStrictEqual(['b.md']);
    expect(index.note('a.md')).toBeUndefined();
    expect(index.apply({ kind: 'delete', path: 'a.md' }).size).toBe(0);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('a path the index does not hold, or no longer does, has no references', () => {
    const index = indexOf(facts('a.md', A, [B]), facts('b.md', B, [A]));
    index.apply({ kind: 'delete', path: 'a.md' });
    for (const path of ['a.md', 'never.md']) {
      expect([index.referencesOf(path), index.cursor(path).next(), index.cursor(path, 'text').next()]).toStrictEqual([[], false, false]);
      expect([index.note(path), index.storedFacts(path)]).toStrictEqual([undefined, undefined]);
    }
  });

  test('a rename onto its own path with the same facts reports nothing', () => {
    const index = indexOf(facts('a.md', A, [B]), facts('b.md', B));
    expect([...index.apply({ kind: 'rename', oldPath: 'a.md', facts: facts('a.md', A, [B]) })]).toStrictEqual([]);
    expect(index.referencesTo(B).map((r) => r.sourcePath)).toStrictEqual(['a.md']);
  });

  test('every change raises the revision past every one before (readers cache by it)', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename' as const], frontmatterKey: 'id' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    const seen = [index.revision];
    const changes = [
      () => index.apply({ kind: 'upsert', facts: facts('a.md', A, [B]) }),
      () => index.putNames([`${B} B.md`], options),
      () => index.put(facts('c.md', C)),
      () => index.apply({ kind: 'rename', oldPath: 'c.md', facts: facts('d.md', C) }),
      () => index.apply({ kind: 'delete', path: 'd.md' }),
      () => index.clear(),
      () => index.put(facts('e.md', C)),
    ];
    for (const change of changes) {
      change();
      expect(index.revision).toBeGreaterThan(Math.max(...seen));
      seen.push(index.revision);
    }
  });

  test('rename moves ownership and references to the new path', () => {
    const index = indexOf(facts('old/A old.md', A, [B]), facts('b.md', B, [A]));
    index.apply({ kind: 'rename', oldPath: 'old/A old.md', facts: facts('new/A new.md', A, [B], 'A new') });
    expect(index.resolve(A).paths).toStrictEqual(['new/A new.md']);
    expect(index.referencesTo(B).map((r) => r.sourcePath)).toStrictEqual(['new/A new.md']);
    expect(index.note('old/A old.md')).toBeUndefined();
    expect(index.paths.has('new/A new.md')).toBe(true);
    expect(index.paths.byBasename('A old.md')).toStrictEqual([]);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('a rename that changes the ID resolves the old ID no more', () => {
    const index = indexOf(facts(`${A} T.md`, A));
    const change = index.apply({ kind: 'rename', oldPath: `${A} T.md`, facts: facts(`${C} T.md`, C) });
    expect([...change].sort()).toStrictEqual([A, C].sort());
    expect(index.isKnownId(A)).toBe(false);
    expect(index.resolve(C).paths).toStrictEqual([`${C} T.md`]);
  });

  test('resolving a duplicate by deleting one owner clears it from duplicates', () => {
    const index = indexOf(facts('b1.md', B), facts('b2.md', B));
    index.apply({ kind: 'delete', path: 'b2.md' });
    expect(index.duplicates().size).toBe(0);
    expect(index.resolve(B).status).toBe('resolved');
  });

  test('clear forgets everything and can switch format', () => {
    const index = indexOf(facts('a.md', A, [B]));
    index.clear(FOURTEEN_DIGIT);
    expect(index.size).toBe(0);
    expect(index.resolve(A).status).toBe('unresolved');
    expect([...index.notes()]).toStrictEqual([]);
    index.apply({ kind: 'upsert', facts: facts('src.md', null, ['20221003150059']) });
    expect(index.referencesOf('src.md')).toHaveLength(1);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('after a switch of format, unresolved IDs count by the new format\'s rule', () => {
    const index = indexOf(facts('a.md', A, [B]));
    index.clear(DENOTE);
    // A Denote ID that could be a real time counts unresolved; under the 12-digit rule it could not.
    index.apply({ kind: 'upsert', facts: facts('src.md', null, ['20221003T150059']) });
    expect(index.referencesTo('20221003T150059').map((r) => r.sourcePath)).toStrictEqual(['src.md']);
  });
});

describe('file names for link resolution', () => {
  test('byBasename lists every path with that file name', () => {
    const index = indexOf(facts('a/Same.md', null), facts('b/c/Same.md', null), facts('Other.md', null));
    expect([...index.paths.byBasename('Same.md')].sort()).toStrictEqual(['a/Same.md', 'b/c/Same.md']);
    expect(index.paths.byBasename('Missing.md')).toStrictEqual([]);
    expect([...index.paths.byBasename('same.MD')].sort()).toStrictEqual(['a/Same.md', 'b/c/Same.md']);
    expect(index.resolveLink(
      { from: 0, to: 8, embed: false, target: 'Same', targetFrom: 2, targetTo: 6, subpath: '', display: null },
      'wikilink',
      'Other.md',
    )).toBe('a/Same.md');
  });

  test('a Denote link (denote:ID) names the one note owning the ID, through the index\'s own lookup', () => {
    const index = new IdIndex({ format: DENOTE });
    const owner = '20200310T094419--reading.md';
    for (const path of [owner, 'a/20200311T000000--one.md', 'b/20200311T000000--two.md']) index.apply({ kind: 'upsert', facts: facts(path, path.slice(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 16)) });
    const denote = (id: string) => ({ from: 0, to: 30, embed: false, target: `denote:${id}`, targetFrom: 4, targetTo: 26, subpath: '', display: 'x' });
    expect(index.resolveLink(denote('20200310T094419'), 'markdown', 'n.md')).toBe(owner);
    expect(index.resolveLink(denote('20200311T000000'), 'markdown', 'n.md')).toBeNull();
  });

  test('a names pass into an empty index whose file names were looked up lists a path given twice once', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename' as const], frontmatterKey: 'id' };
    const index = new IdIndex({ format: TWELVE_DIGIT });
    expect(index.paths.byBasename('Same.md')).toStrictEqual([]);
    index.putNames(['a/Same.md', `${A} A.md`, 'a/Same.md'], options);
    expect(index.paths.byBasename('Same.md')).toStrictEqual(['a/Same.md']);
    expect(index.size).toBe(2);
    expect(index.checkInvariants()).toStrictEqual([]);
  });

  test('after clear, links no longer find the notes it forgot, even once the file names were looked up', () => {
    const wikilink = (target: string) => ({ from: 0, to: target.length + 4, embed: false, target, targetFrom: 2, targetTo: 2 + target.length, subpath: '', display: null });
    const index = indexOf(facts('a/Old.md', null));
    expect(index.resolveLink(wikilink('Old'), 'wikilink', 'x.md')).toBe('a/Old.md');
    index.clear();
    index.apply({ kind: 'upsert', facts: facts('b/New.md', null) });
    expect(index.resolveLink(wikilink('Old'), 'wikilink', 'x.md')).toBeNull();
    expect(index.resolveLink(wikilink('new'), 'wikilink', 'x.md')).toBe('b/New.md');
  });
});

describe('checkInvariants', () => {
  /** The index's parts, reached into the way a bug would, to prove the check can fail. */
  interface Internals {
    ids: { slotOf(id: string): number; owner: Int32Array; edgeHead: Int32Array };
    edges: { push(note: number, head: number): number };
    notesTable: { slotOf(path: string): number; ownId: Int32Array };
  }
  const internals = (index: IdIndex) => index as unknown as Internals;

  test('reports a corrupted reverse list', () => {
    const index = indexOf(facts('a.md', A, [B]), facts('c.md', C));
    const { ids, edges, notesTable } = internals(index);
    const slot = ids.slotOf(B);
    ids.edgeHead[slot] = edges.push(notesTable.slotOf('c.md'), ids.edgeHead[slot]);
    expect(index.checkInvariants()).toContain(`c.md is listed as referencing ${B} but does not`);
  });

  test('reports an owner that does not own the ID', () => {
    const index = indexOf(facts('a.md', A), facts('b.md', B));
    const { ids, notesTable } = internals(index);
    ids.owner[ids.slotOf(A)] = notesTable.slotOf('b.md');
    expect(index.checkInvariants()).toStrictEqual(expect.arrayContaining([`b.md is listed as owner of ${A} but does not own it`, `a.md owns ${A} but is not among its owners`]));
  });

  test('reports a note that lost its own ID', () => {
    const index = indexOf(facts('a.md', A));
    internals(index).notesTable.ownId[internals(index).notesTable.slotOf('a.md')] = -1;
    expect(index.checkInvariants().length).toBeGreaterThan(0);
  });
});

describe('facts from elsewhere', () => {
  test.each([
    ['shuffled', [2, 0, 1]],
    ['reversed', [2, 1, 0]],
  ])('references out of text order (%s) are stored in text order', (_, order) => {
    const note = facts('a.md', null, [A, B, C]);
    const index = indexOf({ ...note, references: order.map((i) => note.references[i]) });
    expect(index.referencesOf('a.md').map((r) => r.id)).toStrictEqual([A, B, C]);
  });

  test('facts given whole, links included, leave the records of the note put before them as they were', () => {
    const options = { format: TWELVE_DIGIT, ownIdSources: ['filename' as const], frontmatterKey: 'id' };
    const text = `See ${B} here.`;
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => (p === 'a.md' ? text : undefined) } });
    index.put(new NoteScanner(options).scan('a.md', text));
    const before = index.referencesOf('a.md');
    // A bare ID, then links: each link's record is written field by field after the one before.
    const given = extractNoteFacts('b.md', `x ${A} [[${B}|y]] and [[${C}#h]].`, options);
    index.apply({ kind: 'upsert', facts: given });
    expect(index.referencesOf('a.md')).toStrictEqual(before);
    expect(index.referencesOf('b.md')).toStrictEqual(given.references);
  });
});
