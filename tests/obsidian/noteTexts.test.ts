import { NoteTextCache, type NoteTextCacheDeps } from '../../src/obsidian/noteTexts';

/** A cache over an in-memory vault whose reads wait until the test lets them finish. */
function cacheOver(files: Map<string, string>, options: Partial<NoteTextCacheDeps> = {}) {
  const reads: string[] = [];
  const pending: (() => void)[] = [];
  const scheduled: (() => void)[] = [];
  const cache = new NoteTextCache({
    read: (path) => {
      reads.push(path);
      return new Promise((resolve) => pending.push(() => resolve(files.get(path) ?? null)));
    },
    schedule: (run) => scheduled.push(run),
    ...options,
  });
  const heard: string[][] = [];
  cache.onLoaded((paths) => heard.push([...paths].sort()));
  /** Runs the scheduled batch and lets every read finish. */
  const finish = async (): Promise<void> => {
    for (const run of scheduled.splice(0)) run();
    for (let round = 0; round < 5; round++) {
      for (const resolve of pending.splice(0)) resolve();
      await Promise.resolve();
      await Promise.resolve();
    }
    await cache.settle();
    if (scheduled.length > 0) await finish();
  };
  return { cache, reads, heard, finish };
}

describe('NoteTextCache', () => {
  const files = new Map([
    ['a.md', 'A text'],
    ['b.md', 'B text'],
    ['c.md', 'C text'],
  ]);

  it('answers undefined for a text not at hand, reads it in the background, and tells listeners which arrived', async () => {
    const { cache, reads, heard, finish } = cacheOver(files);
    expect(cache.textOf('a.md')).toBeUndefined();
    expect(cache.textOf('b.md')).toBeUndefined();
    expect(cache.textOf('a.md')).toBeUndefined();
    await finish();
    expect(reads).toEqual(['a.md', 'b.md']);
    expect(heard).toEqual([['a.md', 'b.md']]);
    expect(cache.textOf('a.md')).toBe('A text');
    expect(reads).toHaveLength(2);
  });

  it('keeps the most recently used texts within its budget of characters', async () => {
    const { cache, reads, finish } = cacheOver(files, { budget: 12 });
    cache.textOf('a.md');
    cache.textOf('b.md');
    await finish();
    expect(cache.textOf('a.md')).toBe('A text');
    cache.textOf('c.md');
    await finish();
    // c pushed out the least recently used text, b; a was used since.
    expect(cache.textOf('a.md')).toBe('A text');
    expect(cache.textOf('b.md')).toBeUndefined();
    expect(reads).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('does not keep a text read while the note changed, and reads it again when asked', async () => {
    const { cache, reads, heard, finish } = cacheOver(files);
    cache.textOf('a.md');
    const scheduledRead = finish();
    cache.forget('a.md');
    await scheduledRead;
    expect(heard).toEqual([]);
    expect(cache.textOf('a.md')).toBeUndefined();
    await finish();
    expect(cache.textOf('a.md')).toBe('A text');
    expect(reads).toEqual(['a.md', 'a.md']);
  });

  it('asks for a note that cannot be read only once, until it changes', async () => {
    const { cache, reads, finish } = cacheOver(files);
    cache.textOf('gone.md');
    await finish();
    cache.textOf('gone.md');
    await finish();
    expect(reads).toEqual(['gone.md']);
    cache.forget('gone.md');
    cache.textOf('gone.md');
    await finish();
    expect(reads).toEqual(['gone.md', 'gone.md']);
  });

  it('takes a text remembered from elsewhere without reading, and tells listeners at once', () => {
    const { cache, reads, heard } = cacheOver(files);
    cache.remember('a.md', 'edited');
    expect(heard).toEqual([['a.md']]);
    expect(cache.textOf('a.md')).toBe('edited');
    expect(reads).toEqual([]);
  });

  it('forgets everything on clear, and a read from before the clear is dropped', async () => {
    const { cache, heard, finish } = cacheOver(files);
    cache.remember('b.md', 'B text');
    cache.textOf('a.md');
    const scheduledRead = finish();
    cache.clear();
    await scheduledRead;
    expect(cache.textOf('b.md')).toBeUndefined();
    expect(heard).toEqual([['b.md']]);
  });
});
