/** Indexing progress: in the status bar while a content pass runs, and for views that ask (mobile has no status bar). */

export interface IndexingProgressValue {
  readonly done: number;
  readonly total: number;
}

export class IndexingProgress {
  /** Progress of the running content pass, else null. */
  current: IndexingProgressValue | null = null;
  private el: HTMLElement | null = null;

  /** `statusBar` creates the status bar element (the plugin passes addStatusBarItem). */
  constructor(private readonly statusBar: (() => HTMLElement) | undefined) {}

  show(done: number, total: number): void {
    this.current = { done, total };
    if (!this.statusBar) return;
    this.el ??= this.statusBar();
    this.el.setText(`Indexing IDs ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
  }

  hide(): void {
    this.current = null;
    this.el?.remove();
    this.el = null;
  }
}
