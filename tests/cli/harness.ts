/**
 * Runs the tool in-process with captured output, from inside a copy of the example vault (so it is the default vault).
 * The tests run on a copy so that a regression that makes the tool write (a repair that ignores a missing
 * --apply, say) cannot change the repository's own example vault, which `npm start` and other tests read.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { nodeVaultFs } from '../../src/cli/vaultFs';

export const REPOSITORY = path.resolve(__dirname, '..', '..');
/** The folder holding this test file's copy of the example vault, under the same name; the place to name it from. */
export const VAULT_PARENT = mkdtempSync(path.join(tmpdir(), 'pc-cli-'));
export const EXAMPLE_VAULT = path.join(VAULT_PARENT, 'example-vault');
cpSync(path.join(REPOSITORY, 'example-vault'), EXAMPLE_VAULT, { recursive: true, preserveTimestamps: true });
afterAll(() => rmSync(VAULT_PARENT, { recursive: true, force: true }));

/** Makes temporary folders holding the files given (paths may name subfolders), removed after the test file's tests. */
export function scratchFolders(prefix: string): (files?: Record<string, string | Buffer>) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (files = {}) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
}

/** Bundles the tool into `dist` as npm builds it (`node esbuild.config.mjs cli DIR`), for tests that run the built files. */
export function buildTool(dist: string): void {
  const built = spawnSync(process.execPath, ['esbuild.config.mjs', 'cli', dist], { cwd: REPOSITORY, encoding: 'utf8' });
  if (built.error !== undefined) throw built.error;
  if (built.status !== 0) throw new Error(`Bundling the tool failed (exit ${String(built.status)}):\n${built.stderr}`);
}

/**
 * A scratch folder laid out as the installed package is, bin/principle-chain.js beside the bundled
 * dist/, for tests that run the real thing; the caller removes it.
 */
export function packagedTool(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(dir, 'bin'));
  cpSync(path.join(REPOSITORY, 'bin/principle-chain.js'), path.join(dir, 'bin/principle-chain.js'));
  buildTool(path.join(dir, 'dist'));
  return dir;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: EXAMPLE_VAULT,
    version: '9.9.9-test',
    fs: nodeVaultFs,
    ...io,
  });
  return { code, stdout, stderr };
}

/** Runs a --json command and parses its output, failing with stderr when it did not print JSON. */
export async function runJson(argv: readonly string[], io: Partial<CliIo> = {}): Promise<{ code: number; json: unknown }> {
  const result = await run([...argv, '--json'], io);
  if (result.stdout === '') throw new Error(`no output (exit ${result.code}): ${result.stderr}`);
  return { code: result.code, json: JSON.parse(result.stdout) };
}
