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
    expect(reads).toStrictEqual(['a.md', 'b.md']);
    expect(heard).toStrictEqual([['a.md', 'b.md']]);
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
    expect(reads).toStrictEqual(['a.md', 'b.md', 'c.md']);
  });

  it('does not keep a text read while the note changed, and reads it again when asked', async () => {
    const { cache, reads, heard, finish } = cacheOver(files);
    cache.textOf('a.md');
    const scheduledRead = finish();
    cache.forget('a.md');
    await scheduledRead;
    expect(heard).toStrictEqual([]);
    expect(cache.textOf('a.md')).toBeUndefined();
    await finish();
    expect(cache.textOf('a.md')).toBe('A text');
    expect(reads).toStrictEqual(['a.md', 'a.md']);
  });

  it('asks for a note that cannot be read only once, until it changes', async () => {
    const { cache, reads, finish } = cacheOver(files);
    cache.textOf('gone.md');
    await finish();
    cache.textOf('gone.md');
    await finish();
    expect(reads).toStrictEqual(['gone.md']);
    cache.forget('gone.md');
    cache.textOf('gone.md');
    await finish();
    expect(reads).toStrictEqual(['gone.md', 'gone.md']);
  });

  it('takes a text remembered from elsewhere without reading, and tells listeners at once', () => {
    const { cache, reads, heard } = cacheOver(files);
    cache.remember('a.md', 'edited');
    expect(heard).toStrictEqual([['a.md']]);
    expect(cache.textOf('a.md')).toBe('edited');
    expect(reads).toStrictEqual([]);
  });

  it('forgets everything on clear, and a read from before the clear is dropped', async () => {
    const { cache, heard, finish } = cacheOver(files);
    cache.remember('b.md', 'B text');
    cache.textOf('a.md');
    const scheduledRead = finish();
    cache.clear();
    await scheduledRead;
    expect(cache.textOf('b.md')).toBeUndefined();
    expect(heard).toStrictEqual([['b.md']]);
  });

  it('keeps the text just read even when it alone is over the budget', async () => {
    const { cache, reads, finish } = cacheOver(files, { budget: 3 });
    cache.textOf('a.md');
    await finish();
    expect(cache.textOf('a.md')).toBe('A text');
    expect(reads).toStrictEqual(['a.md']);
  });

  it('frees the room of a text it forgets or replaces', () => {
    const { cache } = cacheOver(files, { budget: 12 });
    cache.remember('a.md', 'A text');
    cache.forget('a.md');
    cache.remember('b.md', 'B text');
    cache.remember('b.md', 'B text');
    cache.remember('c.md', 'C text');
    // a went and b's first copy was replaced, so b and c fit the 12 characters together.
    expect([cache.textOf('b.md'), cache.textOf('c.md')]).toStrictEqual(['B text', 'C text']);
  });

  it('reads texts asked for while a batch was read in the next batch', async () => {
    const heard: string[][] = [];
    const reads: string[] = [];
    const cache = new NoteTextCache({ read: async (path) => (reads.push(path), await Promise.resolve(), files.get(path) ?? null), schedule: (run) => run() });
    cache.onLoaded((paths) => heard.push([...paths]));
    cache.textOf('a.md');
    cache.textOf('b.md');
    await cache.settle();
    expect(heard).toStrictEqual([['a.md'], ['b.md']]);
    expect(reads).toStrictEqual(['a.md', 'b.md']);
    expect(cache.textOf('b.md')).toBe('B text');
  });

  it('reads as many texts at a time as its concurrency allows', async () => {
    let running = 0;
    let most = 0;
    const cache = new NoteTextCache({
      read: async (path) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
        return files.get(path) ?? null;
      },
      schedule: (run) => run(),
      concurrency: 2,
    });
    for (const path of files.keys()) cache.textOf(path);
    await cache.settle();
    expect(most).toBe(2);
  });

  it('stops telling a listener that unsubscribed, and keeps telling the others when one throws', () => {
    const { cache, heard } = cacheOver(files);
    const extra: string[][] = [];
    const unsubscribe = cache.onLoaded((paths) => extra.push([...paths]));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      cache.onLoaded(() => {
        throw new Error('broken view');
      });
      cache.remember('a.md', 'x');
      unsubscribe();
      cache.remember('b.md', 'y');
      expect(extra).toStrictEqual([['a.md']]);
      expect(heard).toStrictEqual([['a.md'], ['b.md']]);
      expect(logged).toHaveBeenCalledWith('Principle Chain: a note text listener failed', expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  });
});
