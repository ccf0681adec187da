/**
 * The principle chain sidebar view: follows the active note (or the note it is pinned to) and the
 * index, turns clicks, keys, hovers and drags into controller intents or Obsidian actions, and
 * applies what the controller decides with the least drawing (see chain/controller.ts).
 */

import { ItemView, Keymap, Menu, Platform, type App, type HoverParent, type HoverPopover, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { ShapeKeys, shapeChain, CHAIN_SORTS } from '../core/chain/shape';
import { activeUi, effectiveDepth, initialState, reduce, type ChainControllerState, type ChainIntent } from './chain/controller';
import type { ChainComputation, ChainViewDeps, FollowedFile } from './chain/deps';
import { chainViewModel, emptyModel } from './chain/fromCore';
import { treeKeyIntent } from './chain/keyboard';
import { childrenOf, modelShowsAny, sameModel, type ChainViewModel } from './chain/model';
import { ATTR, moveTabStop, redrawEntry, renderChainInto, revealMore, type EntryTarget, type RenderedChain } from './chain/render';
import { createToolbar, SORT_LABELS, type ChainToolbar } from './chain/toolbar';
import { RememberedUiStates } from './chain/uiStates';
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
  private bodyEl: HTMLElement | null = null;
  /** The note the trees are drawn for ('' before the first draw), and the inputs of its chain. */
  private notePath = '';
  private chainInputs = '';
  private computation: ChainComputation | null = null;
  private model: ChainViewModel | null = null;
  private rendered: RenderedChain | null = null;
  /** The citation counts drawn, by entry key: an index change that moves one redraws. */
  private drawnCounts = new Map<string, number>();
  private timers = { refresh: null as number | null, filter: null as number | null, progress: null as number | null };
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
    return pinned === null ? 'Principle chain' : `Principle chain: ${this.model?.kind === 'chain' ? this.model.note.title || pinned : pinned}`;
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
      if (this.bodyEl !== null) this.refreshNow(true);
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
      togglePin: () => this.dispatch({ kind: 'pin', path: this.state.controls.pinned === null ? this.followedFile()?.path ?? null : null }),
      showSortMenu: (evt) => this.showSortMenu(evt),
      expandAll: () => this.dispatch({ kind: 'expand-all' }),
      collapseAll: () => this.dispatch({ kind: 'collapse-all' }),
      toggleHideExcluded: () => this.dispatch({ kind: 'hide-excluded', on: !this.state.controls.hideExcluded }),
      filterTyped: (text) => this.scheduleFilter(text),
      clearFilter: () => {
        this.cancel('filter');
        this.dispatch({ kind: 'filter', text: '' });
      },
    });
    this.bodyEl = this.contentEl.createDiv({ cls: 'pc-chain-body' });
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
    this.register(() => {
      for (const name of ['refresh', 'filter', 'progress'] as const) this.cancel(name);
    });
    const body = this.bodyEl;
    this.registerDomEvent(body, 'click', (evt) => this.onClick(evt));
    this.registerDomEvent(body, 'auxclick', (evt) => {
      if (evt.button === 1) this.onClick(evt);
    });
    this.registerDomEvent(body, 'keydown', (evt) => this.onKeyDown(evt));
    this.registerDomEvent(body, 'mouseover', (evt) => this.onHover(evt));
    this.registerDomEvent(body, 'dragstart', (evt) => this.onDragStart(evt));
    this.registerDomEvent(body, 'focusin', (evt) => this.onFocusIn(evt));
    this.registerDomEvent(body, 'contextmenu', (evt) => this.onContextMenu(evt));
    this.refreshNow(true);
  }

  async onClose(): Promise<void> {
    for (const name of ['refresh', 'filter', 'progress'] as const) this.cancel(name);
    this.contentEl.empty();
  }

  onPaneMenu(menu: Menu, source: string): void {
    super.onPaneMenu(menu, source);
    const pinned = this.state.controls.pinned !== null;
    menu.addItem((item) => item.setTitle('Copy chain as outline').setIcon('copy').onClick(() => void this.copy('outline')));
    menu.addItem((item) => item.setTitle('Copy chain as Mermaid').setIcon('workflow').onClick(() => void this.copy('mermaid')));
    menu.addItem((item) => item.setTitle('Expand all').setIcon('chevrons-up-down').onClick(() => this.expandAll()));
    menu.addItem((item) => item.setTitle('Collapse all').setIcon('chevrons-down-up').onClick(() => this.collapseAll()));
    menu.addItem((item) =>
      item
        .setTitle(pinned ? 'Unpin: follow the open note' : 'Pin to this note')
        .setIcon(pinned ? 'pin-off' : 'pin')
        .onClick(() => this.dispatch({ kind: 'pin', path: pinned ? null : this.followedFile()?.path ?? null })),
    );
    menu.addItem((item) => item.setTitle('Open another chain view').setIcon('git-fork').onClick(() => void openAnotherChainView(this.app)));
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
    const shaped = computation?.kind === 'chain' ? this.shape(computation).result : null;
    await copyChain(shaped === null ? null : this.deps.chainText(shaped, format, this.notePath), format);
  }

  /** Recomputes after a quiet period, so bursts of events cost one computation. */
  scheduleRefresh(indexChanged: boolean): void {
    this.indexChanged ||= indexChanged;
    this.cancel('refresh');
    this.timers.refresh = window.setTimeout(() => {
      this.timers.refresh = null;
      this.refreshNow(this.indexChanged);
    }, REFRESH_DELAY_MS);
  }

  /**
   * Computes the chain of the followed note again when its inputs changed (or always, after an
   * index change), and redraws only when what would be drawn differs from what is on screen.
   */
  refreshNow(force = false): void {
    this.cancel('refresh');
    this.indexChanged = false;
    const file = this.followedFile();
    const settings = this.deps.settings();
    const inputs = [file?.path ?? '', this.depth, this.deps.revision(), settings.showIncoming, settings.showContext].join('\u001f');
    this.updateToolbar();
    if (!force && inputs === this.chainInputs) return;
    this.chainInputs = inputs;
    const path = file?.path ?? '';
    if (path !== this.notePath) this.switchNote(path);
    this.computation = this.deps.chain(file, this.depth);
    this.draw(this.modelOf(this.computation), false);
  }

  private switchNote(path: string): void {
    if (this.notePath !== '') this.memory.remember(this.notePath, this.state.noteUi);
    this.state = { ...this.state, noteUi: this.memory.of(path), filterUi: initialState().filterUi };
    this.notePath = path;
    this.rendered = null;
    this.model = null;
  }

  /**
   * Texts of notes arrived or changed: entries of those notes show context lines read from them
   * (and a filter matches them), so the same chain is drawn again.
   */
  private onTextsLoaded(paths: ReadonlySet<string>): void {
    if (this.computation === null || !modelShowsAny(this.model, paths)) return;
    this.keys = new ShapeKeys();
    this.draw(this.modelOf(this.computation), true);
  }

  private followedFile(): FollowedFile | null {
    const pinned = this.state.controls.pinned;
    if (pinned !== null) return { path: pinned, extension: pinned.slice(pinned.lastIndexOf('.') + 1) };
    return this.app.workspace.getActiveFile();
  }

  private shape(computation: ChainComputation & { kind: 'chain' }): ReturnType<typeof shapeChain> {
    const { controls } = this.state;
    return shapeChain(
      computation.result,
      {
        filter: controls.filter,
        sort: controls.sort,
        hidden: controls.hideExcluded && this.deps.hasExclusions() ? (note) => note.path !== null && this.deps.isExcluded(note.path) : undefined,
        modified: (path) => this.deps.modified(path),
      },
      this.keys,
    );
  }

  private modelOf(computation: ChainComputation): ChainViewModel {
    if (computation.kind === 'empty') return emptyModel(computation.reason, this.depth);
    const settings = this.deps.settings();
    return chainViewModel(this.shape(computation), {
      depth: this.depth,
      showIncoming: settings.showIncoming,
      showContext: settings.showContext,
      filter: this.state.controls.filter,
      noteTitle: (path) => this.deps.noteTitle(path),
    });
  }

  /** Draws the model unless the screen already shows the same (same model, same drawn counts). */
  private draw(model: ChainViewModel, always: boolean): void {
    if (!always && this.rendered !== null && sameModel(this.model, model) && this.countsUnchanged()) return;
    this.model = model;
    this.render();
  }

  private countsUnchanged(): boolean {
    for (const [key, count] of this.drawnCounts) {
      const id = this.rendered?.targets.get(key)?.id;
      if (id != null && this.deps.citedBy(id) !== count) return false;
    }
    return true;
  }

  /** Draws the whole model, keeping scroll position and focus when it is the same note. */
  private render(): void {
    const body = this.bodyEl;
    if (body === null || this.model === null) return;
    const sameNote = this.rendered !== null;
    const scrollTop = this.contentEl.scrollTop;
    const hadFocus = body.contains(body.ownerDocument.activeElement);
    const ui = activeUi(this.state);
    this.rendered = renderChainInto(body, this.model, ui, { citedBy: (id) => this.deps.citedBy(id), idPrefix: this.idPrefix });
    this.rememberCounts();
    // Redrawing the same note (a toggle, an index change) must not jump back to the top.
    this.contentEl.scrollTop = sameNote ? scrollTop : 0;
    if (hadFocus) this.focusEntry(ui.activeKey);
    this.updateToolbar();
  }

  private rememberCounts(): void {
    this.drawnCounts = new Map();
    for (const [key, target] of this.rendered?.targets ?? []) {
      if (target.kind === 'note' && target.id !== null) this.drawnCounts.set(key, this.deps.citedBy(target.id));
    }
  }

  private updateToolbar(): void {
    const progress = this.deps.isMobile ? this.deps.indexingProgress() : null;
    this.toolbar?.update(this.state.controls, { hasExclusions: this.deps.hasExclusions(), progress });
    // Mobile has no status bar and no event for progress: look again while indexing runs.
    if (progress !== null && this.timers.progress === null) {
      this.timers.progress = window.setTimeout(() => {
        this.timers.progress = null;
        this.updateToolbar();
      }, PROGRESS_POLL_MS);
    }
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
    const options = { citedBy: (id: string) => this.deps.citedBy(id), idPrefix: this.idPrefix };
    switch (effect.kind) {
      case 'chain':
        this.refreshNow(true);
        return;
      case 'shape':
        if (this.computation !== null) this.draw(this.modelOf(this.computation), true);
        return;
      case 'redraw':
        this.render();
        return;
      case 'entry': {
        const hadFocus = this.rendered?.elements.get(effect.key)?.contains(this.contentEl.ownerDocument.activeElement) ?? false;
        if (this.model === null || this.rendered === null || !redrawEntry(this.rendered, this.model, activeUi(this.state), effect.key, options)) this.render();
        else {
          this.rememberCounts();
          if (hadFocus) this.focusEntry(effect.key);
        }
        return;
      }
      case 'more': {
        const first = this.model === null || this.rendered === null ? null : revealMore(this.rendered, this.model, activeUi(this.state), effect.parentKey, effect.from, options);
        if (first === null) this.render();
        else {
          this.rememberCounts();
          this.focusEntry(first);
          this.state = reduce(this.state, { kind: 'focus', key: first }, 0).state;
        }
        return;
      }
      case 'none':
        return;
    }
  }

  private scheduleFilter(text: string): void {
    this.cancel('filter');
    this.timers.filter = window.setTimeout(() => {
      this.timers.filter = null;
      this.dispatch({ kind: 'filter', text });
    }, FILTER_DELAY_MS);
  }

  private cancel(name: keyof ChainView['timers']): void {
    const timer = this.timers[name];
    if (timer !== null) window.clearTimeout(timer);
    this.timers[name] = null;
  }

  private focusEntry(key: string | null): void {
    if (this.rendered === null) return;
    const el = (key !== null ? moveTabStop(this.rendered, key) : null) ?? this.firstTabStop();
    el?.focus();
  }

  private firstTabStop(): HTMLElement | null {
    for (const key of this.rendered?.tabStops.values() ?? []) return this.rendered?.elements.get(key) ?? null;
    return null;
  }

  private showSortMenu(evt: MouseEvent): void {
    const menu = new Menu();
    for (const sort of CHAIN_SORTS) {
      menu.addItem((item) =>
        item
          .setTitle(SORT_LABELS[sort])
          .setChecked(this.state.controls.sort === sort)
          .onClick(() => this.dispatch({ kind: 'sort', sort })),
      );
    }
    menu.showAtMouseEvent(evt);
  }

  private onRename(path: string, oldPath: string): void {
    if (this.state.controls.pinned !== oldPath) return;
    this.state = { ...this.state, controls: { ...this.state.controls, pinned: path } };
    this.app.workspace.requestSaveLayout();
    this.scheduleRefresh(true);
  }

  /** A pinned note that is deleted leaves nothing to show: the view follows the open note again. */
  private onDelete(path: string): void {
    if (this.state.controls.pinned === path) this.dispatch({ kind: 'pin', path: null });
  }

  private openTarget(target: EntryTarget, evt: MouseEvent | KeyboardEvent): void {
    if (this.model?.kind !== 'chain') return;
    const paneType = Keymap.isModEvent(evt);
    const sourcePath = this.model.note.path;
    if (target.kind === 'note' && target.id !== null) void this.deps.openId(target.id, sourcePath, paneType);
    else if (target.path !== null) void this.app.workspace.openLinkText(target.path, sourcePath, paneType);
  }

  private keyOf(el: Element | null | undefined): string | null {
    return el?.closest(`[${ATTR.key}]`)?.getAttribute(ATTR.key) ?? null;
  }

  private targetOf(el: Element | null | undefined): EntryTarget | undefined {
    const key = this.keyOf(el);
    return key === null ? undefined : this.rendered?.targets.get(key);
  }

  private onClick(evt: MouseEvent): void {
    const actionEl = (evt.target as Element | null)?.closest<HTMLElement>(`[${ATTR.action}]`);
    if (!actionEl || !this.bodyEl?.contains(actionEl)) return;
    const action = actionEl.getAttribute(ATTR.action);
    const key = this.keyOf(actionEl);
    if (action === 'depth-down') this.dispatch({ kind: 'depth', depth: this.depth - 1 });
    else if (action === 'depth-up') this.dispatch({ kind: 'depth', depth: this.depth + 1 });
    else if ((action === 'toggle' || action === 'toggle-section') && key !== null) this.toggle(key);
    else if (action === 'show-more') this.showMore(actionEl);
    else if (action === 'open') {
      const target = this.targetOf(actionEl);
      if (target !== undefined) this.openTarget(target, evt);
    } else return;
    evt.preventDefault();
  }

  private toggle(key: string): void {
    this.dispatch({ kind: 'toggle', key, drawn: this.rendered?.expansion ?? new Map() });
  }

  private showMore(moreEl: HTMLElement): void {
    const parentKey = moreEl.getAttribute(ATTR.parent);
    const children = parentKey === null || this.model === null ? null : childrenOf(this.model, parentKey);
    if (parentKey === null || children === null) return;
    this.dispatch({ kind: 'show-more', parentKey, total: children.length, drawn: this.rendered?.expansion ?? new Map() });
  }

  private onKeyDown(evt: KeyboardEvent): void {
    const el = evt.target as HTMLElement | null;
    if (el === null) return;
    const action = el.getAttribute(ATTR.action);
    const key = el.getAttribute(ATTR.key);
    if (action === 'toggle-section') {
      if (evt.key !== 'Enter' && evt.key !== ' ') return;
      if (key !== null) this.toggle(key);
      evt.preventDefault();
      return;
    }
    if (el.getAttribute('role') !== 'treeitem' || key === null) return;
    // Modified arrows belong to Obsidian's hotkeys (navigate back/forward and the like).
    if (evt.key !== 'Enter' && (evt.altKey || evt.ctrlKey || evt.metaKey)) return;
    const intent = treeKeyIntent(el, evt.key, this.rendered?.expansion.get(key));
    if (intent.kind === 'none') return;
    evt.preventDefault();
    if (intent.kind === 'focus') {
      const next = intent.item.getAttribute(ATTR.key);
      this.dispatch({ kind: 'focus', key: next });
      this.focusEntry(next);
    } else if (intent.kind === 'expand' || intent.kind === 'collapse') this.toggle(key);
    else if (intent.kind === 'expand-all') this.expandAll();
    else if (intent.kind === 'collapse-all') this.collapseAll();
    else if (action === 'show-more') this.showMore(el);
    else {
      const target = this.targetOf(el);
      if (target !== undefined) this.openTarget(target, evt);
    }
  }

  private onFocusIn(evt: FocusEvent): void {
    const el = evt.target as HTMLElement | null;
    if (el?.getAttribute('role') !== 'treeitem' || this.rendered === null) return;
    const key = el.getAttribute(ATTR.key);
    this.dispatch({ kind: 'focus', key });
    // A click focuses an entry too: it becomes the tree's tab stop, as arrow keys would make it.
    if (key !== null && el.getAttribute('tabindex') !== '0') moveTabStop(this.rendered, key);
  }

  private onHover(evt: MouseEvent): void {
    const rowEl = (evt.target as Element | null)?.closest<HTMLElement>('.pc-chain-row');
    if (!rowEl || rowEl.contains(evt.relatedTarget as Node | null)) return;
    const target = this.targetOf(rowEl);
    if (target?.path == null || this.model?.kind !== 'chain') return;
    this.app.workspace.trigger('hover-link', {
      event: evt,
      source: CHAIN_VIEW_TYPE,
      hoverParent: this,
      targetEl: rowEl,
      linktext: target.path,
      sourcePath: this.model.note.path,
    });
  }

  /**
   * Right-click on an entry: the "open" items a file list offers, then Obsidian's own file menu for
   * the note. `file-menu` (obsidian.d.ts, since 0.9.12) lets core and community plugins add their
   * items (reveal in navigation, rename, …); views add the open items themselves before triggering
   * it, as public plugins with note lists do.
   */
  private onContextMenu(evt: MouseEvent): void {
    const path = this.targetOf(evt.target as Element | null)?.path;
    const file = path == null ? null : this.app.vault.getFileByPath(path);
    if (file === null || this.model?.kind !== 'chain') return;
    evt.preventDefault();
    const sourcePath = this.model.note.path;
    const menu = new Menu();
    const open = (title: string, icon: string, paneType: 'tab' | 'split' | 'window'): void => {
      menu.addItem((item) =>
        item
          .setSection('open')
          .setTitle(title)
          .setIcon(icon)
          .onClick(() => void this.app.workspace.openLinkText(file.path, sourcePath, paneType)),
      );
    };
    open('Open in new tab', 'file-plus', 'tab');
    open('Open to the right', 'separator-vertical', 'split');
    if (Platform.isDesktopApp) open('Open in new window', 'picture-in-picture-2', 'window');
    this.app.workspace.trigger('file-menu', menu, file, CHAIN_VIEW_TYPE, this.leaf);
    menu.showAtMouseEvent(evt);
  }

  private onDragStart(evt: DragEvent): void {
    const target = this.targetOf(evt.target as Element | null);
    if (target?.id == null || evt.dataTransfer === null) return;
    const title = target.title === '' || target.title === target.id ? '' : ` ${target.title}`;
    evt.dataTransfer.setData('text/plain', target.id + title);
    evt.dataTransfer.effectAllowed = 'copy';
  }
}

/** Opens one more chain view in the right sidebar, below the others, following the open note. */
export async function openAnotherChainView(app: App): Promise<void> {
  const leaf = app.workspace.getRightLeaf(true);
  if (leaf === null) return;
  await leaf.setViewState({ type: CHAIN_VIEW_TYPE, active: true });
  await app.workspace.revealLeaf(leaf);
}
