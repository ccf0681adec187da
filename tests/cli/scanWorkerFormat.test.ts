/** A scanning thread takes the custom pattern the main thread checked, without analysing it again. */
import { isSafePattern } from 'redos-detector';
import { NoteClaims } from '../../src/cli/noteClaims';
import { scanRun } from '../../src/cli/scanWorker';
import { EXAMPLE_VAULT } from './harness';

// The backtracking analysis as it is, watched: whether a thread runs it.
jest.mock('redos-detector', () => {
  const actual = jest.requireActual<typeof import('redos-detector')>('redos-detector');
  return { ...actual, isSafePattern: jest.fn(actual.isSafePattern) };
});

it('scans with the pattern as given, and never runs the analysis (each thread would run it again)', () => {
  const notePaths = ['202201100900 Clarity is a gift to the team.md'];
  const output = scanRun({ directory: EXAMPLE_VAULT, notePaths, claims: NoteClaims.create(1).counters, format: '2022\\d{8}', ownIdSources: ['filename'], frontmatterKey: 'id' });
  expect(output.runs.flatMap((run) => run.notes)).toStrictEqual([0]);
  expect(jest.mocked(isSafePattern)).not.toHaveBeenCalled();
});
