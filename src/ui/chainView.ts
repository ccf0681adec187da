/**
 * The principle chain sidebar view: follows the active note (or the note it is pinned to) and the
 * index, turns clicks, keys, hovers and drags into controller intents or Obsidian actions, and
 * applies what the controller decides with the least drawing (see chain/controller.ts).
 */

import { ItemView, type App, type Menu, type HoverParent, type HoverPopover, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { chainMembers } from '../core/chain/equal';
import { isAtOrUnder } from '../core/settings';
import { ShapeKeys } from '../core/chain/shape';
import { ChainBody } from './chain/body';
import { activeUi, effectiveDepth, initialState, reduce, type ChainControllerState, type ChainIntent } from './chain/controller';
import type { ChainComputation, ChainViewDeps, FollowedFile } from './chain/deps';
import { chainViewModel, emptyModel, shapeForView } from './chain/buildModel';
import { registerChainInput } from './chain/input';
import { addPaneMenuItems, showSortMenu } from './chain/menus';
import { modelShowsAny, type ChainViewModel } from './chain/model';
import { createToolbar, type ChainToolbar } from './chain/toolbar';
import { RememberedUiStates } from './chain/uiStates';
import { ViewTimers } from './chain/timers';
import { controlsFromState, stateFromControls } from './chain/viewState';
import { copyChain } from './chain/copyChain';

export const CHAIN_VIEW_TYPE = 'principle-chain';
export const CHAIN_VIEW_ICON = 'git-fork';
/** Quiet time after note switches and index changes before the chain is recomputed. */
export const REFRESH_DELAY_MS = 150;
/** Quiet time after a keystroke in the filter box before the trees are narrowed. */
export const FILTER_DELAY_MS = 120;
/** How often mobile checks indexing progress while indexing runs. */
const PROGRESS_POLL_MS = 500;
/** Notes whose expansion state is remembered when the view moves between notes. */
const REMEMBERED_NOTES = 20;

/** Element ids of each view's entries start with a prefix of their own: several views may be open. */
let viewCount = 0;

/** The sidebar view; the plugin never holds it (find it with getLeavesOfType). */
export class ChainView extends ItemView implements HoverParent {
  hoverPopover: HoverPopover | null = null;
  private state: ChainControllerState = initialState();
  private readonly memory = new RememberedUiStates(REMEMBERED_NOTES);
  private keys = new ShapeKeys();
  private readonly idPrefix = `pc-chain-${++viewCount}`;
  private toolbar: ChainToolbar | null = null;
  private body: ChainBody | null = null;
  /** The note the trees are drawn for ('' before the first draw), and the inputs of its chain. */
  private notePath = '';
  private chainInputs = '';
  private computation: ChainComputation | null = null;
  private readonly timers = new ViewTimers<'refresh' | 'filter' | 'progress'>();
  /** An index change is waiting in the refresh timer: the next refresh must recompute. */
  private indexChanged = false;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly deps: ChainViewDeps,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return CHAIN_VIEW_TYPE;
  }

  getDisplayText(): string {
    const pinned = this.state.controls.pinned;
    const model = this.body?.model;
    return pinned === null ? 'Principle chain' : `Principle chain: ${model?.kind === 'chain' ? model.note.title || pinned : pinned}`;
  }

  getIcon(): string {
    return CHAIN_VIEW_ICON;
  }

  getState(): Record<string, unknown> {
    return { ...super.getState(), ...stateFromControls(this.state.controls) };
  }

  async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const controls = controlsFromState(state, this.state.controls);
    if (JSON.stringify(controls) !== JSON.stringify(this.state.controls)) {
      this.state = { ...this.state, controls };
      this.chainInputs = '';
      if (this.body !== null) this.refreshNow(true);
    }
    await super.setState(state, result);
  }

  /** The depth the view draws: the user's choice in the view, else the setting. */
  get depth(): number {
    return effectiveDepth(this.state.controls, this.deps.settings().chainDepth);
  }

  /** The note the view is locked to, or null when it follows the open note. */
  get pinnedPath(): string | null {
    return this.state.controls.pinned;
  }

  async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('pc-chain-view');
    this.toolbar = createToolbar(this.contentEl, {
      togglePin: () => this.togglePin(),
      showSortMenu: (evt) => showSortMenu(evt, this.state.controls.sort, (sort) => this.dispatch({ kind: 'sort', sort })),
      expandAll: () => this.dispatch({ kind: 'expand-all' }),
      collapseAll: () => this.dispatch({ kind: 'collapse-all' }),
      toggleHideExcluded: () => this.dispatch({ kind: 'hide-excluded', on: !this.state.controls.hideExcluded }),
      filterTyped: (text) => this.scheduleFilter(text),
      clearFilter: () => {
        this.timers.cancel('filter');
        this.dispatch({ kind: 'filter', text: '' });
      },
    });
    this.body = new ChainBody(this.contentEl.createDiv({ cls: 'pc-chain-body' }), this.contentEl, (id) => this.deps.citedBy(id), this.idPrefix);
    const follow = (): void => {
      if (this.state.controls.pinned === null) this.scheduleRefresh(false);
    };
    this.registerEvent(this.app.workspace.on('active-leaf-change', follow));
    this.registerEvent(this.app.workspace.on('file-open', follow));
    this.registerEvent(this.app.vault.on('rename', (file, oldPath) => this.onRename(file.path, oldPath)));
    this.registerEvent(this.app.vault.on('delete', (file) => this.onDelete(file.path)));
    this.register(this.deps.onIndexChange(() => this.scheduleRefresh(true)));
    const unsubscribe = this.deps.onTextsLoaded?.((paths) => this.onTextsLoaded(paths));
    if (unsubscribe !== undefined) this.register(unsubscribe);
    const offTags = this.deps.onTagsChanged?.((path) => this.onTagsChanged(path));
    if (offTags !== undefined) this.register(offTags);
    this.register(() => this.timers.cancelAll());
    registerChainInput(this, {
      app: this.app,
      leaf: this.leaf,
      hoverParent: this,
      source: CHAIN_VIEW_TYPE,
      body: this.body,
      depth: () => this.depth,
      dispatch: (intent) => this.dispatch(intent),
      openId: (id, sourcePath, paneType) => void this.deps.openId(id, sourcePath, paneType),
    });
    this.refreshNow(true);
  }

  async onClose(): Promise<void> {
    this.timers.cancelAll();
    this.contentEl.empty();
  }

  onPaneMenu(menu: Menu, source: string): void {
    super.onPaneMenu(menu, source);
    addPaneMenuItems(menu, {
      pinned: this.state.controls.pinned !== null,
      copy: (format) => void this.copy(format),
      expandAll: () => this.expandAll(),
      collapseAll: () => this.collapseAll(),
      togglePin: () => this.togglePin(),
      openAnotherView: () => void openAnotherChainView(this.app),
    });
  }

  /** Pins the view to the note it follows, or unpins it. */
  private togglePin(): void {
    this.dispatch({ kind: 'pin', path: this.state.controls.pinned === null ? (this.followedFile()?.path ?? null) : null });
  }

  expandAll(): void {
    this.dispatch({ kind: 'expand-all' });
  }

  collapseAll(): void {
    this.dispatch({ kind: 'collapse-all' });
  }

  /** Copies the chain the view shows (its note, depth, filter, sort and hiding) as an outline or Mermaid. */
  async copy(format: 'outline' | 'mermaid'): Promise<void> {
    const computation = this.computation;
    const shaped = computation?.kind === 'chain' ? shapeForView(computation.result, this.state.controls, this.deps, this.keys).result : null;
    await copyChain(shaped === null ? null : this.deps.chainText(shaped, format, this.notePath), format);
  }

  /**
   * Recomputes after a quiet period, so bursts of events cost one computation. After an index change
   * it recomputes whatever the inputs say: the revision among them tells the same as long as it
   * moves with every change event, and this holds even where it would not.
   */
  scheduleRefresh(indexChanged: boolean): void {
    this.indexChanged ||= indexChanged;
    this.timers.start('refresh', REFRESH_DELAY_MS, () => this.refreshNow(this.indexChanged));
  }

  /**
   * Computes the chain of the followed note again when its inputs changed (or always, after an
   * index change), and redraws only when what would be drawn differs from what is on screen.
   */
  refreshNow(force: boolean): void {
    this.timers.cancel('refresh');
    this.indexChanged = false;
    const file = this.followedFile();
    const settings = this.deps.settings();
    const inputs = [file?.path ?? '', this.depth, this.deps.revision(), settings.showIncoming, settings.showContext].join('\u001f');
    this.updateToolbar();
    if (!force && inputs === this.chainInputs) return;
    this.chainInputs = inputs;
    const path = file?.path ?? '';
    if (path !== this.notePath) this.switchNote(path);
    this.computation = this.pinIsMissing() ? { kind: 'empty', reason: 'pin-missing' } : this.deps.chain(file, this.depth);
    this.draw(this.modelOf(this.computation), false);
  }

  /**
   * Whether the view is pinned to a path with no file: renamed or moved while Obsidian was closed, or
   * while the view was deferred and heard no rename. Asked only once the layout is ready, when the
   * vault has listed every file (obsidian.d.ts, Vault 'create': fired for each existing file while
   * the vault loads, before layout-ready); until then the note may be there but not listed yet.
   * The pin is kept, so a note that comes back (a sync catching up) is shown again.
   */
  private pinIsMissing(): boolean {
    const pinned = this.state.controls.pinned;
    return pinned !== null && this.app.workspace.layoutReady && this.app.vault.getFileByPath(pinned) === null;
  }

  private switchNote(path: string): void {
    if (this.notePath !== '') this.memory.remember(this.notePath, this.state.noteUi);
    this.state = { ...this.state, noteUi: this.memory.of(path), filterUi: initialState().filterUi };
    this.notePath = path;
    this.body?.clear();
  }

  /**
   * Texts of notes arrived or changed: entries of those notes show context lines read from them
   * (and a filter matches them), so the same chain is drawn again.
   */
  private onTextsLoaded(paths: ReadonlySet<string>): void {
    if (this.computation === null || !modelShowsAny(this.body?.model ?? null, paths)) return;
    this.keys = new ShapeKeys();
    this.draw(this.modelOf(this.computation), true);
  }

  /** A note's tags may have changed: when the chain holds it, the chain is shaped again (it may hide it now, or show it). */
  private onTagsChanged(path: string): void {
    const computation = this.computation;
    if (computation?.kind !== 'chain' || !chainMembers(computation.result).paths.has(path)) return;
    this.keys = new ShapeKeys();
    this.draw(this.modelOf(computation), true);
  }

  private followedFile(): FollowedFile | null {
    const pinned = this.state.controls.pinned;
    if (pinned !== null) return { path: pinned, extension: pinned.slice(pinned.lastIndexOf('.') + 1) };
    return this.app.workspace.getActiveFile();
  }

  private modelOf(computation: ChainComputation): ChainViewModel {
    if (computation.kind === 'empty') return emptyModel(computation.reason, this.depth, computation.reason === 'pin-missing' ? (this.state.controls.pinned ?? '') : undefined);
    const settings = this.deps.settings();
    return chainViewModel(shapeForView(computation.result, this.state.controls, this.deps, this.keys), {
      depth: this.depth,
      showIncoming: settings.showIncoming,
      showContext: settings.showContext,
      filter: this.state.controls.filter,
      noteTitle: (path) => this.deps.noteTitle(path),
    });
  }

  /** Draws the model unless the screen already shows the same (same model, same drawn counts). */
  private draw(model: ChainViewModel, always: boolean): void {
    if (this.body === null || (!always && this.body.shows(model))) return;
    this.body.render(activeUi(this.state), model);
    this.updateToolbar();
  }

  private updateToolbar(): void {
    const progress = this.deps.isMobile ? this.deps.indexingProgress() : null;
    this.toolbar?.update(this.state.controls, { hasExclusions: this.deps.hasExclusions(), progress });
    // Mobile has no status bar and no event for progress: look again while indexing runs.
    if (progress !== null && !this.timers.isPending('progress')) this.timers.start('progress', PROGRESS_POLL_MS, () => this.updateToolbar());
  }

  /** Applies an intent: the controller decides the next state and the least drawing that shows it. */
  private dispatch(intent: ChainIntent): void {
    const transition = reduce(this.state, intent, this.deps.settings().chainDepth);
    this.state = transition.state;
    if (transition.save) {
      this.app.workspace.requestSaveLayout();
      this.updateToolbar();
    }
    const { effect } = transition;
    const ui = activeUi(this.state);
    switch (effect.kind) {
      case 'chain':
        this.refreshNow(true);
        return;
      case 'shape':
        if (this.computation !== null) this.draw(this.modelOf(this.computation), true);
        return;
      case 'redraw':
        this.body?.render(ui);
        this.updateToolbar();
        return;
      case 'entry':
        this.body?.redrawEntry(ui, effect.key);
        return;
      case 'more': {
        const first = this.body?.revealMore(ui, effect.parentKey, effect.from) ?? null;
        if (first !== null) this.state = reduce(this.state, { kind: 'focus', key: first }, 0).state;
        return;
      }
      case 'none':
        return;
    }
  }

  private scheduleFilter(text: string): void {
    this.timers.start('filter', FILTER_DELAY_MS, () => this.dispatch({ kind: 'filter', text }));
  }

  /**
   * A note or folder was renamed. The trees' state goes with the notes it belongs to, so the note on
   * show keeps its expansion and scroll (rather than being taken for a new note when the view next
   * refreshes), and the pinned note, or a folder holding it, moves the pin (whether or not Obsidian
   * also reports the note itself).
   */
  private onRename(path: string, oldPath: string): void {
    this.memory.rename(oldPath, path);
    if (this.notePath !== '' && isAtOrUnder(this.notePath, oldPath)) this.notePath = path + this.notePath.slice(oldPath.length);
    const pinned = this.state.controls.pinned;
    if (pinned === null || !isAtOrUnder(pinned, oldPath)) return;
    this.state = { ...this.state, controls: { ...this.state.controls, pinned: path + pinned.slice(oldPath.length) } };
    this.app.workspace.requestSaveLayout();
    this.scheduleRefresh(true);
  }

  /**
   * A pinned note that is deleted, or a folder holding it (Obsidian may report a folder's delete
   * once, for the folder), leaves nothing to show: the view follows the open note again.
   */
  private onDelete(path: string): void {
    const pinned = this.state.controls.pinned;
    if (pinned !== null && isAtOrUnder(pinned, path)) this.dispatch({ kind: 'pin', path: null });
  }
}

/** Opens one more chain view in the right sidebar, below the others, following the open note. */
export async function openAnotherChainView(app: App): Promise<void> {
  const leaf = app.workspace.getRightLeaf(true);
  if (leaf === null) return;
  await leaf.setViewState({ type: CHAIN_VIEW_TYPE, active: true });
  await app.workspace.revealLeaf(leaf);
}
