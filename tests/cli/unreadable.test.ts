import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import { run, runJson } from './harness';

let vault: string;
beforeAll(() => {
  vault = mkdtempSync(path.join(tmpdir(), 'principle-chain-unreadable-'));
  const write = (name: string, content: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(vault, name)), { recursive: true });
    writeFileSync(path.join(vault, name), content);
  };
  write('202101010000 Fine.md', 'See 202101010001 Locked and 202101010002 Gone.');
  write('202101010001 Locked.md', 'Locked away.');
  write('binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
  write('latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  write('\uFEFFbom.md', '');
  write('bom note.md', '\uFEFF202101010000 Fine');
  write('.obsidian/workspace.md', '202101019999');
  write('node_modules/pkg/readme.md', '202101019999');
  write('.trash/202101019999 Old.md', '');
  write('picture.png', 'png');
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

/** Node's fs, except that one file fails to open the way a file without read permission does. */
function withLockedFile(locked: string): VaultFs {
  return {
    ...nodeVaultFs,
    read: (absolute) => {
      if (absolute !== path.join(vault, locked)) return nodeVaultFs.read(absolute);
      const error = Object.assign(new Error(`EACCES: permission denied, open '${absolute}'`), { code: 'EACCES' });
      return Promise.reject(error);
    },
  };
}

describe('files that cannot be read', () => {
  it('become unreadable-file problems in check, not crashes, and the rest is still checked', async () => {
    const { code, json } = await runJson(['check', '--vault', vault], { fs: withLockedFile('202101010001 Locked.md') });
    const report = json as { notes: number; references: number; problems: { kind: string; file: string; id: string | null; message: string }[] };
    expect(code).toBe(1);
    expect(report.notes).toBe(3);
    // The locked note's name still gives its ID, so the reference to it resolves (only 0002 names no note).
    expect(report.problems.map((p) => [p.kind, p.file, p.id])).toStrictEqual([
      ['unresolved-id', '202101010000 Fine.md', '202101010002'],
      ['unreadable-file', '202101010001 Locked.md', null],
      ['unreadable-file', 'binary.md', null],
      ['unreadable-file', 'latin1.md', null],
    ]);
    const messages = report.problems.filter((p) => p.kind === 'unreadable-file').map((p) => p.message);
    expect(messages[0]).toMatch(/^Not checked: it cannot be read \(EACCES: permission denied, open '.*Locked\.md'\)\.$/);
    expect(messages[1]).toBe('Not checked: it contains NUL bytes, so it is binary, not a Markdown note.');
    expect(messages[2]).toBe('Not checked: it is not valid UTF-8 text.');
  });

  it('make refs on that file exit 2 with the reason', async () => {
    const result = await run(['refs', '--vault', vault, 'binary.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^principle-chain: binary\.md cannot be used: it contains NUL bytes/);
    // Another file's reason is not given for a note that is not there.
    const missing = await run(['refs', '--vault', vault, 'no such note.md']);
    expect(missing.stderr).toMatch(/^principle-chain: No such file: no such note\.md/);
  });

  it('skips dot-folders and node_modules, and keeps a BOM as the first character of the text', async () => {
    const { json } = await runJson(['refs', '--vault', vault, 'bom note.md']);
    expect(json).toStrictEqual([
      // The BOM stays in the offsets (`from` 1) but is no column: an editor shows the ID first on its line.
      { file: 'bom note.md', id: '202101010000', form: 'bare', line: 1, column: 1, from: 1, to: 13, status: 'resolved', targets: ['202101010000 Fine.md'], self: false },
    ]);
    const listing = await runJson(['check', '--vault', vault]);
    expect(JSON.stringify(listing.json)).not.toContain('202101019999');
  });

  it('turns a vault folder that cannot be listed into exit 2', async () => {
    const fs: VaultFs = { ...nodeVaultFs, list: () => Promise.reject(new Error('EACCES: permission denied, scandir')) };
    const result = await run(['check', '--vault', vault], { fs });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^principle-chain: Cannot read the vault folder .*: EACCES: permission denied, scandir\n/);
  });

  it('reports a subfolder that cannot be listed and checks the rest', async () => {
    const fs: VaultFs = {
      ...nodeVaultFs,
      list: (directory) => (directory.endsWith('sub') ? Promise.reject(new Error('EACCES: permission denied')) : nodeVaultFs.list(directory)),
    };
    mkdirSync(path.join(vault, 'sub'), { recursive: true });
    const { json } = await runJson(['check', '--vault', vault], { fs });
    expect((json as { problems: { kind: string; file: string }[] }).problems).toContainEqual(
      expect.objectContaining({ kind: 'unreadable-file', file: 'sub' }),
    );
    rmSync(path.join(vault, 'sub'), { recursive: true });
  });
});
