/** `repair`: plan the ID-link repairs of a vault (dry run), or write them with --apply. */
import * as path from 'path';
import { applyEdits } from '../../core/repair/edits';
import { createRepairContext } from '../../core/repair/context';
import { planRepairs } from '../../core/repair/plan';
import { createNoteScreen, filesToPlan } from '../../core/repair/screen';
import { pluginFolderIn } from '../../core/pluginFolder';
import { readRepairState, REPAIR_STATE_FILE } from '../../core/repair/state';
import { withUnreadableNotes } from '../../core/repair/unreadable';
import type { RepairPlan } from '../../core/repair/types';
import type { RenameHistory } from '../../core/repair/renames';
import { choiceOption } from '../args';
import type { LinkStyle } from '../../core/settings';
import { UsageError } from '../errors';
import type { LoadedVault } from '../loadVault';
import { describeError, readNote } from '../readVault';
import { repairTextLines } from '../repairText';
import { PLAIN, renderLines } from '../textLayout';
import { showControlCharacters } from '../../core/controlChars';
import type { VaultFs } from '../vaultFs';
import { writeJson, type CliCommand } from './command';
import { createNodeAtomicWriter, removeLeftoverTemporaries, type AtomicWriter } from '../atomicWrite';
import { DEFAULT_CONFIG_DIR } from '../pluginSettings';

const LINK_STYLES: readonly LinkStyle[] = ['off', 'wikilink', 'bare'];

/** Where the plugin keeps its state inside a vault; the rename history there drives stale-title repairs. */
function pluginStatePath(configDir: string): string {
  return `${pluginFolderIn(configDir)}/${REPAIR_STATE_FILE}`;
}

/**
 * The rename history the plugin recorded: none without a state file; a damaged one is used as far as
 * it can be read, and one that cannot be read not at all, each with a warning.
 */
async function renameHistoryOf(directory: string, configDir: string, vaultFs: VaultFs, warn: (text: string) => void): Promise<RenameHistory> {
  const statePath = pluginStatePath(configDir);
  const absolute = path.join(directory, statePath);
  if ((await vaultFs.kind(absolute)) === null) return new Map();
  const text = await readNote(vaultFs, absolute);
  if (typeof text !== 'string') {
    warn(`principle-chain: warning: ${statePath} was not used, as ${text.reason}; stale titles need its rename history.\n`);
    return new Map();
  }
  const { state, damage } = readRepairState(text);
  if (damage !== null && state.renameHistory.size === 0) warn(`principle-chain: warning: ${statePath} was not used, as ${damage}; stale titles need its rename history.\n`);
  else if (damage !== null) warn(`principle-chain: warning: ${statePath} is damaged (${damage}); only what could be read of its rename history is used.\n`);
  return state.renameHistory;
}

/** Temporary files an interrupted run of ours left beside notes are removed before writing again. */
async function removeLeftovers(vault: LoadedVault, stderr: (text: string) => void): Promise<void> {
  const removed = await removeLeftoverTemporaries(vault.directory, vault.contents.allPaths);
  if (removed.length > 0) stderr(`Removed ${removed.length} temporary file${removed.length === 1 ? '' : 's'} left by an interrupted repair: ${showControlCharacters(removed.join(', '))}\n`);
}

interface ApplyOutcome {
  readonly written: readonly string[];
  readonly notWritten: readonly { readonly path: string; readonly reason: string }[];
}

/** A planned note and the file its bytes live in (null when the writer does not say), or why that could not be told. */
interface PlannedFile {
  readonly file: RepairPlan['files'][number];
  readonly absolute: string;
  readonly real: string | null;
  /** The vault path of another note the vault lists whose file this note is (a symbolic link to it), else null. */
  readonly home: string | null;
  readonly error: unknown;
}

/**
 * The plan's notes with their files, those that are a symbolic link to another note the vault lists
 * last: that note's own plan goes into the file first, as its links were planned from its own folder
 * (Obsidian lists both, and one file holds one text).
 */
async function plannedFiles(plan: RepairPlan, directory: string, writer: AtomicWriter, isListed: (vaultPath: string) => boolean): Promise<PlannedFile[]> {
  const root = writer.fileOf === undefined ? null : await writer.fileOf(directory).catch(() => null);
  const files: PlannedFile[] = [];
  for (const file of plan.files) {
    const absolute = path.join(directory, ...file.path.split('/'));
    try {
      const real = writer.fileOf === undefined ? null : await writer.fileOf(absolute);
      const relative = root === null || real === null ? null : path.relative(root, real).split(path.sep).join('/');
      const home = relative !== null && relative !== file.path && isListed(relative) ? relative : null;
      files.push({ file, absolute, real, home, error: null });
    } catch (error) {
      files.push({ file, absolute, real: null, home: null, error });
    }
  }
  return [...files.filter((f) => f.home === null), ...files.filter((f) => f.home !== null)];
}

async function applyPlan(plan: RepairPlan, directory: string, writer: AtomicWriter, isListed: (vaultPath: string) => boolean): Promise<ApplyOutcome> {
  const written: string[] = [];
  const notWritten: { path: string; reason: string }[] = [];
  // Files written so far, by the file their bytes live in: a note that is a symbolic link to another
  // note is that note's file, which its planned text reached already (or, if the two plans differ,
  // must not be written again over the other's).
  const writtenFiles = new Map<string, { path: string; next: string }>();
  const planned = new Set(plan.files.map((f) => f.path));
  for (const { file, absolute, real, home, error } of await plannedFiles(plan, directory, writer, isListed)) {
    const next = applyEdits(file.text, file.edits);
    if (error !== null) {
      notWritten.push({ path: file.path, reason: describeError(error) });
      continue;
    }
    try {
      if (home !== null && !planned.has(home)) {
        notWritten.push({ path: file.path, reason: `it is a symbolic link to ${home}, which needs no repair from its own folder` });
        continue;
      }
      const earlier = real === null ? undefined : writtenFiles.get(real);
      if (earlier !== undefined) {
        // The file already holds what this note's plan would write.
        if (earlier.next === next) written.push(file.path);
        else notWritten.push({ path: file.path, reason: `it is the same file as ${earlier.path} (a symbolic link), and that note's repairs were written to it` });
        continue;
      }
      const result = await writer.replaceIfUnchanged(absolute, file.text, next);
      if (result.status === 'written') {
        written.push(file.path);
        if (real !== null) writtenFiles.set(real, { path: file.path, next });
      } else notWritten.push({ path: file.path, reason: result.reason });
    } catch (error) {
      notWritten.push({ path: file.path, reason: describeError(error) });
    }
  }
  return { written, notWritten };
}

/** Writes into the vault folder; a seam for tests. */
export type WriterFactory = (vaultDirectory: string) => AtomicWriter;

const nodeWriterFor: WriterFactory = (root) => createNodeAtomicWriter({ root });

/** The style --link-style gives, or null without it (the plugin's setting applies). */
function linkStyleOption(value: string | true | undefined): LinkStyle | null {
  if (value === undefined) return null;
  return choiceOption('link-style', value === true ? '' : value, LINK_STYLES);
}

/** The command, with the writer as a seam for tests. */
export function createRepairCommand(writerFor: WriterFactory = nodeWriterFor): CliCommand {
  return {
    name: 'repair',
    summary: 'Plan (or with --apply, write) repairs of stale and broken ID references.',
    synopsis: '[VAULT] [--apply] [options]',
    description: [
      'Plans the repairs the plugin offers: stale-link-target (a wikilink or markdown link whose ID',
      'resolves but whose target names no file is repointed, keeping alias, heading, embed and style),',
      'stale-title (a bare "ID Old title" where Old title is a former title of the note),',
      'broken-id (an ID that names no note, followed by the exact title of exactly one note, is',
      'corrected), and with --link-style also link-style (bare references into wikilinks, or back).',
      'Duplicate IDs, and IDs that cannot be fixed without guessing, are listed as problems.',
      '',
      'Former titles come from the rename history the plugin records whenever a note is renamed in',
      `Obsidian, in VAULT/${pluginStatePath(DEFAULT_CONFIG_DIR)}. Without it, no stale titles`,
      'are found.',
      '',
      'A dry run by default: prints the plan and writes nothing. With --apply each file is written',
      'atomically (a temporary file beside it, then renamed over it), and only if it still holds the',
      'text the plan was made on. The vault is VAULT, or --vault DIR, or else the current folder; with',
      '--apply it must be named (. for the current folder), so notes are only written where you said.',
      '',
      'JSON: {"files":[{"file","edits":[{"kind","line","from","to","before","after"}]}],',
      '"problems":[{"kind","file","line","id","message"}],"applied":bool}; from/to are UTF-16 offsets',
      'into the file as it was planned on.',
    ].join('\n'),
    exitCodes: 'dry run: 0 nothing to repair, 1 edits pending; --apply: 0 every file written, 1 a file could not be written; 2 usage error',
    options: [
      { name: 'apply', help: 'Write the repairs (default: only show them).' },
      {
        name: 'link-style',
        value: 'off|wikilink|bare',
        help: 'Also rewrite references to one style: bare "ID Title" into [[ID Title]], or back (default: the plugin\'s setting, else off).',
      },
    ],
    async run(context) {
      if (context.positionals.length > 1) throw new UsageError('repair takes at most one VAULT folder.');
      const [positional] = context.positionals;
      if (positional !== undefined && context.options.has('vault')) throw new UsageError('Give the vault either as VAULT or with --vault, not both.');
      const apply = context.options.has('apply');
      const linkStyle = linkStyleOption(context.options.get('link-style'));
      // Writing notes: never into a folder the user did not name.
      const vault = await context.loadVault(positional, apply ? { mustBeNamedFor: 'repair --apply' } : undefined);
      const repairContext = createRepairContext({
        format: vault.settings.format,
        index: vault.index,
        paths: vault.paths,
        renameHistory: await renameHistoryOf(vault.directory, context.configDir, context.io.fs, (text) => context.io.stderr(text)),
        linkStyle: linkStyle ?? vault.settings.linkStyle,
      });
      // The index was built from these very texts: a note it shows to need nothing is not scanned again
      // (nor decoded, when a scanning thread read it).
      const files = new Map(vault.contents.files.map((file) => [file.path, file]));
      const planned = planRepairs(filesToPlan(files.keys(), (notePath) => files.get(notePath)?.text, createNoteScreen(vault.index, repairContext)), repairContext);
      const plan = withUnreadableNotes(planned, vault.contents.unreadable);
      if (apply) await removeLeftovers(vault, (text) => context.io.stderr(text));
      const listed = new Set(vault.contents.files.map((file) => file.path));
      const outcome = apply ? await applyPlan(plan, vault.directory, writerFor(vault.directory), (vaultPath) => listed.has(vaultPath)) : null;
      const applied = outcome !== null && outcome.notWritten.length === 0;
      // Names and reasons (which quote paths) with their control characters escaped, as on stdout.
      for (const failure of outcome?.notWritten ?? []) context.io.stderr(`Not written: ${showControlCharacters(`${failure.path}: ${failure.reason}`)}\n`);
      if (context.json) {
        writeJson(context.io, {
          files: plan.files.map((f) => ({ file: f.path, edits: f.edits.map(({ kind, line, from, to, before, after }) => ({ kind, line, from, to, before, after })) })),
          problems: plan.problems,
          applied,
        });
      } else {
        const summary = outcome === null ? null : { written: outcome.written.length, notWritten: outcome.notWritten.length };
        context.io.stdout(renderLines(repairTextLines(plan, summary, vault.contents.files.length), context.io.style ?? PLAIN));
      }
      if (outcome !== null) return applied ? 0 : 1;
      return plan.files.length > 0 ? 1 : 0;
    },
  };
}

export const repairCommand = createRepairCommand();
