/**
 * Facts given whole (references with their strings), as the cache keeps the rare note the index
 * holds that way: every reference spelled out, each field checked when read back.
 */
import type { IndexedReference, LinkParts, ReferenceForm } from '../types';
import type { NoteFacts } from '../index/noteFacts';
import { isInt, isString } from './values';

const FORMS: readonly ReferenceForm[] = ['bare', 'wikilink', 'markdown'];

type PackedLink = [number, number, 0 | 1, string, number, number, string, string | null];
export type PackedReference = [string, number, number, number, number, number, string] | [string, number, number, number, number, number, string, PackedLink];

function packLink(link: LinkParts): PackedLink {
  return [link.from, link.to, link.embed ? 1 : 0, link.target, link.targetFrom, link.targetTo, link.subpath, link.display];
}

export function packReference(r: IndexedReference): PackedReference {
  const head: [string, number, number, number, number, number, string] = [r.id, FORMS.indexOf(r.form), r.from, r.to, r.line, r.column, r.context];
  return r.link === undefined ? head : [...head, packLink(r.link)];
}

function unpackLink(raw: unknown): LinkParts | null {
  if (!Array.isArray(raw) || raw.length !== 8) return null;
  const from: unknown = raw[0];
  const to: unknown = raw[1];
  const embed: unknown = raw[2];
  const target: unknown = raw[3];
  const targetFrom: unknown = raw[4];
  const targetTo: unknown = raw[5];
  const subpath: unknown = raw[6];
  const display: unknown = raw[7];
  // The spans' order (to < from, targetTo < targetFrom) is also implied by the nesting checked after,
  // with an ID of one character or more inside; the scanner never writes a target at either end of
  // its link (brackets), so `<` for `<=` at the outer bounds only rejects files never written.
  if (!isInt(from) || !isInt(to) || to < from || (embed !== 0 && embed !== 1)) return null;
  if (!isString(target) || !isInt(targetFrom) || !isInt(targetTo) || targetTo < targetFrom) return null;
  if (targetFrom < from || targetTo > to || !isString(subpath) || (display !== null && !isString(display))) return null;
  return { from, to, embed: embed === 1, target, targetFrom, targetTo, subpath, display };
}

export function unpackReference(raw: unknown): IndexedReference | null {
  if (!Array.isArray(raw) || (raw.length !== 7 && raw.length !== 8)) return null;
  const id: unknown = raw[0];
  const formIndex: unknown = raw[1];
  const from: unknown = raw[2];
  const to: unknown = raw[3];
  const line: unknown = raw[4];
  const column: unknown = raw[5];
  const context: unknown = raw[6];
  if (!isString(id) || id === '' || !isInt(formIndex) || formIndex >= FORMS.length) return null;
  if (!isInt(from) || !isInt(to) || to - from !== id.length || !isInt(line) || line < 1 || !isInt(column) || column < 1) return null;
  if (!isString(context)) return null;
  const form = FORMS[formIndex];
  if (raw.length === 7) return form === 'bare' ? { id, form, from, to, line, column, context } : null;
  const link = unpackLink(raw[7]);
  if (link === null || form === 'bare' || from < link.targetFrom || to > link.targetTo) return null;
  return { id, form, from, to, line, column, context, link };
}

export function unpackWhole(path: string, id: string | null, title: string, packedReferences: unknown): NoteFacts | null {
  if (!Array.isArray(packedReferences)) return null;
  const references: IndexedReference[] = [];
  let previousFrom = -1;
  for (let i = 0; i < packedReferences.length; i++) {
    const reference = unpackReference(packedReferences[i]);
    // The index relies on text order; anything else was not written by us. (Two references never
    // start at one offset, so rejecting equal starts too would change nothing.)
    if (reference === null || reference.from < previousFrom) return null;
    previousFrom = reference.from;
    references.push(reference);
  }
  return { path, id, title, references };
}

