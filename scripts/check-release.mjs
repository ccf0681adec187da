// The release workflow's first step: the pushed tag must be the version that package.json,
// manifest.json and versions.json all name, or no release is made (Obsidian finds a plugin's files
// in the release named exactly manifest.json's version).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const [tag, root = process.cwd()] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const pkg = read('package.json');
const manifest = read('manifest.json');
const versions = read('versions.json');

const problems = [];
if (tag === undefined || tag === '') problems.push('no tag given (usage: node scripts/check-release.mjs TAG [ROOT])');
else if (!/^\d+\.\d+\.\d+$/.test(tag)) problems.push(`the tag "${tag}" is not a version of numbers and dots, like 1.2.3 (no "v")`);
if (pkg.version !== tag) problems.push(`package.json has version ${pkg.version}, the tag is ${tag}`);
if (manifest.version !== tag) problems.push(`manifest.json has version ${manifest.version}, the tag is ${tag}`);
if (versions[tag] !== manifest.minAppVersion) {
  problems.push(`versions.json maps ${tag} to ${versions[tag] ?? 'nothing'}, manifest.json's minAppVersion is ${manifest.minAppVersion}`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-release: ${problem}`);
  console.error('check-release: make releases with npm version patch|minor|major, then push the commit and its tag.');
  process.exit(1);
}
console.log(`check-release: ${tag} is the version of package.json, manifest.json and versions.json.`);
