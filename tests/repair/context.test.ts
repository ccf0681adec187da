/** The repair context: the vault's paths as a list or a lookup, and the defaults a caller may leave out. */
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { createPathLookup } from '../../src/core/index/linkTargets';
import { createRepairContext } from '../../src/core/repair/context';
import type { LinkParts } from '../../src/core/types';
import { indexOf } from './helpers';

const FILES = { '202108191025 Teams exist.md': '', 'notes/a.md': '' };
const PATHS = Object.keys(FILES);
const index = indexOf(FILES);
const linkTo = (target: string): LinkParts => ({ from: 0, to: target.length + 4, embed: false, target, targetFrom: 2, targetTo: 2 + target.length, subpath: '', display: null });

describe('the repair context', () => {
  it('resolves links among the vault paths given as a list or as a lookup, the same way', () => {
    for (const paths of [PATHS, createPathLookup(PATHS)]) {
      const context = createRepairContext({ format: TWELVE_DIGIT, index, paths });
      expect(context.resolveLink(linkTo('202108191025 teams EXIST'), 'wikilink', 'notes/a.md')).toBe('202108191025 Teams exist.md');
      expect(context.resolveLink(linkTo('202108191025 Old'), 'wikilink', 'notes/a.md')).toBeNull();
    }
  });

  it('plans no link style and knows no former titles unless told', () => {
    const context = createRepairContext({ format: TWELVE_DIGIT, index, paths: PATHS });
    expect(context.linkStyle).toBe('off');
    expect(context.renameHistory.size).toBe(0);
    const told = createRepairContext({ format: TWELVE_DIGIT, index, paths: PATHS, linkStyle: 'bare', renameHistory: new Map([['202108191025', ['Old']]]) });
    expect(told.linkStyle).toBe('bare');
    expect(told.renameHistory.get('202108191025')).toStrictEqual(['Old']);
  });

  it('answers whether a link names a file the same with the owner given as without, and only from files the vault holds', () => {
    const context = createRepairContext({ format: TWELVE_DIGIT, index, paths: PATHS });
    const names = context.namesFile;
    const owner = '202108191025 Teams exist.md';
    const targets = ['202108191025 Teams exist', '202108191025 Teams exist.md', '202108191025 teams exist', '202108191025 Old', 'notes/202108191025 Teams exist', ' 202108191025 Teams exist ', '', '.', '..'];
    for (const target of targets) {
      for (const form of ['wikilink', 'markdown'] as const) {
        expect([target, form, names(linkTo(target), form, 'notes/a.md', owner)]).toStrictEqual([target, form, names(linkTo(target), form, 'notes/a.md')]);
      }
    }
    // An owner the vault's files do not hold (an index out of step with them) names no file by itself.
    const without = createRepairContext({ format: TWELVE_DIGIT, index, paths: ['notes/a.md'] });
    expect(without.namesFile(linkTo('202108191025 Teams exist'), 'wikilink', 'notes/a.md', owner)).toBe(false);
  });
});
