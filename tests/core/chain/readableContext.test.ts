import { contextParts, readableContext } from '../../../src/core/chain/readableContext';

describe('readableContext', () => {
  test.each([
    ['plain prose is unchanged', 'After all, 202108191025 Teams exist.', 'After all, 202108191025 Teams exist.'],
    ['wikilink shows its file name', 'see [[202108191025 Teams exist]] now', 'see 202108191025 Teams exist now'],
    ['wikilink alias', 'see [[202108191025|the team note]] now', 'see the team note now'],
    ['wikilink heading and folder', 'see [[zk/202108191025 Teams#Why]].', 'see 202108191025 Teams.'],
    ['embed', '![[202108191025 Teams exist]]', '202108191025 Teams exist'],
    ['markdown link', 'is to [keep the log](202201181100%20Keep%20a%20log.md) here', 'is to keep the log here'],
    ['markdown link with title', '[x](a.md "T") y', 'x y'],
    ['markdown link in angle brackets', '[x](<202201181100 Keep.md>) y', 'x y'],
    ['wikilink cut at the end', 'see ! [[202201150815 A decision nobody can…', 'see ! 202201150815 A decision nobody can…'],
    ['markdown link cut at the end', 'is to [keep the log](202201181100%20Keep%20a…', 'is to keep the log…'],
    ['brackets that are no link', 'a [note] and [[open', 'a [note] and [[open'],
    ['list marker', '- See 202108191025 Teams exist', 'See 202108191025 Teams exist'],
    ['numbered list marker', '12. See 202108191025', 'See 202108191025'],
    ['task marker', '* [x] Done with 202108191025', 'Done with 202108191025'],
    ['quote markers, nested, with a list inside', '> > - 202108191025 says so', '202108191025 says so'],
    ['callout', '> [!note]- Why 202108191025', 'Why 202108191025'],
    ['heading', '### 202108191025 Teams exist', '202108191025 Teams exist'],
    ['heading of the sixth level', '###### 202108191025 Teams exist', '202108191025 Teams exist'],
    ['seven hashes are no heading', '####### 202108191025 Teams exist', '####### 202108191025 Teams exist'],
    ['a hash that is no heading stays', '#202108191025 is a tag, 202108191025 is not', '#202108191025 is a tag, 202108191025 is not'],
    ['a dash inside prose stays', 'teams - 202108191025 - exist', 'teams - 202108191025 - exist'],
    ['a cut line has no markers to strip', '…one - 202108191025 two', '…one - 202108191025 two'],
    ['a marker alone leaves nothing', '- ', ''],
    ['an alias after an empty target', 'see [[|the team note]] now', 'see the team note now'],
    ['a wikilink to a heading of the same note shows it whole', 'see [[#Why]] now', 'see #Why now'],
    ['a wikilink ending in .md shows the name without it', 'see [[zk/202108191025 Teams.MD]] now', 'see 202108191025 Teams now'],
    ['.md only at the name\'s end goes', 'see [[202108191025 Teams.mdx]] and [[a.md.b]]', 'see 202108191025 Teams.mdx and a.md.b'],
    ['a markdown link whose title follows two spaces', '[x](a.md  "Some title") y', 'x y'],
    ['an indented line shows without its indentation', '  continued 202108191025 here', 'continued 202108191025 here'],
    ['an unclosed wikilink before a cut is left as written', 'a [[202201150815 open… and more', 'a [[202201150815 open… and more'],
    ['an unclosed markdown link before a cut is left as written', 'a [b](c… and more', 'a [b](c… and more'],
  ])('%s', (_name, input, expected) => {
    expect(readableContext(input)).toBe(expected);
  });
});

describe('contextParts', () => {
  test.each([
    ['See 202108191025 Teams', '202108191025', ['See ', '202108191025', ' Teams']],
    ['202108191025', '202108191025', ['', '202108191025', '']],
    ['x2021081910255 then 202108191025.', '202108191025', ['x2021081910255 then ', '202108191025', '.']],
    ['the team note', '202108191025', ['the team note', '', '']],
    ['no ID here', null, ['no ID here', '', '']],
    ['null stays text when there is no ID', null, ['null stays text when there is no ID', '', '']],
    ['an empty ID splits nothing', '', ['an empty ID splits nothing', '', '']],
    ['詳細は202108191025を参照', '202108191025', ['詳細は', '202108191025', 'を参照']],
    ['see_202108191025 and 202108191025', '202108191025', ['see_202108191025 and ', '202108191025', '']],
  ])('%j around %s', (readable, id, [before, shown, after]) => {
    expect(contextParts(readable, id)).toStrictEqual({ before, id: shown, after });
  });
});
