import { readableContext } from '../../../src/core/chain/readableContext';

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
  ])('%s', (_name, input, expected) => {
    expect(readableContext(input)).toBe(expected);
  });
});
