/**
 * styles.css styles only what the plugin draws: every class of its own that the stylesheet names is
 * set somewhere in the code, so a class renamed or dropped in the code does not leave its look behind.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const REPOSITORY = path.resolve(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const stylesheet = readFileSync(path.join(REPOSITORY, 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const code = [path.join(REPOSITORY, 'main.ts'), ...sourceFiles(path.join(REPOSITORY, 'src'))].map((file) => readFileSync(file, 'utf8')).join('\n');
const ownClasses = [...new Set([...stylesheet.matchAll(/\.((?:pc|principle-chain)-[\w-]+)/g)].map((match) => match[1]))].sort();

describe("styles.css and the plugin's classes", () => {
  it('styles classes of its own', () => {
    expect(ownClasses.length).toBeGreaterThan(20);
  });

  it.each(ownClasses)('.%s is set by the code', (name) => {
    // A whole class name, not a part of a longer one (pc-chain in pc-chain-entry).
    expect(code).toMatch(new RegExp(`(^|[^\\w-])${name}($|[^\\w-])`));
  });
});
