/** The README a user reads and the CONTRIBUTING it links to: every local link resolves, and the promises a newcomer relies on are stated. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(REPOSITORY, file), 'utf8');

describe.each(['README.md', 'CONTRIBUTING.md'])('%s', (file) => {
  it('links only to files that exist', () => {
    const targets = [...read(file).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#'));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect([target, existsSync(path.join(REPOSITORY, target.split('#')[0]))]).toStrictEqual([target, true]);
  });
});

describe('README.md', () => {
  const readme = read('README.md');
  const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

  it('puts users first: what it does, install, use; development only as a link to CONTRIBUTING.md', () => {
    expect(readme).toMatch(/!\[[^\]]+\]\(docs\/screenshot\.png\)/);
    expect(sections[0]).toBe('Install');
    const at = (section: string): number => sections.indexOf(section);
    for (const section of ['Commands', 'Settings', 'Command-line tool']) expect(at(section)).toBeGreaterThan(at('Install'));
    expect(at('Contributing')).toBeGreaterThan(at('Command-line tool'));
    expect(readme).toContain('[CONTRIBUTING.md](CONTRIBUTING.md)');
    for (const internal of ['## Performance', '## Development', 'bench/RESULTS.md', 'playground/obsidian.ts']) expect(readme).not.toContain(internal);
  });

  it('installs from a release and by hand, and says to turn off Restricted mode', () => {
    expect(readme).toMatch(/### From a release/);
    expect(readme).toMatch(/### By hand, from the source/);
    expect(readme).toMatch(/Restricted mode\*\* is on, turn it off/);
    for (const asset of ['main.js', 'manifest.json', 'styles.css']) expect(readme).toContain(`\`${asset}\``);
  });

  it('says the command-line tool works on the current folder, and how long npm test takes and that it needs Chromium for the browser tests', () => {
    expect(readme).toMatch(/works on the\s+\*\*current folder\*\*/);
    expect(readme).not.toMatch(/default: `?example-vault/);
    expect(readme).toMatch(/`npm test` took \d+ min \d+ s/);
    expect(readme).toMatch(/browser\s+tests need Chromium/);
  });
});
