import type { App, PaneType } from 'obsidian';
import type { IdFormat } from '../core/ids/formats';
import type { PrincipleChainSettings } from '../core/settings';
import type { IdIndexReader, IndexChange } from '../core/types';

/** The narrow dependencies every feature receives from main.ts (never the plugin itself). */
export interface IdServices {
  readonly app: App;
  /** Current settings (live: read on every use, never cache). */
  settings(): PrincipleChainSettings;
  /** The active ID format (live). */
  format(): IdFormat;
  /** The live index; only the indexer applies updates to it. */
  readonly index: IdIndexReader;
  /** Subscribe to resolution changes; returns the unsubscribe function. */
  onIndexChange(listener: (change: IndexChange) => void): () => void;
  /**
   * Subscribe to note texts arriving (read in the background, or re-read after an edit): context
   * lines of those notes can now be read as they are. Absent where contexts are never deferred.
   */
  onTextsLoaded?(listener: (paths: ReadonlySet<string>) => void): () => void;
  /**
   * Opens what an ID names, seen from sourcePath: the note when resolved, a chooser when ambiguous,
   * an offer to create the note when unresolved. paneType follows Keymap.isModEvent.
   */
  openId(id: string, sourcePath: string, paneType: PaneType | boolean): Promise<void>;
  /** How far indexing has got while it runs, else null (what the status bar shows; mobile has none). */
  indexingProgress?(): { readonly done: number; readonly total: number } | null;
}
