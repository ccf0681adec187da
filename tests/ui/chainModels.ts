/** Hand-built chain models for render and view tests (shapes the core produces). */

import { contextParts } from '../../src/core/chain/readableContext';
import type { ChainModel, ChainViewNode, ViewContext } from '../../src/ui/chain/model';

type NodeFields = Partial<Omit<ChainViewNode, 'context'>> & Pick<ChainViewNode, 'id' | 'title'> & { context?: string | ViewContext | null };

/** A context line split around the ID it names (as the view model builds it). */
export function context(text: string, id: string | null): ViewContext {
  return contextParts(text, id);
}

/** A resolved node with sensible defaults; override any field. A string context is split around the node's ID. */
export function node(fields: NodeFields): ChainViewNode {
  const { context: given, ...rest } = fields;
  return {
    path: fields.id === null ? null : `${fields.id} ${fields.title}.md`,
    status: 'resolved',
    candidates: [],
    cycle: false,
    mentions: 1,
    match: false,
    children: [],
    truncated: 0,
    ...rest,
    context: typeof given === 'string' ? (given === '' ? null : context(given, fields.id)) : (given ?? null),
  };
}

/** A chain model for the note `202104291524 Execution is the priority of the team`. */
export function chainModel(fields: Partial<ChainModel> = {}): ChainModel {
  return {
    kind: 'chain',
    note: { path: '202104291524 Execution is the priority of the team.md', id: '202104291524', title: 'Execution is the priority of the team' },
    depth: 3,
    maxDepth: 10,
    outgoing: [],
    incoming: [],
    outgoingTruncated: 0,
    incomingTruncated: 0,
    outgoingHidden: 0,
    incomingHidden: 0,
    capped: false,
    showContext: true,
    filter: '',
    ...fields,
  };
}

/** `count` resolved siblings with IDs 2021010100nn… in order. */
export function siblings(count: number): ChainViewNode[] {
  return Array.from({ length: count }, (_, i) => {
    const minutes = String(i % 60).padStart(2, '0');
    const hours = String(Math.floor(i / 60) % 24).padStart(2, '0');
    const day = String(1 + Math.floor(i / 1440)).padStart(2, '0');
    return node({ id: `202101${day}${hours}${minutes}`, title: `Note ${i + 1}` });
  });
}

/** A small chain with a cycle, an unresolved ID, an ambiguous ID, counts and context lines. */
export function mixedModel(): ChainModel {
  const root = { id: '202104291524', title: 'Execution is the priority of the team' };
  return chainModel({
    outgoing: [
      node({
        id: '202108191025',
        title: 'Teams exist for a reason',
        mentions: 2,
        context: '…After all, 202108191025 Teams exist for a reason and the reason…',
        children: [
          node({ ...root, cycle: true, context: 'See 202104291524 for why.' }),
          node({ id: '202109260705', title: 'Ownership is shared', truncated: 4 }),
        ],
      }),
      node({ id: '202112311199', title: '', path: null, status: 'unresolved', context: 'Broken: 202112311199 somewhere' }),
      node({
        id: '202203151000',
        title: '',
        path: null,
        status: 'ambiguous',
        candidates: [
          { path: '202203151000 Feedback is a habit.md', title: 'Feedback is a habit' },
          { path: '202203151000 Praise in public.md', title: 'Praise in public' },
        ],
      }),
    ],
    incoming: [node({ id: null, title: 'Reading list', path: 'Reading list.md', context: context('Start at 202104291524.', '202104291524') })],
  });
}
