/** Replacing a note's whole text on disk atomically, and only if it still holds what was read. */
import { promises as fs } from 'fs';
import * as path from 'path';

/** Replaces a file's whole text, only if it still holds `expected`. */
export interface AtomicWriter {
  replaceIfUnchanged(absolutePath: string, expected: string, next: string): Promise<'written' | 'changed'>;
}

function decodeNote(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Writes a temporary file beside the note, then renames it over the note: readers see old or new, never half. */
export const nodeAtomicWriter: AtomicWriter = {
  async replaceIfUnchanged(absolutePath, expected, next) {
    if (decodeNote(await fs.readFile(absolutePath)) !== expected) return 'changed';
    const { mode } = await fs.stat(absolutePath);
    const temporary = path.join(path.dirname(absolutePath), `.${path.basename(absolutePath)}.${process.pid}.${Date.now().toString(36)}.repair-tmp`);
    try {
      await fs.writeFile(temporary, next, { encoding: 'utf8', mode, flag: 'wx' });
      // Checked again right before the swap, so an edit made while the temporary file was written is kept.
      if (decodeNote(await fs.readFile(absolutePath)) !== expected) {
        await fs.rm(temporary, { force: true });
        return 'changed';
      }
      await fs.rename(temporary, absolutePath);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return 'written';
  },
};
