/**
 * Draws a `principle-chain` code block: a tree, a list or a Mermaid diagram of the chain, with each
 * note as Obsidian's own internal link (click, modifier-click and hover preview are Obsidian's), or
 * a message saying what is wrong with the block. Note text is only ever set as text.
 */
import { Keymap, type Component, type PaneType } from 'obsidian';
import type { ChainNode, ChainNote } from '../../core/chain/chain';
import type { ChainBlockOptions } from '../../core/chain/blockOptions';
import { renderChainText } from '../../core/chain/export';
import { chainGraph } from '../../core/chain/graph';
import { contextParts, readableContext } from '../../core/chain/readableContext';
import { linktextCanName } from '../../core/linktext';
import type { ShapedChain } from '../../core/chain/shape';
import type { ChainBlockDeps } from './deps';

/** Mermaid lays out a few hundred edges at most before it gives up or takes seconds. */
export const MAX_GRAPH_EDGES = 500;

export const BLOCK_CLASS = 'pc-block';

/** What a drawn block shows, so a refresh can tell whether it must draw again. */
export interface BlockDrawing {
  readonly sourcePath: string;
  readonly options: ChainBlockOptions;
  readonly chain: ShapedChain;
}

/** Replaces the block's content with the problems that keep it from drawing. */
export function renderProblems(el: HTMLElement, problems: readonly string[]): void {
  el.empty();
  el.addClass(BLOCK_CLASS);
  const box = el.createDiv({ cls: 'pc-block-problem', attr: { role: 'alert' } });
  box.createDiv({ cls: 'pc-block-problem-title', text: 'This principle-chain block cannot be drawn:' });
  const list = box.createEl('ul');
  for (const problem of problems) list.createEl('li', { text: problem });
}

/** Replaces the block's content with the chain, shown as the options ask. */
export function renderBlock(el: HTMLElement, drawing: BlockDrawing, deps: ChainBlockDeps, component: Component): void {
  el.empty();
  el.addClass(BLOCK_CLASS);
  const { options, sourcePath } = drawing;
  const { result } = drawing.chain;
  const caption = el.createDiv({ cls: 'pc-block-caption' });
  caption.appendText('Principle chain of ');
  noteLink(caption, result.root, deps, sourcePath, component);
  if (options.show === 'graph') {
    const edges = chainGraph(result).edges.length;
    if (edges <= MAX_GRAPH_EDGES) {
      const linktext = (path: string): string => deps.linktext(path, sourcePath);
      const mermaid = renderChainText(result, 'mermaid', { linktext });
      void deps.renderMarkdown('```mermaid\n' + mermaid + '```\n', el.createDiv({ cls: 'pc-block-graph' }), sourcePath, component);
      return;
    }
    el.createDiv({
      cls: 'pc-block-note',
      text: `This chain has ${edges} links, more than a diagram can show (${MAX_GRAPH_EDGES}), so it is drawn as a tree.`,
    });
  }
  // The chain comes capped at the limit already (its maxNodes); counting here keeps any chain within it.
  const limit = { left: options.limit };
  const ctx = { drawing, deps, component, limit };
  if (options.direction !== 'in') section(el, 'Builds on', result.out, result.outTruncated, ctx, null);
  if (options.direction !== 'out') section(el, 'Built on by', result.in, result.inTruncated, ctx, result.root.id);
  if (result.capped || limit.left < 0) {
    const shown = options.limit === 1 ? 'Only the first entry is shown' : `Only the first ${options.limit} entries are shown`;
    el.createDiv({ cls: 'pc-block-note', text: `${shown} (limit).` });
  }
}

/** What every entry of one drawing needs. */
interface DrawContext {
  readonly drawing: BlockDrawing;
  readonly deps: ChainBlockDeps;
  /** The drawing's component: the handlers of links drawn here go with it. */
  readonly component: Component;
  /** How many more entries the block's limit allows. */
  readonly limit: { left: number };
}

function section(
  el: HTMLElement,
  heading: string,
  nodes: readonly ChainNode[],
  truncated: number,
  ctx: DrawContext,
  /** Incoming: the ID each context stands for is its parent's (the root's at the top); outgoing: null, the entry's own. */
  citedId: string | null,
): void {
  const wrapper = el.createDiv({ cls: 'pc-block-section' });
  wrapper.createDiv({ cls: 'pc-block-heading', text: heading });
  if (nodes.length === 0 && truncated === 0) {
    wrapper.createDiv({ cls: 'pc-block-empty', text: 'None.' });
    return;
  }
  const list = wrapper.createEl('ul', { cls: 'pc-block-list' });
  const incoming = citedId !== null;
  if (ctx.drawing.options.show === 'list') for (const node of distinct(nodes)) entry(list, node, ctx, false, incoming ? citedId : null);
  else for (const node of nodes) entry(list, node, ctx, true, incoming ? citedId : null);
  if (truncated > 0) list.createEl('li', { cls: 'pc-block-more', text: `… ${truncated} more` });
}

/** Every note of a tree once, breadth-first (a list view of the chain). */
function distinct(nodes: readonly ChainNode[]): ChainNode[] {
  const seen = new Set<string>();
  const out: ChainNode[] = [];
  const queue = [...nodes];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const key = node.path ?? `id:${node.id ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ ...node, cycle: false });
    }
    queue.push(...node.children);
  }
  return out;
}

function entry(
  list: HTMLElement,
  node: ChainNode,
  ctx: DrawContext,
  nested: boolean,
  /** The ID the entry's context names when it is not the entry's own (incoming entries). */
  citedId: string | null,
): void {
  const { drawing, deps, component } = ctx;
  if (--ctx.limit.left < 0) return;
  const item = list.createEl('li', { cls: 'pc-block-entry' });
  noteLink(item, node, deps, drawing.sourcePath, component);
  if (node.status === 'ambiguous') {
    item.appendText(' — one of ');
    node.candidates.forEach((path, i) => {
      if (i > 0) item.appendText(', ');
      // Shown by its link text, not by the ID all candidates share: the reader must tell them apart.
      noteLink(item, { id: null, path, title: '', status: 'resolved', candidates: [] }, deps, drawing.sourcePath, component);
    });
  }
  if (node.cycle) item.createSpan({ cls: 'pc-block-flag', text: ' ↺', attr: { title: 'Already in this chain' } });
  if (node.mentions > 1) item.createSpan({ cls: 'pc-block-flag', text: ` ×${node.mentions}` });
  if (drawing.options.context && node.context !== null && node.context !== '') {
    const parts = contextParts(readableContext(node.context), citedId ?? node.id);
    const context = item.createDiv({ cls: 'pc-block-context' });
    context.appendText(parts.before);
    if (parts.id !== '') context.createSpan({ cls: 'pc-chain-context-id', text: parts.id });
    context.appendText(parts.after);
  }
  // An entry whose children the limit left out still says how many there are.
  if (!nested || (node.children.length === 0 && node.truncated === 0)) return;
  const children = item.createEl('ul', { cls: 'pc-block-list' });
  for (const child of node.children) entry(children, child, ctx, true, citedId === null ? null : node.id);
  if (node.truncated > 0) children.createEl('li', { cls: 'pc-block-more', text: `… ${node.truncated} more` });
}

/**
 * A note as Obsidian's own internal link (the shape its Reading view renders, so its click,
 * modifier-click, hover preview and context menu apply); an ID that names no single note as text.
 */
function noteLink(parent: HTMLElement, note: ChainNote, deps: ChainBlockDeps, sourcePath: string, component: Component): void {
  const name = [note.id, note.title !== note.id ? note.title : ''].filter((part) => part !== null && part !== '').join(' ');
  if (note.status !== 'resolved' || note.path === null) {
    const text = note.status === 'ambiguous' ? `${name} (${note.candidates.length} notes)` : `${name || note.path || ''} (no note)`;
    parent.createSpan({ cls: `pc-block-open mod-${note.status}`, text });
    return;
  }
  const { path } = note;
  if (!linktextCanName(path)) {
    fileLink(parent, name || path.replace(/\.md$/i, ''), (paneType) => deps.openPath(path, sourcePath, paneType), component);
    return;
  }
  const linktext = deps.linktext(path, sourcePath);
  parent.createEl('a', {
    cls: 'internal-link',
    text: name || linktext,
    attr: { href: linktext, 'data-href': linktext, target: '_blank', rel: 'noopener' },
  });
}

/**
 * A note that link text cannot name (see linktextCanName), as a link of the plugin's own: an
 * internal-link anchor would open or create another note. It opens the note's file with Obsidian's
 * modifier rules (Keymap.isModEvent: Mod-click or a middle click for a new tab), and Enter opens it
 * as ARIA's link pattern asks, like the Reading view's own ID links. It has no page preview: the
 * preview finds its note by link text too.
 */
function fileLink(parent: HTMLElement, text: string, open: (paneType: PaneType | boolean) => void, component: Component): void {
  const link = parent.createSpan({ cls: 'pc-block-link', text, attr: { role: 'link', tabindex: 0 } });
  const activate = (evt: MouseEvent | KeyboardEvent): void => {
    evt.preventDefault();
    open(Keymap.isModEvent(evt));
  };
  component.registerDomEvent(link, 'click', activate);
  component.registerDomEvent(link, 'auxclick', (evt) => {
    if (evt.button === 1) activate(evt);
  });
  component.registerDomEvent(link, 'keydown', (evt) => {
    if (evt.key === 'Enter' && !evt.isComposing) activate(evt);
  });
}
