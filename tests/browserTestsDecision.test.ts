/**
 * A newcomer without Chromium gets a passing `npm test` and one line saying the browser tests were
 * skipped; CI without Chromium fails. Runs the browser project for real, pointed at a missing binary.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const REPOSITORY = path.resolve(__dirname, '..');
const JEST = path.join(REPOSITORY, 'node_modules', 'jest', 'bin', 'jest.js');
const MISSING = path.join(REPOSITORY, 'no-such-chromium');

function browserTests(env: Record<string, string>): { status: number | null; output: string } {
  const { CI: _ci, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [JEST, '-c', 'jest.browser.config.js', '--ci'], {
    cwd: REPOSITORY,
    encoding: 'utf8',
    env: { ...inherited, BROWSER_TESTS_CHROMIUM: MISSING, ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('browser tests without Chromium', () => {
  it('are skipped, with one line that says why, and the run passes', () => {
    const { status, output } = browserTests({});
    expect(status).toBe(0);
    const said = output.split('\n').filter((l) => l.includes('Browser tests'));
    expect(said).toStrictEqual([`Browser tests skipped: ${MISSING} is missing. Install it (apt-get install -y chromium) to run them.`]);
    expect(output).toMatch(/Tests: +\d+ skipped, \d+ total/);
    expect(output).not.toMatch(/failed/);
  });

  it('fail when CI is set', () => {
    const { status, output } = browserTests({ CI: 'true' });
    expect(status).toBe(1);
    expect(output).toContain(`Browser tests fail: ${MISSING} is missing and CI is set.`);
    expect(output).toContain('Chromium is installed');
    expect(output).toMatch(/Tests: +\d+ failed, \d+ total/);
  });
});
