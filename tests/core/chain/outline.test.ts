import { buildChain } from '../../../src/core/chain/chain';
import { renderOutline } from '../../../src/core/chain/outline';
import { approvalsIn } from '../../approval';
import { facts } from '../index/helpers';
import { A, B, C, MISSING, sampleIndex } from './sample';
import * as path from 'path';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));

describe('renderOutline', () => {
  test('both directions of the sample vault, with cycle, unresolved, ambiguous and truncation markers', () => {
    const index = sampleIndex();
    const sections = [
      ['Both directions from A, depth 3', buildChain(index, { id: A }, { depth: 3, direction: 'both' })],
      ['Outgoing from B, depth 2, one child per note', buildChain(index, { id: B }, { depth: 2, direction: 'out', maxChildren: 1 })],
      ['Incoming to C, depth 2', buildChain(index, { id: C }, { depth: 2, direction: 'in' })],
      ['An unresolved ID', buildChain(index, { id: MISSING }, { depth: 1, direction: 'both' })],
      ['A note outside the index', buildChain(index, { path: 'nowhere.md' }, { depth: 1, direction: 'both' })],
    ] as const;
    expectApproved('outline.md', sections.map(([title, result]) => `## ${title}\n\n${renderOutline(result)}`).join('\n'));
  });

  test('two-space indentation per level and one line per node', () => {
    const outline = renderOutline(buildChain(sampleIndex(), { id: B }, { depth: 1, direction: 'out' }));
    expect(outline).toBe(
      [`- ${B} Teams exist`, '  - Builds on', `    - ${C} Serve others`, `    - ${A} Execution`, ''].join('\n'),
    );
  });

  test('a section whose every entry the node budget left out shows the count, not "(none)"', () => {
    const outline = renderOutline(buildChain(sampleIndex(), { id: B }, { depth: 1, direction: 'both', maxNodes: 0 }));
    expect(outline).toBe([`- ${B} Teams exist`, '  - Builds on', '    - … 2 more', '  - Built on by', '    - … 1 more', ''].join('\n'));
  });

  test('a note titled by its own ID shows the ID once', () => {
    const bare = '202104291530';
    const index = sampleIndex([facts(`${A} Execution.md`, A, [bare], 'Execution'), facts(`${bare}.md`, bare, [A])]);
    expect(renderOutline(buildChain(index, { id: bare }, { depth: 1, direction: 'both' }))).toBe(
      [`- ${bare}`, '  - Builds on', `    - ${A} Execution`, '  - Built on by', `    - ${A} Execution`, ''].join('\n'),
    );
  });
});
