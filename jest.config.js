/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // TypeScript first: `import '../main'` must load main.ts, never a main.js bundle left by a build.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^obsidian$': '<rootDir>/tests/mocks/obsidian.ts',
    // The vendored HyperMD mode requires its stylesheet; tests need no styles.
    '\\.css$': '<rootDir>/tests/mocks/styles.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/tests/browser/'],
};
