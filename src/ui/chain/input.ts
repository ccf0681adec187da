/**
 * The chain view's input: clicks, keys, focus, hovers, drags and right-clicks on its trees, turned
 * into controller intents or Obsidian actions (open, hover preview, file menu).
 */

import { Keymap, Menu, Platform, type App, type Component, type HoverParent, type PaneType, type WorkspaceLeaf } from 'obsidian';
import type { ChainBody } from './body';
import type { ChainIntent } from './controller';
import { treeKeyIntent } from './keyboard';
import { childrenOf } from './model';
import { ATTR, moveTabStop, type EntryTarget } from './render';
import { openNotePath } from '../openNote';
import { linktextCanName } from '../../core/linktext';

/** What the input needs from the view. */
export interface ChainInputHost {
  readonly app: App;
  readonly leaf: WorkspaceLeaf;
  /** Where hover previews attach (the view). */
  readonly hoverParent: HoverParent;
  /** The view's type, as the hover and file-menu events name their source. */
  readonly source: string;
  readonly body: ChainBody;
  /** The depth drawn now. */
  depth(): number;
  dispatch(intent: ChainIntent): void;
  openId(id: string, sourcePath: string, paneType: PaneType | boolean): void;
}

/** Binds the input to the trees' element; the component unbinds it when it unloads. */
export function registerChainInput(component: Component, host: ChainInputHost): void {
  const input = new ChainInput(host);
  const el = host.body.el;
  component.registerDomEvent(el, 'click', (evt) => input.onClick(evt));
  component.registerDomEvent(el, 'auxclick', (evt) => {
    if (evt.button === 1) input.onClick(evt);
  });
  component.registerDomEvent(el, 'keydown', (evt) => input.onKeyDown(evt));
  component.registerDomEvent(el, 'mouseover', (evt) => input.onHover(evt));
  component.registerDomEvent(el, 'dragstart', (evt) => input.onDragStart(evt));
  component.registerDomEvent(el, 'focusin', (evt) => input.onFocusIn(evt));
  component.registerDomEvent(el, 'contextmenu', (evt) => input.onContextMenu(evt));
}

class ChainInput {
  constructor(private readonly host: ChainInputHost) {}

  private get body(): ChainBody {
    return this.host.body;
  }

  /** The note the chain is drawn for, which links open and previews resolve from; null without a chain. */
  private sourcePath(): string | null {
    const model = this.body.model;
    return model?.kind === 'chain' ? model.note.path : null;
  }

  onClick(evt: MouseEvent): void {
    const actionEl = (evt.target as Element | null)?.closest<HTMLElement>(`[${ATTR.action}]`);
    if (!actionEl || !this.body.el.contains(actionEl)) return;
    const action = actionEl.getAttribute(ATTR.action);
    const key = this.body.keyOf(actionEl);
    if (action === 'depth-down') this.host.dispatch({ kind: 'depth', depth: this.host.depth() - 1 });
    else if (action === 'depth-up') this.host.dispatch({ kind: 'depth', depth: this.host.depth() + 1 });
    else if ((action === 'toggle' || action === 'toggle-section') && key !== null) this.toggle(key);
    else if (action === 'show-more') this.showMore(actionEl);
    else if (action === 'unpin') this.host.dispatch({ kind: 'pin', path: null });
    else if (action === 'open') {
      const target = this.body.targetOf(actionEl);
      if (target !== undefined) this.open(target, evt);
    } else return;
    evt.preventDefault();
  }

  onKeyDown(evt: KeyboardEvent): void {
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
    const intent = treeKeyIntent(el, evt.key, this.body.rendered?.expansion.get(key));
    if (intent.kind === 'none') return;
    evt.preventDefault();
    if (intent.kind === 'focus') {
      const next = intent.item.getAttribute(ATTR.key);
      this.host.dispatch({ kind: 'focus', key: next });
      this.body.focusEntry(next);
    } else if (intent.kind === 'expand' || intent.kind === 'collapse') this.toggle(key);
    else if (intent.kind === 'expand-all') this.host.dispatch({ kind: 'expand-all' });
    else if (intent.kind === 'collapse-all') this.host.dispatch({ kind: 'collapse-all' });
    else if (action === 'show-more') this.showMore(el);
    else {
      const target = this.body.targetOf(el);
      if (target !== undefined) this.open(target, evt);
    }
  }

  onFocusIn(evt: FocusEvent): void {
    const el = evt.target as HTMLElement | null;
    const rendered = this.body.rendered;
    if (el?.getAttribute('role') !== 'treeitem' || rendered === null) return;
    const key = el.getAttribute(ATTR.key);
    this.host.dispatch({ kind: 'focus', key });
    // A click focuses an entry too: it becomes the tree's tab stop, as arrow keys would make it.
    if (key !== null && el.getAttribute('tabindex') !== '0') moveTabStop(rendered, key);
  }

  onHover(evt: MouseEvent): void {
    const rowEl = (evt.target as Element | null)?.closest<HTMLElement>('.pc-chain-row');
    if (!rowEl || rowEl.contains(evt.relatedTarget as Node | null)) return;
    const target = this.body.targetOf(rowEl);
    const sourcePath = this.sourcePath();
    // The page preview finds its note by link text, which cannot name every note: no preview rather than another note's.
    if (target?.path == null || sourcePath === null || !linktextCanName(target.path)) return;
    this.host.app.workspace.trigger('hover-link', {
      event: evt,
      source: this.host.source,
      hoverParent: this.host.hoverParent,
      targetEl: rowEl,
      linktext: target.path,
      sourcePath,
    });
  }

  /**
   * Right-click on an entry: the "open" items a file list offers, then Obsidian's own file menu for
   * the note. `file-menu` (obsidian.d.ts, since 0.9.12) lets core and community plugins add their
   * items (reveal in navigation, rename, …); views add the open items themselves before triggering
   * it, as public plugins with note lists do.
   */
  onContextMenu(evt: MouseEvent): void {
    const { app } = this.host;
    const path = this.body.targetOf(evt.target as Element | null)?.path;
    const file = path == null ? null : app.vault.getFileByPath(path);
    const sourcePath = this.sourcePath();
    if (file === null || sourcePath === null) return;
    evt.preventDefault();
    const menu = new Menu();
    const open = (title: string, icon: string, paneType: 'tab' | 'split' | 'window'): void => {
      menu.addItem((item) =>
        item
          .setSection('open')
          .setTitle(title)
          .setIcon(icon)
          .onClick(() => void openNotePath(app, file.path, sourcePath, paneType)),
      );
    };
    open('Open in new tab', 'file-plus', 'tab');
    open('Open to the right', 'separator-vertical', 'split');
    if (Platform.isDesktopApp) open('Open in new window', 'picture-in-picture-2', 'window');
    app.workspace.trigger('file-menu', menu, file, this.host.source, this.host.leaf);
    menu.showAtMouseEvent(evt);
  }

  onDragStart(evt: DragEvent): void {
    const target = this.body.targetOf(evt.target as Element | null);
    if (target?.id == null || evt.dataTransfer === null) return;
    const title = target.title === '' || target.title === target.id ? '' : ` ${target.title}`;
    evt.dataTransfer.setData('text/plain', target.id + title);
    evt.dataTransfer.effectAllowed = 'copy';
  }

  private open(target: EntryTarget, evt: MouseEvent | KeyboardEvent): void {
    const sourcePath = this.sourcePath();
    if (sourcePath === null) return;
    const paneType = Keymap.isModEvent(evt);
    if (target.kind === 'note' && target.id !== null) this.host.openId(target.id, sourcePath, paneType);
    else if (target.path !== null) void openNotePath(this.host.app, target.path, sourcePath, paneType);
  }

  private toggle(key: string): void {
    this.host.dispatch({ kind: 'toggle', key, drawn: this.body.rendered?.expansion ?? new Map() });
  }

  private showMore(moreEl: HTMLElement): void {
    const parentKey = moreEl.getAttribute(ATTR.parent);
    const model = this.body.model;
    const children = parentKey === null || model === null ? null : childrenOf(model, parentKey);
    if (parentKey === null || children === null) return;
    this.host.dispatch({ kind: 'show-more', parentKey, total: children.length, drawn: this.body.rendered?.expansion ?? new Map() });
  }
}
