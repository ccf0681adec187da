import fc from 'fast-check';
import { reproduceCommand, seedFor, sweepParameters, sweptFastCheck } from './fastCheckSweep';

describe('the seed sweep (npm run test:sweep)', () => {
  const sweep = sweptFastCheck(7, 3);

  it('gives each assert a seed of its own, the same on every run', () => {
    const seeds = [seedFor(7, 'a test', 0), seedFor(7, 'a test', 1), seedFor(7, 'another test', 0), seedFor(8, 'a test', 0)];
    expect(new Set(seeds).size).toBe(4);
    expect(seedFor(7, 'a test', 0)).toBe(seeds[0]);
    for (const seed of seeds) expect(Number.isSafeInteger(seed) && seed >= -(2 ** 31) && seed < 2 ** 31).toBe(true);
  });

  it('multiplies the runs, replaces the seed and drops a replay path, keeping the rest', () => {
    expect(sweepParameters({ seed: 4242, numRuns: 150, path: '3:1', endOnFailure: true }, 99, 3)).toStrictEqual({ seed: 99, numRuns: 450, endOnFailure: true });
    // fast-check's default is 100 runs.
    expect(sweepParameters(undefined, 5, 2)).toStrictEqual({ seed: 5, numRuns: 200 });
  });

  it('runs an assert with its runs times SWEEP_TIMES, and leaves the rest of fast-check as it is', () => {
    let runs = 0;
    sweep.assert(
      fc.property(fc.nat(), () => {
        runs++;
      }),
      { numRuns: 10, seed: 1 },
    );
    expect(runs).toBe(30);
    expect(sweep.property).toBe(fc.property);
  });

  it("names one test for jest's -t exactly, quoted for the shell", () => {
    expect(reproduceCommand(7, 3, '/repo/tests/a.test.ts', "a (b) c's $x [1].*")).toBe(
      "SWEEP_SEED=7 SWEEP_TIMES=3 npx jest -c jest.sweep.config.js /repo/tests/a.test.ts -t '^a \\(b\\) c'\\''s \\$x \\[1\\]\\.\\*$'",
    );
    // The pattern jest is given matches that name and not a longer one.
    const pattern = new RegExp('^a \\(b\\) c\'s \\$x \\[1\\]\\.\\*$');
    expect(pattern.test("a (b) c's $x [1].*")).toBe(true);
    expect(pattern.test("a (b) c's $x [1].* and more")).toBe(false);
  });

  it('uses the seed drawn for the test and names the command that reproduces a failure', async () => {
    const { currentTestName = '', testPath = '' } = expect.getState();
    const failing = fc.property(fc.nat(), (n) => n < 0);
    expect(() => sweep.assert(failing, { numRuns: 5, seed: 1 })).toThrow(`Seed sweep: ${reproduceCommand(7, 3, testPath, currentTestName)} reproduces this.`);
    // The second assert of this test: fast-check reports the seed drawn for it.
    expect(() => sweep.assert(failing)).toThrow(`seed: ${seedFor(7, currentTestName, 1)},`);
    await expect(sweep.assert(fc.asyncProperty(fc.nat(), (n) => Promise.resolve(n < 0)))).rejects.toThrow('Seed sweep: SWEEP_SEED=7');
  });
});
