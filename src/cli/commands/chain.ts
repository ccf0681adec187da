/** `chain`: the notes a note builds on and the notes built on it, as trees. */
import { buildChain, type ChainDirection, type ChainNode, type ChainResult, type ChainStart } from '../../core/chain/chain';
import { renderOutline } from '../../core/chain/outline';
import type { IdFormat } from '../../core/ids/formats';
import { DEFAULT_SETTINGS, MAX_CHAIN_DEPTH } from '../../core/settings';
import { choiceOption, wholeNumberOption } from '../args';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import type { LoadedVault } from '../loadVault';
import { locateNote } from '../locateNote';
import { indentedLines, PLAIN, renderLines } from '../textLayout';
import { writeJson, type CliCommand } from './command';

export const DIRECTIONS: readonly ChainDirection[] = ['out', 'in', 'both'];
/** How --depth's default is told in help: the plugin's setting in the vault, else its default. */
export const DEFAULT_DEPTH_HELP = `default: the plugin's chain depth, else ${DEFAULT_SETTINGS.chainDepth}`;
// Far beyond what anyone reads, yet it keeps a deep chain through a hub of a huge vault finite.
export const MAX_NODES = 100_000;

/** A chain node, keyed exactly as the command-line contract prints it. */
export interface ChainJsonNode {
  readonly id: string | null;
  readonly path: string | null;
  readonly title: string;
  readonly status: string;
  readonly cycle: boolean;
  /** Every note owning an ambiguous ID, sorted; empty otherwise. */
  readonly candidates: readonly string[];
  readonly children: readonly ChainJsonNode[];
}

export const chainCommand: CliCommand = {
  name: 'chain',
  summary: 'Show the notes a note builds on and the notes built on it.',
  synopsis: 'ID|PATH [options]',
  description: [
    'Starts from a note given by its ID or by its path (relative to the vault, or to the current',
    'folder) and follows references out of it ("builds on") and into it ("built on by") to --depth',
    'levels. A note already on the path from the start is marked as a cycle (↺ in text) and not',
    'expanded again; an ID referenced twice from one note appears once; self-references are left out.',
    'Outgoing children come in order of first reference in the note, incoming ones sorted by path.',
    'An unresolved or ambiguous starting ID still shows the notes that reference it.',
    '',
    'JSON: {"note":{"id","path","title","candidates"},"out":[NODE],"in":[NODE]}, NODE = {"id","path",',
    '"title","status","cycle","candidates","children":[NODE]}; "candidates" lists every note owning an',
    'ambiguous ID (empty otherwise).',
  ].join('\n'),
  exitCodes: '0 chain shown (also for an unresolved starting ID), 2 usage error or a vault or PATH that cannot be read',
  options: [
    { name: 'depth', value: 'N', help: `Levels to follow, 1 to ${MAX_CHAIN_DEPTH} (${DEFAULT_DEPTH_HELP}); 1 = direct references only.` },
    { name: 'direction', value: 'out|in|both', help: 'Which trees to show (default both).' },
  ],
  async run(context) {
    if (context.positionals.length !== 1) throw new UsageError('chain needs exactly one ID or PATH.');
    const depthOption = context.options.get('depth');
    const depth = typeof depthOption === 'string' ? wholeNumberOption('depth', depthOption, 1, MAX_CHAIN_DEPTH) : null;
    const directionOption = context.options.get('direction');
    const direction = typeof directionOption === 'string' ? choiceOption('direction', directionOption, DIRECTIONS) : 'both';
    const vault = await context.loadVault();
    const start = await chainStart(context.positionals[0], vault.settings.format, vault, context.io);
    const result = buildChain(vault.index, start, { depth: depth ?? vault.settings.chainDepth, direction, maxNodes: MAX_NODES });
    if (result.capped) {
      context.io.stderr(`principle-chain: the chain was cut at ${MAX_NODES} notes; use a smaller --depth to see all of it.\n`);
    }
    if (context.json) writeJson(context.io, chainJson(result));
    // Wrapped lines continue under their list item's text.
    else context.io.stdout(renderLines(indentedLines(renderOutline(result), 2), context.io.style ?? PLAIN));
    return 0;
  },
};

/** The start a CLI argument names: an ID of the format, else a note's path (with a hint when it looked like an ID). */
export async function chainStart(argument: string, format: IdFormat, vault: LoadedVault, io: CliIo): Promise<ChainStart> {
  if (format.exact.test(argument)) {
    // A digit run no note has is an ID only when it is a date and time (as in notes: see PRODUCT.md).
    if (!vault.index.isKnownId(argument) && !format.isPlausible(argument)) {
      throw new UsageError(`${argument} names no note and is no date and time, so it is not an ID of the format ${format.label}.`);
    }
    return { id: argument };
  }
  try {
    return { path: await locateNote(argument, vault, io) };
  } catch (error) {
    const looksLikeId = !/[/\\]|\.md$/i.test(argument) && /\d/.test(argument);
    if (!(error instanceof UsageError) || !looksLikeId) throw error;
    throw new UsageError(`${argument} is not an ID of the format ${format.label}, and no note has that path; for another ID format use --id-format.`);
  }
}

type ChainJsonNote = { id: string | null; path: string | null; title: string; candidates: readonly string[] };

export function chainJson(result: ChainResult): { note: ChainJsonNote; out: ChainJsonNode[]; in: ChainJsonNode[] } {
  const { id, path, title, candidates } = result.root;
  return { note: { id, path, title, candidates: [...candidates] }, out: result.out.map(jsonNode), in: result.in.map(jsonNode) };
}

function jsonNode(node: ChainNode): ChainJsonNode {
  const { id, path, title, status, cycle } = node;
  return { id, path, title, status, cycle, candidates: [...node.candidates], children: node.children.map(jsonNode) };
}
