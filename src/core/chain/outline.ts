/** The chain as an indented Markdown list: "Copy chain as outline" and the command line's text mode. */
import type { ChainNode, ChainNote, ChainResult } from './chain';
import { showControlCharacters } from '../controlChars';

/** Ends the line of a note already on the path (shown, not expanded again). */
export const CYCLE_MARKER = '↺';
const INDENT = '  ';

/**
 * Renders `- ID Title` lines, two spaces per level: the start note, then "Builds on" and "Built on
 * by" sections for the directions that were computed. Cycles end in ↺, unresolved and ambiguous IDs
 * say so (ambiguous ones with every candidate), and left-out children as "… N more".
 */
export function renderOutline(result: ChainResult): string {
  const lines = [`- ${label(result.root)}`];
  if (result.direction !== 'in') section(lines, 'Builds on', result.out, result.outTruncated);
  if (result.direction !== 'out') section(lines, 'Built on by', result.in, result.inTruncated);
  return lines.join('\n') + '\n';
}

/** `ID Title` for a node, with its status marker; the title alone for a note without an ID. */
export function nodeLabel(node: ChainNode): string {
  return label(node) + (node.cycle ? ` ${CYCLE_MARKER}` : '');
}

function section(lines: string[], heading: string, nodes: readonly ChainNode[], truncated: number): void {
  lines.push(`${INDENT}- ${heading}${nodes.length === 0 && truncated === 0 ? ' (none)' : ''}`);
  list(lines, nodes, truncated, 2);
}

function list(lines: string[], nodes: readonly ChainNode[], truncated: number, level: number): void {
  const indent = INDENT.repeat(level);
  for (const node of nodes) {
    lines.push(`${indent}- ${nodeLabel(node)}`);
    list(lines, node.children, node.truncated, level + 1);
  }
  if (truncated > 0) lines.push(`${indent}- … ${truncated} more`);
}

/** A name with its control characters shown as escapes: a line break in one would make a line of the outline. */
function label(note: ChainNote): string {
  const name = [note.id, note.title !== note.id ? note.title : ''].filter((part) => part !== null && part !== '').join(' ');
  const shown = showControlCharacters(name === '' ? (note.path ?? '') : name); // with no ID there is a path
  if (note.status === 'unresolved') return `${shown} (unresolved)`;
  if (note.status === 'ambiguous') return `${shown} (ambiguous: ${showControlCharacters(note.candidates.join(', '))})`;
  return shown;
}
