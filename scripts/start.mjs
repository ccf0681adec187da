// `npm start`: rebuild the command-line tool, then show `check` and `chain` on the bundled example
// vault, named explicitly (the tool's default vault is the current folder). `check` exits 1 because the example vault holds problems on purpose; only exit 2 (usage
// error, unreadable vault) or a crash fails this script.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHAIN_START = '202201100900';

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 2;
}

function show(heading, args) {
  console.log(`\n=== ${heading}\n$ principle-chain ${args.join(' ')}\n`);
  const status = run([path.join('bin', 'principle-chain.js'), ...args]);
  if (status !== 0 && status !== 1) {
    console.error(`\nprinciple-chain ${args[0]} failed (exit ${status}).`);
    process.exit(status);
  }
}

// Always rebuild, so a stale dist/cli.js never answers for changed sources.
if (run(['esbuild.config.mjs', 'cli']) !== 0) {
  console.error('Building the command-line tool failed.');
  process.exit(2);
}
const VAULT = 'example-vault/';
show('Link health of the example vault (it holds problems on purpose)', ['check', VAULT]);
show(`The principle chain of ${CHAIN_START}`, ['chain', CHAIN_START, '--depth', '4', '--vault', VAULT]);
console.log('\nTry your own vault: cd into it and run npx principle-chain check, or give --vault PATH (see README, "Command-line tool").');
