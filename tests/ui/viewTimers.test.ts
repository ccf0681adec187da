/** @jest-environment jsdom */
import { ViewTimers } from '../../src/ui/chain/timers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a timer runs once after its delay, and is pending until then', () => {
  const timers = new ViewTimers<'refresh'>();
  const runs: string[] = [];
  timers.start('refresh', 100, () => runs.push('refresh'));
  expect(timers.isPending('refresh')).toBe(true);
  jest.advanceTimersByTime(99);
  expect(runs).toStrictEqual([]);
  jest.advanceTimersByTime(1);
  expect(runs).toStrictEqual(['refresh']);
  expect(timers.isPending('refresh')).toBe(false);
  jest.advanceTimersByTime(1000);
  expect(runs).toStrictEqual(['refresh']);
});

test('starting a timer again replaces the pending run of the same name only', () => {
  const timers = new ViewTimers<'refresh' | 'filter'>();
  const runs: string[] = [];
  timers.start('refresh', 100, () => runs.push('first'));
  timers.start('filter', 150, () => runs.push('filter'));
  jest.advanceTimersByTime(50);
  timers.start('refresh', 100, () => runs.push('second'));
  jest.advanceTimersByTime(1000);
  expect(runs).toStrictEqual(['filter', 'second']);
});

test('cancel stops one pending run; cancelAll stops every one', () => {
  const timers = new ViewTimers<'refresh' | 'filter' | 'progress'>();
  const runs: string[] = [];
  for (const name of ['refresh', 'filter', 'progress'] as const) timers.start(name, 100, () => runs.push(name));
  timers.cancel('filter');
  timers.cancel('filter');
  expect(timers.isPending('filter')).toBe(false);
  expect(timers.isPending('refresh')).toBe(true);
  timers.cancelAll();
  expect(timers.isPending('refresh') || timers.isPending('progress')).toBe(false);
  jest.advanceTimersByTime(1000);
  expect(runs).toStrictEqual([]);
  expect(jest.getTimerCount()).toBe(0);
});
