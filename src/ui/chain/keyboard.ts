/**
 * Keyboard movement in the chain trees (WAI-ARIA tree pattern): which entry an arrow key goes to.
 * Only drawn entries exist (collapsed children are not in the DOM), so "visible" is "present".
 * Whether an entry is open comes from what the render recorded, not from the DOM.
 */

/** What a key press on a tree entry asks for. */
export type TreeKeyIntent =
  | { kind: 'focus'; item: HTMLElement }
  | { kind: 'expand' }
  | { kind: 'collapse' }
  | { kind: 'activate' }
  | { kind: 'expand-all' }
  | { kind: 'collapse-all' }
  | { kind: 'none' };

function itemsOf(tree: Element): HTMLElement[] {
  return Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
}

function parentItem(item: HTMLElement): HTMLElement | null {
  return item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? null;
}

function firstChildItem(item: HTMLElement): HTMLElement | null {
  return item.querySelector<HTMLElement>(':scope > [role="group"] > [role="treeitem"]');
}

/**
 * Maps a key on a tree entry to what should happen; 'none' leaves the key to the browser.
 * `expanded` is undefined for an entry that cannot open. `*` opens every entry (the tree pattern's
 * "expand all siblings", widened to the whole view), `-` closes them.
 */
export function treeKeyIntent(item: HTMLElement, key: string, expanded: boolean | undefined): TreeKeyIntent {
  const tree = item.closest('[role="tree"]');
  // Never null in the view (every entry is drawn in a tree); kept for the type.
  if (tree === null) return { kind: 'none' };
  const items = itemsOf(tree);
  const at = items.indexOf(item);
  const focus = (target: HTMLElement | null | undefined): TreeKeyIntent => (target ? { kind: 'focus', item: target } : { kind: 'none' });
  switch (key) {
    case 'ArrowDown':
      return focus(items[at + 1]);
    case 'ArrowUp':
      return focus(items[at - 1]);
    case 'Home':
      return focus(items[0]);
    case 'End':
      return focus(items[items.length - 1]);
    case 'ArrowRight':
      if (expanded === false) return { kind: 'expand' };
      if (expanded === true) return focus(firstChildItem(item));
      return { kind: 'none' };
    case 'ArrowLeft':
      if (expanded === true) return { kind: 'collapse' };
      return focus(parentItem(item));
    case 'Enter':
      return { kind: 'activate' };
    case '*':
      return { kind: 'expand-all' };
    case '-':
      return { kind: 'collapse-all' };
    default:
      return { kind: 'none' };
  }
}
