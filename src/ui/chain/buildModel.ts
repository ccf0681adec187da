/** From the core's chain to what the view draws: the chain of a file, and its view model. */

import { buildChain, type ChainIndex, type ChainNode } from '../../core/chain/chain';
import { contextParts, readableContext } from '../../core/chain/readableContext';
import { shapeChain, type ShapedChain, type ShapeKeys } from '../../core/chain/shape';
import type { ChainResult } from '../../core/chain/chain';
import { MAX_CHAIN_DEPTH } from '../../core/settings';
import type { ChainControls } from './controller';
import type { ChainComputation, ChainViewDeps, FollowedFile } from './deps';
import type { ChainModel, ChainViewModel, ChainViewNode, EmptyReason, ViewContext } from './model';

/** Why a file has no chain to show, or null when it has one. */
export function emptyReasonFor(index: ChainIndex, file: FollowedFile | null): EmptyReason | null {
  if (file === null) return 'no-note';
  if (file.extension !== 'md') return 'not-markdown';
  const record = index.note(file.path);
  if (record === undefined) return 'not-indexed';
  if (record.id === null && index.referencesOf(file.path).length === 0) return 'no-id-no-refs';
  return null;
}

/** The core's chain for the file, in the directions the settings ask for, or why there is none. */
export function computeChain(
  index: ChainIndex,
  file: FollowedFile | null,
  depth: number,
  settings: { readonly showIncoming: boolean },
): ChainComputation {
  const reason = emptyReasonFor(index, file);
  if (reason !== null || file === null) return { kind: 'empty', reason: reason ?? 'no-note' };
  return { kind: 'chain', result: buildChain(index, { path: file.path }, { depth, direction: settings.showIncoming ? 'both' : 'out' }) };
}

/** The chain as the view's controls shape it: filtered, sorted, and without the notes hidden from it. */
export function shapeForView(
  result: ChainResult,
  controls: ChainControls,
  deps: Pick<ChainViewDeps, 'hasExclusions' | 'isExcluded' | 'modified'>,
  keys: ShapeKeys,
): ShapedChain {
  const hidden = controls.hideExcluded && deps.hasExclusions() ? (note: { path: string | null }) => note.path !== null && deps.isExcluded(note.path) : undefined;
  return shapeChain(result, { filter: controls.filter, sort: controls.sort, hidden, modified: (path) => deps.modified(path) }, keys);
}

/** What the view model needs besides the shaped chain. */
export interface ViewModelInputs {
  readonly depth: number;
  readonly showIncoming: boolean;
  readonly showContext: boolean;
  readonly filter: string;
  readonly noteTitle: (path: string) => string;
}

export function emptyModel(reason: EmptyReason, depth: number, missingPin?: string): ChainViewModel {
  return missingPin === undefined ? { kind: 'empty', reason, depth, maxDepth: MAX_CHAIN_DEPTH } : { kind: 'empty', reason, depth, maxDepth: MAX_CHAIN_DEPTH, missingPin };
}

/** The view model of a shaped chain: context lines as prose split around their ID, candidates with titles. */
export function chainViewModel(shaped: ShapedChain, inputs: ViewModelInputs): ChainModel {
  const { result, matches } = shaped;
  // The context of an outgoing entry (a line of its parent) names the entry's ID; the context of
  // an incoming entry (a line of the entry itself) names its parent's ID.
  const toView = (node: ChainNode, contextId: string | null, children: ChainViewNode[]): ChainViewNode => {
    const view = {
      id: node.id,
      path: node.path,
      title: node.title,
      status: node.status,
      candidates: node.candidates.map((path) => ({ path, title: inputs.noteTitle(path) })),
      cycle: node.cycle,
      mentions: node.mentions,
      match: matches.has(node),
      children,
      truncated: node.truncated,
    };
    // The context line is read when the entry is drawn, from its note's text as it is then: a chain
    // has up to 10,000 entries and the view draws a few hundred.
    Object.defineProperty(view, CONTEXT_OF, { value: [node, contextId] });
    return Object.defineProperty(view, 'context', { get: drawnContext }) as unknown as ChainViewNode;
  };
  const outgoing = (node: ChainNode): ChainViewNode => toView(node, node.id, node.children.map(outgoing));
  const incoming = (node: ChainNode, parentId: string | null): ChainViewNode =>
    toView(node, parentId, node.children.map((child) => incoming(child, node.id)));
  return {
    kind: 'chain',
    note: { path: result.root.path ?? '', id: result.root.id, title: result.root.title },
    depth: inputs.depth,
    maxDepth: MAX_CHAIN_DEPTH,
    outgoing: result.out.map(outgoing),
    incoming: inputs.showIncoming ? result.in.map((node) => incoming(node, result.root.id)) : null,
    outgoingTruncated: result.outTruncated,
    incomingTruncated: result.inTruncated,
    outgoingHidden: shaped.hiddenOut,
    incomingHidden: shaped.hiddenIn,
    capped: result.capped,
    showContext: inputs.showContext,
    filter: inputs.filter.trim(),
  };
}

const CONTEXT_OF = Symbol('context of');

function drawnContext(this: { readonly [CONTEXT_OF]: readonly [ChainNode, string | null] }): ViewContext | null {
  const [node, id] = this[CONTEXT_OF];
  return viewContext(node.context, id);
}

function viewContext(context: string | null, id: string | null): ViewContext | null {
  if (context === null || context === '') return null;
  const readable = readableContext(context);
  return readable === '' ? null : contextParts(readable, id);
}
