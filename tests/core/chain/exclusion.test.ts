import { hasChainExclusions, isChainExcluded } from '../../../src/core/chain/exclusion';

const settings = { chainExcludedFolders: ['Daily', 'Archive/old'], chainExcludedTags: ['meeting', 'Private'] };

test.each<[string, string[], boolean]>([
  ['Daily/2024-01-01.md', [], true],
  ['Daily.md', [], false],
  ['Dailyish/x.md', [], false],
  ['Archive/old/a.md', [], true],
  ['Archive/a.md', [], false],
  ['Notes/a.md', ['#meeting'], true],
  ['Notes/a.md', ['meeting/weekly'], true],
  ['Notes/a.md', ['#MEETING'], true],
  ['Notes/a.md', ['#meetings'], false],
  ['Notes/a.md', ['#private/diary'], true],
  ['Notes/a.md', ['#project'], false],
])('%s with tags %j is excluded: %s', (path, tags, expected) => {
  expect(isChainExcluded(path, tags, settings)).toBe(expected);
});

test('nothing is excluded without settings, and hasChainExclusions says so', () => {
  const none = { chainExcludedFolders: [], chainExcludedTags: [] };
  expect(isChainExcluded('Daily/a.md', ['#meeting'], none)).toBe(false);
  expect(hasChainExclusions(none)).toBe(false);
  expect(hasChainExclusions(settings)).toBe(true);
});

test('folders alone, or tags alone, are exclusions', () => {
  expect(hasChainExclusions({ chainExcludedFolders: ['Daily'], chainExcludedTags: [] })).toBe(true);
  expect(hasChainExclusions({ chainExcludedFolders: [], chainExcludedTags: ['meeting'] })).toBe(true);
  expect(isChainExcluded('Notes/a.md', ['#meeting'], { chainExcludedFolders: ['Daily'], chainExcludedTags: [] })).toBe(false);
  expect(isChainExcluded('Daily/a.md', [], { chainExcludedFolders: [], chainExcludedTags: ['meeting'] })).toBe(false);
});
