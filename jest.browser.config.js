/**
 * Browser tests (tests/browser/*.browser.test.ts): the playground built from the plugin's sources,
 * served on 127.0.0.1 and driven in Debian's Chromium through playwright-core. `npm test` runs them
 * next to the unit tests (jest --projects); without /usr/bin/chromium they are skipped, except in CI.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'browser',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/browser'],
  testMatch: ['**/*.browser.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // Each file also sets the harness's TIMEOUT; this covers hooks and anything outside a file's own setting.
  testTimeout: 240_000,
  globalSetup: '<rootDir>/tests/browser/globalSetup.js',
  globalTeardown: '<rootDir>/tests/browser/globalTeardown.js',
};
