/** Entry of the `principle-chain` command (bundled to dist/cli.js, run by bin/principle-chain.js). */
import { existsSync } from 'fs';
import * as path from 'path';
import { version } from '../../package.json';
import { runCli } from './run';
import { nodeVaultFs } from './vaultFs';

/** The bundled example vault: beside dist/ in the package, two levels up when run from src/cli. */
function exampleVault(): string {
  const candidates = [path.resolve(__dirname, '..', 'example-vault'), path.resolve(__dirname, '..', '..', 'example-vault')];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

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
  defaultVault: exampleVault(),
  version,
  fs: nodeVaultFs,
}).then((code) => {
  process.exitCode = code;
});
