import { encodeLinkDestination, markdownCandidates, relativePath, unlinkableCharacter, wikilinkCandidates } from '../../src/core/repair/targets';

describe('link targets for a repointed link', () => {
  it.each([
    ['a.md', 'b.md', 'b.md'],
    ['x/a.md', 'b.md', '../b.md'],
    ['x/y/a.md', 'x/z/b.md', '../z/b.md'],
    ['a.md', 'x/b.md', 'x/b.md'],
    ['x/a.md', 'x/b.md', 'b.md'],
    // The last part of the target is a file, even when it has the name of the source's folder.
    ['x/x/a.md', 'x/x', '../x'],
    ['x/a.md', 'y/x/a.md', '../y/x/a.md'],
  ])('relativePath(%s, %s) = %s', (from, to, expected) => {
    expect(relativePath(from, to)).toBe(expected);
  });

  it('encodes only what would break a Markdown destination', () => {
    expect(encodeLinkDestination('202108191025 A (b) 100% é.md')).toBe('202108191025%20A%20%28b%29%20100%25%20é.md');
    expect(decodeURIComponent(encodeLinkDestination('a <b> \\ c.md'))).toBe('a <b> \\ c.md');
    // '#' would start a heading, '|' split a table cell, brackets confuse the link's pairing.
    expect(encodeLinkDestination('C# a|b [x].md')).toBe('C%23%20a%7Cb%20%5Bx%5D.md');
    // Two hex digits always, upper case; a character past ASCII as its UTF-8 bytes, so it decodes back.
    expect(encodeLinkDestination('a\tb\u00a0c>.md')).toBe('a%09b%C2%A0c%3E.md');
    // An ideographic space (Japanese names) is not '%3000', which reads back as '000'.
    expect(encodeLinkDestination('202108191025 日本\u3000語.md')).toBe('202108191025%20日本%E3%80%80語.md');
    for (const name of ['a\u00a0b', 'x\u3000y', 'p\u2028q\u2003r', '\ufeffs t']) expect(decodeURIComponent(encodeLinkDestination(name))).toBe(name);
  });

  it('keeps spaces in a destination written in angle brackets, and encodes the rest as elsewhere', () => {
    expect(encodeLinkDestination('202108191025 A (b) 100% é.md', true)).toBe('202108191025 A %28b%29 100%25 é.md');
    expect(encodeLinkDestination('C# a|b [x] <y>\\.md', true)).toBe('C%23 a%7Cb %5Bx%5D %3Cy%3E%5C.md');
    // Only the plain space: a tab, a line break or another space would end or hide the destination.
    expect(encodeLinkDestination('a\tb\nc\u00a0d\u3000e.md', true)).toBe('a%09b%0Ac%C2%A0d%E3%80%80e.md');
    expect(markdownCandidates('n/202108191025 T x.md', '../202108191025 Old.md', 'm/s.md', true)).toStrictEqual(['../n/202108191025 T x.md', '../n/202108191025 T x']);
    expect(markdownCandidates('n/202108191025 T x.md', '/202108191025 Old', 'm/s.md', true)).toStrictEqual(['/n/202108191025 T x', '/n/202108191025 T x.md']);
  });

  it('knows which names no wikilink can hold, and offers none for them', () => {
    expect(['a#b', 'a|b', 'a^b', 'a[b', 'a]b', 'a\\b', 'ok (1) é %'].map(unlinkableCharacter)).toStrictEqual(['#', '|', '^', '[', ']', '\\', null]);
    expect(wikilinkCandidates('n/202108191025 C# tips.md', 'x')).toStrictEqual([]);
    expect(wikilinkCandidates('C#/202108191025 T.md', 'x')).toStrictEqual(['202108191025 T']);
  });

  it('offers wikilink paths shortest first, with .md only when the original had it', () => {
    expect(wikilinkCandidates('zet/202109260705/README.md', '202109260705 Old')).toStrictEqual(['README', '202109260705/README', 'zet/202109260705/README']);
    expect(wikilinkCandidates('n/202108191025 T.md', 'x/202108191025 Old.md')).toStrictEqual(['202108191025 T.md', 'n/202108191025 T.md']);
    expect(wikilinkCandidates('img/202108191025.png', '202108191025')).toStrictEqual(['202108191025.png', 'img/202108191025.png']);
    // Only the name's final .md is the extension.
    expect(wikilinkCandidates('n/202108191025 x.mdx.md', 'Old')).toStrictEqual(['202108191025 x.mdx', 'n/202108191025 x.mdx']);
  });

  it('offers markdown destinations in the style of the original', () => {
    expect(markdownCandidates('n/202108191025 T.md', '../202108191025%20Old.md', 'm/s.md')).toStrictEqual(['../n/202108191025%20T.md', '../n/202108191025%20T']);
    expect(markdownCandidates('n/202108191025 T.md', '/202108191025%20Old', 'm/s.md')).toStrictEqual(['/n/202108191025%20T', '/n/202108191025%20T.md']);
    expect(markdownCandidates('zet/202109260705/README.md', '../202109260704', 'zet/202101010000/README.md')).toStrictEqual([
      '../202109260705',
      '../202109260705/README',
      '../202109260705/README.md',
    ]);
    expect(markdownCandidates('n/202108191025 T.md', './202108191025%20Old.md', 'n/s.md')[0]).toBe('./202108191025%20T.md');
    // './' only where the path stays in the source's folder.
    expect(markdownCandidates('a/202108191025 T.md', './202108191025%20Old.md', 'n/s.md')[0]).toBe('../a/202108191025%20T.md');
    // A folder note is named by its folder only when it has one, and whatever the case of its name.
    expect(markdownCandidates('README.md', '202108191025', 's.md')).toStrictEqual(['README', 'README.md']);
    expect(markdownCandidates('zet/202109260705/Index.md', '202109260704', 's.md')[0]).toBe('zet/202109260705');
    expect(markdownCandidates('zet/202109260705/notes.md', '202109260704', 's.md')[0]).toBe('zet/202109260705/notes');
    // Only a file named exactly README.md or index.md is a folder note.
    expect(markdownCandidates('zet/202109260705/myindex.md', '202109260704', 's.md')[0]).toBe('zet/202109260705/myindex');
    expect(markdownCandidates('zet/202109260705/index.md5', '202109260704', 's.md')).toStrictEqual(['zet/202109260705/index.md5']);
    // The original has an extension only when its name ends in one.
    expect(markdownCandidates('n/202108191025 T.md', '202108191025%20Old.v2%20draft', 'n/s.md')).toStrictEqual(['202108191025%20T', '202108191025%20T.md']);
    expect(markdownCandidates('n/202108191025 T.md', 'x.v2/202108191025%20Old', 'n/s.md')).toStrictEqual(['202108191025%20T', '202108191025%20T.md']);
    // A target that is no valid percent-encoding is read as written.
    expect(markdownCandidates('n/202108191025 T.md', '202108191025%Old.md', 'n/s.md')).toStrictEqual(['202108191025%20T.md', '202108191025%20T']);
    expect(markdownCandidates('n/202108191025 T.md', '202108191025%20Old', 'n/s.md')).toStrictEqual(['202108191025%20T', '202108191025%20T.md']);
    // A folder named with a trailing slash keeps it.
    expect(markdownCandidates('archive/202109260705/README.md', '/202109260705/', 's.md')[0]).toBe('/archive/202109260705/');
  });
});
