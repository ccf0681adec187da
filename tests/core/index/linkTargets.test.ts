import fc from 'fast-check';
import { createPathLookup, foldPath, linkNamesFile, namesAFile, resolveLinkPath, withIdOwners, type LinkPathLookup } from '../../../src/core/index/linkTargets';
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

/**
 * Resolved through the plain lookup above and through createPathLookup, which must agree; and
 * namesAFile, check's shortcut, must say whether a file was found, through either.
 */
const resolve = (form: ReferenceForm, target: string, source: string) => {
  const found = resolveLinkPath(link(target), form, source, lookup(VAULT));
  expect(resolveLinkPath(link(target), form, source, createPathLookup(VAULT))).toBe(found);
  for (const paths of [lookup(VAULT), createPathLookup(VAULT)]) expect(namesAFile(link(target), form, source, paths)).toBe(found !== null);
  return found;
};

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
    // `./` reads from the note's folder; any other path from the vault root, then by file name.
    ['./Same', 'deep/er/n.md', 'deep/er/Same.md'],
    // Wikilinks are not URL-decoded.
    ['Name%20with%20%25', 'n.md', null],
    ['.', 'n.md', null],
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
    ['../202104291524 Execution.md', 'n.md', null],
    // An empty target names nothing, not the folder note of the note's own folder.
    ['', 'zet/202109260705/x.md', null],
    // A leading `/` reads from the root only: no file-name fallback.
    ['/Same.md', 'n.md', null],
    // Around the target: white space is trimmed; `<…>` is taken off only when both are there.
    [' 202104291524%20Execution.md ', 'n.md', '202104291524 Execution.md'],
    ['<Same.mdX', 'n.md', null],
    ['XSame.md>', 'n.md', null],
    ['202104291524%2Execution.md', 'n.md', null],
    ['../202109260705/readme.MD', 'zet/202109260706/index.md', 'zet/202109260705/README.md'],
  ])('(%s) from %s', (target, source, expected) => {
    expect(resolve('markdown', target, source)).toBe(expected);
  });

  test.each([lookup, createPathLookup])('an exact-case file wins over a case variant (%#)', (lookupOf) => {
    const paths = lookupOf(['a/Note.md', 'a/note.md']);
    expect(resolveLinkPath(link('note'), 'wikilink', 'x.md', paths)).toBe('a/note.md');
    expect(resolveLinkPath(link('a/note'), 'wikilink', 'x.md', paths)).toBe('a/note.md');
    expect(resolveLinkPath(link('a/Note'), 'wikilink', 'x.md', paths)).toBe('a/Note.md');
    expect(resolveLinkPath(link('a/NOTE'), 'wikilink', 'x.md', paths)).toBe('a/Note.md');
  });

  test('a wikilink path is read from the vault root, even when the same path exists in the note’s folder', () => {
    const paths = lookup(['a/b.md', 'd/a/b.md']);
    expect(resolveLinkPath(link('a/b'), 'wikilink', 'd/n.md', paths)).toBe('a/b.md');
    expect(resolveLinkPath(link('a/b.md'), 'markdown', 'd/n.md', paths)).toBe('d/a/b.md');
  });

  test('a note at the root reads a markdown link from the root', () => {
    expect(resolveLinkPath(link('Same.md'), 'markdown', 'a.md', lookup(['a.m/Same.md', 'Same.md']))).toBe('Same.md');
  });

  test('two files of one name and path length: the first in code-unit order, whatever order the lookup gives', () => {
    expect(resolveLinkPath(link('Same'), 'wikilink', 'n.md', lookup(['b/Same.md', 'a/Same.md']))).toBe('a/Same.md');
  });

  test('`.md` is added only to a name without it, and `.` names no file', () => {
    expect(resolveLinkPath(link('x.md'), 'wikilink', 'n.md', lookup(['x.md.md']))).toBeNull();
    expect(resolveLinkPath(link('.'), 'wikilink', 'n.md', lookup(['.md', 'README.md']))).toBeNull();
  });

  test('no name, `.`, `..` or a name only a non-note file starts with names a file, by namesAFile too', () => {
    const odd = ['.md', '...md', 'Note.png', 'README.md'];
    for (const target of ['', '.', '..', 'Note.']) {
      expect(resolveLinkPath(link(target), 'wikilink', 'n.md', createPathLookup(odd))).toBeNull();
      expect(namesAFile(link(target), 'wikilink', 'n.md', createPathLookup(odd))).toBe(false);
      expect(namesAFile(link(target), 'wikilink', 'n.md', lookup(odd))).toBe(false);
    }
  });

  test('a path no file of that name ends with names no file, in any case', () => {
    const paths = lookup(['a/Same.md', 'longer/B/Same.md']);
    expect(resolveLinkPath(link('b/Same'), 'wikilink', 'n.md', paths)).toBe('longer/B/Same.md');
    expect(resolveLinkPath(link('zzz/Same'), 'wikilink', 'n.md', paths)).toBeNull();
    expect(resolveLinkPath(link('ZZZ/same'), 'wikilink', 'n.md', paths)).toBeNull();
  });

  test('a markdown link that climbs above the vault root names no file', () => {
    for (const target of ['a/../../Same.md', 'a/../../a/Same.md']) {
      expect(resolveLinkPath(link(target), 'markdown', 'n.md', lookup(['a/Same.md', 'Same.md']))).toBeNull();
      expect(resolveLinkPath(link(target), 'markdown', 'n.md', createPathLookup(['a/Same.md', 'Same.md']))).toBeNull();
    }
  });

  test('case is folded to lower case, as foldPath says: ẞ finds ß, ß is not ss', () => {
    for (const lookupOf of [lookup, createPathLookup]) {
      expect(resolveLinkPath(link('STRASSE'), 'wikilink', 'n.md', lookupOf(['Straße.md']))).toBeNull();
      expect(resolveLinkPath(link('STRAßE'), 'wikilink', 'n.md', lookupOf(['Straße.md']))).toBe('Straße.md');
      // The capital sharp s (U+1E9E) lowers to ß; ß raised would be SS.
      expect(resolveLinkPath(link('STRA\u1E9EE'), 'wikilink', 'n.md', lookupOf(['Straße.md']))).toBe('Straße.md');
      // The Kelvin sign (U+212A) lowers to an ASCII k: a non-ASCII link can name an ASCII file.
      expect(resolveLinkPath(link('\u212A'), 'wikilink', 'n.md', lookupOf(['k.md']))).toBe('k.md');
    }
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

  test('the wrapped lookup answers every file question as the lookup it wraps', () => {
    const inner = createPathLookup(VAULT);
    const wrapped = withIdOwners(inner, index);
    for (const path of ['X/SAME.md', 'notes/202108191025 teams exist.md', 'nothing.md']) {
      expect(wrapped.byPathIgnoringCase?.(path)).toStrictEqual(inner.byPathIgnoringCase?.(path));
    }
    for (const [name, orNote] of [['Same', true], ['Same', false], ['Same.md', false], ['same', true]] as const) {
      expect(wrapped.hasFileNamedExactly?.(name, orNote)).toBe(inner.hasFileNamedExactly?.(name, orNote));
    }
    expect(wrapped.hasFileNamedExactly?.('Same', true)).toBe(true);
    expect(wrapped.byPathIgnoringCase?.('X/SAME.md')).toStrictEqual(['x/Same.md']);
    // A lookup without the optional questions gives a wrapper without them.
    expect(withOwners.byPathIgnoringCase).toBeUndefined();
    expect(withOwners.hasFileNamedExactly).toBeUndefined();
  });

  test('the wrapped lookup still answers file questions', () => {
    expect(withOwners.has('202104291524 Execution.md')).toBe(true);
    expect(withOwners.byBasename('Same.md')).toStrictEqual(['deep/er/Same.md', 'x/Same.md']);
    // An exact path still wins over a case variant through the wrapper.
    const cased = withIdOwners(createPathLookup(['A.md', 'a.md']), index);
    expect(cased.has('a.md')).toBe(true);
    expect(resolveLinkPath(link('a'), 'wikilink', 'n.md', cased)).toBe('a.md');
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

  test('createPathLookup keeps the paths it was given: later changes to the caller’s array do not show', () => {
    const given = ['a/Note.md'];
    const paths = createPathLookup(given);
    given.push('b/Other.md');
    expect(paths.has('b/Other.md')).toBe(false);
    expect(paths.byBasename('Other.md')).toStrictEqual([]);
    expect(paths.hasFileNamedExactly?.('Other', true)).toBe(false);
  });

  test('createPathLookup keys names and paths by foldPath', () => {
    const paths = createPathLookup(['a/Cafe\u0301.md', 'b/CAFÉ.md']);
    expect(paths.byBasename('café.md')).toStrictEqual(['a/Cafe\u0301.md', 'b/CAFÉ.md']);
    expect(paths.byPathIgnoringCase?.('A/CAFÉ.MD')).toStrictEqual(['a/Cafe\u0301.md']);
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

describe('the shortcuts check and repair take agree with full resolution', () => {
  // Vault paths and link targets from a few spellings of a few names, with the parts resolution
  // reads: folders, `.`/`..`, a leading `/`, `./` or `../`, a trailing `/`, `.md` in any case, white
  // space around a target, `%`-escapes (which only markdown links decode) and `<…>` (markdown).
  const name = fc.constantFrom('Note', 'note', 'a b', 'Café', 'Cafe\u0301', '202101010000 Title', 'README', 'index', 'x.md', '.', 'Not');
  const folder = fc.constantFrom('d', 'D', 'a b', 'e');
  const vaultPath = fc
    .tuple(fc.array(folder, { maxLength: 2 }), name, fc.constantFrom('.md', '.MD', '.png', ''))
    .map(([folders, file, ext]) => [...folders, file + ext].join('/'));
  const part = fc.oneof(name, folder, fc.constantFrom('.', '..', ''));
  const target = fc
    .tuple(
      fc.constantFrom('', '/', './', '../', ' '),
      fc.array(part, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', '.md', '.MD', '/', ' ', '.', '%20', '%2'),
      fc.constantFrom('plain', 'escaped', 'angled'),
    )
    .map(([before, parts, after, wrap]) => {
      const written = before + parts.join('/') + after;
      return { written, wrap };
    });
  const asWritten = (written: string, wrap: string, form: ReferenceForm) =>
    wrap === 'plain' ? written : wrap === 'escaped' ? encodeURI(written) : form === 'wikilink' ? written : `<${written}>`;
  const forms = fc.constantFrom<ReferenceForm>('wikilink', 'markdown');

  it('namesAFile says whether resolveLinkPath finds a file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(vaultPath, { maxLength: 12 }), target, forms, vaultPath, (paths, { written, wrap }, form, source) => {
        const parts = link(asWritten(written, wrap, form));
        for (const lookupOf of [createPathLookup, lookup]) {
          const found = resolveLinkPath(parts, form, source, lookupOf(paths));
          expect(namesAFile(parts, form, source, lookupOf(paths))).toBe(found !== null);
        }
      }),
      { seed: 20261203, numRuns: 1500 },
    );
  });

  it('linkNamesFile holds only for a link that names a file when that file is there', () => {
    fc.assert(
      fc.property(fc.uniqueArray(vaultPath, { minLength: 1, maxLength: 12 }), target, forms, vaultPath, (paths, { written, wrap }, form, source) => {
        const parts = link(asWritten(written, wrap, form));
        for (const path of paths) {
          if (linkNamesFile(parts, form, path)) expect(resolveLinkPath(parts, form, source, createPathLookup(paths))).not.toBeNull();
        }
      }),
      { seed: 20261203, numRuns: 1500 },
    );
  });

  test.each<[string, ReferenceForm, string, boolean]>([
    // The usual links, settled without a lookup.
    ['202101010000 Title', 'wikilink', 'd/202101010000 Title.md', true],
    [' 202101010000 Title ', 'wikilink', 'd/202101010000 Title.md', true],
    ['202101010000 Title.md', 'wikilink', '202101010000 Title.md', true],
    ['202101010000%20Title.md', 'markdown', 'd/202101010000 Title.md', true],
    ['<202101010000 Title.md>', 'markdown', 'd/202101010000 Title.md', true],
    ['x.png', 'wikilink', 'd/x.png', true],
    ['a%20b', 'markdown', 'd/a b.md', true],
    // Wikilinks are not URL-decoded.
    ['a%20b', 'wikilink', 'd/a b.md', false],
    // Not by name alone: another file, a folder in the target, or no name.
    ['202101010000 Title', 'wikilink', 'd/202101010000 Title.png', false],
    ['202101010000 Title', 'wikilink', 'd/x202101010000 Title.md', false],
    ['202101010000 Title.md', 'wikilink', 'd/202101010000 Title.md.md', false],
    ['Title', 'wikilink', 'd/202101010000 Title.md', false],
    ['Note', 'wikilink', 'd/Note.x.md', false],
    ['d/202101010000 Title', 'wikilink', 'd/202101010000 Title.md', false],
    ['..', 'wikilink', '...md', false],
    ['.', 'wikilink', '..md', false],
    ['', 'wikilink', '.md', false],
  ])('linkNamesFile([[%s]] as %s, %s) is %s', (target, form, path, expected) => {
    expect(linkNamesFile(link(target), form, path)).toBe(expected);
  });
});
