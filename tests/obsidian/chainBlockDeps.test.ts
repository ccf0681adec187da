/**
 * The code block's deps as the plugin builds them over its services (chainBlockDeps): hiding by the
 * settings' and the block's own folders and tags, modification times and link text, read live.
 * @jest-environment jsdom
 */
import type * as obsidian from 'obsidian';
import { Plugin } from '../mocks/obsidian';
import { chainBlockDeps, registerChainBlocks, resolveStart } from '../../src/obsidian/codeBlock';
import { fakeServices } from './fakeServices';

const A = '202101010000 A.md';
const B = 'deep/202101010001 B.md';
const C = '202101010002 C.md';

afterEach(() => jest.restoreAllMocks());

test('registers its processor for the language users write in their notes: principle-chain', () => {
  const services = fakeServices({});
  const plugin = new (class extends Plugin {})(services.app, { id: 'principle-chain' } as obsidian.PluginManifest);
  registerChainBlocks(plugin as unknown as obsidian.Plugin, services);
  expect([...plugin.registered.codeBlockProcessors.keys()]).toStrictEqual(['principle-chain']);
});

test("hides a note by the settings' folders and tags merged with the block's own, looking tags up only when some tag is hidden", () => {
  const services = fakeServices({ [A]: '', [B]: '', [C]: '' });
  const cache = services.fakeApp.metadataCache;
  cache.setFileCache(services.fakeApp.vault.getFileByPath(A)!, { frontmatter: { tags: ['daily/2024'] } });
  cache.setFileCache(services.fakeApp.vault.getFileByPath(C)!, { frontmatter: { tags: 'project' } });
  const deps = chainBlockDeps(services);
  const lookups = jest.spyOn(cache, 'getFileCache');
  expect([deps.isHidden(A, [], []), deps.isHidden(B, [], [])]).toStrictEqual([false, false]);
  expect(deps.isHidden(B, ['deep'], [])).toBe(true);
  expect(lookups).not.toHaveBeenCalled();

  // The block's own tags.
  expect([deps.isHidden(A, [], ['daily']), deps.isHidden(B, [], ['daily']), deps.isHidden(C, [], ['daily'])]).toStrictEqual([true, false, false]);
  // The settings' tags and the block's together.
  services.live.chainExcludedTags = ['project'];
  expect([deps.isHidden(A, [], ['daily']), deps.isHidden(C, [], ['daily']), deps.isHidden(A, [], [])]).toStrictEqual([true, true, false]);
  // The settings' folders and the block's together.
  services.live.chainExcludedFolders = ['deep'];
  expect([deps.isHidden(B, [], []), deps.isHidden(A, ['elsewhere'], [])]).toStrictEqual([true, false]);
  // A path with no file, or a file with no metadata, has no tags.
  expect([deps.isHidden('gone/202101019999.md', [], ['daily']), deps.isHidden(B, [], ['daily'])]).toStrictEqual([false, true]);
  services.live.chainExcludedFolders = [];
  expect(deps.isHidden(B, [], ['daily'])).toBe(false);
});

test("reads modification times and Obsidian's link text, with the path less its final .md for a note without a file", () => {
  const services = fakeServices({ [A]: '', [B]: '', 'x.md notes/202101010002 C.md': '' });
  void services.fakeApp.vault.delete(services.fakeApp.vault.getFileByPath('x.md notes/202101010002 C.md')!);
  const deps = chainBlockDeps(services);
  expect(deps.modified(A)).toBe(services.fakeApp.vault.getFileByPath(A)!.stat.mtime);
  expect(deps.modified('gone.md')).toBeUndefined();
  const linktext = jest.spyOn(services.fakeApp.metadataCache, 'fileToLinktext');
  // B's name is unique: Obsidian links it by name alone.
  expect([deps.linktext(B, A), deps.linktext('x.md notes/202101010002 C.md', A)]).toStrictEqual(['202101010001 B', 'x.md notes/202101010002 C']);
  expect(linktext.mock.calls).toStrictEqual([[services.fakeApp.vault.getFileByPath(B), A, true]]);
});

describe('the start a block names', () => {
  const services = fakeServices({ [A]: '', [B]: '', 'Daily/2021-01-01.md': '' });
  const path = (start: string): string | null => {
    const found = resolveStart(services.app, services, start, A);
    if (!('start' in found)) return null;
    return 'path' in found.start ? found.start.path : `id ${found.start.id}`;
  };

  test.each([
    ['202101010001', 'id 202101010001'],
    ['[[202101010001 B]]', B],
    ['![[202101010001 B]]', B],
    ['[[202101010001 B#Heading|shown]]', B],
    ['[[ 202101010001 B ]]', B],
    ['[[202101010001 B]] and more', null],
    ['see [[202101010001 B]]', null],
    ['deep/202101010001 B', B],
    ['deep/202101010001 B.md', B],
    ['202101010001 B', B],
    // Names no file, but starts with an ID a note owns (renamed since, keeping its ID): that ID.
    ['[[202101010001 Old title]]', 'id 202101010001'],
    ['[[202101010001 Old title#Heading|shown]]', 'id 202101010001'],
    ['202101010001 Old title', 'id 202101010001'],
    ['202101010001-old-title', 'id 202101010001'],
    ['202101010001x', null],
    ['2021010100012 Longer run', null],
    ['deep/202101010001 Old title', null],
    ['209901010000 No note owns this ID', null],
  ])('%j', (written, expected) => {
    expect(path(written)).toBe(expected);
  });

  test('a file of the vault that the index does not hold is named in the problem', async () => {
    await services.fakeApp.vault.create('attachments/diagram.png', '');
    expect(resolveStart(services.app, services, 'attachments/diagram.png', A)).toStrictEqual({
      problem: 'start: attachments/diagram.png is not in the ID index (its folder is excluded in the settings, or it is not a Markdown note).',
    });
  });

  test('a vault path is found as a path, whatever link resolution makes of it', () => {
    jest.spyOn(services.fakeApp.metadataCache, 'getFirstLinkpathDest').mockReturnValue(null);
    expect([path('deep/202101010001 B'), path('deep/202101010001 B.md'), path('Daily/2021-01-01')]).toStrictEqual([B, B, 'Daily/2021-01-01.md']);
  });
});
