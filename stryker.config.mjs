// Mutation testing of the write and apply path (`npm run test:mutation`; not part of `npm test`).
// Each mutant is a small change to the code (a condition flipped, a call removed); a mutant that no
// test notices marks a promise the tests do not hold. Scoped to what writes users' notes: the
// repair core, the command-line writer, and the plugin's runner, editor target and undo.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // Every test of jest.mutation.config.js's folders in the first run, each mutant then against the
  // tests that ran its code. With Jest's related-test filter (the runner's default) only the test
  // files that import a mutated file themselves ran, never one reaching it through other code (a
  // command, a controller): for titles.ts 217 of the repair folder's 485 tests, for src/core/check
  // 43 of 379 with MUTATION_TESTS=core/check,cli.
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/repair/**/*.ts',
    'src/cli/atomicWrite.ts',
    'src/obsidian/repair/runner.ts',
    'src/obsidian/repair/target.ts',
  ],
  // The machine is shared; the tests do real file I/O and spawn child processes.
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Stryker adds `// @ts-nocheck` to the files it matches; the default also matches tests/, where it
  // would change the vendored HyperMD mode that tests/editor checks byte for byte.
  disableTypeChecks: 'src/**/*.ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
