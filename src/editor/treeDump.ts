/**
 * The editor's syntax tree as data, for diagnostics: node names (class lists in Obsidian's editor,
 * never note text) with their ranges, in document order. A report from a real vault replays it.
 */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';

/** One syntax node: its name and its range in the document. */
export type DumpedNode = [name: string, from: number, to: number];

export interface SyntaxTreeDump {
  /** How far the parser had got; text past it has no nodes yet. */
  readonly parsedTo: number;
  /** Every node but the top one, parents before children. */
  readonly nodes: DumpedNode[];
  /** More than the limit: the nodes past it are left out. */
  readonly truncated: boolean;
}

/** A cap that keeps a dump of a long note to a size a clipboard and an issue comment take. */
export const MAX_DUMPED_NODES = 20_000;

/** Dumps the tree, first letting the parser work up to `parseBudgetMs` to reach the note's end. */
export function dumpSyntaxTree(state: EditorState, maxNodes = MAX_DUMPED_NODES, parseBudgetMs = 200): SyntaxTreeDump {
  const tree = ensureSyntaxTree(state, state.doc.length, parseBudgetMs) ?? syntaxTree(state);
  const nodes: DumpedNode[] = [];
  let truncated = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isTop) return;
      if (nodes.length >= maxNodes) {
        truncated = true;
        return false;
      }
      nodes.push([node.name, node.from, node.to]);
    },
  });
  return { parsedTo: tree.length, nodes, truncated };
}
