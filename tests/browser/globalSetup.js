/**
 * Builds the playground once into a temporary folder and serves it on 127.0.0.1 for every browser
 * test file (the URL travels in PLAYGROUND_URL). Does nothing when Chromium is missing: the test
 * files then skip themselves, or fail in CI.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.BROWSER_TESTS_CHROMIUM ?? '/usr/bin/chromium';

module.exports = async function globalSetup() {
  if (!fs.existsSync(CHROMIUM)) {
    const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
    process.stderr.write(
      ci
        ? `\nBrowser tests: ${CHROMIUM} is missing and CI is set, so they fail. Install it: apt-get install -y chromium\n`
        : `\nBrowser tests skipped: ${CHROMIUM} is missing. Install it (apt-get install -y chromium) to run them.\n`,
    );
    return;
  }
  const { buildPlayground, serveDir } = await import('../../playground/build.mjs');
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'principle-chain-browser-tests-'));
  await buildPlayground(dir, { log: (message) => process.stderr.write(`\nBrowser tests: ${message}\n`) });
  const { server, url } = await serveDir(dir);
  process.env.PLAYGROUND_URL = url;
  globalThis.__principleChainPlayground = { server, dir };
};
