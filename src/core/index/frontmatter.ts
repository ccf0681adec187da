/**
 * A deliberately tiny frontmatter reader: flat `key: value` lines of the `---` block at the very
 * start of a note. Nested YAML, lists and multi-line values are ignored; the plugin only ever needs
 * one scalar (the note's own ID), and a full YAML parser would cost more than the whole index.
 */
import { findFrontmatter } from '../ids/frontmatter';

export { findFrontmatter, type FrontmatterBlock } from '../ids/frontmatter';

/** The flat scalar values of the frontmatter (top-level `key: value` lines), or an empty map. */
export function readFrontmatter(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const block = findFrontmatter(text);
  if (block === null) return values;
  for (const line of text.slice(block.contentFrom, block.contentTo).split(/\r\n|\r|\n/)) {
    const entry = parseEntry(line);
    if (entry !== null && !values.has(entry.key)) values.set(entry.key, entry.value);
  }
  return values;
}

/** The scalar value of one top-level frontmatter key, or null when absent or not a scalar. */
export function frontmatterValue(text: string, key: string): string | null {
  return readFrontmatter(text).get(key) ?? null;
}

/**
 * The frontmatter key a setting names, as typed: one trailing colon and surrounding quotes are
 * dropped (`id:` and `"id"` mean id), as the reader drops them from a line. A key holding a colon is
 * refused, since a line is split at its first colon and such a key is never found.
 */
export function frontmatterKeyOf(typed: string): { readonly key: string; readonly problem: null } | { readonly key: null; readonly problem: string } {
  const key = unquote(typed.trim().replace(/:$/, '').trim()).trim();
  if (key === '') return { key: null, problem: 'must not be empty' };
  if (key.includes(':')) return { key: null, problem: 'must not hold ":" (a frontmatter line is read as key: value at its first colon, so such a key is never found)' };
  return { key, problem: null };
}

function parseEntry(line: string): { key: string; value: string } | null {
  // Indented lines belong to nested mappings or lists, which this reader ignores on purpose.
  if (line === '' || line[0] === ' ' || line[0] === '\t' || line[0] === '#' || line[0] === '-') return null;
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const key = unquote(line.slice(0, colon).trim());
  const value = scalar(line.slice(colon + 1));
  if (key === '' || value === null) return null;
  return { key, value };
}

function scalar(raw: string): string | null {
  let value = raw.trim();
  if (value === '') return null;
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    return close > 0 ? value.slice(1, close) : null;
  }
  // A comment ends a plain scalar only when preceded by whitespace (YAML's rule).
  const comment = value.search(/\s#/);
  if (comment >= 0) value = value.slice(0, comment).trimEnd();
  if (value[0] === '[' || value[0] === '{' || value[0] === '|' || value[0] === '>' || value[0] === '&' || value[0] === '*') {
    return null;
  }
  return value;
}

function unquote(key: string): string {
  const quote = key[0];
  if ((quote === '"' || quote === "'") && key.length >= 2 && key[key.length - 1] === quote) return key.slice(1, -1);
  return key;
}
