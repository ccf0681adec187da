/**
 * What a `principle-chain` code block needs from the rest of the plugin, and nothing more: the
 * block is wired to these narrow functions (src/obsidian/codeBlock.ts builds them).
 */
import type { Component, PaneType } from 'obsidian';
import type { ChainOptions, ChainResult, ChainStart } from '../../core/chain/chain';
import type { IndexChange } from '../../core/types';

export interface ChainBlockDeps {
  /** Obsidian's YAML parser; throws on YAML it cannot read. */
  parseYaml(text: string): unknown;
  /** The start a block names (null: the note holding it), or why it names nothing. */
  resolveStart(written: string | null, sourcePath: string): { readonly start: ChainStart } | { readonly problem: string };
  chain(start: ChainStart, options: ChainOptions): ChainResult;
  /** Whether the note is hidden: in the settings' hidden folders or tags, or the block's own. */
  isHidden(path: string, folders: readonly string[], tags: readonly string[]): boolean;
  modified(path: string): number | undefined;
  /** The link text Obsidian would write for the note, seen from sourcePath. */
  linktext(path: string, sourcePath: string): string;
  /** Opens the note at the path by its file, in the pane asked for (for notes link text cannot name). */
  openPath(path: string, sourcePath: string, paneType: PaneType | boolean): void;
  /** Obsidian's Markdown renderer (a mermaid block becomes a diagram). */
  renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void>;
}

/** What the blocks' scheduler listens to. Each returns its unsubscribe function. */
export interface BlockEvents {
  onIndexChange(listener: (change: IndexChange) => void): () => void;
  /** A note was modified or deleted (oldPath undefined), or renamed from oldPath. */
  onFileChange(listener: (path: string, oldPath?: string) => void): () => void;
  /** Panes were shown, hidden or rearranged: hidden blocks may be visible now. */
  onLayoutChange(listener: () => void): () => void;
  /**
   * Texts of notes arrived or changed: context lines are read from them as entries are drawn.
   * Absent where context lines never wait for a text.
   */
  onTextsLoaded?(listener: (paths: ReadonlySet<string>) => void): () => void;
  /**
   * A note's metadata was read again, so its tags may have changed: a block hiding notes by tag may
   * hide or show it now, though no ID changed (no index change follows a tag-only edit).
   */
  onTagsChanged?(listener: (path: string) => void): () => void;
}
