/**
 * fast-check for a seed sweep (jest.sweep.config.js maps `fast-check` here). The property tests run
 * with fixed seeds, so CI repeats itself; a sweep runs each `fc.assert` with a seed of its own, drawn
 * from SWEEP_SEED and the test's name (so `-t` on one test gives it the same seed), and SWEEP_TIMES
 * its number of runs. Everything else is fast-check's own. The test files import fast-check's
 * default export only, which is what this module gives them.
 */
import { createRequire } from 'module';
import type FastCheck from 'fast-check';

type Fc = typeof FastCheck;

// Under jest.sweep.config.js `fast-check` names this file, so that config gives the real one's path
// (jest's loader maps a package's name, not a path); elsewhere the name is the real one.
const realPath = (globalThis as { sweepFastCheckPath?: string }).sweepFastCheckPath ?? 'fast-check';
const real = (createRequire(__filename)(realPath) as { default: Fc }).default;

/** A 32-bit seed from the sweep's seed, the test's name and which of its asserts this is (FNV-1a). */
export function seedFor(sweepSeed: number, testName: string, assertNumber: number): number {
  let hash = (2166136261 ^ sweepSeed) >>> 0;
  for (const character of `${testName}#${assertNumber}`) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  return hash | 0;
}

/** The parameters a sweep gives an assert: another seed, more runs, and no replay path (it belongs to the old seed). */
export function sweepParameters<T>(parameters: FastCheck.Parameters<T> | undefined, seed: number, times: number): FastCheck.Parameters<T> {
  const { path: _replayPath, ...rest } = parameters ?? {};
  return { ...rest, seed, numRuns: Math.ceil((rest.numRuns ?? 100) * times) };
}

/**
 * The shell command that runs one test again with the same sweep. Jest's `-t` takes a regular
 * expression, so the name's special characters are escaped, and the whole is single-quoted for the shell.
 */
export function reproduceCommand(sweepSeed: number, times: number, testPath: string, testName: string): string {
  const pattern = `^${testName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return `SWEEP_SEED=${sweepSeed} SWEEP_TIMES=${times} npx jest -c jest.sweep.config.js ${testPath} -t '${pattern.replace(/'/g, "'\\''")}'`;
}

/** fast-check with `assert` swept. */
export function sweptFastCheck(sweepSeed: number, times: number): Fc {
  let currentTest = '';
  let assertNumber = 0;
  const sweptAssert = (property: Parameters<Fc['assert']>[0], parameters?: Parameters<Fc['assert']>[1]): ReturnType<Fc['assert']> => {
    const { currentTestName = '', testPath = '' } = expect.getState();
    if (currentTestName !== currentTest) {
      currentTest = currentTestName;
      assertNumber = 0;
    }
    const seed = seedFor(sweepSeed, currentTestName, assertNumber++);
    const reproduce = `Seed sweep: ${reproduceCommand(sweepSeed, times, testPath, currentTestName)} reproduces this.\n`;
    const annotate = (error: unknown): never => {
      if (error instanceof Error) error.message = reproduce + error.message;
      throw error;
    };
    try {
      const result = real.assert(property, sweepParameters(parameters, seed, times)) as unknown;
      return (result instanceof Promise ? result.catch(annotate) : result) as ReturnType<Fc['assert']>;
    } catch (error) {
      return annotate(error);
    }
  };
  return { ...real, assert: sweptAssert as Fc['assert'] };
}

export default sweptFastCheck(Number(process.env.SWEEP_SEED ?? 1), Number(process.env.SWEEP_TIMES ?? 3));
