/**
 * The tests `npm run test:mutation` runs against each mutant: the repair feature's, which cover every
 * mutated file (stryker.config.mjs). `MUTATION_TESTS=core/check,cli` runs those folders of tests/
 * instead, for mutating code outside the write path (`--mutate src/core/check/checkVault.ts`).
 * `MUTATION_IGNORE=propert` leaves out the test files whose path matches (here the fast-check
 * suites, which run for nearly every mutant of the scanner); check what survives against them by hand.
 *
 * Stryker learns which tests cover which mutant through its own wrapper of the test environment.
 * Jest resolves a test file's `@jest-environment` docblock from `rootDir`, so `rootDir` is a folder
 * whose node_modules holds a `jest-environment-jsdom` and a `jest-environment-node` that are
 * Stryker's wrapped ones; every other path is absolute. Plain `npm test` is not affected.
 * @type {import('jest').Config}
 */
const fs = require('fs');
const path = require('path');

const repository = __dirname;
const environmentRoot = path.join(repository, '.stryker-tmp', 'jest-env');
// Both environments a test file's docblock may name (`@jest-environment jsdom` or `node`).
for (const name of ['jsdom', 'node']) {
  const shim = path.join(environmentRoot, 'node_modules', `jest-environment-${name}`);
  fs.mkdirSync(shim, { recursive: true });
  fs.writeFileSync(path.join(shim, 'package.json'), JSON.stringify({ name: `jest-environment-${name}`, main: 'index.js' }));
  const wrapped = require.resolve(`@stryker-mutator/jest-runner/jest-env/${name}`, { paths: [repository] });
  fs.writeFileSync(path.join(shim, 'index.js'), `module.exports = require(${JSON.stringify(wrapped)});\n`);
}

module.exports = {
  rootDir: environmentRoot,
  testEnvironment: 'node',
  roots: (process.env.MUTATION_TESTS ?? 'repair').split(',').map((folder) => path.join(repository, 'tests', folder.trim())),
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.MUTATION_IGNORE ?? '').split(',').filter((pattern) => pattern.trim() !== '')],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(repository, 'tsconfig.json') }],
  },
  moduleNameMapper: {
    '^obsidian$': path.join(repository, 'tests', 'mocks', 'obsidian.ts'),
    // As jest.config.js: the vendored HyperMD mode requires its stylesheet; tests need no styles.
    '\\.css$': path.join(repository, 'tests', 'mocks', 'styles.ts'),
  },
  testTimeout: 60_000,
};
