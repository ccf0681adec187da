/** The frontmatter key a setting names: read as the frontmatter reader reads a line's key. */
import { frontmatterKeyOf, frontmatterValue } from '../../../src/core/index/frontmatter';

const NOTE = '---\nid: 202101010000\nzettel id: 202101010001\n"quoted": 202101010002\n---\nBody\n';

describe('frontmatterKeyOf', () => {
  test.each([
    ['id', 'id', '202101010000'],
    [' id: ', 'id', '202101010000'],
    ['"id"', 'id', '202101010000'],
    ["'id':", 'id', '202101010000'],
    ['"zettel id":', 'zettel id', '202101010001'],
    ['quoted', 'quoted', '202101010002'],
  ])('%j is the key %j, which finds the value a note holds under it', (typed, key, value) => {
    expect(frontmatterKeyOf(typed)).toStrictEqual({ key, problem: null });
    expect(frontmatterValue(NOTE, key)).toBe(value);
  });

  test.each([
    ['zk:id', 'must not hold ":"'],
    ['id::', 'must not hold ":"'],
    ['"a:b"', 'must not hold ":"'],
    ['  ', 'must not be empty'],
    [':', 'must not be empty'],
    ['""', 'must not be empty'],
  ])('%j is refused: %s', (typed, problem) => {
    const read = frontmatterKeyOf(typed);
    expect(read.key).toBeNull();
    expect(read.problem).toContain(problem);
  });

  test('a key holding a colon could never be found: the reader splits a line at its first colon', () => {
    expect(frontmatterValue('---\nzk:id: 202101010000\n---\n', 'zk:id')).toBeNull();
  });
});
