/** Scratch folders on the real file system for the writer's tests, removed after the suite. */
import { mkdtempSync, realpathSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const made: string[] = [];

/** A fresh empty folder (its real path, so symlink checks compare like with like). */
export function scratchFolder(prefix = 'pc-writer-'): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function removeScratchFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
