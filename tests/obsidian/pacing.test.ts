/** @jest-environment jsdom */
import { DEFAULT_PACING, Pacer } from '../../src/obsidian/pacing';

describe('Pacer', () => {
  it('is due once a slice is used up, and every worker asking then shares one yield with one report', async () => {
    let clock = 0;
    let yields = 0;
    const reports: number[] = [];
    const pacer = new Pacer(
      { ...DEFAULT_PACING, sliceMs: 10, reportEveryMs: 0, now: () => clock, yieldToEventLoop: async () => void yields++ },
      () => reports.push(clock),
    );
    expect(pacer.due()).toBe(false);
    clock = 10;
    expect(pacer.due()).toBe(true);
    await Promise.all([pacer.pause(), pacer.pause(), pacer.pause()]);
    expect([yields, reports]).toStrictEqual([1, [10]]);
    expect(pacer.due()).toBe(false);
  });

  it('reports progress at most every reportEveryMs', async () => {
    let clock = 0;
    const reports: number[] = [];
    const pacer = new Pacer({ ...DEFAULT_PACING, sliceMs: 1, reportEveryMs: 100, now: () => clock, yieldToEventLoop: async () => undefined }, () =>
      reports.push(clock),
    );
    for (clock = 0; clock <= 300; clock += 30) await pacer.pause();
    expect(reports).toStrictEqual([120, 240]);
  });

  it('reports once reportEveryMs have passed, not only after more', async () => {
    let clock = 0;
    const reports: number[] = [];
    const pacer = new Pacer({ ...DEFAULT_PACING, sliceMs: 1, reportEveryMs: 100, now: () => clock, yieldToEventLoop: async () => undefined }, () =>
      reports.push(clock),
    );
    for (clock = 0; clock <= 300; clock += 50) await pacer.pause();
    expect(reports).toStrictEqual([100, 200, 300]);
  });

  it('by default ends a slice after 30 ms: under the 50 ms PRODUCT.md lets a task take, with room for the note in hand', () => {
    let clock = 0;
    const pacer = new Pacer({ ...DEFAULT_PACING, now: () => clock }, () => undefined);
    clock = 29;
    expect(pacer.due()).toBe(false);
    clock = 30;
    expect(pacer.due()).toBe(true);
  });

  it('by default updates the indexing progress at most every 250 ms', async () => {
    let clock = 0;
    const reports: number[] = [];
    const pacer = new Pacer({ ...DEFAULT_PACING, now: () => clock, yieldToEventLoop: async () => undefined }, () => reports.push(clock));
    for (clock of [249, 250, 499, 500]) await pacer.pause();
    expect(reports).toStrictEqual([250, 500]);
  });

  it('the default yield comes back', async () => {
    await expect(DEFAULT_PACING.yieldToEventLoop()).resolves.toBeUndefined();
  });
});
