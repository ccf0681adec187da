import { buildChain } from '../../../src/core/chain/chain';
import { chainMembers, sameChain } from '../../../src/core/chain/equal';
import { A, B, C, D, MISSING, sampleIndex, sampleNotes } from './sample';
import { facts } from '../index/helpers';

describe('sameChain', () => {
  test('the same vault gives the same chain; any change to an entry, a count or a context differs', () => {
    const chain = buildChain(sampleIndex(), { id: A }, { depth: 3, direction: 'both' });
    expect(sameChain(chain, buildChain(sampleIndex(), { id: A }, { depth: 3, direction: 'both' }))).toBe(true);
    const renamed = sampleNotes().map((note) => (note.id === C ? { ...note, title: 'Serve others well' } : note));
    expect(sameChain(chain, buildChain(sampleIndex(renamed), { id: A }, { depth: 3, direction: 'both' }))).toBe(false);
    const mentionedAgain = sampleNotes().map((note) => (note.id === A ? facts(note.path, A, [A, B, C, B, MISSING, D, C], 'Execution') : note));
    expect(sameChain(chain, buildChain(sampleIndex(mentionedAgain), { id: A }, { depth: 3, direction: 'both' }))).toBe(false);
    expect(sameChain(chain, buildChain(sampleIndex(), { id: A }, { depth: 2, direction: 'both' }))).toBe(false);
  });
});

describe('chainMembers', () => {
  test('lists every ID and path in both trees, the root and ambiguous candidates included', () => {
    const { ids, paths } = chainMembers(buildChain(sampleIndex(), { id: A }, { depth: 1, direction: 'both' }));
    expect([...ids].sort()).toEqual([A, B, C, D, MISSING].sort());
    expect(paths).toContain(`${A} Execution.md`);
    expect(paths).toContain(`dup/${D} Hard decisions.md`);
    expect(paths).toContain('Reading list.md');
  });
});
