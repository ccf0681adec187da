import { DEFAULT_SETTINGS, isExcluded, normalizeFolderList, normalizeSettings, storedForm } from '../../src/core/settings';

describe('normalizeSettings', () => {
  test('nothing stored gives the defaults without problems', () => {
    expect(normalizeSettings(undefined)).toStrictEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [], kept: new Map() });
    expect(normalizeSettings(null).problems).toStrictEqual([]);
  });

  test('good values are used and unknown keys left out of the settings', () => {
    const { settings, problems, kept } = normalizeSettings({
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
    // Kept for the next save, whatever else the file had: only the unknown key.
    expect(kept).toStrictEqual(new Map([['somethingElse', 1]]));
  });

  test.each([
    ['not an object', 'oops', /not an object/],
    ['unknown format', { idFormat: '13' }, /idFormat/],
    ['depth out of range', { chainDepth: 0 }, /chainDepth.*between 1 and 10/],
    ['depth not whole', { chainDepth: 2.5 }, /chainDepth.*whole number/],
    ['toggle not boolean', { linkTitle: 'yes' }, /linkTitle/],
    ['empty frontmatter key', { frontmatterKey: '  ' }, /frontmatterKey.*empty/],
    ['unknown own-ID source', { ownIdSources: ['filename', 'body'] }, /ownIdSources/],
    ['no known own-ID source', { ownIdSources: ['body', 1] }, /ownIdSources.*must list some of/],
    ['folders not text', { excludedFolders: [1] }, /excludedFolders/],
    ['custom format without pattern', { idFormat: 'custom', customPattern: '' }, /custom ID pattern cannot be used.*empty/],
    ['custom pattern that backtracks', { idFormat: 'custom', customPattern: '(a+)+' }, /custom ID pattern cannot be used/],
    ['custom pattern with lookbehind', { idFormat: 'custom', customPattern: '(?<=x)\\d{4}' }, /lookbehind/],
  ])('%s falls back to the default with a message', (_name, raw, message) => {
    const { settings, problems } = normalizeSettings(raw);
    expect(problems.join('\n')).toMatch(message);
    expect(settings.idFormat === 'custom').toBe(false);
  });

  test.each([
    ['renameHandling', 'sometimes', 'ask', 'ask, always, never'],
    ['linkStyle', 'markdown', 'off', 'off, wikilink, bare'],
    ['renameHandling', 1, 'ask', 'ask, always, never'],
  ] as const)('%s stored as %p, none of its choices, falls back to %p with a message', (key, stored, fallback, choices) => {
    const { settings, problems } = normalizeSettings({ [key]: stored });
    expect(settings[key]).toBe(fallback);
    expect(problems).toStrictEqual([`Setting "${key}" must be one of ${choices}; using the default.`]);
  });

  test.each<[string, unknown, [string, unknown][]]>([
    ['a value of the wrong type', { chainDepth: 'deep', linkTitle: true }, [['chainDepth', 'deep']]],
    ['a value out of range', { chainDepth: 12 }, [['chainDepth', 12]]],
    ['an empty frontmatter key', { frontmatterKey: ' ' }, [['frontmatterKey', ' ']]],
    ['a list with a bad entry', { ownIdSources: ['filename', 'body'], excludedFolders: [1, 'a'] }, [['ownIdSources', ['filename', 'body']], ['excludedFolders', [1, 'a']]]],
    ['a format this version does not know', { idFormat: 'iso' }, [['idFormat', 'iso']]],
    ['the custom format with a pattern it refuses', { idFormat: 'custom', customPattern: '(a+)+' }, [['idFormat', 'custom']]],
    ['a newer version\'s setting', { idFormat: '14', futureOption: { on: true } }, [['futureOption', { on: true }]]],
    ['a key named like a prototype', JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}'), [['__proto__', { polluted: 1 }], ['constructor', 2]]],
  ])('%s is kept as stored, for the next save', (_name, raw, kept) => {
    expect([...normalizeSettings(raw).kept]).toStrictEqual(kept);
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

describe('a stored list with a bad entry keeps its good ones', () => {
  test('an excluded folder next to a null stays excluded; the stored list is written back as it was', () => {
    const { settings, problems, kept } = normalizeSettings({ excludedFolders: ['Templates', null] });
    expect(settings.excludedFolders).toStrictEqual(['Templates']);
    expect(problems).toStrictEqual(['Setting "excludedFolders" left out null: each entry must be a folder path.']);
    expect([...kept]).toStrictEqual([['excludedFolders', ['Templates', null]]]);
  });

  test('own-ID sources keep their order, without unknown or repeated ones', () => {
    const { settings, problems } = normalizeSettings({ ownIdSources: ['frontmatter', 'body', 'filename', 'frontmatter'] });
    expect(settings.ownIdSources).toStrictEqual(['frontmatter', 'filename']);
    expect(problems).toStrictEqual(['Setting "ownIdSources" left out "body": each entry must be one of filename, folder, frontmatter.']);
    expect(normalizeSettings({ ownIdSources: ['folder', 'folder'] })).toMatchObject({ settings: { ownIdSources: ['folder'] }, problems: [] });
  });

  test('the chain lists too; a message names three entries at most', () => {
    const { settings, problems } = normalizeSettings({ chainExcludedFolders: [false, 'Daily', {}], chainExcludedTags: [1, 2, 'meeting', 3, [4]] });
    expect([settings.chainExcludedFolders, settings.chainExcludedTags]).toStrictEqual([['Daily'], ['meeting']]);
    expect(problems).toStrictEqual([
      'Setting "chainExcludedFolders" left out false, {}: each entry must be a folder path.',
      'Setting "chainExcludedTags" left out 1, 2, 3 and 1 more: each entry must be a tag.',
    ]);
  });
});

describe('stored folders with . and .. in them', () => {
  test('are resolved within the vault; one that leaves it is left out, said, and written back as stored', () => {
    const stored = ['./Templates', 'Templates/../Archive', '..', '.'];
    const { settings, problems, kept } = normalizeSettings({ excludedFolders: stored, chainExcludedFolders: ['../Daily', 'Daily/./'] });
    expect([settings.excludedFolders, settings.chainExcludedFolders]).toStrictEqual([['Templates', 'Archive'], ['Daily']]);
    expect(problems).toStrictEqual([
      'Setting "excludedFolders" left out "..", ".": each entry must be a folder inside the vault.',
      'Setting "chainExcludedFolders" left out "../Daily": each entry must be a folder inside the vault.',
    ]);
    expect(kept.get('excludedFolders')).toBe(stored);
  });
});

describe('a stored frontmatter key', () => {
  test.each([['id:', 'id'], ['"id"', 'id'], [" 'zettel id': ", 'zettel id']])('%j is read as the key %j', (stored, key) => {
    expect(normalizeSettings({ frontmatterKey: stored })).toMatchObject({ settings: { frontmatterKey: key }, problems: [] });
  });

  test('one holding a colon is refused, as no frontmatter line can name it', () => {
    const { settings, problems, kept } = normalizeSettings({ frontmatterKey: 'zk:id' });
    expect(settings.frontmatterKey).toBe('id');
    expect(problems).toStrictEqual([
      'Setting "frontmatterKey" must not hold ":" (a frontmatter line is read as key: value at its first colon, so such a key is never found); using the default.',
    ]);
    expect(kept.get('frontmatterKey')).toBe('zk:id');
  });
});

describe('the ID format stored as a number', () => {
  test.each([[12, '12'], [14, '14']])('%j is the preset %j', (stored, format) => {
    expect(normalizeSettings({ idFormat: stored })).toMatchObject({ settings: { idFormat: format }, problems: [] });
  });

  test('another number is refused as before', () => {
    expect(normalizeSettings({ idFormat: 13 }).problems).toStrictEqual(['Setting "idFormat" must be one of 12, 14, denote, custom; using the default.']);
  });
});

describe('the stored form of the settings', () => {
  const settings = () => normalizeSettings({ excludedFolders: ['a'], chainExcludedFolders: ['b'], chainExcludedTags: ['c'] }).settings;

  test('is the settings, with what the file kept written back over them', () => {
    const kept = new Map<string, unknown>([['chainDepth', 'deep'], ['futureOption', 1], ['__proto__', { polluted: 1 }]]);
    const stored = storedForm(settings(), kept);
    expect(Object.entries(stored)).toStrictEqual([...Object.entries({ ...settings(), chainDepth: 'deep', futureOption: 1 }), ['__proto__', { polluted: 1 }]]);
    // An own key, never the object's prototype.
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(JSON.stringify(stored)).toContain('"__proto__":{"polluted":1}');
  });

  test('shares no list with the live settings', () => {
    const live = settings();
    const stored = storedForm(live, new Map());
    for (const key of ['ownIdSources', 'excludedFolders', 'chainExcludedFolders', 'chainExcludedTags'] as const) {
      expect(stored[key]).toStrictEqual(live[key]);
      expect(stored[key]).not.toBe(live[key]);
    }
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

describe('stored values at their edges', () => {
  test('every setting stored with a valid value is used', () => {
    const stored = { linkTitle: true, showIncoming: false, showContext: false, highlightUnresolved: false, linkStyle: 'bare', renameHandling: 'always', customPattern: 'zk-\\d{4}' };
    expect(normalizeSettings(stored)).toMatchObject({ settings: stored, problems: [] });
  });

  test('the depths at the ends of the range, and a frontmatter key with spaces around it, are used', () => {
    expect([1, 10].map((chainDepth) => normalizeSettings({ chainDepth }).settings.chainDepth)).toStrictEqual([1, 10]);
    expect(normalizeSettings({ frontmatterKey: ' zettel ' }).settings.frontmatterKey).toBe('zettel');
  });

  test('an empty list of own-ID sources is refused; a folder list holding other than text loses only those entries', () => {
    const { settings, problems } = normalizeSettings({ ownIdSources: [], chainExcludedFolders: ['Daily', 1] });
    expect([settings.ownIdSources, settings.chainExcludedFolders]).toStrictEqual([['filename', 'folder', 'frontmatter'], ['Daily']]);
    expect(problems).toStrictEqual([
      'Setting "ownIdSources" must list some of filename, folder, frontmatter; using the default.',
      'Setting "chainExcludedFolders" left out 1: each entry must be a folder path.',
    ]);
  });

  test('tags lose every leading # and trailing /, and keep a # or / inside', () => {
    expect(normalizeSettings({ chainExcludedTags: ['##daily', 'c#sharp', 'project/alpha', 'weekly//'] }).settings.chainExcludedTags).toStrictEqual(['daily', 'c#sharp', 'project/alpha', 'weekly']);
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
      'Setting "chainExcludedTags" left out 1: each entry must be a tag.',
    ]);
  });
});
