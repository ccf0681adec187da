import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { BLOCK_DEFAULTS, checkBlockOptions } from '../../../src/core/chain/blockOptions';

/** As the code block reads its body: YAML first (Obsidian's parseYaml is the `yaml` package's parse), then the check. */
function check(source: string): ReturnType<typeof checkBlockOptions> {
  return checkBlockOptions(parse(source) as unknown, source);
}

describe('code block options', () => {
  test('an empty block, or only comments, gives the defaults', () => {
    expect(check('')).toStrictEqual({ ok: true, options: BLOCK_DEFAULTS });
    // The README's example block: at most 200 entries unless a limit is given.
    expect(BLOCK_DEFAULTS.limit).toBe(200);
    expect(check('# nothing here\n')).toStrictEqual({ ok: true, options: BLOCK_DEFAULTS });
  });

  test('the example from the README, comments and all', () => {
    const source = [
      'start: 202108191025     # default: this note',
      'direction: out          # out | in | both',
      'depth: 3',
      'show: tree              # tree | list | graph',
      'context: false',
      'sort: reference         # reference | title | id | modified',
      'exclude: [Daily/]',
      'limit: 200',
    ].join('\n');
    expect(check(source)).toStrictEqual({
      ok: true,
      options: { start: '202108191025', direction: 'out', depth: 3, show: 'tree', context: false, sort: 'reference', excludeFolders: ['Daily'], excludeTags: [], limit: 200 },
    });
  });

  test.each([
    ['start: 202108191025', '202108191025'],
    ['start: 0123', '0123'],
    ['start: "202108191025"', '202108191025'],
    ["start: '20210819T102530'  # Denote", '20210819T102530'],
    ['start: [[202108191025 Teams exist]]', '[[202108191025 Teams exist]]'],
    ['start: Zettel/202108191025 Teams exist.md', 'Zettel/202108191025 Teams exist.md'],
    ['start: Notes # a folder note', 'Notes'],
  ])('%j starts at %j, as written', (source, start) => {
    expect(check(source)).toMatchObject({ ok: true, options: { start } });
  });

  test('tags to exclude are quoted #tags; folders and tags are normalised', () => {
    expect(check('exclude: ["#meeting", Daily/, "#private/"]')).toMatchObject({ ok: true, options: { excludeFolders: ['Daily'], excludeTags: ['meeting', 'private'] } });
    expect(check('exclude: Archive')).toMatchObject({ ok: true, options: { excludeFolders: ['Archive'] } });
  });

  test.each([
    ['dept: 2', 'Unknown option "dept" (did you mean "depth"?). Options: start, direction, depth, show, context, sort, exclude, limit.'],
    ['colour: red', 'Unknown option "colour". Options: start, direction, depth, show, context, sort, exclude, limit.'],
    ['direction: up', 'direction must be one of out, in, both, not "up".'],
    ['show: picture', 'show must be one of tree, list, graph, not "picture".'],
    ['sort: size', 'sort must be one of reference, title, id, modified, not "size".'],
    ['depth: 0', 'depth must be a whole number from 1 to 10, not 0.'],
    ['depth: two', 'depth must be a whole number from 1 to 10, not "two".'],
    ['depth: 2.5', 'depth must be a whole number from 1 to 10, not 2.5.'],
    ['limit: 2001', 'limit must be a whole number from 1 to 2000, not 2001.'],
    ['context: yes please', 'context must be true or false, not "yes please".'],
    ['exclude: [1, 2]', 'exclude must list folders and #tags, for example [Daily/, "#meeting"] (quote a #tag: YAML reads # as a comment).'],
    ['- depth: 2', 'Write the options as "key: value" lines, for example "depth: 2".'],
    ['just text', 'Write the options as "key: value" lines, for example "depth: 2".'],
  ])('%j is rejected: %s', (source, problem) => {
    expect(check(source)).toStrictEqual({ ok: false, problems: [problem] });
  });

  test('every problem is reported at once', () => {
    const result = check('depth: 0\nshow: picture\nfoo: 1');
    expect(result.ok ? [] : result.problems).toHaveLength(3);
  });

  test('property: whatever the YAML holds, the check answers and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = checkBlockOptions(value, '');
        return result.ok ? typeof result.options.depth === 'number' : result.problems.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('code block options at their edges', () => {
  const KEYS_LIST = 'Options: start, direction, depth, show, context, sort, exclude, limit.';

  test('undefined, as a parser may give for an empty body, gives the defaults', () => {
    expect(checkBlockOptions(undefined, '')).toStrictEqual({ ok: true, options: BLOCK_DEFAULTS });
  });

  test('a key written with no value takes its default', () => {
    expect(check('start:\ndirection:\ndepth:\nshow:\ncontext:\nsort:\nexclude:\nlimit:\n')).toStrictEqual({ ok: true, options: BLOCK_DEFAULTS });
  });

  test('a block naming one option gets the defaults for the rest, exclusions empty', () => {
    expect(check('depth: 2')).toStrictEqual({ ok: true, options: { ...BLOCK_DEFAULTS, depth: 2 } });
  });

  test.each([
    ['depth: 1', { depth: 1 }],
    ['depth: 10', { depth: 10 }],
    ['limit: 1', { limit: 1 }],
    ['limit: 2000', { limit: 2000 }],
    ['exclude: [" #meeting ", " Daily/ "]', { excludeFolders: ['Daily'], excludeTags: ['meeting'] }],
    ['exclude: [Daily/]  # start: 1\nstart: 202108191025', { start: '202108191025' }],
    ['depth: 2\nstart: 202108191025', { start: '202108191025' }],
    ['  start: 202108191025', { start: '202108191025' }],
    ['start : 202108191025', { start: '202108191025' }],
    ['start: "202108191025"   ', { start: '202108191025' }],
    ['start: Say "hi".md', { start: 'Say "hi".md' }],
    ['start: Teams "exist"', { start: 'Teams "exist"' }],
  ])('%j is read as %j', (source, options) => {
    expect(check(source)).toMatchObject({ ok: true, options });
  });

  test('only a start the YAML holds counts, not a line that looks like one', () => {
    expect(checkBlockOptions({ depth: 2 }, 'depth: 2\n  start: 202108191025')).toMatchObject({ ok: true, options: { start: null } });
    expect(checkBlockOptions({ start: 'x' }, 'start: "202108191025" Teams')).toMatchObject({ ok: true, options: { start: '"202108191025" Teams' } });
  });

  test.each([
    ['start: ""', 'start must name a note: an ID, a path or a [[link]].'],
    ['exclude: [Daily/, 1]', 'exclude must list folders and #tags, for example [Daily/, "#meeting"] (quote a #tag: YAML reads # as a comment).'],
    ['direction: up"down', 'direction must be one of out, in, both, not "up"down".'],
    ['d: 2', `Unknown option "d". ${KEYS_LIST}`],
    ['de: 2', `Unknown option "de". ${KEYS_LIST}`],
    ['dep: 2', `Unknown option "dep" (did you mean "depth"?). ${KEYS_LIST}`],
    ['depht: 2', `Unknown option "depht" (did you mean "depth"?). ${KEYS_LIST}`],
  ])('%j is rejected: %s', (source, problem) => {
    expect(check(source)).toStrictEqual({ ok: false, problems: [problem] });
  });

  test('values no YAML gives still get a message', () => {
    expect(checkBlockOptions({ depth: undefined }, '')).toStrictEqual({ ok: false, problems: ['depth must be a whole number from 1 to 10, not nothing.'] });
    expect(checkBlockOptions({ depth: () => 2 }, '')).toStrictEqual({ ok: false, problems: ['depth must be a whole number from 1 to 10, not that.'] });
  });
});

test('the block shown in the README is a valid block', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const block = /```principle-chain\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  expect(check(block ?? '')).toMatchObject({ ok: true, options: { start: '202108191025', direction: 'out', excludeFolders: ['Daily'], excludeTags: ['meeting'] } });
});
