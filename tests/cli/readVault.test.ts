import { isUtf8 } from 'buffer';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { absolutePaths, decodeNote, describeError, utf8Checker, type VaultContents } from '../../src/cli/readVault';
import { scanVault } from '../../src/cli/scanVault';
import { nodeVaultFs } from '../../src/cli/vaultFs';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { defaultVaultSettings } from '../../src/cli/vaultSettings';

/** The vault as the tool reads it. */
async function readVault(directory: string): Promise<VaultContents> {
  return (await scanVault(directory, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs)).contents;
}

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

describe('reading a vault', () => {
  it('walks notes in code-unit order with / paths, skipping dot-folders and not following folder links', async () => {
    const contents = await readVault(vault);
    expect(contents.files.map((f) => f.path)).toStrictEqual(['A.md', 'b.md', 'deep/er/c.md', 'linked.md']);
    expect(contents.files.find((f) => f.path === 'linked.md')?.text).toBe('through a link');
    expect(contents.allPaths).toStrictEqual(['A.md', 'b.md', 'deep/er/c.md', 'deep/picture.png', 'linked.md', 'upper.MD']);
    expect(contents.unreadable).toStrictEqual([]);
  });
});

describe('listing order', () => {
  it('is code-unit order: a name past U+FFFF (two surrogates) before one at U+FF21, lower case after upper', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'principle-chain-order-'));
    try {
      for (const name of ['\uFF21.md', '😀.md', 'a.md', 'B.md']) writeFileSync(path.join(root, name), 'x');
      expect((await readVault(root)).allPaths).toStrictEqual(['B.md', 'a.md', '😀.md', '\uFF21.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('decodeNote', () => {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** What a fatal TextDecoder makes of the bytes: the text, or null when it refuses them. */
  function decoderText(bytes: Uint8Array): string | null {
    try {
      return strict.decode(bytes);
    } catch {
      return null;
    }
  }

  // Bytes that are mostly well-formed UTF-8, with every kind of malformed sequence mixed in.
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }).map((s) => [...Buffer.from(s, 'utf8')]),
    fc.constantFrom([0xef, 0xbb, 0xbf], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8], [0x80], [0xc3], [0xe2, 0x82], [0xff]),
    fc.array(fc.integer({ min: 1, max: 255 }), { maxLength: 4 }),
  );
  // NUL bytes make a note binary whatever the encoding; the next test covers them.
  const bytes = fc.array(piece, { maxLength: 12 }).map((pieces) => Uint8Array.from(pieces.flat().filter((byte) => byte !== 0)));

  it('accepts exactly the bytes a fatal TextDecoder accepts, with the same text (a BOM kept)', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const decoded = decodeNote(input);
        expect(typeof decoded === 'string' ? decoded : null).toBe(decoderText(input));
        expect(decodeNote(Buffer.from(input))).toStrictEqual(decoded);
      }),
      { seed: 8, numRuns: 3000 },
    );
    expect(decodeNote(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\uFEFFa');
  });

  it("without Node's isUtf8 (Node 18 before 18.14), checks the bytes as Node's own check does", () => {
    const fallback = utf8Checker(undefined);
    const nodes = utf8Checker(isUtf8);
    expect(nodes).toBe(isUtf8);
    fc.assert(
      fc.property(bytes, (input) => fallback(input) === isUtf8(input)),
      { seed: 9, numRuns: 3000 },
    );
    expect([fallback(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])), fallback(Uint8Array.from([0xc0, 0xaf]))]).toStrictEqual([true, false]);
  });

  it('refuses NUL bytes as binary before looking at the encoding', () => {
    const binary = { reason: 'it contains NUL bytes, so it is binary, not a Markdown note' };
    expect(decodeNote(Uint8Array.from([0x61, 0, 0x62]))).toStrictEqual(binary);
    // First or last byte alike (many binary formats start with one).
    expect(decodeNote(Uint8Array.from([0, 0x61]))).toStrictEqual(binary);
    expect(decodeNote(Uint8Array.from([0x61, 0]))).toStrictEqual(binary);
    expect(decodeNote(Uint8Array.from([0xc3]))).toStrictEqual({ reason: 'it is not valid UTF-8 text' });
  });

  it('names UTF-16 text by its byte order mark, either order, rather than calling it binary', () => {
    const utf16 = { reason: 'it is UTF-16 text, not UTF-8; save it as UTF-8 to have it checked' };
    expect(decodeNote(Buffer.from('\uFEFFnote 202101010000', 'utf16le'))).toStrictEqual(utf16);
    expect(decodeNote(Buffer.from('\uFEFFnote', 'utf16le').swap16())).toStrictEqual(utf16);
    // One byte of a mark is no mark.
    expect(decodeNote(Uint8Array.from([0xff]))).toStrictEqual({ reason: 'it is not valid UTF-8 text' });
    expect(decodeNote(Uint8Array.from([0xfe, 0x61]))).toStrictEqual({ reason: 'it is not valid UTF-8 text' });
  });
});

describe('describeError', () => {
  it.each<[string, unknown, string]>([
    ['a Node error: its message, without the stack', Object.assign(new Error("EACCES: permission denied, open 'a.md'"), { code: 'EACCES' }), "EACCES: permission denied, open 'a.md'"],
    ['an error-like object from another realm', { message: 'ENOENT: no such file' }, 'ENOENT: no such file'],
    ['a thrown string', 'disk gone', 'disk gone'],
    ['a thrown null', null, 'null'],
    ['a thrown undefined', undefined, 'undefined'],
    ['an object whose message is not text', { message: 42 }, '[object Object]'],
  ])('describes %s', (_, error, described) => {
    expect(describeError(error)).toBe(described);
  });
});

describe('absolutePaths', () => {
  it.each<[string, string, string, string, string]>([
    ['POSIX', '/home/me/vault', '/', 'deep/er/c.md', '/home/me/vault/deep/er/c.md'],
    ['POSIX, the folder given with its trailing separator', '/home/me/vault/', '/', 'c.md', '/home/me/vault/c.md'],
    ['Windows: the vault\'s "/" become backslashes', 'C:\\Notes', '\\', 'deep/er/c.md', 'C:\\Notes\\deep\\er\\c.md'],
    ['Windows, the folder given with its trailing separator', 'C:\\Notes\\', '\\', 'c.md', 'C:\\Notes\\c.md'],
  ])('joins a note path to its vault folder (%s)', (_, directory, separator, notePath, absolute) => {
    expect(absolutePaths(directory, separator)(notePath)).toBe(absolute);
  });

  it('uses the platform separator by default', () => {
    expect(absolutePaths('vault')('a/b.md')).toBe(['vault', 'a', 'b.md'].join(path.sep));
  });
});
