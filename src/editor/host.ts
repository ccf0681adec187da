/**
 * What the editor extension needs from its host (Obsidian, or the playground's stand-in), and the
 * DOM contract of a decorated ID, shared with Reading view and styles.css.
 */
import type { EditorState } from '@codemirror/state';
import type { PaneType } from 'obsidian';
import type { IdFormat } from '../core/ids/formats';
import type { PrincipleChainSettings } from '../core/settings';
import type { IdIndexReader } from '../core/types';

/** The attribute naming the ID on every decorated range. */
export const ID_ATTRIBUTE = 'data-principle-chain-id';
/** Classes shared with Reading view's ID links, so both surfaces look the same. */
export const ID_CLASS = 'principle-chain-id';
export const AMBIGUOUS_CLASS = 'principle-chain-ambiguous';

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
