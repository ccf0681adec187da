/**
 * Approval files: a big output is compared with a committed file. When the file is missing it is
 * written and the test fails, so a first run never passes unseen; with APPROVE=1 every approved file
 * is rewritten from the current output (review the diff before committing it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

/** An `expectApproved(name, actual)` for the approved files kept in `folder`. */
export function approvalsIn(folder: string): (name: string, actual: string) => void {
  return (name, actual) => {
    const file = path.join(folder, name);
    const existed = existsSync(file);
    if (process.env.APPROVE === '1' || !existed) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, actual);
      if (!existed) throw new Error(`No approved output for ${name}: wrote ${file}. Review it, commit it, and run again.`);
      return;
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  };
}
