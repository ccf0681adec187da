/**
 * Context lines as the index hands them out, against the ones it used to store: the approved files
 * were written when the index kept a context string per reference. It now keeps none for scanned
 * notes and recomputes each from the note's text when asked; the two must agree everywhere.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FOURTEEN_DIGIT, TWELVE_DIGIT, type IdFormat } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import { NoteScanner } from '../../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { approvalsIn } from '../../approval';
import { CORPORA } from '../../corpora/corpora';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));
const EXAMPLE_VAULT = path.join(__dirname, '../../../example-vault');

function markdownFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return markdownFiles(path.join(dir, entry.name), relative + '/');
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

/** Every stored reference's context in one note, as `line:column<TAB>context` lines, recomputed by the index. */
function contextsOf(vault: string, file: string, format: IdFormat): string[] {
  const text = fs.readFileSync(path.join(vault, file), 'utf8');
  const options = { format, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  const index = new IdIndex({ format, texts: { textOf: (p) => (p === file ? text : undefined) } });
  index.put(new NoteScanner(options).scan(file, text));
  const lines: string[] = [];
  const cursor = index.cursor(file);
  while (cursor.next()) lines.push(`${cursor.line}:${cursor.column}\t${cursor.context()}`);
  return lines;
}

/** 32-bit FNV-1a of the lines, so a corpus's contexts fit in one short line per note. */
function fingerprint(lines: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 10, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

test('example vault: every reference keeps its context line', () => {
  const out: string[] = [];
  for (const file of markdownFiles(EXAMPLE_VAULT).sort()) {
    out.push(`## ${file}`, ...contextsOf(EXAMPLE_VAULT, file, TWELVE_DIGIT));
  }
  expectApproved('contexts.example-vault.approved.txt', `${out.join('\n')}\n`);
});

describe.each([
  ['zettelkasten-public-12digit', TWELVE_DIGIT],
  ['zet-conversion-14digit', FOURTEEN_DIGIT],
] as const)('%s', (name, format) => {
  const vault = path.join(CORPORA, name);
  const run = fs.existsSync(vault) ? test : test.skip;
  run('every reference keeps its context line (one fingerprint per note)', () => {
    const out = markdownFiles(vault).sort().map((file) => {
      const lines = contextsOf(vault, file, format);
      return `${fingerprint(lines)} ${lines.length} ${file}`;
    });
    expectApproved(`contexts.${name}.approved.txt`, `${out.join('\n')}\n`);
  });
});
