/** Comments at a block's start: the rows (./commentBlocks.rows) marked by the scanner. */
import { mark } from './mark';
import { COMMENT_BLOCK_ROWS } from './commentBlocks.rows';

describe('comments at a block start', () => {
  test.each(COMMENT_BLOCK_ROWS)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});
