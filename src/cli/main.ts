/** Entry of the `principle-chain` command (bundled to dist/cli.js, run by bin/principle-chain.js). */
import { version } from '../../package.json';
import { runCli } from './run';
import { outputStyleFor } from './textLayout';
import { nodeVaultFs } from './vaultFs';

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
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
  process.exitCode = code;
});
