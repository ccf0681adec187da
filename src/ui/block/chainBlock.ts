/**
 * A live `principle-chain` code block: a MarkdownRenderChild that draws its chain and draws it
 * again only when the index changed something in that chain, while the block is shown. Every block
 * of every note shares one scheduler (BlockScheduler), so a burst of index changes costs each
 * affected, visible block one computation, spread over short slices: a hundred blocks on one page
 * stay smooth. Unloading a block (its section re-rendered, its note closed) removes it; the last
 * one to go unsubscribes the scheduler from every event.
 */
import { Component, MarkdownRenderChild } from 'obsidian';
import { checkBlockOptions, type ChainBlockOptions } from '../../core/chain/blockOptions';
import { chainMembers, sameChain } from '../../core/chain/equal';
import { shapeChain, type ShapedChain } from '../../core/chain/shape';
import type { IndexChange } from '../../core/types';
import type { BlockEvents, ChainBlockDeps } from './deps';
import { renderBlock, renderProblems } from './render';

/** Quiet time after the last index change before blocks are drawn again. */
export const BLOCK_REFRESH_DELAY_MS = 300;
/** Work per slice before the scheduler yields to the page. */
const SLICE_MS = 12;

export class ChainBlock extends MarkdownRenderChild {
  private ids = new Set<string>();
  private paths = new Set<string>();
  private drawn: { options: ChainBlockOptions; chain: ShapedChain } | null = null;
  private problems: string | null = null;
  /**
   * Texts of notes it shows arrived since it was drawn: its context lines may now read differently.
   * Context lines are read when wanted, from the texts as they are now, so comparing the drawn chain
   * with a new one cannot tell; the next refresh draws again.
   */
  private textsArrived = false;
  /**
   * What the drawing on show rendered through Obsidian (a graph's diagram) is attached to: a child
   * per drawing, unloaded when the next replaces it, so a block drawn again and again keeps only the
   * renderer of what it shows (the block lives as long as its section).
   */
  private drawing: Component | null = null;
  /** Computations done, for tests and the scheduler's accounting. */
  computations = 0;

  constructor(
    containerEl: HTMLElement,
    private readonly source: string,
    private sourcePath: string,
    private readonly deps: ChainBlockDeps,
    private readonly scheduler: BlockScheduler,
  ) {
    super(containerEl);
  }

  onload(): void {
    this.refresh();
    this.scheduler.add(this);
    this.register(() => this.scheduler.remove(this));
  }

  /** Whether a change of these IDs can change this block's chain. */
  touchedBy(change: IndexChange): boolean {
    if (change === 'all' || this.problems !== null) return true;
    for (const id of change) if (this.ids.has(id)) return true;
    return false;
  }

  /**
   * Whether the note at the path is in this block's chain. The note holding the block needs no
   * check of its own: a chain drawn from it holds it, a chain from elsewhere does not depend on it,
   * a block showing a problem tries again on any change, and a rename of it is `moved`.
   */
  shows(path: string): boolean {
    return this.paths.has(path);
  }

  /**
   * Texts of these notes arrived: when it draws context lines of one of them, the next refresh
   * draws, even the same chain, and true is returned (a block without context lines never redraws
   * for texts: a graph would be handed to the renderer again for nothing).
   */
  noteTextsArrived(paths: ReadonlySet<string>): boolean {
    if (this.drawn === null || !this.drawn.options.context) return false;
    for (const path of paths) {
      if (!this.shows(path)) continue;
      this.textsArrived = true;
      return true;
    }
    return false;
  }

  /** The note holding the block was renamed: its chain starts from the new path. */
  moved(oldPath: string, newPath: string): boolean {
    if (oldPath !== this.sourcePath) return false;
    this.sourcePath = newPath;
    return true;
  }

  /** Drawn now and visible (Obsidian's isShown: attached, and no ancestor hidden). */
  isVisible(): boolean {
    return this.containerEl.isConnected && this.containerEl.isShown();
  }

  /** Computes the chain again and draws it if anything shown differs. Never throws: problems are drawn. */
  refresh(): void {
    this.computations++;
    try {
      this.draw();
    } catch (error) {
      this.fail([`Something went wrong while drawing the chain: ${error instanceof Error ? error.message : String(error)}`]);
    }
  }

  private draw(): void {
    let parsed: unknown;
    try {
      parsed = this.deps.parseYaml(this.source);
    } catch (error) {
      this.fail([`The options are not valid YAML: ${firstLine(error)}`]);
      return;
    }
    const checked = checkBlockOptions(parsed, this.source);
    if (!checked.ok) {
      this.fail(checked.problems);
      return;
    }
    const { options } = checked;
    const start = this.deps.resolveStart(options.start, this.sourcePath);
    if ('problem' in start) {
      this.fail([start.problem]);
      return;
    }
    const result = this.deps.chain(start.start, { depth: options.depth, direction: options.direction, maxNodes: options.limit });
    const members = chainMembers(result);
    this.ids = members.ids;
    this.paths = members.paths;
    const chain = shapeChain(result, {
      sort: options.sort,
      hidden: (note) => note.path !== null && this.deps.isHidden(note.path, options.excludeFolders, options.excludeTags),
      modified: (path) => this.deps.modified(path),
    });
    // The options come from the block's source, fixed for its life: only the chain can differ.
    const unchanged = this.drawn !== null && this.problems === null && sameChain(this.drawn.chain.result, chain.result);
    if (unchanged && !this.textsArrived) return;
    this.textsArrived = false;
    this.drawn = { options, chain };
    this.problems = null;
    this.dropDrawing();
    this.drawing = this.addChild(new Component());
    renderBlock(this.containerEl, { sourcePath: this.sourcePath, options, chain }, this.deps, this.drawing);
  }

  /** Unloads what the drawing on show rendered, as the block's content is about to be replaced. */
  private dropDrawing(): void {
    if (this.drawing !== null) this.removeChild(this.drawing);
    this.drawing = null;
  }

  private fail(problems: readonly string[]): void {
    const key = problems.join('\n');
    this.drawn = null;
    if (key === this.problems) return;
    this.problems = key;
    this.dropDrawing();
    renderProblems(this.containerEl, problems);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

/**
 * The one scheduler behind every block: listens while any block exists, collects which blocks an
 * event touches, and after a quiet period draws again those that are visible, a slice at a time.
 * Touched blocks that are hidden stay pending until they are shown (an IntersectionObserver where
 * the platform has one, else the next layout change or index change).
 */
export class BlockScheduler {
  private readonly blocks = new Set<ChainBlock>();
  private readonly pending = new Set<ChainBlock>();
  /** Blocks whose notes changed on disk: the next index change (the index catching up) touches them. */
  private readonly awaitingIndex = new Set<ChainBlock>();
  private timer: number | null = null;
  private unsubscribe: (() => void)[] = [];
  private observer: IntersectionObserver | null = null;
  private disposed = false;

  constructor(
    private readonly events: BlockEvents,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get size(): number {
    return this.blocks.size;
  }

  add(block: ChainBlock): void {
    if (this.disposed) return;
    if (this.blocks.size === 0) this.subscribe();
    this.blocks.add(block);
    this.observer?.observe(block.containerEl);
  }

  remove(block: ChainBlock): void {
    this.blocks.delete(block);
    this.pending.delete(block);
    this.awaitingIndex.delete(block);
    this.observer?.unobserve(block.containerEl);
    if (this.blocks.size === 0) this.stop();
  }

  /**
   * Stops for good, whatever blocks are still on show: the plugin unloads, and Obsidian may keep a
   * rendered view's blocks on screen (it does not render open views again when a plugin goes), so
   * they must stop listening to an index that no longer changes.
   */
  dispose(): void {
    this.disposed = true;
    this.stop();
    this.blocks.clear();
  }

  /** Draws every pending visible block now (what the timer does after the quiet period). */
  flush(): void {
    this.cancelTimer();
    const started = this.now();
    for (const block of [...this.pending]) {
      if (!block.isVisible()) continue;
      this.pending.delete(block);
      block.refresh();
      if (this.now() - started > SLICE_MS && this.pending.size > 0) {
        // Yield to the page; the rest follows in the next slice.
        this.timer = window.setTimeout(() => this.flush(), 0);
        return;
      }
    }
  }

  private subscribe(): void {
    this.unsubscribe = [
      this.events.onIndexChange((change) => this.onIndexChange(change)),
      this.events.onFileChange((path, oldPath) => this.onFileChange(path, oldPath)),
      this.events.onLayoutChange(() => this.schedule()),
      this.events.onTextsLoaded?.((paths) => this.onTextsLoaded(paths)) ?? (() => undefined),
      this.events.onTagsChanged?.((path) => this.onTagsChanged(path)) ?? (() => undefined),
    ];
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.schedule();
      });
      for (const block of this.blocks) this.observer.observe(block.containerEl);
    }
  }

  private stop(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [];
    this.observer?.disconnect();
    this.observer = null;
    this.cancelTimer();
    this.pending.clear();
    this.awaitingIndex.clear();
  }

  private onIndexChange(change: IndexChange): void {
    for (const block of this.blocks) {
      if (this.awaitingIndex.has(block) || block.touchedBy(change)) this.pending.add(block);
    }
    this.awaitingIndex.clear();
    this.schedule();
  }

  private onFileChange(path: string, oldPath?: string): void {
    for (const block of this.blocks) {
      if (oldPath !== undefined && block.moved(oldPath, path)) this.pending.add(block);
      else if (block.shows(path) || (oldPath !== undefined && block.shows(oldPath))) this.awaitingIndex.add(block);
    }
    if (this.pending.size > 0) this.schedule();
  }

  /** Blocks showing the note compute their chain again (drawn again only if what they show differs). */
  private onTagsChanged(path: string): void {
    for (const block of this.blocks) if (block.shows(path)) this.pending.add(block);
    this.schedule();
  }

  private onTextsLoaded(paths: ReadonlySet<string>): void {
    for (const block of this.blocks) if (block.noteTextsArrived(paths)) this.pending.add(block);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending.size === 0) return;
    this.cancelTimer();
    this.timer = window.setTimeout(() => this.flush(), BLOCK_REFRESH_DELAY_MS);
  }

  private cancelTimer(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }
}
