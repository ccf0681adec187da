/**
 * Raw HTML blocks (CommonMark 0.31 §4.6, start condition 1: `<pre>`, `<script>`, `<style>`,
 * `<textarea>`): no ID in them is a reference, as Reading view links none there. Each row is read as
 * the CommonMark reference implementation (commonmark.js 0.31.2) reads it, checked row by row when
 * these were written; `B` after a blank line shows prose resumes.
 */
import { mark } from './mark';
import { RAW_HTML_ROWS } from './rawHtml.rows';

describe('raw HTML blocks', () => {
  test.each(RAW_HTML_ROWS)('%s', (_name, input, expected) => {
    expect(mark(input)).toBe(expected);
  });
});
