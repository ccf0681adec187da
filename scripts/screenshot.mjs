// `npm run screenshot`: retakes docs/screenshot.png (the README's) from the playground in Chromium,
// with the browser test that also checks it on every `npm test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '-c', 'jest.browser.config.js', 'tests/browser/readmeScreenshot'], {
  cwd: root,
  stdio: 'inherit',
  // CI mode: without Chromium this fails instead of skipping, so the screenshot is never silently left as it was.
  env: { ...process.env, PRINCIPLE_CHAIN_REFRESH_SCREENSHOT: '1', CI: 'true' },
});
if (result.status === 0) console.log(`Wrote ${path.join('docs', 'screenshot.png')}; review it, then commit it.`);
process.exit(result.status ?? 1);
