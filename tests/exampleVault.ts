/** The bundled example vault, indexed as the plugin and the command line index it (default settings). */
import * as fs from 'fs';
import * as path from 'path';
import { TWELVE_DIGIT } from '../src/core/ids/formats';
import { IdIndex } from '../src/core/index/idIndex';
import { extractNoteFacts } from '../src/core/index/noteFacts';
import { DEFAULT_SETTINGS } from '../src/core/settings';

export const EXAMPLE_VAULT = path.join(__dirname, '../example-vault');

/** Vault paths of every note (dot folders left out), sorted. */
export function exampleVaultFiles(dir = EXAMPLE_VAULT, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : exampleVaultFiles(path.join(dir, entry.name), relative + '/');
      return entry.name.endsWith('.md') ? [relative] : [];
    })
    .sort();
}

export function exampleVaultIndex(): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  for (const file of exampleVaultFiles()) {
    index.apply({ kind: 'upsert', facts: extractNoteFacts(file, fs.readFileSync(path.join(EXAMPLE_VAULT, file), 'utf8'), options) });
  }
  return index;
}
