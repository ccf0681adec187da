/**
 * The one place that decides whether the browser tests run. With Chromium present it builds the
 * playground into a temporary folder and serves it on 127.0.0.1 for every browser test file. Without
 * it, the tests are skipped with one line saying so, or fail when CI is set. The decision travels to
 * the test files in BROWSER_TESTS_MODE (run, skip or fail), the page in PLAYGROUND_URL.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Debian's Chromium; BROWSER_TESTS_CHROMIUM names another binary (or a missing one, to try the skip). */
const CHROMIUM = process.env.BROWSER_TESTS_CHROMIUM || '/usr/bin/chromium';

const inCi = () => {
  const value = process.env.CI;
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
};

module.exports = async function globalSetup() {
  process.env.BROWSER_TESTS_CHROMIUM = CHROMIUM;
  if (!fs.existsSync(CHROMIUM)) {
    const ci = inCi();
    process.env.BROWSER_TESTS_MODE = ci ? 'fail' : 'skip';
    process.stderr.write(
      ci
        ? `\nBrowser tests fail: ${CHROMIUM} is missing and CI is set. Install it: apt-get install -y chromium\n`
        : `\nBrowser tests skipped: ${CHROMIUM} is missing. Install it (apt-get install -y chromium) to run them.\n`,
    );
    return;
  }
  process.env.BROWSER_TESTS_MODE = 'run';
  const { buildPlayground, serveDir } = await import('../../playground/build.mjs');
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'principle-chain-browser-tests-'));
  await buildPlayground(dir, { log: (message) => process.stderr.write(`\nBrowser tests: ${message}\n`) });
  const { server, url } = await serveDir(dir);
  process.env.PLAYGROUND_URL = url;
  globalThis.__principleChainPlayground = { server, dir };
};
