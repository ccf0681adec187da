/**
 * What the chain view needs from the rest of the plugin, and nothing more: the view is wired to
 * these narrow functions (`chainViewDeps` in src/obsidian/chainCommands.ts builds them), never to
 * the adapters' services.
 */
import type { PaneType } from 'obsidian';
import type { ChainResult } from '../../core/chain/chain';
import type { EmptyReason } from './model';

/** The file the view follows, as far as the chain cares. */
export interface FollowedFile {
  readonly path: string;
  readonly extension: string;
}

/** The chain of a file, or why it has none. */
export type ChainComputation = { readonly kind: 'chain'; readonly result: ChainResult } | { readonly kind: 'empty'; readonly reason: EmptyReason };

/** The settings the chain view reads (live). */
export interface ChainViewSettings {
  readonly chainDepth: number;
  readonly showIncoming: boolean;
  readonly showContext: boolean;
}

/** How far the index has got while it is being built. */
export interface IndexingProgress {
  readonly done: number;
  readonly total: number;
}

export interface ChainViewDeps {
  settings(): ChainViewSettings;
  /** The chain of the file at the depth, in the directions the settings ask for. */
  chain(file: FollowedFile | null, depth: number): ChainComputation;
  /** A note's display title (ambiguous entries list their candidates by title). */
  noteTitle(path: string): string;
  /** How many notes cite the ID (counted on demand, for drawn entries only). */
  citedBy(id: string): number;
  /** Whether the note at the path is in a folder or has a tag the chain hides. */
  isExcluded(path: string): boolean;
  /** Whether the settings name any folder or tag to hide. */
  hasExclusions(): boolean;
  /** A note's last modification time, for sorting. */
  modified(path: string): number | undefined;
  /** Increases with every index change; the view recomputes only when it moved. */
  revision(): number;
  /** Subscribes to index changes; returns the unsubscribe function. */
  onIndexChange(listener: () => void): () => void;
  /**
   * Subscribes to note texts arriving or changing (context lines are read from them as entries are
   * drawn); returns the unsubscribe function. Absent where context lines never wait for a text.
   */
  onTextsLoaded?(listener: (paths: ReadonlySet<string>) => void): () => void;
  /**
   * Subscribes to notes whose tags may have changed, while some tag is hidden (a tag-only edit
   * changes no ID, so no index change follows it); returns the unsubscribe function.
   */
  onTagsChanged?(listener: (path: string) => void): () => void;
  /** Opens what an ID names (note, chooser, or an offer to create it), seen from sourcePath. */
  openId(id: string, sourcePath: string, paneType: PaneType | boolean): Promise<void>;
  /** Progress of indexing while it runs, else null. */
  indexingProgress(): IndexingProgress | null;
  /** Obsidian mobile has no status bar: the view then shows indexing progress itself. */
  readonly isMobile: boolean;
  /** The chain as text for the clipboard ('outline' or 'mermaid'); null when there is no chain. */
  chainText(result: ChainResult, format: 'outline' | 'mermaid', sourcePath: string): string;
}
