/** The chain's entries as callers get them, each context line computed when first read. */
import type { ResolutionStatus } from '../types';
import type { BuildNode, ContextSource } from './edges';
import type { ChainNode } from './types';

/**
 * A chain entry whose `context` is read through a getter: the line is computed when read, because
 * a chain holds up to 10,000 entries while a view draws a few hundred, and on a scanned index each
 * line is recomputed from its note's text (so a redraw shows the text as it is now). The getter is
 * an own enumerable property, so the entry compares and serialises with its context like a plain
 * object with the same fields in the same order.
 */
export function freeze(node: BuildNode): ChainNode {
  return new ChainEntry(node);
}

const CONTEXT_SOURCE = Symbol('context source');
// Shared descriptors: defining them per entry allocates nothing and keeps entries of one shape.
const CONTEXT_GETTER: PropertyDescriptor = { get: readContext, enumerable: true };
const HIDDEN_SOURCE: PropertyDescriptor = { value: null, writable: true, enumerable: false };

class ChainEntry {
  declare readonly id: string | null;
  declare readonly path: string | null;
  declare readonly title: string;
  declare readonly status: ResolutionStatus;
  declare readonly candidates: readonly string[];
  declare readonly cycle: boolean;
  declare readonly context: string | null;
  declare readonly mentions: number;
  declare readonly children: readonly ChainNode[];
  declare readonly truncated: number;
  declare [CONTEXT_SOURCE]: ContextSource;

  constructor(node: BuildNode) {
    const { note } = node;
    const self = this as { -readonly [K in keyof ChainEntry]: ChainEntry[K] };
    self.id = note.id;
    self.path = note.path;
    self.title = note.title;
    self.status = note.status;
    self.candidates = note.candidates;
    self.cycle = node.cycle;
    Object.defineProperty(this, 'context', CONTEXT_GETTER);
    Object.defineProperty(this, CONTEXT_SOURCE, HIDDEN_SOURCE);
    self[CONTEXT_SOURCE] = node.context;
    self.mentions = node.mentions;
    self.children = node.children.map(freeze);
    self.truncated = node.truncated;
  }
}

function readContext(this: { readonly [CONTEXT_SOURCE]: ContextSource }): string | null {
  const source = this[CONTEXT_SOURCE];
  return typeof source === 'function' ? source() : source;
}
