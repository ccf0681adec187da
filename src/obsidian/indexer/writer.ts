/**
 * The one place updates reach the index. The cache ledger learns which file version each note's
 * facts were read from, and edits after the content pass refresh the saved snapshot once the vault
 * has been quiet a while.
 */
import type { CachedNote } from '../../core/cache/snapshot';
import type { ChangedIdSet } from '../../core/index/changedIds';
import type { IdIndex, IndexUpdate } from '../../core/index/idIndex';
import type { NoteInput } from '../../core/index/scannedNote';
import type { CacheLedger } from '../cacheLedger';
import { Pacer, type IndexerPacing } from '../pacing';

/** The file version facts were read from. */
export interface FileVersion {
  readonly mtime: number;
  readonly size: number;
}

export class IndexWriter {
  /** Whether a content pass is running: it saves once, at its end, instead of after each update. */
  passRunning = false;
  /** indexSettingsKey of the settings the index was last built with (ties saved snapshots to them). */
  private builtWith = '';
  private saveTimer: number | null = null;
  /** Saves gathering a snapshot now. */
  private saving = 0;
  /** An update came while the pass's own save gathered its snapshot, which may have walked past it. */
  private updatedWhileSaving = false;

  constructor(
    private readonly index: IdIndex,
    private readonly ledger: CacheLedger | null,
    private readonly pacing: IndexerPacing,
    /** The current build; a save started by an older one is dropped. */
    private readonly generation: () => number,
  ) {}

  /** Applies the update; returns the IDs whose resolution or references changed. */
  apply(update: IndexUpdate, stat?: FileVersion): ReadonlySet<string> {
    const changed = this.index.changeSet();
    this.applyGathering(update, changed, stat);
    return changed.drainIds();
  }

  /** Applies the update, adding the IDs whose resolution or references changed to `changed`. */
  applyGathering(update: IndexUpdate, changed: ChangedIdSet, stat?: FileVersion): void {
    this.index.applyGathering(update, changed);
    if (this.ledger) {
      this.ledger.record(update, stat);
      if (!this.passRunning) this.scheduleSave();
      else if (this.saving > 0) this.updatedWhileSaving = true;
    }
  }

  /** Puts facts restored from the cache, reporting nothing: the pass tells listeners all changed. */
  putCached(facts: NoteInput, stat: FileVersion): void {
    this.index.put(facts);
    this.ledger?.record({ kind: 'upsert', facts }, stat);
  }

  /** Starts over for a build with these settings: nothing recorded, no save waiting. */
  reset(builtWith: string): void {
    this.cancelSave();
    this.updatedWhileSaving = false;
    this.builtWith = builtWith;
    this.ledger?.clear();
  }

  /** The saved facts by path, when saved with the settings of this build; null otherwise. */
  async loadCached(): Promise<Map<string, CachedNote> | null> {
    return this.ledger ? this.ledger.load(this.builtWith) : null;
  }

  /** Hands the cache a snapshot of what the index holds now, built in paced slices unless unloading. */
  async save(paced = true): Promise<void> {
    if (!this.ledger) return;
    const pacer = new Pacer(this.pacing, () => undefined);
    const pace = paced ? () => (pacer.due() ? pacer.pause() : Promise.resolve()) : undefined;
    const generation = this.generation();
    this.saving++;
    try {
      await this.ledger.save(this.builtWith, this.index, pace, () => generation === this.generation());
    } finally {
      this.saving--;
    }
  }

  /** The content pass is over: edits save as usual, and one follows now if any came during the pass's own save. */
  passEnded(): void {
    this.passRunning = false;
    if (!this.updatedWhileSaving) return;
    this.updatedWhileSaving = false;
    this.scheduleSave();
  }

  /** On unload: edits since the last snapshot go to the cache now, unpaced (it writes pending snapshots on unload). */
  saveWaiting(): void {
    if (this.saveTimer === null) return;
    this.cancelSave();
    void this.save(false);
  }

  private scheduleSave(): void {
    this.cancelSave();
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, this.pacing.cacheSaveDelayMs);
  }

  private cancelSave(): void {
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = null;
  }
}
