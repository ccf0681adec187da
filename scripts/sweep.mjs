// `npm run test:sweep [-- --seeds 11,12 --times 3 [pattern …]]`: the property tests (every unit test
// file that imports fast-check) again, once per seed, with other seeds and SWEEP_TIMES their runs
// (jest.sweep.config.js). Without --seeds it draws three, so each sweep tries inputs no earlier one
// did; a failure prints the command that reproduces it. Exits 1 when any seed found a failure.
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, relative } from 'path';
import { fileURLToPath } from 'url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const args = process.argv.slice(2);

/** A bad argument: one line on stderr and exit 2, as the command-line tool does. */
function usage(message) {
  process.stderr.write(`test:sweep: ${message}\n`);
  process.exit(2);
}

function option(name) {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  if (value === undefined || value.startsWith('--')) usage(`${name} needs a value`);
  return value;
}

function isWholeNumber(text) {
  return /^\d+$/.test(text);
}

const seedsOption = option('--seeds');
const times = option('--times') ?? '3';
if (!isWholeNumber(times) || Number(times) < 1) usage(`--times takes a whole number of 1 or more, not ${times}`);
const seeds = seedsOption === undefined ? [1, 2, 3].map(() => Math.floor(Math.random() * 1_000_000)) : seedsOption.split(',');
for (const seed of seeds) if (!isWholeNumber(String(seed))) usage(`--seeds takes whole numbers separated by commas, not ${seedsOption}`);

/** Unit test files that import fast-check (the browser tests need Chromium and hold no property). */
function propertyTestFiles(folder) {
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'browser') files.push(...propertyTestFiles(path));
    } else if (entry.name.endsWith('.test.ts') && /from 'fast-check'/.test(readFileSync(path, 'utf8'))) files.push(relative(repo, path));
  }
  return files;
}

const patterns = args;
const files = propertyTestFiles(join(repo, 'tests')).filter((file) => patterns.length === 0 || patterns.some((pattern) => file.includes(pattern)));
if (files.length === 0) usage(`no property test file's path holds ${patterns.join(' or ')}`);
const failed = [];
for (const seed of seeds) {
  process.stdout.write(`Seed ${seed} (${files.length} files, ${times}× the runs)…\n`);
  const run = spawnSync(process.execPath, [jest, '-c', 'jest.sweep.config.js', ...files], {
    cwd: repo,
    env: { ...process.env, SWEEP_SEED: String(seed), SWEEP_TIMES: times },
    stdio: 'inherit',
  });
  if (run.error) throw run.error;
  if (run.status !== 0) failed.push(seed);
}
process.stdout.write(failed.length === 0 ? `Every property held for seeds ${seeds.join(', ')}.\n` : `Properties failed for seed ${failed.join(', ')} (see above for each test and the command that reproduces it).\n`);
process.exit(failed.length === 0 ? 0 : 1);
