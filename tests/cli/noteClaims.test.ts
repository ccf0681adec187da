import fc from 'fast-check';
import { NoteClaims } from '../../src/cli/noteClaims';

// Claims made in any order by the main thread and any number of scanning threads, until each has
// been told nothing is left: every note is claimed once, the main thread's from the front.
describe('NoteClaims', () => {
  test('the main thread takes a first stretch, and the runs cover the rest once each, whatever the order', () => {
    const claimant = fc.record({ thread: fc.nat({ max: 3 }), runNotes: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.array(claimant, { maxLength: 80 }), (total, order) => {
        const claims = NoteClaims.create(total);
        // Thread 0 is the main thread; the others are scanning threads (each a separate NoteClaims on the same counters, as a worker has).
        const views = [claims, ...[1, 2, 3].map(() => new NoteClaims(claims.counters, total))];
        const done = [false, false, false, false];
        let mainNotes = 0;
        const runs: (readonly [number, number])[] = [];
        const claim = (thread: number, runNotes: number) => {
          if (done[thread]) return;
          if (thread === 0) {
            if (views[0].claimNext()) mainNotes++;
            else done[0] = true;
            return;
          }
          const run = views[thread].claimRun(runNotes);
          if (run === null) done[thread] = true;
          else {
            expect(run[1] - run[0]).toBeGreaterThan(0);
            expect(run[1] - run[0]).toBeLessThanOrEqual(runNotes);
            runs.push(run);
          }
        };
        for (const { thread, runNotes } of order) claim(thread, runNotes);
        // Then each goes on until told that nothing is left.
        for (let thread = 0; thread < 4; thread++) while (!done[thread]) claim(thread, 4);
        const covered = [...Array.from({ length: mainNotes }, (_, i) => i), ...runs.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i))];
        expect(covered.sort((a, b) => a - b)).toStrictEqual(Array.from({ length: total }, (_, i) => i));
        // Runs are claimed from the back: each ends where the one before it starts.
        runs.forEach(([, to], i) => expect(to).toBe(i === 0 ? total : runs[i - 1][0]));
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  test('counters handed to a worker thread are shared with it, not copied', async () => {
    const { Worker } = await import('worker_threads');
    const claims = NoteClaims.create(10);
    for (let i = 0; i < 4; i++) claims.claimNext();
    // The worker counts the 6 notes left as claimed on the counters it was handed.
    const worker = new Worker(`const { workerData, parentPort } = require('worker_threads'); parentPort.postMessage(Atomics.add(workerData, 0, 6));`, {
      eval: true,
      workerData: claims.counters,
    });
    const before = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(before).toBe(4);
    expect(claims.claimNext()).toBe(false);
  });
});
