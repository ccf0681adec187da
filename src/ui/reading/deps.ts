/**
 * What Reading view's ID links need from the rest of the plugin, and nothing more
 * (src/obsidian/readingView.ts builds them).
 */
import type { PaneType } from 'obsidian';
import type { IdFormat } from '../../core/ids/formats';
import type { PrincipleChainSettings } from '../../core/settings';
import type { IdIndexReader, IndexChange } from '../../core/types';

export interface ReadingViewDeps {
  readonly index: Pick<IdIndexReader, 'resolve' | 'note' | 'isKnownId'>;
  format(): IdFormat;
  settings(): Pick<PrincipleChainSettings, 'linkTitle' | 'highlightUnresolved' | 'excludedFolders'>;
  /** Subscribes to resolution changes; returns the unsubscribe function. */
  onIndexChange(listener: (change: IndexChange) => void): () => void;
  /** Opens what an ID names (note, chooser, or an offer to create it), seen from sourcePath. */
  openId(id: string, sourcePath: string, paneType: PaneType | boolean): Promise<void>;
  /** The link text Obsidian itself would write for the note, seen from sourcePath. */
  linktext(path: string, sourcePath: string): string;
}
