import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { idFormatFor, TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { notesOfBatch, ScanBatchWriter } from '../../src/core/index/scanBatch';
import { NoteScanner } from '../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readNodeNote } from '../../src/cli/readVault';
import { scanVault, threadsFor, NOTES_PER_WORKER, type ScanThreads } from '../../src/cli/scanVault';
import { NoteClaims } from '../../src/cli/noteClaims';
import { ByteRun, scanRun, type WorkerInput, type WorkerOutput } from '../../src/cli/scanWorker';
import { nodeVaultFs, type VaultFs } from '../../src/cli/vaultFs';
import { snapshot } from '../core/index/helpers';
import { buildTool, EXAMPLE_VAULT } from './harness';
import { defaultVaultSettings } from '../../src/cli/vaultSettings';

// readFileSync made replaceable per call, for a note that goes between the two reads of readNodeNote.
jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

let vault: string;
const NOTES = 40;
// Much larger than one read, with IDs at both ends, so a note read in part loses a reference.
const BIG_NOTE = '202101020000 Big.md';
const REPLACEMENT_NOTE = '202101040000 Replacement.md';
const REPLACEMENT_TEXT = '202101040000 Replacement\n\nA \uFFFD marks a lost character; see 202101010003.\n';
const BIG_TEXT = `202101020000 Big\n\nStarts at 202101010001.\n${'Prose é 詳細 and more words. '.repeat(12_000)}\nEnds at [[202101010002 Note 2]].\n`;

beforeAll(() => {
  vault = mkdtempSync(path.join(tmpdir(), 'principle-chain-scan-'));
  for (let i = 0; i < NOTES; i++) {
    const id = `2021010100${String(i).padStart(2, '0')}`;
    const next = `2021010100${String((i + 7) % (NOTES + 3)).padStart(2, '0')}`;
    const folder = path.join(vault, i % 3 === 0 ? 'a' : 'b');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${id} Note ${i}.md`), `${id} Note ${i}\n\nBuilds on ${next} Note and [[${next} Note ${(i + 7) % NOTES}]].\n`);
  }
  writeFileSync(path.join(vault, 'b', 'binary.md'), Buffer.from([0x61, 0, 0x62]));
  writeFileSync(path.join(vault, 'a', 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(path.join(vault, 'a', BIG_NOTE), BIG_TEXT);
  writeFileSync(path.join(vault, 'a', REPLACEMENT_NOTE), REPLACEMENT_TEXT);
  // Stale links and a broken ID followed by a title, for check's links screened on every thread.
  writeFileSync(path.join(vault, 'b', 'links.md'), 'Old [[202101010003 Old name]], [x](../a/202101010000%20Gone.md), broken 202101011159 Note 5 here.\n');
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

describe('threadsFor', () => {
  const idle = { cores: 8, load: 0 };
  it('follows PRINCIPLE_CHAIN_JOBS, else one thread per core and per run of notes', () => {
    expect(threadsFor(10, { PRINCIPLE_CHAIN_JOBS: '3' }, idle)).toBe(3);
    expect(threadsFor(2, { PRINCIPLE_CHAIN_JOBS: '3' }, idle)).toBe(2);
    expect(threadsFor(1_000_000, { PRINCIPLE_CHAIN_JOBS: '1' }, idle)).toBe(1);
    // 0 or a fraction is no count of threads: as if it were not set.
    expect(threadsFor(1_000_000, { PRINCIPLE_CHAIN_JOBS: '0' }, idle)).toBe(4);
    expect(threadsFor(1_000_000, { PRINCIPLE_CHAIN_JOBS: '2.5' }, idle)).toBe(4);
    expect(threadsFor(NOTES_PER_WORKER - 1, {}, idle)).toBe(1);
    expect(threadsFor(2 * NOTES_PER_WORKER, {}, idle)).toBe(2);
    // The README's figure: threads from 8,000 notes on.
    expect([threadsFor(7_999, {}, idle), threadsFor(8_000, {}, idle)]).toStrictEqual([1, 2]);
    expect(threadsFor(1_000_000, { PRINCIPLE_CHAIN_JOBS: 'many' })).toBeGreaterThanOrEqual(1);
    expect(threadsFor(1_000_000, {}, idle)).toBe(4);
    expect(threadsFor(1_000_000, {}, { cores: 2, load: 0 })).toBe(2);
    expect(threadsFor(1_000_000, {})).toBeLessThanOrEqual(4);
  });

  it('starts a thread only for a core other processes leave idle, unless PRINCIPLE_CHAIN_JOBS asks', () => {
    expect(threadsFor(1_000_000, {}, { cores: 2, load: 7.8 })).toBe(1);
    expect(threadsFor(1_000_000, {}, { cores: 2, load: 3.1 })).toBe(1);
    expect(threadsFor(1_000_000, {}, { cores: 2, load: 2.1 })).toBe(1);
    expect(threadsFor(1_000_000, {}, { cores: 2, load: 1.6 })).toBe(2);
    expect(threadsFor(1_000_000, {}, { cores: 8, load: 5.9 })).toBe(4);
    expect(threadsFor(1_000_000, {}, { cores: 16, load: 13.5 })).toBe(4);
    expect(threadsFor(1_000_000, {}, { cores: 16, load: 14.5 })).toBe(3);
    expect(threadsFor(1_000_000, {}, { cores: 1, load: 0 })).toBe(1);
    expect(threadsFor(1_000_000, { PRINCIPLE_CHAIN_JOBS: '2' }, { cores: 2, load: 7.8 })).toBe(2);
  });
});

describe('runs scanned as a worker scans them', () => {
  const inputFor = (notePaths: readonly string[], claims: NoteClaims, runNotes?: number): WorkerInput => ({
    directory: vault, notePaths, claims: claims.counters, format: '12', ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id', runNotes,
  });

  it('gives the facts, texts and unreadable files of scanning on the main thread', async () => {
    const single = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
    const notePaths = [...single.contents.files.map((f) => f.path), ...single.contents.unreadable.map((u) => u.path)].sort();
    const output = scanRun(inputFor(notePaths, NoteClaims.create(notePaths.length)));
    expect(output.runs).toHaveLength(1);
    const [run] = output.runs;
    const texts = new Map(single.contents.files.map((f) => [f.path, f.text]));
    const index = new IdIndex({ format: TWELVE_DIGIT, texts: { textOf: (p) => texts.get(p) } });
    // As scanVault builds: every note by its name first, so one that cannot be read keeps that record.
    index.putNames(notePaths, { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    for (const note of notesOfBatch(run.batch, run.notes.map((n) => notePaths[n]))) index.put(note);
    expect(snapshot(index)).toStrictEqual(snapshot(single.index));
    expect(output.unreadable.map((u) => [notePaths[u.note], u.reason])).toStrictEqual(single.contents.unreadable.map((u) => [u.path, u.reason]));
    const bytes = Buffer.from(output.bytes);
    run.notes.forEach((n, i) => expect(bytes.subarray(run.offsets[i], run.offsets[i + 1]).toString('utf8')).toBe(texts.get(notePaths[n])));
    // The bytes handed back are the file's own, byte for byte (the worker reads text and encodes it back).
    run.notes.forEach((n, i) => expect(bytes.subarray(run.offsets[i], run.offsets[i + 1]).equals(readFileSync(path.join(vault, ...notePaths[n].split('/'))))).toBe(true));
    // They are all the bytes handed back: the buffer that held them is cut to them.
    expect(bytes.length).toBe(run.offsets[run.offsets.length - 1]);
  });

  it('claims the notes the main thread left, in runs from the back, each run whole and in order', () => {
    const notePaths = readdirSync(path.join(vault, 'b')).filter((name) => name.endsWith('.md')).map((name) => `b/${name}`).sort();
    for (const mainTook of [0, 1, 7, notePaths.length - 1, notePaths.length]) {
      const claims = NoteClaims.create(notePaths.length);
      for (let i = 0; i < mainTook; i++) expect(claims.claimNext()).toBe(true);
      const output = scanRun(inputFor(notePaths, claims, 5));
      expect(claims.claimNext()).toBe(false);
      // Runs are claimed from the back: each starts before the one claimed before it, the last where the main thread stopped.
      const starts = output.runs.map((run) => run.from);
      expect(starts).toStrictEqual([...starts].sort((a, b) => b - a));
      expect(output.runs.at(-1)?.from ?? notePaths.length).toBe(mainTook);
      const scanned = output.runs.flatMap((run) => run.notes);
      const all = [...scanned, ...output.unreadable.map((u) => u.note)].sort((a, b) => a - b);
      expect(all).toStrictEqual(Array.from({ length: notePaths.length - mainTook }, (_, i) => mainTook + i));
      for (const run of output.runs) expect(run.notes).toStrictEqual([...run.notes].sort((a, b) => a - b));
    }
  });

  it('a scanning thread\'s bytes: texts written past its first buffer, twice, keep every byte', () => {
    const bytes = new ByteRun(0);
    // A megabyte at first: 3 MB of three-byte characters grows it past twice its size, then 0.6 MB of two-byte ones doubles it.
    const texts = ['a', '詳'.repeat(1_000_000), 'é'.repeat(300_000), 'end'];
    const ends = texts.map((text) => bytes.append(text));
    const encoded = texts.map((text) => Buffer.from(text, 'utf8'));
    expect(ends).toStrictEqual(encoded.map((_, i) => encoded.slice(0, i + 1).reduce((sum, part) => sum + part.length, 0)));
    expect(Buffer.from(bytes.finish()).equals(Buffer.concat(encoded))).toBe(true);
  });

  it('carries whole facts too (a note whose link texts are not spans of its text)', () => {
    const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
    const whole = { path: 'w.md', id: null, title: 'w', references: [{ id: '202101010000', form: 'wikilink' as const, from: 2, to: 14, line: 1, column: 3, context: 'c', link: { from: 0, to: 20, embed: false, target: 'elsewhere', targetFrom: 2, targetTo: 20, subpath: '', display: null } }] };
    const writer = new ScanBatchWriter();
    writer.add(whole);
    writer.add(scanner.scan('s.md', 'See 202101010001.'));
    writer.add(scanner.scan('202101010002 Titled.md', 'Text.'));
    const [first, second, third] = [...notesOfBatch(writer.finish(), ['w.md', 's.md', '202101010002 Titled.md'])];
    expect(first).toStrictEqual(whole);
    // Where a title read off the path starts there crosses too (the bulk build compares titles by it).
    expect([second, third].map((note) => 'titleFrom' in note && note.titleFrom)).toStrictEqual([0, 13]);
    const index = new IdIndex({ format: TWELVE_DIGIT });
    index.put(second);
    expect(index.referencesOf('s.md').map((r) => [r.id, r.from])).toStrictEqual([['202101010001', 4]]);
  });
});

it('a batch grows to hold many notes and a note of thousands of IDs, and gives back what was scanned', () => {
  const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
  const idOf = (n: number) => `2021010${1 + Math.floor(n / 1440)}${String(Math.floor((n % 1440) / 60)).padStart(2, '0')}${String(n % 60).padStart(2, '0')}`;
  const notes: [string, string][] = Array.from({ length: 300 }, (_, i) => [`${idOf(i)} Note.md`, `See ${idOf(i + 1)} and [[${idOf(i + 2)} Note]].`]);
  notes.splice(150, 0, ['big.md', Array.from({ length: 3000 }, (_, n) => idOf(n)).join(' and ')]);
  const direct = new IdIndex({ format: TWELVE_DIGIT });
  const writer = new ScanBatchWriter();
  for (const [notePath, text] of notes) {
    const scanned = scanner.scan(notePath, text);
    writer.add(scanned);
    direct.put(scanned);
  }
  const batched = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of notesOfBatch(writer.finish(), notes.map(([notePath]) => notePath))) batched.put(note);
  expect(batched.referencesOf('big.md')).toHaveLength(3000);
  expect(snapshot(batched)).toStrictEqual(snapshot(direct));
});

it('refuses a note\'s scanned facts once their scanner has scanned another note', () => {
  const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
  const first = scanner.scan('a.md', 'See 202101010001.');
  scanner.scan('b.md', 'See 202101010002.');
  expect(() => new ScanBatchWriter().add(first)).toThrow('The scanned facts of a.md were used after their scanner scanned another note.');
});

it('a batch holds the ID string only where the ID has no integer key, and no title start it was not given', () => {
  const custom = idFormatFor('custom', 'ZK-\\d{3}');
  const writer = new ScanBatchWriter();
  writer.add(new NoteScanner({ format: custom, ownIdSources: ['filename'], frontmatterKey: 'id' }).scan('c.md', 'See ZK-101.'));
  // 000000000000's integer key is 0, which is a key as much as any other.
  writer.add(new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: ['filename'], frontmatterKey: 'id' }).scan('t.md', 'See 202101010001, 000000000000 and 202101010002.'));
  // A custom format's title is not read off the path as a span (-1); a note from elsewhere (the
  // cache) that does not say where its title starts gets -1 too.
  writer.add({ path: 'n.md', id: null, title: 'Heading', textLength: 0, ints: new Int32Array(0), intsFrom: 0, length: 0, keyCount: 0, keys: new Float64Array(0), ids: [] });
  const batch = writer.finish();
  expect(batch.ids).toStrictEqual(['ZK-101', '', '', '']);
  expect([...notesOfBatch(batch, ['c.md', 't.md', 'n.md'])].map((note) => 'titleFrom' in note && note.titleFrom)).toStrictEqual([-1, 0, -1]);
});

it('a finished batch\'s arrays are cut to what its notes hold (they cross to the main thread whole)', () => {
  const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
  const writer = new ScanBatchWriter();
  let [ints, keys] = [0, 0];
  for (const [notePath, text] of [['a.md', 'See 202101010001 and [[202101010002]].'], ['b.md', 'See 202101010003.']]) {
    const note = scanner.scan(notePath, text);
    [ints, keys] = [ints + note.length, keys + note.keyCount];
    writer.add(note);
  }
  const batch = writer.finish();
  // Six ints per note say where its records and keys are.
  expect([batch.ints.length, batch.keys.length, batch.notes.length]).toStrictEqual([ints, keys, 2 * 6]);
});

it('the notes a batch gives back are whole scanned notes: added to another batch, they give back the same index', () => {
  const scanner = new NoteScanner({ format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: 'id' });
  // Notes of different key counts, the last with the most, each read back through `keyCount` (the keys in use).
  const notes: [string, string][] = [['a.md', 'See 202101010001.'], ['b.md', 'None here.'], ['c.md', 'See 202101010002 and 202101010003 and 202101010004.']];
  const first = new ScanBatchWriter();
  const direct = new IdIndex({ format: TWELVE_DIGIT });
  for (const [notePath, text] of notes) {
    first.add(scanner.scan(notePath, text));
    direct.put(scanner.scan(notePath, text));
  }
  const paths = notes.map(([notePath]) => notePath);
  const second = new ScanBatchWriter();
  for (const note of notesOfBatch(first.finish(), paths)) second.add(note);
  const rebatched = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of notesOfBatch(second.finish(), paths)) rebatched.put(note);
  expect(snapshot(rebatched)).toStrictEqual(snapshot(direct));
});

describe('scanVault on the main thread', () => {
  it('reads every note whole, a big one and one holding U+FFFD included', async () => {
    const scanned = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
    expect(Buffer.byteLength(BIG_TEXT)).toBeGreaterThan(4 * 65_536);
    expect(scanned.textOf(`a/${BIG_NOTE}`)).toBe(BIG_TEXT);
    expect(scanned.index.referencesOf(`a/${BIG_NOTE}`).map((r) => r.id)).toStrictEqual(['202101020000', '202101010001', '202101010002']);
    expect(scanned.textOf(`a/${REPLACEMENT_NOTE}`)).toBe(REPLACEMENT_TEXT);
    expect(scanned.textOf('b/202101010001 Note 1.md')).toBe('202101010001 Note 1\n\nBuilds on 202101010008 Note and [[202101010008 Note 8]].\n');
  });

  it('keeps every text by default; else reads a dropped one again when asked, and gives none for a note that changed length', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'principle-chain-read-again-'));
    try {
      writeFileSync(path.join(root, 'a.md'), 'See 202101010001.');
      writeFileSync(path.join(root, 'b.md'), 'Same length.');
      const scanned = await scanVault(root, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs, { keepTexts: false });
      const kept = await scanVault(root, defaultVaultSettings(TWELVE_DIGIT), nodeVaultFs);
      writeFileSync(path.join(root, 'a.md'), 'See 202101010001 and more.');
      writeFileSync(path.join(root, 'b.md'), 'Same length!');
      expect(scanned.textOf('a.md')).toBeUndefined();
      expect(scanned.contents.files.map((file) => file.text)).toStrictEqual(['', 'Same length!']);
      // By default every text is kept as it was read.
      expect(kept.contents.files.map((file) => file.text)).toStrictEqual(['See 202101010001.', 'Same length.']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps every text from a file system other than Node\'s own, which it could not read again', async () => {
    const texts = new Map([['a.md', 'See 202101010001.'], ['202101010001 Own.md', 'Own note.']]);
    const root = path.join(tmpdir(), 'principle-chain-nowhere');
    const memory: VaultFs = {
      kind: async (absolute) => (absolute === root ? 'directory' : null),
      list: async () => [...texts.keys()].map((name) => ({ name, kind: 'file' as const })),
      read: (absolute) => Buffer.from(texts.get(path.basename(absolute)) ?? ''),
    };
    const scanned = await scanVault(root, defaultVaultSettings(TWELVE_DIGIT), memory, { keepTexts: false });
    expect(scanned.textOf('a.md')).toBe('See 202101010001.');
    expect(scanned.contents.files.map((file) => file.text)).toStrictEqual(['Own note.', 'See 202101010001.']);
    // A read that throws at once, rather than rejecting, makes its note unreadable too.
    const throwing: VaultFs = {
      ...memory,
      read: (absolute) => {
        if (absolute.endsWith('a.md')) throw new Error('EIO: i/o error');
        return memory.read(absolute);
      },
    };
    const partly = await scanVault(root, defaultVaultSettings(TWELVE_DIGIT), throwing);
    expect(partly.contents.unreadable).toStrictEqual([{ path: 'a.md', reason: 'it cannot be read (EIO: i/o error)' }]);
  });

  it('lists what it could not read in path order, folders that could not be listed among the notes', async () => {
    const fs: VaultFs = {
      ...nodeVaultFs,
      list: (directory) => (directory.endsWith(`${path.sep}b`) ? Promise.reject(new Error('EACCES: permission denied')) : nodeVaultFs.list(directory)),
    };
    const scanned = await scanVault(vault, defaultVaultSettings(TWELVE_DIGIT), fs);
    expect(scanned.contents.unreadable.map((file) => file.path)).toStrictEqual(['a/latin1.md', 'b']);
    expect(scanned.contents.unreadable[1].reason).toBe('the folder cannot be listed (EACCES: permission denied)');
    // Interleaved: folders found while listing, notes while reading.
    const root = mkdtempSync(path.join(tmpdir(), 'principle-chain-unreadable-'));
    try {
      for (const name of ['e.md', 'c.md', 'a.md']) writeFileSync(path.join(root, name), Buffer.from([0xff]));
      for (const name of ['f', 'd', 'b']) mkdirSync(path.join(root, name));
      const locked: VaultFs = { ...nodeVaultFs, list: (directory) => (directory === root ? nodeVaultFs.list(directory) : Promise.reject(new Error('EACCES'))) };
      const all = await scanVault(root, defaultVaultSettings(TWELVE_DIGIT), locked);
      expect(all.contents.unreadable.map((file) => file.path)).toStrictEqual(['a.md', 'b', 'c.md', 'd', 'e.md', 'f']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a note as text in one call, and judges one holding U+FFFD or NUL by its bytes', () => {
    const notes = path.join(vault, 'a');
    expect(readNodeNote(path.join(notes, BIG_NOTE))).toBe(BIG_TEXT);
    // U+FFFD written as UTF-8 is text; bytes that are not UTF-8 decode to U+FFFD too, and are not.
    expect(readNodeNote(path.join(notes, REPLACEMENT_NOTE))).toBe(REPLACEMENT_TEXT);
    expect(readNodeNote(path.join(notes, 'latin1.md'))).toStrictEqual({ reason: 'it is not valid UTF-8 text' });
    expect(readNodeNote(path.join(vault, 'b', 'binary.md'))).toStrictEqual({ reason: 'it contains NUL bytes, so it is binary, not a Markdown note' });
    expect(readNodeNote(path.join(notes, 'missing.md'))).toStrictEqual({ reason: expect.stringMatching(/^it cannot be read \(ENOENT: /) as unknown });
    expect(readNodeNote(notes)).toStrictEqual({ reason: expect.stringMatching(/^it cannot be read \(EISDIR: /) as unknown });
  });

  it('says a note cannot be read when it goes between its two reads', () => {
    const replacement = path.join(vault, 'a', REPLACEMENT_NOTE);
    const read = fs.readFileSync as unknown as jest.Mock;
    const gone = Object.assign(new Error(`ENOENT: no such file or directory, open '${replacement}'`), { code: 'ENOENT' });
    read.mockImplementationOnce(jest.requireActual<typeof fs>('fs').readFileSync).mockImplementationOnce(() => {
      throw gone;
    });
    const calls = read.mock.calls.length;
    expect(readNodeNote(replacement)).toStrictEqual({ reason: `it cannot be read (ENOENT: no such file or directory, open '${replacement}')` });
    expect(read.mock.calls.length - calls).toBe(2);
  });});

describe('scanVault with scanning threads (scanRun in their place, on this thread)', () => {
  // Threads that claim their runs as soon as they are started, before the main thread takes a note,
  // or once the main thread first waits (setImmediate: after the read it waits for, queued later).
  // `took` counts the notes they scanned or found unreadable.
  const inPlace = (count: number, when: 'at once' | 'at the first wait') => {
    const took = { notes: 0 };
    const scan = (input: WorkerInput) => {
      const output = scanRun({ ...input, runNotes: 5 });
      took.notes += output.runs.reduce((sum, run) => sum + run.notes.length, 0) + output.unreadable.length;
      return output;
    };
    // Run by the executor, at once: a scan that throws rejects, as a worker thread's error does.
    const settled = (input: WorkerInput) => new Promise<WorkerOutput>((resolve) => resolve(scan(input)));
    const threads: ScanThreads = {
      count,
      start: (input) => (when === 'at once' ? settled(input) : new Promise((resolve, reject) => setImmediate(() => void settled(input).then(resolve, reject)))),
    };
    return { threads, took };
  };
  // Node's file system, but each read waits a turn of the event loop, so a thread started at the first wait runs then.
  const waitingFs: VaultFs = { ...nodeVaultFs, read: (absolutePath) => new Promise((resolve) => setImmediate(() => resolve(nodeVaultFs.read(absolutePath)))) };
  const custom = idFormatFor('custom', '\\d{12}');

  it.each([
    ['one thread that takes every note', 1, 'at once', nodeVaultFs, 'all', TWELVE_DIGIT, true],
    ['two threads, the first taking every note', 2, 'at once', nodeVaultFs, 'all', TWELVE_DIGIT, true],
    ['a thread that starts once the main thread has taken every note', 1, 'at the first wait', nodeVaultFs, 'none', TWELVE_DIGIT, true],
    ['a thread that takes every note but the main thread\'s first', 1, 'at the first wait', waitingFs, 'all but one', TWELVE_DIGIT, true],
    ['a custom pattern, no link targets kept', 1, 'at once', nodeVaultFs, 'all', custom, false],
  ] as const)('%s: the index, files, texts and unreadable notes of one thread', async (_, count, when, fs, taken, format, keepLinkTargets) => {
    const { threads, took } = inPlace(count, when);
    const single = await scanVault(vault, defaultVaultSettings(format), fs, { keepLinkTargets });
    const threaded = await scanVault(vault, defaultVaultSettings(format), fs, { keepLinkTargets, scanThreads: threads });
    const notes = single.contents.files.length + single.contents.unreadable.length;
    expect(took.notes).toBe({ all: notes, none: 0, 'all but one': notes - 1 }[taken]);
    expect(snapshot(threaded.index)).toStrictEqual(snapshot(single.index));
    expect(threaded.contents.files.map((file) => [file.path, file.text])).toStrictEqual(single.contents.files.map((file) => [file.path, file.text]));
    expect(threaded.contents.unreadable).toStrictEqual(single.contents.unreadable);
    // Check's kept link targets, asked as check asks: note after note in path order.
    const targetsOf = ({ contents, index, linkTargets }: typeof single) =>
      contents.files.map((file) => [file.path, linkTargets?.startNote(file.path), index.referencesOf(file.path).filter((ref) => ref.link !== undefined).map((ref) => linkTargets?.targetAt(ref.from))]);
    expect(targetsOf(threaded)).toStrictEqual(targetsOf(single));
  });
  it('gives the threads the settings: excluded folders, own-ID sources and frontmatter key', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'principle-chain-scan-settings-'));
    try {
      for (let i = 0; i < 30; i++) {
        const id = `2021010200${String(i).padStart(2, '0')}`;
        writeFileSync(path.join(root, `Note ${i}.md`), `---\nuid: ${id}\n---\nSee 2021010200${String((i + 1) % 30).padStart(2, '0')}.\n`);
      }
      mkdirSync(path.join(root, 'Templates'));
      writeFileSync(path.join(root, 'Templates', 'Copy.md'), '---\nuid: 202101020000\n---\n');
      const settings = { format: TWELVE_DIGIT, ownIdSources: ['frontmatter'] as const, frontmatterKey: 'uid', excludedFolders: ['Templates'] };
      const inputs: WorkerInput[] = [];
      const threads: ScanThreads = { count: 1, start: (input) => (inputs.push(input), Promise.resolve(scanRun({ ...input, runNotes: 5 }))) };
      const single = await scanVault(root, settings, nodeVaultFs);
      const threaded = await scanVault(root, settings, nodeVaultFs, { scanThreads: threads });
      expect(inputs.map(({ notePaths, ownIdSources, frontmatterKey }) => ({ notes: notePaths.length, ownIdSources, frontmatterKey }))).toStrictEqual([
        { notes: 30, ownIdSources: ['frontmatter'], frontmatterKey: 'uid' },
      ]);
      expect(snapshot(threaded.index)).toStrictEqual(snapshot(single.index));
      expect([...threaded.index.notes()].filter((note) => note.id !== null)).toHaveLength(30);
      expect(threaded.index.resolve('202101020000').paths).toStrictEqual(['Note 0.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the bundled tool with scanning threads', () => {
  let packageDir: string;
  beforeAll(() => {
    packageDir = mkdtempSync(path.join(tmpdir(), 'principle-chain-threads-'));
    buildTool(path.join(packageDir, 'dist'));
  }, 60_000);
  afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

  const cli = (jobs: string, ...argv: string[]) =>
    spawnSync(process.execPath, [path.join(packageDir, 'dist/cli.js'), ...argv], { encoding: 'utf8', env: { ...process.env, PRINCIPLE_CHAIN_JOBS: jobs } });

  it.each([
    ['check', '--json'],
    ['check'],
    ['repair', '--json'],
    ['refs', '--json', 'a/202101010000 Note 0.md', 'b/202101010037 Note 37.md'],
    // Each thread loads the pattern checker (dist/patternDeps.js) for a custom pattern.
    ['check', '--json', '--id-format', '\\d{12}'],
  ])('%s %s prints the same with three threads as with one', (...argv) => {
    const one = cli('1', ...argv, '--vault', vault);
    const three = cli('3', ...argv, '--vault', vault);
    expect(one.stderr).toBe('');
    expect(three.stdout).not.toBe('');
    expect({ out: three.stdout, err: three.stderr, status: three.status }).toStrictEqual({ out: one.stdout, err: one.stderr, status: one.status });
    if (argv[0] === 'check') expect(three.stdout).toMatch(/stale-link[^]*stale-link[^]*the title of b\/202101010005 Note 5\.md/);
  }, 30_000);

  it('starts the scanning threads PRINCIPLE_CHAIN_JOBS asks for, and none for 1', () => {
    // Counts the Worker threads the tool constructs, through a module preloaded into its process.
    const counter = path.join(packageDir, 'count-workers.js');
    const log = path.join(packageDir, 'workers.log');
    writeFileSync(
      counter,
      `const threads = require('worker_threads'); const { appendFileSync } = require('fs'); const Original = threads.Worker;
       threads.Worker = class extends Original { constructor(...args) { super(...args); appendFileSync(${JSON.stringify(log)}, 'worker\\n'); } };`,
    );
    const started = (jobs: string): number => {
      rmSync(log, { force: true });
      const result = spawnSync(process.execPath, ['--require', counter, path.join(packageDir, 'dist/cli.js'), 'check', '--json', '--vault', vault], {
        encoding: 'utf8',
        env: { ...process.env, PRINCIPLE_CHAIN_JOBS: jobs },
      });
      expect(result.stderr).toBe('');
      return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line === 'worker').length : 0;
    };
    expect(started('3')).toBe(2);
    expect(started('1')).toBe(0);
  }, 30_000);

  it('stops with exit 2 and the reason when a scanning thread fails or exits early', () => {
    const broken = path.join(packageDir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'cli.js'), readFileSync(path.join(packageDir, 'dist/cli.js')));
    const run = (worker: string) => {
      writeFileSync(path.join(broken, 'scanWorker.js'), worker);
      const result = spawnSync(process.execPath, [path.join(broken, 'cli.js'), 'check', '--vault', vault], {
        encoding: 'utf8',
        env: { ...process.env, PRINCIPLE_CHAIN_JOBS: '2' },
        timeout: 20_000,
      });
      return [result.status, result.stdout, result.stderr];
    };
    expect(run("throw new Error('no memory for a thread');")).toStrictEqual([2, '', 'principle-chain: unexpected error: no memory for a thread\n']);
    expect(run('process.exit(3);')).toStrictEqual([2, '', 'principle-chain: unexpected error: a scanning thread stopped with exit code 3\n']);
  }, 30_000);

  it('gives every thread the settings given: own-ID sources, frontmatter key, and only the notes outside excluded folders', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'principle-chain-threads-settings-'));
    try {
      for (let i = 0; i < 40; i++) writeFileSync(path.join(root, `Note ${i}.md`), `---\nuid: 2021010300${String(i).padStart(2, '0')}\n---\nSee 202101030000.\n`);
      mkdirSync(path.join(root, 'Templates'));
      writeFileSync(path.join(root, 'Templates', 'Copy.md'), '---\nuid: 202101030000\n---\n');
      // Records what each Worker the tool constructs is given, through a module preloaded into its process
      // (whether a thread gets to scan a note before the main thread has scanned them all is a matter of timing).
      const recorder = path.join(packageDir, 'record-workers.js');
      const log = path.join(packageDir, 'worker-inputs.log');
      writeFileSync(
        recorder,
        `const threads = require('worker_threads'); const { appendFileSync } = require('fs'); const Original = threads.Worker;
         threads.Worker = class extends Original { constructor(file, options) { super(file, options); const { notePaths, ownIdSources, frontmatterKey } = options.workerData;
           appendFileSync(${JSON.stringify(log)}, JSON.stringify({ notes: notePaths.length, templates: notePaths.filter((p) => p.startsWith('Templates/')).length, ownIdSources, frontmatterKey }) + '\\n'); } };`,
      );
      rmSync(log, { force: true });
      const argv = ['check', '--json', '--vault', root, '--frontmatter-key', 'uid', '--id-sources', 'frontmatter', '--exclude', 'Templates'];
      const three = spawnSync(process.execPath, ['--require', recorder, path.join(packageDir, 'dist/cli.js'), ...argv], { encoding: 'utf8', env: { ...process.env, PRINCIPLE_CHAIN_JOBS: '3' } });
      expect(three.stderr).toBe('');
      const given = { notes: 40, templates: 0, ownIdSources: ['frontmatter'], frontmatterKey: 'uid' };
      expect(readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown)).toStrictEqual([given, given]);
      expect(three.stdout).toBe(cli('1', ...argv).stdout);
      expect(JSON.parse(three.stdout)).toMatchObject({ notes: 40, notesWithId: 40, resolved: 39, problems: [] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);

  it('checks the example vault the same with threads', () => {
    expect(cli('4', 'check', '--json', '--vault', EXAMPLE_VAULT).stdout).toBe(cli('1', 'check', '--json', '--vault', EXAMPLE_VAULT).stdout);
  }, 30_000);
});
