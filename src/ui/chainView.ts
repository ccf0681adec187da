/**
 * The principle chain sidebar: follows the active note and the index, draws the chain through
 * renderChainInto, and turns clicks, keys, hovers and drags on entries into Obsidian actions.
 */

import { ItemView, Keymap, Menu, type HoverParent, type HoverPopover, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { MAX_CHAIN_DEPTH } from '../core/settings';
import type { IdServices } from '../obsidian/services';
import { pinExpansion } from './chain/expansion';
import { moveTabStop, treeKeyIntent } from './chain/keyboard';
import { modelSignature, storedDepth, type ChainUiState, type ChainViewModel, type ChainViewState } from './chain/model';
import { RememberedUiStates } from './chain/uiStates';
import { ATTR, redrawEntry, renderChainInto, revealMore, type EntryTarget, type RenderedChain } from './chain/render';
import { copyChainOutline } from './chain/copyOutline';
import type { ChainSource } from './chain/source';

export const CHAIN_VIEW_TYPE = 'principle-chain';
export const CHAIN_VIEW_ICON = 'git-fork';
/** Quiet time after note switches and index changes before the chain is recomputed. */
export const REFRESH_DELAY_MS = 150;
/** Notes whose expansion state is remembered when the view moves between notes. */
const REMEMBERED_NOTES = 20;

/** The sidebar view; the plugin never holds it (find it with getLeavesOfType). */
export class ChainView extends ItemView implements HoverParent {
  hoverPopover: HoverPopover | null = null;
  private chosenDepth: number | null = null;
  private readonly uiByNote = new RememberedUiStates(REMEMBERED_NOTES);
  private model: ChainViewModel | null = null;
  private inputs = '';
  private signature = '';
  private rendered: RenderedChain | null = null;
  private refreshTimer: number | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly services: IdServices,
    private readonly source: ChainSource,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return CHAIN_VIEW_TYPE;
  }

  getDisplayText(): string {
    return 'Principle chain';
  }

  getIcon(): string {
    return CHAIN_VIEW_ICON;
  }

  getState(): Record<string, unknown> {
    const state: ChainViewState = this.chosenDepth === null ? {} : { depth: this.chosenDepth };
    return { ...super.getState(), ...state };
  }

  async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const depth = storedDepth(state);
    if (depth !== null) {
      this.chosenDepth = depth;
      this.refreshNow();
    }
    await super.setState(state, result);
  }

  async onOpen(): Promise<void> {
    const schedule = (): void => this.scheduleRefresh();
    this.registerEvent(this.app.workspace.on('active-leaf-change', schedule));
    this.registerEvent(this.app.workspace.on('file-open', schedule));
    this.register(this.services.onIndexChange(schedule));
    this.register(() => this.cancelRefresh());
    this.registerDomEvent(this.contentEl, 'click', (evt) => this.onClick(evt));
    this.registerDomEvent(this.contentEl, 'auxclick', (evt) => {
      if (evt.button === 1) this.onClick(evt);
    });
    this.registerDomEvent(this.contentEl, 'keydown', (evt) => this.onKeyDown(evt));
    this.registerDomEvent(this.contentEl, 'mouseover', (evt) => this.onHover(evt));
    this.registerDomEvent(this.contentEl, 'dragstart', (evt) => this.onDragStart(evt));
    this.registerDomEvent(this.contentEl, 'focusin', (evt) => this.onFocusIn(evt));
    this.registerDomEvent(this.contentEl, 'contextmenu', (evt) => this.onContextMenu(evt));
    this.refreshNow();
  }

  async onClose(): Promise<void> {
    this.cancelRefresh();
    this.contentEl.empty();
  }

  onPaneMenu(menu: Menu, source: string): void {
    super.onPaneMenu(menu, source);
    menu.addItem((item) =>
      item
        .setTitle('Copy chain as outline')
        .setIcon('copy')
        .onClick(() => void this.copyOutline()),
    );
  }

  /** The depth the view draws: the user's choice in the view, else the setting. */
  get depth(): number {
    return this.chosenDepth ?? this.services.settings().chainDepth;
  }

  /** Copies the followed note's chain, at the view's depth, as a Markdown outline. */
  async copyOutline(): Promise<void> {
    await copyChainOutline(this.source, this.app.workspace.getActiveFile(), this.depth);
  }

  /** Recomputes after a quiet period, so bursts of events cost one computation. */
  scheduleRefresh(): void {
    this.cancelRefresh();
    this.refreshTimer = window.setTimeout(() => {
      this.refreshTimer = null;
      this.refreshNow();
    }, REFRESH_DELAY_MS);
  }

  /** Recomputes the model and redraws only when it differs from what is on screen. */
  refreshNow(): void {
    this.cancelRefresh();
    const file = this.app.workspace.getActiveFile();
    const { showIncoming, showContext } = this.services.settings();
    // Focus moving between panes fires events without changing anything the chain depends on.
    const inputs = [file?.path ?? '', this.depth, this.services.index.revision, showIncoming, showContext].join('\u001f');
    if (inputs === this.inputs) return;
    this.inputs = inputs;
    const model = this.source.model(file, this.depth);
    const signature = modelSignature(model);
    if (signature === this.signature) return;
    this.signature = signature;
    this.render(model);
  }

  /** Draws the model with the expansion state remembered for its note. */
  render(model: ChainViewModel): void {
    const sameNote = noteOf(this.model) === noteOf(model);
    const scrollTop = this.contentEl.scrollTop;
    this.model = model;
    const hadFocus = this.contentEl.contains(this.contentEl.ownerDocument.activeElement);
    const ui = this.uiState();
    this.rendered = renderChainInto(this.contentEl, model, ui);
    // Redrawing the same note (a toggle, an index change) must not jump back to the top.
    this.contentEl.scrollTop = sameNote ? scrollTop : 0;
    if (hadFocus) this.restoreFocus(ui.activeKey);
  }

  private cancelRefresh(): void {
    if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private uiState(): ChainUiState {
    return this.uiByNote.of(noteOf(this.model) ?? '');
  }

  private redraw(): void {
    if (this.model !== null) this.render(this.model);
  }

  private restoreFocus(key: string | null): void {
    const target =
      (key !== null ? this.elementByKey(key) : null) ??
      this.contentEl.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]');
    target?.focus();
  }

  private elementByKey(key: string): HTMLElement | null {
    for (const el of Array.from(this.contentEl.querySelectorAll<HTMLElement>(`[${ATTR.key}]`))) {
      if (el.getAttribute(ATTR.key) === key) return el;
    }
    return null;
  }

  private setDepth(depth: number): void {
    const next = Math.max(1, Math.min(MAX_CHAIN_DEPTH, depth));
    if (next === this.depth) return;
    this.chosenDepth = next;
    this.app.workspace.requestSaveLayout();
    this.refreshNow();
  }

  private toggle(key: string): void {
    const ui = this.uiState();
    if (this.rendered !== null) pinExpansion(ui, this.rendered.expansion);
    const el = this.elementByKey(key);
    const expanded = el?.getAttribute('aria-expanded') === 'true';
    ui.expansion.set(key, !expanded);
    if (el?.getAttribute('role') !== 'treeitem') {
      this.redraw();
      return;
    }
    ui.activeKey = key;
    const hadFocus = el.contains(this.contentEl.ownerDocument.activeElement);
    if (this.model === null || this.rendered === null || !redrawEntry(this.contentEl, this.model, ui, this.rendered, key)) {
      this.redraw();
    } else if (hadFocus) this.restoreFocus(key);
  }

  private showMore(moreEl: HTMLElement): void {
    const ui = this.uiState();
    if (this.model === null || this.rendered === null) return;
    pinExpansion(ui, this.rendered.expansion);
    const first = revealMore(this.model, ui, this.rendered, moreEl);
    if (first === null) {
      this.redraw();
      return;
    }
    ui.activeKey = first.getAttribute(ATTR.key);
    moveTabStop(first);
  }

  private openTarget(target: EntryTarget, evt: MouseEvent | KeyboardEvent): void {
    if (this.model?.kind !== 'chain') return;
    const paneType = Keymap.isModEvent(evt);
    const sourcePath = this.model.note.path;
    if (target.kind === 'note' && target.id !== null) {
      void this.services.openId(target.id, sourcePath, paneType);
    } else if (target.path !== null) {
      void this.app.workspace.openLinkText(target.path, sourcePath, paneType);
    }
  }

  private targetOf(el: Element): EntryTarget | undefined {
    const key = el.getAttribute(ATTR.key);
    return key === null ? undefined : this.rendered?.targets.get(key);
  }

  private onClick(evt: MouseEvent): void {
    const actionEl = (evt.target as Element | null)?.closest<HTMLElement>(`[${ATTR.action}]`);
    if (!actionEl || !this.contentEl.contains(actionEl)) return;
    const action = actionEl.getAttribute(ATTR.action);
    const itemEl = actionEl.closest<HTMLElement>(`[${ATTR.key}]`);
    const key = itemEl?.getAttribute(ATTR.key) ?? null;
    if (action === 'depth-down') this.setDepth(this.depth - 1);
    else if (action === 'depth-up') this.setDepth(this.depth + 1);
    else if ((action === 'toggle' || action === 'toggle-section') && key !== null) this.toggle(key);
    else if (action === 'show-more') this.showMore(actionEl);
    else if (action === 'open' && itemEl) {
      const target = this.targetOf(itemEl);
      if (target !== undefined) this.openTarget(target, evt);
    } else return;
    evt.preventDefault();
  }

  private onKeyDown(evt: KeyboardEvent): void {
    const el = evt.target as HTMLElement | null;
    if (el === null) return;
    const action = el.getAttribute(ATTR.action);
    if (action === 'toggle-section') {
      if (evt.key !== 'Enter' && evt.key !== ' ') return;
      const key = el.getAttribute(ATTR.key);
      if (key !== null) this.toggle(key);
      evt.preventDefault();
      return;
    }
    if (el.getAttribute('role') !== 'treeitem') return;
    // Modified arrows belong to Obsidian's hotkeys (navigate back/forward and the like).
    if (evt.key !== 'Enter' && (evt.altKey || evt.ctrlKey || evt.metaKey)) return;
    const intent = treeKeyIntent(el, evt.key);
    const key = el.getAttribute(ATTR.key);
    if (intent.kind === 'none' || key === null) return;
    evt.preventDefault();
    if (intent.kind === 'focus') {
      this.uiState().activeKey = intent.item.getAttribute(ATTR.key);
      moveTabStop(intent.item);
    } else if (intent.kind === 'expand' || intent.kind === 'collapse') {
      this.toggle(key);
    } else if (action === 'show-more') {
      this.showMore(el);
    } else {
      const target = this.targetOf(el);
      if (target !== undefined) this.openTarget(target, evt);
    }
  }

  private onFocusIn(evt: FocusEvent): void {
    const el = evt.target as HTMLElement | null;
    if (el?.getAttribute('role') !== 'treeitem') return;
    this.uiState().activeKey = el.getAttribute(ATTR.key);
    // A click focuses an entry too: it becomes the tree's tab stop, as arrow keys would make it.
    if (el.getAttribute('tabindex') !== '0') moveTabStop(el);
  }

  private onHover(evt: MouseEvent): void {
    const rowEl = (evt.target as Element | null)?.closest<HTMLElement>('.pc-chain-row');
    if (!rowEl || rowEl.contains(evt.relatedTarget as Node | null)) return;
    const itemEl = rowEl.closest<HTMLElement>(`[${ATTR.key}]`);
    const target = itemEl ? this.targetOf(itemEl) : undefined;
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

  /** Right-click on an entry shows Obsidian's file menu for its note, as the file explorer does. */
  private onContextMenu(evt: MouseEvent): void {
    const itemEl = (evt.target as Element | null)?.closest<HTMLElement>(`[${ATTR.key}]`);
    const path = itemEl ? this.targetOf(itemEl)?.path : null;
    const file = path == null ? null : this.app.vault.getFileByPath(path);
    if (file === null) return;
    evt.preventDefault();
    const menu = new Menu();
    this.app.workspace.trigger('file-menu', menu, file, CHAIN_VIEW_TYPE, this.leaf);
    menu.showAtMouseEvent(evt);
  }

  private onDragStart(evt: DragEvent): void {
    const itemEl = (evt.target as Element | null)?.closest<HTMLElement>(`[${ATTR.key}]`);
    const target = itemEl ? this.targetOf(itemEl) : undefined;
    if (target?.id == null || evt.dataTransfer === null) return;
    const title = target.title === '' || target.title === target.id ? '' : ` ${target.title}`;
    evt.dataTransfer.setData('text/plain', target.id + title);
    evt.dataTransfer.effectAllowed = 'copy';
  }
}

function noteOf(model: ChainViewModel | null): string | null {
  return model?.kind === 'chain' ? model.note.path : null;
}
