/**
 * Reading a note while the vault keeps changing: every read takes a guard first, reads, and applies
 * its result only if the guard still holds (the same build, no vault event on the path since, the
 * same file at the path). A later event brings its own, newer update.
 */
import type { TFile } from 'obsidian';
import type { IndexerContext } from './context';
import type { FileVersion } from './writer';

export class ReadGuard {
  private readonly generation: number;
  private readonly version: number;

  constructor(
    private readonly context: IndexerContext,
    readonly path: string,
    readonly file: TFile,
  ) {
    this.generation = context.generation();
    this.version = context.updates.versionOf(path);
  }

  /** Whether the build the guard was taken in is still the current one. */
  sameBuild(): boolean {
    return this.generation === this.context.generation();
  }

  /**
   * Whether nothing happened to the path since the guard was taken. Every event bumps the version,
   * so the file's identity only matters for a file replaced without an event reaching the plugin.
   */
  holds(): boolean {
    return this.sameBuild() && this.context.updates.versionOf(this.path) === this.version && this.context.app.vault.getAbstractFileByPath(this.path) === this.file;
  }
}

/** A note's text (null when it could not be read) and the file version taken before the read. */
export async function readNote(context: IndexerContext, file: TFile): Promise<{ text: string | null; stat: FileVersion }> {
  const stat = { mtime: file.stat.mtime, size: file.stat.size };
  try {
    return { text: await context.app.vault.cachedRead(file), stat };
  } catch {
    return { text: null, stat };
  }
}
