import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkVault } from '../../src/core/check';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { scanVault } from '../../src/cli/scanVault';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import { snapshot } from '../core/index/helpers';
import { run } from './harness';
import { defaultVaultSettings } from '../../src/cli/vaultSettings';

// Check's way of reading a vault (no texts kept, link targets copied as each note is scanned) against
// the default one (every text kept, links read back from the texts).
let vault: string;
const NOTES: Record<string, string> = {
  'a/202101010000 Start.md': '202101010000 Start\n\nSee 202101010001 Next, [[202101010001 Next]] and [[202101010002 Old name]].\n',
  'a/202101010001 Next.md': 'Then [n](../b/202101010002%20Renamed.md), [gone](202101010002%20Gone.md) and ![[diagram.png]].\n',
  'b/202101010002 Renamed.md': 'Broken 202101011159 Next here, and 202101011200 nothing.\n',
  'b/202101010003 Fffd.md': 'A \uFFFD in text, then 202101011201 Start.\n',
  'b/plain.md': 'No ID; [[202101010000 Start|start]] and [[202101010001]].\n',
};

beforeAll(() => {
  vault = mkdtempSync(path.join(tmpdir(), 'principle-chain-check-scan-'));
  for (const [file, text] of Object.entries(NOTES)) {
    mkdirSync(path.join(vault, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(vault, file), text);
  }
  writeFileSync(path.join(vault, 'a', 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(vault, 'b', 'binary.md'), Buffer.from([0x61, 0, 0x62]));
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

describe('scanVault as check reads a vault', () => {
  it('gives the same index, files, texts and check report as keeping every text', async () => {
    const kept = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
    const dropped = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs, { keepTexts: false, keepLinkTargets: true });
    expect(snapshot(dropped.index)).toStrictEqual(snapshot(kept.index));
    expect(dropped.contents.allPaths).toStrictEqual(kept.contents.allPaths);
    expect(dropped.contents.unreadable).toStrictEqual(kept.contents.unreadable);
    expect(dropped.contents.files.map((f) => [f.path, f.text])).toStrictEqual(kept.contents.files.map((f) => [f.path, f.text]));
    for (const file of [...Object.keys(NOTES), 'a/diagram.png', 'b/binary.md', 'missing.md', 'a', '']) {
      expect([file, dropped.textOf(file)]).toStrictEqual([file, kept.textOf(file)]);
    }
    expect(kept.linkTargets).toBeUndefined();
    const byReading = checkVault(kept.index, { paths: kept.paths, unreadable: kept.contents.unreadable, textOf: kept.textOf });
    const screened = checkVault(dropped.index, {
      paths: dropped.paths, unreadable: dropped.contents.unreadable, textOf: dropped.textOf, linkTargets: dropped.linkTargets, keptTextAfterId: dropped.keptTextAfterId,
    });
    expect(dropped.keptTextAfterId).toBeDefined();
    expect(screened).toStrictEqual(byReading);
    expect(screened.problems.map((p) => [p.kind, p.file])).toContainEqual(['stale-link', 'a/202101010000 Start.md']);
    expect(screened.problems.find((p) => p.id === '202101011159')?.message).toContain('a/202101010001 Next.md');
  });

  it('reads a note again when asked for its text, and gives none once its length changed', async () => {
    const dropped = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs, { keepTexts: false });
    const file = path.join(vault, 'b', 'plain.md');
    try {
      writeFileSync(file, `${NOTES['b/plain.md']}More.\n`);
      expect(dropped.textOf('b/plain.md')).toBeUndefined();
      writeFileSync(file, NOTES['b/plain.md'].toUpperCase());
      // Same length: taken as the text scanned, as the index's cursor takes it.
      expect(dropped.textOf('b/plain.md')).toBe(NOTES['b/plain.md'].toUpperCase());
    } finally {
      writeFileSync(file, NOTES['b/plain.md']);
    }
    expect(dropped.textOf('b/plain.md')).toBe(NOTES['b/plain.md']);
  });

  it('keeps the texts on a file system other than Node\'s own', async () => {
    const reads: string[] = [];
    const counting: VaultFs = { ...nodeVaultFs, read: (file) => (reads.push(file), nodeVaultFs.read(file)) };
    // Another file system than Node's own keeps the texts (it may not read synchronously).
    const injected = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), counting, { keepTexts: false });
    const before = reads.length;
    expect(injected.textOf('b/plain.md')).toBe(NOTES['b/plain.md']);
    expect(reads.length).toBe(before);
  });

  it('is how the check command reads the vault, and reports as reading every text does', async () => {
    const kept = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
    const byReading = checkVault(kept.index, { paths: kept.paths, unreadable: kept.contents.unreadable, textOf: kept.textOf });
    const json = await run(['check', '--json', '--vault', vault]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { problems: { kind: string; message: string }[] };
    expect(report).toStrictEqual(JSON.parse(JSON.stringify(byReading)));
    expect(report.problems.filter((p) => p.kind === 'stale-link')).toHaveLength(3);
    expect(report.problems.some((p) => p.kind === 'unreadable-file')).toBe(true);
    expect((await run(['check', '--vault', vault])).stdout).toContain('stale-link');
  });

  it('reads each note once: the text after an ID no name gives was kept while the note was at hand', async () => {
    // The module object scanVault calls through (a namespace import here would be a frozen copy).
    const readFileSync = jest.spyOn(jest.requireActual<typeof import('fs')>('fs'), 'readFileSync');
    try {
      expect((await run(['check', '--json', '--vault', vault])).code).toBe(1);
      const reads = new Map<string, number>();
      for (const [file] of readFileSync.mock.calls) {
        const relative = path.relative(vault, String(file)).split(path.sep).join('/');
        if (relative.endsWith('.md')) reads.set(relative, (reads.get(relative) ?? 0) + 1);
      }
      // A text holding U+FFFD or NUL is read again as bytes to judge it (readNodeNote); no other twice.
      expect(Object.fromEntries(reads)).toStrictEqual({
        ...Object.fromEntries(Object.keys(NOTES).map((file) => [file, 1])),
        'b/202101010003 Fffd.md': 2,
        'b/binary.md': 2,
      });
    } finally {
      readFileSync.mockRestore();
    }
  });
});

describe('check names the note a broken bare ID meant', () => {
  let own: string;
  beforeAll(() => {
    own = mkdtempSync(path.join(tmpdir(), 'principle-chain-check-after-'));
    const files: Record<string, string | Buffer> = {
      'a/202102020000 Start.md': 'Start.\n',
      // Its name gives an ID, and it still does though the note cannot be read.
      'b/202102020001 Gone.md': Buffer.from([0x61, 0, 0x62]),
      'c/n.md': 'See 202102020001 Start here,\nand 202102021159 Start there.\n',
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.join(own, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(own, file), content);
    }
  });
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  it('from the text kept after it, or from the note read again when none was kept', async () => {
    const kept = await scanVault(own, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
    const byReading = checkVault(kept.index, { paths: kept.paths, unreadable: kept.contents.unreadable, textOf: kept.textOf });
    const report = JSON.parse((await run(['check', '--json', '--vault', own])).stdout) as { problems: { id: string; message: string }[] };
    expect(report).toStrictEqual(JSON.parse(JSON.stringify(byReading)));
    expect(report.problems.find((p) => p.id === '202102021159')?.message).toContain('a/202102020000 Start.md');
    // The unreadable note owns its ID: no "did you mean" for a reference that names it.
    expect(report.problems.filter((p) => p.id === '202102020001')).toStrictEqual([]);
  });
});
