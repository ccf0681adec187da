/**
 * Repair planning over a whole vault (the "Repair ID links in vault…" plan step) against the bare
 * pass: as the plugin and the command line plan, reading only the notes the index cannot rule out.
 */
import { createRepairContext } from '../../src/core/repair/context';
import { planRepairs } from '../../src/core/repair/plan';
import { createNoteScreen, filesToPlan } from '../../src/core/repair/screen';
import type { IdIndex } from '../../src/core/index/idIndex';
import { ratioRow, timePair } from '../harness';
import type { BenchOptions, Row } from '../harness';
import { barePassFromDisk } from './build';
import { readText } from '../inputs';
import type { BenchInput } from '../inputs';

/** Plans repairs for the whole vault, with the index already built. */
export function repairRows(input: BenchInput, index: IdIndex, options: BenchOptions): Row[] {
  const context = createRepairContext({ format: input.format, index, paths: input.paths });
  let edits = 0;
  let problems = 0;
  const timed = timePair(
    () => {
      const plan = planRepairs(filesToPlan(input.paths, (path) => readText(input, path), createNoteScreen(index, context)), context);
      edits = plan.files.reduce((sum, file) => sum + file.edits.length, 0);
      problems = plan.problems.length;
    },
    () => barePassFromDisk(input),
    options,
  );
  return [
    ratioRow('Repair planning, whole vault (read + plan)', input.label, timed.subject.median, 'read + one ID regex', timed.baseline.median, 2, `${edits.toLocaleString('en-US')} edits planned, ${problems.toLocaleString('en-US')} problems reported; index built beforehand; notes it rules out are not read`),
  ];
}
