/** `graph`: a chain, or the whole vault's references, as Mermaid, Graphviz DOT or JSON. */
import { buildChain } from '../../core/chain/chain';
import { GRAPH_FORMATS, renderChainText, renderGraph, type GraphFormat } from '../../core/chain/export';
import { vaultGraph } from '../../core/chain/graph';
import { MAX_CHAIN_DEPTH } from '../../core/settings';
import { choiceOption, wholeNumberOption } from '../args';
import { UsageError } from '../errors';
import { chainStart, DEFAULT_DEPTH_HELP, DIRECTIONS, MAX_NODES } from './chain';
import type { CliCommand } from './command';

export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'Print a chain, or the whole vault, as a graph for Mermaid, Graphviz or other tools.',
  synopsis: '[ID|PATH] [options]',
  description: [
    'With an ID or PATH, prints the chain of that note (as `chain` finds it) as a graph: each note',
    'once, an edge from each note to every note it builds on, a cycle as an edge back. Without one,',
    'prints every note of the vault and every reference between notes. IDs that name no note, or',
    'several, are nodes of their own (dashed in pictures).',
    '',
    'Formats: mermaid (a flowchart; in Obsidian each note is a link), dot (Graphviz: pipe it into',
    '`dot -Tsvg`), json ({ root, nodes: [{ key, id, path, title, status }], edges: [{ from, to }] },',
    'where key is the path of a note, or the ID itself when it names no single note).',
  ].join('\n'),
  exitCodes: '0 graph printed, 2 usage error or a vault or PATH that cannot be read',
  options: [
    { name: 'format', value: 'mermaid|dot|json', help: 'Output format (default mermaid); --json means json.' },
    { name: 'depth', value: 'N', help: `Levels to follow from the start, 1 to ${MAX_CHAIN_DEPTH} (${DEFAULT_DEPTH_HELP}).` },
    { name: 'direction', value: 'out|in|both', help: 'References to follow from the start (default both).' },
  ],
  async run(context) {
    if (context.positionals.length > 1) throw new UsageError('graph takes at most one ID or PATH.');
    const format = graphFormat(context.options.get('format'), context.json);
    const depthOption = context.options.get('depth');
    const directionOption = context.options.get('direction');
    const vault = await context.loadVault();
    if (context.positionals.length === 0) {
      if (depthOption !== undefined || directionOption !== undefined) {
        throw new UsageError('--depth and --direction follow a chain: give an ID or PATH to start from, or leave them out for the whole vault.');
      }
      context.io.stdout(renderGraph(vaultGraph(vault.index), format));
      return 0;
    }
    const depth = typeof depthOption === 'string' ? wholeNumberOption('depth', depthOption, 1, MAX_CHAIN_DEPTH) : null;
    const direction = typeof directionOption === 'string' ? choiceOption('direction', directionOption, DIRECTIONS) : 'both';
    const start = await chainStart(context.positionals[0], vault.settings.format, vault, context.io);
    const result = buildChain(vault.index, start, { depth: depth ?? vault.settings.chainDepth, direction, maxNodes: MAX_NODES });
    if (result.capped) {
      context.io.stderr(`principle-chain: the chain was cut at ${MAX_NODES} notes; use a smaller --depth to see all of it.\n`);
    }
    context.io.stdout(renderChainText(result, format));
    return 0;
  },
};

function graphFormat(option: string | true | undefined, json: boolean): GraphFormat {
  const chosen = typeof option === 'string' ? choiceOption('format', option, GRAPH_FORMATS) : null;
  if (json && chosen !== null && chosen !== 'json') throw new UsageError(`--json and --format ${chosen} ask for different outputs; give one.`);
  return json ? 'json' : (chosen ?? 'mermaid');
}
