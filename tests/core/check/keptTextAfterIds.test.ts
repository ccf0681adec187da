/** What KeptTextAfterIds keeps: the text after each bare ID that no note's name gives, and nothing else. */
import { KeptTextAfterIds } from '../../../src/core/check';
import { idFormatFor, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { TEXT_READ_AFTER_ID } from '../../../src/core/index/titleLookup';
import type { OwnIdSource } from '../../../src/core/settings';

function kept(format: IdFormat, idLength: number, names: readonly string[], path: string, text: string): KeptTextAfterIds {
  const options = { format, ownIdSources: ['filename', 'folder', 'frontmatter'] as OwnIdSource[], frontmatterKey: 'id' };
  const index = new IdIndex({ format });
  index.putNames(names, options);
  const texts = new KeptTextAfterIds(index, idLength);
  texts.add(new NoteScanner(options).scan(path, text), text);
  return texts;
}

test('keeps the text after bare IDs no name gives: TEXT_READ_AFTER_ID characters after a space, else one', () => {
  const title = `${'t'.repeat(300)}`;
  const text = `202101010000 Owned, 202199999999 ${title}, 202188888888. and [[202177777777 Link]].`;
  const texts = kept(TWELVE_DIGIT, 12, ['202101010000 Owned.md', 'n.md'], 'n.md', text);
  const end = (id: string) => text.indexOf(id) + 12;
  // Owned by a file name: resolved whatever the notes hold, so nothing is kept.
  expect(texts.textAfterId('n.md', end('202101010000'))).toBeUndefined();
  expect(texts.textAfterId('n.md', end('202199999999'))).toStrictEqual({ text: text.slice(end('202199999999'), end('202199999999') + TEXT_READ_AFTER_ID), idEnd: 0 });
  expect(texts.textAfterId('n.md', end('202188888888'))).toStrictEqual({ text: '.', idEnd: 0 });
  // A link is no bare ID; another offset, or another note, has nothing kept.
  expect(texts.textAfterId('n.md', end('202177777777'))).toBeUndefined();
  expect(texts.textAfterId('n.md', end('202199999999') + 1)).toBeUndefined();
  expect(texts.textAfterId('other.md', end('202199999999'))).toBeUndefined();
});

test('a custom pattern’s IDs are judged by their strings, each as long as it is', () => {
  const format = idFormatFor('custom', 'ZK-\\d{1,4}');
  const text = 'ZK-1 One and ZK-2222 Two and ZK-33 x';
  const texts = kept(format, 0, ['ZK-1 One.md', 'n.md'], 'n.md', text);
  expect(texts.textAfterId('n.md', text.indexOf('ZK-1') + 4)).toBeUndefined();
  expect(texts.textAfterId('n.md', text.indexOf('ZK-2222') + 7)).toStrictEqual({ text: ' Two and ZK-33 x', idEnd: 0 });
  expect(texts.textAfterId('n.md', text.indexOf('ZK-33') + 5)).toStrictEqual({ text: ' x', idEnd: 0 });
});

test('reads only the note’s own records from a scanner reused note to note, and the ID of key 0 like any other', () => {
  const options = { format: TWELVE_DIGIT, ownIdSources: ['filename'] as OwnIdSource[], frontmatterKey: 'id' };
  const index = new IdIndex({ format: TWELVE_DIGIT });
  index.putNames(['one.md', 'two.md'], options);
  const texts = new KeptTextAfterIds(index, 12);
  const scanner = new NoteScanner(options);
  const first = 'aaaa 202199999991 b 202199999992 c';
  texts.add(scanner.scan('one.md', first), first);
  const second = '000000000000 Tail';
  texts.add(scanner.scan('two.md', second), second);
  expect(texts.textAfterId('one.md', 32)).toStrictEqual({ text: ' c', idEnd: 0 });
  expect(texts.textAfterId('two.md', 12)).toStrictEqual({ text: ' Tail', idEnd: 0 });
  // Where the first note's second ID ended: the second note has no record there.
  expect(texts.textAfterId('two.md', 32)).toBeUndefined();
});

test('keeps the text after every unowned ID of a note with many, and nothing for a note without', () => {
  const ids = Array.from({ length: 80 }, (_, i) => `2021999999${String(i).padStart(2, '0')}`);
  const text = ids.map((id, i) => `${id} T${i}.`).join(' ');
  const texts = kept(TWELVE_DIGIT, 12, ['n.md'], 'n.md', text);
  for (const [i, id] of ids.entries()) {
    const end = text.indexOf(id) + 12;
    expect(texts.textAfterId('n.md', end)?.text.startsWith(` T${i}.`)).toBe(true);
  }
  const owned = kept(TWELVE_DIGIT, 12, ['202101010000 A.md', 'n.md'], 'n.md', '202101010000 A');
  expect(owned.textAfterId('n.md', 12)).toBeUndefined();
});
