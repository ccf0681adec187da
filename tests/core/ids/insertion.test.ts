import { spacedInsertion } from '../../../src/core/ids/insertion';
import { scanReferences } from '../../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../../src/core/ids/formats';

const LINK = '202108191025 Teams exist';

describe('the text "Insert link to note by ID" puts at the cursor', () => {
  it.each<[string, string, string, string]>([
    ['after a space, before punctuation', 'Builds on ', '. Done', LINK],
    ['at the start and end of the line', '', '', LINK],
    ['right after a word', 'See', ' now', ` ${LINK}`],
    ['right after a digit', 'Item 5', '', ` ${LINK}`],
    ['after a word joined by underscores', 'x__', '', ` ${LINK}`],
    ['after an accented letter', 'café', '', ` ${LINK}`],
    ['after a letter with a combining mark', 'cafe\u0301', '', ` ${LINK}`],
    ['right before a word', 'See ', 'and more', `${LINK} `],
    ['between two words', 'see', 'and', ` ${LINK} `],
    ['after an opening bracket, before a closing one', '(', ')', LINK],
    ['in Japanese prose, which has no spaces', '詳細は', 'を参照', LINK],
    ['after full-width punctuation', '見て（', '）', LINK],
  ])('%s', (_name, before, after, expected) => {
    expect(spacedInsertion(before, LINK, after)).toBe(expected);
  });

  it('an ID alone before a digit is spaced from it', () => {
    expect(spacedInsertion('', '202110101010', '5')).toBe('202110101010 ');
  });

  it('leaves an ID the scanner finds, wherever it is put in a line of letters, digits and punctuation', () => {
    const line = 'ab1_ c(d)é 詳,x';
    for (let at = 0; at <= line.length; at++) {
      const before = line.slice(0, at);
      const inserted = spacedInsertion(before, '202108191025', line.slice(at));
      const text = before + inserted + line.slice(at);
      const found = scanReferences(text, TWELVE_DIGIT).map((r) => [r.id, r.from]);
      expect(found).toContainEqual(['202108191025', before.length + inserted.indexOf('2')]);
    }
  });
});
