import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readVault } from '../../src/cli/readVault';
import { nodeVaultFs } from '../../src/cli/vaultFs';

let vault: string;
let outside: string;
beforeAll(() => {
  vault = mkdtempSync(path.join(tmpdir(), 'principle-chain-walk-'));
  outside = mkdtempSync(path.join(tmpdir(), 'principle-chain-outside-'));
  const write = (root: string, name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  write(vault, 'b.md', 'b');
  write(vault, 'A.md', 'a');
  write(vault, 'deep/er/c.md', 'c');
  write(vault, 'deep/picture.png', 'png');
  write(vault, 'upper.MD', 'not a note by extension');
  write(vault, '.git/x.md', 'hidden');
  write(vault, 'sub/.trash/y.md', 'hidden too');
  write(outside, 'linked.md', 'through a link');
  symlinkSync(path.join(outside, 'linked.md'), path.join(vault, 'linked.md'));
  // A folder link back to the vault's root would loop forever if it were followed.
  symlinkSync(vault, path.join(vault, 'loop'));
});
afterAll(() => {
  rmSync(vault, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('readVault', () => {
  it('walks notes in code-unit order with / paths, skipping dot-folders and not following folder links', async () => {
    const contents = await readVault(vault, nodeVaultFs);
    expect(contents.files.map((f) => f.path)).toEqual(['A.md', 'b.md', 'deep/er/c.md', 'linked.md']);
    expect(contents.files.find((f) => f.path === 'linked.md')?.text).toBe('through a link');
    expect(contents.allPaths).toEqual(['A.md', 'b.md', 'deep/er/c.md', 'deep/picture.png', 'linked.md', 'upper.MD']);
    expect(contents.unreadable).toEqual([]);
  });
});
