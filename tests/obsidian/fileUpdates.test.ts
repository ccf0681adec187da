/** @jest-environment jsdom */
import { FileUpdates } from '../../src/obsidian/fileUpdates';

describe('FileUpdates', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('debounces re-reads per path, longer for big files', () => {
    const reads: string[] = [];
    const updates = new FileUpdates(300, async (path) => void reads.push(path));
    updates.schedule('a.md');
    jest.advanceTimersByTime(200);
    updates.schedule('a.md');
    updates.schedule('big.md', 5_000_000);
    jest.advanceTimersByTime(299);
    expect(reads).toStrictEqual([]);
    jest.advanceTimersByTime(1);
    expect(reads).toStrictEqual(['a.md']);
    jest.advanceTimersByTime(9_999);
    expect(reads).toStrictEqual(['a.md']);
    jest.advanceTimersByTime(1);
    expect(reads).toStrictEqual(['a.md', 'big.md']);
  });

  it('settle runs pending re-reads at once and waits for them; reset forgets them and the versions', async () => {
    const reads: string[] = [];
    const updates = new FileUpdates(300, async (path) => void reads.push(path));
    updates.bump('a.md');
    updates.schedule('a.md');
    expect(updates.idle).toBe(false);
    await updates.settle();
    expect([reads, updates.idle]).toStrictEqual([['a.md'], true]);
    updates.schedule('b.md');
    updates.reset();
    jest.advanceTimersByTime(1000);
    expect([reads, updates.versionOf('a.md'), updates.idle]).toStrictEqual([['a.md'], 0, true]);
  });

  it('is not idle while a re-read runs', async () => {
    let finish!: () => void;
    const updates = new FileUpdates(300, () => new Promise<void>((resolve) => (finish = resolve)));
    updates.schedule('a.md');
    jest.advanceTimersByTime(300);
    expect(updates.idle).toBe(false);
    finish();
    await updates.settle();
    expect(updates.idle).toBe(true);
  });
});
