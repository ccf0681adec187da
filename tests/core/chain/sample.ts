import { TWELVE_DIGIT } from '../../../src/core/ids/formats';
import { IdIndex } from '../../../src/core/index/idIndex';
import type { NoteFacts } from '../../../src/core/index/noteFacts';
import { facts } from '../index/helpers';

export const A = '202104291524';
export const B = '202108191025';
export const C = '202104291947';
export const D = '202104291526';
export const E = '202104291527';
export const F = '202104291528';
export const MISSING = '202104292040';
export const BUMPED = '202199999999';

/** A small vault: A → B, C, missing, ambiguous D; B → A (cycle), C; C → E → F; Z → A twice. */
export function sampleNotes(): NoteFacts[] {
  return [
    facts(`${A} Execution.md`, A, [A, B, C, B, MISSING, D, BUMPED], 'Execution'),
    facts(`${B} Teams exist.md`, B, [C, A], 'Teams exist'),
    facts(`${C} Serve others.md`, C, [E], 'Serve others'),
    facts(`${D} Hard decisions.md`, D, [], 'Hard decisions'),
    facts(`dup/${D} Hard decisions.md`, D, [], 'Hard decisions'),
    facts(`${E} Ambiguity.md`, E, [F], 'Ambiguity'),
    facts(`${F} Slow feedback.md`, F, [], 'Slow feedback'),
    facts('Reading list.md', null, [A, A, C], 'Reading list'),
  ];
}

export function sampleIndex(notes = sampleNotes()): IdIndex {
  const index = new IdIndex({ format: TWELVE_DIGIT });
  for (const note of notes) index.apply({ kind: 'upsert', facts: note });
  return index;
}
