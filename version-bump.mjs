// `npm version patch|minor|major`: keeps manifest.json and versions.json on the version npm writes
// into package.json (the shape of Obsidian's sample plugin). As `preversion` it only checks the new
// version, before anything is written; as `version` it writes both files, which npm then commits
// and tags (no "v" prefix, see .npmrc: Obsidian looks for a release named exactly the version).
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const targetVersion = process.env.npm_new_version ?? process.env.npm_package_version;

// Obsidian accepts only numbers and dots in a plugin's version (its release check says so).
if (targetVersion === undefined || !/^\d+\.\d+\.\d+$/.test(targetVersion)) {
  console.error(`version-bump: "${targetVersion ?? ''}" is not a version Obsidian accepts (numbers and dots, like 1.2.3); nothing was changed.`);
  process.exit(1);
}
if (process.env.npm_lifecycle_event === 'preversion') process.exit(0);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const manifest = readJson('manifest.json');
const { minAppVersion } = manifest;
manifest.version = targetVersion;
writeJson('manifest.json', manifest);

// Which app version each plugin version needs, so Obsidian offers older apps the last release they can run.
const versions = readJson('versions.json');
versions[targetVersion] = minAppVersion;
writeJson('versions.json', versions);
