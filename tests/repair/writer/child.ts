/**
 * A child process that repairs one note with the command-line writer and kills itself (SIGKILL, no
 * clean-up of any kind) at the step named by its last argument: the crash the fault-injection test
 * needs. Arguments: vault root, note path, file with the expected text, file with the new text, step.
 */
import { readFileSync } from 'fs';
import { createNodeAtomicWriter } from '../../../src/cli/atomicWrite';

const [root, note, expectedFile, nextFile, killAt] = process.argv.slice(2);
const writer = createNodeAtomicWriter({
  root,
  onStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
void writer.replaceIfUnchanged(note, readFileSync(expectedFile, 'utf8'), readFileSync(nextFile, 'utf8')).then((result) => {
  process.stdout.write(JSON.stringify(result));
});
