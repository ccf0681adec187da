/** What the editor extension needs from its host (Obsidian, or the playground's stand-in). */
import type { EditorState } from '@codemirror/state';
import type { PaneType } from 'obsidian';
import type { IdFormat } from '../core/ids/formats';
import type { PrincipleChainSettings } from '../core/settings';
import type { IdIndexReader } from '../core/types';

/** What a hover over an ID knows, for the host to show a page preview. */
export interface IdHover {
  readonly event: MouseEvent;
  readonly targetEl: HTMLElement;
  readonly id: string;
  readonly sourcePath: string;
  readonly state: EditorState;
}

/** Everything the extension needs from its host. */
export interface EditorLinkDeps {
  readonly index: Pick<IdIndexReader, 'resolve' | 'note'>;
  format(): IdFormat;
  settings(): Pick<PrincipleChainSettings, 'highlightUnresolved' | 'linkTitle' | 'excludedFolders'>;
  /** Subscribes to resolution changes; returns the unsubscribe function. */
  onIndexChange(listener: () => void): () => void;
  /** The vault path of the note the editor shows, or null when it shows no file. */
  sourcePath(state: EditorState): string | null;
  isLivePreview(state: EditorState): boolean;
  /** Whether this is a touch device (Obsidian's Platform.isMobile): a tap opens in both modes. */
  isMobile(): boolean;
  /** Where a click should open, by its modifiers (Obsidian's Keymap.isModEvent). */
  paneType(event: MouseEvent): PaneType | boolean;
  open(id: string, sourcePath: string, paneType: PaneType | boolean): void;
  hover(hover: IdHover): void;
}
