/**
 * Approval files for repair outputs, in tests/repair/__approved__. A missing file is written and the
 * test fails, so a first run never passes unseen; APPROVE=1 rewrites them (review the diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

const APPROVED = path.join(__dirname, '__approved__');

export function expectApproved(name: string, actual: string): void {
  const file = path.join(APPROVED, name);
  if (process.env.APPROVE === '1' || !existsSync(file)) {
    const existed = existsSync(file);
    mkdirSync(APPROVED, { recursive: true });
    writeFileSync(file, actual);
    if (!existed) throw new Error(`No approved output for ${name}: wrote ${file}. Review it, commit it, and run again.`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
