import { DEFAULT_SETTINGS, isExcluded, normalizeFolderList, normalizeSettings } from '../../src/core/settings';

describe('normalizeSettings', () => {
  test('nothing stored gives the defaults without problems', () => {
    expect(normalizeSettings(undefined)).toStrictEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [] });
    expect(normalizeSettings(null).problems).toStrictEqual([]);
  });

  test('good values are kept and unknown keys dropped', () => {
    const { settings, problems } = normalizeSettings({
      idFormat: '14',
      chainDepth: 5,
      ownIdSources: ['frontmatter', 'filename'],
      excludedFolders: [' Templates/ ', 'Templates', 'archive\\old', 'a//b'],
      renameHandling: 'never',
      somethingElse: 1,
    });
    expect(problems).toStrictEqual([]);
    expect(settings.idFormat).toBe('14');
    expect(settings.chainDepth).toBe(5);
    expect(settings.ownIdSources).toStrictEqual(['frontmatter', 'filename']);
    expect(settings.excludedFolders).toStrictEqual(['Templates', 'archive/old', 'a/b']);
    expect(settings.renameHandling).toBe('never');
    expect(settings).not.toHaveProperty('somethingElse');
  });

  test.each([
    ['not an object', 'oops', /not an object/],
    ['unknown format', { idFormat: '13' }, /idFormat/],
    ['depth out of range', { chainDepth: 0 }, /chainDepth.*between 1 and 10/],
    ['depth not whole', { chainDepth: 2.5 }, /chainDepth.*whole number/],
    ['toggle not boolean', { linkTitle: 'yes' }, /linkTitle/],
    ['empty frontmatter key', { frontmatterKey: '  ' }, /frontmatterKey.*empty/],
    ['unknown own-ID source', { ownIdSources: ['filename', 'body'] }, /ownIdSources/],
    ['repeated own-ID source', { ownIdSources: ['filename', 'filename'] }, /ownIdSources/],
    ['folders not text', { excludedFolders: [1] }, /excludedFolders/],
    ['custom format without pattern', { idFormat: 'custom', customPattern: '' }, /custom ID pattern cannot be used.*empty/],
    ['custom pattern that backtracks', { idFormat: 'custom', customPattern: '(a+)+' }, /custom ID pattern cannot be used/],
    ['custom pattern with lookbehind', { idFormat: 'custom', customPattern: '(?<=x)\\d{4}' }, /lookbehind/],
  ])('%s falls back to the default with a message', (_name, raw, message) => {
    const { settings, problems } = normalizeSettings(raw);
    expect(problems.join('\n')).toMatch(message);
    expect(settings.idFormat === 'custom').toBe(false);
  });

  test('a rejected custom pattern keeps its text for correcting', () => {
    const { settings } = normalizeSettings({ idFormat: 'custom', customPattern: '(a+)+' });
    expect(settings.idFormat).toBe('12');
    expect(settings.customPattern).toBe('(a+)+');
  });

  test('an accepted custom pattern is kept', () => {
    expect(normalizeSettings({ idFormat: 'custom', customPattern: 'zk-\\d{4}' })).toMatchObject({
      settings: { idFormat: 'custom', customPattern: 'zk-\\d{4}' },
      problems: [],
    });
  });

  test('defaults are frozen and never shared with a result', () => {
    const { settings } = normalizeSettings(undefined);
    settings.excludedFolders.push('x');
    settings.ownIdSources.pop();
    expect(DEFAULT_SETTINGS.excludedFolders).toStrictEqual([]);
    expect(DEFAULT_SETTINGS.ownIdSources).toStrictEqual(['filename', 'folder', 'frontmatter']);
  });
});

describe('excluded folders', () => {
  test('a folder excludes itself and what is below it, not a folder that merely starts alike', () => {
    expect(isExcluded('Templates/a.md', ['Templates'])).toBe(true);
    expect(isExcluded('Templates', ['Templates'])).toBe(true);
    expect(isExcluded('Templates2/a.md', ['Templates'])).toBe(false);
    expect(normalizeFolderList(['/a/', 'a', ''])).toStrictEqual(['a']);
  });
});

describe('chain exclusion settings', () => {
  test('folders and tags are normalised; bad values fall back with a message', () => {
    const { settings, problems } = normalizeSettings({ chainExcludedFolders: [' Daily/ ', 'Daily', '\\\\Archive\\\\old'], chainExcludedTags: ['#daily', 'Daily', ' #meeting/ ', ''] });
    expect(settings.chainExcludedFolders).toStrictEqual(['Daily', 'Archive/old']);
    expect(settings.chainExcludedTags).toStrictEqual(['daily', 'meeting']);
    expect(problems).toStrictEqual([]);
    const bad = normalizeSettings({ chainExcludedFolders: 'Daily', chainExcludedTags: [1] });
    expect(bad.settings.chainExcludedFolders).toStrictEqual([]);
    expect(bad.settings.chainExcludedTags).toStrictEqual([]);
    expect(bad.problems).toStrictEqual([
      'Setting "chainExcludedFolders" must be a list; using the default.',
      'Setting "chainExcludedTags" must be a list of tags; using the default.',
    ]);
  });
});
