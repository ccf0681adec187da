/**
 * What a reader asks of a drawn chain: narrow it to entries matching some text (keeping the path to
 * each match), leave out notes in excluded folders or with excluded tags, and sort each level. Pure
 * and linear in the chain's size, so it can run on every keystroke over the core's capped chain.
 */
import type { ChainNode, ChainNote, ChainResult } from './chain';
import { readableContext } from './readableContext';
import { compareCodeUnits } from '../order';

/** Orders of the entries under one parent. */
export type ChainSort = 'reference' | 'title' | 'id' | 'modified';
export const CHAIN_SORTS: readonly ChainSort[] = ['reference', 'title', 'id', 'modified'];

export interface ShapeOptions {
  /** Words every kept entry contains (title, ID or context), case- and accent-insensitive; '' keeps all. */
  readonly filter?: string;
  readonly sort?: ChainSort;
  /** Notes to leave out, with everything under them. */
  readonly hidden?: (note: ChainNote) => boolean;
  /** Last modification time of a note, for the 'modified' sort (newest first). */
  readonly modified?: (path: string) => number | undefined;
}

export interface ShapedChain {
  readonly result: ChainResult;
  /** Entries that match the filter themselves (the others are on the way to one); empty without a filter. */
  readonly matches: ReadonlySet<ChainNode>;
  /** Entries left out as hidden notes, per tree, at any level (what was under them not counted). */
  readonly hiddenOut: number;
  readonly hiddenIn: number;
}

/** Lower case without accents: the form filter text and entries are compared in. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Folded search and sort texts of nodes, computed once per node: a chain is shaped again on every
 * keystroke while the nodes stay the same objects until the next index change.
 */
export class ShapeKeys {
  private readonly search = new WeakMap<ChainNode, string>();
  private readonly titles = new WeakMap<ChainNode, string>();

  searchText(node: ChainNode): string {
    let key = this.search.get(node);
    if (key === undefined) {
      key = foldForSearch(`${node.title}\n${node.id ?? ''}\n${readableContext(node.context ?? '')}`);
      this.search.set(node, key);
    }
    return key;
  }

  titleText(node: ChainNode): string {
    let key = this.titles.get(node);
    if (key === undefined) {
      key = foldForSearch(node.title || node.id || node.path || '');
      this.titles.set(node, key);
    }
    return key;
  }
}

/** The chain narrowed, pruned and sorted as asked; the input is left as it was. */
export function shapeChain(result: ChainResult, options: ShapeOptions, keys: ShapeKeys = new ShapeKeys()): ShapedChain {
  const words = foldForSearch(options.filter ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const compare = comparator(options.sort ?? 'reference', keys, options.modified);
  const matches = new Set<ChainNode>();
  const hidden = { count: 0 };
  const matchesAll = (node: ChainNode): boolean => {
    const text = keys.searchText(node);
    return words.every((word) => text.includes(word));
  };

  const shapeLevel = (nodes: readonly ChainNode[]): ChainNode[] => {
    const kept: ChainNode[] = [];
    for (const node of nodes) {
      if (options.hidden?.(node) === true) {
        hidden.count++;
        continue;
      }
      const children = shapeLevel(node.children);
      const matched = words.length > 0 && matchesAll(node);
      if (words.length > 0 && !matched && children.length === 0) continue;
      const shaped = children.length === node.children.length && children.every((child, i) => child === node.children[i]) ? node : { ...node, children };
      if (matched) matches.add(shaped);
      kept.push(shaped);
    }
    return compare === null ? kept : kept.sort(compare);
  };

  const out = shapeLevel(result.out);
  const hiddenOut = hidden.count;
  hidden.count = 0;
  const incoming = shapeLevel(result.in);
  return { result: { ...result, out, in: incoming }, matches, hiddenOut, hiddenIn: hidden.count };
}

type Compare = (a: ChainNode, b: ChainNode) => number;

/** Ties fall back to the path, then the ID, so every order is the same on every machine. */
function byIdentity(a: ChainNode, b: ChainNode): number {
  return compareCodeUnits(a.path ?? '', b.path ?? '') || compareCodeUnits(a.id ?? '', b.id ?? '');
}

function comparator(sort: ChainSort, keys: ShapeKeys, modified: ShapeOptions['modified']): Compare | null {
  switch (sort) {
    case 'reference':
      return null;
    case 'title':
      return (a, b) => compareCodeUnits(keys.titleText(a), keys.titleText(b)) || byIdentity(a, b);
    case 'id':
      // Entries without an ID after those with one.
      return (a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || compareCodeUnits(a.id ?? '', b.id ?? '') || byIdentity(a, b);
    case 'modified': {
      const time = (node: ChainNode): number => (node.path === null ? undefined : modified?.(node.path)) ?? -Infinity;
      // Newest first; unknown times (unresolved IDs) last.
      return (a, b) => {
        const ta = time(a);
        const tb = time(b);
        return ta === tb ? byIdentity(a, b) : ta < tb ? 1 : -1;
      };
    }
  }
}
