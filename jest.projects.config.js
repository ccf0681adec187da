/**
 * `npm test`: the unit tests (jest.config.js) and the browser tests (jest.browser.config.js) in one
 * Jest run, so CI gets one JSON result that counts both. Only project-level options of the two
 * configs apply here; run-wide options (reporters, workers) belong in this file.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: ['<rootDir>/jest.config.js', '<rootDir>/jest.browser.config.js'],
};
