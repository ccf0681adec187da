/** The chain view's menus: its pane menu's items and the sort button's menu. */

import { Menu } from 'obsidian';
import { CHAIN_SORTS, type ChainSort } from '../../core/chain/shape';
import { SORT_LABELS } from './toolbar';

/** What the pane menu's items do. */
export interface PaneMenuActions {
  /** Whether the view is pinned to a note (the pin item then unpins). */
  readonly pinned: boolean;
  copy(format: 'outline' | 'mermaid'): void;
  expandAll(): void;
  collapseAll(): void;
  togglePin(): void;
  openAnotherView(): void;
}

/** The view's items in the pane menu (the "more options" menu of its tab header). */
export function addPaneMenuItems(menu: Menu, actions: PaneMenuActions): void {
  const { pinned } = actions;
  menu.addItem((item) => item.setTitle('Copy chain as outline').setIcon('copy').onClick(() => actions.copy('outline')));
  menu.addItem((item) => item.setTitle('Copy chain as Mermaid').setIcon('workflow').onClick(() => actions.copy('mermaid')));
  menu.addItem((item) => item.setTitle('Expand all').setIcon('chevrons-up-down').onClick(() => actions.expandAll()));
  menu.addItem((item) => item.setTitle('Collapse all').setIcon('chevrons-down-up').onClick(() => actions.collapseAll()));
  menu.addItem((item) =>
    item
      .setTitle(pinned ? 'Unpin: follow the open note' : 'Pin to this note')
      .setIcon(pinned ? 'pin-off' : 'pin')
      .onClick(() => actions.togglePin()),
  );
  menu.addItem((item) => item.setTitle('Open another chain view').setIcon('git-fork').onClick(() => actions.openAnotherView()));
}

/** The sort button's menu: every order, the current one checked. */
export function showSortMenu(evt: MouseEvent, current: ChainSort, choose: (sort: ChainSort) => void): void {
  const menu = new Menu();
  for (const sort of CHAIN_SORTS) {
    menu.addItem((item) =>
      item
        .setTitle(SORT_LABELS[sort])
        .setChecked(current === sort)
        .onClick(() => choose(sort)),
    );
  }
  menu.showAtMouseEvent(evt);
}
