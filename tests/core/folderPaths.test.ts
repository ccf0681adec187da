/** Folder paths as typed in the settings: resolved within the vault, and checked against its folders. */
import { folderListMessage, resolveFolderList } from '../../src/core/folderPaths';

describe('resolveFolderList', () => {
  test.each<[string, string[], string[]]>([
    ['./Templates', ['Templates'], []],
    ['Templates/../Archive', ['Archive'], []],
    ['a/./b//c/', ['a/b/c'], []],
    [' /Archive/old/ ', ['Archive/old'], []],
    ['archive\\old', ['archive/old'], []],
    ['C:\\Vault\\Templates', ['C:/Vault/Templates'], []],
    ['.', [], ['.']],
    ['a/..', [], ['a/..']],
    ['/', [], ['/']],
    ['..', [], ['..']],
    ['../Elsewhere', [], ['../Elsewhere']],
    ['a/../../b', [], ['a/../../b']],
    ['', [], []],
  ])('%j → folders %j, outside the vault %j', (typed, folders, outside) => {
    expect(resolveFolderList([typed])).toStrictEqual({ folders, outside });
  });

  test('a folder written two ways is kept once', () => {
    expect(resolveFolderList(['Templates', './Templates/', 'x/../Templates']).folders).toStrictEqual(['Templates']);
  });
});

describe('folderListMessage', () => {
  const vault = { has: (path: string) => ['Templates', 'Archive', 'Archive/Old'].includes(path), all: () => ['Templates', 'Archive', 'Archive/Old'] };

  test('says nothing when every folder is there', () => {
    expect(folderListMessage({ folders: ['Templates', 'Archive/Old'], outside: [] }, vault)).toBeNull();
  });

  test('names the folders the vault does not have, and the one differing in case', () => {
    expect(folderListMessage({ folders: ['templates', 'Archive/Old', 'C:/Vault/Templates'], outside: [] }, vault)).toBe(
      'No folder in the vault is at "templates" (there is "Templates": letter case counts), "C:/Vault/Templates"; until there is, these entries match no note.',
    );
    expect(folderListMessage({ folders: ['archive/old'], outside: [] }, vault)).toBe(
      'No folder in the vault is at "archive/old" (there is "Archive/Old": letter case counts); until there is, this entry matches no note.',
    );
  });

  test('names the entries left out as outside the vault', () => {
    expect(folderListMessage({ folders: [], outside: ['..'] }, vault)).toBe('".." is left out: it names no folder inside the vault.');
    expect(folderListMessage({ folders: ['Gone'], outside: ['.', '../x'] }, vault)).toBe(
      '".", "../x" are left out: they name no folder inside the vault. No folder in the vault is at "Gone"; until there is, this entry matches no note.',
    );
  });
});
