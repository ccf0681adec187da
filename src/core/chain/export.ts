/**
 * A chain as text, in each format the plugin and the command line offer: a Markdown outline,
 * Mermaid, Graphviz DOT and JSON. One function, so "Copy chain as Mermaid", the code block's
 * diagram and `principle-chain graph` draw the same picture of the same chain.
 */
import type { ChainResult } from './chain';
import { chainGraph, type ChainGraph, type GraphNode } from './graph';
import { renderOutline } from './outline';
import { showControlCharacters } from '../controlChars';
import { linktextCanName } from '../linktext';

export type GraphFormat = 'mermaid' | 'dot' | 'json';
export type ChainTextFormat = 'outline' | GraphFormat;

export const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'json'];

export interface GraphTextOptions {
  /**
   * The link text of a note, for Mermaid's `internal-link` class (Obsidian opens the note whose
   * link text a node shows). Default: the vault path without `.md`, which always resolves.
   */
  readonly linktext?: (path: string) => string;
}

/** The chain as text in the format; the outline keeps the trees, the others draw the graph. */
export function renderChainText(result: ChainResult, format: ChainTextFormat, options: GraphTextOptions = {}): string {
  return format === 'outline' ? renderOutline(result) : renderGraph(chainGraph(result), format, options);
}

/** A graph as Mermaid, DOT or JSON text, ending in a newline. */
export function renderGraph(graph: ChainGraph, format: GraphFormat, options: GraphTextOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(graphJson(graph), null, 2)}\n`;
  return format === 'dot' ? renderDot(graph) : renderMermaid(graph, options);
}

/** The JSON export: the start note's key (null for the vault), nodes and edges by key. */
export function graphJson(graph: ChainGraph): { root: string | null; nodes: GraphNode[]; edges: { from: string; to: string }[] } {
  return {
    root: graph.root,
    nodes: graph.nodes.map(({ key, id, path, title, status }) => ({ key, id, path, title, status })),
    edges: graph.edges.map(({ from, to }) => ({ from, to })),
  };
}

const defaultLinktext = (path: string): string => path.replace(/\.md$/i, '');

/** What a node is called in the picture: `ID Title`, the path for a note without either. */
export function nodeCaption(node: GraphNode): string {
  const name = [node.id, node.title !== node.id ? node.title : ''].filter((part) => part !== null && part !== '').join(' ');
  const shown = name === '' ? (node.path ?? node.key) : name; // with no ID there is a path
  if (node.status === 'unresolved') return `${shown} (unresolved)`;
  if (node.status === 'ambiguous') return `${shown} (ambiguous)`;
  return shown;
}

/**
 * Mermaid flowchart. Obsidian turns a node of class `internal-link` into a link to the note its
 * text names (help: "Diagrams", linking notes), so a resolved note shows its link text; a resolved
 * note that link text cannot name (its name holds `#`) shows its caption and is no link, since the
 * link would open or create another note; the others show their caption and a dashed border.
 */
function renderMermaid(graph: ChainGraph, options: GraphTextOptions): string {
  const linktext = options.linktext ?? defaultLinktext;
  const names = new Map(graph.nodes.map((node, i) => [node.key, `n${i}`]));
  const lines = ['graph TD'];
  const linked: string[] = [];
  const open: string[] = [];
  for (const node of graph.nodes) {
    const name = names.get(node.key) ?? '';
    const resolved = node.status === 'resolved' && node.path !== null; // a resolved note has a path; this narrows the type
    const linkable = resolved && linktextCanName(node.path);
    lines.push(`  ${name}["${mermaidText(linkable ? linktext(node.path) : nodeCaption(node))}"]`);
    if (linkable) linked.push(name);
    else if (!resolved) open.push(name);
  }
  for (const edge of graph.edges) lines.push(`  ${names.get(edge.from) ?? ''} --> ${names.get(edge.to) ?? ''}`);
  if (graph.root !== null) lines.push(`  classDef start stroke-width:3px`, `  class ${names.get(graph.root) ?? ''} start`);
  if (open.length > 0) lines.push('  classDef open stroke-dasharray:4 4', `  class ${open.join(',')} open`);
  if (linked.length > 0) lines.push(`  class ${linked.join(',')} internal-link`);
  return `${lines.join('\n')}\n`;
}

/**
 * Text inside a quoted Mermaid label: Mermaid's entity codes stand in for the characters that
 * would end the label or be read as markup, and for control characters (a line break would end
 * the node's line, an escape sequence drive a terminal), so the node shows (and links to) the text
 * as it is.
 */
function mermaidText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  return text.replace(/[#"<>&\u0000-\u001f\u007f-\u009f]/g, (char) => `#${char.charCodeAt(0)};`);
}

/** Graphviz DOT: one quoted node per note, labelled `ID Title`; open IDs dashed. */
function renderDot(graph: ChainGraph): string {
  const lines = ['digraph chain {', '  rankdir=LR;', '  node [shape=box];'];
  for (const node of graph.nodes) {
    const attributes = [`label=${dotString(nodeCaption(node))}`];
    if (node.status !== 'resolved') attributes.push('style=dashed');
    if (node.key === graph.root) attributes.push('penwidth=2');
    lines.push(`  ${dotString(node.key)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A quoted DOT string; a line break is DOT's own `\n`, any other control character shown as its escape. */
function dotString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters but line breaks and the tab
  const shown = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (char) => showControlCharacters(char));
  return `"${shown.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}
