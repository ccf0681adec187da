/**
 * The chain view's toolbar: pin, sort, expand all, collapse all, "hide excluded", the filter box,
 * and (on mobile, which has no status bar) indexing progress. Built once when the view opens and
 * updated in place, so the filter box keeps focus and caret while the trees are redrawn below it.
 */

import { setIcon } from 'obsidian';
import type { ChainSort } from '../../core/chain/shape';
import type { ChainControls } from './controller';
import type { IndexingProgress } from './deps';

export const SORT_LABELS: Readonly<Record<ChainSort, string>> = Object.freeze({
  reference: 'Reference order',
  title: 'Title',
  id: 'ID (creation time)',
  modified: 'Modified time',
});

/** What the toolbar's controls ask for; the view turns these into controller intents. */
export interface ToolbarActions {
  togglePin(): void;
  showSortMenu(evt: MouseEvent): void;
  expandAll(): void;
  collapseAll(): void;
  toggleHideExcluded(): void;
  /** The filter text as typed (the view debounces it). */
  filterTyped(text: string): void;
  /** Esc in the filter box: clear it at once. */
  clearFilter(): void;
}

export interface ChainToolbar {
  readonly el: HTMLElement;
  readonly filterInput: HTMLInputElement;
  update(controls: ChainControls, info: ToolbarInfo): void;
}

export interface ToolbarInfo {
  readonly hasExclusions: boolean;
  /** Shown only when set (mobile while indexing). */
  readonly progress: IndexingProgress | null;
}

/** Icon buttons have no visible words, so their names are aria-labels (Obsidian shows them as tooltips). */
function iconButton(parent: HTMLElement, icon: string, label: string, action: string, onClick: (evt: MouseEvent) => void): HTMLElement {
  const button = parent.createEl('button', {
    cls: 'clickable-icon nav-action-button pc-chain-tool',
    attr: { 'aria-label': label, 'data-tool': action },
  });
  setIcon(button, icon);
  button.addEventListener('click', (evt) => {
    evt.preventDefault();
    onClick(evt);
  });
  return button;
}

export function createToolbar(parent: HTMLElement, actions: ToolbarActions): ChainToolbar {
  const el = parent.createDiv({ cls: 'pc-chain-toolbar nav-header' });
  const buttons = el.createDiv({ cls: 'nav-buttons-container' });
  const pin = iconButton(buttons, 'pin', 'Pin to this note', 'pin', () => actions.togglePin());
  const sort = iconButton(buttons, 'arrow-up-down', 'Sort', 'sort', (evt) => actions.showSortMenu(evt));
  iconButton(buttons, 'chevrons-up-down', 'Expand all', 'expand-all', () => actions.expandAll());
  iconButton(buttons, 'chevrons-down-up', 'Collapse all', 'collapse-all', () => actions.collapseAll());
  const hide = iconButton(buttons, 'eye-off', 'Hide excluded folders and tags', 'hide-excluded', () => actions.toggleHideExcluded());

  const search = el.createDiv({ cls: 'search-input-container pc-chain-filter' });
  const filterInput = search.createEl('input', {
    cls: 'pc-chain-filter-input',
    attr: { type: 'search', placeholder: 'Filter by title, ID or context', spellcheck: 'false', enterkeyhint: 'search' },
  });
  const clear = search.createDiv({ cls: 'search-input-clear-button', attr: { 'aria-label': 'Clear filter', role: 'button' } });
  // The box is emptied here, not by the next update: a filter typed within its delay is not applied
  // yet, so clearing changes no control and no update would follow.
  const clearBox = (): void => {
    filterInput.value = '';
    actions.clearFilter();
  };
  clear.addEventListener('click', () => {
    clearBox();
    filterInput.focus();
  });
  filterInput.addEventListener('input', () => actions.filterTyped(filterInput.value));
  filterInput.addEventListener('keydown', (evt) => {
    if (evt.key !== 'Escape' || filterInput.value === '') return;
    // Esc empties the box here rather than closing whatever Obsidian would close.
    evt.preventDefault();
    evt.stopPropagation();
    clearBox();
  });
  const progress = el.createDiv({ cls: 'pc-chain-progress', attr: { 'aria-live': 'polite' } });

  return {
    el,
    filterInput,
    update(controls, info) {
      pin.toggleClass('is-active', controls.pinned !== null);
      pin.setAttribute('aria-pressed', String(controls.pinned !== null));
      pin.setAttribute('aria-label', controls.pinned === null ? 'Pin to this note' : 'Unpin: follow the open note');
      sort.setAttribute('aria-label', `Sort: ${SORT_LABELS[controls.sort]}`);
      sort.toggleClass('is-active', controls.sort !== 'reference');
      hide.toggleClass('pc-chain-hidden-tool', !info.hasExclusions);
      hide.toggleClass('is-active', controls.hideExcluded);
      hide.setAttribute('aria-pressed', String(controls.hideExcluded));
      if (filterInput.value !== controls.filter) filterInput.value = controls.filter;
      clear.toggleClass('pc-chain-hidden-tool', controls.filter === '');
      const text = info.progress === null ? '' : `Indexing IDs ${info.progress.done.toLocaleString('en-US')} / ${info.progress.total.toLocaleString('en-US')}`;
      if (progress.textContent !== text) progress.setText(text);
      progress.toggleClass('pc-chain-hidden-tool', text === '');
    },
  };
}
