/** Turns the core's chain result into the view model (pure: index and settings in, plain data out). */

import { buildChain, type ChainIndex, type ChainNode, type ChainResult } from '../../core/chain/chain';
import { readableContext } from '../../core/chain/readableContext';
import { MAX_CHAIN_DEPTH } from '../../core/settings';
import type { ChainViewModel, ChainViewNode, EmptyReason } from './model';
import type { FollowedFile } from './source';

/** The settings the chain view reads. */
export interface ChainViewSettings {
  readonly showIncoming: boolean;
  readonly showContext: boolean;
}

/** Why a file has no chain to show, or null when it has one. */
export function emptyReasonFor(index: ChainIndex, file: FollowedFile | null): EmptyReason | null {
  if (file === null) return 'no-note';
  if (file.extension !== 'md') return 'not-markdown';
  const record = index.note(file.path);
  if (record === undefined) return 'not-indexed';
  if (record.id === null && index.referencesOf(file.path).length === 0) return 'no-id-no-refs';
  return null;
}

/** The core's chain for the file in the directions the settings ask for, or null when there is none. */
export function chainFor(
  index: ChainIndex,
  file: FollowedFile | null,
  depth: number,
  settings: ChainViewSettings,
): ChainResult | null {
  if (file === null || emptyReasonFor(index, file) !== null) return null;
  return buildChain(index, { path: file.path }, { depth, direction: settings.showIncoming ? 'both' : 'out' });
}

/** The view model for the file: its chain, or the reason there is none. */
export function chainViewModel(
  index: ChainIndex,
  file: FollowedFile | null,
  depth: number,
  settings: ChainViewSettings,
): ChainViewModel {
  const reason = emptyReasonFor(index, file);
  if (reason !== null || file === null) {
    return { kind: 'empty', reason: reason ?? 'no-note', depth, maxDepth: MAX_CHAIN_DEPTH };
  }
  const result = buildChain(index, { path: file.path }, { depth, direction: settings.showIncoming ? 'both' : 'out' });
  const toView = (node: ChainNode): ChainViewNode => ({
    id: node.id,
    path: node.path,
    title: node.title,
    status: node.status,
    candidates: node.candidates.map((path) => ({ path, title: index.note(path)?.title ?? '' })),
    cycle: node.cycle,
    context: readableContext(node.context ?? ''),
    children: node.children.map(toView),
    truncated: node.truncated,
  });
  return {
    kind: 'chain',
    note: { path: file.path, id: result.root.id, title: result.root.title },
    depth,
    maxDepth: MAX_CHAIN_DEPTH,
    outgoing: result.out.map(toView),
    incoming: settings.showIncoming ? result.in.map(toView) : null,
    outgoingTruncated: result.outTruncated,
    incomingTruncated: result.inTruncated,
    capped: result.capped,
    showContext: settings.showContext,
  };
}
