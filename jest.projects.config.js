/**
 * `npm test`: the unit tests (jest.config.js) and the browser tests (jest.browser.config.js) in one
 * Jest run, so CI gets one JSON result that counts both. Only project-level options of the two
 * configs apply here; run-wide options (reporters, workers) belong in this file.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: ['<rootDir>/jest.config.js', '<rootDir>/jest.browser.config.js'],
  // A leaked handle (a browser or server a failing test never closed) must not keep CI waiting
  // after every result is in; the results are complete by then.
  forceExit: true,
};
