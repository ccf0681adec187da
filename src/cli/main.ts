/** Entry of the `principle-chain` command (bundled to dist/cli.js, run by bin/principle-chain.js). */
import { version } from '../../package.json';
import { describeError } from './readVault';
import { runCli } from './run';
import { outputStyleFor } from './textLayout';
import { nodeVaultFs } from './vaultFs';

/**
 * Set when the output could not be written (a full disk, a closed terminal): the run then ends with
 * exit code 2, never 0 or 1, which would read as "checked, and this is the result".
 */
let outputFailed = false;

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) closes the pipe: it has what it wanted, no error to report.
    if (error.code === 'EPIPE' || outputFailed) return;
    outputFailed = true;
    // Not thrown: that would end the run with a stack trace, perhaps between two files of a repair.
    if (stream === process.stdout) process.stderr.write(`principle-chain: cannot write the output (${describeError(error)})\n`);
    process.exitCode = 2;
  });
}

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  version,
  fs: nodeVaultFs,
  style: outputStyleFor(process.stdout, process.env),
}).then((code) => {
  process.exitCode = outputFailed ? 2 : code;
});
