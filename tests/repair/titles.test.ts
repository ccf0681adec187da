/** Which titles follow an ID: the lookups behind stale-title and broken-ID repairs. */
import { TitleLookup } from '../../src/core/index/titleLookup';
import { longestTitleAfter } from '../../src/core/repair/titles';
import { indexOf } from './helpers';

const ID = '202108191025';
const TEXT = `See ${ID} Teams exist for a reason. Then more.`;
const ID_END = TEXT.indexOf(ID) + ID.length;

describe('the longest title after an ID', () => {
  it('picks the longest title written there, in whatever order the titles come', () => {
    const end = ID_END + ' Teams exist for a reason'.length;
    expect(longestTitleAfter(TEXT, ID_END, ['Teams', 'Teams exist for a reason', 'Teams exist'])).toStrictEqual({ title: 'Teams exist for a reason', end });
    expect(longestTitleAfter(TEXT, ID_END, ['Teams exist for a reason', 'Teams exist', 'Teams'])).toStrictEqual({ title: 'Teams exist for a reason', end });
  });

  it('passes over a title not written there, a title cut inside a word, and an empty title', () => {
    expect(longestTitleAfter(TEXT, ID_END, ['Teams exist', 'Teams exist for a reason and more', 'Teams exi', ''])).toStrictEqual({ title: 'Teams exist', end: ID_END + 12 });
    expect(longestTitleAfter(TEXT, ID_END, ['', 'Other'])).toBeNull();
    expect(longestTitleAfter(TEXT, ID_END, [])).toBeNull();
  });
});

describe('notes whose title follows an ID', () => {
  const index = indexOf({
    '202101010000 T.md': '',
    '202101010001 Te.md': '',
    '202101010002 Teams.md': '',
    '202101010003 Teams exist.md': '',
    '202101010004 Teams exist for a reason.md': '',
    '202101010005 Tea time.md': '',
    '202101010006.md': '',
    'Teams.md': '',
  });
  const paths = (text: string, idEnd: number) => new TitleLookup(index.notes()).notesTitledAfter(text, idEnd).map((n) => n.path).sort();

  it('finds every note whose whole title is written there, short titles and long, each once', () => {
    expect(paths(TEXT, ID_END)).toStrictEqual(['202101010002 Teams.md', '202101010003 Teams exist.md', '202101010004 Teams exist for a reason.md']);
    expect(paths(`${ID} T`, ID.length)).toStrictEqual(['202101010000 T.md']);
    expect(paths(`${ID} Te, and`, ID.length)).toStrictEqual(['202101010001 Te.md']);
  });

  it('finds none without one space after the ID, and never a note without an ID or without a title', () => {
    expect(paths(`${ID}Teams exist`, ID.length)).toStrictEqual([]);
    expect(paths(`${ID} 202101010006`, ID.length)).toStrictEqual([]);
    expect(paths(`${ID} `, ID.length)).toStrictEqual([]);
  });
});
