import fc from 'fast-check';
import { createPathLookup, foldPath, namesAFile, resolveLinkPath, withIdOwners, type LinkPathLookup } from '../../../src/core/index/linkTargets';
import type { LinkParts, ReferenceForm } from '../../../src/core/types';

const VAULT = [
  '202104291524 Execution.md',
  'notes/202108191025 Teams exist.md',
  'archive/202108191025 Teams exist.md',
  'deep/er/Same.md',
  'x/Same.md',
  'zet/202109260705/README.md',
  'zet/202109260706/index.md',
  '202203011000/README.md',
  'Name with %.md',
];

function lookup(paths: readonly string[]): LinkPathLookup {
  const set = new Set(paths);
  return {
    has: (path) => set.has(path),
    byBasename: (name) => paths.filter((path) => path.slice(path.lastIndexOf('/') + 1).toLowerCase() === name.toLowerCase()),
  };
}

function link(target: string): LinkParts {
  return { from: 0, to: target.length + 4, embed: false, target, targetFrom: 2, targetTo: 2 + target.length, subpath: '', display: null };
}

const resolve = (form: ReferenceForm, target: string, source: string) => resolveLinkPath(link(target), form, source, lookup(VAULT));

describe('wikilinks', () => {
  test.each<[string, string, string | null]>([
    ['202104291524 Execution', 'notes/a.md', '202104291524 Execution.md'],
    ['202104291524 Execution.md', 'notes/a.md', '202104291524 Execution.md'],
    ['notes/202108191025 Teams exist', 'x.md', 'notes/202108191025 Teams exist.md'],
    // Same file name in two folders of equal depth: the shorter path wins, then path order.
    ['202108191025 Teams exist', 'x.md', 'notes/202108191025 Teams exist.md'],
    ['Same', 'a.md', 'x/Same.md'],
    ['er/Same', 'a.md', 'deep/er/Same.md'],
    ['./Same', 'x/other.md', 'x/Same.md'],
    ['../x/Same', 'deep/n.md', 'x/Same.md'],
    ['../../Same', 'n.md', null],
    ['202203011000', 'n.md', '202203011000/README.md'],
    ['zet/202109260706', 'n.md', 'zet/202109260706/index.md'],
    ['202104291524 Old title', 'n.md', null],
    // Obsidian ignores case when the exact spelling names nothing.
    ['202104291524 execution', 'n.md', '202104291524 Execution.md'],
    ['NOTES/202108191025 teams exist', 'n.md', 'notes/202108191025 Teams exist.md'],
    ['zet/202109260705/readme', 'n.md', 'zet/202109260705/README.md'],
    ['', 'n.md', null],
  ])('[[%s]] from %s', (target, source, expected) => {
    expect(resolve('wikilink', target, source)).toBe(expected);
  });
});

describe('markdown links', () => {
  test.each<[string, string, string | null]>([
    ['202104291524%20Execution.md', 'n.md', '202104291524 Execution.md'],
    ['<202104291524 Execution.md>', 'n.md', '202104291524 Execution.md'],
    ['../202109260706', 'zet/202109260705/README.md', 'zet/202109260706/index.md'],
    ['../202109260705/README.md', 'zet/202109260706/index.md', 'zet/202109260705/README.md'],
    ['./README.md', 'zet/202109260705/README.md', 'zet/202109260705/README.md'],
    ['/zet/202109260705/README.md', 'n.md', 'zet/202109260705/README.md'],
    ['/zet/202109260705', 'n.md', 'zet/202109260705/README.md'],
    ['/202104291524%20Execution.md', 'deep/n.md', '202104291524 Execution.md'],
    ['Same.md', 'deep/er/n.md', 'deep/er/Same.md'],
    ['Same.md', 'n.md', 'x/Same.md'],
    ['Name%20with%20%25.md', 'n.md', 'Name with %.md'],
    ['Name with %.md', 'n.md', 'Name with %.md'],
    ['../202199999999', 'zet/202109260705/README.md', null],
    ['../../../x.md', 'a/b.md', null],
    ['../202109260705/readme.MD', 'zet/202109260706/index.md', 'zet/202109260705/README.md'],
  ])('(%s) from %s', (target, source, expected) => {
    expect(resolve('markdown', target, source)).toBe(expected);
  });

  test('an exact-case file wins over a case variant', () => {
    const paths = lookup(['a/Note.md', 'a/note.md']);
    expect(resolveLinkPath(link('note'), 'wikilink', 'x.md', paths)).toBe('a/note.md');
    expect(resolveLinkPath(link('a/Note'), 'wikilink', 'x.md', paths)).toBe('a/Note.md');
    expect(resolveLinkPath(link('a/NOTE'), 'wikilink', 'x.md', paths)).toBe('a/Note.md');
  });

  test('repository-absolute links drop leading segments until a file is named', () => {
    // The vault root is the repository's `zet/` folder, so notes live at `ID/README.md`.
    const paths = lookup(['20221003150064/README.md', '20221003150065/README.md']);
    expect(resolveLinkPath(link('/zet/20221003150064/README.md'), 'markdown', '20221003150065/README.md', paths)).toBe(
      '20221003150064/README.md',
    );
    expect(resolveLinkPath(link('/zet/20221003150099/README.md'), 'markdown', '20221003150065/README.md', paths)).toBeNull();
    expect(resolveLinkPath(link('/'), 'markdown', 'a.md', paths)).toBeNull();
  });
});

describe('Denote links (denote:ID)', () => {
  const owners: Record<string, string[]> = {
    '20200310T094419': ['20200310T094419==2--reading-notes__books.md'],
    '20200311T000000': ['a/20200311T000000--one.md', 'b/20200311T000000--two.md'],
  };
  const index = {
    resolve: (id: string) => {
      const paths = owners[id] ?? [];
      return { id, paths, status: paths.length === 0 ? ('unresolved' as const) : paths.length === 1 ? ('resolved' as const) : ('ambiguous' as const) };
    },
  };
  const withOwners = withIdOwners(lookup(VAULT), index);

  test.each<[string, string | null]>([
    ['denote:20200310T094419', '20200310T094419==2--reading-notes__books.md'],
    ['denote:20200311T000000', null],
    ['denote:20990101T000000', null],
  ])('a markdown link to %s names the one note owning the ID', (target, expected) => {
    expect(resolveLinkPath(link(target), 'markdown', 'notes/a.md', withOwners)).toBe(expected);
  });

  test('without an ID lookup, or as a wikilink, it names no file', () => {
    expect(resolveLinkPath(link('denote:20200310T094419'), 'markdown', 'a.md', lookup(VAULT))).toBeNull();
    expect(resolveLinkPath(link('denote:20200310T094419'), 'wikilink', 'a.md', withOwners)).toBeNull();
  });

  test('the wrapped lookup still answers file questions', () => {
    expect(withOwners.has('202104291524 Execution.md')).toBe(true);
    expect(withOwners.byBasename('Same.md')).toEqual(['deep/er/Same.md', 'x/Same.md']);
  });
});

describe('folders, case and Unicode normalisation', () => {
  const NFD = 'notes/202101040000 Cafe\u0301 cre\u0300me.md';
  const vault = [...VAULT, NFD, '202101050000.md', 'archive/202101060000/README.md'];
  const inVault = (form: ReferenceForm, target: string, lookupOf: (paths: readonly string[]) => LinkPathLookup = createPathLookup) =>
    resolveLinkPath(link(target), form, 'n.md', lookupOf(vault));

  test.each<[ReferenceForm, string, string | null]>([
    // A trailing slash names a folder: only its folder note, never `ID.md`.
    ['markdown', '/202101050000/', null],
    ['markdown', '/202101050000', '202101050000.md'],
    ['markdown', '/archive/202101060000/', 'archive/202101060000/README.md'],
    ['markdown', 'archive/202101060000/', 'archive/202101060000/README.md'],
    ['wikilink', '202101050000/', null],
    // The same name composed (NFC) or decomposed (NFD), in any case, is the same file.
    ['wikilink', '202101040000 Café crème', NFD],
    ['wikilink', '202101040000 CAFÉ CRÈME', NFD],
    ['wikilink', 'notes/202101040000 café crème', NFD],
    ['markdown', 'notes/202101040000%20Caf%C3%A9%20cr%C3%A8me.md', NFD],
    ['markdown', '/notes/202101040000%20CAF%C3%89%20cr%C3%A8me', NFD],
  ])('%s %s', (form, target, expected) => {
    expect(inVault(form, target)).toBe(expected);
  });

  test('a lookup that folds case only (as the index keeps it) still finds the other normalisation form', () => {
    expect(inVault('wikilink', '202101040000 Café crème', lookup)).toBe(NFD);
    expect(inVault('wikilink', 'notes/202101040000 café crème', lookup)).toBe(NFD);
  });

  test('createPathLookup keys names and paths by foldPath', () => {
    const paths = createPathLookup(['a/Cafe\u0301.md', 'b/CAFÉ.md']);
    expect(paths.byBasename('café.md')).toEqual(['a/Cafe\u0301.md', 'b/CAFÉ.md']);
    expect(paths.byPathIgnoringCase?.('A/CAFÉ.MD')).toEqual(['a/Cafe\u0301.md']);
    expect(foldPath('Cafe\u0301')).toBe(foldPath('CAFÉ'));
  });
});

describe('namesAFile with the exact file-name lookup', () => {
  it('answers as walking every path of that name does', () => {
    const segment = fc.constantFrom('a', 'A', 'Note', 'note', 'Café', 'Cafe\u0301', '202101010000 Title', 'x.md', 'X.MD', 'README', 'index');
    const file = fc.tuple(fc.array(segment, { maxLength: 2 }), segment, fc.constantFrom('.md', '.MD', '.png', '')).map(([folders, name, ext]) => [...folders, name + ext].join('/'));
    const target = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '.md', '.Md', '/', ' ')).map(([parts, end]) => parts.join('/') + end);
    fc.assert(
      fc.property(fc.uniqueArray(file, { maxLength: 12 }), target, fc.constantFrom<ReferenceForm>('wikilink', 'markdown'), file, (paths, written, form, source) => {
        const exact = createPathLookup(paths);
        const { hasFileNamedExactly, ...walking } = exact;
        expect(hasFileNamedExactly).toBeDefined();
        expect(namesAFile(link(written), form, source, exact)).toBe(namesAFile(link(written), form, source, walking));
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
