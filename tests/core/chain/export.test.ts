import * as path from 'path';
import { buildChain, type ChainResult } from '../../../src/core/chain/chain';
import { GRAPH_FORMATS, renderChainText, renderGraph, type ChainTextFormat } from '../../../src/core/chain/export';
import { chainGraph, vaultGraph } from '../../../src/core/chain/graph';
import { renderOutline } from '../../../src/core/chain/outline';
import { approvalsIn } from '../../approval';
import { exampleVaultIndex } from '../../exampleVault';
import { A, B, D, MISSING, sampleIndex, sampleNotes } from './sample';

const expectApproved = approvalsIn(path.join(__dirname, '__approved__'));
const example = exampleVaultIndex();
const CLARITY = '202201100900 Clarity is a gift to the team.md';
const FORMATS: readonly ChainTextFormat[] = ['outline', ...GRAPH_FORMATS];
const EXTENSIONS: Record<ChainTextFormat, string> = { outline: 'md', mermaid: 'mmd', dot: 'dot', json: 'json' };

describe('the example vault in every format (approved files)', () => {
  const chain = buildChain(example, { path: CLARITY }, { depth: 3, direction: 'both' });
  test.each(FORMATS)('the chain of "Clarity is a gift to the team" as %s', (format) => {
    expectApproved(`example-chain.${EXTENSIONS[format]}`, renderChainText(chain, format));
  });

  test.each(GRAPH_FORMATS)('the whole vault\'s reference graph as %s', (format) => {
    expectApproved(`example-vault-graph.${EXTENSIONS[format]}`, renderGraph(vaultGraph(example), format));
  });

  test('the outline format is the outline renderer', () => {
    expect(renderChainText(chain, 'outline')).toBe(renderOutline(chain));
  });
});

describe('chainGraph', () => {
  test('each note once, each reference once, a cycle as an edge back; incoming edges point at the note they cite', () => {
    const graph = chainGraph(buildChain(sampleIndex(), { id: A }, { depth: 2, direction: 'both' }));
    const name = (key: string): string => key.slice(0, 12);
    expect(graph.root).toBe(`${A} Execution.md`);
    expect(new Set(graph.nodes.map((node) => node.key)).size).toBe(graph.nodes.length);
    const edges = graph.edges.map((edge) => `${name(edge.from)}>${name(edge.to)}`);
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges).toContain(`${A}>${B}`);
    expect(edges).toContain(`${B}>${A}`);
    expect(edges).toContain(`Reading list>${A}`);
    expect(graph.nodes.find((node) => node.id === MISSING)).toStrictEqual({ key: MISSING, id: MISSING, path: null, title: '', status: 'unresolved' });
  });

  test('a graph renders the same whatever order the chain was built in', () => {
    const forward = chainGraph(buildChain(sampleIndex(), { id: A }, { depth: 4, direction: 'both' }));
    expect(renderGraph(forward, 'json')).toBe(renderGraph(chainGraph(buildChain(sampleIndex(), { id: A }, { depth: 4, direction: 'both' })), 'json'));
  });
});

describe('text that would break a format', () => {
  const note = (title: string): ChainResult => ({
    root: { id: '202101010000', path: `202101010000 ${title}.md`, title, status: 'resolved', candidates: [] },
    direction: 'out',
    depth: 1,
    out: [],
    outTruncated: 0,
    in: [],
    inTruncated: 0,
    capped: false,
  });
  const hostile = 'Say "no" <b>early</b> & C# #quot; \\ done';

  test('Mermaid labels use entity codes, so the node still shows the exact text', () => {
    const mermaid = renderChainText(note(hostile), 'mermaid');
    const label = /n0\["([^"]*)"\]/.exec(mermaid)?.[1] ?? '';
    expect(label).not.toMatch(/[<>"]/);
    expect(label.replace(/#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))).toBe(`202101010000 ${hostile}`);
  });

  test('DOT strings escape quotes and backslashes', () => {
    const dot = renderChainText(note(hostile), 'dot');
    expect(dot).toContain('label="202101010000 Say \\"no\\" <b>early</b> & C# #quot; \\\\ done"');
  });

  test('a line break or an escape sequence in a name makes no line of its own and reaches no terminal, in any text format', () => {
    const forged = 'B\n    - 202112311259 Forged\u001b[2J\r';
    const outline = renderChainText(note(forged), 'outline');
    expect(outline).toBe('- 202101010000 B\\n    - 202112311259 Forged\\x1b[2J\\r\n  - Builds on (none)\n');
    const mermaid = renderChainText(note(forged), 'mermaid');
    expect(mermaid.split('\n')[1]).toBe('  n0["202101010000 B#10;    - 202112311259 Forged#27;[2J#13;"]');
    const dot = renderChainText(note(forged), 'dot');
    expect(dot).toContain('label="202101010000 B\\n    - 202112311259 Forged\\\\x1b[2J\\n"');
    // eslint-disable-next-line no-control-regex -- what must not reach the output
    for (const text of [outline, mermaid, dot]) expect(/[\u0000-\u0008\u000b-\u001f]/.test(text.replace(/\n/g, ''))).toBe(false);
  });

  test('JSON keeps the text as it is', () => {
    const json = JSON.parse(renderChainText(note(hostile), 'json')) as { nodes: { title: string }[] };
    expect(json.nodes[0].title).toBe(hostile);
  });

  test('Mermaid shows the link text Obsidian would write when given one', () => {
    const mermaid = renderChainText(note('Plain'), 'mermaid', { linktext: () => 'Plain note' });
    expect(mermaid).toContain('n0["Plain note"]');
    expect(mermaid).toContain('class n0 internal-link');
  });

  test('Mermaid links no note whose name holds #: Obsidian would open (or create) the note named up to it', () => {
    const mermaid = renderChainText(note('C# tips'), 'mermaid', { linktext: (path) => path.replace(/\.md$/, '') });
    expect(mermaid).toBe(['graph TD', '  n0["202101010000 C#35; tips"]', '  classDef start stroke-width:3px', '  class n0 start', ''].join('\n'));
  });
});

describe('captions and classes at the edges', () => {
  const bare = '202104291530';

  test('a note titled by its own ID is captioned by the ID once', () => {
    const index = sampleIndex();
    index.apply({ kind: 'upsert', facts: { path: `${bare}.md`, id: bare, title: bare, references: [] } });
    const dot = renderChainText(buildChain(index, { id: bare }, { depth: 1, direction: 'both' }), 'dot');
    expect(dot).toContain(`"${bare}.md" [label="${bare}", penwidth=2];`);
  });

  test('a start outside the index is captioned by its path, open, and links to nothing', () => {
    const result = buildChain(sampleIndex(), { path: 'Notes/nowhere.md' }, { depth: 1, direction: 'both' });
    expect(renderChainText(result, 'dot')).toContain('"Notes/nowhere.md" [label="Notes/nowhere.md (unresolved)", style=dashed, penwidth=2];');
    const mermaid = renderChainText(result, 'mermaid');
    expect(mermaid).toBe(
      ['graph TD', '  n0["Notes/nowhere.md (unresolved)"]', '  classDef start stroke-width:3px', '  class n0 start', '  classDef open stroke-dasharray:4 4', '  class n0 open', ''].join('\n'),
    );
  });

  test('the default link text drops only the final .md', () => {
    const result = buildChain(sampleIndex(), { id: A }, { depth: 0, direction: 'both' });
    const moved = { ...result, root: { ...result.root, path: `v1.md-archive/${A} Execution.md` } };
    expect(renderChainText(moved, 'mermaid')).toContain(`n0["v1.md-archive/${A} Execution"]`);
  });

  test('a line break in a name stays one DOT line', () => {
    const graph = { root: null, nodes: [{ key: 'a\nb.md', id: null, path: 'a\nb.md', title: 'a\r\nb\rc', status: 'resolved' as const }], edges: [] };
    expect(renderGraph(graph, 'dot')).toContain('  "a\\nb.md" [label="a\\nb\\nc"];');
  });
});

describe('vaultGraph', () => {
  test('notes by path whatever order the index holds them in; an ID naming no note, or several, is a node of its own', () => {
    const notes = [...sampleNotes()].reverse();
    const graph = vaultGraph(sampleIndex(notes));
    const paths = graph.nodes.filter((node) => node.path !== null).map((node) => node.path as string);
    expect(paths).toStrictEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(paths).toHaveLength(notes.length);
    expect(graph.nodes.find((node) => node.key === MISSING)).toStrictEqual({ key: MISSING, id: MISSING, path: null, title: '', status: 'unresolved' });
    expect(graph.nodes.find((node) => node.key === D)).toStrictEqual({ key: D, id: D, path: null, title: '', status: 'ambiguous' });
    expect(graph.edges).toContainEqual({ from: `${A} Execution.md`, to: MISSING });
    expect(graph.edges).toContainEqual({ from: `${A} Execution.md`, to: D });
    expect(graph.edges.filter((edge) => edge.from === edge.to)).toStrictEqual([]);
  });
});
