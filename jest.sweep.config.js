/**
 * `npm run test:sweep`: the unit tests with fast-check swapped for tests/sweep/fastCheckSweep.ts,
 * which runs every property with another seed (SWEEP_SEED) and more runs (SWEEP_TIMES). Not part
 * of `npm test`: a sweep looks for inputs the fixed seeds have not tried, and takes longer.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  moduleNameMapper: { ...base.moduleNameMapper, '^fast-check$': '<rootDir>/tests/sweep/fastCheckSweep.ts' },
  // The real fast-check, for that file (which the name `fast-check` now gives).
  globals: { sweepFastCheckPath: require.resolve('fast-check') },
  testTimeout: 20 * base.testTimeout,
};
