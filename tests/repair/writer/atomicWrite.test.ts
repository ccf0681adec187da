/**
 * The command-line writer on the real file system, under fault injection: another writer acting at
 * each step of the write sequence, a process killed at each step, failing system calls, and the file
 * kinds a vault holds (read-only, other modes and owners, symlinks, hard links).
 */
import { spawnSync } from 'child_process';
import {
  appendFileSync, chmodSync, chownSync, linkSync, lstatSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, readSync,
  renameSync, statSync, symlinkSync, unlinkSync, writeFileSync,
} from 'fs';
import { promises as fsp } from 'fs';
import { buildSync } from 'esbuild';
import * as path from 'path';
import { CHANGED_REASON, createNodeAtomicWriter, removeLeftoverTemporaries, temporaryFileOwner, WRITE_STEPS, type WriteResult, type WriteStep } from '../../../src/cli/atomicWrite';
import { removeScratchFolders, scratchFolder } from './realFiles';

afterAll(removeScratchFolders);

const OLD = '\uFEFF202108191025 Teams exist\r\nline two\r\n';
const NEW = '\uFEFF202108191025 Teams exist for a reason\r\nline two\r\n';
const THEIRS = 'typed by someone else\r\n';
const isRoot = process.getuid?.() === 0;

function noteIn(dir: string, name = 'n.md', text = OLD): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The reason a result gives for leaving the note, or null when it was written. */
const reasonOf = (result: WriteResult) => (result.status === 'skipped' ? result.reason : null);
const bytesOf = (file: string) => readFileSync(file);
const temporariesIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.repair-tmp'));

describe('a write with nobody else around', () => {
  it('replaces every byte (BOM and CRLF kept), leaves no temporary file, and refuses a note not as planned', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const writer = createNodeAtomicWriter({ root: dir });
    expect(await writer.replaceIfUnchanged(file, OLD, NEW)).toStrictEqual({ status: 'written' });
    expect(bytesOf(file)).toStrictEqual(Buffer.from(NEW, 'utf8'));
    expect(reasonOf(await writer.replaceIfUnchanged(file, OLD, 'x'))).toContain('changed since');
    expect(bytesOf(file)).toStrictEqual(Buffer.from(NEW, 'utf8'));
    expect(readdirSync(dir)).toStrictEqual(['n.md']);
  });

  it('writes nothing at all, not even a temporary file, for a note that is not as planned', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir, 'n.md', 'edited by hand\n');
    const steps: string[] = [];
    const result = await createNodeAtomicWriter({ root: dir, onStep: (step) => void steps.push(step) }).replaceIfUnchanged(file, OLD, NEW);
    expect(reasonOf(result)).toContain('changed since');
    expect(steps).toStrictEqual([]);
  });

  it('names each temporary file as ours (this process, a fresh token), so a later run can tell it apart', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const seen: string[] = [];
    const writer = createNodeAtomicWriter({ root: dir, onStep: (step) => void (step === 'temporary-written' && seen.push(...temporariesIn(dir))) });
    await writer.replaceIfUnchanged(file, OLD, NEW);
    await writer.replaceIfUnchanged(file, NEW, OLD);
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    for (const name of seen) {
      expect(name.startsWith('.n.md.')).toBe(true);
      expect(temporaryFileOwner(name)).toBe(process.pid);
    }
  });

  it('writes a note whose name is as long as the file system allows: its temporary file keeps 100 bytes of it, whole characters', async () => {
    const dir = scratchFolder();
    // 253 bytes (ext4 allows 255): the temporary file's keeps `a` and 33 three-byte characters, 100 bytes.
    const name = `a${'日'.repeat(83)}.md`;
    const file = noteIn(dir, name);
    const seen: string[] = [];
    const writer = createNodeAtomicWriter({ root: dir, onStep: (step) => void (step === 'temporary-written' && seen.push(...temporariesIn(dir))) });
    expect(await writer.replaceIfUnchanged(file, OLD, NEW)).toStrictEqual({ status: 'written' });
    expect([bytesOf(file).toString(), temporariesIn(dir)]).toStrictEqual([NEW, []]);
    expect(seen).toHaveLength(1);
    expect(seen[0].startsWith(`.a${'日'.repeat(33)}.${process.pid}-`)).toBe(true);
    expect(temporaryFileOwner(seen[0])).toBe(process.pid);
    // A name of 100 bytes or less is kept whole.
    const short = noteIn(dir, `${'é'.repeat(48)}.md`);
    seen.length = 0;
    await writer.replaceIfUnchanged(short, OLD, NEW);
    expect(seen[0].startsWith(`.${'é'.repeat(48)}.md.`)).toBe(true);
  });

  it('skips a note deleted before the write, and one that is a folder', async () => {
    const dir = scratchFolder();
    const writer = createNodeAtomicWriter({ root: dir });
    expect(await writer.replaceIfUnchanged(path.join(dir, 'gone.md'), OLD, NEW)).toStrictEqual({ status: 'skipped', reason: 'it no longer exists' });
    mkdirSync(path.join(dir, 'folder.md'));
    expect(await writer.replaceIfUnchanged(path.join(dir, 'folder.md'), OLD, NEW)).toStrictEqual({ status: 'skipped', reason: 'it is not a regular file' });
  });

  it('closes every file and folder it opens', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const handles: { fd: number }[] = [];
    const realOpen = fsp.open.bind(fsp);
    const spy = jest.spyOn(fsp, 'open').mockImplementation(async (...args) => {
      const handle = await realOpen(...args);
      handles.push(handle);
      return handle;
    });
    try {
      await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
      await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
    } finally {
      spy.mockRestore();
    }
    expect(handles.length).toBeGreaterThanOrEqual(4);
    // A closed FileHandle reports fd -1.
    expect(handles.map((h) => h.fd)).toStrictEqual(handles.map(() => -1));
  });

  it('leaves the note and no temporary file when the rename fails', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const spy = jest.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }));
    try {
      await expect(createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).rejects.toThrow('EXDEV');
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toStrictEqual(['n.md']);
  });

  it('still writes where the folder cannot be opened or flushed (as on Windows)', async () => {
    for (const failing of ['open', 'sync'] as const) {
      const dir = scratchFolder();
      const file = noteIn(dir);
      const realOpen = fsp.open.bind(fsp);
      const spy = jest.spyOn(fsp, 'open').mockImplementation(async (p, ...rest) => {
        if (p === dir && failing === 'open') throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
        const handle = await realOpen(p, ...rest);
        if (p === dir) handle.sync = () => Promise.reject(Object.assign(new Error('EINVAL'), { code: 'EINVAL' }));
        return handle;
      });
      try {
        expect(await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).toStrictEqual({ status: 'written' });
      } finally {
        spy.mockRestore();
      }
      expect(readFileSync(file, 'utf8')).toBe(NEW);
    }
  });

  it('swaps in a new file: a reader that opened the note before still reads the old text whole', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir, 'n.md', OLD.repeat(2000));
    const reader = openSync(file, 'r');
    try {
      expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD.repeat(2000), NEW)).status).toBe('written');
      const seen = Buffer.alloc(Buffer.byteLength(OLD.repeat(2000)) + 10);
      const length = readSync(reader, seen, 0, seen.length, 0);
      expect(seen.subarray(0, length).toString('utf8')).toBe(OLD.repeat(2000));
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(file, 'utf8')).toBe(NEW);
  });

  it('flushes the temporary file to disk before the rename, and the folder after it', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const opened = new Map<number, string>();
    const events: string[] = [];
    const nameOf = (p: string) => (p === dir ? 'folder' : p === file ? 'note' : p.endsWith('.repair-tmp') ? 'temporary' : p);
    const realOpen = fsp.open.bind(fsp);
    const probe = await realOpen(file, 'r');
    const prototype = Object.getPrototypeOf(probe) as { sync: (this: { fd: number }) => Promise<void> };
    await probe.close();
    const realSync = prototype.sync;
    const spies = [
      jest.spyOn(fsp, 'open').mockImplementation(async (p, ...rest) => {
        const handle = await realOpen(p, ...rest);
        opened.set(handle.fd, String(p));
        return handle;
      }),
      jest.spyOn(prototype, 'sync').mockImplementation(function (this: { fd: number }) {
        events.push(`sync ${nameOf(opened.get(this.fd) ?? '?')}`);
        return realSync.call(this);
      }),
      jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
        events.push(`rename ${nameOf(String(from))} over ${nameOf(String(to))}`);
        return renameSync(from, to);
      }),
    ];
    try {
      expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).status).toBe('written');
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(events).toStrictEqual(['sync temporary', 'rename temporary over note', 'sync folder']);
  });

  it('skips a note whose folder cannot be written, saying so; any other failure to make the temporary file is thrown', async () => {
    // Faked: the tests may run as root, whom a read-only folder does not stop.
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'EMFILE']) {
      const dir = scratchFolder();
      const file = noteIn(dir);
      const open = fsp.open.bind(fsp);
      const spy = jest.spyOn(fsp, 'open').mockImplementation(async (target, ...rest) =>
        String(target).endsWith('.repair-tmp') ? Promise.reject(Object.assign(new Error(`${code}: open`), { code })) : open(target, ...rest),
      );
      try {
        const result = createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
        if (code === 'EMFILE') await expect(result).rejects.toThrow('EMFILE');
        else expect(await result).toStrictEqual({ status: 'skipped', reason: `its folder cannot be written (${code}), and the repair writes a new file beside the note` });
      } finally {
        spy.mockRestore();
      }
      expect([readFileSync(file, 'utf8'), temporariesIn(dir)]).toStrictEqual([OLD, []]);
    }
  });

  it('leaves the note untouched and no temporary file when writing the new text fails (disk full)', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const probe = await fsp.open(file, 'r');
    const prototype = Object.getPrototypeOf(probe) as { writeFile: (...args: unknown[]) => Promise<void> };
    await probe.close();
    const spy = jest.spyOn(prototype, 'writeFile').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    try {
      await expect(createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).rejects.toThrow('ENOSPC');
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(temporariesIn(dir)).toStrictEqual([]);
  });
});

describe('another writer acting at each step of the write', () => {
  type Meddle = (file: string) => void;
  const append: Meddle = (file) => appendFileSync(file, THEIRS);
  const overwriteInPlace: Meddle = (file) => writeFileSync(file, THEIRS);

  async function writeWhile(step: WriteStep, meddle: Meddle) {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const inode = statSync(file).ino;
    let acted = 0;
    const writer = createNodeAtomicWriter({
      root: dir,
      onStep: (at) => {
        if (at === step) {
          acted++;
          meddle(file);
        }
      },
    });
    const result = await writer.replaceIfUnchanged(file, OLD, NEW);
    expect(acted).toBe(1);
    return { dir, file, result, inode };
  }

  const BEFORE_THE_SWAP = WRITE_STEPS.filter((step) => step !== 'renamed');
  // A write up to the re-check (after the temporary file is written and flushed) stops the swap: the
  // note is never replaced. One between the re-check and the rename is found after it, through the
  // handle on the replaced file, and their text is put back.
  const CAUGHT_BEFORE_THE_SWAP: readonly WriteStep[] = ['checked', 'temporary-written'];
  const RACED = 'another program wrote to it while it was being repaired';

  it.each(BEFORE_THE_SWAP)('an append at "%s" is kept, and the note is reported as not repaired', async (step) => {
    const { dir, file, result, inode } = await writeWhile(step, append);
    expect(readFileSync(file, 'utf8')).toBe(OLD + THEIRS);
    const caught = CAUGHT_BEFORE_THE_SWAP.includes(step);
    expect(reasonOf(result)).toContain(caught ? CHANGED_REASON : RACED);
    expect(statSync(file).ino === inode).toBe(caught);
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it.each(BEFORE_THE_SWAP)('an in-place rewrite at "%s" is kept, and the note is reported as not repaired', async (step) => {
    const { dir, file, result, inode } = await writeWhile(step, overwriteInPlace);
    expect(readFileSync(file, 'utf8')).toBe(THEIRS);
    const caught = CAUGHT_BEFORE_THE_SWAP.includes(step);
    expect(reasonOf(result)).toContain(caught ? CHANGED_REASON : RACED);
    expect(statSync(file).ino === inode).toBe(caught);
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it('a note deleted while the temporary file was written is reported, and nothing is left behind', async () => {
    const { dir, file, result } = await writeWhile('temporary-written', (note) => unlinkSync(note));
    expect(reasonOf(result)).toContain('changed since');
    expect(readdirSync(dir)).toStrictEqual([]);
    expect(() => readFileSync(file)).toThrow();
  });

  it('a path that now names a file on another device (same inode number) counts as changed', async () => {
    const realStat = fsp.stat.bind(fsp);
    let spy: jest.SpyInstance | null = null;
    try {
      const { result } = await writeWhile('temporary-written', () => {
        spy = jest.spyOn(fsp, 'stat').mockImplementation(async (p) => {
          const stats = await realStat(p);
          stats.dev += 1;
          return stats;
        });
      });
      expect(reasonOf(result)).toContain('changed since');
    } finally {
      (spy as jest.SpyInstance | null)?.mockRestore();
    }
  });

  it('another program writing both before and after the swap: the first write cannot be put back, and that is reported', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    let handle = -1;
    const writer = createNodeAtomicWriter({
      root: dir,
      onStep: (step) => {
        if (step === 'before-rename') handle = openSync(file, 'a');
        if (step === 'renamed') {
          appendFileSync(handle, THEIRS);
          closeSync(handle);
          appendFileSync(file, 'second write\n');
        }
      },
    });
    await expect(writer.replaceIfUnchanged(file, OLD, NEW)).rejects.toThrow('another program wrote to it twice');
    expect(readFileSync(file, 'utf8')).toBe(NEW + 'second write\n');
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it('an append right after the swap lands on the new text', async () => {
    const { file, result } = await writeWhile('renamed', append);
    expect(readFileSync(file, 'utf8')).toBe(NEW + THEIRS);
    expect(result.status).toBe('written');
  });

  it('a writer that opened the note before the swap and writes after it: its text is put back, and reported', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    let handle = -1;
    const steps: string[] = [];
    const writer = createNodeAtomicWriter({
      root: dir,
      onStep: (step, note) => {
        steps.push(`${step} ${path.basename(note)}`);
        if (step === 'before-rename') handle = openSync(file, 'a');
        if (step === 'renamed') {
          appendFileSync(handle, THEIRS);
          closeSync(handle);
        }
      },
    });
    const late = await writer.replaceIfUnchanged(file, OLD, NEW);
    // Putting their text back is no new write of the note: it reports no steps of its own.
    expect(steps).toStrictEqual(WRITE_STEPS.map((step) => `${step} n.md`));
    expect(reasonOf(late)).toContain('another program wrote to it');
    expect(readFileSync(file, 'utf8')).toBe(OLD + THEIRS);
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it.each(['checked', 'temporary-written'] as const)('a save by rename (as editors do) at "%s" is kept, and reported', async (step) => {
    const { dir, file, result } = await writeWhile(step, (note) => {
      writeFileSync(`${note}.editor-save`, THEIRS);
      renameSync(`${note}.editor-save`, note);
    });
    expect(readFileSync(file, 'utf8')).toBe(THEIRS);
    expect(result.status).toBe('skipped');
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it('an append after the write lands on the new text', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).status).toBe('written');
    append(file);
    expect(readFileSync(file, 'utf8')).toBe(NEW + THEIRS);
  });
});

describe('a process killed at each step of the write', () => {
  let script: string;
  beforeAll(() => {
    // The child runs the writer compiled from its TypeScript source, exactly as the tool bundles it.
    script = path.join(scratchFolder('pc-writer-child-'), 'child.js');
    buildSync({ entryPoints: [path.join(__dirname, 'child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });

  function killedAt(step: WriteStep) {
    const dir = scratchFolder();
    const file = noteIn(dir);
    writeFileSync(path.join(dir, '.expected'), OLD);
    writeFileSync(path.join(dir, '.next'), NEW);
    const child = spawnSync(process.execPath, [script, dir, file, path.join(dir, '.expected'), path.join(dir, '.next'), step], { encoding: 'utf8', timeout: 30_000 });
    return { dir, file, child };
  }

  it.each(WRITE_STEPS.map((step, i) => [step, i < WRITE_STEPS.indexOf('renamed') ? OLD : NEW] as const))(
    'killed at "%s": the note holds the old or the new text whole, and the next run removes what the dead one left',
    async (step, expected) => {
      const { dir, file, child } = killedAt(step);
      expect(child.signal).toBe('SIGKILL');
      expect(child.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(expected);
      const leftovers = temporariesIn(dir);
      expect(leftovers.every((name) => temporaryFileOwner(name) === child.pid)).toBe(true);
      expect(await removeLeftoverTemporaries(dir, readdirSync(dir))).toStrictEqual(leftovers);
      expect(temporariesIn(dir)).toStrictEqual([]);
      const again = await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, expected, NEW);
      expect(again.status).toBe('written');
      expect(readFileSync(file, 'utf8')).toBe(NEW);
    },
    60_000,
  );

  it('the child writes the note when nothing kills it (so the kills above are what stops it)', () => {
    const { file, child } = killedAt('none' as WriteStep);
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toStrictEqual({ status: 'written' });
    expect(readFileSync(file, 'utf8')).toBe(NEW);
  }, 60_000);
});

describe('leftover temporary files', () => {
  it('removes only ours, of processes that are gone, that are plain files', async () => {
    const dir = scratchFolder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const ours = `.n.md.${gone}-abc123.repair-tmp`;
    const running = '.n.md.1-abc123.repair-tmp';
    const notOurs = ['n.repair-tmp', '.n.md.repair-tmp', `.n.md.${gone}.repair-tmp`, `n.md.${gone}-abc.repair-tmp`, `.n.md.${gone}-abc.repair-tmp.bak`, `.n.md.${gone}-xyz.repair-tmp`];
    for (const name of [ours, running, ...notOurs]) writeFileSync(path.join(dir, name), 'x');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', ours), 'x');
    symlinkSync(path.join(dir, 'n.repair-tmp'), path.join(dir, `.m.md.${gone}-abc.repair-tmp`));
    const listed = [...readdirSync(dir), `sub/${ours}`];
    expect((await removeLeftoverTemporaries(dir, listed)).sort()).toStrictEqual([ours, `sub/${ours}`]);
    expect(readdirSync(dir).sort()).toStrictEqual([running, `.m.md.${gone}-abc.repair-tmp`, ...notOurs, 'sub'].sort());
  });

  it('removes one named with this process ID (an earlier process had it), skips a listed file already gone', async () => {
    const dir = scratchFolder();
    const mine = `.n.md.${process.pid}-abc.repair-tmp`;
    writeFileSync(path.join(dir, mine), 'x');
    expect(await removeLeftoverTemporaries(dir, [mine, '.gone.md.1234567-abc.repair-tmp'])).toStrictEqual([mine]);
    expect(readdirSync(dir)).toStrictEqual([]);
  });

  it('keeps one whose process belongs to another user (it may still be running)', async () => {
    const dir = scratchFolder();
    const theirs = '.n.md.4242-abc.repair-tmp';
    const gone = '.n.md.4343-abc.repair-tmp';
    writeFileSync(path.join(dir, theirs), 'x');
    writeFileSync(path.join(dir, gone), 'x');
    const spy = jest.spyOn(process, 'kill').mockImplementation((pid) => {
      throw Object.assign(new Error(pid === 4242 ? 'EPERM' : 'ESRCH'), { code: pid === 4242 ? 'EPERM' : 'ESRCH' });
    });
    try {
      expect(await removeLeftoverTemporaries(dir, [theirs, gone])).toStrictEqual([gone]);
    } finally {
      spy.mockRestore();
    }
    expect(readdirSync(dir)).toStrictEqual([theirs]);
  });
});

describe('files the writer must not replace blindly', () => {
  it('skips a read-only note and leaves its bytes and mode', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    chmodSync(file, 0o444);
    const result = await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
    expect(result).toStrictEqual({ status: 'skipped', reason: 'it is read-only' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('skips a note this account may not write, even one with write bits for others', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    const spy = jest.spyOn(fsp, 'access').mockRejectedValue(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    try {
      expect(await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).toStrictEqual({ status: 'skipped', reason: 'it is read-only' });
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe(OLD);
  });

  it.each([0o664, 0o600, 0o640, 0o2664].map((mode) => [mode.toString(8), mode]))('keeps mode %s whatever the umask', async (_octal, mode) => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    chmodSync(file, mode);
    const umask = process.umask(0o077);
    try {
      expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).status).toBe('written');
    } finally {
      process.umask(umask);
    }
    expect(statSync(file).mode & 0o7777).toBe(mode);
  });

  (isRoot ? it : it.skip)('keeps owner and group (needs root to give a file another owner)', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    chownSync(file, 1234, 2345);
    expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW)).status).toBe('written');
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 2345 });
  });

  (isRoot ? it : it.skip)('skips a note whose owner it cannot keep', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    chownSync(file, 1234, 2345);
    const probe = await fsp.open(file, 'r');
    const prototype = Object.getPrototypeOf(probe) as { chown: (...args: unknown[]) => Promise<void> };
    await probe.close();
    const spy = jest.spyOn(prototype, 'chown').mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' }));
    try {
      const result = await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
      expect(reasonOf(result)).toContain('owner or group could not be kept');
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 2345 });
    expect(temporariesIn(dir)).toStrictEqual([]);
  });

  it('writes through a symlink to a note inside the vault, keeping the symlink', async () => {
    const dir = scratchFolder();
    mkdirSync(path.join(dir, 'real'));
    const target = noteIn(path.join(dir, 'real'));
    const link = path.join(dir, 'link.md');
    symlinkSync(path.join('real', 'n.md'), link);
    expect((await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(link, OLD, NEW)).status).toBe('written');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(temporariesIn(path.join(dir, 'real'))).toStrictEqual([]);
  });

  it('skips a symlink to a file outside the vault', async () => {
    const outside = noteIn(scratchFolder());
    const dir = scratchFolder();
    const link = path.join(dir, 'link.md');
    symlinkSync(outside, link);
    const result = await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(link, OLD, NEW);
    expect(result).toStrictEqual({ status: 'skipped', reason: 'it is a symlink to a file outside the vault' });
    expect(readFileSync(outside, 'utf8')).toBe(OLD);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('skips a hard-linked note instead of splitting it from its other names', async () => {
    const dir = scratchFolder();
    const file = noteIn(dir);
    linkSync(file, path.join(dir, 'other name.md'));
    const result = await createNodeAtomicWriter({ root: dir }).replaceIfUnchanged(file, OLD, NEW);
    expect(result).toStrictEqual({ status: 'skipped', reason: 'it has 2 hard links, and replacing it would split them' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(statSync(file).ino).toBe(statSync(path.join(dir, 'other name.md')).ino);
  });
});
