/** The small API the page exposes as `window.__playground` for the browser tests. */
import type { EditorMode } from './editor';
import type { HoverLinkRecord, OpenedLink } from './obsidian';
import type { ProductionCheck } from './productionCheck';

export type Theme = 'light' | 'dark';

export interface PlaygroundTestApi {
  /** True once the index is built, the chain view drawn and the production bundle checked. */
  ready: boolean;
  currentFile(): string | null;
  /** Every Workspace.openLinkText call, in order. */
  openedLinks(): OpenedLink[];
  /** Every `hover-link` workspace event, in order. */
  hoverLinks(): HoverLinkRecord[];
  notices(): string[];
  open(path: string): Promise<void>;
  createNote(path: string, text: string): Promise<void>;
  setMode(mode: EditorMode): void;
  setTheme(theme: Theme): void;
  /** Resolves when edits are saved, the index has applied every change and the chain view redrew. */
  settle(): Promise<void>;
  productionCheck: ProductionCheck | null;
  /** Runs the production check on other bundle text (to show the check can fail). */
  checkBundle(code: string): Promise<ProductionCheck>;
  /** The chain view as indented text, in the format of the chain view's approved files. */
  chainText(withContext: boolean): string;
  /** Every MarkdownRenderer.render call (what a graph block hands Obsidian to draw), in order. */
  renderedMarkdown(): { markdown: string; sourcePath: string }[];
  /** Sets the chain sidebar's width in CSS pixels (null: the page's own). */
  setSidebarWidth(width: number | null): void;
  /** Renames (moves) a note as Obsidian's file manager would, and waits for the index. */
  rename(path: string, newPath: string): Promise<void>;
}

declare global {
  interface Window {
    __playground: PlaygroundTestApi;
  }
}
