/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // TypeScript first: `import '../main'` must load main.ts, never a main.js bundle left by a build.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^obsidian$': '<rootDir>/tests/mocks/obsidian.ts',
    // The vendored HyperMD mode requires its stylesheet; tests need no styles.
    '\\.css$': '<rootDir>/tests/mocks/styles.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/tests/browser/'],
  // Jest's 5 s default fails sound tests on a loaded machine (two cores shared with other work, a
  // cold ts-jest cache). Tests check behaviour, never speed, so the ceiling is generous; tests that
  // do heavy real I/O (packing, property runs on real files) set their own budget on top.
  testTimeout: 60_000,
};
